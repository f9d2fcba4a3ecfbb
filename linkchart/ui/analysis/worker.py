"""Long work off the GUI thread: a snapshot of the case, a progress dialog, Cancel.

The work function gets a private copy of the case (so the user may keep
editing, and nothing it reads changes under it) and a progress callback that
returns False once the user has cancelled; the pure layouts and analyses turn
that into their own ``Cancelled``. The result comes back on the GUI thread,
where the caller turns it into one undo command.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from linkchart.model import Case


class JobCancelled(Exception):  # noqa: N818 - the user's choice, not an error
    """What ``BackgroundJob.finished`` reports as the error when the user pressed Cancel."""


def snapshot(case: Case) -> Case:
    """A copy of the case's cards, links and groups for reading on another thread.

    Citations and articles are left out: layouts and graph measures never read them.
    """
    copy = Case(vocabulary=case.vocabulary)
    copy.insert_entities([replace(e, citations=[], aliases=list(e.aliases), attributes=dict(e.attributes), style=dict(e.style))
                          for e in case.entities.values()])
    copy.insert_links([replace(k, citations=[], attributes=dict(k.attributes), style=dict(k.style)) for k in case.links.values()])
    for group in case.groups.values():
        copy.insert_group(replace(group, members=list(group.members), style=dict(group.style)))
    return copy


class _Thread(QThread):
    progressed = Signal(float)
    done = Signal(object, object)  # result, exception

    def __init__(self, work: Callable[[Callable[[float], bool]], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancelled = threading.Event()

    def report(self, fraction: float) -> bool:
        self.progressed.emit(float(fraction))
        return not self.cancelled.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.report)
        except Exception as exc:  # noqa: BLE001 - handed back to the GUI thread, which decides
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)


class BackgroundJob(QObject):
    """Run ``work(progress)`` on a thread with a modal progress dialog; ``finished(result, error)`` on the GUI thread.

    ``error`` is the exception the work raised, a :class:`JobCancelled` when the
    user pressed Cancel (whatever the work raised then), else None.
    """

    finished = Signal(object, object)

    def __init__(self, title: str, work: Callable[[Callable[[float], bool]], Any], parent: QWidget) -> None:
        super().__init__(parent)
        self.thread = _Thread(work, self)
        self.dialog = QProgressDialog(title, "Cancel", 0, 1000, parent)
        self.dialog.setObjectName("analysisProgress")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.thread.progressed.connect(lambda f: self.dialog.setValue(int(f * 1000)))
        self.thread.done.connect(self._done)

    def start(self) -> None:
        self.dialog.setValue(0)
        self.thread.start()

    def cancel(self) -> None:
        self.thread.cancelled.set()
        self.dialog.setLabelText("Cancelling…")

    @property
    def running(self) -> bool:
        return self.thread.isRunning()

    def _done(self, result: Any, error: Any) -> None:
        self.thread.wait()
        cancelled = self.thread.cancelled.is_set()
        self.dialog.canceled.disconnect(self.cancel)  # closing a progress dialog emits canceled
        self.dialog.close()
        self.dialog.deleteLater()
        if cancelled:
            result, error = None, JobCancelled()
        self.finished.emit(result, error)
        self.deleteLater()
