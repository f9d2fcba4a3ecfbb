"""The reader's own undo commands: article metadata, citation spans, cite + alias as one step, several steps as one."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from linkchart.commands import AddCitationCommand, push
from linkchart.model import Case, CaseError, Citation
from linkchart.ui.reader.commands import (
    AddAliasCommand,
    CiteQuoteCommand,
    SetCitationSpanCommand,
    StepsCommand,
    UpdateArticleCommand,
)

TEXT = "Iranian-sponsored Houthi rebels fired missiles. Hezbollah, backed by Tehran, sent advisers."


def cite(case: Case, article_id: str, quote: str) -> Citation:
    start = case.articles[article_id].text.index(quote)
    return Citation(article_id, start, start + len(quote), quote)


@pytest.fixture
def case() -> Case:
    c = Case()
    art = c.add_article(TEXT, title="Threat", date="2020-01")
    c.add_entity("Iran", "country", citations=[cite(c, art.id, "Iranian")])
    return c


def only(case: Case, what: str):
    return next(iter(getattr(case, what).values()))


def test_update_article_edits_metadata_and_undoes(case: Case) -> None:
    stack, art = QUndoStack(), only(case, "articles")
    push(stack, UpdateArticleCommand(case, art.id, {"title": "Heightened threat", "publisher": "Reuters"}))
    assert (art.title, art.publisher) == ("Heightened threat", "Reuters")
    stack.undo()
    assert (art.title, art.publisher) == ("Threat", "")
    stack.redo()
    assert art.title == "Heightened threat"


def test_update_article_refuses_text(case: Case) -> None:
    art = only(case, "articles")
    with pytest.raises(CaseError):
        push(QUndoStack(), UpdateArticleCommand(case, art.id, {"text": "rewritten"}))
    assert art.text == TEXT


def test_set_citation_span_keeps_quote_exact_and_undoes(case: Case) -> None:
    stack, art, iran = QUndoStack(), only(case, "articles"), only(case, "entities")
    start = TEXT.index("Tehran")
    push(stack, SetCitationSpanCommand(case, iran.id, iran.citations[0].id, art.id, start, start + 6))
    cit = iran.citations[0]
    assert (cit.start, cit.end, cit.quote) == (start, start + 6, "Tehran")
    assert case.verify_citation(cit)
    stack.undo()
    assert iran.citations[0].quote == "Iranian"


def test_set_citation_span_refuses_an_empty_span(case: Case) -> None:
    art, iran = only(case, "articles"), only(case, "entities")
    with pytest.raises(CaseError):
        SetCitationSpanCommand(case, iran.id, iran.citations[0].id, art.id, 5, 5)


def test_alias_merges_into_the_citation_it_follows(case: Case) -> None:
    stack, art, iran = QUndoStack(), only(case, "articles"), only(case, "entities")
    push(stack, CiteQuoteCommand(case, iran.id, cite(case, art.id, "backed by Tehran"), "Iran"))
    push(stack, AddAliasCommand(case, iran.id, "Tehran"))
    assert stack.count() == 1
    assert iran.aliases == ["Tehran"] and len(iran.citations) == 2
    stack.undo()
    assert iran.aliases == [] and len(iran.citations) == 1
    stack.redo()
    assert iran.aliases == ["Tehran"] and iran.citations[1].quote == "backed by Tehran"


def test_steps_roll_back_when_one_refuses(case: Case) -> None:
    art, iran = only(case, "articles"), only(case, "entities")
    good = AddCitationCommand(case, iran.id, cite(case, art.id, "Hezbollah"))
    bad = AddCitationCommand(case, iran.id, Citation(art.id, 0, 4, "nope"))
    with pytest.raises(CaseError):
        push(QUndoStack(), StepsCommand(case, [good, bad], "Both"))
    assert [c.quote for c in iran.citations] == ["Iranian"]
