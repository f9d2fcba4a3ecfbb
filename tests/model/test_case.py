"""Case operations: every mutation keeps the graph in step, emits one event and is invertible."""

from __future__ import annotations

import pytest

from linkchart.model import Case, CaseError, Citation, Draft, Entity, Link, is_id


@pytest.fixture
def case() -> Case:
    c = Case(title="Proxies")
    art = c.add_article("Iranian-sponsored Houthi rebels in Yemen claimed an attack.", title="Threat")
    iran = c.add_entity("Iran", "country", id="00000000-0000-4000-8000-000000000001")
    houthis = c.add_entity("Houthis", "armed_group", aliases=["Ansar Allah"], id="00000000-0000-4000-8000-000000000002")
    quote = "Iranian-sponsored Houthi rebels"
    c.add_link(houthis.id, iran.id, "backed_by", citations=[Citation(art.id, 0, len(quote), quote)])
    return c


def ids_of(c: Case) -> tuple:
    return tuple(c.entities), tuple(c.links), sorted(c.graph.edges(keys=True)), sorted(c.graph.nodes)


def test_add_returns_objects_with_uuid_ids_and_graph_mirrors_them(case: Case):
    link = next(iter(case.links.values()))
    assert is_id(link.id) and all(is_id(a) for a in case.articles)
    assert case.graph.number_of_nodes() == 2
    assert case.graph.has_edge(link.source, link.target, key=link.id)
    assert case.graph.edges[link.source, link.target, link.id]["type"] == "backed_by"


def test_several_links_between_one_pair_are_kept_apart(case: Case):
    a, b = list(case.entities)
    case.add_link(a, b, "funds")
    case.add_link(b, a, "allied_with", direction="none")
    assert len(case.links_between(a, b)) == 3
    assert case.graph.number_of_edges() == 3


def test_each_mutation_emits_exactly_one_event(case: Case):
    events = []
    case.changed.connect(events.append)
    eid = next(iter(case.entities))
    case.update_entity(eid, label="Islamic Republic of Iran", notes="state")
    case.move_entities({e: (10, 20) for e in case.entities})
    case.remove_entities([eid])
    kinds = [e.kind for e in events]
    assert kinds[:2] == ["entities_changed", "entities_moved"]
    # one remove call: the link goes, then the entity, each one event, nothing else
    assert kinds[2:] == ["links_removed", "entities_removed"]
    assert events[0].fields == frozenset({"label", "notes"})


def test_update_returns_old_values_that_undo_it(case: Case):
    eid = "00000000-0000-4000-8000-000000000002"
    old = case.update_entity(eid, label="Ansarallah", aliases=["Houthis"])
    assert case.entities[eid].label == "Ansarallah" and case.graph.nodes[eid]["label"] == "Ansarallah"
    case.update_entity(eid, **old)
    assert case.entities[eid].label == "Houthis" and case.entities[eid].aliases == ["Ansar Allah"]


def test_update_copies_lists_so_callers_cannot_alias_model_state(case: Case):
    eid = "00000000-0000-4000-8000-000000000002"
    aliases = ["A"]
    case.update_entity(eid, aliases=aliases)
    aliases.append("B")
    assert case.entities[eid].aliases == ["A"]


def test_remove_entity_takes_its_links_and_restore_puts_back_order(case: Case):
    before = ids_of(case)
    extra = case.add_entity("Yemen", "country")
    case.add_link(list(case.entities)[1], extra.id, "located_in")
    before = ids_of(case)
    group = case.add_group("Axis", [extra.id, "00000000-0000-4000-8000-000000000001"])
    removal = case.remove_entities(["00000000-0000-4000-8000-000000000001"])
    assert len(case.links) == 1 and group.members == [extra.id]
    case.restore(removal)
    assert ids_of(case) == before
    assert group.members == [extra.id, "00000000-0000-4000-8000-000000000001"]


def test_repointing_a_link_moves_its_graph_edge(case: Case):
    link = next(iter(case.links.values()))
    third = case.add_entity("Saudi Arabia", "country")
    old = case.update_link(link.id, target=third.id)
    assert case.graph.has_edge(link.source, third.id, key=link.id)
    assert not case.graph.has_edge(link.source, old["target"], key=link.id)


