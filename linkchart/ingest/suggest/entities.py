"""Merge name candidates into suggested entities, then find every mention of each.

Merging follows the text: a surname alone ("Esper") joins the full name it
abbreviates ("Mark Esper"); an acronym joins the name the text defines it for
("People's Mojahedin Organization of Iran (PMOI/MEK)") or whose initials it is
("IRGC"); gazetteer aliases and demonyms join their entry ("Iranian" -> Iran);
names the case already knows keep their entity id. Lone capitalised words are
kept only with evidence: a role or speech verb beside them, or repetition
mid-sentence. A last pass finds every occurrence of every accepted form, so
counts and spans are complete (headlines included).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkchart.ingest.mentions import MentionFinder, names_by_entity
from linkchart.ingest.suggest.data import EntityRules, Gazetteer, entity_rules, gazetteer
from linkchart.ingest.suggest.names import Candidate, find_candidates, headline_ranges
from linkchart.ingest.suggest.sentences import sentence_spans
from linkchart.ingest.trie import name_key, pick_longest

if TYPE_CHECKING:
    from linkchart.model import Case

_DEFINITION = re.compile(r"\(\s*([A-Z][A-Za-z0-9&.-]{1,9}(?:\s*/\s*[A-Z][A-Za-z0-9&.-]{1,9})*)\s*\)")
_KIND_RANK = {"known": 0, "gazetteer": 1, "org": 2, "person": 3, "acronym": 4, "other": 5, "single": 6}


@dataclass
class SuggestedEntity:
    """A name the text uses, with its guessed type and every place it occurs.

    ``key`` identifies it within one :class:`Suggestions` (links refer to it);
    ``entity_id`` is set when it is an entity the case already has.
    """

    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    entity_id: str = ""
    aliases: list[str] = field(default_factory=list)
    origin: str = "text"  # "case", "gazetteer" or "text"

    @property
    def count(self) -> int:
        return len(self.mentions)


@dataclass
class KnownEntities:
    """A case's entities as the suggester needs them: one compiled finder plus labels and types.

    Build once per case state and reuse across articles (compiling thousands of
    names takes a moment).
    """

    finder: MentionFinder
    labels: dict[str, str]
    types: dict[str, str]

    @classmethod
    def from_case(cls, case: Case) -> KnownEntities:
        return cls(
            MentionFinder(names_by_entity(case)),
            {eid: e.label for eid, e in case.entities.items()},
            {eid: e.type for eid, e in case.entities.items()},
        )

    @classmethod
    def from_names(cls, entries: Mapping[str, Iterable[str]] | Iterable[tuple]) -> KnownEntities:
        """From ``{id: names}`` or ``[(id, names)]`` / ``[(id, names, type)]``."""
        items = list(entries.items()) if isinstance(entries, Mapping) else [tuple(e) for e in entries]
        names = {str(item[0]): [n for n in item[1] if n] for item in items}
        types = {str(item[0]): (item[2] if len(item) > 2 else "other") for item in items}
        labels = {eid: (ns[0] if ns else eid) for eid, ns in names.items()}
        return cls(MentionFinder(names), labels, types)


@dataclass
class _Group:
    kind: str
    type: str
    key: str  # known id or gazetteer name, when it has one
    cands: list[Candidate] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        return [c.text for c in self.cands]


def build_entities(
    text: str, known: KnownEntities | None = None
) -> tuple[list[SuggestedEntity], list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Suggested entities, all mentions as ``(start, end, entity key)``, and the sentence spans."""
    gaz, rules = gazetteer(), entity_rules()
    sentences = sentence_spans(text)
    starts = _sentence_starts(text, sentences)
    fixed = _fixed_candidates(text, gaz, known)
    cands = find_candidates(text, starts, headline_ranges(text), fixed, rules)
    groups = _group(cands, gaz, known)
    _merge_acronyms(text, cands, groups)
    _merge_surnames(groups)
    kept = _keep(text, groups, rules)
    entities, mentions = _final_mentions(text, kept, fixed, known)
    return entities, mentions, sentences


