"""A reader out of sight (a tab behind the inspector, or closed) finds no names until it is shown; then it is current."""

from __future__ import annotations

from linkchart.io import save_case
from linkchart.model import Case, Citation
from linkchart.ui.reader.actions import SHOW_READER


def _names(reader) -> list[str]:
    text = reader.text.article.text
    return sorted(text[m.start : m.end] for m in reader.text.mentions)


def test_a_reader_behind_the_inspector_highlights_once_its_tab_is_chosen(window, tmp_path) -> None:
    feature, reader = window.reader, window.reader.panel
    window.inspector.raise_()  # the reader's tab goes behind the inspector's
    other = Case(title="Other")
    text = "Kataib Hezbollah fired rockets. Kataib Hezbollah denied it."
    art = other.add_article(text, title="Rockets")
    other.add_article("Nothing cites this.", title="Quiet")
    kh = other.add_entity("Kataib Hezbollah", "armed_group", citations=[Citation(art.id, 0, 16, "Kataib Hezbollah")])
    other.add_link(kh.id, kh.id, "associated_with", citations=[Citation(art.id, 32, 48, "Kataib Hezbollah")])
    path = tmp_path / "other.lcase"
    save_case(other, path)

    assert window.open_case(str(path))
    # The list is there (with how often each article is cited); the names wait.
    assert reader.text.article.title == "Rockets" and reader.text.mentions == []
    tips = [reader.article_list.topLevelItem(i).toolTip(0) for i in range(reader.article_list.topLevelItemCount())]
    assert "cited 2 times" in tips[0] and "cited 0 times" in tips[1]
    # A card added while the reader is out of sight is found too once it is shown.
    window.case.add_entity("rockets", "other")

    feature.reader_dock.raise_()  # what clicking the reader's tab does
    assert _names(reader) == ["Kataib Hezbollah", "Kataib Hezbollah", "rockets"]
    assert len(reader.text.extraSelections()) == 3


def test_a_rename_while_the_reader_is_closed_is_highlighted_when_it_opens(window, rt, qtbot) -> None:
    feature, reader = window.reader, window.reader.panel
    assert "Saudi Arabia" in _names(reader)
    feature.reader_dock.close()
    saudi = rt.entity(window, "Saudi Arabia")
    window.case.update_entity(saudi.id, label="Kingdom", aliases=["Saudi", "pipelines"])
    qtbot.wait(20)  # the reader batches name changes to one per event-loop turn
    assert "pipelines" not in _names(reader)

    feature.actions[SHOW_READER].trigger()
    assert {"Saudi", "pipelines"} <= set(_names(reader))
    assert all(m.entity_id == saudi.id for m in reader.text.mentions if reader.text.article.text[m.start : m.end] == "pipelines")
