"""Run long work (layout, imports, centrality on big charts) on a worker thread with a progress dialog.

The function gets a snapshot (never the live case: the model is not
thread-safe) and a :class:`Progress` to report to and poll for Cancel. The
caller gets a :class:`TaskResult` back on the GUI thread and turns it into one
command. Example::

    result = run_task(window, "Laying out the chart", compute_layout, snapshot)
    if result.ok:
        push(window.undo_stack, SetPositionsCommand(window.case, result.value))
"""

from __future__ import annotations

import ctypes
import functools
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from linkchart.model.progress import Cancelled

__all__ = ["Cancelled", "Progress", "TaskResult", "run_task"]


class Progress:
    """Handed to the work function: ``report(fraction, text)`` and ``cancelled`` / ``check()``.

    It is also a ``linkchart.model.progress`` callback (``progress(fraction) -> bool``,
    False once cancelled), so it can be passed straight to layouts and analysis,
    whose :class:`Cancelled` is the same exception.
    """

    def __init__(self, emit: Callable[[float, str], None]) -> None:
        self._send = emit
        self._cancel = threading.Event()
        self._last = -1.0

    def _emit(self, fraction: float, text: str) -> None:
        # Tight loops report thousands of times; the dialog needs a few hundred steps at most.
        if text or fraction >= 1.0 or fraction - self._last >= 0.004 or fraction < self._last:
            self._last = fraction
            self._send(fraction, text)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, fraction: float, text: str = "") -> None:
        """Report 0..1 done; also raises Cancelled if the user has cancelled."""
        self._emit(max(0.0, min(1.0, fraction)), text)
        self.check()

    def __call__(self, fraction: float) -> bool:
        self._emit(max(0.0, min(1.0, fraction)), "")
        return not self.cancelled


@functools.cache
def _one_heap() -> None:
    """Make worker threads allocate from the main thread's heap (glibc only; elsewhere nothing to do).

    glibc gives each new thread its own malloc arena. Memory a worker frees there (a
    case file's text, read on a worker) is not reused by the GUI thread, which then
    builds the chart from fresh memory: opening a 10k case peaked 48 MB higher
    (417 MB, over the 400 MB target). Our workers run one at a time and hold the GIL
    anyway, so sharing one arena costs nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, 1)
    except (OSError, AttributeError):
        pass  # not glibc (musl has no per-thread arenas)


_M_ARENA_MAX = -8  # from glibc's malloc.h


@dataclass
class TaskResult:
    value: Any = None
    cancelled: bool = False
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return not self.cancelled and self.error is None


class _Worker(QThread):
    progressed = Signal(float, str)

    def __init__(self, fn: Callable[..., Any], args: tuple, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fn, self.args = fn, args
        self.progress = Progress(self.progressed.emit)
        self.result = TaskResult()

    def run(self) -> None:
        try:
            self.result.value = self.fn(*self.args, self.progress)
        except Cancelled:
            self.result.cancelled = True
        except Exception as exc:  # handed back to the GUI thread, which reports it
            self.result.error = exc
        if self.progress.cancelled:
            self.result.cancelled = True


def run_task(parent: QWidget | None, label: str, fn: Callable[..., Any], *args: Any, delay_ms: int = 400) -> TaskResult:
    """Call ``fn(*args, progress)`` on a worker thread; show progress with Cancel; wait without freezing the UI.

    The dialog appears only if the work takes longer than *delay_ms*.
    """
    _one_heap()
    worker = _Worker(fn, args)
    dialog = QProgressDialog(label, "Cancel", 0, 1000, parent)
    dialog.setObjectName("taskProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(delay_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def on_progress(fraction: float, text: str) -> None:
        dialog.setValue(round(fraction * 1000))
        if text:
            dialog.setLabelText(text)

    loop = QEventLoop()
    worker.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.progress.cancel)
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    dialog.setParent(None)  # gone from the window's children at once, not at the next idle moment
    dialog.deleteLater()
    return worker.result
