"""Autosave and crash recovery.

After ``interval`` seconds of unsaved change the case is written (atomically,
by :func:`linkchart.io.save_case`) to ``paths.autosave_dir()/<session>.lcase``
with a small JSON sidecar naming the original file. A clean save or close
removes both. On the next start, files whose session is not alive are offered
for recovery.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from linkchart import paths
from linkchart.io import CaseFileError, save_case
from linkchart.io.atomic import atomic_write
from linkchart.model import Case

SIDECAR_VERSION = 1
# Sessions of this process still running; their files are never offered for recovery.
_live_sessions: set[str] = set()


@dataclass(frozen=True)
class Recoverable:
    """One autosaved case left behind by a session that ended without saving."""

    case_file: Path
    sidecar: Path
    original: str
    title: str
    saved_at: str

    def discard(self) -> None:
        for path in (self.case_file, self.sidecar):
            path.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own sessions are tracked in _live_sessions instead
    if os.name != "posix" or pid <= 0:
        return False  # no safe liveness probe elsewhere: offer the file rather than hide it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists but is not ours to signal
    return True


def find_recoverable(folder: Path | None = None) -> list[Recoverable]:
    """Autosaves of sessions that are not running any more, newest first."""
    folder = folder or paths.autosave_dir()
    found = []
    for sidecar in folder.glob("*.json"):
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict) or data.get("session") in _live_sessions:
            continue
        case_file = sidecar.with_suffix(".lcase")
        pid = data.get("pid")
        if not case_file.is_file() or (isinstance(pid, int) and _process_alive(pid)):
            continue
        found.append(Recoverable(case_file, sidecar, str(data.get("original", "")), str(data.get("title", "")), str(data.get("saved_at", ""))))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


class Autosaver(QObject):
    """Watches one document's undo stack and keeps a recovery copy while it has unsaved changes."""

    saved = Signal(str)

    def __init__(self, interval_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = str(uuid.uuid4())
        _live_sessions.add(self.session)
        session = self.session
        self.destroyed.connect(lambda *_: _live_sessions.discard(session))
        self.case: Case | None = None
        self.stack: QUndoStack | None = None
        self.original = ""
        self._saved_index: int | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.save_now)
        self.set_interval(interval_seconds)

    @property
    def case_file(self) -> Path:
        return paths.autosave_dir() / f"{self.session}.lcase"

    @property
    def sidecar(self) -> Path:
        return self.case_file.with_suffix(".json")

    def set_interval(self, seconds: int) -> None:
        self.timer.setInterval(max(1, int(seconds)) * 1000)

    def attach(self, case: Case, stack: QUndoStack, original: str = "") -> None:
        """Watch a new document (the previous one's recovery files are removed)."""
        self.discard()
        if self.stack is not None:
            self.stack.indexChanged.disconnect(self._on_index)
        self.case, self.stack, self.original = case, stack, original
        stack.indexChanged.connect(self._on_index)

    def set_original(self, original: str) -> None:
        self.original = original

    def _on_index(self, _index: int) -> None:
        if self.stack is None:
            return
        if self.stack.isClean():
            self.discard()
        elif not self.timer.isActive():
            self.timer.start()

    def dirty_since_autosave(self) -> bool:
        return self.stack is not None and not self.stack.isClean() and self.stack.index() != self._saved_index

    def save_now(self) -> bool:
        """Write the recovery copy if there is anything new to save; False if nothing was written."""
        if self.case is None or self.stack is None or not self.dirty_since_autosave():
            return False
        try:
            save_case(self.case, self.case_file)
            meta = {
                "version": SIDECAR_VERSION,
                "session": self.session,
                "pid": os.getpid(),
                "original": self.original,
                "title": self.case.metadata.get("title", ""),
                "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            }
            payload = json.dumps(meta, indent=2, sort_keys=True).encode("utf-8")
            atomic_write(self.sidecar, lambda handle: handle.write(payload))
        except (CaseFileError, OSError):
            return False  # an autosave failing must never interrupt the analyst; the next one retries
        self._saved_index = self.stack.index()
        self.saved.emit(str(self.case_file))
        return True

    def discard(self) -> None:
        """Remove this session's recovery files (after a save, a discard or a close)."""
        self.timer.stop()
        self._saved_index = None
        for path in (self.case_file, self.sidecar):
            path.unlink(missing_ok=True)

    def stop(self) -> None:
        """The window is closing cleanly: remove the files and stop counting this session as live."""
        self.discard()
        _live_sessions.discard(self.session)
