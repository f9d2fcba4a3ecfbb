"""Search across cards, links and articles; filter specs."""

from __future__ import annotations

from datetime import date

import pytest

from linkchart.analysis import FilterSpec, apply_filter, search
from linkchart.analysis.search import find_all


def hits_of(hits, kind=None, field=None):
    return [h for h in hits if (kind is None or h.kind == kind) and (field is None or h.field == field)]


def test_search_finds_labels_aliases_attributes_notes_and_types(proxies):
    ids = proxies.ids
    hits = search(proxies.case, "soleimani")
    assert {h.item_id for h in hits_of(hits, "entity", "label")} == {ids["Qasem Soleimani"], ids["Qassem Soleimani"]}
    assert hits_of(search(proxies.case, "ansar allah"), "entity", "alias")[0].item_id == ids["Houthis"]
    rank = hits_of(search(proxies.case, "major general"), "entity")
    assert rank[0].field == "attribute:rank" and rank[0].snippet == "rank: Major General"
    assert hits_of(search(proxies.case, "ANX import"), "entity", "notes")[0].item_id == ids["IRGC"]
    assert {h.item_id for h in hits_of(search(proxies.case, "event"), "entity", "type")} >= {ids["Abqaiq attack"]}


def test_search_quotes_and_comments_locate_the_article_text(proxies):
    case = proxies.case
    [hit] = hits_of(search(case, "trains"), "link", "quote")
    assert hit.item_id == proxies.links["kh_qf"] and hit.article_id == proxies.articles["threat"]
    assert case.articles[hit.article_id].text[hit.start : hit.end] == "trains"
    [comment] = hits_of(search(case, "not command"), "link", "comment")
    assert comment.item_id == proxies.links["kh_qf"]
    assert hits_of(search(case, "backed by"), "link", "label")


def test_search_article_text_with_offsets_and_snippets(proxies):
    case = proxies.case
    hits = hits_of(search(case, "quds force"), "article", "text")
    text = case.articles[proxies.articles["threat"]].text
    assert [text[h.start : h.end] for h in hits] == ["Quds Force", "Quds Force"]
    for h in hits:
        assert h.snippet[h.match[0] : h.match[1]] == "Quds Force"
    assert hits_of(search(case, "baghdad airport"), "article", "title")[0].item_id == proxies.articles["strike"]


def test_search_ignores_case_and_accents_and_keeps_offsets_of_the_original():
    text = "General Qāsem Soleimānī met Ḥezbollah."
    [(a, b)] = find_all(text, "qasem soleimani")
    assert text[a:b] == "Qāsem Soleimānī"
    [(a, b)] = find_all(text, "HEZBOLLAH")
    assert text[a:b] == "Ḥezbollah"
    assert find_all(text, "   ") == []


def test_search_limits_and_kinds(proxies):
    assert len(search(proxies.case, "e", limit=5)) == 5
    assert {h.kind for h in search(proxies.case, "quds", kinds=["article"])} == {"article"}
    assert search(proxies.case, "") == []
    assert search(proxies.case, "zzzz-nothing") == []


def test_empty_spec_keeps_everything(proxies):
    spec = FilterSpec()
    assert not spec.active
    result = apply_filter(proxies.case, spec)
    assert result.entity_ids == set(proxies.case.entities) and result.link_ids == set(proxies.case.links)


def test_entity_type_filter_drops_links_to_other_types(proxies):
    ids = proxies.ids
    result = apply_filter(proxies.case, FilterSpec(entity_types=frozenset({"armed_group", "country"})))
    assert ids["Qasem Soleimani"] not in result.entity_ids
    assert proxies.links["soleimani_qf"] not in result.link_ids
    assert proxies.links["houthi_iran"] in result.link_ids


def test_link_filters_strength_type_grading(proxies):
    links = proxies.links
    confirmed = apply_filter(proxies.case, FilterSpec(min_strength="confirmed"))
    assert links["kh_qf"] not in confirmed.link_ids and links["hez_qf"] in confirmed.link_ids
    assert proxies.ids["Houthis"] in confirmed.entity_ids  # cards stay unless asked to drop them
    graded = apply_filter(proxies.case, FilterSpec(min_reliability="B"))
    assert graded.link_ids == {links["soleimani_qf"], links["kh_qf"]}
    credible = apply_filter(proxies.case, FilterSpec(min_credibility="1"))
    assert credible.link_ids == {links["soleimani_qf"]}
    backing = apply_filter(proxies.case, FilterSpec(link_types=frozenset({"backed_by"}), drop_isolated=True))
    assert backing.link_ids == {links["hez_qf"], links["houthi_iran"]}
    assert backing.entity_ids == {proxies.ids[n] for n in ("Hezbollah", "Quds Force", "Houthis", "Iran")}
    assert FilterSpec(min_strength="probable").active
    with pytest.raises(ValueError):
        apply_filter(proxies.case, FilterSpec(min_reliability="Z"))


def test_date_window_filter(proxies):
    ids, links = proxies.ids, proxies.links
    spec = FilterSpec(start=date(2020, 1, 1), end=date(2020, 12, 31), keep_undated=False)
    result = apply_filter(proxies.case, spec)
    assert links["qs_strike"] in result.link_ids and links["kh_qf"] not in result.link_ids
    assert ids["Baghdad airport strike"] in result.entity_ids
    assert ids["Qassem Soleimani"] in result.entity_ids  # undated, but the end of a shown link
    assert ids["Iran"] not in result.entity_ids
    assert ids["Iran"] in apply_filter(proxies.case, FilterSpec(start=date(2020, 1, 1))).entity_ids


def test_source_article_and_unsourced_filters(proxies):
    ids, links = proxies.ids, proxies.links
    from_strike = apply_filter(proxies.case, FilterSpec(article_ids=frozenset({proxies.articles["strike"]})))
    assert from_strike.link_ids == {links["muhandis_kh"]}
    assert from_strike.entity_ids == {
        ids["Qassem Soleimani"],
        ids["Kataib Hezbollah"],
        ids["Baghdad airport strike"],
        ids["Abu Mahdi al-Muhandis"],
    }
    unsourced = apply_filter(proxies.case, FilterSpec(unsourced_only=True))
    assert links["qf_part"] in unsourced.link_ids and links["hez_qf"] not in unsourced.link_ids
    assert ids["Iran"] in unsourced.entity_ids and ids["Oman"] in unsourced.entity_ids
    # The Quds Force cites a quote but is an end of the unsourced "part of" link, so it is shown.
    assert ids["Quds Force"] in unsourced.entity_ids
    assert ids["Kata'ib Hizballah"] not in unsourced.entity_ids  # sourced, and so is its only link
