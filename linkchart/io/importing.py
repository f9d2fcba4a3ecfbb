"""What every graph importer shares: its context, progress and cancel, the report, quote matching.

Readers never touch a live case. They may *read* the open case's articles and
vocabulary (through :class:`ImportContext`) so that a quote carried by a file can
be tied back to the article it came from, and a type name to a known type.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from linkchart.io.errors import CaseFileError
from linkchart.model import CREDIBILITY_CODES, RELIABILITY_CODES, Article, Citation, ImportReport, Vocabulary, is_id, new_id

Progress = Callable[[float], bool]

_EXAMPLES = 3  # examples quoted per aggregated report line
_QUOTE_EXAMPLES = 20
_MAX_LINES = 200  # distinct lines per report list


class ImportCancelled(CaseFileError):
    """The progress callback returned False: the import stopped and nothing was produced."""


@dataclass
class ImportContext:
    """What a reader may consult: the open case's articles and vocabulary, progress, options."""

    articles: Sequence[Article] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary.default)
    progress: Progress | None = None
    csv_mapping: Any = None  # a CsvMapping; typed loosely so this module needs no CSV code

    @classmethod
    def for_case(cls, case: Any, **options: Any) -> ImportContext:
        """Context for importing into *case*: its articles (read only) and its vocabulary."""
        return cls(articles=tuple(case.articles.values()), vocabulary=case.vocabulary, **options)


class ReportBuilder:
    """Collects report lines, folding repeats into one line with a count and a few examples.

    A 40,000-edge file with one recurring fault must give one readable line, not 40,000.
    """

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.format = fmt
        self._mapped: dict[str, None] = {}
        self._skipped: dict[str, list[Any]] = {}
        self._warnings: dict[str, list[Any]] = {}

    def mapped(self, message: str) -> None:
        if len(self._mapped) < _MAX_LINES:
            self._mapped.setdefault(message, None)

    def skipped(self, reason: str, example: str = "") -> None:
        self._note(self._skipped, reason, example, _EXAMPLES)

    def warn(self, message: str, example: str = "", examples: int = _EXAMPLES) -> None:
        self._note(self._warnings, message, example, examples)

    @staticmethod
    def _note(table: dict[str, list[Any]], key: str, example: str, limit: int) -> None:
        entry = table.get(key)
        if entry is None:
            if len(table) >= _MAX_LINES:
                return
            entry = table[key] = [0, [], limit]
        entry[0] += 1
        if example and len(entry[1]) < limit:
            entry[1].append(example)

    @staticmethod
    def _lines(table: dict[str, list[Any]]) -> list[str]:
        out = []
        for key, (count, examples, _limit) in table.items():
            if count == 1:
                out.append(f"{key}: {examples[0]}" if examples else key)
                continue
            text = f"{key} ({count} times"
            if examples:
                more = ", ..." if count > len(examples) else ""
                text += f", e.g. {', '.join(examples)}{more}"
            out.append(text + ")")
        return out

    def build(self) -> ImportReport:
        return ImportReport(
            source=self.source,
            format=self.format,
            mapped=list(self._mapped),
            skipped=self._lines(self._skipped),
            warnings=self._lines(self._warnings),
        )


def format_report(report: ImportReport, summary: str) -> str:
    """The report as plain text for the command line: summary, then mapped, skipped, warnings."""
    lines = [summary]
    for title, items in (("Mapped", report.mapped), ("Skipped", report.skipped), ("Warnings", report.warnings)):
        if items:
            lines.append(f"{title}:")
            lines += [f"  - {item}" for item in items]
    return "\n".join(lines)


# ------------------------------------------------------------------ quotes
@dataclass
class CitationRef:
    """A quote as a file carries it, with whatever hints it has about its article."""

    quote: str
    article_id: str = ""
    sha256: str = ""
    title: str = ""
    origin: str = ""
    start: int | None = None
    end: int | None = None
    comment: str = ""
    reliability: str = ""
    credibility: str = ""
    id: str = ""

    def describe(self) -> str:
        short = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
        source = f" ({self.title})" if self.title else ""
        return f'"{short}"{source}'


class CitationMatcher:
    """Ties quotes back to articles: by id or checksum and offsets first, then by finding the text.

    Candidates named by the file (id, checksum, title, origin) are tried before the
    rest, so a quote that occurs in two articles lands on the one the file meant.
    """

    def __init__(self, articles: Iterable[Article]) -> None:
        self.articles = list(articles)
        self._by_id = {a.id: a for a in self.articles}
        self._by_sha: dict[str, Article] = {}
        self._by_name: dict[str, list[Article]] = {}
        for art in self.articles:
            self._by_sha.setdefault(art.sha256, art)
            for name in {art.title.strip().lower(), art.origin.strip().lower()} - {""}:
                self._by_name.setdefault(name, []).append(art)

    def _named(self, ref: CitationRef) -> list[Article]:
        named = [self._by_id.get(ref.article_id), self._by_sha.get(ref.sha256)]
        for name in {ref.title.strip().lower(), ref.origin.strip().lower()} - {""}:
            named += self._by_name.get(name, [])
        seen: set[str] = set()
        return [a for a in named if a is not None and not (a.id in seen or seen.add(a.id))]

    @staticmethod
    def _find(ref: CitationRef, articles: list[Article]) -> tuple[Article, int] | None:
        if ref.start is not None and ref.end is not None:
            for art in articles:
                if art.text[ref.start : ref.end] == ref.quote:
                    return art, ref.start
        for art in articles:
            pos = art.text.find(ref.quote)
            if pos >= 0:
                return art, pos
        return None

    def match(self, ref: CitationRef) -> Citation | None:
        """A citation on the article holding the quote, or None if no article holds it."""
        if not ref.quote or not self.articles:
            return None
        named = self._named(ref)
        found = self._find(ref, named)
        if found is None:
            ids = {a.id for a in named}
            found = self._find(ref, [a for a in self.articles if a.id not in ids])
        if found is None:
            return None
        art, start = found
        return Citation(
            article_id=art.id, start=start, end=start + len(ref.quote), quote=ref.quote, comment=ref.comment,
            reliability=ref.reliability if ref.reliability in RELIABILITY_CODES else "",
            credibility=ref.credibility if ref.credibility in CREDIBILITY_CODES else "",
            id=ref.id if is_id(ref.id) else new_id(),
        )


def parse_citations_json(text: str) -> list[CitationRef]:
    """Read the ``citations`` attribute our GraphML/GEXF/CSV writers put on items.

    Raises ValueError when the text is not that list, so the caller can report it.
    """
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("not a list")
    refs = []
    for raw in data:
        if not isinstance(raw, dict) or not isinstance(raw.get("quote"), str):
            raise ValueError("an entry has no quote")

        def text_of(key: str, raw: dict[str, Any] = raw) -> str:
            value = raw.get(key, "")
            return value if isinstance(value, str) else ""

        def int_of(key: str, raw: dict[str, Any] = raw) -> int | None:
            value = raw.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None

        refs.append(
            CitationRef(
                quote=raw["quote"], article_id=text_of("article_id"), sha256=text_of("article_sha256"),
                title=text_of("article_title"), origin=text_of("article_origin"), start=int_of("start"), end=int_of("end"),
                comment=text_of("comment"), reliability=text_of("reliability"), credibility=text_of("credibility"), id=text_of("id"),
            )
        )
    return refs
