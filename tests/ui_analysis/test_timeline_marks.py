"""The timeline's mark index: patched after edits, it holds what a fresh full read of the case would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from linkchart.analysis import timeline
from linkchart.model import Case, ChangeEvent, LinkType
from linkchart.ui.analysis.timeline_marks import DAY, MarkIndex, record_of, touched_ids

DATES = ["", "2019-09-14", "2019-05", "2018", "about 2015", "1982/2023", "before 2001", "sometime", "2019-02-30", "  2018 "]
LABELS = ["Iran", "Hezbollah", "Houthis", "Aramco", "Iran"]  # a repeated label: equal lanes names by entity
TYPES = ["country", "armed_group", "event", "person"]
LINK_TYPES = ["backed_by", "commands", "participated_in"]


def small_case() -> Case:
    case = Case(title="Marks")
    ents = [case.add_entity(label, TYPES[i % len(TYPES)], date=DATES[(i * 3) % len(DATES)]) for i, label in enumerate(LABELS)]
    for i, (a, b) in enumerate([(0, 1), (1, 2), (2, 3), (3, 0), (4, 1), (0, 2)]):
        case.add_link(ents[a].id, ents[b].id, LINK_TYPES[i % 3], date=DATES[(i * 7 + 1) % len(DATES)])
    case.add_article("Text.", title="Report", date="2020-01-05")
    case.add_article("Other.", title="", date="2019")
    return case


def same_as_fresh(index: MarkIndex, case: Case) -> None:
    fresh = timeline(case, index.lane_by)
    assert index.records == fresh.records
    assert index.lanes == fresh.lanes
    assert sorted(index.unreadable) == sorted(fresh.unreadable)
    assert index.by_id == {r.id: r for r in fresh.records}


def test_record_of_reads_every_item_as_timeline_does():
    case = small_case()
    for lane_by in ("type", "entity"):
        data = timeline(case, lane_by)
        got = {}
        unreadable = []
        for item_id in [*case.entities, *case.links, *case.articles]:
            record, why = record_of(case, item_id, lane_by)
            if record is not None:
                got[item_id] = record
            if why is not None:
                unreadable.append(why)
        assert got == {r.id: r for r in data.records}
        assert unreadable == data.unreadable
    assert record_of(case, "no-such-id", "type") == (None, None)


def test_arrays_give_day_seconds_and_end_after_the_last_day():
    case = small_case()
    index = MarkIndex(case)
    a = index.arrays()
    for i, r in enumerate(index.records):
        assert a.start[i] == (r.span.start.toordinal() - 719163) * DAY
        assert a.end[i] - a.start[i] == ((r.span.end - r.span.start).days + 1) * DAY
        assert a.exact[i] == (not r.span.uncertain)
        assert index.lanes[int(a.lane[i])][0] == r.lane


def test_edits_that_do_not_show_on_the_timeline_touch_nothing():
    case = small_case()
    eid, lid = next(iter(case.entities)), next(iter(case.links))
    assert touched_ids(case, ChangeEvent("entities_changed", (eid,), frozenset({"notes"}))) == set()
    assert touched_ids(case, ChangeEvent("links_changed", (lid,), frozenset({"strength"}))) == set()
    assert touched_ids(case, ChangeEvent("entities_moved", (eid,), frozenset({"x", "y"}))) == set()
    assert touched_ids(case, ChangeEvent("groups_changed", ("g",), frozenset({"members"}))) == set()
    assert touched_ids(case, ChangeEvent("case_changed", (), frozenset({"title"}))) == set()
    assert touched_ids(case, ChangeEvent("case_changed", (), frozenset({"vocabulary"}))) is None
    # A renamed card's links carry its name in their labels.
    renamed = touched_ids(case, ChangeEvent("entities_changed", (eid,), frozenset({"label"})))
    assert renamed == {eid} | {link.id for link in case.links_of(eid)} and len(renamed) > 1


def test_renaming_a_card_renames_its_lane_and_its_links():
    case = small_case()
    index = MarkIndex(case, "entity")
    eid = next(e.id for e in case.entities.values() if e.label == "Iran" and e.date)
    case.changed.connect(lambda event: index.patch(case, touched_ids(case, event) or ()))
    case.update_entity(eid, label="Islamic Republic of Iran")
    same_as_fresh(index, case)
    assert ("Islamic Republic of Iran" in dict(index.lanes).values())


# One edit: (what, which item by position, value by position).
EDITS = st.tuples(st.sampled_from(["entity_date", "link_date", "label", "type", "link_type", "retarget", "remove_entity",
                                   "remove_link", "add_link", "article_date", "undo_removal"]),
                  st.integers(0, 20), st.integers(0, 20))


@settings(max_examples=60, deadline=None)
@given(lane_by=st.sampled_from(["type", "entity"]), edits=st.lists(EDITS, min_size=1, max_size=12))
def test_patching_after_any_edits_matches_a_fresh_read(lane_by, edits):
    case = small_case()
    index = MarkIndex(case, lane_by)
    events: list[ChangeEvent] = []
    case.changed.connect(events.append)
    removals = []
    for what, i, v in edits:
        ents, links = list(case.entities), list(case.links)
        if what == "entity_date" and ents:
            case.update_entity(ents[i % len(ents)], date=DATES[v % len(DATES)])
        elif what == "link_date" and links:
            case.update_link(links[i % len(links)], date=DATES[v % len(DATES)])
        elif what == "label" and ents:
            case.update_entity(ents[i % len(ents)], label=LABELS[v % len(LABELS)] + str(v))
        elif what == "type" and ents:
            case.update_entity(ents[i % len(ents)], type=TYPES[v % len(TYPES)])
        elif what == "link_type" and links:
            case.update_link(links[i % len(links)], type=LINK_TYPES[v % len(LINK_TYPES)])
        elif what == "retarget" and links and len(ents) > 1:
            link = case.links[links[i % len(links)]]
            target = ents[v % len(ents)]
            if target != link.source:
                case.update_link(link.id, target=target)
        elif what == "remove_entity" and ents:
            removals.append(case.remove_entities([ents[i % len(ents)]]))
        elif what == "remove_link" and links:
            case.remove_links([links[i % len(links)]])
        elif what == "add_link" and len(ents) > 1 and ents[i % len(ents)] != ents[v % len(ents)]:
            case.add_link(ents[i % len(ents)], ents[v % len(ents)], LINK_TYPES[v % 3], date=DATES[(i + v) % len(DATES)])
        elif what == "article_date":
            arts = list(case.articles)
            case.update_article(arts[i % len(arts)], date=DATES[v % len(DATES)])
        elif what == "undo_removal" and removals:
            case.restore(removals.pop())
        # Patch after each edit, or after a burst of them, as the panel's coalescing timer does.
        if v % 3 == 0:
            touched: set[str] = set()
            for event in events:
                ids = touched_ids(case, event)
                if ids is None:
                    index = MarkIndex(case, lane_by)
                    touched = set()
                    break
                touched |= ids
            index.patch(case, touched)
            events.clear()
            same_as_fresh(index, case)
    touched = set().union(*(touched_ids(case, e) or set() for e in events))
    index.patch(case, touched)
    same_as_fresh(index, case)


def test_a_reworded_link_type_asks_for_a_full_read():
    case = small_case()
    events: list[ChangeEvent] = []
    case.changed.connect(events.append)
    case.add_link_type(LinkType(id="backed_by", label="sponsored by"))
    assert [touched_ids(case, e) for e in events] == [None]
    assert ("link:backed_by", "Sponsored by") in MarkIndex(case).lanes
