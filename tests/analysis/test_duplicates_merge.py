"""Possible duplicates (transliterations, punctuation, acronyms) and merge plans applied with Case primitives."""

from __future__ import annotations

import networkx as nx
import pytest

from linkchart.analysis import find_duplicates, name_similarity, plan_merge
from linkchart.analysis.names import normalise, skeleton
from linkchart.model import Case, Citation, Entity


def pair_of(found, a, b):
    return next((d for d in found if {d.a, d.b} == {a, b}), None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kata'ib Hizballah", "Kataib Hezbollah"),
        ("Qassem Soleimani", "Qasem Soleimani"),
        ("Ḥizb Allāh", "Hezbollah"),
        ("Abu Mahdi al-Muhandis", "Abu Mahdi Al Muhandis"),
        ("Hassan Nasrallah", "Hasan Nasrullah"),
        ("Quds Force", "Qods Force"),
        ("Sulaymānī", "SOLEIMANI"),
    ],
)
def test_transliterations_and_punctuation_fold_to_one_name(a, b):
    assert normalise(a) == normalise(b)
    assert name_similarity(a, b) == 1.0


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("Jaish al-Mahdi", "Jaysh al-Mahdi", 0.9, 1.0),  # not in the table: the consonant outline carries it
        ("Asaib Ahl al-Haq", "Asa'ib Ahl al-Haqq", 0.9, 1.0),
        ("IRGC", "Islamic Revolutionary Guard Corps", 0.9, 0.9),
        ("Hamas", "Homs", 0.0, 0.7),
        ("Iran", "Iraq", 0.0, 0.79),
        ("Mahmoud Soleimani", "Qasem Soleimani", 0.0, 0.79),
        ("Hezbollah", "Kata'ib Hezbollah", 0.0, 0.79),
    ],
)
def test_similarity_separates_variants_from_different_names(a, b, low, high):
    assert low <= name_similarity(a, b) <= high


def test_skeleton_drops_vowels_and_doubles():
    assert skeleton("Jaish al-Mahdi") == skeleton("Jaysh al-Mahdi") == "jsh mhd"


def test_find_duplicates_in_the_case(proxies):
    ids = proxies.ids
    found = find_duplicates(proxies.case)
    kh = pair_of(found, ids["Kata'ib Hizballah"], ids["Kataib Hezbollah"])
    assert kh is not None and kh.score == 1.0 and "spelling" in kh.reason
    qs = pair_of(found, ids["Qasem Soleimani"], ids["Qassem Soleimani"])
    assert qs is not None and qs.score == 1.0
    irgc = pair_of(found, ids["IRGC"], ids["Islamic Revolutionary Guard Corps"])
    assert irgc is not None and irgc.score >= 0.9 and "acronym" in irgc.reason
    assert pair_of(found, ids["Hezbollah"], ids["Kataib Hezbollah"]) is None
    assert pair_of(found, ids["Iran"], ids["Oman"]) is None
    assert [d.score for d in found] == sorted((d.score for d in found), reverse=True)
    assert all(d.a != d.b for d in found)


def test_a_shared_alias_is_a_duplicate():
    case = Case()
    guard = case.add_entity("Islamic Revolutionary Guard Corps", "armed_group", aliases=["IRGC", "Sepah"]).id
    sepah = case.add_entity("Sepah-e Pasdaran", "armed_group", aliases=["Sepah"]).id
    irgc = case.add_entity("IRGC", "organization").id
    found = find_duplicates(case)
    by_alias = pair_of(found, guard, sepah)
    assert by_alias.score == 1.0 and (by_alias.name_a, by_alias.name_b) == ("Sepah", "Sepah")
    assert pair_of(found, guard, irgc).reason == "same name"
    assert pair_of(find_duplicates(case, same_type=True), guard, irgc) is None
    assert find_duplicates(case, ids=[guard, irgc]) == [pair_of(found, guard, irgc)]


def test_a_surname_alone_matches_a_person_but_not_an_organisation():
    case = Case()
    full = case.add_entity("Hassan Nasrallah", "person").id
    short = case.add_entity("Nasrallah", "person").id
    group = case.add_entity("Kataib Hezbollah", "armed_group").id
    other = case.add_entity("Hezbollah", "armed_group").id
    found = find_duplicates(case)
    assert pair_of(found, full, short) is not None
    assert pair_of(found, group, other) is None
    assert pair_of(find_duplicates(case, threshold=0.6), group, other) is not None


