"""Find possible duplicate cards: pairs whose names or aliases look like one name.

Each card's names (label and aliases) are normalised (:mod:`.names`); only cards
sharing a word outline or an acronym are compared at all (blocking), so a big
case costs about as much as its names, not their square. A pair scores its best
name pair:

* 1.0 for the same name once accents, apostrophes, articles and known
  transliterations are folded ("Kata'ib Hizballah" / "Kataib Hezbollah"),
  which includes a shared alias ("IRGC" as an alias of one and label of the other);
* 0.9 (0.85 for two letters) for an acronym against the words it stands for;
* otherwise the spelling similarity (rapidfuzz token sort ratio), averaged with
  the similarity of the consonant outlines when those are long enough to mean
  something ("Jaish"/"Jaysh");
* 0.82 when one name is the other's surname, for two people ("Nasrallah" /
  "Hassan Nasrallah"); 0.7 for other contained names (often a different group);
* at most 0.5 when the names carry different numbers ("Brigade 5" / "Brigade 15").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz

from linkchart.analysis.names import acronym, initials, plain, skeleton, token_skeleton, tokens
from linkchart.model import Case


@dataclass(frozen=True)
class DuplicateCandidate:
    """Two cards that may be one. ``name_a``/``name_b`` are the names that matched best, ``reason`` says how."""

    a: str
    b: str
    score: float
    name_a: str
    name_b: str
    reason: str


@dataclass
class _Name:
    raw: str
    norm: str
    skel: str
    words: frozenset[str]
    short: str  # the name as an acronym, or ""
    spelt: str  # its initials
    numbers: frozenset[str]


def find_duplicates(
    case: Case,
    *,
    threshold: float = 0.8,
    same_type: bool = False,
    ids: Iterable[str] | None = None,
    max_block: int = 300,
) -> list[DuplicateCandidate]:
    """Pairs scoring at least ``threshold``, best first.

    ``same_type`` compares only cards of one entity type. ``ids`` limits the
    search to some cards. Words shared by more than ``max_block`` cards (such
    as "brigade") are too common to pair cards on by themselves.
    """
    wanted = list(case.entities) if ids is None else [i for i in dict.fromkeys(ids) if i in case.entities]
    names = {eid: _names(case.entities[eid].names) for eid in wanted}
    order = {eid: i for i, eid in enumerate(wanted)}
    blocks: dict[str, list[str]] = {}
    shorts: dict[str, set[str]] = {}
    spelt: dict[str, set[str]] = {}
    for eid, ns in names.items():
        keys = set()
        for n in ns:
            keys.update(f"w:{token_skeleton(w)}" for w in n.words if len(w) >= 3 and not w.isdigit())
            keys.add(f"n:{n.norm}")
            if n.short:
                shorts.setdefault(n.short, set()).add(eid)
            if len(n.words) >= 2 and len(n.spelt) >= 2:
                spelt.setdefault(n.spelt, set()).add(eid)
        for key in keys:
            blocks.setdefault(key, []).append(eid)
    pairs: set[tuple[str, str]] = set()
    for key, members in blocks.items():
        if len(members) < 2 or (len(members) > max_block and not key.startswith("n:")):
            continue
        pairs.update(combinations(members, 2))
    # An acronym is paired with the names it could stand for, not those with each other.
    for short, members in shorts.items():
        longs = spelt.get(short, set())
        if len(longs) <= max_block:
            pairs.update((a, b) if order[a] < order[b] else (b, a) for a in members for b in longs if a != b)
    out = []
    for a, b in pairs:
        ea, eb = case.entities[a], case.entities[b]
        if same_type and ea.type != eb.type:
            continue
        both_people = ea.type == eb.type == "person"
        score, na, nb, why = max((_score(x, y, both_people) for x in names[a] for y in names[b]), key=lambda s: s[0])
        if score >= threshold:
            out.append(DuplicateCandidate(a, b, round(score, 4), na, nb, why))
    out.sort(key=lambda d: (-d.score, order[d.a], order[d.b]))
    return out


def name_similarity(a: str, b: str) -> float:
    """Score two single names as :func:`find_duplicates` would (0..1)."""
    return _score(_names([a])[0], _names([b])[0], False)[0]


def _names(raw: list[str]) -> list[_Name]:
    out = []
    for r in raw:
        if not r.strip():
            continue
        words = tokens(r)
        out.append(
            _Name(
                r,
                " ".join(words),
                skeleton(r),
                frozenset(words),
                acronym(r),
                initials(r),
                frozenset(w for w in words if w.isdigit()),
            )
        )
    return out


def _score(x: _Name, y: _Name, both_people: bool) -> tuple[float, str, str, str]:
    if x.numbers != y.numbers:
        # "Brigade 5" and "Brigade 15" read alike and are different units.
        return min(0.5, fuzz.token_sort_ratio(x.norm, y.norm) / 100), x.raw, y.raw, "different numbers"
    if x.norm and x.norm == y.norm:
        if plain(x.raw).strip() == plain(y.raw).strip():
            return 1.0, x.raw, y.raw, "same name"
        return 1.0, x.raw, y.raw, "same name in another spelling"
    for short, long in ((x, y), (y, x)):
        if short.short and len(long.words) >= 2 and short.short == long.spelt:
            value = 0.9 if len(short.short) > 2 else 0.85
            return value, x.raw, y.raw, f"acronym: {short.raw} = {long.raw}"
    # Word breaks vary too ("Hizb Allah" / "Hezbollah"): also compare the names run together.
    text = max(fuzz.token_sort_ratio(x.norm, y.norm), fuzz.ratio(x.norm.replace(" ", ""), y.norm.replace(" ", ""))) / 100
    score, why = text, f"similar spelling ({round(text * 100)}%)"
    outline = min(len(x.skel.replace(" ", "")), len(y.skel.replace(" ", "")))
    if outline >= 4:
        sounds = max(fuzz.token_sort_ratio(x.skel, y.skel), fuzz.ratio(x.skel.replace(" ", ""), y.skel.replace(" ", ""))) / 100
        mixed = (text + sounds) / 2
        if mixed > score:
            score, why = mixed, f"similar spelling and sound ({round(mixed * 100)}%)"
    small, big = (x, y) if len(x.words) <= len(y.words) else (y, x)
    if small.words and small.words < big.words:
        contained = 0.82 if both_people else 0.7
        if contained > score:
            score, why = contained, f"{small.raw} is part of {big.raw}"
    return score, x.raw, y.raw, why
