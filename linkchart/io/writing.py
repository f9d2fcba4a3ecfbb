"""What the graph writers share: typed attribute columns, citations as JSON, buffered output."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import BinaryIO

from linkchart.model import Case, Citation, Entity, Link

# Attribute kinds, in the order a column widens: bool stays bool, int + float is float, else text.
_KINDS = {bool: "boolean", int: "int", float: "double", str: "string"}


def attribute_columns(items: Iterable[Entity | Link]) -> list[tuple[str, str]]:
    """(name, kind) of every attribute used, in first-use order; kind is boolean/int/double/string.

    A column whose values mix types becomes text (GraphML and GEXF type a whole column).
    """
    kinds: dict[str, str] = {}
    for item in items:
        for name, value in item.attributes.items():
            kind = _KINDS.get(type(value), "string")
            old = kinds.get(name)
            if old is None or old == kind:
                kinds[name] = kind
            elif {old, kind} == {"int", "double"}:
                kinds[name] = "double"
            else:
                kinds[name] = "string"
    return list(kinds.items())


def attribute_text(value: object, kind: str = "string") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and kind != "string":
        return repr(value)
    return str(value)


def citations_json(case: Case, citations: list[Citation]) -> str:
    """The citations of one item as compact JSON carrying the quote and its article's identity."""
    out = []
    for c in citations:
        art = case.articles.get(c.article_id)
        out.append(
            {
                "id": c.id,
                "quote": c.quote,
                "start": c.start,
                "end": c.end,
                "comment": c.comment,
                "reliability": c.reliability,
                "credibility": c.credibility,
                "article_id": c.article_id,
                "article_title": art.title if art else "",
                "article_origin": art.origin if art else "",
                "article_sha256": art.sha256 if art else "",
            }
        )
    return json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def aliases_text(aliases: list[str]) -> str:
    """Aliases joined by "; " for people reading the file, or a JSON list when that would be ambiguous."""
    if any(";" in a or "|" in a or a.startswith("[") for a in aliases):
        return json.dumps(aliases, ensure_ascii=False)
    return "; ".join(aliases)


def style_json(style: dict[str, str]) -> str:
    return json.dumps(style, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Out:
    """Collects text and writes it to a binary handle as UTF-8 in large chunks."""

    FLUSH_AT = 1 << 20

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.parts: list[str] = []
        self.size = 0

    def __call__(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size >= self.FLUSH_AT:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self.parts).encode("utf-8"))
        self.parts.clear()
        self.size = 0
