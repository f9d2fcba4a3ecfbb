"""What an export takes from the window: the case, its scene, the selection and the visible part of the chart."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF

from linkchart.model import Case
from linkchart.render import ChartScene, ChartStyle


@dataclass
class ChartSource:
    """A snapshot of the window's state at the moment an export dialog opens."""

    case: Case
    scene: ChartScene
    selected_entities: tuple[str, ...] = ()
    selected_links: tuple[str, ...] = ()
    view_rect: QRectF | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_window(cls, window) -> ChartSource:
        selection = getattr(window, "selection", None)
        view = getattr(window, "chart_view", None)
        return cls(
            case=window.case,
            scene=window.scene,
            selected_entities=tuple(getattr(selection, "selected_entity_ids", ())),
            selected_links=tuple(getattr(selection, "selected_link_ids", ())),
            view_rect=view.visible_scene_rect() if view is not None and hasattr(view, "visible_scene_rect") else None,
        )

    @property
    def has_selection(self) -> bool:
        return bool(self.selected_entities or self.selected_links)

    @contextmanager
    def scene_for(self, background: str) -> Iterator[ChartScene]:
        """The window's scene; a light copy when the window is dark but the export is not on the chart colour.

        The copy keeps what a filter hid or greyed, so the export still looks like the screen.
        """
        if background == "theme" or not self.scene.style.dark:
            yield self.scene
            return
        light = ChartScene(self.case, ChartStyle.light())
        try:
            for key, item in self.scene.cards.items():
                if key in light.cards:
                    light.cards[key].setVisible(item.isVisible())
                    light.cards[key].setOpacity(item.opacity())
            for key, item in self.scene.links.items():
                if key in light.links:
                    light.links[key].setVisible(item.isVisible())
                    light.links[key].setOpacity(item.opacity())
            yield light
        finally:
            light.detach()
