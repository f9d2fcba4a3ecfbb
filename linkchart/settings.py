"""Preferences and session state: two versioned JSON files in the user's config folder.

Preferences are what the user chose (theme, grid, autosave interval); session
state is what the program remembers (recent files, window layout). Both are
loaded once by app.py and passed explicitly; a damaged file falls back to the
defaults instead of stopping the program.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from linkchart.io.atomic import atomic_write

SETTINGS_VERSION = 1
MAX_RECENT = 10

T = TypeVar("T", bound="_Stored")


@dataclass
class _Stored:
    version: int = SETTINGS_VERSION

    @classmethod
    def load(cls: type[T], path: Path) -> T:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, value in raw.items():
            if name in known and isinstance(value, type(getattr(defaults, name))):
                values[name] = value
        values["version"] = SETTINGS_VERSION
        return cls(**values)

    def save(self, path: Path) -> None:
        data = json.dumps(asdict(self), indent=2, sort_keys=True).encode("utf-8")
        atomic_write(path, lambda handle: handle.write(data))


@dataclass
class Preferences(_Stored):
    theme: str = "system"  # "system", "light" or "dark"
    snap_to_grid: bool = False
    grid_size: int = 20
    autosave_seconds: int = 30
    quote_mode: str = "sentence"  # "sentence" or "selection": what a dragged quote cites
    filtered_items: str = "grey"  # "grey" or "hide"


@dataclass
class SessionState(_Stored):
    recent_files: list = field(default_factory=list)
    window_geometry: str = ""
    window_state: str = ""
    last_folder: str = ""

    def add_recent(self, path: str) -> None:
        resolved = str(Path(path).resolve())
        self.recent_files = [resolved, *[p for p in self.recent_files if p != resolved]][:MAX_RECENT]
