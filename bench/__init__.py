"""LinkChart benchmark: run as python -m bench (see README)."""
