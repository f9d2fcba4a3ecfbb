"""The loader's fast paths accept and refuse exactly what the careful field-by-field path does.

Loading checks a plainly valid record inline and sends anything else through the
careful path that names the fault. These tests feed both paths the same hostile
records and ask for the same entity, link or error message; and they pin the
saver's JSON to what ``json.dumps`` writes record by record.
"""

from __future__ import annotations

import copy
import gc
import json
import math
import zipfile
from dataclasses import asdict
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.io import CaseFileError, load_case, save_case
from linkchart.io.lcase import dump_json_lines
from linkchart.io.schema import (
    MAX_COORD,
    MAX_LIST,
    MAX_TEXT,
    _careful_citation,
    _careful_entity,
    _careful_link,
    _label,
    _plain_entity,
    _plain_link,
    _Reader,
    case_to_data,
    entity_data,
    link_data,
    read_citations,
    read_entity,
    read_link,
)

EXAMPLES = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Values on and just past every limit the readers enforce, and the JSON types a field should not have.
EDGES = [
    None, True, False, 0, 1, -1, 0.0, -0.0, 1.5, MAX_COORD, -MAX_COORD, MAX_COORD + 1, int(MAX_COORD) + 1, 2**63, 2**63 + 1,
    -(2**63) - 1, 10**400, math.inf, -math.inf, math.nan, "", "x", "x" * 200, "x" * 201, "A", "Z", "1", "7", "forward",
    "none", "probable", "bogus", [], [1], ["a", 2], {}, {"k": "v"}, {"k": None}, {"k": [1]}, {"k": 1.5}, {"k": math.nan},
    "x" * MAX_TEXT, "x" * (MAX_TEXT + 1), ["x" * (MAX_TEXT + 1)], {"k": "x" * (MAX_TEXT + 1)}, {"x" * (MAX_TEXT + 1): 1},
]
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _mutated(record: dict, path: tuple, value: Any, drop: bool) -> Any:
    if not path:
        return value
    record = copy.deepcopy(record)
    node = record
    for key in path[:-1]:
        node = node[key]
    if drop and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return record


def _outcome(read, shape) -> tuple:
    try:
        return ("ok", shape(read()))
    except (CaseFileError, OverflowError) as exc:
        return ("error", type(exc).__name__, str(exc))


@pytest.fixture
def parts(small_case):
    data = json.loads(dump_json_lines(case_to_data(small_case, "test")))
    texts = {a.id: a.text for a in small_case.articles.values()}
    return data, texts, small_case


def _ids(data: dict) -> list[str]:
    """Ids already read by the time a record is: a mutation to one of these must be refused as a repeat."""
    return [a["id"] for a in data["articles"]] + [e["id"] for e in data["entities"][:2]] + [data["entities"][0]["citations"][0]["id"]]


def _records(json_data: dict) -> list[tuple[str, int, dict]]:
    """(kind, index, record) for every entity and link not in ``_ids``, and every citation of a link."""
    records = [("entity", i, r) for i, r in enumerate(json_data["entities"]) if i >= 2]
    records += [("link", i, r) for i, r in enumerate(json_data["links"])]
    return records + [("citation", i, c) for i, r in enumerate(json_data["links"]) for c in r["citations"]]


def _read_both(kind: str, json_data: dict, texts: dict, case, index: int, raw: Any) -> tuple[tuple, tuple]:
    """What the loader makes of *raw*, and what the careful path alone makes of it."""

    def run(careful: bool):
        seen = set(_ids(json_data))
        if kind == "entity":
            if careful:
                return _careful_entity(_Reader(raw, lambda: f"entity {index + 1} ('{_label(raw)}')"), texts, seen)
            return read_entity(raw, index, texts, seen)
        if kind == "link":
            if careful:
                return _careful_link(_Reader(raw, lambda: f"link {index + 1}"), index, texts, seen, case.entities)
            return read_link(raw, index, texts, seen, case.entities)
        if careful:
            return [_careful_citation(_Reader(raw, lambda: f"link {index + 1}, citation 1"), texts, seen)]
        return read_citations(_Reader({"citations": [raw]}, f"link {index + 1}"), texts, seen)

    shape = {"entity": entity_data, "link": link_data, "citation": lambda cs: [asdict(c) for c in cs]}[kind]
    return _outcome(lambda: run(False), shape), _outcome(lambda: run(True), shape)


