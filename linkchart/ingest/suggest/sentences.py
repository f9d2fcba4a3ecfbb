"""Sentence spans: the unit a link's quote is taken from.

Lines are units of their own (headlines, datelines, captions) unless a line
ends mid-sentence (no closing punctuation) and either the next begins in lower
case or the line ends in a comma or a word like "the" or "of", as hard-wrapped
PDF text does. Within a unit, a sentence ends at . ! or ? followed by space and a
capital, a digit or an opening quote, except after abbreviations ("U.S.",
"Mr.", "Gen.", initials).
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt adm sgt brig cmdr sen rep gov st jr sr inc corp co ltd no vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est dept univ".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_CONTINUES = re.compile(r"[a-z0-9(“\"'‘]")
_ENDS = re.compile(r"[.!?:;\"”’)\]]$")
# A line ending in a function word or a comma stops mid-sentence, whatever the next line starts with.
_OPEN_END = re.compile(r"(?:[,‐-]|\b(?:the|a|an|of|and|or|to|in|for|by|with|on|at|from|its|their|his|her|as|that))$", re.I)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed of surrounding whitespace, in order."""
    spans: list[tuple[int, int]] = []
    for start, end in _units(text):
        pos = start
        for m in _BOUNDARY.finditer(text, start, end):
            if _is_abbreviation(text, start, m.start()):
                continue
            _add(spans, text, pos, m.end())
            pos = m.end()
        _add(spans, text, pos, end)
    return spans


def _units(text: str) -> list[tuple[int, int]]:
    units: list[tuple[int, int]] = []
    start = 0
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        line_end = pos + len(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        joins = line.strip() and nxt.strip() and not _ENDS.search(line.rstrip())
        joins = joins and (_CONTINUES.match(nxt.lstrip()) or _OPEN_END.search(line.rstrip()))
        if not joins:
            units.append((start, line_end))
            start = line_end + 1
        pos = line_end + 1
    return units


def _is_abbreviation(text: str, unit_start: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, unit_start, dot)
    if not m:
        return False
    word = m.group(1).lstrip("(\"“‘'")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    return word.lower().rstrip(".") in _ABBREVIATIONS or bool(_DOTTED.match(word))


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
