"""Chart layouts. Pure Python, no Qt."""
