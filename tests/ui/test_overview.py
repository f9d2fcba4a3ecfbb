"""The overview draws the whole chart once per open, follows edits, and draws nothing while closed."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QDockWidget

from linkchart.commands import MoveEntitiesCommand, push
from linkchart.render.card_item import BLOCK_LOD
from linkchart.ui.overview import REDRAW_DELAY_MS
from tests.ui.conftest import label_of


def _count_redraws(view) -> list[int]:
    """Record each whole-chart redraw (the real one still runs)."""
    calls: list[int] = []
    draw = view.fit

    def counted() -> None:
        calls.append(1)
        draw()

    view.fit = counted
    return calls


def _shows_card_at(view, x: float, y: float) -> bool:
    """True if the picture at the card centred on scene (x, y) is not plain chart background."""
    if view._picture.isNull():
        return False
    point = (view._to_widget.map(QPointF(x, y)) * view._picture.devicePixelRatio()).toPoint()
    if not view._picture.rect().contains(point):
        return False
    return view._picture.pixelColor(point).rgb() != view.chart_view.chart.style.background.rgb()


def test_opening_a_case_draws_the_chart_once(qtbot, window, case_path):
    view = window.overview_dock.view
    qtbot.wait(REDRAW_DELAY_MS + 50)  # the first show's own redraw is done
    redraws = _count_redraws(view)
    assert window.open_case(case_path)
    iran = label_of(window, "Iran")
    qtbot.waitUntil(lambda: _shows_card_at(view, iran.x, iran.y))
    qtbot.wait(REDRAW_DELAY_MS + 100)  # the rebuild's own later redraw request was folded into the first
    assert len(redraws) == 1


def test_the_overview_follows_an_edit(qtbot, window, case_path):
    view = window.overview_dock.view
    assert window.open_case(case_path)
    saudi = label_of(window, "Saudi Arabia")
    qtbot.waitUntil(lambda: _shows_card_at(view, saudi.x, saudi.y))
    push(window.undo_stack, MoveEntitiesCommand(window.case, {saudi.id: (1500.0, 900.0)}))
    qtbot.waitUntil(lambda: _shows_card_at(view, 1500.0, 900.0))
    assert not _shows_card_at(view, 300.0, 220.0)  # where it was is empty now


def test_a_closed_overview_draws_nothing_and_catches_up_when_shown(qtbot, window, case_path):
    dock = window.findChild(QDockWidget, "overview")
    view = dock.view
    dock.close()
    redraws = _count_redraws(view)
    assert window.open_case(case_path)
    qtbot.wait(REDRAW_DELAY_MS + 100)
    assert redraws == []
    dock.show()
    iran = label_of(window, "Iran")
    qtbot.waitUntil(lambda: _shows_card_at(view, iran.x, iran.y))
    assert len(redraws) == 1


def test_an_overview_tab_behind_another_draws_when_brought_to_the_front(qtbot, window, case_path):
    dock = window.overview_dock
    window.tabifyDockWidget(dock, window.palette_dock)
    window.palette_dock.raise_()
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())
    redraws = _count_redraws(dock.view)
    assert window.open_case(case_path)
    qtbot.wait(REDRAW_DELAY_MS + 100)
    assert redraws == []
    dock.raise_()
    iran = label_of(window, "Iran")
    qtbot.waitUntil(lambda: _shows_card_at(dock.view, iran.x, iran.y))
    assert len(redraws) == 1


def test_the_overview_draws_cards_as_blocks_and_leaves_the_chart_close_up(qtbot, window, case_path):
    from PySide6.QtWidgets import QGraphicsItem

    view = window.overview_dock.view
    assert window.open_case(case_path)
    window.chart_view.resetTransform()  # close up: the cards paint themselves
    window.chart_view.viewport().repaint()
    iran = label_of(window, "Iran")
    far = next(e for e in window.case.entities.values() if e.id != iran.id)
    push(window.undo_stack, MoveEntitiesCommand(window.case, {far.id: (4000.0, 0.0)}))  # a wide chart: a small overview
    view.fit()
    assert view._to_widget.m11() < BLOCK_LOD
    chart = window.chart_view.chart
    # Drawn by the block layer: exactly the type colour (a card drawing itself, one by one, is smoothed at the edges).
    point = (view._to_widget.map(QPointF(iran.x, iran.y)) * view._picture.devicePixelRatio()).toPoint()
    assert view._picture.pixelColor(point).rgb() == chart.cards[iran.id].type_colour.rgb()
    no_contents = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    assert not chart.card_layer.active and not any(card.flags() & no_contents for card in chart.cards.values())
