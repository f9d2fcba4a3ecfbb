"""Article readers and offline suggestions. Pure Python, no Qt."""