def test_every_edge_value_in_every_field_reads_the_same_through_either_path(parts):
    json_data, texts, case = parts
    checked = 0
    for kind, index, record in _records(json_data):
        for path in _paths(record):
            for value, drop in [(v, False) for v in EDGES + _ids(json_data)] + [(None, True)]:
                fast, slow = _read_both(kind, json_data, texts, case, index, _mutated(record, path, value, drop))
                assert fast == slow, (kind, index, path, value, drop)
                checked += 1
    assert checked > 10_000


@EXAMPLES
@given(data=st.data(), drop=st.booleans())
def test_random_values_anywhere_read_the_same_through_either_path(parts, data, drop):
    json_data, texts, case = parts
    kind, index, record = data.draw(st.sampled_from(_records(json_data)))
    path = data.draw(st.sampled_from(_paths(record)))
    value = data.draw(st.sampled_from(EDGES + _ids(json_data)) | JSON_VALUES)
    fast, slow = _read_both(kind, json_data, texts, case, index, _mutated(record, path, value, drop))
    assert fast == slow


def test_lists_and_objects_one_past_the_limit_are_refused_by_either_path(parts):
    json_data, texts, case = parts
    too_many = {"aliases": [""] * (MAX_LIST + 1), "attributes": {str(n): n for n in range(MAX_LIST + 1)},
                "style": {str(n): "" for n in range(MAX_LIST + 1)}, "citations": [{}] * (MAX_LIST + 1)}
    for kind, index, record in [("entity", 2, json_data["entities"][2]), ("link", 0, json_data["links"][0])]:
        for key, value in too_many.items():
            if key == "aliases" and kind == "link":
                continue
            fast, slow = _read_both(kind, json_data, texts, case, index, {**record, key: value})
            assert fast == slow and fast[0] == "error" and "more than" in fast[2] or "should be an object" in fast[2], (kind, key)


def test_every_record_of_a_saved_case_takes_the_fast_path(parts):
    json_data, texts, case = parts
    seen = {a["id"] for a in json_data["articles"]}
    entities = [_plain_entity(_Reader(raw, "entity"), texts, seen) for raw in json_data["entities"]]
    assert [entity_data(e) for e in entities] == [entity_data(e) for e in case.entities.values()]
    links = [_plain_link(_Reader(raw, "link"), texts, seen, case.entities) for raw in json_data["links"]]
    assert [link_data(k) for k in links] == [link_data(k) for k in case.links.values()]


def _reference_dump(data: dict[str, Any], sort_top: bool = True) -> str:
    """The format as first written: json.dumps per record, records on their own lines."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)

    lines = ["{"]
    keys = sorted(data) if sort_top else list(data)
    for n, key in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        value = data[key]
        if isinstance(value, list) and value:
            lines.append(f"{compact(key)}:[")
            lines.extend(compact(item) + ("," if i < len(value) - 1 else "") for i, item in enumerate(value))
            lines.append(f"]{comma}")
        else:
            lines.append(f"{compact(key)}:{compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


FINITE_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=10,
)


@settings(max_examples=200, deadline=None)
@given(data=st.dictionaries(st.text(max_size=8), FINITE_JSON | st.lists(FINITE_JSON, max_size=4), max_size=5), sort_top=st.booleans())
def test_saved_json_is_byte_for_byte_what_json_dumps_writes(data, sort_top):
    assert dump_json_lines(data, sort_top) == _reference_dump(data, sort_top)


def test_the_small_case_saves_as_json_dumps_would(small_case):
    data = case_to_data(small_case, "test")
    assert dump_json_lines(data) == _reference_dump(data)


def test_loading_and_saving_give_the_garbage_collector_back(small_case, tmp_path):
    path = tmp_path / "a.lcase"
    save_case(small_case, path)
    assert gc.isenabled()
    load_case(path)
    assert gc.isenabled()
    bad = tmp_path / "bad.lcase"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("case.json", json.dumps({"format": "linkchart-case", "format_version": 1, "entities": [{"id": "nope"}]}))
    with pytest.raises(CaseFileError, match="entity 1"):
        load_case(bad)
    assert gc.isenabled()
    gc.disable()
    try:
        assert load_case(path).entities.keys() == small_case.entities.keys()
        assert not gc.isenabled()  # a caller that paused the collector keeps it paused
    finally:
        gc.enable()


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_value_json_cannot_hold_still_stops_the_save(bad):
    data = {"entities": [{"attributes": {"k": bad}}]}
    with pytest.raises(ValueError, match="JSON"):
        _reference_dump(data)
    with pytest.raises(ValueError, match="JSON"):
        dump_json_lines(data)
