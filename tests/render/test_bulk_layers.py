"""Links and far-out cards are painted in bulk by layers; the items stay what the user selects and hits."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QGraphicsItem

from linkchart.model import Case
from linkchart.render import ChartScene
from linkchart.render.card_item import BLOCK_LOD
from linkchart.render.link_layer import _clip_lines
from linkchart.ui.chart_view import ChartView

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def test_clip_keeps_the_part_inside_and_drops_lines_that_miss():
    lines = np.array([[-100.0, 50.0, 300.0, 50.0], [0.0, 500.0, 100.0, 500.0], [50.0, 20.0, 60.0, 30.0]])
    out = _clip_lines(lines, (0.0, 0.0, 100.0, 100.0), 0.0)
    assert out.tolist() == [[0.0, 50.0, 100.0, 50.0], [50.0, 20.0, 60.0, 30.0]]


def test_clip_of_a_dashed_line_starts_on_a_whole_dash_period():
    # Panning must not make dashes crawl: the cut start sits a whole number of periods from the line's start.
    out = _clip_lines(np.array([[-95.0, 0.0, 200.0, 0.0]]), (0.0, -10.0, 100.0, 10.0), period=10.0)
    assert out[0, 0] == pytest.approx(-5.0) and out[0, 2] == pytest.approx(100.0)


@pytest.fixture
def chart(qtbot):
    case = Case()
    a = case.add_entity("Alpha", "person", x=0, y=0)
    b = case.add_entity("Bravo", "organization", x=600, y=0)
    link = case.add_link(a.id, b.id, "funds")
    scene = ChartScene(case)
    view = ChartView(scene)
    view.set_document(case, QUndoStack())
    view.resize(900, 500)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, case, a, b, link


def _pixel(view: ChartView, scene_point: QPointF) -> QColor:
    image = view.viewport().grab().toImage()
    return image.pixelColor(view.mapFromScene(scene_point))


def _is_background(view: ChartView, colour: QColor) -> bool:
    return colour == view.chart.style.background


def _look_at_still(view: ChartView, qtbot, centre: QPointF) -> None:
    """Show *centre* at 1:1 and wait for the full-detail frame that follows the view's move."""
    view.resetTransform()
    view.centerOn(centre)
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not view.chart.link_layer.moving)
    view.viewport().repaint()


def test_the_link_layer_draws_links_and_follows_hiding_and_selection(chart, qtbot):
    view, case, a, b, link = chart
    view.resetTransform()
    view.centerOn(300, 0)
    item = view.chart.links[link.id]
    assert item.flags() & NO_CONTENTS  # the layer paints it
    on_line = QPointF(200, 0)  # off the label, on the straight part
    assert not _is_background(view, _pixel(view, on_line))
    item.setSelected(True)
    selected = _pixel(view, on_line)
    assert selected.blue() > selected.red() + 60  # drawn in the selection colour
    view.chart.set_emphasis({a.id}, set(), hide=True)
    assert _is_background(view, _pixel(view, on_line))
    view.chart.set_emphasis(None)
    assert not _is_background(view, _pixel(view, on_line))
    case.remove_links([link.id])
    assert _is_background(view, _pixel(view, on_line))


def _look_far_out(view: ChartView) -> None:
    """Zoom out past the block level, centred between the two cards."""
    view.resetTransform()
    view.scale(BLOCK_LOD / 2, BLOCK_LOD / 2)
    view.centerOn(300, 0)
    view.viewport().repaint()


def test_far_out_cards_become_blocks_that_stay_clickable(chart, qtbot):
    view, case, a, b, link = chart
    _look_far_out(view)
    cards = view.chart.cards
    assert all(card.flags() & NO_CONTENTS for card in cards.values())
    block = _pixel(view, QPointF(600, 0))
    assert block == cards[b.id].type_colour
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(QPointF(600, 0)))
    assert cards[b.id].isSelected() and not cards[a.id].isSelected()
    assert _pixel(view, QPointF(600, 0)) == view.chart.style.selection
    view.resetTransform()
    view.viewport().repaint()
    assert not any(card.flags() & NO_CONTENTS for card in cards.values())  # close up, cards paint themselves


def test_a_card_moved_while_far_out_is_drawn_where_it_went(chart, qtbot):
    view, case, a, b, link = chart
    _look_far_out(view)
    case.move_entities({b.id: (600.0, 1500.0)})
    assert _pixel(view, QPointF(600, 1500)) == view.chart.cards[b.id].type_colour
    assert _is_background(view, _pixel(view, QPointF(600, 0)))


