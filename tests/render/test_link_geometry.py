"""Links are placed many at once with numpy; the result must be what placing each alone gives."""

from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from linkchart.model import Case
from linkchart.render import ChartScene
from linkchart.render.link_geometry import ARROW_LENGTH, GAP, place_straight
from linkchart.render.link_placing import place_links


def test_a_straight_link_runs_edge_to_edge_with_its_arrowhead_and_label_in_the_middle():
    ends = np.array([[0.0, 0.0, 50.0, 22.0, 600.0, 0.0, 60.0, 22.0]])
    placed = place_straight(ends, np.array([[True, False]]), np.array([[80.0, 90.0, 14.0]]))
    tip = 600.0 - 60.0 - GAP
    assert placed.tips[0, :2].tolist() == [tip, 0.0] and np.isnan(placed.tips[0, 2:]).all()
    assert placed.line[0].tolist() == [50.0 + GAP, 0.0, tip - (ARROW_LENGTH - 1), 0.0]
    assert placed.label[0].tolist() == [(52.0 + tip) / 2, 0.0] and placed.angle[0] == 0.0 and not placed.reversed[0]
    assert placed.label_box[0].tolist() == pytest.approx([(52.0 + tip) / 2 - 40, -7.0, (52.0 + tip) / 2 + 40, 7.0])


def test_a_link_drawn_right_to_left_turns_its_label_to_read_left_to_right():
    ends = np.array([[600.0, 0.0, 50.0, 22.0, 0.0, 0.0, 50.0, 22.0]])
    placed = place_straight(ends, np.array([[True, True]]), np.array([[80.0, 90.0, 14.0]]))
    assert placed.reversed[0] and placed.angle[0] % 360 == pytest.approx(0.0)
    assert placed.label_box[0, 2] - placed.label_box[0, 0] == pytest.approx(90.0)  # the turned-round width
    assert not np.isnan(placed.arrows[0]).any()  # both arrowheads


def test_cards_on_top_of_each_other_give_a_point_not_a_crash():
    ends = np.array([[10.0, 10.0, 50.0, 22.0, 10.0, 10.0, 50.0, 22.0]])
    placed = place_straight(ends, np.array([[True, False]]), np.array([[0.0, 0.0, 0.0]]))
    assert np.isfinite(placed.line).all() and np.isnan(placed.label_box).all()


def _geometry(item) -> tuple:
    return (item._line, item._tips, item._box, item._label_point, item._label_box, item.display_text, [tuple(a) for a in item._arrow_points])


@pytest.fixture
def busy_scene(qapp):
    rng = random.Random(5)
    case = Case()
    entities = [case.add_entity(f"E{i}" + "m" * rng.randint(0, 20), "person", x=rng.uniform(-900, 900), y=rng.uniform(-700, 700)) for i in range(30)]
    for _ in range(120):
        a, b = rng.choice(entities), rng.choice(entities)
        link = case.add_link(a.id, b.id, rng.choice(["funds", "member of", ""]))
        case.update_link(link.id, direction=rng.choice(["forward", "both", "none"]))
    return case, ChartScene(case)


def test_placing_all_links_at_once_matches_placing_each_alone(busy_scene):
    case, scene = busy_scene
    together = {lid: _geometry(item) for lid, item in scene.links.items()}
    assert sum(item.is_straight() for item in scene.links.values()) > 50  # the numpy path is what is compared
    for item in scene.links.values():
        item.update_geometry()
    alone = {lid: _geometry(item) for lid, item in scene.links.items()}
    for lid in together:
        for a, b in zip(together[lid], alone[lid], strict=True):
            assert a == b or (isinstance(a, tuple) and np.allclose(np.array(a, dtype=float), np.array(b, dtype=float), equal_nan=True))


def test_moving_every_card_moves_every_link_and_the_layer_follows(busy_scene):
    case, scene = busy_scene
    before = {lid: item._line for lid, item in scene.links.items() if item.is_straight()}
    case.move_entities({eid: (e.x + 100.0, e.y - 40.0) for eid, e in case.entities.items()})
    layer = scene.link_layer
    for lid, line in before.items():
        item = scene.links[lid]
        assert item._line == pytest.approx((line[0] + 100, line[1] - 40, line[2] + 100, line[3] - 40))
        assert layer._line[item.layer_index].tolist() == pytest.approx(list(item._line))
        # The item's own hit shape moved too: Qt hit-tests it.
        middle = QPointF((item._line[0] + item._line[2]) / 2, (item._line[1] + item._line[3]) / 2)
        assert item in scene.items(middle)


def test_a_link_moved_as_a_whole_then_placed_again_lands_where_placing_puts_it(busy_scene):
    case, scene = busy_scene
    ids = list(case.entities)
    case.move_entities({eid: (case.entities[eid].x + 70.0, case.entities[eid].y + 30.0) for eid in ids})  # all together
    assert any(item.pos() != QPointF(0, 0) for item in scene.links.values())  # moved whole, not placed again
    case.move_entities({ids[0]: (case.entities[ids[0]].x + 5.0, case.entities[ids[0]].y)})  # one card alone
    shifted = {lid: _geometry(item) for lid, item in scene.links.items()}
    for item in scene.links.values():
        item.update_geometry()
        assert item.pos() == QPointF(0, 0)
    for lid, item in scene.links.items():
        for a, b in zip(shifted[lid], _geometry(item), strict=True):
            assert a == b or np.allclose(np.array(a, dtype=float), np.array(b, dtype=float), equal_nan=True)


def test_placing_nothing_is_fine(qapp):
    place_links([])
    assert place_straight(np.zeros((0, 8)), np.zeros((0, 2), dtype=bool), np.zeros((0, 3))).box.shape == (0, 4)


def test_a_link_moved_as_a_whole_paints_itself_where_it_is_for_exports(qapp):
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    case = Case()
    a = case.add_entity("A", "person", x=0, y=0)
    b = case.add_entity("B", "person", x=600, y=0)
    link = case.add_link(a.id, b.id, "")
    scene = ChartScene(case)
    case.move_entities({a.id: (0.0, 300.0), b.id: (600.0, 300.0)})
    item = scene.links[link.id]
    assert item.pos() == QPointF(0, 300)
    image = QImage(700, 500, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setTransform(item.sceneTransform())  # as the export sheet does, item by item
    option = QStyleOptionGraphicsItem()
    option.exposedRect = item.boundingRect()
    item.paint(painter, option, None)
    painter.end()
    assert image.pixelColor(200, 300) != QColor("white") and image.pixelColor(200, 0) == QColor("white")
