"""Every graph writer against a committed golden file (UPDATE_GOLDEN=1 pytest tests/io regenerates them)."""

from __future__ import annotations

import pytest

from linkchart import __version__
from linkchart.io import write_graph


@pytest.mark.parametrize("ext", ["graphml", "gexf", "anx", "json"])
def test_writer_matches_its_golden_file(small_case, tmp_path, golden, ext):
    (path,) = write_graph(small_case, tmp_path / f"chart.{ext}")
    data = path.read_bytes()
    if ext == "json":  # the app version is in the file; the golden one holds a placeholder
        data = data.replace(f'"app_version":"{__version__}"'.encode(), b'"app_version":"@VERSION@"')
    golden(f"small.{ext}", data)


def test_csv_writer_matches_its_golden_files(small_case, tmp_path, golden):
    written = write_graph(small_case, tmp_path / "chart.csv")
    assert [p.name for p in written] == ["chart.entities.csv", "chart.links.csv"]
    golden("small.entities.csv", written[0].read_bytes())
    golden("small.links.csv", written[1].read_bytes())


@pytest.mark.parametrize("ext", ["graphml", "gexf", "anx", "json", "csv"])
def test_two_exports_of_one_case_are_byte_identical(small_case, tmp_path, ext):
    first = write_graph(small_case, tmp_path / f"a.{ext}")
    second = write_graph(small_case, tmp_path / f"b.{ext}")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
