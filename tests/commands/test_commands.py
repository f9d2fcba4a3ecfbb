"""Every command kind: do, undo back to exactly the state before, redo to exactly the state after."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from linkchart.commands import (
    AddArticlesCommand,
    AddCitationCommand,
    AddEntitiesCommand,
    AddLinkCommand,
    ApplyDraftCommand,
    InsertItemsCommand,
    MergeEntitiesCommand,
    MoveEntitiesCommand,
    RemoveArticlesCommand,
    RemoveCitationCommand,
    RemoveItemsCommand,
    SetPositionsCommand,
    UpdateEntitiesCommand,
    UpdateLinksCommand,
    push,
)
from linkchart.io.schema import case_to_data
from linkchart.model import Article, Case, CaseError, Citation, Entity, EntityType, Link, LinkType
from linkchart.model.draft import Draft

TEXT = "Iranian-sponsored Houthi rebels fired missiles. Hezbollah, backed by Iran, sent advisers."


def snapshot(case: Case) -> dict:
    data = case_to_data(case, "test")
    data["texts"] = {a.id: a.text for a in case.articles.values()}
    data["edges"] = sorted((u, v, k) for u, v, k in case.graph.edges(keys=True))
    return data


def cite(art: Article, quote: str) -> Citation:
    start = art.text.index(quote)
    return Citation(art.id, start, start + len(quote), quote)


@pytest.fixture
def case() -> Case:
    c = Case(title="Proxies")
    art = c.add_article(TEXT, title="Heightened threat", date="2020-01-05")
    iran = c.add_entity("Iran", "country", x=0, y=0, citations=[cite(art, "Iran")])
    houthis = c.add_entity("Houthis", "armed_group", x=200, y=0)
    hez = c.add_entity("Hezbollah", "armed_group", x=0, y=200)
    c.add_entity("Hizballah", "armed_group", x=40, y=240, aliases=["Hizbollah"])
    c.add_link(houthis.id, iran.id, "backed_by", citations=[cite(art, "Iranian-sponsored Houthi rebels")])
    c.add_link(hez.id, iran.id, "backed_by", strength="probable")
    c.add_link(iran.id, hez.id, "funds")
    c.add_group("Axis", [houthis.id, hez.id])
    return c


def ids(case: Case, *labels: str) -> list[str]:
    by_label = {e.label: e.id for e in case.entities.values()}
    return [by_label[label] for label in labels]


def check_round_trip(case: Case, stack: QUndoStack, command) -> tuple[dict, dict]:
    """Push, undo, redo; the states before and after must come back exactly."""
    before = snapshot(case)
    push(stack, command)
    after = snapshot(case)
    assert after != before
    stack.undo()
    assert snapshot(case) == before
    stack.redo()
    assert snapshot(case) == after
    stack.undo()
    assert snapshot(case) == before
    stack.redo()
    return before, after


def test_add_entities_and_name_new_card_is_one_step(case):
    stack = QUndoStack()
    ent = Entity("Person", "person", x=10, y=20)
    before = snapshot(case)
    push(stack, AddEntitiesCommand(case, [ent]))
    push(stack, UpdateEntitiesCommand(case, {ent.id: {"label": "Qassem Soleimani"}}, names_new_card=True))
    assert stack.count() == 1
    assert "Qassem Soleimani" in stack.text(0)
    after = snapshot(case)
    stack.undo()
    assert snapshot(case) == before
    stack.redo()
    assert snapshot(case) == after
    assert case.entities[ent.id].label == "Qassem Soleimani"


def test_update_entities_many_at_once(case):
    stack = QUndoStack()
    iran, houthis = ids(case, "Iran", "Houthis")
    _, after = check_round_trip(
        case, stack, UpdateEntitiesCommand(case, {iran: {"label": "Islamic Republic of Iran", "aliases": ["IRI"]}, houthis: {"subtitle": "Ansar Allah"}})
    )
    assert case.entities[iran].aliases == ["IRI"]
    assert stack.count() == 1


def test_update_with_no_change_leaves_no_step(case):
    stack = QUndoStack()
    (iran,) = ids(case, "Iran")
    push(stack, UpdateEntitiesCommand(case, {iran: {"label": "Iran"}}))
    assert stack.count() == 0


def test_drag_moves_merge_into_one_step_and_vanish_when_back(case):
    stack = QUndoStack()
    (iran,) = ids(case, "Iran")
    before = snapshot(case)
    for step in range(1, 6):
        push(stack, MoveEntitiesCommand(case, {iran: (step * 10, step * 5)}, gesture="drag-1"))
    assert stack.count() == 1
    assert (case.entities[iran].x, case.entities[iran].y) == (50, 25)
    stack.undo()
    assert snapshot(case) == before
    stack.redo()
    push(stack, MoveEntitiesCommand(case, {iran: (0, 0)}, gesture="drag-2"))
    assert stack.count() == 2
    push(stack, MoveEntitiesCommand(case, {iran: (50, 25)}, gesture="drag-2"))
    assert stack.count() == 1  # the second drag ended where it began: no step left


def test_moves_without_gesture_do_not_merge(case):
    stack = QUndoStack()
    iran, hez = ids(case, "Iran", "Hezbollah")
    check_round_trip(case, stack, SetPositionsCommand(case, {iran: (5, 5), hez: (7, 7)}))
    push(stack, SetPositionsCommand(case, {iran: (9, 9)}))
    assert stack.count() == 2


def test_remove_card_takes_attached_links_and_brings_them_back(case):
    stack = QUndoStack()
    (iran,) = ids(case, "Iran")
    before, _ = check_round_trip(case, stack, RemoveItemsCommand(case, [iran]))
    assert iran not in case.entities and not case.links  # all three links touched Iran
    assert stack.text(0) == "Delete 1 card"
    stack.undo()
    assert list(case.links) == [k["id"] for k in before["links"]]


def test_remove_cards_and_links_together_keeps_order(case):
    stack = QUndoStack()
    houthis, hez = ids(case, "Houthis", "Hezbollah")
    funds = next(k.id for k in case.links.values() if k.type == "funds")
    check_round_trip(case, stack, RemoveItemsCommand(case, [houthis], [funds]))
    assert case.groups and hez in next(iter(case.groups.values())).members


def test_add_link_with_new_type_and_update_links(case):
    stack = QUndoStack()
    iran, hizb = ids(case, "Iran", "Hizballah")
    new_type = LinkType("arms", "arms", "armed by")
    check_round_trip(case, stack, AddLinkCommand(case, Link(iran, hizb, "arms"), new_type=new_type))
    assert "arms" in case.vocabulary.custom_link_types
    stack.undo()
    assert "arms" not in case.vocabulary.custom_link_types
    stack.redo()
    lid = next(iter(case.links))
    check_round_trip(case, stack, UpdateLinksCommand(case, {lid: {"strength": "possible", "reliability": "B", "credibility": "2", "target": hizb}}))
    assert case.links[lid].grading == "B2"


def test_bad_change_raises_and_leaves_stack_alone(case):
    stack = QUndoStack()
    lid = next(iter(case.links))
    with pytest.raises(CaseError):
        push(stack, UpdateLinksCommand(case, {lid: {"strength": "certain"}}))
    assert stack.count() == 0


def test_citations_add_and_remove(case):
    stack = QUndoStack()
    (hez,) = ids(case, "Hezbollah")
    art = next(iter(case.articles.values()))
    citation = cite(art, "Hezbollah, backed by Iran")
    check_round_trip(case, stack, AddCitationCommand(case, hez, citation))
    assert case.entities[hez].citations[0].quote == "Hezbollah, backed by Iran"
    lid = next(iter(case.links))
    check_round_trip(case, stack, RemoveCitationCommand(case, lid, case.links[lid].citations[0].id))
    assert not case.links[lid].citations


def test_articles_add_and_remove_with_their_citations(case):
    stack = QUndoStack()
    check_round_trip(case, stack, AddArticlesCommand(case, [Article("Second source text.", title="Second")]))
    first = next(iter(case.articles))
    check_round_trip(case, stack, RemoveArticlesCommand(case, [first]))
    assert first not in case.articles and not list(case.iter_citations())


def test_insert_items_with_types_and_articles(case):
    stack = QUndoStack()
    art = Article("A pasted source.", title="Pasted")
    etype = EntityType("vessel", "Vessel", colour="#123456")
    ent = Entity("Ship", "vessel", citations=[cite(art, "pasted")])
    (iran,) = ids(case, "Iran")
    check_round_trip(case, stack, InsertItemsCommand(case, [ent], [Link(ent.id, iran, "located_in")], [art], [etype]))
    assert case.vocabulary.entity_type("vessel").colour == "#123456"


def test_merge_plan(case):
    stack = QUndoStack()
    hez, hizb, iran = ids(case, "Hezbollah", "Hizballah", "Iran")
    extra = case.add_link(hizb, iran, "backed_by")
    plan = {
        "keep_id": hez,
        "values": {"aliases": ["Hizballah", "Hizbollah"]},
        "relinks": {extra.id: {"source": hez}},
        "other_ids": [hizb],
    }
    check_round_trip(case, stack, MergeEntitiesCommand(case, plan))
    assert hizb not in case.entities
    assert case.links[extra.id].source == hez
    assert case.entities[hez].aliases == ["Hizballah", "Hizbollah"]


def test_apply_draft_keeps_ids_across_redo(case):
    stack = QUndoStack()
    (iran,) = ids(case, "Iran")
    clash = Entity("Iran again", "country", id=iran)
    draft = Draft(entities=[clash, Entity("Quds Force", "armed_group")], links=[Link(clash.id, iran, "allied_with")])
    command = ApplyDraftCommand(case, draft)
    check_round_trip(case, stack, command)
    assert len(command.entity_ids) == 2 and iran not in command.entity_ids
    assert all(eid in case.entities for eid in command.entity_ids)


def test_merge_with_the_analysis_merge_plan(case):
    from linkchart.analysis import plan_merge

    stack = QUndoStack()
    hez, hizb, iran = ids(case, "Hezbollah", "Hizballah", "Iran")
    extra = case.add_link(hizb, iran, "funds")
    plan = plan_merge(case, hez, [hizb])
    check_round_trip(case, stack, MergeEntitiesCommand(case, plan))
    assert hizb not in case.entities and case.links[extra.id].source == hez
    assert "Hizballah" in case.entities[hez].aliases
