"""Timeline records, lanes, and what existed in a time window."""

from __future__ import annotations

from datetime import date

import pytest

from linkchart.analysis import in_window, timeline


def test_records_cover_dated_links_entities_and_articles_earliest_first(proxies):
    ids, links, arts = proxies.ids, proxies.links, proxies.articles
    t = timeline(proxies.case)
    by_id = {r.id: r for r in t.records}
    assert by_id[links["soleimani_qf"]].kind == "link"
    assert by_id[ids["Abqaiq attack"]].kind == "entity"
    assert by_id[arts["threat"]].kind == "article" and by_id[arts["threat"]].label == "Heightened threat"
    starts = [r.span.start for r in t.records]
    assert starts == sorted(starts)
    assert t.start == date(1954, 1, 1) and t.end == date(2022, 12, 31)  # "about 2021" reaches a year either side
    # Kinds of date come through for the plot to draw them differently.
    assert by_id[links["kh_qf"]].span.kind == "range"
    assert by_id[ids["Muscat talks"]].span.kind == "fuzzy"
    assert by_id[links["oman_talks"]].span.kind == "partial"
    assert by_id[ids["Abqaiq attack"]].span.kind == "exact"
    assert by_id[links["qs_strike"]].entity_ids == (ids["Qassem Soleimani"], ids["Baghdad airport strike"])


def test_undated_and_unreadable_dates_are_reported_not_guessed(proxies):
    t = timeline(proxies.case)
    assert (proxies.links["hez_houthi"], "sometime") == t.unreadable[0][:2]
    assert proxies.ids["Iran"] in t.undated and proxies.links["qf_part"] in t.undated
    assert proxies.links["hez_houthi"] not in {r.id for r in t.records}
    assert proxies.articles["notes"] not in {r.id for r in t.records}


def test_lanes_by_type_and_by_entity(proxies):
    ids = proxies.ids
    by_type = timeline(proxies.case, "type")
    labels = dict(by_type.lanes)
    assert labels["type:event"] == "Event" and labels["link:participated_in"] == "Participated in"
    assert by_type.lanes[-1] == ("articles", "Articles")
    by_entity = timeline(proxies.case, "entity", articles=False)
    strike_link = next(r for r in by_entity.records if r.id == proxies.links["muhandis_strike"])
    assert strike_link.lane == ids["Abu Mahdi al-Muhandis"] and strike_link.lane_label == "Abu Mahdi al-Muhandis"
    assert all(r.kind != "article" for r in by_entity.records)
    lane_keys = [k for k, _ in by_entity.lanes]
    assert len(lane_keys) == len(set(lane_keys))
    with pytest.raises(ValueError):
        timeline(proxies.case, "colour")


def test_window_keeps_what_existed_then(proxies):
    ids, links = proxies.ids, proxies.links
    w = in_window(proxies.case, date(2019, 9, 1), date(2019, 9, 30))
    assert links["houthi_abqaiq"] in w.link_ids and ids["Abqaiq attack"] in w.entity_ids
    assert links["kh_qf"] in w.link_ids  # 2018/2019 overlaps September 2019
    assert links["muhandis_strike"] not in w.link_ids and ids["Baghdad airport strike"] not in w.entity_ids
    assert ids["Iran"] in w.entity_ids and links["qf_part"] in w.link_ids  # undated, kept by default
    assert proxies.articles["threat"] in w.article_ids and proxies.articles["strike"] not in w.article_ids


def test_window_without_undated_items_keeps_the_ends_of_dated_links(proxies):
    ids, links = proxies.ids, proxies.links
    w = in_window(proxies.case, date(2020, 1, 3), date(2020, 1, 3), keep_undated=False)
    assert links["muhandis_strike"] in w.link_ids and links["qs_strike"] in w.link_ids
    # Qassem Soleimani (the duplicate card) has no date but is an end of a dated link in the window.
    assert ids["Qassem Soleimani"] in w.entity_ids
    assert ids["Iran"] not in w.entity_ids and links["qf_part"] not in w.link_ids
    assert links["hez_houthi"] not in w.link_ids  # unreadable counts as undated
    # Every link shown has both its cards.
    assert all({proxies.case.links[lid].source, proxies.case.links[lid].target} <= w.entity_ids for lid in w.link_ids)
    assert proxies.articles["notes"] not in w.article_ids


def test_window_hides_a_link_whose_card_is_dated_outside(proxies):
    ids, links = proxies.ids, proxies.links
    # "Oman mediates Muscat talks" is dated 2021-03; the talks "about 2021" (2020-2022).
    w = in_window(proxies.case, date(2022, 6, 1), None)
    assert ids["Muscat talks"] in w.entity_ids and links["oman_talks"] not in w.link_ids
    w = in_window(proxies.case, None, date(2019, 1, 1), keep_undated=False)
    assert links["kh_qf"] in w.link_ids and ids["Abqaiq attack"] not in w.entity_ids
    everything = in_window(proxies.case, None, None)
    assert everything.entity_ids == set(proxies.case.entities) and everything.link_ids == set(proxies.case.links)
