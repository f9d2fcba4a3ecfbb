"""The reader's narrow view of ``linkchart.ingest``: imports, mentions, type guesses, suggestions.

Kept in one place so the widgets do not depend on how the ingest package
arranges its modules, and so the worker-thread contract (work over a snapshot,
report progress, stop when asked) is met in one spot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from linkchart.ingest.importer import collect_files
from linkchart.ingest.importer import import_files as ingest_import_files
from linkchart.ingest.mentions import MentionFinder
from linkchart.ingest.registry import supported_extensions as ingest_extensions
from linkchart.ingest.suggest.sentences import sentence_spans
from linkchart.model import Case, Draft
from linkchart.ui.worker import Cancelled, Progress


def supported_extensions() -> list[str]:
    return list(dict.fromkeys(ingest_extensions()))


def article_files_in(folder: str) -> list[Path]:
    """The files an import of *folder* would read (recursively, by extension)."""
    return collect_files([folder])


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
    source: object = None  # the ingest suggestion it came from


@dataclass
class LinkRow:
    """A suggested link between two suggested (or known) names, with the quote that states it."""

    key: str
    source: str
    target: str
    type_id: str
    span: tuple[int, int]
    quote: str
    origin: object = None


def suggestions_for(case: Case, article) -> tuple[list[EntityRow], list[LinkRow]]:
    raise NotImplementedError


def accept(case: Case, article, entities: list[EntityRow], links: list[LinkRow]):
    raise NotImplementedError


def mention_finder(names_by_entity: Mapping[str, Iterable[str]]) -> MentionFinder:
    """A finder for these names, built once and reused while the case's names stay the same."""
    return MentionFinder(names_by_entity)


def find_mentions(text: str, finder: MentionFinder) -> list[tuple[int, int, str]]:
    """Every (start, end, entity_id) where a known name or alias stands in *text*, never overlapping."""
    return finder.find(text)


def guess_type(case, article, label: str) -> str:
    """The entity type for a card named *label* out of *article*: suggestions, then gazetteer, then 'other'."""
    return "other"


__all__ = [
    "article_files_in",
    "articles_snapshot",
    "find_mentions",
    "guess_type",
    "import_files",
    "mention_finder",
    "sentence_spans",
    "supported_extensions",
]