def _sentence_starts(text: str, sentences: list[tuple[int, int]]) -> set[int]:
    starts = set()
    for s, e in sentences:
        m = re.search(r"\w", text[s:e])
        if m:
            starts.add(s + m.start())
    return starts


def _fixed_candidates(text: str, gaz: Gazetteer, known: KnownEntities | None) -> list[Candidate]:
    fixed: list[Candidate] = []
    taken: list[tuple[int, int, object]] = []
    if known is not None:
        for s, e, eid in known.finder.find(text):
            fixed.append(Candidate(s, e, text[s:e], "known", known.types.get(eid, "other"), key=eid))
            taken.append((s, e, None))
    spans = [(m.start(), m.end(), gaz.lookup(m.group())) for m in gaz.pattern.finditer(text)]
    for s, e, entry in spans:
        if entry is None or any(s < te and ts < e for ts, te, _ in taken):
            continue
        fixed.append(Candidate(s, e, text[s:e], "gazetteer", entry.type, key=entry.name))
    return fixed


def _group(cands: list[Candidate], gaz: Gazetteer, known: KnownEntities | None) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for c in cands:
        if c.kind == "known":
            gkey = f"id:{c.key}"
        elif c.kind == "gazetteer":
            gkey = _known_key_for(c.key, known) or f"gaz:{c.key}"
        else:
            gkey = f"{c.kind if c.kind in ('acronym', 'single') else 'name'}:{name_key(c.text, fold_case=True)}"
        group = groups.get(gkey)
        if group is None:
            kind = "known" if gkey.startswith("id:") else c.kind
            group = groups[gkey] = _Group(kind, c.type, gkey[3:] if gkey.startswith("id:") else c.key)
        elif _KIND_RANK.get(c.kind, 9) < _KIND_RANK.get(group.kind, 9):
            group.kind, group.type = c.kind, c.type
        group.cands.append(c)
    return groups


def _known_key_for(name: str, known: KnownEntities | None) -> str:
    """The case entity a gazetteer name stands for ("Iran" in the case takes "Iranian" too)."""
    if known is None:
        return ""
    hits = known.finder.find(name)
    return f"id:{hits[0][2]}" if len(hits) == 1 and hits[0][:2] == (0, len(name)) else ""


def _merge_into(groups: dict[str, _Group], src: str, dst: str) -> None:
    if src == dst or src not in groups or dst not in groups:
        return
    groups[dst].cands.extend(groups.pop(src).cands)


def _merge_acronyms(text: str, cands: list[Candidate], groups: dict[str, _Group]) -> None:
    by_end = {c.end: c for c in cands}
    key_of = {id(c): k for k, g in groups.items() for c in g.cands}
    for m in _DEFINITION.finditer(text):
        before = text[: m.start()].rstrip()
        long_form = by_end.get(len(before))
        if long_form is None or long_form.kind in ("acronym", "single"):
            continue
        for acronym in re.split(r"\s*/\s*", m.group(1)):
            _merge_into(groups, f"acronym:{name_key(acronym, fold_case=True)}", key_of[id(long_form)])
    initials: dict[str, str] = {}
    for key, g in groups.items():
        if g.kind in ("org", "other", "gazetteer", "known"):
            for form in g.forms:
                words = [w for w in re.split(r"[\s]+", form) if w[:1].isupper()]
                if len(words) >= 2:
                    initials.setdefault("".join(w[0] for w in words), key)
    for key in [k for k in groups if k.startswith("acronym:")]:
        acronym = groups[key].forms[0].rstrip("s")
        if acronym in initials:
            _merge_into(groups, key, initials[acronym])


def _merge_surnames(groups: dict[str, _Group]) -> None:
    people = [k for k, g in groups.items() if g.type == "person" and g.kind in ("person", "known")]
    for key in [k for k in groups if k.startswith("single:")]:
        word = groups[key].forms[0]
        owners = [k for k in people if k in groups and any(word in form.split()[1:] for form in groups[k].forms)]
        if not owners:
            continue
        # The nearest full name before the surname is the one it abbreviates.
        _merge_into(groups, key, max(owners, key=lambda k, first=groups[key].cands[0].start: _last_before(groups[k], first)))


