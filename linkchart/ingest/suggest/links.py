"""Suggested links from the article's own wording, one sentence at a time.

Each sentence is rewritten with its names replaced by numbered slots
("⟦3⟧-sponsored ⟦4⟧ rebels in ⟦5⟧"), and the patterns of
``resources/ingest/link_rules.json`` run over that; a slot a pattern captures
as ``source`` or ``target`` is the name there. The quote is the whole sentence,
so a citation made from the suggestion shows the claim in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from linkchart.resources import load_json_resource

_SLOT = "⟦{}⟧"
_SLOT_RE = re.compile(r"⟦(\d+)⟧")
_PRONOUN = re.compile(r"[\"“]?(He|She)\s")
_WORD = re.compile(r"[a-z]+")
# A name used as a prefix describes the noun after it: "Iran-backed factions", "Iran backed factions".
_NOT_PREFIX = (
    r"(?![-‐]\w)(?!\s+(?:backed|sponsored|supported|funded|allied|affiliated|linked|aligned|led|based|trained)\s+(?!by\b)[a-z])"
)
_PLACEHOLDERS = {
    "{source}": rf"⟦(?P<source>\d+)⟧{_NOT_PREFIX}",
    "{target}": rf"⟦(?P<target>\d+)⟧{_NOT_PREFIX}",
    "{source_mod}": r"⟦(?P<source>\d+)⟧",
    "{target_mod}": r"⟦(?P<target>\d+)⟧",
    "{its}": r"\b(?P<its>its)\b",
    "{the}": r"(?:(?:the|a|an)\s+)?",
    "{pos}": r"(?:['’]s|['’])",
    "{w}": r"[^\s⟦⟧]+",
    "{words}": r"(?:(?:[^\s⟦⟧]+|⟦\d+⟧[-‐]\w+)\s+){0,5}?",
    # Words between "attack on" and its target; "in" starts a place, not the target ("militias in Iraq").
    "{objwords}": r"(?:(?:(?!(?:in|at|near|inside|outside|across|during|since|while|when)\b)[^\s⟦⟧,;]+|⟦\d+⟧[-‐]\w+)\s+){0,5}?",
    "{mods}": (
        r"(?:(?:(?!(?:in|on|at|to|of|against|from|with|by|for|and|or|that|which|who|whom|were|was|are|is|be|been|"
        r"have|has|had|the|between|as|said|says)\b)[^\s⟦⟧,;:.]+|⟦\d+⟧[-‐]\w+)\s+){0,3}?"
    ),
    "{titles}": r"(?:(?-i:[A-Z][\w.’'-]*)\s+){0,3}?",
    # Between a subject and its verb a name may stand only after a preposition or as a prefix,
    # and reported speech ("X said ...") ends the subject's reach.
    "{gap}": (
        r"(?:\s+(?:(?:in|of|from|at|on|near|for|with|to|by|and|or|inside|outside|across|against)\s+(?:the\s+)?⟦\d+⟧"
        r"(?:['’]s)?|⟦\d+⟧[-‐]\w+|(?!(?:said|says|told|tells|added|according|stopping|preventing)\b)[^\s⟦⟧,;:]+)){0,10}?"
    ),
}
# A capital standing for its country when it acts ("Tehran-backed" means Iran backed it): which end acts, per type.
# An attack *on* a capital stays on the city.
ACTING_END = {
    "backed_by": "target", "trained_by": "target", "funds": "source", "attacked": "source", "plotted_against": "source",
    "threatened": "source", "arrested": "source", "allied_with": "both", "associated_with": "both", "mediates_between": "both",
}  # fmt: skip


@dataclass(frozen=True)
class LinkRule:
    id: str
    type: str
    regex: re.Pattern[str]
    source_types: frozenset[str]
    target_types: frozenset[str]
    type_map: tuple[tuple[str, str], ...] = ()
    multi_target: bool = False
    its: str = ""  # "source" or "target": which end the word "its" stands for
    cues: frozenset[str] = frozenset()  # the rule runs only on sentences holding one of these words

    def link_type(self, source_type: str, target_type: str) -> str:
        return dict(self.type_map).get(f"{source_type}/{target_type}", self.type)


@dataclass
class SuggestedLink:
    """A relation the text states: source and target are entity keys of the same Suggestions."""

    source: str
    type: str
    target: str
    start: int
    end: int
    quote: str
    rule: str = ""


def compile_rule_pattern(pattern: str) -> re.Pattern[str]:
    """Turn a rule's pattern (spaces, slots) into a case-insensitive regex."""
    source = pattern.replace(" ", r"\s+")
    for name, expansion in _PLACEHOLDERS.items():
        source = source.replace(name, expansion)
    return re.compile(source, re.IGNORECASE)


