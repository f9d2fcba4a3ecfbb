"""The .lcase file: exact round trips, byte-stable saves, atomic replacement, clear errors."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from linkchart.io import CaseFileError, NewerFormatError, load_case, save_case
from linkchart.io.lcase import case_json_bytes
from linkchart.model import Case, Citation
from linkchart.model.progress import Cancelled

GOLDEN_V1 = Path(__file__).parent / "golden" / "v1.lcase"


def build_case() -> Case:
    case = Case(title="Proxies")
    case.update_metadata(description="Iran's proxy network", analyst="A. Analyst")
    text = "Iranian-sponsored Houthi rebels in Yemen claimed an “armed drones” attack. Quds Force – leader Soleimani."
    art = case.add_article(text, title="Threat", publisher="Sky", date="2019-05", original=b"%PDF-raw", original_name="threat.pdf")
    iran = case.add_entity("Iran", "country", x=10.5, y=-20)
    houthis = case.add_entity("Houthis", "armed_group", aliases=["Ansar Allah"], attributes={"fighters": 200, "active": True, "since": "2004"})
    q = "Iranian-sponsored Houthi rebels"
    houthis.citations.append(Citation(art.id, 0, len(q), q, comment="demonym"))
    case.add_link(houthis.id, iran.id, "backed_by", strength="probable", date="about 2019", reliability="B", credibility="2",
                  citations=[Citation(art.id, 0, len(q), q)])
    case.add_link(iran.id, houthis.id, "funds", direction="both")
    case.add_group("Axis", [iran.id, houthis.id], collapsed=True)
    return case


def fingerprint(case: Case) -> tuple:
    texts = {a.id: (a.text, a.original, a.original_name) for a in case.articles.values()}
    return case_json_bytes(case), texts


def test_round_trip_is_equal_to_the_original(tmp_path):
    case = build_case()
    save_case(case, tmp_path / "a.lcase")
    again = load_case(tmp_path / "a.lcase")
    assert fingerprint(again) == fingerprint(case)
    assert sorted(again.graph.edges(keys=True)) == sorted(case.graph.edges(keys=True))
    assert again.groups[next(iter(case.groups))].collapsed is True


def test_two_saves_are_byte_identical(tmp_path):
    case = build_case()
    save_case(case, tmp_path / "a.lcase")
    save_case(load_case(tmp_path / "a.lcase"), tmp_path / "b.lcase")
    assert (tmp_path / "a.lcase").read_bytes() == (tmp_path / "b.lcase").read_bytes()


def test_case_json_is_readable_sorted_json(tmp_path):
    save_case(build_case(), tmp_path / "a.lcase")
    with zipfile.ZipFile(tmp_path / "a.lcase") as zf:
        names = zf.namelist()
        data = json.loads(zf.read("case.json"))
    assert names[0] == "case.json" and any(n.startswith("articles/") for n in names) and any(n.startswith("originals/") for n in names)
    assert data["format"] == "linkchart-case" and data["format_version"] == 1
    assert list(data) == sorted(data)


def test_failed_save_leaves_the_original_intact(tmp_path, monkeypatch):
    path = tmp_path / "a.lcase"
    save_case(build_case(), path)
    before = path.read_bytes()
    bigger = build_case()
    bigger.add_entity("Extra")

    real_fsync = os.fsync

    def exploding_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", exploding_fsync)
    with pytest.raises(CaseFileError, match="No space left"):
        save_case(bigger, path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.lcase"]  # no temp file left behind


def test_a_write_that_dies_midway_leaves_the_original(tmp_path, monkeypatch):
    from linkchart.io import lcase

    path = tmp_path / "a.lcase"
    save_case(build_case(), path)
    before = path.read_bytes()

    def dies(case, handle):
        handle.write(b"PK\x03\x04 half a zip")
        raise KeyboardInterrupt

    monkeypatch.setattr(lcase, "write_case", dies)
    with pytest.raises(KeyboardInterrupt):
        save_case(build_case(), path)
    assert path.read_bytes() == before and load_case(path)


# ---------------------------------------------------------------- bad files
def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    return buf.getvalue()


def _valid_members() -> dict[str, bytes]:
    buf = io.BytesIO()
    from linkchart.io.lcase import write_case

    write_case(build_case(), buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _with_json(mutate) -> bytes:
    members = _valid_members()
    data = json.loads(members["case.json"])
    mutate(data)
    members["case.json"] = json.dumps(data).encode()
    return _zip(members)


def _set(path, value):
    def mutate(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return mutate


BAD_FILES = {
    "empty": (b"", "not a LinkChart case file"),
    "text": (b"hello, I am not a zip", "not a LinkChart case file"),
    "truncated": (None, "damaged|not a LinkChart"),
    "no case.json": (_zip({"other.txt": b"x"}), "no case.json"),
    "json garbage": (_zip({"case.json": b"{not json"}), "not valid JSON"),
    "json not utf8": (_zip({"case.json": b"\xff\xfe\x00"}), "not UTF-8"),
    "json a list": (_zip({"case.json": b"[]"}), "should be an object"),
    "wrong format name": (_zip({"case.json": b'{"format": "other", "format_version": 1}'}), "no LinkChart format name"),
    "future version": (_with_json(_set(["format_version"], 99)), "newer LinkChart"),
    "version text": (_with_json(_set(["format_version"], "1")), "format version"),
    "deep nesting": (_zip({"case.json": b'{"format": "linkchart-case", "format_version": 1, "x": ' + b"[" * 100000 + b"]" * 100000 + b"}"}), "not valid JSON|damaged"),
    "huge number": (_zip({"case.json": b'{"format": "linkchart-case", "format_version": ' + b"9" * 5000 + b"}"}), "not valid JSON|format version"),
    "label wrong type": (_with_json(lambda d: d["entities"][0].__setitem__("label", 5)), "'label' should be text"),
    "bad id": (_with_json(lambda d: d["entities"][0].__setitem__("id", "../etc")), "should be an id"),
    "duplicate id": (_with_json(lambda d: d["entities"][1].__setitem__("id", d["entities"][0]["id"])), "used twice"),
    "dangling link": (_with_json(lambda d: d["links"][0].__setitem__("target", "00000000-0000-4000-8000-00000000dead")), "not in the case"),
    "offset past text": (_with_json(lambda d: d["links"][0]["citations"][0].__setitem__("end", 10**6)), "whole number"),
    "negative offset": (_with_json(lambda d: d["links"][0]["citations"][0].__setitem__("start", -1)), "whole number"),
    "span backwards": (_with_json(lambda d: d["links"][0]["citations"][0].update(start=20, end=10)), "ends before it starts"),
    "nan position": (_with_json(lambda d: d["entities"][0].__setitem__("x", float("nan"))), "finite number"),
    "bad strength": (_with_json(lambda d: d["links"][0].__setitem__("strength", "certain")), "strength"),
    "text tampered": (None, "does not match its checksum"),
    "path traversal": (_zip({"../evil.txt": b"x", "case.json": b"{}"}), "unsafe name"),
    "absolute path": (_zip({"/etc/passwd": b"x", "case.json": b"{}"}), "unsafe name"),
    "zip bomb": (_zip({"case.json": b" " * (60 * 1024**2)}), "zip bomb|larger than"),
}


def _materialise(name: str, payload: bytes | None) -> bytes:
    if name == "truncated":
        good = _zip(_valid_members())
        return good[: len(good) // 2]
    if name == "text tampered":
        members = _valid_members()
        art = next(n for n in members if n.startswith("articles/"))
        members[art] = members[art].replace(b"Houthi", b"Hothi")
        return _zip(members)
    return payload


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_files_give_one_clear_error_and_stay_untouched(tmp_path, name):
    payload, message = BAD_FILES[name]
    data = _materialise(name, payload)
    path = tmp_path / "bad.lcase"
    path.write_bytes(data)
    with pytest.raises(CaseFileError, match=message) as info:
        load_case(path)
    assert "bad.lcase" in str(info.value)
    assert path.read_bytes() == data


def test_future_version_has_its_own_error_type(tmp_path):
    path = tmp_path / "new.lcase"
    path.write_bytes(BAD_FILES["future version"][0])
    with pytest.raises(NewerFormatError):
        load_case(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(CaseFileError, match="no such file"):
        load_case(tmp_path / "nope.lcase")
    with pytest.raises(CaseFileError, match="folder"):
        load_case(tmp_path)


def test_a_broken_quote_loads_and_is_flagged_not_hidden(tmp_path):
    path = tmp_path / "q.lcase"
    path.write_bytes(_with_json(lambda d: d["links"][0]["citations"][0].__setitem__("quote", "Saudi-sponsored")))
    case = load_case(path)
    assert [c.quote for _, c in case.broken_citations()] == ["Saudi-sponsored"]


def test_golden_version_1_file_loads_verifies_and_resaves_identically(tmp_path):
    case = load_case(GOLDEN_V1)
    assert case.broken_citations() == [] and len(case.entities) == 2 and len(case.links) == 2
    save_case(case, tmp_path / "again.lcase")
    assert (tmp_path / "again.lcase").read_bytes() == GOLDEN_V1.read_bytes()


def test_loading_reports_progress_and_stops_when_told(tmp_path):
    case = Case()
    made = [case.add_entity(f"E{i}", "person") for i in range(4500)]
    for a, b in zip(made, made[1:], strict=False):
        case.add_link(a.id, b.id, "funds")
    path = tmp_path / "big.lcase"
    save_case(case, path)
    heard: list[float] = []
    loaded = load_case(path, heard.append)
    assert len(loaded.entities) == 4500 and len(loaded.links) == 4499
    assert heard == sorted(heard) and len(heard) >= 5 and heard[-1] > 0.8
    with pytest.raises(Cancelled):
        load_case(path, lambda fraction: fraction < 0.5)  # the user pressed Cancel halfway
