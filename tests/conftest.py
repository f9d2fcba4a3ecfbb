"""Test set-up: offscreen Qt before any Qt import, per-test user folders, no network."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_cases" / "iran-proxies.lcase"


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory, monkeypatch):
    """Keep settings, recent files and autosaves of every test out of the real home folder."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("LINKCHART_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("LINKCHART_DATA_DIR", str(base / "data"))


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE
