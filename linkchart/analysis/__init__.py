"""Graph analysis over the case graph. Pure Python, no Qt."""
