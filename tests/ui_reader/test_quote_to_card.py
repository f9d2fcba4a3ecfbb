"""Select words in the reader, drop them on the chart: a new card, a citation on a card or link, an alias."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QFrame, QPushButton

from linkchart.ui.reader.actions import CITE_SELECTED, CREATE_ENTITY, QUOTE_SELECTION, QUOTE_SENTENCE
from linkchart.ui.reader.quote import QUOTE_MIME

SOLEIMANI_SENTENCE = "Qassem Soleimani, the leader of the Quds Force, summoned the militias three weeks ago."


def test_dropping_a_selection_on_empty_chart_adds_a_card_citing_the_sentence(window, rt) -> None:
    case = window.case
    start, end = rt.select_words(window, "Qassem Soleimani")
    before = set(case.entities)
    drop = rt.drop_on_chart(window, rt.drag_mime(window), rt.view_point(window, 150, 110))
    assert drop.isAccepted()
    (new_id,) = set(case.entities) - before
    card = case.entities[new_id]
    assert card.label == "Qassem Soleimani" and card.type == "person"
    cit = card.citations[0]
    text = case.articles[cit.article_id].text
    assert cit.quote == text[cit.start : cit.end] == SOLEIMANI_SENTENCE
    assert cit.start <= start and end <= cit.end
    assert abs(card.x - 150) < 2 and abs(card.y - 110) < 2
    assert new_id in window.scene.cards and window.selection.selected_entity_ids == (new_id,)
    window.undo_stack.undo()
    assert new_id not in case.entities


def test_exact_selection_mode_quotes_only_the_selected_words(window, rt) -> None:
    window.reader.actions[QUOTE_SELECTION].trigger()
    assert window.preferences.quote_mode == "selection"
    start, end = rt.select_words(window, "Quds Force", occurrence=0)
    rt.drop_on_chart(window, rt.drag_mime(window), rt.view_point(window, 150, 110))
    card = next(e for e in window.case.entities.values() if e.label == "Quds Force")
    cit = card.citations[0]
    assert (cit.start, cit.end, cit.quote) == (start, end, "Quds Force")
    window.reader.actions[QUOTE_SENTENCE].trigger()
    assert window.preferences.quote_mode == "sentence"


def test_dropping_on_a_card_cites_it_and_the_alias_joins_the_same_undo_step(window, rt, qtbot) -> None:
    iran = rt.entity(window, "Iran")
    rt.select_words(window, "Tehran")
    count = window.undo_stack.count()
    rt.drop_on_chart(window, rt.drag_mime(window), rt.view_point(window, iran.x, iran.y))
    assert len(iran.citations) == 2
    cit = iran.citations[1]
    assert cit.quote == "Hezbollah, backed by Tehran, sent advisers to the Houthis."
    assert window.case.verify_citation(cit)
    assert len(window.case.entities) == 4
    offer = window.chart_view.viewport().findChild(QFrame, "aliasOffer")
    assert offer is not None and offer.isVisible() and offer.alias == "Tehran"
    qtbot.mouseClick(offer.findChild(QPushButton, "acceptAlias"), Qt.MouseButton.LeftButton)
    assert iran.aliases == ["Tehran"]
    assert window.undo_stack.count() == count + 1
    window.undo_stack.undo()
    assert iran.aliases == [] and len(iran.citations) == 1
    window.undo_stack.redo()
    assert iran.aliases == ["Tehran"] and len(iran.citations) == 2


def test_no_alias_is_offered_for_a_name_the_card_already_has(window, rt) -> None:
    hez = rt.entity(window, "Hezbollah")
    rt.select_words(window, "Hezbollah")
    rt.drop_on_chart(window, rt.drag_mime(window), rt.view_point(window, hez.x, hez.y))
    assert len(hez.citations) == 2
    assert window.chart_view.viewport().findChild(QFrame, "aliasOffer") is None


def test_dropping_on_a_link_cites_the_link(window, rt) -> None:
    hez, iran = rt.entity(window, "Hezbollah"), rt.entity(window, "Iran")
    link = next(k for k in window.case.links.values() if k.source == hez.id and k.target == iran.id)
    assert link.citations == []
    rt.select_words(window, "backed by Tehran")
    mid = window.scene.links[link.id].path().pointAtPercent(0.5)
    rt.drop_on_chart(window, rt.drag_mime(window), window.chart_view.mapFromScene(mid))
    assert [c.quote for c in link.citations] == ["Hezbollah, backed by Tehran, sent advisers to the Houthis."]
    window.undo_stack.undo()
    assert link.citations == []


def test_context_menu_actions_create_and_cite_without_dragging(window, rt) -> None:
    case, actions = window.case, window.reader.actions
    rt.select_words(window, "Britain")
    assert actions[CREATE_ENTITY].isEnabled()
    before = set(case.entities)
    actions[CREATE_ENTITY].trigger()
    (new_id,) = set(case.entities) - before
    assert case.entities[new_id].label == "Britain"
    saudi = rt.entity(window, "Saudi Arabia")
    window.selection.set([saudi.id])
    start, end = rt.select_words(window, "Saudi Arabia")
    assert actions[CITE_SELECTED].isEnabled()
    actions[CITE_SELECTED].trigger()
    assert len(saudi.citations) == 1 and saudi.citations[0].start <= start and saudi.citations[0].end >= end


def test_the_reader_context_menu_offers_the_quote_actions(window, rt, qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMenu

    rt.select_words(window, "Houthi rebels")
    text_view = window.reader.panel.text
    seen: list[str] = []

    def read_menu() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            seen.extend(a.objectName() for a in menu.actions() if a.isEnabled())
            menu.close()
        else:
            QTimer.singleShot(10, read_menu)

    QTimer.singleShot(0, read_menu)
    pos = text_view.cursorRect(text_view.textCursor()).center()
    from PySide6.QtGui import QContextMenuEvent

    QApplication.sendEvent(text_view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, text_view.viewport().mapToGlobal(pos)))
    assert CREATE_ENTITY in seen


def test_a_quote_from_another_case_is_refused(window, rt) -> None:
    rt.select_words(window, "Iran")
    mime = rt.drag_mime(window)
    payload = bytes(mime.data(QUOTE_MIME).data()).replace(window.reader.panel.article_id.encode(), b"0" * 32)
    forged = QMimeData()
    forged.setData(QUOTE_MIME, payload)
    count = len(window.case.entities)
    rt.drop_on_chart(window, forged, rt.view_point(window, 150, 110))
    assert len(window.case.entities) == count