@cache
def link_rules() -> tuple[LinkRule, ...]:
    data = load_json_resource("ingest", "link_rules.json")
    groups = {k: frozenset(v) for k, v in data["type_groups"].items()}

    def types(value: str | list[str]) -> frozenset[str]:
        return groups[value] if isinstance(value, str) else frozenset(value)

    return tuple(
        LinkRule(
            id=r["id"],
            type=r["type"],
            regex=compile_rule_pattern(r["pattern"]),
            source_types=types(r["source_types"]),
            target_types=types(r["target_types"]),
            type_map=tuple(sorted(r.get("type_map", {}).items())),
            multi_target=bool(r.get("multi_target", False)),
            its=r.get("its", ""),
            cues=frozenset(r.get("cues", ())),
        )
        for r in data["rules"]
    )


def find_links(
    text: str,
    sentences: list[tuple[int, int]],
    mentions: list[tuple[int, int, str]],
    entity_types: dict[str, str],
    stand_ins: dict[str, str] | None = None,
) -> list[SuggestedLink]:
    """Links stated in *text*.

    *stand_ins* maps a capital's key to its country's key ("" when the text never
    names the country: the capital then acts as the country itself).
    """
    stand_ins = stand_ins or {}
    rules = link_rules()
    links: list[SuggestedLink] = []
    mi = 0
    recent: list[str] = []  # entity keys of the last sentences, for "its" and "he"
    for s, e in sentences:
        while mi < len(mentions) and mentions[mi][0] < s:
            mi += 1
        local = []
        while mi < len(mentions) and mentions[mi][1] <= e:
            local.append(mentions[mi])
            mi += 1
        pronoun = _PRONOUN.match(text, s, e)
        person = next((k for k in reversed(recent) if entity_types.get(k) == "person"), "")
        if pronoun and person:
            # A sentence opening with "He"/"She" is about the person the text just named.
            local.insert(0, (pronoun.start(1), pronoun.end(1), person))
        if local:
            masked = _mask(text, s, e, local)
            keys = [k for _, _, k in local]
            links += _apply(rules, masked, keys, recent, entity_types, stand_ins, s, e, text[s:e])
            recent = (recent + keys)[-12:]
    return links


def _mask(text: str, s: int, e: int, local: list[tuple[int, int, str]]) -> str:
    parts = []
    pos = s
    for i, (ms, me, _) in enumerate(local):
        parts.append(_plain(text[pos:ms]))
        parts.append(_SLOT.format(i))
        pos = me
    parts.append(_plain(text[pos:e]))
    return "".join(parts)


def _plain(chunk: str) -> str:
    # The article's own brackets must never read as a slot.
    return chunk.replace("⟦", "[").replace("⟧", "]")


def _apply(
    rules: tuple[LinkRule, ...],
    masked: str,
    keys: list[str],
    recent: list[str],
    entity_types: dict[str, str],
    stand_ins: dict[str, str],
    start: int,
    end: int,
    quote: str,
) -> list[SuggestedLink]:
    found: list[SuggestedLink] = []
    seen: set[tuple[str, str]] = set()
    words = set(_WORD.findall(masked.lower()))
    for rule in rules:
        if (len(keys) < 2 and not rule.its) or (rule.cues and rule.cues.isdisjoint(words)):
            continue
        for m in rule.regex.finditer(masked):
            acting = ACTING_END.get(rule.type, "")
            for src, tgt in _ends(rule, m, masked, keys, recent, entity_types):
                src, st = _end(src, acting in ("source", "both"), stand_ins, entity_types)
                tgt, tt = _end(tgt, acting in ("target", "both"), stand_ins, entity_types)
                if src == tgt or (src, tgt) in seen:
                    continue
                if st not in rule.source_types or tt not in rule.target_types:
                    continue
                seen.add((src, tgt))
                found.append(SuggestedLink(src, rule.link_type(st, tt), tgt, start, end, quote, rule.id))
    return found


def _end(key: str, acts: bool, stand_ins: dict[str, str], entity_types: dict[str, str]) -> tuple[str, str]:
    """An end's key and type; a capital that acts stands for its country (or acts as one)."""
    if acts and key in stand_ins:
        country = stand_ins[key]
        return (country, entity_types.get(country, "country")) if country else (key, "country")
    return key, entity_types.get(key, "other")


def _ends(
    rule: LinkRule, m: re.Match[str], masked: str, keys: list[str], recent: list[str], entity_types: dict[str, str]
) -> list[tuple[str, str]]:
    groups = m.groupdict()
    src = keys[int(groups["source"])] if groups.get("source") else ""
    tgt = keys[int(groups["target"])] if groups.get("target") else ""
    if rule.its:
        before = [keys[int(i)] for i in _SLOT_RE.findall(masked[: m.start()])]
        wanted = rule.target_types if rule.its == "target" else rule.source_types
        antecedent = next((k for k in reversed(recent + before) if entity_types.get(k) in wanted), "")
        if not antecedent:
            return []
        src, tgt = (antecedent, tgt) if rule.its == "source" else (src, antecedent)
    if rule.multi_target:
        clause = masked[m.end() :].split(";", 1)[0]
        return [(src, keys[int(i)]) for i in _SLOT_RE.findall(clause)]
    return [(src, tgt)] if src and tgt else []
