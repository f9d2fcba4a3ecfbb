"""The reader/writer registry: content sniffed before the extension, clear errors for what it cannot read."""

from __future__ import annotations

import io
import shutil

import pytest

from linkchart.io import CaseFileError, graph_reader_for, read_graph, register_reader, registry, write_graph, writer_for
from linkchart.model import Draft, Entity


@pytest.mark.parametrize(
    ("fixture", "renamed", "expected"),
    [
        ("yed.graphml", "chart.xml", "graphml"),
        ("gexf-1.3.gexf", "chart.graphml", "gexf"),  # the content wins over a misleading extension
        ("anb-utf16.anx", "chart.txt", "anx"),
        ("anx-no-declaration.anx", "chart", "anx"),
        ("maltego.mtgx", "chart.zip", "mtgx"),
    ],
)
def test_files_are_recognised_by_their_content(files, tmp_path, fixture, renamed, expected):
    target = tmp_path / renamed
    shutil.copy(files / fixture, target)
    spec = graph_reader_for(target)
    assert spec is not None and spec.name == expected
    assert read_graph(target).entities


def test_the_extension_decides_when_the_content_says_nothing(tmp_path):
    (tmp_path / "people.csv").write_text("name,kind\nAli,person\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Iran backs the Houthis.", encoding="utf-8")
    assert graph_reader_for(tmp_path / "people.csv").name == "csv"
    assert graph_reader_for(tmp_path / "notes.txt") is None
    with pytest.raises(CaseFileError, match=r"notes\.txt: not a file LinkChart can import"):
        read_graph(tmp_path / "notes.txt")


def test_writers_are_chosen_by_extension():
    assert [writer_for(f"x.{e}").name for e in ("graphml", "gexf", "csv", "json", "anx")] == ["graphml", "gexf", "csv", "json", "anx"]
    assert writer_for("x.links.csv").name == "csv"
    assert writer_for("x.png") is None


def test_unknown_output_extension_is_a_clear_error(small_case, tmp_path):
    with pytest.raises(CaseFileError, match=r"chart\.xyz: no graph format"):
        write_graph(small_case, tmp_path / "chart.xyz")


def test_a_writer_takes_a_binary_file_as_well_as_a_path(small_case, tmp_path):
    buffer = io.BytesIO()
    write_graph(small_case, buffer, fmt="graphml")
    (path,) = write_graph(small_case, tmp_path / "chart.graphml")
    assert buffer.getvalue() == path.read_bytes()
    with pytest.raises(CaseFileError, match="two files"):
        write_graph(small_case, io.BytesIO(), fmt="csv")


def test_a_reader_takes_a_binary_file_when_told_the_format(files):
    with open(files / "igraph.graphml", "rb") as handle:
        draft = read_graph(handle, fmt="graphml")
    assert [e.label for e in draft.entities] == ["Iran", "Hezbollah", "Hamas", "Vessel Adrian Darya"]


def test_new_formats_register_with_a_decorator_and_are_sniffed_first(tmp_path, monkeypatch):
    monkeypatch.setattr(registry, "_READERS", list(registry._READERS))

    @register_reader("dummy", extensions=(".dummy",), sniff=lambda head: head.startswith(b"DUMMY"))
    def read_dummy(source, ctx):
        return Draft(entities=[Entity(label=open(source, encoding="utf-8").read()[6:].strip())])

    (tmp_path / "x.graphml").write_text("DUMMY hello", encoding="utf-8")
    assert graph_reader_for(tmp_path / "x.graphml").name == "dummy"
    assert read_graph(tmp_path / "x.graphml").entities[0].label == "hello"


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CaseFileError, match=r"gone\.graphml: no such file"):
        read_graph(tmp_path / "gone.graphml")