def _last_before(group: _Group, pos: int) -> int:
    return max((c.start for c in group.cands if c.start < pos), default=-1)


def _keep(text: str, groups: dict[str, _Group], rules: EntityRules) -> dict[str, _Group]:
    lower_words = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    kept: dict[str, _Group] = {}
    for key, g in groups.items():
        if g.kind == "single":
            word = g.forms[0]
            if word in rules.stopwords or word.lower() in lower_words:
                continue
            if any(c.person_cue for c in g.cands):
                g.type = "person"
            elif any(c.place_cue and not c.sentence_initial for c in g.cands):
                g.type = "location"
            elif len(g.cands) < 2 or all(c.sentence_initial for c in g.cands):
                continue
        elif g.kind == "acronym" and not _acronym_evidence(text, g, rules):
            continue
        kept[key] = g
    return kept


def _acronym_evidence(text: str, g: _Group, rules: EntityRules) -> bool:
    if len(g.cands) >= 2:
        return True
    for c in g.cands:
        after = re.match(r"\s+([a-z]+)", text[c.end : c.end + 30])
        if after and after.group(1) in rules.acronym_cues:
            return True
        if re.search(r"\bthe\s+$", text[max(0, c.start - 5) : c.start]):
            return True
    return False


def _final_mentions(
    text: str, groups: dict[str, _Group], fixed: list[Candidate], known: KnownEntities | None
) -> tuple[list[SuggestedEntity], list[tuple[int, int, str]]]:
    """Every occurrence of every kept entity: gazetteer and case names as first found, other names by their forms."""
    key_of = {id(c): k for k, g in groups.items() for c in g.cands}
    gaz_key = {g.key: k for k, g in groups.items() if g.kind == "gazetteer"}
    spans: list[tuple[int, int, object]] = []
    for c in fixed:
        key = key_of.get(id(c)) or (gaz_key.get(c.key) if c.kind == "gazetteer" else f"id:{c.key}")
        if key in groups:
            spans.append((c.start, c.end, key))
    forms = {c.text: k for k, g in groups.items() if g.kind not in ("gazetteer", "known") for c in g.cands}
    for form, key in forms.items():
        spans += [(s, e, key) for s, e in _occurrences(text, form)]
    mentions = [(s, e, str(k)) for s, e, k in pick_longest(spans)]
    by_key: dict[str, list[tuple[int, int]]] = {}
    for s, e, k in mentions:
        by_key.setdefault(k, []).append((s, e))
    entities = []
    for key, g in groups.items():
        if key not in by_key:
            continue
        name = _display_name(g, known)
        surfaces = list(dict.fromkeys(" ".join(text[s:e].split()) for s, e in by_key[key]))
        entities.append(
            SuggestedEntity(
                key=key,
                name=name,
                type=g.type,
                mentions=by_key[key],
                entity_id=g.key if g.kind == "known" else "",
                aliases=[a for a in surfaces if a != name],
                origin={"known": "case", "gazetteer": "gazetteer"}.get(g.kind, "text"),
            )
        )
    entities.sort(key=lambda e: e.mentions[0][0])
    return entities, mentions


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of *form* (an exact surface taken from this text)."""
    out = []
    pos = text.find(form)
    while pos >= 0:
        end = pos + len(form)
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (end == len(text) or not _is_word_char(text[end])):
            out.append((pos, end))
        pos = text.find(form, pos + 1)
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _display_name(g: _Group, known: KnownEntities | None) -> str:
    if g.kind == "known" and known is not None:
        return known.labels.get(g.key, g.key)
    if g.kind == "gazetteer":
        return g.key
    forms = [" ".join(f.split()) for f in g.forms]
    full = [f for f in forms if " " in f or "-" in f] or forms
    return max(full, key=lambda f: (len(f.split()), len(f)))
