"""The suggestions panel: tick, correct, accept as one undo step (known names cited, not duplicated), dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from linkchart.ui.reader.actions import SHOW_SUGGESTIONS


def rows_by_name(panel) -> dict[str, str]:
    return {row.name: key for key, row in panel.entity_rows.items()}


def test_suggestions_list_names_and_links_of_the_article_and_mark_known_cards(window) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel = window.reader.suggestions
    assert window.reader.suggestions_dock.isVisible() and window.reader.suggestions_dock.objectName() == "suggestions"
    names = rows_by_name(panel)
    assert {"Qassem Soleimani", "Quds Force", "Iran", "Houthis"} <= set(names)
    iran = next(e for e in window.case.entities.values() if e.label == "Iran")
    assert panel.entity_rows[names["Iran"]].known_id == iran.id
    assert panel.item_for(names["Iran"]).text(3) == "\u2713 Iran"
    assert panel.item_for(names["Qassem Soleimani"]).text(3) == ""
    links = {(r.source, r.type_id, r.target) for r in panel.link_rows.values()}
    assert ("Qassem Soleimani", "commands", "Quds Force") in links
    for row in panel.link_rows.values():
        text = window.case.articles[panel.article_id].text
        assert row.quote == text[row.span[0] : row.span[1]]


def test_accept_creates_cards_links_and_citations_in_one_undo_step(window, qtbot) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel, case = window.reader.suggestions, window.case
    names = rows_by_name(panel)
    link_key = next(k for k, r in panel.link_rows.items() if (r.source, r.target) == ("Qassem Soleimani", "Quds Force"))
    panel.set_checked(link_key)
    panel.set_checked(names["Iran"])
    # Correct a guess before accepting: Quds Force as an armed group.
    combo = panel.entities.itemWidget(panel.item_for(names["Quds Force"]), 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("armed_group"))
    iran = next(e for e in case.entities.values() if e.label == "Iran")
    before_entities, before_links, steps = set(case.entities), set(case.links), window.undo_stack.count()
    iran_cites = len(iran.citations)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    new_entities = {case.entities[i].label: case.entities[i] for i in set(case.entities) - before_entities}
    assert set(new_entities) == {"Qassem Soleimani", "Quds Force"}
    assert new_entities["Quds Force"].type == "armed_group" and new_entities["Qassem Soleimani"].type == "person"
    (link_id,) = set(case.links) - before_links
    link = case.links[link_id]
    assert (case.entities[link.source].label, link.type, case.entities[link.target].label) == ("Qassem Soleimani", "commands", "Quds Force")
    assert link.citations and all(case.verify_citation(c) for c in link.citations)
    assert all(case.verify_citation(c) for e in new_entities.values() for c in e.citations)
    assert len(iran.citations) == iran_cites + 1 and case.verify_citation(iran.citations[-1])
    assert window.undo_stack.count() == steps + 1
    assert set(window.selection.selected_entity_ids) >= {e.id for e in new_entities.values()}
    assert all(e.id in window.scene.cards for e in new_entities.values())
    window.undo_stack.undo()
    assert set(case.entities) == before_entities and set(case.links) == before_links
    assert len(iran.citations) == iran_cites
    window.undo_stack.redo()
    assert {case.entities[i].label for i in set(case.entities) - before_entities} == {"Qassem Soleimani", "Quds Force"}


def test_a_corrected_name_is_what_the_card_gets(window, qtbot) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel, case = window.reader.suggestions, window.case
    key = rows_by_name(panel)["Qassem Soleimani"]
    panel.rename(key, "Qasem Soleimani")
    panel.set_checked(key)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert any(e.label == "Qasem Soleimani" for e in case.entities.values())
    # Once it is a card, the panel lists it as known.
    qtbot.waitUntil(lambda: any(r.known_id for r in panel.entity_rows.values() if "Soleimani" in r.name))


def test_dismiss_hides_suggestions_and_adds_nothing(window, qtbot) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel = window.reader.suggestions
    key = rows_by_name(panel)["Quds Force"]
    panel.set_checked(key)
    count, steps = len(window.case.entities), window.undo_stack.count()
    qtbot.mouseClick(panel.dismiss_button, Qt.MouseButton.LeftButton)
    assert key not in panel.entity_rows and panel.item_for(key) is None
    assert len(window.case.entities) == count and window.undo_stack.count() == steps


def test_clicking_a_suggested_link_shows_its_quote_in_the_reader(window, qtbot) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel, reader = window.reader.suggestions, window.reader.panel
    row = next(r for r in panel.link_rows.values() if r.source == "Qassem Soleimani")
    item = panel.item_for(row.key)
    qtbot.mouseClick(panel.links.viewport(), Qt.MouseButton.LeftButton, pos=panel.links.visualItemRect(item).center())
    assert reader.text.shown_span == row.span
    assert reader.text.textCursor().selectedText() == row.quote


def test_the_panel_follows_the_reader(window) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel = window.reader.suggestions
    plots = next(a for a in window.case.articles.values() if a.title == "Plots")
    window.reader.panel.show_article(plots.id)
    assert panel.article_id == plots.id
    assert "Qassem Soleimani" not in rows_by_name(panel)


def test_a_suggested_link_the_case_already_has_gets_the_quote_not_a_twin(window, qtbot) -> None:
    window.reader.actions[SHOW_SUGGESTIONS].trigger()
    panel, case = window.reader.suggestions, window.case
    row = next(r for r in panel.link_rows.values() if (r.source, r.type_id, r.target) == ("Houthis", "backed_by", "Iran"))
    existing = case.links[row.known_id]
    assert panel.item_for(row.key).text(3) == "\u2713"
    links, cites, steps = len(case.links), len(existing.citations), window.undo_stack.count()
    panel.set_checked(row.key)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert len(case.links) == links and len(existing.citations) == cites + 1
    assert existing.citations[-1].quote == row.quote and case.verify_citation(existing.citations[-1])
    assert window.undo_stack.count() == steps + 1 and window.selection.selected_link_ids == (existing.id,)
    window.undo_stack.undo()
    assert len(existing.citations) == cites