def test_blocking_keeps_big_cases_cheap_and_still_finds_the_pair():
    graph_names = [f"Unit {i} of the {('Northern', 'Southern', 'Eastern')[i % 3]} Brigade" for i in range(2000)]
    case = Case()
    case.insert_entities([Entity(label=n) for n in graph_names])
    a = case.add_entity("Kata'ib Sayyid al-Shuhada").id
    b = case.add_entity("Kataib Sayyid al-Shuhada").id
    found = find_duplicates(case, threshold=0.95)
    assert pair_of(found, a, b) is not None
    # "Unit 12 ..." and "Unit 21 ..." share only common words: not paired at 0.95.
    assert all({d.a, d.b} == {a, b} or d.score >= 0.95 for d in found)
    assert len(found) < 50


def test_merge_plan_is_complete_and_applies_with_case_primitives(proxies):
    case, ids = proxies.case, proxies.ids
    keep, other = ids["Qasem Soleimani"], ids["Qassem Soleimani"]
    group = case.add_group("Strike", [other, ids["Abu Mahdi al-Muhandis"]]).id
    strike_quote = case.entities[other].citations[0]
    # The same quote cited on both cards must not be doubled.
    case.add_citation(keep, Citation(strike_quote.article_id, strike_quote.start, strike_quote.end, strike_quote.quote))
    self_loop = case.add_link(keep, other, "associated_with").id
    before_links = set(case.links)
    plan = plan_merge(case, keep, [other])

    values = plan.entity_values
    assert values["aliases"] == ["Qassem Soleimani", "Haj Qassem"]
    assert values["attributes"] == {"rank": "Major General", "born": "1957"}  # the kept card wins "rank"
    assert values["notes"] == "Duplicate from article 2."
    assert "citations" not in values  # the other card's only quote is already on the kept one
    assert "date" not in values  # the kept card has one already
    assert plan.link_updates[proxies.links["qs_strike"]] == {"source": keep}
    assert plan.link_updates[self_loop] == {"target": keep}
    assert plan.self_loops == [self_loop]
    assert plan.group_updates == {group: [keep, ids["Abu Mahdi al-Muhandis"]]}
    assert self_loop not in plan.link_updates_without_loops()
    assert case.entities[other].label == "Qassem Soleimani"  # planning changed nothing

    case.update_entity(keep, **plan.entity_values)
    for lid, ends in plan.link_updates.items():
        case.update_link(lid, **ends)
    for gid, members in plan.group_updates.items():
        case.update_group(gid, members=members)
    removal = case.remove_entities(plan.other_ids)
    assert removal.links == []  # every link was re-pointed first
    assert set(case.links) == before_links
    assert case.links[self_loop].source == case.links[self_loop].target == keep
    assert case.links[proxies.links["qs_strike"]].source == keep
    assert other not in case.entities and case.groups[group].members[0] == keep
    spans = [(c.article_id, c.start, c.end) for c in case.entities[keep].citations]
    assert len(spans) == len(set(spans)) == 2
    assert not case.broken_citations()


def test_merging_several_fills_empty_fields_and_flags_parallel_links():
    case = Case()
    iran = case.add_entity("Iran", "country").id
    keep = case.add_entity("Kataib Hezbollah", "armed_group").id
    a = case.add_entity("Kata'ib Hizballah", "armed_group", subtitle="Iraqi militia", aliases=["KH"]).id
    b = case.add_entity("KH", "armed_group", date="2003", notes="From the ANX file.").id
    l1 = case.add_link(keep, iran, "backed_by").id
    l2 = case.add_link(a, iran, "backed_by").id
    l3 = case.add_link(b, iran, "funds").id
    loop = case.add_link(a, b, "associated_with").id
    art = case.add_article("KH is backed by Iran.")
    case.add_citation(b, Citation(art.id, 0, 2, "KH"))
    plan = plan_merge(case, keep, [a, b, keep])
    assert plan.other_ids == [a, b]
    assert plan.entity_values["aliases"] == ["Kata'ib Hizballah", "KH"]
    assert plan.entity_values["subtitle"] == "Iraqi militia" and plan.entity_values["date"] == "2003"
    assert plan.self_loops == [loop] and plan.link_updates[loop] == {"source": keep, "target": keep}
    assert plan.parallel == [[l1, l2]]
    assert [c.quote for c in plan.entity_values["citations"]] == ["KH"]
    assert l3 in plan.link_updates
    with pytest.raises(ValueError):
        plan_merge(case, "missing", [a])
    with pytest.raises(ValueError):
        plan_merge(case, keep, ["missing"])


def test_duplicates_on_a_large_generated_case_stay_quick_to_list():
    # Names drawn from a small vocabulary, like real imports: blocking must keep this near-linear.
    words = ["Hezbollah", "Brigade", "Force", "Martyrs", "Islamic", "Resistance", "Front", "Army"]
    graph = nx.path_graph(3000)
    case = Case()
    case.insert_entities([Entity(label=f"{words[i % 8]} {words[(i * 3) % 8]} {i}") for i in graph.nodes])
    found = find_duplicates(case, threshold=0.99)
    assert all(d.score >= 0.99 for d in found)
