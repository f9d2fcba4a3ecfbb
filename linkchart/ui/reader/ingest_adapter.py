"""The reader's narrow view of ``linkchart.ingest``: imports, mentions, type guesses, suggestions.

Kept in one place so the widgets do not depend on how the ingest package
arranges its modules, and so the worker-thread contract (work over a snapshot,
report progress, stop when asked) is met in one spot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from linkchart.commands import AddCitationCommand, ApplyDraftCommand, CaseCommand
from linkchart.model import Article, Case, Citation, Draft, Entity
from linkchart.ui.reader.commands import StepsCommand
from linkchart.ui.worker import Cancelled, Progress

if TYPE_CHECKING:
    from linkchart.ingest import KnownEntities, MentionFinder, SuggestedEntity, SuggestedLink, Suggestions

# linkchart.ingest (readers, gazetteers, suggesters) is imported inside the functions below, on first
# use: the window starts without it, and a case opens without it while no article is read.


def supported_extensions() -> list[str]:
    from linkchart.ingest import supported_extensions as ingest_extensions

    return list(dict.fromkeys(ingest_extensions()))


def article_files_in(folder: str) -> list[Path]:
    """The files an import of *folder* would read (recursively, by extension)."""
    from linkchart.ingest import collect_files

    return collect_files([folder])


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The suggester's own sentences of *text*, so a quote cites the sentence the suggestions used."""
    from linkchart.ingest.suggest.sentences import sentence_spans as spans

    return spans(text)


def articles_snapshot(case: Case) -> Case:
    """A case holding only the articles (shared, immutable texts): what an import checks duplicates against.

    The worker reads this, never the live case, which the GUI thread may change.
    """
    snapshot = Case(vocabulary=case.vocabulary)
    snapshot.articles = dict(case.articles)
    return snapshot


def import_files(paths: list[str], snapshot: Case, progress: Progress) -> tuple[Draft, object]:
    """Read *paths* into a draft of new articles and a per-file report, on a worker thread.

    Cancel (through *progress*) stops the import after the file being read.
    """

    def step(done: int, total: int, name: str) -> bool:
        try:
            progress.report(done / max(total, 1), f"Read {name} ({done} of {total})")
        except Cancelled:
            return False
        return True

    from linkchart.ingest import import_files as ingest_import_files

    return ingest_import_files(paths, snapshot, step)


@dataclass
class EntityRow:
    """A suggested card: its (editable) name and type, how often the article names it, a known card if any."""

    key: str
    name: str
    type_id: str
    count: int
    known_id: str | None = None
    span: tuple[int, int] | None = None  # the first mention, shown when the row is clicked


@dataclass
class LinkRow:
    """A suggested link between two suggested (or known) names, with the quote that states it."""

    key: str
    source: str
    target: str
    type_id: str
    span: tuple[int, int]
    quote: str
    suggestion: SuggestedLink
    known_id: str | None = None  # a link the case already has between the same cards, of the same type


@dataclass
class SuggestionRows:
    """One article's suggestions as the panel lists them, with the ingest result they came from."""

    entities: list[EntityRow]
    links: list[LinkRow]
    found: Suggestions


def suggestion_rows(case: Case, article: Article, known: KnownEntities | None) -> SuggestionRows:
    """Suggest for *article*; names and links the case already has come back with ``known_id`` set.

    New names come first: they are what the analyst is looking for.
    """
    from linkchart.ingest import suggest

    found = suggest(article.text, known)
    names = {e.key: e.name for e in found.entities}
    ids = {e.key: e.entity_id for e in found.entities if e.entity_id}
    entities = [
        EntityRow(e.key, e.name, e.type, e.count, e.entity_id or None, e.mentions[0] if e.mentions else None)
        for e in found.entities
    ]
    entities.sort(key=lambda row: row.known_id is not None)
    links = []
    for k in found.links:
        source, target = ids.get(k.source), ids.get(k.target)
        same = [x.id for x in case.links_between(source, target) if (x.source, x.target, x.type) == (source, target, k.type)] if source and target else []
        key = f"{k.source}|{k.type}|{k.target}|{k.start}"
        links.append(LinkRow(key, names[k.source], names[k.target], k.type, (k.start, k.end), k.quote, k, same[0] if same else None))
    return SuggestionRows(entities, links, found)


def known_entities(case: Case) -> KnownEntities:
    """The case's names compiled once for suggesting (rebuild when a name changes)."""
    from linkchart.ingest import KnownEntities

    return KnownEntities.from_case(case)


