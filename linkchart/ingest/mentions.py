"""Where known entities are named in a text: for the reader's highlighting and for suggestions.

Whole words, case-insensitive, longest name first ("Kataib Hezbollah" wins over
"Hezbollah"). Short all-capital names (acronyms such as "US", "UN") match in
capitals only, so "us" and "un" in running text are not taken for them. All
names go into one trie-shaped regex, so a case with thousands of names is
scanned in one pass; build a :class:`MentionFinder` once and reuse it across
articles when the names do not change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from linkchart.ingest.trie import compile_names, name_key, pick_longest

if TYPE_CHECKING:
    from linkchart.model import Case

MIN_NAME_LENGTH = 2
_ACRONYM_MAX = 5


class MentionFinder:
    """Finds the names of many entities in texts; built once from ``{entity id: names}``."""

    def __init__(self, names_by_entity: Mapping[str, Iterable[str]]) -> None:
        folded: dict[str, str] = {}
        exact: dict[str, str] = {}
        for entity_id, names in names_by_entity.items():
            for name in names:
                name = " ".join((name or "").split())
                if len(name) < MIN_NAME_LENGTH:
                    continue
                if _is_acronym(name):
                    exact.setdefault(name_key(name), entity_id)
                else:
                    # The first entity to claim a name keeps it: one name, one card.
                    folded.setdefault(name_key(name, fold_case=True), entity_id)
        self._folded = folded
        self._exact = exact
        self._folded_re = compile_names(folded, fold_case=True) if folded else None
        self._exact_re = compile_names(exact) if exact else None

    @property
    def empty(self) -> bool:
        return not (self._folded or self._exact)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, entity_id)`` for every mention, in text order, never overlapping."""
        spans: list[tuple[int, int, object]] = []
        if self._folded_re is not None:
            for m in self._folded_re.finditer(text):
                entity_id = self._folded.get(name_key(m.group(), fold_case=True))
                if entity_id is not None:
                    spans.append((m.start(), m.end(), entity_id))
        if self._exact_re is not None:
            for m in self._exact_re.finditer(text):
                entity_id = self._exact.get(name_key(m.group()))
                if entity_id is not None:
                    spans.append((m.start(), m.end(), entity_id))
        return [(s, e, str(eid)) for s, e, eid in pick_longest(spans)]


def find_mentions(text: str, names_by_entity: Mapping[str, Iterable[str]] | MentionFinder) -> list[tuple[int, int, str]]:
    """``(start, end, entity_id)`` for each whole-word, case-insensitive mention of a known name."""
    finder = names_by_entity if isinstance(names_by_entity, MentionFinder) else MentionFinder(names_by_entity)
    return finder.find(text)


def names_by_entity(case: Case) -> dict[str, list[str]]:
    """``{entity id: [label, *aliases]}`` for every entity of a case."""
    return {eid: entity.names for eid, entity in case.entities.items()}


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= _ACRONYM_MAX and letters.isupper() and letters.isalnum()
