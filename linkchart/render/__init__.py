"""Scene items and image export shared by the GUI and the headless CLI."""
