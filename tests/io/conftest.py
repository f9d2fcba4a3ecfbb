"""Shared fixtures for the interchange tests: a small case with fixed ids, fixture files, golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linkchart.model import Article, Case, Citation, Entity, EntityType, Group, Link, LinkType

FILES = Path(__file__).resolve().parent / "files"
EXPECTED = FILES / "expected"


def _id(kind: str, n: int) -> str:
    """A fixed uuid; *kind* is one hex digit: a article, b link, c citation, d group, e entity."""
    return f"00000000-0000-4000-8000-{kind}{n:011d}"


ARTICLE_ONE = (
    "Heightened threat in the Gulf\n\n"
    "Iranian-sponsored Houthi rebels fired missiles at Saudi Arabia on Sunday. "
    "Officials said Hezbollah trainers, funded by Tehran, had worked with the group since 2015. "
    'A spokesman called it "a war of attrition" & said <nothing> more.'
)
ARTICLE_TWO = "Tanker seized\n\nThe Adrian Darya 1, formerly the Grace 1, was detained at Gibraltar in July 2019."


def build_small_case() -> Case:
    """Every feature a writer must carry, with fixed ids so the golden files never drift."""
    case = Case(title="Proxies & tankers")
    case.update_metadata(description="Who backs whom", analyst="A. Analyst")
    case.add_entity_type(EntityType(id="vessel", name="Vessel", icon="other.svg", colour="#1f6f8b", anx_type="Vessel"))
    case.add_link_type(LinkType(id="operates", label="operates", inverse="operated by", directed=True))
    one = Article(id=_id("a", 1), text=ARTICLE_ONE, title="Heightened threat", publisher="Reuters", date="2019-12-29",
                  origin="reuters-2019-12-29.txt")
    two = Article(id=_id("a", 2), text=ARTICLE_TWO, title="Tanker seized", date="2019-07", origin="https://example.org/tanker")
    case.insert_article(one)
    case.insert_article(two)

    def cite(n: int, art: Article, quote: str, **values: str) -> Citation:
        start = art.text.index(quote)
        return Citation(id=_id("c", n), article_id=art.id, start=start, end=start + len(quote), quote=quote, **values)

    iran = Entity(id=_id("e", 1), label="Iran", type="country", aliases=["Islamic Republic of Iran", "Tehran"],
                  attributes={"population_m": 88, "sanctioned": True, "capital": "Tehran"}, x=400.0, y=-120.5,
                  citations=[cite(1, one, "Tehran")])
    houthis = Entity(id=_id("e", 2), label="Houthis", type="armed_group", subtitle="Ansar Allah", aliases=["Ansar Allah"],
                     notes="Zaidi movement;\nholds Sanaa", date="2004", attributes={"population_m": 0.1}, x=0.0, y=0.0,
                     citations=[cite(2, one, "Houthi rebels", comment="named as rebels")])
    hezbollah = Entity(id=_id("e", 3), label="Hezbollah", type="armed_group", x=200.0, y=150.0, style={"colour": "#ffd700"})
    saudi = Entity(id=_id("e", 4), label="Saudi Arabia", type="country", x=-250.0, y=80.0)
    tanker = Entity(id=_id("e", 5), label="Adrian Darya 1", type="vessel", aliases=["Grace 1"], date="2019-07",
                    x=600.0, y=300.0, citations=[cite(3, two, "The Adrian Darya 1, formerly the Grace 1")])
    smith = Entity(id=_id("e", 6), label='Smith & Sons "Shipping" <Ltd>', type="organization", x=700.0, y=-50.0)
    case.insert_entities([iran, houthis, hezbollah, saudi, tanker, smith])
    case.insert_links([
        Link(id=_id("b", 1), source=houthis.id, target=iran.id, type="backed_by", strength="confirmed", date="2019-12-29",
             reliability="B", credibility="2",
             citations=[cite(4, one, "Iranian-sponsored Houthi rebels", comment="sponsor", reliability="B", credibility="2")]),
        Link(id=_id("b", 2), source=houthis.id, target=saudi.id, type="attacked", strength="probable", date="about 2019",
             citations=[cite(5, one, "fired missiles at Saudi Arabia")]),
        Link(id=_id("b", 3), source=iran.id, target=hezbollah.id, type="funds", strength="possible", date="2015/2019",
             reliability="C", credibility="3", attributes={"amount_musd": 700.5}, notes="estimate",
             citations=[cite(6, one, "funded by Tehran")]),
        Link(id=_id("b", 4), source=hezbollah.id, target=houthis.id, type="allied_with", direction="none",
             label="trains", citations=[cite(7, one, "Hezbollah trainers")]),
        Link(id=_id("b", 5), source=iran.id, target=houthis.id, type="associated_with", direction="both"),
        Link(id=_id("b", 6), source=iran.id, target=tanker.id, type="operates", date="2019-07", reliability="F",
             credibility="6", citations=[cite(8, two, "detained at Gibraltar in July 2019")]),
        Link(id=_id("b", 7), source=houthis.id, target=iran.id, type="trained_by", strength="possible"),
    ])
    case.insert_group(Group(id=_id("d", 1), label="Axis", members=[houthis.id, hezbollah.id], x=100.0, y=75.0))
    return case


@pytest.fixture
def small_case() -> Case:
    return build_small_case()


@pytest.fixture
def files() -> Path:
    return FILES


def with_articles_of(case: Case) -> Case:
    """An empty case holding copies of *case*'s articles (new ids, same texts): an import target."""
    target = Case()
    for art in case.articles.values():
        target.add_article(text=art.text, title=art.title, publisher=art.publisher, date=art.date, origin=art.origin)
    return target


@pytest.fixture
def golden():
    """``golden(name, data)`` compares bytes with tests/io/files/expected/<name>; UPDATE_GOLDEN=1 rewrites it."""

    def check(name: str, data: bytes) -> None:
        path = EXPECTED / name
        if os.environ.get("UPDATE_GOLDEN"):
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
        assert path.exists(), f"no golden file {name}: run UPDATE_GOLDEN=1 pytest tests/io"
        expected = path.read_bytes()
        if data != expected:
            try:  # a text diff is far easier to read than a bytes diff
                assert data.decode("utf-8-sig") == expected.decode("utf-8-sig"), f"{name} changed (UPDATE_GOLDEN=1 if intended)"
            except UnicodeDecodeError:
                pass
            assert data == expected, f"{name} changed (UPDATE_GOLDEN=1 pytest tests/io if intended)"

    return check


@pytest.fixture
def case_target():
    return with_articles_of
