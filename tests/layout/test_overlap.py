"""remove_overlaps: no two cards overlap afterwards, fixed cards stay, cards already clear barely move."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linkchart.layout import MARGIN, count_overlaps, remove_overlaps


def test_a_stack_of_cards_on_one_spot_is_dealt_out_nearby():
    stacked = {f"c{i}": (100.0, 50.0) for i in range(500)}
    out = remove_overlaps(stacked)
    assert count_overlaps(out) == 0
    xs, ys = zip(*out.values(), strict=True)
    # 500 cards of 192 x 72 (with margin) need ~7 million square units: a block, not a scatter.
    assert (max(xs) - min(xs)) * (max(ys) - min(ys)) < 4 * 500 * 192 * 72
    assert abs(sum(xs) / 500 - 100) < 200 and abs(sum(ys) / 500 - 50) < 200
    assert stacked["c0"] == (100.0, 50.0)  # the input is not changed


def test_cards_already_clear_stay_exactly_where_they_are():
    rng = np.random.default_rng(3)
    clear = {f"far{i}": (i * 1000.0, float(rng.uniform(-50, 50))) for i in range(20)}
    crowd = {f"near{i}": (float(rng.uniform(-100, 100)), 5000.0 + float(rng.uniform(-40, 40))) for i in range(30)}
    out = remove_overlaps(clear | crowd)
    assert count_overlaps(out) == 0
    assert all(out[k] == v for k, v in clear.items())


def test_fixed_cards_never_move_even_when_they_overlap_each_other():
    positions = {"pin1": (0.0, 0.0), "pin2": (50.0, 10.0), "free1": (20.0, 5.0), "free2": (0.0, 0.0)}
    out = remove_overlaps(positions, fixed={"pin1", "pin2"})
    assert out["pin1"] == (0.0, 0.0) and out["pin2"] == (50.0, 10.0)
    free = {k: out[k] for k in ("free1", "free2")}
    assert count_overlaps(free) == 0
    assert count_overlaps({"pin1": out["pin1"], **free}) == 0 and count_overlaps({"pin2": out["pin2"], **free}) == 0


def test_a_huge_card_pushes_small_ones_off_itself():
    sizes = {"box": (3000.0, 2000.0)} | {f"s{i}": (120.0, 40.0) for i in range(40)}
    positions = {"box": (0.0, 0.0)} | {f"s{i}": (float(i * 30 - 600), float((i % 7) * 50 - 150)) for i in range(40)}
    out = remove_overlaps(positions, sizes, fixed={"box"})
    assert out["box"] == (0.0, 0.0)
    assert count_overlaps(out, sizes) == 0


def test_margin_is_kept_and_can_be_chosen():
    positions = {"a": (0.0, 0.0), "b": (185.0, 0.0)}  # 5 units apart: clear, but closer than the margin
    assert count_overlaps(positions, margin=0) == 0 and count_overlaps(positions) == 1
    assert remove_overlaps(positions, margin=0) == positions
    out = remove_overlaps(positions)
    assert count_overlaps(out) == 0 and math.isclose(abs(out["b"][0] - out["a"][0]), 180 + MARGIN, abs_tol=1.0)


def test_progress_and_empty_input():
    seen = []
    remove_overlaps({f"c{i}": (0.0, 0.0) for i in range(50)}, progress=lambda f: seen.append(f) or True)
    assert seen and seen[-1] == 1.0
    assert remove_overlaps({}) == {}
    assert remove_overlaps({"only": (1.0, 2.0)}) == {"only": (1.0, 2.0)}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(-2000, 2000, allow_nan=False),
            st.floats(-2000, 2000, allow_nan=False),
            st.floats(20, 400, allow_nan=False),
            st.floats(20, 200, allow_nan=False),
            st.booleans(),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_any_arrangement_comes_out_overlap_free(cards):
    positions = {f"c{i}": (x, y) for i, (x, y, _, _, _) in enumerate(cards)}
    sizes = {f"c{i}": (w, h) for i, (_, _, w, h, _) in enumerate(cards)}
    fixed = {f"c{i}" for i, card in enumerate(cards) if card[4] and i % 3 == 0}
    out = remove_overlaps(positions, sizes, fixed=fixed)
    assert all(out[k] == positions[k] for k in fixed)
    movable = [k for k in out if k not in fixed]
    # Every overlapping pair left involves two fixed cards.
    for i, a in enumerate(movable):
        for b in [*movable[i + 1 :], *fixed]:
            assert count_overlaps({a: out[a], b: out[b]}, {a: sizes[a], b: sizes[b]}) == 0
