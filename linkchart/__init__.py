"""LinkChart: offline link analysis with sourced entity cards and attributed links."""

__version__ = "0.1.0"
