"""Undo commands the reader needs that the shared command set lacks (QtGui only, no widgets).

They live here, beside the reader, because only the reader pushes them; each is a
thin wrapper over one or two :class:`~linkchart.model.Case` methods like the
shared ones in ``linkchart.commands``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from linkchart.commands import CaseCommand
from linkchart.model import Case, CaseError, Citation, Entity

# Equal ids let "add the dropped words as an alias" merge into the citation it follows.
CITE_QUOTE_ID = 1101


def _set_citations(case: Case, item_id: str, citations: list[Citation]) -> None:
    if item_id in case.entities:
        case.update_entity(item_id, citations=citations)
    else:
        case.update_link(item_id, citations=citations)


class UpdateArticleCommand(CaseCommand):
    """Edit an article's metadata (title, publisher, author, date, origin, notes); never its text."""

    def __init__(self, case: Case, article_id: str, values: Mapping[str, Any], text: str = "") -> None:
        self.article_id = article_id
        self.values = dict(values)
        self.old: dict[str, Any] = {}
        super().__init__(case, text or f"Edit article {', '.join(sorted(self.values))}")
        article = case.articles.get(article_id)
        self.setObsolete(article is not None and all(getattr(article, k, None) == v for k, v in self.values.items()))

    def do(self) -> None:
        self.old = self.case.update_article(self.article_id, **self.values)

    def undo_(self) -> None:
        self.case.update_article(self.article_id, **self.old)


class SetCitationSpanCommand(CaseCommand):
    """Point one citation at a new span (possibly of another article); the quote follows the text exactly."""

    def __init__(self, case: Case, item_id: str, citation_id: str, article_id: str, start: int, end: int) -> None:
        self.item_id, self.citation_id = item_id, citation_id
        article = case.articles.get(article_id)
        if article is None or not 0 <= start < end <= len(article.text):
            raise CaseError("select some text of an article in the case first")
        self.span = (article_id, start, end, article.text[start:end])
        self.before: list[Citation] = []
        super().__init__(case, "Set citation span")

    def do(self) -> None:
        item = self.case.item(self.item_id)
        self.before = list(item.citations)
        article_id, start, end, quote = self.span
        if not any(c.id == self.citation_id for c in self.before):
            raise CaseError("that citation is no longer on the item")
        cites = [replace(c, article_id=article_id, start=start, end=end, quote=quote) if c.id == self.citation_id else c for c in self.before]
        _set_citations(self.case, self.item_id, cites)

    def undo_(self) -> None:
        _set_citations(self.case, self.item_id, self.before)


class CiteQuoteCommand(CaseCommand):
    """Cite a dropped quote on an existing card or link; a following "add as alias" merges into this step."""

    def __init__(self, case: Case, item_id: str, citation: Citation, item_label: str = "") -> None:
        self.item_id, self.citation = item_id, citation
        self.alias: str | None = None
        self.old_aliases: list[str] | None = None
        super().__init__(case, f"Cite quote on '{item_label}'" if item_label else "Cite quote")

    def id(self) -> int:
        return CITE_QUOTE_ID

    def do(self) -> None:
        with self.case.batch():
            self.case.add_citation(self.item_id, self.citation)
            if self.alias is not None:
                self.case.update_entity(self.item_id, aliases=[*self.case.entities[self.item_id].aliases, self.alias])

    def undo_(self) -> None:
        with self.case.batch():
            if self.old_aliases is not None:
                self.case.update_entity(self.item_id, aliases=self.old_aliases)
            self.case.remove_citation(self.item_id, self.citation.id)

    def mergeWith(self, other: Any) -> bool:
        # The alias command has already run; keep what undo needs so both go back together.
        if isinstance(other, AddAliasCommand) and other.entity_id == self.item_id and self.alias is None:
            self.alias, self.old_aliases = other.alias, other.old_aliases
            self.setText(f"{self.text()} + alias '{other.alias}'")
            return True
        return False


class AddAliasCommand(CaseCommand):
    """Add one alias to an entity (offered after a quote is dropped on it)."""

    def __init__(self, case: Case, entity_id: str, alias: str) -> None:
        self.entity_id, self.alias = entity_id, alias
        self.old_aliases: list[str] | None = None
        super().__init__(case, f"Add alias '{alias}'")

    def id(self) -> int:
        return CITE_QUOTE_ID

    def do(self) -> None:
        entity = self.case.entities.get(self.entity_id)
        if entity is None:
            raise CaseError("that card is no longer in the case")
        self.old_aliases = list(entity.aliases)
        self.case.update_entity(self.entity_id, aliases=[*entity.aliases, self.alias])

    def undo_(self) -> None:
        self.case.update_entity(self.entity_id, aliases=list(self.old_aliases or []))


class StepsCommand(CaseCommand):
    """Several commands as one undo step, run in order and undone in reverse.

    If one refuses (CaseError) the ones before it are undone, so nothing half-done
    remains. Children are kept in a Python list: PySide would otherwise free them.
    """

    def __init__(self, case: Case, steps: Iterable[CaseCommand], text: str) -> None:
        self.steps = list(steps)
        super().__init__(case, text)

    def do(self) -> None:
        done: list[CaseCommand] = []
        with self.case.batch():
            try:
                for step in self.steps:
                    step.do()
                    done.append(step)
            except CaseError:
                for step in reversed(done):
                    step.undo_()
                raise

    def undo_(self) -> None:
        with self.case.batch():
            for step in reversed(self.steps):
                step.undo_()


def entity_with_quote(label: str, type_id: str, citation: Citation, x: float, y: float) -> Entity:
    """A new card standing at (x, y) whose first citation is *citation*."""
    return Entity(label=label, type=type_id, citations=[citation], x=x, y=y)
