"""Save/load round trips of random cases are exact and byte-stable."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.io import load_case, save_case
from linkchart.io.lcase import case_json_bytes
from linkchart.model import Case, Citation

EXAMPLES = int(os.environ.get("LINKCHART_ROUNDTRIP_EXAMPLES", "150"))
TEXT = st.text(max_size=30)  # any Unicode, control characters and surrogate-free
CODES = st.sampled_from(["", "A", "B", "F"])
ATTRS = st.dictionaries(st.text(max_size=8), st.one_of(st.text(max_size=10), st.integers(-(2**60), 2**60), st.booleans(),
                                                        st.floats(allow_nan=False, allow_infinity=False)), max_size=3)


@st.composite
def cases(draw) -> Case:
    case = Case(title=draw(TEXT))
    texts = draw(st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=3))
    articles = [case.add_article(t, title=draw(TEXT), date=draw(st.sampled_from(["", "2019-05", "about 2018"])),
                                 original=draw(st.one_of(st.none(), st.binary(max_size=50))), original_name="x.pdf") for t in texts]

    def citations():
        out = []
        for _ in range(draw(st.integers(0, 2))):
            art = draw(st.sampled_from(articles))
            start = draw(st.integers(0, len(art.text)))
            end = draw(st.integers(start, len(art.text)))
            out.append(Citation(art.id, start, end, art.text[start:end], comment=draw(TEXT), reliability=draw(CODES)))
        return out

    ents = [case.add_entity(draw(TEXT), draw(st.sampled_from(["person", "armed_group", "made_up_type"])), aliases=draw(st.lists(TEXT, max_size=2)),
                            attributes=draw(ATTRS), notes=draw(TEXT), x=draw(st.floats(-1e6, 1e6)), y=draw(st.floats(-1e6, 1e6)),
                            pinned=draw(st.booleans()), citations=citations())
            for _ in range(draw(st.integers(0, 6)))]
    if ents:
        for _ in range(draw(st.integers(0, 8))):
            case.add_link(draw(st.sampled_from(ents)).id, draw(st.sampled_from(ents)).id, draw(st.sampled_from(["backed_by", "funds", "custom"])),
                          direction=draw(st.sampled_from(["forward", "both", "none"])), strength=draw(st.sampled_from(["confirmed", "possible"])),
                          date=draw(TEXT), reliability=draw(CODES), attributes=draw(ATTRS), citations=citations())
        case.add_group(draw(TEXT), [e.id for e in ents[: draw(st.integers(0, len(ents)))]], collapsed=draw(st.booleans()))
    return case


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=cases())
def test_random_cases_round_trip_exactly_and_byte_stable(tmp_path, case):
    first, second = tmp_path / "a.lcase", tmp_path / "b.lcase"
    save_case(case, first)
    again = load_case(first)
    assert case_json_bytes(again) == case_json_bytes(case)
    assert {a.id: (a.text, a.original) for a in again.articles.values()} == {a.id: (a.text, a.original) for a in case.articles.values()}
    assert sorted(again.graph.edges(keys=True)) == sorted(case.graph.edges(keys=True))
    save_case(again, second)
    assert first.read_bytes() == second.read_bytes()
