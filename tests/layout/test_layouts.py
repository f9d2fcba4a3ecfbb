"""Every layout: all cards placed, none overlapping, pins held, case untouched, cancellable."""

from __future__ import annotations

import math

import pytest

from linkchart.layout import (
    ALGORITHMS,
    DEFAULT_SIZE,
    MARGIN,
    Cancelled,
    circular_layout,
    count_overlaps,
    force_layout,
    grid_layout,
    grouped_layout,
    hierarchical_layout,
    layout_case,
    radial_layout,
)
from linkchart.model import Case


def options_for(name: str, ids: dict[str, str] | None = None, case: Case | None = None) -> dict:
    if name == "radial":
        centre = ids["Quds Force"] if ids else next(iter(case.entities))
        return {"centre": centre}
    return {}


def snapshot(case: Case) -> dict:
    return {eid: (e.x, e.y, e.pinned) for eid, e in case.entities.items()}


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_every_card_placed_without_overlap_and_case_untouched(name, proxies):
    case, ids = proxies
    before = snapshot(case)
    pos = layout_case(case, name, **options_for(name, ids))
    assert set(pos) == set(case.entities)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in pos.values())
    assert count_overlaps(pos) == 0
    assert snapshot(case) == before


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_scale_free_chart_of_2000_cards_has_no_overlaps(name, scale_free_case):
    pos = layout_case(scale_free_case, name, **options_for(name, case=scale_free_case))
    assert len(pos) == 2000
    assert count_overlaps(pos) == 0


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_given_card_sizes_are_respected(name, proxies):
    case, ids = proxies
    sizes = {eid: (60.0 + 40 * (i % 5), 30.0 + 25 * (i % 3)) for i, eid in enumerate(case.entities)}
    pos = layout_case(case, name, sizes=sizes, **options_for(name, ids))
    assert count_overlaps(pos, sizes) == 0
    # The default-size check would be wrong here: sizes really were used.
    assert count_overlaps(pos, sizes, margin=MARGIN) == 0


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_pinned_cards_keep_their_place(name, proxies):
    case, ids = proxies
    case.update_entity(ids["Iran"], x=5000.0, y=-300.0, pinned=True)
    case.update_entity(ids["Hamas"], x=-2000.0, y=800.0, pinned=True)
    pos = layout_case(case, name, **options_for(name, ids))
    assert pos[ids["Iran"]] == (5000.0, -300.0)
    assert pos[ids["Hamas"]] == (-2000.0, 800.0)
    assert count_overlaps(pos) == 0


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_a_subset_is_laid_out_around_the_cards_that_stay(name, proxies):
    case, ids = proxies
    for i, eid in enumerate(case.entities):
        case.update_entity(eid, x=float(i % 5) * 250, y=float(i // 5) * 120)
    subset = [ids[n] for n in ("Iran", "IRGC", "Quds Force", "Hezbollah", "Hamas")]
    pos = layout_case(case, name, subset, **options_for(name, ids))
    assert set(pos) == set(subset)
    everything = {eid: (e.x, e.y) for eid, e in case.entities.items()} | pos
    assert count_overlaps(everything) == 0


@pytest.mark.parametrize("name", ["force", "hierarchical", "grouped", "circular"])
def test_progress_reports_and_cancel_raises(name, scale_free_case):
    seen: list[float] = []

    def record(f: float) -> bool:
        seen.append(f)
        return True

    layout_case(scale_free_case, name, progress=record)
    assert seen and all(0.0 <= f <= 1.0 for f in seen)
    assert seen == sorted(seen)
    with pytest.raises(Cancelled):
        layout_case(scale_free_case, name, progress=lambda f: False)


def test_force_layout_is_repeatable_and_seeded(proxies):
    case, _ = proxies
    assert force_layout(case, seed=3) == force_layout(case, seed=3)
    assert force_layout(case, seed=3) != force_layout(case, seed=4)


def test_force_layout_keeps_linked_cards_closer_than_unlinked(scale_free_case):
    pos = force_layout(scale_free_case)
    linked = [math.dist(pos[k.source], pos[k.target]) for k in scale_free_case.links.values()]
    ids = list(pos)
    unlinked = [math.dist(pos[ids[i]], pos[ids[(i * 7919 + 13) % len(ids)]]) for i in range(2000)]
    assert sorted(linked)[len(linked) // 2] < sorted(unlinked)[len(unlinked) // 2] / 2


def test_force_layout_sets_unlinked_cards_aside_in_a_block(proxies):
    case, ids = proxies
    pos = force_layout(case)
    loners = [pos[ids[n]] for n in ("Oman", "Qatar", "Muscat talks")]
    linked_right = max(x for eid, (x, _) in pos.items() if eid not in {ids["Oman"], ids["Qatar"], ids["Muscat talks"]})
    assert all(x > linked_right for x, _ in loners)


def test_hierarchy_puts_backers_above_proxies_and_commanders_above_their_units(proxies):
    case, ids = proxies
    pos = hierarchical_layout(case, link_types=["backed_by", "commands", "part_of"])
    y = {name: pos[eid][1] for name, eid in ids.items()}
    # "Hezbollah backed_by Quds Force": the backer is above (smaller y).
    assert y["Quds Force"] < y["Hezbollah"]
    assert y["Quds Force"] < y["Houthis"]
    assert y["Iran"] < y["Hamas"]
    # "Soleimani commands Quds Force": the commander is above.
    assert y["Qasem Soleimani"] < y["Quds Force"]
    assert y["Hassan Nasrallah"] < y["Hezbollah"]
    # "Quds Force part_of IRGC part_of Iran".
    assert y["Iran"] < y["IRGC"] < y["Quds Force"]


def test_hierarchy_breaks_a_cycle_at_the_link_against_the_flow(proxies):
    case, ids = proxies
    pos = hierarchical_layout(case, link_types=["backed_by", "part_of"])
    # "Iran backed_by Hezbollah" closes a loop; Iran leads everything else, so that one link gives way.
    assert pos[ids["Iran"]][1] < pos[ids["Hezbollah"]][1]


def test_hierarchy_layers_are_rows(proxies):
    case, ids = proxies
    pos = hierarchical_layout(case, link_types=["backed_by"])
    # Three proxies backed by Quds Force share one row.
    rows = {pos[ids[n]][1] for n in ("Hezbollah", "Houthis", "Kata'ib Hezbollah")}
    assert len(rows) == 1


def test_hierarchy_of_a_chain_is_a_vertical_line_of_layers():
    case = Case()
    chain = [case.add_entity(f"level {i}") for i in range(5)]
    for upper, lower in zip(chain, chain[1:], strict=False):
        case.add_link(upper.id, lower.id, "commands")
    pos = hierarchical_layout(case)
    ys = [pos[e.id][1] for e in chain]
    assert ys == sorted(ys) and len(set(ys)) == 5
    assert len({round(pos[e.id][0], 6) for e in chain}) == 1


def test_hierarchy_orientation_can_be_overridden(proxies):
    case, ids = proxies
    pos = hierarchical_layout(case, link_types=["backed_by"], target_above=())
    assert pos[ids["Hezbollah"]][1] < pos[ids["Quds Force"]][1]


def circumcentre(a, b, c):
    d = 2 * (a[0] * (b[1] - c[1]) + b[0] * (c[1] - a[1]) + c[0] * (a[1] - b[1]))
    ux = (
        (a[0] ** 2 + a[1] ** 2) * (b[1] - c[1])
        + (b[0] ** 2 + b[1] ** 2) * (c[1] - a[1])
        + (c[0] ** 2 + c[1] ** 2) * (a[1] - b[1])
    ) / d
    uy = (
        (a[0] ** 2 + a[1] ** 2) * (c[0] - b[0])
        + (b[0] ** 2 + b[1] ** 2) * (a[0] - c[0])
        + (c[0] ** 2 + c[1] ** 2) * (b[0] - a[0])
    ) / d
    return ux, uy


def test_circle_is_round_and_just_big_enough():
    case = Case()
    cards = [case.add_entity(f"c{i}") for i in range(24)]
    pos = circular_layout(case)
    cx, cy = circumcentre(pos[cards[0].id], pos[cards[8].id], pos[cards[16].id])
    radii = [math.dist((cx, cy), pos[c.id]) for c in cards]
    assert max(radii) - min(radii) < 1e-6 * max(radii)
    assert count_overlaps(pos) == 0
    # Not wastefully big: the circumference is within twice what the cards need side by side.
    assert 2 * math.pi * radii[0] < 2 * 24 * (DEFAULT_SIZE[0] + MARGIN)


def test_circle_puts_linked_cards_next_to_each_other():
    case = Case()
    ring = [case.add_entity(f"r{i}") for i in range(10)]
    for a, b in zip(ring, ring[1:], strict=False):
        case.add_link(a.id, b.id)
    pos = circular_layout(case)
    angle = {e.id: math.atan2(pos[e.id][1], pos[e.id][0]) for e in ring}
    order = sorted(angle, key=angle.get)
    index = {eid: i for i, eid in enumerate(order)}
    steps = [
        min(abs(index[a.id] - index[b.id]), 10 - abs(index[a.id] - index[b.id])) for a, b in zip(ring, ring[1:], strict=False)
    ]
    assert steps == [1] * 9


def test_grid_sorts_by_type_then_label_and_aligns_cells():
    case = Case()
    names = [("Zed", "person"), ("Alpha", "person"), ("Beta", "country"), ("Ankara", "country")]
    ids = {n: case.add_entity(n, t).id for n, t in names}
    pos = grid_layout(case)
    reading = sorted(pos, key=lambda eid: (round(pos[eid][1]), pos[eid][0]))
    assert [case.entities[e].label for e in reading] == ["Ankara", "Beta", "Alpha", "Zed"]
    xs = {round(x, 6) for x, _ in pos.values()}
    assert len(xs) <= 3 and count_overlaps(pos) == 0
    custom = grid_layout(case, key=lambda e: e.label)
    first = min(custom, key=lambda eid: (round(custom[eid][1]), custom[eid][0]))
    assert first == ids["Alpha"]


def test_radial_rings_follow_hop_distance(proxies):
    case, ids = proxies
    centre = ids["Quds Force"]
    case.update_entity(centre, x=100.0, y=50.0)
    pos = radial_layout(case, centre=centre)
    assert pos[centre] == (100.0, 50.0)
    r = {name: math.dist(pos[eid], pos[centre]) for name, eid in ids.items()}
    one = [r[n] for n in ("IRGC", "Qasem Soleimani", "Hezbollah", "Houthis", "Kata'ib Hezbollah")]
    two = [r[n] for n in ("Iran", "Hassan Nasrallah", "Abu Mahdi al-Muhandis", "K-1 Air Base", "Abqaiq", "Hamas")]
    three = [r["Palestinian Islamic Jihad"]]
    assert max(one) < min(two) and max(two) < min(three)
    assert max(one) - min(one) < 1e-6 * max(one)


def test_radial_needs_a_known_centre(proxies):
    case, _ = proxies
    with pytest.raises(ValueError):
        radial_layout(case, centre="nope")


def test_grouped_by_type_keeps_each_type_in_its_own_block(proxies):
    case, _ = proxies
    pos = grouped_layout(case, by="type")
    boxes: dict[str, list[float]] = {}
    for eid, (x, y) in pos.items():
        t = case.entities[eid].type
        w, h = DEFAULT_SIZE
        box = boxes.setdefault(t, [x - w / 2, y - h / 2, x + w / 2, y + h / 2])
        box[:] = [min(box[0], x - w / 2), min(box[1], y - h / 2), max(box[2], x + w / 2), max(box[3], y + h / 2)]
    types = list(boxes)
    for i, a in enumerate(types):
        for b in types[i + 1 :]:
            p, q = boxes[a], boxes[b]
            assert p[2] <= q[0] or q[2] <= p[0] or p[3] <= q[1] or q[3] <= p[1], f"{a} and {b} blocks overlap"


def test_grouped_by_community_and_by_given_groups(proxies):
    case, ids = proxies
    pos = grouped_layout(case, by="community")
    assert set(pos) == set(case.entities) and count_overlaps(pos) == 0
    halves = {eid: ("left" if i % 2 else "right") for i, eid in enumerate(case.entities)}
    pos = grouped_layout(case, groups=halves)
    assert count_overlaps(pos) == 0
    with pytest.raises(ValueError):
        grouped_layout(case, by="colour")


def test_unknown_algorithm_is_a_clear_error(proxies):
    case, _ = proxies
    with pytest.raises(ValueError, match="unknown layout"):
        layout_case(case, "spiral")


@pytest.mark.parametrize("name", [n for n in ALGORITHMS if n != "radial"])
def test_an_empty_case_gives_no_positions(name):
    assert layout_case(Case(), name) == {}


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_a_single_card_stays_a_single_card(name):
    case = Case()
    only = case.add_entity("alone")
    pos = layout_case(case, name, **({"centre": only.id} if name == "radial" else {}))
    assert list(pos) == [only.id]
    assert all(math.isfinite(v) for v in pos[only.id])
