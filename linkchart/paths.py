"""Per-user folders (platformdirs); created on first use, overridable for tests."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "linkchart"


def _override(var: str) -> Path | None:
    value = os.environ.get(var)
    return Path(value) if value else None


def config_dir() -> Path:
    """Settings and session state. LINKCHART_CONFIG_DIR overrides it (tests, portable use)."""
    path = _override("LINKCHART_CONFIG_DIR") or platformdirs.user_config_path(APP)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Autosaves and recovery journals. LINKCHART_DATA_DIR overrides it."""
    path = _override("LINKCHART_DATA_DIR") or platformdirs.user_data_path(APP)
    path.mkdir(parents=True, exist_ok=True)
    return path


def autosave_dir() -> Path:
    path = data_dir() / "autosave"
    path.mkdir(parents=True, exist_ok=True)
    return path
