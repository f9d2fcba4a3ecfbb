"""``linkchart layout``: lays out a saved case, writes it back atomically, one summary line; bad input exits 2."""

from __future__ import annotations

import pytest

from linkchart.cli import main
from linkchart.io import load_case, save_case
from linkchart.layout import count_overlaps


@pytest.fixture
def saved(tmp_path, proxies):
    case, ids = proxies
    path = tmp_path / "proxies.lcase"
    save_case(case, path)
    return path, ids


def positions(path):
    return {eid: (e.x, e.y) for eid, e in load_case(path).entities.items()}


def test_hierarchical_layout_to_a_new_file(saved, tmp_path, capsys):
    path, ids = saved
    out = tmp_path / "laid-out.lcase"
    code = main(
        ["layout", str(path), "--algorithm", "hierarchical", "--link-types", "backed_by,commands,part_of", "-o", str(out)]
    )
    assert code == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1 and "hierarchical layout: 16 cards placed" in lines[0] and str(out) in lines[0]
    after = positions(out)
    assert count_overlaps(after) == 0
    assert after[ids["Quds Force"]][1] < after[ids["Hezbollah"]][1]
    assert set(positions(path).values()) == {(0.0, 0.0)}  # the original is untouched


@pytest.mark.parametrize("algorithm", ["force", "circular", "grid"])
def test_layout_in_place(saved, algorithm, capsys):
    path, _ = saved
    assert main(["layout", str(path), "--algorithm", algorithm]) == 0
    after = positions(path)
    assert count_overlaps(after) == 0 and len(set(after.values())) == len(after)
    assert capsys.readouterr().out.startswith(f"{algorithm} layout: 16 cards placed")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--algorithm", "hierarchical", "--link-types", "befriends"], "unknown link type 'befriends'"),
        (["--algorithm", "grid", "--link-types", "backed_by"], "does not apply to the grid layout"),
        (["-o", "chart.png"], "must be a .lcase file"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(saved, args, message, capsys):
    path, _ = saved
    before = path.read_bytes()
    assert main(["layout", str(path), *args]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("linkchart layout: ") and message in err and "\n" not in err
    assert path.read_bytes() == before


def test_missing_case_and_unknown_algorithm(tmp_path, capsys):
    assert main(["layout", str(tmp_path / "nope.lcase")]) == 2
    assert capsys.readouterr().err.startswith("linkchart layout: ")
    with pytest.raises(SystemExit) as exit_info:
        main(["layout", str(tmp_path / "nope.lcase"), "--algorithm", "spiral"])
    assert exit_info.value.code == 2
