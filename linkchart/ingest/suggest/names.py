"""Name candidates in a text: gazetteer names, known entities, and capitalised runs cut into names.

A *run* is a stretch of capitalised words joined by spaces or by "of", "for",
"and" ("National Council of Resistance of Iran", "U.S. Defense Secretary Mark
Esper"). Each run is cut at the names the gazetteer or the case already knows,
at role titles ("Defense Secretary", "Brigadier General"), at possessives and at
connectors that join two names rather than build one, and each piece gets a
guessed kind: organization by its cue word, person by a given name or a role
before it, acronym, or an unexplained capitalised word to be judged later with
the whole text in view (see :mod:`.entities`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from linkchart.ingest.suggest.data import EntityRules, entity_rules
from linkchart.ingest.trie import name_key

# Name particles: joined by a hyphen ("al-Falih") or, for those that are never English words, a space ("bin Salman").
_HYPHEN_PARTICLES = r"(?:al|el|ul|as|ash|an|ad|at|ar|az|abu|bin|ibn|bint|van|von|de|da|di|du|del|la|le)"
_SPACE_PARTICLES = r"(?:bin|ibn|bint|abu|van|von|der|de|da|di|du|del|dos|das)"
_SP = "[ \u00a0\u2009\u202f]"  # a space within a line, non-breaking ones included
_TOKEN = (
    r"(?:[A-Z]\.){2,}"
    rf"|(?:{_HYPHEN_PARTICLES}[-‐]|{_SPACE_PARTICLES}{_SP})?[A-Z][\w'’]*(?:[-‐](?:[A-Z0-9][\w'’]*|[a-z]{{1,3}}(?=[-‐][A-Z])))*"
)
_CONNECTOR = rf"(?:of{_SP}the|of|for{_SP}the|for|and|&)"
_RUN = re.compile(rf"(?<![\w'’-])(?:{_TOKEN})(?:(?:{_SP}{_CONNECTOR})?{_SP}(?:{_TOKEN}))*")
_TOKEN_RE = re.compile(_TOKEN)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
_POSSESSIVE = re.compile(r"['’]s?$")
_PLACE_HEADS = frozenset(
    "Gulf Bay Strait Sea Isle Isles Republic Kingdom Province City Governorate Emirate Straits Port Cape".split()
)
_PLACE_BEFORE = re.compile(r"\b(?:in|near|across|outside|inside|around|throughout)\s+$")
_POSSESSIVE_NAME_WORDS = frozenset("People Women Men Children Workers Veterans Martyrs Citizens Farmers Students Mothers".split())


@dataclass
class Candidate:
    """One mention found in the text, before mentions are merged into entities."""

    start: int
    end: int
    text: str
    kind: str  # known, gazetteer, org, person, acronym, single, other
    type: str
    key: str = ""  # known entity id or gazetteer name
    sentence_initial: bool = False
    person_cue: bool = False
    place_cue: bool = False  # right after "in", "near", ...: a lone unknown word there is a place


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    sep: str = ""  # the connector before this token ("", "of", "of the", "and", ...)


def find_candidates(
    text: str,
    sentence_starts: set[int],
    headline_ranges: list[tuple[int, int]],
    fixed: list[Candidate],
    rules: EntityRules,
) -> list[Candidate]:
    """Candidates for the whole text; *fixed* are known-entity and gazetteer spans found already."""
    fixed_by_start = sorted(fixed, key=lambda c: c.start)
    headline_starts = [s for s, _ in headline_ranges]
    dropped: set[int] = set()
    out: list[Candidate] = []
    fi = 0
    for run in _RUN.finditer(text):
        h = bisect_right(headline_starts, run.start()) - 1
        if h >= 0 and run.start() < headline_ranges[h][1]:
            continue
        while fi < len(fixed_by_start) and fixed_by_start[fi].end <= run.start():
            fi += 1
        inside = []
        j = fi
        while j < len(fixed_by_start) and fixed_by_start[j].start < run.end():
            if fixed_by_start[j].end <= run.end():
                inside.append(fixed_by_start[j])
            j += 1
        out.extend(_cut_run(text, run.start(), run.end(), inside, dropped, sentence_starts, rules))
    out.extend(c for c in fixed if id(c) not in dropped)
    return sorted(out, key=lambda c: c.start)


def _cut_run(
    text: str,
    run_start: int,
    run_end: int,
    fixed: list[Candidate],
    dropped: set[int],
    sentence_starts: set[int],
    rules: EntityRules,
) -> list[Candidate]:
    tokens = _tokens(text, run_start, run_end)
    kept: list[Candidate] = []
    for c in fixed:
        if c.kind == "known" or _starts_a_name(text, run_start, c.start, kept, rules):
            kept.append(c)
        else:
            dropped.add(id(c))  # "Security Service" inside "Diplomatic Security Service" is not MI5
    # Tokens not covered by a kept fixed name form segments between those names; a connector
    # before a segment's first token joined it to the fixed name, so it is dropped.
    segments: list[list[_Tok]] = [[]]
    for tok in tokens:
        if any(c.start < tok.end and tok.start < c.end for c in kept):
            segments.append([])
            continue
        segments[-1].append(tok if segments[-1] else _Tok(tok.start, tok.end, tok.text, ""))
    out: list[Candidate] = []
    for seg in segments:
        if not seg:
            continue
        for toks, role_before in _split_segment(_absorb_place(text, seg, kept, dropped, rules), rules):
            cand = _classify(text, toks, role_before, sentence_starts, rules)
            if cand is not None:
                out.append(cand)
    return out  # the kept fixed names are added by the caller, once


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = start
    for m in _TOKEN_RE.finditer(text, start, end):
        between = " ".join(text[prev_end : m.start()].split())
        toks.append(_Tok(m.start(), m.end(), m.group(), between))
        prev_end = m.end()
    return toks


def _starts_a_name(text: str, run_start: int, pos: int, kept: list[Candidate], rules: EntityRules) -> bool:
    """True if a fixed name at *pos* begins a name of its own within its run."""
    if pos == run_start:
        return True
    if kept and kept[-1].end <= pos and not text[kept[-1].end : pos].strip(" -‐’'s"):
        return True
    before = text[run_start:pos]
    if re.search(rf"(?:\s{_CONNECTOR}\s|['’]s?\s|[-‐])$", before):
        return True
    # Only sentence-opening words before it: "The British Foreign Office", "Earlier Iran".
    return all(w in ("The", "A", "An") or w in rules.stopwords for w in before.split())


def _absorb_place(text: str, seg: list[_Tok], kept: list[Candidate], dropped: set[int], rules: EntityRules) -> list[_Tok]:
    """Let "Organization of" take the country that follows: "National Council of Resistance of Iran"."""
    last = seg[-1]
    follow = next(
        (c for c in kept if c.start > last.end and " ".join(text[last.end : c.start].split()) in ("of", "of the")), None
    )
    if follow is None or follow.type not in ("country", "location"):
        return seg
    if not any(t.text in _PLACE_HEADS or t.text in rules.org_cues for t in seg):
        return seg
    kept.remove(follow)
    dropped.add(id(follow))
    return [*seg, _Tok(follow.start, follow.end, text[follow.start : follow.end], text[last.end : follow.start].strip())]


def _split_segment(seg: list[_Tok], rules: EntityRules) -> list[tuple[list[_Tok], bool]]:
    """Cut one segment into name pieces; the flag says a role title stood right before the piece."""
    pieces: list[tuple[list[_Tok], bool]] = []
    current: list[_Tok] = []
    role_before = False
    i = 0
    while i < len(seg):
        role_len = _role_at(seg, i, rules)
        if role_len:
            if current:
                pieces.append((current, role_before))
            current, role_before = [], True
            i += role_len
            continue
        tok = seg[i]
        if current and _breaks_before(current, tok, seg[i:], rules):
            pieces.append((current, role_before))
            current, role_before = [], False
            tok = _Tok(tok.start, tok.end, tok.text, "")
        current.append(tok if current else _Tok(tok.start, tok.end, tok.text, ""))
        if _POSSESSIVE.search(tok.text) and i + 1 < len(seg):
            base = _POSSESSIVE.sub("", tok.text)
            if not (len([t for t in current if t.text not in ("The", "A", "An")]) == 1 and base in _POSSESSIVE_NAME_WORDS):
                pieces.append((current, role_before))
                current, role_before = [], False
        i += 1
    if current:
        pieces.append((current, role_before))
    trimmed = [(_trim(p, rules), r) for p, r in pieces]
    return [(p, r) for p, r in trimmed if p]


def _role_at(seg: list[_Tok], i: int, rules: EntityRules) -> int:
    """Length of a role title starting at token i ("Defense Secretary", "Secretary of State"), or 0.

    A title is a run of modifiers and heads ending in a head ("Supreme Leader Ayatollah",
    "Commander Brigadier General"), optionally followed by a suffix ("of State").
    """
    j, last_head = i, -1
    while j < len(seg) and (j == i or not seg[j].sep):
        word = seg[j].text
        if word in rules.role_heads:
            last_head = j
        elif word not in rules.role_modifiers:
            break
        j += 1
    if last_head < 0:
        return 0
    j = last_head + 1
    for suffix in rules.role_suffixes:
        if _matches_suffix(seg, j, suffix):
            j += len([w for w in suffix if w not in ("of", "the")])
            break
    return j - i


def _matches_suffix(seg: list[_Tok], j: int, suffix: tuple[str, ...]) -> bool:
    words = [w for w in suffix if w not in ("of", "the")]
    connector = " ".join(w for w in suffix if w in ("of", "the"))
    if not words or j + len(words) > len(seg):
        return False
    if seg[j].sep != connector:
        return False
    return all(seg[j + k].text == w for k, w in enumerate(words))


def _breaks_before(current: list[_Tok], tok: _Tok, rest: list[_Tok], rules: EntityRules) -> bool:
    """Whether *tok* starts a new name instead of continuing *current*."""
    cues = rules.org_cues
    if tok.sep in ("and", "&"):
        # "Counter-Terrorism and Protection Commands" is one name; "Iraq and Syria" are two.
        return rest[-1].text not in cues or current[-1].text in cues
    if tok.sep.startswith(("of", "for")):
        return not any(t.text in _PLACE_HEADS or t.text in cues for t in current)
    if tok.text in rules.first_names and current[-1].text in cues:
        return True  # "... Forces Mark Smith": a given name after an organisation starts a person
    return False


def _trim(toks: list[_Tok], rules: EntityRules) -> list[_Tok]:
    """Drop leading words that only start the sentence ("The", "Earlier", "Meanwhile")."""
    while toks and (toks[0].text in ("The", "A", "An") or (len(toks) > 1 and toks[0].text in rules.stopwords)):
        toks = toks[1:]
        if toks:
            toks = [_Tok(toks[0].start, toks[0].end, toks[0].text, ""), *toks[1:]]
    return toks


def _classify(text: str, toks: list[_Tok], role_before: bool, sentence_starts: set[int], rules: EntityRules) -> Candidate | None:
    start, end = toks[0].start, toks[-1].end
    surface = text[start:end]
    stripped = _POSSESSIVE.sub("", surface) if _POSSESSIVE.search(toks[-1].text) else surface
    end = start + len(stripped)
    if not stripped or name_key(stripped) in rules.not_entities:
        return None
    if len(toks) == 1 and (stripped in rules.stopwords or stripped in rules.role_heads):
        return None
    initial = start in sentence_starts
    cue = _person_cue(text, start, end, rules) or role_before
    words = stripped.split()
    if len(toks) == 1:
        if _ACRONYM.match(stripped) and sum(ch.isupper() for ch in stripped) >= 2:
            if stripped in rules.acronym_stoplist:
                return None
            return Candidate(start, end, stripped, "acronym", "organization", sentence_initial=initial)
        place = bool(_PLACE_BEFORE.search(text, max(0, start - 12), start))
        return Candidate(start, end, stripped, "single", "other", sentence_initial=initial, person_cue=cue, place_cue=place)
    org = _org_type(toks, rules)
    if org:
        return Candidate(start, end, stripped, "org", org, sentence_initial=initial)
    if words[0] in rules.first_names or cue:
        return Candidate(start, end, stripped, "person", "person", sentence_initial=initial, person_cue=True)
    return Candidate(start, end, stripped, "other", "other", sentence_initial=initial)


def _org_type(toks: list[_Tok], rules: EntityRules) -> str:
    cues = rules.org_cues
    last = _POSSESSIVE.sub("", toks[-1].text)
    if len(toks) >= 2 and not toks[-1].sep:
        two = f"{toks[-2].text} {last}"
        if two in cues:
            return cues[two]
    if last in cues:
        return cues[last]
    for i, tok in enumerate(toks[:-1]):
        if tok.text in cues and toks[i + 1].sep.startswith(("of", "for")):
            return cues[tok.text]  # "Ministry of Intelligence", "Council of Resistance of Iran"
    return ""


def _person_cue(text: str, start: int, end: int, rules: EntityRules) -> bool:
    before = re.search(r"([A-Za-z]+)\.?,?\s+$", text[max(0, start - 40) : start])
    if before and before.group(1).lower() in rules.person_cues:
        return True
    after = re.match(r"\s*,?\s*([a-z]+)", text[end : end + 30])
    return bool(after and after.group(1) in rules.speech_verbs)


def headline_ranges(text: str) -> list[tuple[int, int]]:
    """Lines written in Title Case, where capitals say nothing about names."""
    ranges = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
        if len(words) >= 4 and not line.rstrip().endswith((".", "?", "!", '"', "”")):
            caps = sum(w[0].isupper() for w in words)
            if caps >= 0.7 * len(words):
                ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def name_type(name: str) -> str:
    """The type a name's own words suggest: org cue word, given name, acronym; else "other"."""
    rules = entity_rules()
    toks = _tokens(name, 0, len(name))
    if not toks or name_key(name) in rules.not_entities:
        return "other"
    if len(toks) == 1:
        word = toks[0].text
        if _ACRONYM.match(word) and sum(ch.isupper() for ch in word) >= 2:
            return "organization"
        return "person" if word in rules.first_names else "other"
    org = _org_type(toks, rules)
    if org:
        return org
    return "person" if toks[0].text in rules.first_names or toks[0].text in rules.role_heads else "other"
