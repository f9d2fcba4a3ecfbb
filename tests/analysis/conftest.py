"""A small Iran-proxies case with articles, quotes, dates, gradings and aliases, built with the model API."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from linkchart.model import Case, Citation

ARTICLE_1 = (
    "Iranian-sponsored Houthi rebels fired missiles at Abqaiq. The Quds Force, commanded by "
    "Qasem Soleimani, trains Kata'ib Hizballah in Iraq. Hezbollah is backed by the Quds Force."
)
ARTICLE_2 = (
    "Abu Mahdi al-Muhandis led Kataib Hezbollah until 2020-01-03, when a strike near Baghdad killed him and Qassem Soleimani."
)


@dataclass
class Proxies:
    case: Case
    ids: dict[str, str]  # label -> entity id
    links: dict[str, str]  # short name -> link id
    articles: dict[str, str]


def quote(case: Case, article_id: str, text: str, **extra) -> Citation:
    start = case.articles[article_id].text.index(text)
    return Citation(article_id, start, start + len(text), text, **extra)


def build() -> Proxies:
    case = Case("Proxies")
    a1 = case.add_article(ARTICLE_1, title="Heightened threat", date="2019-09-14", publisher="Wire")
    a2 = case.add_article(ARTICLE_2, title="Strike at Baghdad airport", date="2020-01-03")
    undated_article = case.add_article("Background notes on Oman's mediation.", title="Notes")
    ids: dict[str, str] = {}

    def ent(label, kind, **values):
        ids[label] = case.add_entity(label, kind, **values).id

    ent("Iran", "country", aliases=["Islamic Republic of Iran"])
    ent("Islamic Revolutionary Guard Corps", "armed_group", aliases=["Sepah"], attributes={"founded": 1979})
    ent("IRGC", "armed_group", notes="Created from the ANX import.")
    ent("Quds Force", "armed_group", citations=[quote(case, a1.id, "The Quds Force")])
    ent(
        "Qasem Soleimani",
        "person",
        date="1957/2020-01-03",
        attributes={"rank": "Major General"},
        citations=[quote(case, a1.id, "Qasem Soleimani")],
    )
    ent(
        "Qassem Soleimani",
        "person",
        aliases=["Haj Qassem"],
        notes="Duplicate from article 2.",
        attributes={"rank": "General", "born": "1957"},
        citations=[quote(case, a2.id, "Qassem Soleimani")],
    )
    ent("Kata'ib Hizballah", "armed_group", citations=[quote(case, a1.id, "Kata'ib Hizballah")])
    ent("Kataib Hezbollah", "armed_group", aliases=["KH"], citations=[quote(case, a2.id, "Kataib Hezbollah")])
    ent("Hezbollah", "armed_group", notes="Lebanese Shia party and militia.")
    ent("Houthis", "armed_group", aliases=["Ansar Allah"], citations=[quote(case, a1.id, "Houthi rebels")])
    ent("Abu Mahdi al-Muhandis", "person", date="1954/2020-01-03")
    ent("Abqaiq attack", "event", date="2019-09-14", citations=[quote(case, a1.id, "fired missiles at Abqaiq")])
    ent("Baghdad airport strike", "event", date="2020-01-03", citations=[quote(case, a2.id, "a strike near Baghdad")])
    ent("Oman", "country")
    ent("Muscat talks", "event", date="about 2021")

    links: dict[str, str] = {}

    def link(name, src, kind, dst, **values):
        links[name] = case.add_link(ids[src], ids[dst], kind, **values).id

    link("qf_part", "Quds Force", "part_of", "Islamic Revolutionary Guard Corps")
    link("irgc_iran", "Islamic Revolutionary Guard Corps", "part_of", "Iran", strength="confirmed")
    link(
        "soleimani_qf",
        "Qasem Soleimani",
        "commands",
        "Quds Force",
        reliability="A",
        credibility="1",
        citations=[quote(case, a1.id, "commanded by Qasem Soleimani")],
        date="2019",
    )
    link(
        "kh_qf",
        "Kata'ib Hizballah",
        "trained_by",
        "Quds Force",
        strength="probable",
        reliability="B",
        credibility="2",
        citations=[quote(case, a1.id, "trains Kata'ib Hizballah", comment="Training, not command.")],
        date="2018/2019",
    )
    link(
        "hez_qf", "Hezbollah", "backed_by", "Quds Force", citations=[quote(case, a1.id, "Hezbollah is backed by the Quds Force")]
    )
    link(
        "houthi_iran",
        "Houthis",
        "backed_by",
        "Iran",
        strength="probable",
        reliability="C",
        credibility="3",
        citations=[quote(case, a1.id, "Iranian-sponsored Houthi rebels")],
    )
    link("houthi_abqaiq", "Houthis", "participated_in", "Abqaiq attack", strength="possible", date="2019-09-14")
    link(
        "muhandis_kh",
        "Abu Mahdi al-Muhandis",
        "commands",
        "Kataib Hezbollah",
        date="2014/2020-01-03",
        citations=[quote(case, a2.id, "Abu Mahdi al-Muhandis led Kataib Hezbollah")],
    )
    link("muhandis_strike", "Abu Mahdi al-Muhandis", "participated_in", "Baghdad airport strike", date="2020-01-03")
    link("qs_strike", "Qassem Soleimani", "participated_in", "Baghdad airport strike", date="2020-01-03")
    link("hez_houthi", "Hezbollah", "allied_with", "Houthis", direction="both", strength="possible", date="sometime")
    link("oman_talks", "Oman", "mediates_between", "Muscat talks", date="2021-03")
    return Proxies(case, ids, links, {"threat": a1.id, "strike": a2.id, "notes": undated_article.id})


@pytest.fixture
def proxies() -> Proxies:
    return build()
