"""Fixtures for the analysis feature's GUI tests: a window with a small proxy-war case open."""

from __future__ import annotations

import pytest

from linkchart.app import create_main_window
from linkchart.io import save_case
from linkchart.model import Case, Citation
from linkchart.settings import Preferences, SessionState
from linkchart.ui.analysis import install


def proxy_case() -> Case:
    """Iran backs three proxies; a commander, a plot, dated links, two near-duplicate cards."""
    case = Case(title="Proxies")
    text = ("Iran backs Hezbollah. The Quds Force commands Kataib Hezbollah. "
            "Soleimani led the Quds Force. The Houthis, backed by Iran, attacked Saudi Aramco in 2019.")
    art = case.add_article(text, title="Proxy war", date="2020-01-05")

    def cite(quote: str) -> list[Citation]:
        start = text.index(quote)
        return [Citation(art.id, start, start + len(quote), quote)]

    add = case.add_entity
    iran = add("Iran", "country", x=0, y=0, citations=cite("Iran"))
    quds = add("Quds Force", "government_body", x=300, y=0, aliases=["IRGC-QF"], citations=cite("Quds Force"))
    hez = add("Hezbollah", "armed_group", x=-300, y=200, citations=cite("Hezbollah"))
    kh = add("Kataib Hezbollah", "armed_group", x=300, y=200)
    hou = add("Houthis", "armed_group", x=0, y=200, aliases=["Ansar Allah"], citations=cite("Houthis"))
    sol = add("Qasem Soleimani", "person", x=600, y=0, date="1957/2020-01-03")
    aramco = add("Abqaiq-Khurais attack", "event", x=0, y=400, date="2019-09-14")
    sol2 = add("Qassem Soleimani", "person", x=600, y=200, aliases=["Hajj Qasem"], attributes={"born": "1957"})
    link = case.add_link
    link(hez.id, iran.id, "backed_by", citations=cite("Iran backs Hezbollah"), date="1982/2023")
    link(hou.id, iran.id, "backed_by", citations=cite("backed by Iran"), strength="probable", date="about 2015")
    link(quds.id, kh.id, "commands", citations=cite("The Quds Force commands Kataib Hezbollah"))
    link(sol.id, quds.id, "commands", citations=cite("Soleimani led the Quds Force"), date="1998/2020-01-03")
    link(hou.id, aramco.id, "participated_in", citations=cite("attacked Saudi Aramco in 2019"), date="2019-09-14")
    link(sol2.id, kh.id, "associated_with", strength="possible")
    link(quds.id, iran.id, "part_of")
    return case


def labels(case: Case) -> dict[str, str]:
    """Label -> id, for readable tests."""
    return {e.label: e.id for e in case.entities.values()}


@pytest.fixture
def window(qtbot, tmp_path):
    """The real main window with the analysis feature, showing the proxy case."""
    path = tmp_path / "proxies.lcase"
    save_case(proxy_case(), path)
    win = create_main_window(Preferences(), SessionState())
    if not hasattr(win, "analysis"):
        install(win)
    assert win.open_case(str(path))
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.undo_stack.setClean()  # closing asks to save a modified case otherwise
    win.close()


@pytest.fixture
def case(window) -> Case:
    return window.case


@pytest.fixture
def ids(case) -> dict[str, str]:
    return labels(case)
