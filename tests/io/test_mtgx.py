"""Maltego MTGX (read only): entities, properties, links and positions; the zip is guarded like a case file."""

from __future__ import annotations

import io
import zipfile

import pytest

from linkchart.io import CaseFileError, read_graph


def test_maltego_entities_properties_and_links(files):
    draft = read_graph(files / "maltego.mtgx")
    ents = {e.label: e for e in draft.entities}
    assert {k: e.type for k, e in ents.items()} == {"Hassan Nasrallah": "person", "Hezbollah": "organization", "Beirut": "location",
                                                    "almanar.com.lb": "domain"}
    nasrallah = ents["Hassan Nasrallah"]
    assert (nasrallah.x, nasrallah.y, nasrallah.notes) == (-120.0, 45.0, "Secretary-General since 1992")
    assert nasrallah.attributes == {"maltego type": "maltego.Person", "First Names": "Hassan", "Surname": "Nasrallah"}
    assert ents["Hezbollah"].attributes["Employees"] == 20000
    label = {e.id: e.label for e in draft.entities}
    links = {(label[k.source], k.type, k.label, label[k.target]): k for k in draft.links}
    assert ("Hassan Nasrallah", "associated_with", "leads", "Hezbollah") in links
    assert links[("Hezbollah", "located_in", "", "Beirut")].strength == "possible"  # maltego.link.style 2 = dotted
    assert ("Hezbollah", "associated_with", "", "almanar.com.lb") in links
    assert not any("MaltegoEntity" in m for m in draft.report.mapped)


def _zip(tmp_path, members: dict[str, bytes], name: str = "x.mtgx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    (tmp_path / name).write_bytes(buffer.getvalue())
    return tmp_path / name


@pytest.mark.parametrize(("members", "message"), [
    ({"../../evil.graphml": b"<graphml/>"}, "unsafe name"),
    ({"Graphs/Graph1.graphml": b"<graphml>" + b" " * 3_000_000 + b"</graphml>"}, "zip bomb"),
    ({"Version.properties": b"x"}, "no Graphs/"),
    ({"Graphs/Graph1.graphml": b"<notgraphml/>"}, "not a GraphML file"),
])
def test_hostile_or_wrong_archives_give_one_clear_error(tmp_path, members, message):
    with pytest.raises(CaseFileError, match=message):
        read_graph(_zip(tmp_path, members))


def test_a_file_named_mtgx_that_is_no_zip(tmp_path):
    (tmp_path / "x.mtgx").write_bytes(b"just text")
    with pytest.raises(CaseFileError, match="not a zip archive"):
        read_graph(tmp_path / "x.mtgx")
