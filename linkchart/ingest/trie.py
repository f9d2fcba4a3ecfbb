"""One regex for thousands of names: a character trie turned into nested alternations.

Python's ``re`` tries the branches of ``a|b|c`` one by one at every position, which
is slow for big name lists. A trie pattern shares prefixes, so at each position
the engine follows one path; greedy optional tails make it prefer the longest
name, and the closing boundary makes it back off to a shorter one when needed.
Spaces in names match any whitespace, and the apostrophe and hyphen match their
typographic variants, so "People's" finds "People’s".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # key that marks the end of a name in the trie
_CHAR_CLASSES = {" ": r"\s+", "'": "['’ʼ]", "’": "['’ʼ]", "-": "[-‐‑–]", "‐": "[-‐‑–]"}
# Names must not start or end inside a word. A hyphen or apostrophe next to a name is fine
# ("Iran-backed", "Iran’s"), a letter or digit is not.
BEFORE = r"(?<![\w])"
AFTER = r"(?![\w])"


def trie_pattern(names: Iterable[str], fold_case: bool = False) -> str:
    """A regex source matching any of *names* (longest first), without boundaries."""
    trie: dict = {}
    for name in names:
        if not name:
            continue
        node = trie
        for ch in name.lower() if fold_case else name:
            node = node.setdefault(_key(ch), {})
        node[_END] = {}
    return _pattern(trie) if trie else r"(?!x)x"


def compile_names(names: Iterable[str], fold_case: bool = False) -> re.Pattern[str]:
    """Compile *names* into one whole-word pattern; *fold_case* makes it case-insensitive."""
    flags = re.IGNORECASE if fold_case else 0
    return re.compile(f"{BEFORE}(?:{trie_pattern(names, fold_case)}){AFTER}", flags)


def name_key(text: str, fold_case: bool = False) -> str:
    """The form a matched text is looked up by: whitespace and typographic variants unified."""
    text = re.sub(r"\s+", " ", text).replace("’", "'").replace("ʼ", "'")
    text = re.sub("[‐‑–]", "-", text)
    return text.lower() if fold_case else text


def _key(ch: str) -> str:
    # Collapse variant characters so one trie branch serves all of them.
    return {"’": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"}.get(ch, ch)


def _pattern(node: dict) -> str:
    branches = []
    for ch, child in sorted(node.items(), key=lambda kv: kv[0]):
        if ch == _END:
            continue
        branches.append(_CHAR_CLASSES.get(ch, re.escape(ch)) + (_pattern(child) if child else ""))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        # This node ends a name; what follows is optional and tried first (greedy).
        return f"(?:{body})?"
    return body


def pick_longest(spans: Iterable[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Non-overlapping spans, leftmost first and then longest (as a reader would see the names)."""
    chosen: list[tuple[int, int, object]] = []
    last_end = -1
    for start, end, payload in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if start >= last_end:
            chosen.append((start, end, payload))
            last_end = end
    return chosen
