"""Commands over the evidence: citations on items, and articles in the case."""

from __future__ import annotations

from collections.abc import Iterable

from linkchart.commands.base import CaseCommand, plural
from linkchart.model import Article, Case, Citation


def _set_citations(case: Case, item_id: str, citations: list[Citation]) -> None:
    """Put back an exact list of citations; unlike add_citation it accepts ones that are already broken."""
    if item_id in case.entities:
        case.update_entity(item_id, citations=citations)
    else:
        case.update_link(item_id, citations=citations)


class AddCitationCommand(CaseCommand):
    """Attach a citation (a quote from an article) to an entity or link."""

    def __init__(self, case: Case, item_id: str, citation: Citation, index: int | None = None, text: str = "Cite quote") -> None:
        self.item_id, self.citation, self.index = item_id, citation, index
        super().__init__(case, text)

    def do(self) -> None:
        self.case.add_citation(self.item_id, self.citation, self.index)

    def undo_(self) -> None:
        self.case.remove_citation(self.item_id, self.citation.id)


class RemoveCitationCommand(CaseCommand):
    """Detach one citation from an entity or link; undo puts it back where it was."""

    def __init__(self, case: Case, item_id: str, citation_id: str, text: str = "Remove citation") -> None:
        self.item_id, self.citation_id = item_id, citation_id
        self.before: list[Citation] = []
        super().__init__(case, text)

    def do(self) -> None:
        self.before = list(self.case.item(self.item_id).citations)
        self.case.remove_citation(self.item_id, self.citation_id)

    def undo_(self) -> None:
        _set_citations(self.case, self.item_id, self.before)


class AddArticlesCommand(CaseCommand):
    """Add imported articles (their text is frozen from here on)."""

    def __init__(self, case: Case, articles: Iterable[Article], text: str = "") -> None:
        self.articles = list(articles)
        super().__init__(case, text or f"Add {plural(len(self.articles), 'article')}")

    def do(self) -> None:
        with self.case.batch():
            for art in self.articles:
                self.case.insert_article(art)

    def undo_(self) -> None:
        with self.case.batch():
            for art in reversed(self.articles):
                self.case.remove_article(art.id)


class RemoveArticlesCommand(CaseCommand):
    """Remove articles and, in the same step, every citation of them; undo restores both exactly."""

    def __init__(self, case: Case, article_ids: Iterable[str], text: str = "") -> None:
        self.article_ids = [a for a in dict.fromkeys(article_ids) if a in case.articles]
        self.removed: list[tuple[int, Article]] = []
        self.citations_before: dict[str, list[Citation]] = {}
        super().__init__(case, text or f"Remove {plural(len(self.article_ids), 'article')}")

    def do(self) -> None:
        doomed = set(self.article_ids)
        items = [*self.case.entities.values(), *self.case.links.values()]
        self.citations_before = {i.id: list(i.citations) for i in items if any(c.article_id in doomed for c in i.citations)}
        with self.case.batch():
            for item_id, cites in self.citations_before.items():
                _set_citations(self.case, item_id, [c for c in cites if c.article_id not in doomed])
            # Remove from the back so each saved index is valid when re-inserted front to back.
            order = sorted(self.article_ids, key=list(self.case.articles).index, reverse=True)
            self.removed = [self.case.remove_article(aid) for aid in order]

    def undo_(self) -> None:
        with self.case.batch():
            for index, art in reversed(self.removed):
                self.case.insert_article(art, index)
            for item_id, cites in self.citations_before.items():
                _set_citations(self.case, item_id, cites)

