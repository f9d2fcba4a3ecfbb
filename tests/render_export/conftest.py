"""A small case with quotes, a broken citation, markup in its text and every link strength, for export tests."""

from __future__ import annotations

import pytest

from linkchart.model import Case, Citation

TEXT_1 = ("Iranian-sponsored Houthi rebels fired missiles at ships. "
          "Hezbollah, backed by Iran, <b>warned</b> Israel & its allies.")
TEXT_2 = 'Qassem Soleimani commanded the Quds Force and trained militias "abroad".'
QUOTES = ["Iranian-sponsored Houthi rebels", "Hezbollah, backed by Iran, <b>warned</b> Israel & its allies",
          'Qassem Soleimani commanded the Quds Force and trained militias "abroad"', "Houthi rebels"]
LABELS = ["Iran", "Hezbollah", "Houthis <Ansar Allah>", "Qassem Soleimani"]


def cite(article, quote: str) -> Citation:
    start = article.text.index(quote)
    return Citation(article.id, start, start + len(quote), quote)


def build_case() -> Case:
    case = Case(title="Iran's proxies")
    case.update_metadata(classification="UNCLASSIFIED", analyst="J. Doe")
    a1 = case.add_article(TEXT_1, title="Heightened threat", publisher="Wire & Co", date="2024-01-12")
    a2 = case.add_article(TEXT_2, title="The general", publisher="Daily", date="2020-01-03")
    iran = case.add_entity(LABELS[0], "country", x=0, y=0)
    hez = case.add_entity(LABELS[1], "armed_group", x=320, y=-60, subtitle="Lebanon", citations=[cite(a1, QUOTES[1])])
    hou = case.add_entity(LABELS[2], "armed_group", x=300, y=160, citations=[cite(a1, QUOTES[3])])
    sol = case.add_entity(LABELS[3], "person", x=-220, y=180)
    case.add_link(hez.id, iran.id, "backed_by", strength="probable", reliability="B", credibility="2")
    broken = case.add_link(hou.id, iran.id, "backed_by", strength="possible", citations=[cite(a1, QUOTES[0])])
    case.add_link(sol.id, iran.id, "member_of", citations=[cite(a2, QUOTES[2])])
    # A citation whose quote no longer stands at its offsets: reports must flag it, not hide it.
    case.links[broken.id].citations.append(Citation(a2.id, 0, 5, "Qasem"))
    return case


@pytest.fixture
def case() -> Case:
    return build_case()


@pytest.fixture
def scene(qapp, case):
    from linkchart.render import ChartScene

    chart = ChartScene(case)
    yield chart
    chart.detach()
