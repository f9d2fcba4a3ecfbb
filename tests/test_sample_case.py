"""The committed sample case: rebuilt byte-for-byte by its script, fully sourced, readable on open."""

from __future__ import annotations

import importlib.util
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkchart.io import load_case
from linkchart.model import parse_date

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "build_sample_case.py"
SOURCES = ROOT / "sample_cases" / "sources"
SAMPLE = ROOT / "sample_cases" / "iran-proxies.lcase"
CARD_W, CARD_H = 160, 56


@pytest.fixture(scope="module")
def builder():
    """The build script, imported from its path (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("build_sample_case", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def case():
    return load_case(SAMPLE)


def test_committed_file_is_what_the_script_builds(builder, tmp_path):
    out = tmp_path / "rebuilt.lcase"
    builder.write_sample(out)
    assert out.read_bytes() == SAMPLE.read_bytes(), "run scripts/build_sample_case.py and commit the result"


def test_case_is_large_and_fully_sourced(case):
    assert len(case.articles) == 5
    assert len(case.entities) >= 30
    assert len(case.links) >= 35
    assert case.broken_citations() == []
    assert case.unsourced() == []


def test_articles_keep_the_seed_files(case):
    by_name = {a.original_name: a for a in case.articles.values()}
    assert sorted(by_name) == sorted(p.name for p in SOURCES.glob("*.txt"))
    for name, article in by_name.items():
        raw = (SOURCES / name).read_bytes()
        assert article.original == raw
        assert article.text == raw.decode("utf-8")
        assert article.origin == f"seeds/{name}"
        assert article.title and article.date
    reuters = next(a for a in case.articles.values() if a.publisher == "Reuters")
    assert (reuters.author, reuters.date) == ("Idrees Ali", "2020-01-02")


def test_every_type_is_in_the_vocabulary_and_every_date_parses(case):
    voc = case.vocabulary
    assert {e.type for e in case.entities.values()} <= set(voc.entity_types)
    assert {k.type for k in case.links.values()} <= set(voc.link_types)
    dated = [e.date for e in case.entities.values() if e.date] + [k.date for k in case.links.values() if k.date]
    assert len(dated) > 40
    for text in dated:
        parse_date(text)


def test_key_claims_are_on_the_chart(case):
    def labels(link):
        return case.entities[link.source].label, link.type, case.entities[link.target].label

    claims = {labels(k): k for k in case.links.values()}
    for claim in [
        ("Houthis", "backed_by", "Iran"),
        ("Kataib Hezbollah", "backed_by", "Iran"),
        ("Quds Force", "part_of", "IRGC"),
        ("Qassem Soleimani", "commands", "Quds Force"),
        ("Esmail Qaani", "commands", "Quds Force"),
        ("Quds Force", "plotted_against", "John Bolton"),
        ("Qatar", "mediates_between", "Iran"),
        ("John Kirby", "spokesperson_for", "NSC"),
    ]:
        assert claim in claims, claim
    houthis = claims[("Houthis", "backed_by", "Iran")]
    assert {c.quote for c in houthis.citations} >= {"Iranian-sponsored Houthi rebels in Yemen", "Yemen’s Iran-backed Houthi militants"}
    assert claims[("Assadollah Assadi", "participated_in", "2018 Paris bomb plot")].strength == "probable"
    pairs = [frozenset((k.source, k.target)) for k in case.links.values()]
    assert any(n > 1 for n in map(pairs.count, set(pairs))), "some pair should carry several links"


def test_info_json_reports_the_counts():
    result = subprocess.run(
        [sys.executable, "-m", "linkchart.cli", "info", str(SAMPLE), "--json"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    for key in ("articles", "entities", "links", "citations", "broken_citations", "unsourced", "entity_types", "link_types"):
        assert key in data, key
    assert data["articles"] == 5 and data["entities"] >= 30 and data["links"] >= 35
    assert data["citations"] >= data["entities"] + data["links"]
    assert data["broken_citations"] == 0 and data["unsourced"] == 0
    assert data["entity_types"]["Armed group"] >= 5


def test_no_two_cards_overlap_and_neighbours_keep_their_distance(case):
    cards = list(case.entities.values())
    for a, b in itertools.combinations(cards, 2):
        dx, dy = abs(a.x - b.x), abs(a.y - b.y)
        assert dx >= CARD_W or dy >= CARD_H, f"{a.label} overlaps {b.label}"
        assert dx >= 220 or dy >= 110, f"{a.label} is crowded by {b.label}"


def test_a_quote_that_is_missing_or_ambiguous_stops_the_build(builder):
    text = "Iran backs the Houthis. Iran denies it."
    assert builder.locate(text, "the Houthis") == (11, 22)
    assert builder.locate(text, "Iran", 1) == (24, 28)
    with pytest.raises(builder.QuoteError, match="2 times"):
        builder.locate(text, "Iran")
    with pytest.raises(builder.QuoteError, match="not found"):
        builder.locate(text, "Hezbollah")
