"""``linkchart export`` for the graph formats, and ``linkchart import`` of a graph file."""

from __future__ import annotations

import pytest

from linkchart.cli import main
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
def test_image_and_report_exports_go_to_the_renderer(case_file, tmp_path, capsys, ext):
    # Pictures and reports are tested in tests/render_export; here only the dispatch by extension.
    assert main(["export", str(case_file), "-o", str(tmp_path / f"chart{ext}")]) == 0
    assert f"wrote {tmp_path / f'chart{ext}'}" in capsys.readouterr().out
    assert (tmp_path / f"chart{ext}").stat().st_size > 0


def test_export_to_an_unknown_extension_is_a_one_line_error(case_file, tmp_path, capsys):
    assert main(["export", str(case_file), "-o", str(tmp_path / "chart.xyz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("linkchart export: cannot tell the format") and err.count("\n") == 1


def test_importing_a_graphml_into_a_case_applies_it_and_saves(case_file, files, capsys):
    before = load_case(case_file)
    assert main(["import", str(files / "yed.graphml"), "--into", str(case_file)]) == 0
    printed = capsys.readouterr().out
    assert "yed.graphml: 0 articles, 4 entities, 4 links" in printed and "Skipped:" in printed
    after = load_case(case_file)
    assert len(after.entities) == len(before.entities) + 4
    assert len(after.links) == len(before.links) + 4
    assert any(g.label == "Axis of resistance" for g in after.groups.values())


def test_importing_our_own_export_brings_the_quotes_back_as_citations(small_case, case_file, tmp_path):
    assert main(["export", str(case_file), "-o", str(tmp_path / "chart.anx")]) == 0
    assert main(["import", str(tmp_path / "chart.anx"), "--into", str(tmp_path / "copy.lcase")]) == 0
    copy = load_case(tmp_path / "copy.lcase")
    assert len(copy.entities) == 6 and not copy.articles
    assert 'Quote: "Tehran" (Heightened threat)' in next(e for e in copy.entities.values() if e.label == "Iran").notes
