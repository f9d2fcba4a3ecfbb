"""Search: entities, links and article text matching a query, with where it matched.

The query is one phrase. Matching ignores case and accents ("qasem" finds
"Qāsem") and reports offsets into the original text, so a hit in an article can
be shown in the reader at once. Spelling variants are the duplicate finder's job.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from linkchart.model import Case, Citation

KINDS = ("entity", "link", "article")
_CONTEXT = 40


@dataclass(frozen=True)
class SearchHit:
    """One match. ``field`` names where: "label", "alias", "subtitle", "attribute:<key>", "notes",
    "date", "quote", "comment" (of a citation), "type", "title" or "text" (an article's).

    ``snippet`` shows the match in context with ``match`` its (start, end) there.
    For article text and citation quotes, ``article_id`` and ``start``/``end``
    locate the match in the article's text (else "" and -1).
    """

    kind: str
    item_id: str
    field: str
    snippet: str
    match: tuple[int, int]
    article_id: str = ""
    start: int = -1
    end: int = -1


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-cased, accent-free text and, for each of its characters, the index it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        plain = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).casefold()
        out.append(plain)
        where.extend([i] * len(plain))
    return "".join(out), where


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of every non-overlapping match of ``query``, ignoring case and accents."""
    needle, _ = fold(query.strip())
    if not needle:
        return []
    hay, where = fold(text)
    found = []
    pos = hay.find(needle)
    while pos >= 0:
        last = pos + len(needle) - 1
        found.append((where[pos], where[last] + 1))
        pos = hay.find(needle, pos + len(needle))
    return found


def search(case: Case, query: str, *, kinds: Iterable[str] = KINDS, limit: int = 1000) -> list[SearchHit]:
    """Hits for ``query`` (a phrase), entities first, then links, then articles; at most ``limit``."""
    wanted = set(kinds)
    if not query.strip():
        return []
    hits: list[SearchHit] = []
    if "entity" in wanted:
        for ent in case.entities.values():
            fields = [("label", ent.label), *(("alias", a) for a in ent.aliases), ("subtitle", ent.subtitle)]
            fields += [(f"attribute:{k}", f"{k}: {v}") for k, v in ent.attributes.items()]
            fields += [("notes", ent.notes), ("date", ent.date), ("type", case.entity_type(ent).name)]
            _item_hits(hits, query, "entity", ent.id, fields, ent.citations)
            if len(hits) >= limit:
                return hits[:limit]
    if "link" in wanted:
        for link in case.links.values():
            fields = [("label", case.link_label(link))]
            fields += [(f"attribute:{k}", f"{k}: {v}") for k, v in link.attributes.items()]
            fields += [("notes", link.notes), ("date", link.date)]
            _item_hits(hits, query, "link", link.id, fields, link.citations)
            if len(hits) >= limit:
                return hits[:limit]
    if "article" in wanted:
        for art in case.articles.values():
            for a, b in find_all(art.title, query):
                hits.append(SearchHit("article", art.id, "title", art.title, (a, b), art.id))
            for a, b in find_all(art.text, query):
                snippet, match = _snippet(art.text, a, b)
                hits.append(SearchHit("article", art.id, "text", snippet, match, art.id, a, b))
                if len(hits) >= limit:
                    return hits[:limit]
    return hits[:limit]


def _item_hits(
    hits: list[SearchHit], query: str, kind: str, item_id: str, fields: list[tuple[str, str]], citations: list[Citation]
) -> None:
    for name, value in fields:
        for a, b in find_all(str(value), query):
            snippet, match = _snippet(str(value), a, b)
            hits.append(SearchHit(kind, item_id, name, snippet, match))
    for cit in citations:
        for a, b in find_all(cit.quote, query):
            snippet, match = _snippet(cit.quote, a, b)
            hits.append(SearchHit(kind, item_id, "quote", snippet, match, cit.article_id, cit.start + a, cit.start + b))
        for a, b in find_all(cit.comment, query):
            snippet, match = _snippet(cit.comment, a, b)
            hits.append(SearchHit(kind, item_id, "comment", snippet, match, cit.article_id))


def _snippet(text: str, a: int, b: int) -> tuple[str, tuple[int, int]]:
    """The match with some words either side, on one line; returns (snippet, match offsets in it)."""
    lo, hi = max(0, a - _CONTEXT), min(len(text), b + _CONTEXT)
    if lo > 0:
        space = text.find(" ", lo, a)
        lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        space = text.rfind(" ", b, hi)
        hi = space if space >= 0 else hi
    head = "\u2026" if lo > 0 else ""
    tail = "\u2026" if hi < len(text) else ""
    snippet = head + text[lo:hi].replace("\n", " ").replace("\r", " ") + tail
    return snippet, (len(head) + a - lo, len(head) + b - lo)
