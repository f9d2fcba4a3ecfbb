"""Qt widgets: the only package (with render/ and app.py) that imports QtWidgets."""