@dataclass
class AcceptPlan:
    """What accepting some suggestions adds: a draft of new cards and links, and quotes for existing items."""

    draft: Draft
    citations: list[tuple[str, Citation]]  # (entity or link id, citation) for what the case already has
    _apply: ApplyDraftCommand | None = field(default=None, repr=False)  # set by command(), read for the new ids

    @property
    def new_entities(self) -> list[Entity]:
        return self.draft.entities

    def command(self, case: Case) -> CaseCommand:
        """ONE undo step: the draft, plus the quotes added to cards and links the case already had."""
        count = len(self.draft.entities) + sum(1 for i, _ in self.citations if i in case.entities)
        links = len(self.draft.links) + sum(1 for i, _ in self.citations if i in case.links)
        text = f"Accept {count} suggested card{'s' if count != 1 else ''}, {links} link{'s' if links != 1 else ''}"
        steps: list[CaseCommand] = []
        if self.draft.entities or self.draft.links:
            self._apply = ApplyDraftCommand(case, self.draft, text=text)
            steps.append(self._apply)
        steps += [AddCitationCommand(case, item_id, cit) for item_id, cit in self.citations]
        return steps[0] if len(steps) == 1 else StepsCommand(case, steps, text)

    def entity_ids(self, case: Case) -> list[str]:
        """The new cards' ids (settled by the case) and the existing cards that got a quote."""
        new = self._apply.entity_ids if self._apply else []
        return [*new, *(i for i, _ in self.citations if i in case.entities)]

    def link_ids(self, case: Case) -> list[str]:
        new = self._apply.link_ids if self._apply else []
        return [*new, *(i for i, _ in self.citations if i in case.links)]

    def describe(self) -> str:
        parts = [f"{len(self.draft.entities)} new card{'s' if len(self.draft.entities) != 1 else ''}"]
        parts.append(f"{len(self.draft.links)} new link{'s' if len(self.draft.links) != 1 else ''}")
        if self.citations:
            parts.append(f"a quote on {len(self.citations)} existing item{'s' if len(self.citations) != 1 else ''}")
        return "Accepted " + ", ".join(parts) + ", each citing the article."


def accept(case: Case, article: Article, rows: SuggestionRows, entities: list[EntityRow], links: list[LinkRow]) -> AcceptPlan:
    """Turn the ticked rows (with the analyst's names and types) into an :class:`AcceptPlan`.

    A ticked link brings its ends along. A ticked name or link the case already
    has gets this article's sentence as a citation instead of a second card or link.
    """
    from linkchart.ingest import accept as ingest_accept

    edits = {r.key: r for r in rows.entities}
    found = replace(rows.found, entities=[_edited(e, edits.get(e.key)) for e in rows.found.entities])
    new_links = [r.suggestion for r in links if r.known_id is None]
    draft = ingest_accept(found, article, entities=[r.key for r in entities], links=new_links)
    wanted: list[tuple[str, int, int]] = []
    for row in entities:
        if row.known_id in case.entities and row.span is not None:
            s, e = found.sentence_at(row.span[0])
            wanted.append((row.known_id, s, e) if s < e else (row.known_id, *row.span))
    wanted += [(r.known_id, *r.span) for r in links if r.known_id in case.links]
    citations: list[tuple[str, Citation]] = []
    for item_id, s, e in dict.fromkeys(wanted):
        if not any((c.article_id, c.start, c.end) == (article.id, s, e) for c in case.item(item_id).citations):
            citations.append((item_id, Citation(article.id, s, e, article.text[s:e])))
    return AcceptPlan(draft, citations)


def _edited(suggested: SuggestedEntity, row: EntityRow | None) -> SuggestedEntity:
    """The suggestion with the analyst's name and type.

    A corrected name keeps the text's own form as an alias, so the article's
    mentions still lead to the card (and it is not suggested again as new).
    """
    if row is None:
        return suggested
    aliases = suggested.aliases if row.name == suggested.name else [suggested.name, *suggested.aliases]
    return replace(suggested, name=row.name, type=row.type_id, aliases=aliases)


def guess_type(case: Case, article: Article, label: str) -> str:
    """The entity type for a card named *label* out of *article*: its suggestions, the gazetteer, cue words."""
    from linkchart.ingest import guess_type as ingest_guess_type

    return ingest_guess_type(label, _plain_suggestions(article.text))


@lru_cache(maxsize=8)
def _plain_suggestions(text: str) -> Suggestions:
    # Types depend on the text alone, so a few recent articles' results are kept for repeated drags.
    from linkchart.ingest import suggest

    return suggest(text)


def mention_finder(names_by_entity: Mapping[str, Iterable[str]]) -> MentionFinder:
    """A finder for these names, built once and reused while the case's names stay the same."""
    from linkchart.ingest import MentionFinder

    return MentionFinder(names_by_entity)


def find_mentions(text: str, finder: MentionFinder) -> list[tuple[int, int, str]]:
    """Every (start, end, entity_id) where a known name or alias stands in *text*, never overlapping."""
    return finder.find(text)


__all__ = [
    "AcceptPlan",
    "EntityRow",
    "LinkRow",
    "SuggestionRows",
    "accept",
    "article_files_in",
    "articles_snapshot",
    "find_mentions",
    "guess_type",
    "import_files",
    "known_entities",
    "mention_finder",
    "sentence_spans",
    "suggestion_rows",
    "supported_extensions",
]
