"""Glide cards from where they are to where a layout put them, then commit one undo step.

The animation only moves scene items (a cache); the model changes once, at the
end, through a single ``SetPositionsCommand``, so undo puts every card back
exactly in one step.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEasingCurve, QObject, QPointF, QVariantAnimation, Signal

from linkchart.render import ChartScene

DURATION_MS = 300
MAX_ANIMATED = 1500  # above this many cards a jump reads better than a stutter


class PositionAnimation(QObject):
    """Interpolate card items toward target positions over ~300 ms; ``finished`` when they arrive."""

    finished = Signal()

    def __init__(self, scene: ChartScene, targets: dict[str, tuple[float, float]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.targets = {eid: xy for eid, xy in targets.items() if eid in scene.cards}
        self.starts = {eid: QPointF(scene.cards[eid].pos()) for eid in self.targets}
        self.links = sorted({lid for eid in self.targets for lid in scene.links_of_card(eid)})
        self.anim = QVariantAnimation(self)
        self.anim.setStartValue(0.0)
        self.anim.setEndValue(1.0)
        self.anim.setDuration(DURATION_MS)
        self.anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self.anim.valueChanged.connect(self._step)
        self.anim.finished.connect(self.finished)

    def start(self) -> None:
        if len(self.targets) > MAX_ANIMATED or not self.targets:
            self._step(1.0)
            self.finished.emit()
            return
        self.anim.start()

    def stop(self) -> None:
        self.anim.stop()

    def _step(self, t: float) -> None:
        if not shiboken6.isValid(self.scene):
            return
        cards, t = self.scene.cards, float(t)
        for eid, (x, y) in self.targets.items():
            card = cards.get(eid)
            if card is None:
                continue
            if t >= 1.0:
                card.setPos(x, y)  # exactly: setPos ignores a change within float fuzz, so never land "nearly"
            else:
                start = self.starts[eid]
                card.setPos(start.x() + (x - start.x()) * t, start.y() + (y - start.y()) * t)
        self.scene.follow_cards(self.links)
        self.scene.card_moved()


def animate_then(scene: ChartScene, targets: dict[str, tuple[float, float]], commit: Callable[[], None], parent: QObject) -> PositionAnimation:
    """Start the glide and call *commit* when it lands (the caller pushes the command there)."""
    animation = PositionAnimation(scene, targets, parent)
    animation.finished.connect(commit)
    animation.finished.connect(animation.deleteLater)
    animation.start()
    return animation
