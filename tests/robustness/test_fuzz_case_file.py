"""Fuzz the .lcase loader: every variant loads or gives CaseFileError, quickly, and never anything else.

The suite runs a CI-friendly count; ``LINKCHART_FUZZ_EXAMPLES=20000 pytest tests/robustness``
is the long run (see README).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.io import CaseFileError, load_case, save_case
from linkchart.io.lcase import write_case
from linkchart.model import Case, Citation

EXAMPLES = int(os.environ.get("LINKCHART_FUZZ_EXAMPLES", "1500"))
FUZZ = settings(max_examples=EXAMPLES, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _seed_case() -> Case:
    case = Case(title="Fuzz")
    text = "Tehran-backed Kataib Hezbollah group; Iranian-sponsored Houthi rebels."
    art = case.add_article(text, title="A", original=b"orig", original_name="a.txt")
    kh = case.add_entity("Kataib Hezbollah", "armed_group", aliases=["KH"], attributes={"n": 1},
                         citations=[Citation(art.id, 14, 30, "Kataib Hezbollah")])
    iran = case.add_entity("Iran", "country", x=3.5)
    case.add_link(kh.id, iran.id, "backed_by", date="2019-12", reliability="B", credibility="2",
                  citations=[Citation(art.id, 0, 36, "Tehran-backed Kataib Hezbollah group")])
    case.add_group("G", [kh.id])
    return case


def _valid_bytes() -> bytes:
    buf = io.BytesIO()
    write_case(_seed_case(), buf)
    return buf.getvalue()


VALID = _valid_bytes()
with zipfile.ZipFile(io.BytesIO(VALID)) as _zf:
    MEMBERS = {n: _zf.read(n) for n in _zf.namelist()}
DATA = json.loads(MEMBERS["case.json"])


def _check(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "fuzz.lcase"
    path.write_bytes(blob)
    try:
        case = load_case(path)
    except CaseFileError as exc:
        assert str(exc).startswith("fuzz.lcase: ") and "\n" not in str(exc).strip()
        assert path.read_bytes() == blob
        return
    # Whatever loads must save and load back the same.
    save_case(case, tmp_path / "again.lcase")
    load_case(tmp_path / "again.lcase")


@FUZZ
@given(data=st.data())
def test_truncated_and_bit_flipped_files(tmp_path, data):
    blob = bytearray(VALID)
    kind = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    if kind == "truncate":
        blob = blob[: data.draw(st.integers(0, len(blob) - 1))]
    elif kind == "flip":
        for _ in range(data.draw(st.integers(1, 8))):
            i = data.draw(st.integers(0, len(blob) - 1))
            blob[i] ^= 1 << data.draw(st.integers(0, 7))
    else:
        i = data.draw(st.integers(0, len(blob)))
        blob[i:i] = data.draw(st.binary(min_size=1, max_size=64))
    _check(tmp_path, bytes(blob))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, (*prefix, i))


ALL_PATHS = [p for p in _paths(DATA) if p]


@FUZZ
@given(path=st.sampled_from(ALL_PATHS), value=JSON_VALUES, drop=st.booleans())
def test_case_json_with_wrong_values_anywhere(tmp_path, path, value, drop):
    data = json.loads(json.dumps(DATA))
    node = data
    for key in path[:-1]:
        node = node[key]
    if drop and isinstance(node, dict):
        del node[path[-1]]
    else:
        node[path[-1]] = value
    members = dict(MEMBERS)
    members["case.json"] = json.dumps(data).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, payload in members.items():
            zf.writestr(name, payload)
    _check(tmp_path, buf.getvalue())
