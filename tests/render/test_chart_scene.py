"""The chart scene mirrors a case: items appear, change, move and go with the model; it paints headless."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsView

from linkchart.model import Case, Citation
from linkchart.render import CardItem, ChartScene, ChartStyle, LinkItem, render_scene_to_image
from linkchart.render.link_item import BACKWARD_MARK, FORWARD_MARK


@pytest.fixture
def case() -> Case:
    c = Case()
    art = c.add_article("Hezbollah, backed by Iran.", title="A")
    iran = c.add_entity("Iran", "country", x=0, y=0)
    hez = c.add_entity("Hezbollah", "armed_group", x=300, y=0, subtitle="Lebanon",
                       citations=[Citation(art.id, 0, 9, "Hezbollah")])
    c.add_link(hez.id, iran.id, "backed_by")
    return c


def by_label(scene: ChartScene, label: str) -> CardItem:
    return next(card for card in scene.cards.values() if card.label == label)


def test_scene_builds_cards_and_links(qapp, case):
    scene = ChartScene(case)
    assert set(scene.cards) == set(case.entities)
    assert all(isinstance(i, CardItem) and i.entity_id in case.entities for i in scene.cards.values())
    hez = by_label(scene, "Hezbollah")
    assert hez.subtitle == "Lebanon" and not hez.unsourced
    assert by_label(scene, "Iran").subtitle == "Country" and by_label(scene, "Iran").unsourced
    assert by_label(scene, "Iran").pos() == QPointF(0, 0)
    (link,) = scene.links.values()
    assert isinstance(link, LinkItem) and link.link_id in case.links
    # Hezbollah (right) -> Iran (left): the label is turned upright and reads right to left.
    assert link.label_reversed and link.display_text == f"{BACKWARD_MARK} backed by"
    assert "backed by" in link.tool_tip() and "Unsourced" in link.tool_tip()
    assert "Unsourced" in by_label(scene, "Iran").tool_tip() and "1 citation" in hez.tool_tip()


def test_scene_follows_model_changes(qapp, case):
    scene = ChartScene(case)
    iran = next(e for e in case.entities.values() if e.label == "Iran")
    (lid,) = case.links
    case.update_entity(iran.id, label="Islamic Republic of Iran", type="government_body")
    card = scene.cards[iran.id]
    assert card.label == "Islamic Republic of Iran" and card.type_name == "Government body"
    case.move_entities({iran.id: (600, 100)})
    assert card.pos() == QPointF(600, 100)
    link = scene.links[lid]
    assert not link.label_reversed and link.display_text == f"backed by {FORWARD_MARK}"
    assert link.line_path().boundingRect().right() < 600  # the line stops at the card's edge
    case.update_link(lid, direction="both", strength="probable", reliability="B", credibility="2")
    assert link.display_text == "backed by  B2" and len(link.arrows()) == 2
    case.update_link(lid, direction="none")
    assert not link._arrows
    removal = case.remove_entities([iran.id])
    assert iran.id not in scene.cards and lid not in scene.links
    assert card.scene() is None
    case.restore(removal)
    assert scene.cards[iran.id].label == "Islamic Republic of Iran" and lid in scene.links


def test_parallel_links_get_separate_arcs(qapp, case):
    ids = list(case.entities)
    hez, iran = ids[1], ids[0]
    case.add_link(iran, hez, "funds")
    case.add_link(hez, iran, "trained_by")
    scene = ChartScene(case)
    offsets = sorted(item.offset for item in scene.links.values())
    assert offsets == [-30.0, 0.0, 30.0]
    label_points = {(round(i.label_center().x()), round(i.label_center().y())) for i in scene.links.values()}
    assert len(label_points) == 3  # three labels, three places
    case.remove_links([next(iter(case.links))])
    assert sorted(item.offset for item in scene.links.values()) == [-15.0, 15.0]


def test_custom_type_colour_and_vocabulary_change(qapp, case):
    from linkchart.model import EntityType

    scene = ChartScene(case)
    iran = next(e for e in case.entities.values() if e.label == "Iran")
    case.add_entity_type(EntityType("state", "State", colour="#112233"))
    case.update_entity(iran.id, type="state")
    assert scene.cards[iran.id].type_colour == QColor("#112233")
    assert scene.cards[iran.id].type_name == "State"


def test_render_to_image_light_and_dark(qapp, case):
    scene = ChartScene(case)
    image = render_scene_to_image(scene)
    assert image.width() > 400 and image.height() > 40
    assert image.pixelColor(2, 2) == scene.style.background
    card = by_label(scene, "Hezbollah")
    rect = scene.items_rect()
    inside = card.pos() - rect.topLeft() + QPointF(24, 24) + QPointF(card.card_rect().width() / 2 - 20, 0)
    assert image.pixelColor(inside.toPoint()).lightness() > 200  # the white card body
    scene.set_style(ChartStyle.dark_theme())
    dark = render_scene_to_image(scene, QRectF(-100, -50, 200, 100), scale=2.0)
    assert dark.width() == 400 and dark.pixelColor(2, 2).lightness() < 60


def test_thousands_of_cards_paint_and_view(qapp):
    """3,000 cards and 3,000 links: on Python 3.11 with PySide6 6.12 this crashes (DESIGN.md)."""
    rng = random.Random(7)
    case = Case()
    entities = [case.add_entity(f"Entity {i}", rng.choice(["person", "country", "armed_group"]), x=(i % 60) * 160, y=(i // 60) * 90) for i in range(3000)]
    with case.batch():
        for _ in range(3000):
            a, b = rng.sample(entities, 2)
            case.add_link(a.id, b.id, "associated_with")
    scene = ChartScene(case)
    assert len(scene.cards) == 3000 and len(scene.links) == 3000
    image = render_scene_to_image(scene, scale=0.2)
    assert image.width() > 1500
    close_up = render_scene_to_image(scene, QRectF(-100, -50, 800, 400), scale=1.0)
    assert close_up.pixelColor(0, 0) == scene.style.background
    view = QGraphicsView(scene)
    view.resize(800, 600)
    view.fitInView(scene.items_rect())
    grabbed = view.grab()
    assert grabbed.width() == 800 and not grabbed.isNull()
    view.resetTransform()
    assert not view.grab().isNull()


def test_links_partly_in_view_are_drawn_solid_and_dashed(qapp):
    """Only the on-screen part of a long straight link is drawn; it must still be drawn, solid or dashed."""
    case = Case()
    a = case.add_entity("A", "person", x=0, y=0)
    b = case.add_entity("B", "person", x=2000, y=0)
    c = case.add_entity("C", "person", x=0, y=300)
    d = case.add_entity("D", "person", x=2000, y=300)
    case.add_link(a.id, b.id, "associated_with", direction="none")
    case.add_link(c.id, d.id, "associated_with", direction="none", strength="probable")
    scene = ChartScene(case)
    image = render_scene_to_image(scene, QRectF(400, -50, 200, 400), scale=1.0)  # a stretch away from cards and labels
    background = scene.style.background.lightness()
    solid = [image.pixelColor(x, 50).lightness() for x in range(0, 200, 5)]
    dashed = [image.pixelColor(x, 350).lightness() for x in range(200)]
    assert max(solid) < background - 40  # every sample on the solid line is ink
    assert min(dashed) < background - 40 and max(dashed) >= background - 5  # ink and gaps


def test_building_a_chart_reports_its_progress(qapp):
    case = Case()
    made = [case.add_entity(f"E{i}", "person", x=i * 10.0, y=0) for i in range(2500)]
    for a, b in zip(made, made[1:], strict=False):
        case.add_link(a.id, b.id, "funds")
    heard: list[float] = []
    scene = ChartScene()
    scene.set_case(case, heard.append)
    assert len(scene.links) == 2499
    assert heard == sorted(heard) and heard[0] == 0.0 and 0.5 < heard[-1] <= 1.0 and len(heard) >= 3
