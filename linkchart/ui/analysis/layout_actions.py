"""The Layout menu: run a layout on the chart or the selection, glide the cards there, one undo step.

Small charts are laid out on the GUI thread (they take milliseconds); above
``BACKGROUND_ABOVE`` cards the layout runs on a snapshot on a worker thread
behind a progress dialog with Cancel. Either way the result becomes one
``SetPositionsCommand`` after a short animation. Pinned cards stay put: the
layouts honour ``entity.pinned``, which Pin/Unpin set through an undo command.
``linkchart.layout`` (numpy) is imported when a layout first runs, not at start-up.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from linkchart.commands import SetPositionsCommand, UpdateEntitiesCommand
from linkchart.model import Case
from linkchart.ui.analysis.animation import PositionAnimation, animate_then
from linkchart.ui.analysis.host import Host
from linkchart.ui.analysis.layout_options import ask_hierarchy_types
from linkchart.ui.analysis.worker import BackgroundJob, JobCancelled, snapshot

BACKGROUND_ABOVE = 1000


@dataclass
class LayoutRequest:
    """One layout to run: which function, on which cards, with what options."""

    name: str
    algorithm: str  # a key of linkchart.layout.ALGORITHMS
    ids: list[str] | None
    options: dict[str, Any] = field(default_factory=dict)


class LayoutController(QObject):
    """Runs layouts from the menu and applies each as one undo step."""

    applied = Signal(str)  # the layout's name, once its command is on the stack

    def __init__(self, host: Host, actions) -> None:
        super().__init__(host)
        self.host = host
        self.actions = actions
        self.busy = False
        self.animation: PositionAnimation | None = None
        self.job: BackgroundJob | None = None
        self.hierarchy_types: list[str] | None = None
        host.case_replaced.connect(self._forget_case)
        handlers = {
            "layout.force": lambda: self.run("Force-directed layout", "force"),
            "layout.hierarchical": self.run_hierarchical,
            "layout.circular": lambda: self.run("Circular layout", "circular"),
            "layout.grid": lambda: self.run("Grid layout", "grid"),
            "layout.radial": self.run_radial,
            "layout.grouped_type": lambda: self.run("Layout grouped by type", "grouped", by="type"),
            "layout.grouped_community": lambda: self.run("Layout grouped by community", "grouped", by="community"),
            "layout.pin": lambda: self.set_pinned(True),
            "layout.unpin": lambda: self.set_pinned(False),
        }
        for action_id, handler in handlers.items():
            actions[action_id].triggered.connect(handler)
        actions["layout.selection_only"].setChecked(True)

    # ------------------------------------------------------------ scope
    def scope(self) -> list[str] | None:
        """The selected cards when "selection only" is on and two or more are selected; else None (all)."""
        selected = self.host.selected_entity_ids()
        if self.actions["layout.selection_only"].isChecked() and len(selected) >= 2:
            return selected
        return None

    def card_sizes(self, ids: list[str] | None) -> dict[str, tuple[float, float]]:
        """Each card's drawn width and height, so layouts leave room for long labels."""
        cards = self.host.scene.cards
        wanted = cards if ids is None else {i: cards[i] for i in ids if i in cards}
        sizes = {}
        for eid, card in wanted.items():
            rect = card.card_rect()
            scale = _scale_of(self.host.case, eid)
            sizes[eid] = (rect.width() * scale, rect.height() * scale)
        if ids is not None:
            # Cards outside the request are obstacles; the layout needs their sizes too.
            for eid, card in cards.items():
                if eid not in sizes:
                    rect = card.card_rect()
                    sizes[eid] = (rect.width(), rect.height())
        return sizes

    # ------------------------------------------------------------ running
    def run_hierarchical(self) -> None:
        types = ask_hierarchy_types(self.host.window, self.host.case, self.hierarchy_types)
        if types is None:
            return
        self.hierarchy_types = types
        self.run("Hierarchical layout", "hierarchical", link_types=types)

    def run_radial(self) -> None:
        selected = self.host.selected_entity_ids()
        if not selected:
            return
        from linkchart.layout import ALGORITHMS

        params = inspect.signature(ALGORITHMS["radial"]).parameters
        key = "centre" if "centre" in params else "center"
        self.run("Radial layout", "radial", scope=None, **{key: selected[0]})

    def run(self, name: str, algorithm: str, scope: Any = "auto", **options: Any) -> None:
        """Lay out the scope with ``linkchart.layout.ALGORITHMS[algorithm]`` and apply it as one step."""
        if self.busy:
            return
        importlib.import_module("linkchart.layout")  # here on the GUI thread, never first on a worker
        ids = self.scope() if scope == "auto" else scope
        request = LayoutRequest(name, algorithm, ids, options)
        sizes = self.card_sizes(ids)
        count = len(ids) if ids is not None else len(self.host.case.entities)
        if count == 0:
            return
        self.busy = True
        if count > BACKGROUND_ABOVE:
            copy = snapshot(self.host.case)
            job = BackgroundJob(f"{name}…", lambda progress: _call(request, copy, sizes, progress), self.host.window)
            job.finished.connect(lambda result, error: self._landed(request, result, error))
            self.job = job
            job.start()
            return
        try:
            result = _call(request, self.host.case, sizes, None)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the chart is untouched
            self._landed(request, None, exc)
            return
        self._landed(request, result, None)

    def _landed(self, request: LayoutRequest, result: dict | None, error: BaseException | None) -> None:
        self.job = None
        if error is not None:
            from linkchart.layout import Cancelled

            self.busy = False
            if not isinstance(error, (Cancelled, JobCancelled)):
                # Not modal: the chart is untouched and the user may carry on.
                box = QMessageBox(QMessageBox.Icon.Warning, request.name, f"The layout failed: {error}",
                                  QMessageBox.StandardButton.Ok, self.host.window)
                box.setObjectName("layoutError")
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.setModal(False)
                box.show()
            return
        case = self.host.case
        positions = {eid: xy for eid, xy in (result or {}).items() if eid in case.entities}
        moved = {eid: xy for eid, xy in positions.items() if (case.entities[eid].x, case.entities[eid].y) != tuple(xy)}
        if not moved:
            self.busy = False
            return

        def commit() -> None:
            self.animation = None
            self.busy = False
            live = {eid: xy for eid, xy in moved.items() if eid in self.host.case.entities}
            if live:
                self.host.push(SetPositionsCommand(self.host.case, live, text=request.name))
                self.applied.emit(request.name)

        self.animation = animate_then(self.host.scene, moved, commit, self)

    def _forget_case(self) -> None:
        self.hierarchy_types = None
        if self.animation is not None:
            self.animation.stop()
            self.animation = None
            self.busy = False

    # ------------------------------------------------------------ pins
    def set_pinned(self, pinned: bool) -> None:
        case = self.host.case
        ids = [e for e in self.host.selected_entity_ids() if case.entities[e].pinned != pinned]
        if not ids:
            return
        verb = "Pin" if pinned else "Unpin"
        text = f"{verb} {len(ids)} card{'s' if len(ids) != 1 else ''}"
        self.host.push(UpdateEntitiesCommand(case, {eid: {"pinned": pinned} for eid in ids}, text=text))


def _call(request: LayoutRequest, case: Case, sizes: dict, progress: Callable[[float], bool] | None) -> dict:
    from linkchart.layout import ALGORITHMS

    return ALGORITHMS[request.algorithm](case, ids=request.ids, sizes=sizes, progress=progress, **request.options)


def _scale_of(case: Case, entity_id: str) -> float:
    """The card's size override ("Size cards by" a measure), 1 when none."""
    try:
        return max(0.2, float(case.entities[entity_id].style.get("scale", 1.0)))
    except (KeyError, ValueError):
        return 1.0
