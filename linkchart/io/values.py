"""Reading foreign values as ours: column names, directions, strengths, grades, dates, aliases.

Tolerant by design: files name things in many ways ("kind", "Relationship",
"Edge Label"). Each parser returns None when it does not understand the value,
so the reader can say so in the report instead of guessing silently.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence

from linkchart.model import try_parse_date

# field -> accepted column / attribute names, best first (after normalise_name)
ENTITY_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "node id", "entity id", "key", "uid", "identifier"),
    "label": ("label", "name", "title", "caption", "full name", "display name", "entity"),
    "type": ("type", "kind", "category", "entity type", "node type", "class", "group"),
    "subtitle": ("subtitle",),
    "aliases": ("aliases", "alias", "aka", "also known as", "other names"),
    "notes": ("notes", "note", "description", "comment", "comments"),
    "date": ("date",),
    "x": ("x", "pos x", "position x"),
    "y": ("y", "pos y", "position y"),
    "citations": ("citations",),
}
LINK_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "link id", "edge id"),
    "source": ("source", "from", "src", "source id", "start", "entity 1", "node 1", "head"),
    "target": ("target", "to", "dst", "target id", "end", "entity 2", "node 2", "tail"),
    "type": ("type", "kind", "relation", "relationship", "link type", "edge type", "predicate", "rel"),
    "label": ("label", "edge label", "link label", "caption", "name"),
    "direction": ("direction", "directed", "dir"),
    "strength": ("strength", "confidence", "certainty"),
    "date": ("date", "when"),
    "reliability": ("reliability", "source reliability"),
    "credibility": ("credibility", "information credibility"),
    "grading": ("grading", "grade", "admiralty", "admiralty code"),
    "notes": ("notes", "note", "description", "comment", "comments"),
    "citations": ("citations",),
}


def normalise_name(name: str) -> str:
    """"Edge_Label" -> "edge label": compare column names without case or punctuation."""
    return re.sub(r"[\s_.\-:]+", " ", name.strip().lower()).strip()


def assign_fields(names: Iterable[str], table: dict[str, tuple[str, ...]], fields: Sequence[str] | None = None) -> dict[str, str]:
    """Pick, for each field, the best matching column name; returns column name -> field.

    A column is used for one field only; the first synonym wins, so a file with
    both "label" and "name" takes its labels from "label".
    """
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(normalise_name(name), name)
    out: dict[str, str] = {}
    for fld in fields or table:
        for synonym in table[fld]:
            name = by_norm.get(synonym)
            if name is not None and name not in out:
                out[name] = fld
                break
    return out


_DIRECTIONS = {
    "forward": ("forward", "directed", "one way", "oneway", "->", "true", "yes", "1", "arrowonhead", "head"),
    "both": ("both", "mutual", "bidirectional", "two way", "<->", "reciprocal", "arrowonboth"),
    "none": ("none", "undirected", "no", "false", "0", "-", "arrownone", "nondirected"),
}
_STRENGTHS = {
    "confirmed": ("confirmed", "solid", "strong", "certain", "line", "high"),
    "probable": ("probable", "dashed", "unconfirmed", "likely", "medium", "probably"),
    "possible": ("possible", "dotted", "tentative", "weak", "unlikely", "low", "possibly"),
}


def _squash(text: str) -> str:
    return re.sub(r"[\s_.:]+", "", text.strip().lower())


_DIRECTION_WORDS = {_squash(w): value for value, words in _DIRECTIONS.items() for w in words}
_STRENGTH_WORDS = {_squash(w): value for value, words in _STRENGTHS.items() for w in words}


def _lookup(table: dict[str, str], text: str) -> str | None:
    return table.get(_squash(str(text)))


def parse_direction(text: str) -> str | None:
    return _lookup(_DIRECTION_WORDS, text)


def parse_strength(text: str) -> str | None:
    return _lookup(_STRENGTH_WORDS, text)


_RELIABILITY_WORDS = {
    "completely reliable": "A", "usually reliable": "B", "fairly reliable": "C",
    "not usually reliable": "D", "unreliable": "E", "reliability cannot be judged": "F",
}
_CREDIBILITY_WORDS = {
    "confirmed by other sources": "1", "probably true": "2", "possibly true": "3",
    "doubtful": "4", "improbable": "5", "truth cannot be judged": "6",
}


def parse_reliability(text: str) -> str | None:
    """Source reliability: "B", "b", "B - Usually reliable" or "Usually reliable" -> "B"."""
    raw = str(text).strip()
    m = re.match(r"^([A-Fa-f])(?:$|[\s\-:.)=])", raw)
    if m:
        return m.group(1).upper()
    return _RELIABILITY_WORDS.get(normalise_name(raw))


def parse_credibility(text: str) -> str | None:
    raw = str(text).strip()
    m = re.match(r"^([1-6])(?:$|[\s\-:.)=])", raw)
    if m:
        return m.group(1)
    return _CREDIBILITY_WORDS.get(normalise_name(raw))


def parse_grading(text: str) -> tuple[str, str] | None:
    """An Admiralty code such as "B2" (or "B-2", "b 2") -> ("B", "2")."""
    m = re.match(r"^\s*([A-Fa-f])\s*[-/ ]?\s*([1-6])\s*$", str(text))
    return (m.group(1).upper(), m.group(2)) if m else None


def parse_date_text(text: str) -> str | None:
    """Our date text if *text* is one we understand, also from an ISO timestamp; else None."""
    raw = str(text).strip()
    if not raw:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", raw)
    if m:
        raw = m.group(1)
    return raw if try_parse_date(raw) is not None else None


def parse_aliases(value: str, separator: str = ";") -> list[str]:
    """A JSON list, or names separated by *separator* (or "|"); blanks and repeats dropped."""
    raw = str(value).strip()
    names: list[str] = []
    if raw.startswith("["):
        try:
            data = json.loads(raw)
        except ValueError:
            data = None
        if isinstance(data, list):
            names = [str(v) for v in data]
    if not names:
        sep = separator if separator in raw or "|" not in raw else "|"
        names = raw.split(sep) if sep else [raw]
    out: list[str] = []
    for name in (n.strip() for n in names):
        if name and name not in out:
            out.append(name)
    return out


def parse_number(text: str) -> float | None:
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) and abs(value) <= 1e9 else None


_INT_RE = re.compile(r"^-?(0|[1-9]\d{0,17})$")
_FLOAT_RE = re.compile(r"^-?(0|[1-9]\d*)\.\d+$")


def guess_value(text: str) -> str | int | float | bool:
    """A plain-text cell typed by its look: "42" -> 42, "3.5" -> 3.5; "007" and the rest stay text."""
    raw = text.strip()
    if _INT_RE.match(raw):
        return int(raw)
    if _FLOAT_RE.match(raw):
        value = float(raw)
        return value if math.isfinite(value) else text
    return text


def typed_value(text: str, kind: str) -> str | int | float | bool | None:
    """A value declared as GraphML/GEXF *kind* ("int", "double", "boolean", ...); None if it is not one."""
    raw = (text or "").strip()
    kind = kind.lower()
    if kind in ("int", "integer", "long", "short", "byte", "biginteger"):
        try:
            value = int(raw)
        except ValueError:
            number = parse_number(raw)
            return int(number) if number is not None and number.is_integer() else None
        return value if abs(value) <= 2**63 else None
    if kind in ("float", "double", "bigdecimal", "number"):
        return "" if raw.lower() in ("nan", "") else parse_number(raw)  # igraph writes NaN for "no value"
    if kind in ("boolean", "bool"):
        lowered = raw.lower()
        if lowered in ("true", "1", "yes"):
            return True
        if lowered in ("false", "0", "no"):
            return False
        return None
    return text or ""


def colour_hex(r: float, g: float, b: float) -> str:
    """"#rrggbb" from 0-255 channels, clamped."""
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, round(c))) for c in (r, g, b)))


def parse_colour(text: str) -> str | None:
    """"#RRGGBB" or "#RRGGBBAA" (yEd) -> "#rrggbb"."""
    m = re.match(r"^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$", (text or "").strip())
    return f"#{m.group(1).lower()}" if m else None