def test_panning_draws_simplified_frames_then_one_full_frame(chart, qtbot):
    view, case, a, b, link = chart
    view.resetTransform()
    view.centerOn(300, 0)
    view.viewport().repaint()
    qtbot.waitUntil(lambda: not view.chart.link_layer.moving)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 40)
    view.viewport().repaint()
    assert view.chart.link_layer.moving  # while the view moves: no labels, no antialiasing
    qtbot.waitUntil(lambda: not view.chart.link_layer.moving, timeout=2000)
    assert not _is_background(view, _pixel(view, QPointF(200, 0)))


def _shades_along(view: ChartView, a: QPointF, b: QPointF) -> set[tuple[int, int, int]]:
    """Distinct non-background colours in a band around the segment a-b (on screen)."""
    image = view.viewport().grab().toImage()
    shades = set()
    for step in range(30, 70):  # clear of the cards and the label in the middle
        t = step / 200
        centre = view.mapFromScene(QPointF(a.x() + (b.x() - a.x()) * t, a.y() + (b.y() - a.y()) * t))
        for dy in range(-3, 4):
            colour = image.pixelColor(centre.x(), centre.y() + dy)
            if not _is_background(view, colour):
                shades.add((colour.red(), colour.green(), colour.blue()))
    return shades


def test_where_many_links_cross_the_view_plain_lines_are_not_smoothed(chart, qtbot, monkeypatch):
    view, case, a, b, link = chart
    case.move_entities({b.id: (600.0, 260.0)})  # a slanted line: smoothing shows as many shades of grey
    _look_at_still(view, qtbot, QPointF(300, 130))
    ends = QPointF(0, 0), QPointF(600, 260)
    assert len(_shades_along(view, *ends)) > 4
    monkeypatch.setattr("linkchart.render.link_layer.DENSE_LINKS", 0)  # as if hundreds crossed the view
    view.chart.link_layer.update()
    view.viewport().repaint()
    assert len(_shades_along(view, *ends)) <= 2
    view.chart.links[link.id].setSelected(True)  # the link the analyst is looking at stays smooth
    view.viewport().repaint()
    assert len(_shades_along(view, *ends)) > 4


def test_while_moving_a_view_covered_many_times_over_leaves_out_the_longest_plain_links(qapp, monkeypatch):
    case = Case()
    a = case.add_entity("A", "person", x=0, y=0)
    near = case.add_entity("Near", "person", x=300, y=0)
    far = case.add_entity("Far", "person", x=3000, y=0)
    farther = case.add_entity("Farther", "person", x=0, y=5000)
    short, long_, longest = (case.add_link(a.id, e.id, "funds") for e in (near, far, farther))
    scene = ChartScene(case)
    layer = scene.link_layer
    every = np.arange(len(layer._items))
    index = {lid: scene.links[lid].layer_index for lid in (short.id, long_.id, longest.id)}
    rect = (-100.0, -100.0, 100.0, 100.0)
    assert sorted(layer._within_budget(every, rect, 1.0).tolist()) == sorted(index.values())  # under budget: all
    monkeypatch.setattr("linkchart.render.link_layer.HAIRLINE_COVER", 0.01)  # room for the short link only
    kept = set(layer._within_budget(every, rect, 1.0).tolist())
    assert index[short.id] in kept and index[longest.id] not in kept
    scene.links[longest.id].setSelected(True)  # what the analyst picked is always drawn
    assert index[longest.id] in set(layer._within_budget(every, rect, 1.0).tolist())


def test_a_turned_label_on_screen_is_drawn_from_a_picture_and_reads_like_text(chart, qtbot):
    view, case, a, b, link = chart
    case.move_entities({b.id: (600.0, 260.0)})  # a slanted link: its label is turned
    _look_at_still(view, qtbot, QPointF(300, 130))
    item = view.chart.links[link.id]
    pictures = [key for key in view.chart.style._metrics if key[0] == "label-picture"]
    assert pictures and pictures[0][1] == item._wording
    # The text is there: dark pixels inside the label's box (whose light background hides the line).
    image = view.viewport().grab().toImage()
    rect, turn = item._label_rect.adjusted(5, 2, -5, -2), item._label_transform
    inside = [turn.map(QPointF(rect.left() + rect.width() * i / 40, rect.top() + rect.height() * j / 6)) for i in range(41) for j in range(7)]
    dark = sum(1 for point in inside if image.pixelColor(view.mapFromScene(point)).lightness() < 110)
    assert dark > 10
