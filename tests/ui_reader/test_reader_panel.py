"""The article reader: highlights by type, hover cards, click to select, sources of the selection, metadata edits."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from linkchart.io import save_case
from linkchart.model import Case


def mention_point(reader, start: int) -> QPoint:
    """A viewport point over the first letters of the mention starting at *start*."""
    reader.text.show_span(start, start + 1)
    cursor = reader.text._cursor_for(start, start)
    rect = reader.text.cursorRect(cursor)
    return QPoint(rect.left() + 4, rect.center().y())


def test_reader_lists_articles_and_highlights_every_known_name_in_its_type_colour(window, rt) -> None:
    reader = window.reader.panel
    assert window.findChild(type(window.reader.reader_dock), "articleReader") is window.reader.reader_dock
    titles = [reader.article_list.topLevelItem(i).text(0) for i in range(reader.article_list.topLevelItemCount())]
    assert titles == ["Heightened threat", "Plots"]
    assert reader.article_list.topLevelItem(0).text(1) == "Reuters"
    text = reader.text.article.text
    found = {(text[m.start : m.end], m.entity_id) for m in reader.text.mentions}
    iran, houthis, hez, saudi = (rt.entity(window, n).id for n in ("Iran", "Houthis", "Hezbollah", "Saudi Arabia"))
    assert {("Iran", iran), ("Houthis", houthis), ("Hezbollah", hez), ("Saudi Arabia", saudi)} <= found
    # One extra selection per mention, tinted with the entity type's colour.
    selections = reader.text.extraSelections()
    assert len(selections) == len(reader.text.mentions)
    iran_sel = next(s for s in selections if s.cursor.selectedText() == "Iran")
    saudi_sel = next(s for s in selections if s.cursor.selectedText() == "Saudi Arabia")
    hez_sel = next(s for s in selections if s.cursor.selectedText() == "Hezbollah")
    assert iran_sel.format.background().color() == saudi_sel.format.background().color()  # both countries
    assert iran_sel.format.background().color() != hez_sel.format.background().color()
    assert iran_sel.format.underlineColor().name() == window.case.vocabulary.entity_type("country").colour


def test_aliases_and_renames_are_highlighted_too(window, rt, qtbot) -> None:
    reader = window.reader.panel
    reader.show_article(rt.article(window, "Plots").id)
    quds_before = [m for m in reader.text.mentions if reader.text.article.text[m.start : m.end] == "Quds Force"]
    assert not quds_before
    hez = rt.entity(window, "Hezbollah")
    window.case.update_entity(hez.id, aliases=["Hizballah", "Quds Force"])
    qtbot.waitUntil(lambda: any(m.entity_id == hez.id and m.end - m.start == len("Quds Force") for m in reader.text.mentions))


def test_hovering_a_highlight_shows_the_card(window, rt, qtbot) -> None:
    reader = window.reader.panel
    text = reader.text.article.text
    pos = mention_point(reader, text.index("Iran"))
    viewport = reader.text.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QHelpEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    assert "<b>Iran</b>" in tip and "Country" in tip and "1 citation" in tip
    QToolTip.hideText()


def test_clicking_a_highlight_selects_the_card_and_centres_the_chart_on_it(window, rt, qtbot) -> None:
    reader = window.reader.panel
    text = reader.text.article.text
    saudi = rt.entity(window, "Saudi Arabia")
    window.chart_view.centerOn(-2000, -2000)
    pos = mention_point(reader, text.index("Saudi Arabia"))
    reader.text.setTextCursor(reader.text._cursor_for(0, 0))
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.selected_entity_ids == (saudi.id,)
    assert window.scene.cards[saudi.id].isSelected()
    view = window.chart_view
    centre = view.mapToScene(view.viewport().rect().center())
    assert abs(centre.x() - saudi.x) < 5 and abs(centre.y() - saudi.y) < 5


def test_sources_list_the_selection_and_open_a_quote_in_its_article(window, rt, qtbot) -> None:
    reader = window.reader.panel
    hez = rt.entity(window, "Hezbollah")
    window.selection.set([hez.id])
    tree = reader.sources.tree
    assert tree.topLevelItemCount() == 1
    row = tree.topLevelItem(0)
    assert "Hezbollah denied any role." in row.text(0) and row.text(1) == "Plots" and row.text(2) == "2022-11"
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    plots, cit = rt.article(window, "Plots"), hez.citations[0]
    assert reader.article_id == plots.id
    assert reader.text.shown_span == (cit.start, cit.end)
    assert reader.text.textCursor().selectedText() == cit.quote
    assert reader.article_list.currentItem().text(0) == "Plots"


def test_opening_a_quote_far_down_scrolls_it_into_view(window, rt, qtbot) -> None:
    reader = window.reader.panel
    text = reader.text.article.text
    quote = "Qassem Soleimani, the leader of the Quds Force"
    start = text.index(quote)
    iran = rt.entity(window, "Iran")
    window.case.add_citation(iran.id, type(iran.citations[0])(reader.article_id, start, start + len(quote), quote))
    reader.text.verticalScrollBar().setValue(0)
    window.selection.set([iran.id])
    tree = reader.sources.tree
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if "Soleimani" in tree.topLevelItem(i).text(0))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    assert reader.text.verticalScrollBar().value() > 0
    rect = reader.text.cursorRect(reader.text.textCursor())
    assert reader.text.viewport().rect().contains(rect.center())
    assert reader.text.textCursor().selectedText() == quote


def test_unsourced_items_say_so(window, rt) -> None:
    window.selection.set([rt.entity(window, "Saudi Arabia").id])
    assert "unsourced" in window.reader.panel.sources.title.text()


def test_remove_a_citation_and_undo(window, rt, qtbot) -> None:
    sources = window.reader.panel.sources
    iran = rt.entity(window, "Iran")
    window.selection.set([iran.id])
    tree = sources.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(tree.topLevelItem(0)).center())
    qtbot.mouseClick(sources.remove_button, Qt.MouseButton.LeftButton)
    assert iran.citations == [] and tree.topLevelItemCount() == 0
    window.undo_stack.undo()
    assert len(iran.citations) == 1 and tree.topLevelItemCount() == 1


def test_set_citation_span_to_the_reader_selection(window, rt, qtbot) -> None:
    sources = window.reader.panel.sources
    iran = rt.entity(window, "Iran")
    window.selection.set([iran.id])
    tree = sources.tree
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(tree.topLevelItem(0)).center())
    start, end = rt.select_words(window, "Britain and the United States share the same assessment")
    before = window.undo_stack.count()
    qtbot.mouseClick(sources.span_button, Qt.MouseButton.LeftButton)
    cit = iran.citations[0]
    text = window.case.articles[cit.article_id].text
    assert (cit.start, cit.end) == (start, end) and cit.quote == text[start:end]
    assert window.undo_stack.count() == before + 1
    window.undo_stack.undo()
    assert iran.citations[0].quote == "the threat posed by Iran"


def test_edit_article_metadata_in_the_header(window, rt, qtbot) -> None:
    reader = window.reader.panel
    title = reader.header.edits["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Britain shares US threat assessment")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    art = window.case.articles[reader.article_id]
    assert art.title == "Britain shares US threat assessment"
    assert reader.article_list.topLevelItem(0).text(0) == "Britain shares US threat assessment"
    publisher = reader.header.edits["publisher"]
    publisher.setFocus()
    publisher.selectAll()
    qtbot.keyClicks(publisher, "Algemeiner")
    qtbot.keyClick(publisher, Qt.Key.Key_Return)
    assert art.publisher == "Algemeiner"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert (art.title, art.publisher) == ("Heightened threat", "Reuters")
    assert title.text() == "Heightened threat"


def test_the_reader_follows_a_newly_opened_case(window, rt, tmp_path) -> None:
    other = Case(title="Other")
    other.add_article("Kataib Hezbollah fired rockets.", title="Rockets")
    other.add_entity("Kataib Hezbollah", "armed_group")
    path = tmp_path / "other.lcase"
    save_case(other, path)
    assert window.open_case(str(path))
    reader = window.reader.panel
    assert reader.article_list.topLevelItemCount() == 1
    assert reader.text.article.title == "Rockets"
    assert [reader.text.article.text[m.start : m.end] for m in reader.text.mentions] == ["Kataib Hezbollah"]
    window.case.update_article(reader.article_id, title="Rockets at dawn")
    assert reader.article_list.topLevelItem(0).text(0) == "Rockets at dawn"


def test_reader_shortcuts_are_its_own(window) -> None:
    """No shortcut of ours is also one of the window's or another feature's (an ambiguous key does nothing)."""
    from PySide6.QtGui import QAction

    from linkchart.ui import analysis, export
    from linkchart.ui.reader.actions import READER_SPECS

    if getattr(window, "analysis", None) is None:
        analysis.install(window)
    if getattr(window, "export_feature", None) is None:
        export.install(window)

    ours = {spec.id for spec in READER_SPECS}
    taken: dict[str, str] = {}
    for action in window.findChildren(QAction):
        key = action.shortcut().toString()
        if key and action.objectName() not in ours:
            taken[key] = action.objectName()
    for spec in READER_SPECS:
        key = window.reader.actions[spec.id].shortcut().toString()
        assert not key or key not in taken, f"{spec.id} shares {key} with {taken.get(key)}"


def test_remove_an_article_with_its_citations_as_one_step(window, rt) -> None:
    reader = window.reader.panel
    plots, hez = rt.article(window, "Plots"), rt.entity(window, "Hezbollah")
    assert reader.remove_article(plots.id, confirm=False)
    assert plots.id not in window.case.articles and hez.citations == []
    assert reader.article_list.topLevelItemCount() == 1
    window.undo_stack.undo()
    assert plots.id in window.case.articles and len(hez.citations) == 1
    assert reader.article_list.topLevelItemCount() == 2


def test_the_docks_come_back_where_they_were_left(qtbot, case_path) -> None:
    from linkchart.app import create_main_window
    from linkchart.settings import Preferences, SessionState
    from linkchart.ui.reader import install

    session = SessionState()
    first = create_main_window(Preferences(), session)
    feature = getattr(first, "reader", None) or install(first)
    first.show()
    feature.show_dock(feature.suggestions_dock)
    first.close()  # saves the layout into the session
    assert session.window_state
    second = create_main_window(Preferences(), session)
    again = getattr(second, "reader", None) or install(second)
    second.show()
    assert again.suggestions_dock.isVisible()
    second.close()