@pytest.mark.parametrize(
    "values",
    [{"strength": "certain"}, {"direction": "sideways"}, {"reliability": "G"}, {"credibility": "7"}, {"id": "x"}],
)
def test_bad_link_values_are_refused_and_change_nothing(case: Case, values):
    link = next(iter(case.links.values()))
    snapshot = vars(link).copy()
    with pytest.raises(CaseError):
        case.update_link(link.id, **values)
    assert vars(link) == snapshot
    assert case.graph.has_edge(link.source, link.target, key=link.id)


def test_links_need_existing_ends(case: Case):
    with pytest.raises(CaseError):
        case.add_link("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-00000000ffff")
    assert len(case.links) == 1


def test_article_text_is_immutable_and_cited_articles_cannot_go(case: Case):
    aid = next(iter(case.articles))
    with pytest.raises(CaseError):
        case.update_article(aid, text="rewritten")
    with pytest.raises(CaseError):
        case.remove_article(aid)
    case.update_article(aid, publisher="Sky News")
    assert case.articles[aid].publisher == "Sky News"


def test_citations_are_verified_and_broken_ones_reported(case: Case):
    aid = next(iter(case.articles))
    eid = "00000000-0000-4000-8000-000000000002"
    good = Citation(aid, 35, 40, "Yemen")
    case.add_citation(eid, good)
    with pytest.raises(CaseError):
        case.add_citation(eid, Citation(aid, 0, 5, "Saudi"))
    assert case.broken_citations() == []
    # A quote that no longer matches (e.g. a hand-edited file) is flagged, never hidden.
    case.entities[eid].citations[0].quote = "Oman"
    assert [(item.id, c.id) for item, c in case.broken_citations()] == [(eid, good.id)]
    index, removed = case.remove_citation(eid, good.id)
    assert (index, removed.id) == (0, good.id)


def test_relocate_offers_a_unique_new_span_only():
    text = "Quds Force and the Quds Force again"
    assert Citation("a", 0, 3, "and").relocate(text) == (11, 14)
    assert Citation("a", 0, 3, "Quds Force").relocate(text) is None


def test_unsourced_lists_items_without_citations(case: Case):
    assert {i.label for i in case.unsourced() if isinstance(i, Entity)} == {"Iran", "Houthis"}
    assert not [i for i in case.unsourced() if isinstance(i, Link)]


def test_batch_merges_consecutive_events(case: Case):
    events = []
    case.changed.connect(events.append)
    with case.batch():
        for eid in list(case.entities):
            case.update_entity(eid, notes="x")
    assert len(events) == 1 and set(events[0].ids) == set(case.entities)


def test_apply_draft_is_atomic_dedupes_articles_and_unapplies_exactly(case: Case):
    from linkchart.model import Article

    existing_text = next(iter(case.articles.values())).text
    dup = Article(text=existing_text, title="same text again")
    new = Article(text="Kataib Hezbollah fired rockets.", title="Rockets")
    kh = Entity("Kataib Hezbollah", "armed_group", citations=[Citation(new.id, 0, 16, "Kataib Hezbollah")])
    yemen = Entity("Yemen", "country", citations=[Citation(dup.id, 35, 40, "Yemen")])
    draft = Draft(articles=[dup, new], entities=[kh, yemen], links=[Link(kh.id, "00000000-0000-4000-8000-000000000001", "backed_by")])
    before = ids_of(case), set(case.articles)
    applied = case.apply_draft(draft)
    assert len(case.articles) == 2 and case.broken_citations() == []
    assert case.entities[yemen.id].citations[0].article_id in before[1]
    case.unapply_draft(applied)
    assert (ids_of(case), set(case.articles)) == before
    case.apply_draft(applied.draft)
    assert set(case.entities) >= {kh.id, yemen.id}


def test_bad_draft_changes_nothing(case: Case):
    before = ids_of(case)
    bad = Draft(entities=[Entity("X")], links=[Link("00000000-0000-4000-8000-0000000000aa", "00000000-0000-4000-8000-000000000001")])
    with pytest.raises(CaseError):
        case.apply_draft(bad)
    assert ids_of(case) == before
