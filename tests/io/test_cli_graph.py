"""``linkchart export`` for the graph formats, and the graph branch of ``linkchart import``."""

from __future__ import annotations

import pytest

from linkchart.cli import import_graph_file, main
from linkchart.io import load_case, read_graph, save_case


@pytest.fixture
def case_file(small_case, tmp_path):
    path = tmp_path / "proxies.lcase"
    save_case(small_case, path)
    return path


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json", "anx"])
def test_export_writes_each_graph_format(case_file, tmp_path, capsys, ext):
    out = tmp_path / f"chart.{ext}"
    assert main(["export", str(case_file), "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    draft = read_graph(out)
    assert len(draft.entities) == 6 and len(draft.links) == 7


def test_export_to_csv_writes_the_pair(case_file, tmp_path, capsys):
    assert main(["export", str(case_file), "-o", str(tmp_path / "chart.csv")]) == 0
    printed = capsys.readouterr().out
    assert "chart.entities.csv" in printed and "chart.links.csv" in printed
    assert len(read_graph(tmp_path / "chart.links.csv").links) == 7


@pytest.mark.parametrize("ext", [".png", ".svg", ".pdf", ".html"])
def test_image_and_report_exports_say_they_are_not_available_yet(case_file, tmp_path, capsys, ext):
    assert main(["export", str(case_file), "-o", str(tmp_path / f"chart{ext}")]) == 2
    assert "not available yet" in capsys.readouterr().err
    assert not (tmp_path / f"chart{ext}").exists()


def test_export_to_an_unknown_extension_is_a_one_line_error(case_file, tmp_path, capsys):
    assert main(["export", str(case_file), "-o", str(tmp_path / "chart.xyz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("linkchart export: cannot tell the format") and err.count("\n") == 1


def test_importing_a_graphml_into_a_case_applies_it_and_saves(case_file, files, capsys):
    before = load_case(case_file)
    assert import_graph_file(str(case_file), str(files / "yed.graphml")) == 0
    printed = capsys.readouterr().out
    assert "yed.graphml: 0 articles, 4 entities, 4 links" in printed and "Skipped:" in printed
    after = load_case(case_file)
    assert len(after.entities) == len(before.entities) + 4
    assert len(after.links) == len(before.links) + 4
    assert any(g.label == "Axis of resistance" for g in after.groups.values())
