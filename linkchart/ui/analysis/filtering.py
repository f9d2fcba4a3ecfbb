"""The chart filter: view state (never an undo step) that greys or hides what does not pass.

Several sources filter at once (the search panel's filters, the timeline's
window); each sets its own :class:`FilterPart` and the chart shows what passes
all of them. Collapsed groups hide their members on top of that. A banner in
the status bar says what is filtering and clears it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from linkchart.model import ChangeEvent
from linkchart.ui.analysis.host import Host


@dataclass(frozen=True)
class FilterPart:
    """What one source lets through; ``None`` leaves that kind of item unrestricted.

    With ``link_ids`` None a link passes when both its ends pass.
    """

    entity_ids: frozenset[str] | None
    link_ids: frozenset[str] | None
    summary: str


class ChartFilter(QObject):
    """Combines the filter parts and shows the result on the scene."""

    changed = Signal()
    cleared = Signal()  # every source should reset its controls

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.host = host
        self.parts: dict[str, FilterPart] = {}
        self.hidden_by_groups: set[str] = set()
        self.hidden_links_by_groups: set[str] = set()
        self._mode_override: str | None = None
        self._plain_scene = None  # the scene when the last apply left every item shown and unfiltered
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.apply)
        host.case_changed.connect(self._on_case_changed)
        host.case_replaced.connect(self._on_case_replaced)

    # ------------------------------------------------------------ parts
    def set_part(self, name: str, part: FilterPart | None) -> None:
        if part is None:
            if self.parts.pop(name, None) is None:
                return
        else:
            self.parts[name] = part
        self.apply()
        self.changed.emit()

    def clear(self) -> None:
        """Drop every filter; sources hear ``cleared`` and reset their controls."""
        self.parts.clear()
        self.apply()
        self.cleared.emit()
        self.changed.emit()

    @property
    def active(self) -> bool:
        return bool(self.parts)

    @property
    def mode(self) -> str:
        """ "grey" or "hide", from the preferences."""
        mode = self._mode_override or self.host.preferences.filtered_items
        return mode if mode in ("grey", "hide") else "grey"

    def set_mode(self, mode: str) -> None:
        """Override the preference for this window (the banner's menu)."""
        self._mode_override = mode
        self.apply()
        self.changed.emit()

    def summary(self) -> str:
        return ", ".join(p.summary for p in self.parts.values() if p.summary)

    # ------------------------------------------------------------ result
    def passing(self) -> tuple[set[str] | None, set[str] | None]:
        """(entity ids, link ids) that pass every part; (None, None) when nothing filters."""
        if not self.parts:
            return None, None
        case = self.host.case
        entities = set(case.entities)
        for part in self.parts.values():
            if part.entity_ids is not None:
                entities &= part.entity_ids
        links = set()
        for lid, link in case.links.items():
            if link.source not in entities or link.target not in entities:
                continue
            if all(part.link_ids is None or lid in part.link_ids for part in self.parts.values()):
                links.add(lid)
        return entities, links

    def is_shown(self, item_id: str) -> bool:
        """True if the item passes the filter (whatever the grey/hide mode)."""
        entities, links = self.passing()
        if entities is None:
            return True
        return item_id in entities or item_id in (links or ())

    def apply(self) -> None:
        scene = self.host.scene
        if scene is None or not shiboken6.isValid(scene):
            return
        entities, links = self.passing()
        plain = entities is None and not self.hidden_by_groups and not self.hidden_links_by_groups
        if plain and self._plain_scene is scene:
            # Nothing was filtered and nothing is: every item, new ones too, is already shown (a walk of
            # every item otherwise, after each edit and each case opened).
            return
        scene.set_emphasis(entities, links, hide=self.mode == "hide")
        self._hide(scene.cards, self.hidden_by_groups)
        self._hide(scene.links, self.hidden_links_by_groups)
        scene.visibility_changed()
        self._plain_scene = scene if plain else None

    @staticmethod
    def _hide(items: dict, ids: Iterable[str]) -> None:
        for item_id in ids:
            item = items.get(item_id)
            if item is not None:
                item.setVisible(False)

    def set_group_hidden(self, entity_ids: set[str], link_ids: set[str]) -> None:
        """Cards and links that collapsed groups hide (the group layer keeps this current)."""
        self.hidden_by_groups, self.hidden_links_by_groups = entity_ids, link_ids
        self.apply()

    # ------------------------------------------------------------ events
    def _on_case_changed(self, event: ChangeEvent) -> None:
        # New items arrive fully visible; removed ids must not linger. Reapply once the burst is over.
        if event.kind.endswith(("_added", "_removed")) or event.kind in ("reset", "links_changed"):
            self._pending.start()

    def _on_case_replaced(self) -> None:
        self.parts.clear()
        self.cleared.emit()
        self.changed.emit()
        self._pending.start()


class FilterBanner(QFrame):
    """ "Filter: 3 types, 2019-2020 [Clear]": shown while a filter is on, in the status bar."""

    def __init__(self, chart_filter: ChartFilter, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBanner")
        self.chart_filter = chart_filter
        self.label = QLabel()
        self.label.setObjectName("filterSummary")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilter")
        self.clear_button.setText("Clear")
        self.clear_button.setToolTip("Show every card and link again")
        self.clear_button.clicked.connect(chart_filter.clear)
        self.hide_button = QToolButton()
        self.hide_button.setObjectName("hideFiltered")
        self.hide_button.setText("Hide others")
        self.hide_button.setCheckable(True)
        self.hide_button.setToolTip("Hide what the filter leaves out instead of greying it (for this window)")
        self.hide_button.toggled.connect(lambda on: chart_filter.set_mode("hide" if on else "grey"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 2, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.hide_button)
        layout.addWidget(self.clear_button)
        self.setStyleSheet("#filterBanner { background: rgba(255, 196, 0, 70); border-radius: 4px; }")
        chart_filter.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        f = self.chart_filter
        if not f.active:
            self.setVisible(False)
            return
        entities, _ = f.passing()
        total = len(f.host.case.entities)
        shown = len(entities or ())
        verb = "hidden" if f.mode == "hide" else "greyed"
        self.hide_button.blockSignals(True)
        self.hide_button.setChecked(f.mode == "hide")
        self.hide_button.blockSignals(False)
        self.label.setText(f"Filter: {f.summary() or 'on'} \u2014 {shown} of {total} cards shown, others {verb}")
        self.setVisible(True)
