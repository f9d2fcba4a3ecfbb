"""The quote a drag carries: which span of which article, and how it travels as mime data.

A quote is cited either as the exact selection or as the sentence around it
(``Preferences.quote_mode``). Offsets always index ``article.text`` so that
``quote == text[start:end]`` holds by construction.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from PySide6.QtCore import QMimeData

from linkchart.model import Article, Citation
from linkchart.ui.reader.ingest_adapter import sentence_spans

QUOTE_MIME = "application/x-linkchart-quote"
QUOTE_MODES = ("sentence", "selection")
MAX_LABEL = 80  # a selection longer than this is a quote, not a name

@dataclass(frozen=True)
class QuotePayload:
    """What a dragged selection carries: the cited span and the selected words inside it."""

    article_id: str
    start: int
    end: int
    quote: str
    selection_start: int
    selection_end: int

    def citation(self) -> Citation:
        return Citation(self.article_id, self.start, self.end, self.quote)

    def selection_text(self, article: Article) -> str:
        return article.text[self.selection_start : self.selection_end]

    def label(self, article: Article) -> str:
        """The selected words as a card label: white space folded, edge punctuation trimmed."""
        words = " ".join(self.selection_text(article).split())
        return words.strip(" \t,;:.!?\"'\u201c\u201d\u2018\u2019()[]")[:MAX_LABEL] or words[:MAX_LABEL]

    def to_mime(self, mime: QMimeData | None = None) -> QMimeData:
        mime = QMimeData() if mime is None else mime
        mime.setData(QUOTE_MIME, json.dumps(asdict(self), sort_keys=True).encode("utf-8"))
        return mime

    @classmethod
    def from_mime(cls, mime: QMimeData) -> QuotePayload | None:
        """The payload in *mime*, or None if it carries none or a malformed one."""
        if not mime.hasFormat(QUOTE_MIME):
            return None
        try:
            raw = json.loads(bytes(mime.data(QUOTE_MIME).data()).decode("utf-8"))
            payload = cls(
                article_id=str(raw["article_id"]),
                start=int(raw["start"]),
                end=int(raw["end"]),
                quote=str(raw["quote"]),
                selection_start=int(raw["selection_start"]),
                selection_end=int(raw["selection_end"]),
            )
        except (ValueError, KeyError, TypeError):
            return None
        return payload

    def matches(self, article: Article | None) -> bool:
        """True if the article still reads the quote at its offsets (drops from stale drags are refused)."""
        return article is not None and self.citation().verify(article.text) and 0 <= self.selection_start < self.selection_end <= len(article.text)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around ``text[start:end]`` (as the suggester splits them), else the span itself."""
    covering = [(s, e) for s, e in sentence_spans(text) if s < max(end, start + 1) and e > start]
    if not covering:
        return start, end
    return min(covering[0][0], start), max(covering[-1][1], end)


def trim_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection without leading or trailing white space (a double-click often takes a space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def make_payload(article: Article, start: int, end: int, mode: str) -> QuotePayload | None:
    """The quote for a selection of ``article.text[start:end]`` in *mode*; None for a blank selection."""
    start, end = trim_selection(article.text, min(start, end), max(start, end))
    if start >= end:
        return None
    q_start, q_end = sentence_span(article.text, start, end) if mode == "sentence" else (start, end)
    return QuotePayload(article.id, q_start, q_end, article.text[q_start:q_end], start, end)
