"""Case <-> plain JSON data, with validation of everything read.

Used by the ``.lcase`` file and by the JSON interchange format. Reading checks
types, sizes, ids, references and offsets and raises :class:`CaseFileError`
with a message that names the offending item; it never trusts the input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from linkchart.io.errors import CaseFileError
from linkchart.model import (
    CREDIBILITY_CODES,
    DIRECTIONS,
    RELIABILITY_CODES,
    STRENGTHS,
    Article,
    Case,
    Citation,
    Entity,
    EntityType,
    Group,
    Link,
    LinkType,
    is_id,
)
from linkchart.model.bulk import gc_paused
from linkchart.model.case import METADATA_FIELDS
from linkchart.model.progress import ProgressCallback, report

FORMAT_NAME = "linkchart-case"
PROGRESS_STEP = 2000  # entities or links read between two progress reports
FORMAT_VERSION = 1

MAX_TEXT = 1_000_000  # one label, note or attribute value, in characters
MAX_LIST = 1_000_000  # items of one list (entities, aliases, ...)
MAX_COORD = 1e9

# ----------------------------------------------------------------- writing


def _citation_data(c: Citation) -> dict[str, Any]:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "start": c.start,
        "end": c.end,
        "quote": c.quote,
        "comment": c.comment,
        "reliability": c.reliability,
        "credibility": c.credibility,
    }


def entity_data(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "label": e.label,
        "subtitle": e.subtitle,
        "aliases": list(e.aliases),
        "attributes": dict(e.attributes),
        "notes": e.notes,
        "date": e.date,
        "citations": [_citation_data(c) for c in e.citations],
        "x": e.x,
        "y": e.y,
        "pinned": e.pinned,
        "style": dict(e.style),
    }


def link_data(k: Link) -> dict[str, Any]:
    return {
        "id": k.id,
        "source": k.source,
        "target": k.target,
        "type": k.type,
        "label": k.label,
        "direction": k.direction,
        "strength": k.strength,
        "date": k.date,
        "reliability": k.reliability,
        "credibility": k.credibility,
        "attributes": dict(k.attributes),
        "notes": k.notes,
        "citations": [_citation_data(c) for c in k.citations],
        "style": dict(k.style),
    }


def article_meta(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "publisher": a.publisher,
        "author": a.author,
        "date": a.date,
        "origin": a.origin,
        "notes": a.notes,
        "sha256": a.sha256,
        "length": len(a.text),
    }


def case_to_data(case: Case, app_version: str) -> dict[str, Any]:
    """Everything but article texts and original bytes, which the caller stores beside it."""
    voc = case.vocabulary
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": app_version,
        "metadata": {k: case.metadata.get(k, "") for k in METADATA_FIELDS},
        "vocabulary": {
            "entity_types": [asdict(t) for t in voc.custom_entity_types.values()],
            "link_types": [asdict(t) for t in voc.custom_link_types.values()],
        },
        "articles": [article_meta(a) for a in case.articles.values()],
        "entities": [entity_data(e) for e in case.entities.values()],
        "links": [link_data(k) for k in case.links.values()],
        "groups": [
            {"id": g.id, "label": g.label, "members": list(g.members), "collapsed": g.collapsed, "x": g.x, "y": g.y, "style": dict(g.style)}
            for g in case.groups.values()
        ],
    }


# ----------------------------------------------------------------- reading


class _Reader:
    """Typed accessors that raise CaseFileError naming where the bad value is.

    *where* may be a callable: the description is only built when something is
    wrong, which matters when a case holds a hundred thousand records.
    """

    def __init__(self, data: Any, where: str | Callable[[], str]) -> None:
        self._where = where
        if not isinstance(data, dict):
            raise CaseFileError(f"{self.where} should be an object")
        self.data = data

    @property
    def where(self) -> str:
        return self._where() if callable(self._where) else self._where

    def _fail(self, key: str, what: str) -> CaseFileError:
        return CaseFileError(f"{self.where}: '{key}' {what}")

    def text(self, key: str, default: str | None = "", limit: int = MAX_TEXT) -> str:
        value = self.data.get(key, default)
        if value is None or not isinstance(value, str):
            raise self._fail(key, "should be text")
        if len(value) > limit:
            raise self._fail(key, f"is longer than {limit} characters")
        return value

    def choice(self, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in allowed:
            raise self._fail(key, f"should be one of {', '.join(a or '(empty)' for a in allowed)}")
        return value

    def ident(self, key: str) -> str:
        value = self.data.get(key)
        if not is_id(value):
            raise self._fail(key, "should be an id (a uuid)")
        return value

    def integer(self, key: str, low: int = 0, high: int = 2**53) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"should be a whole number from {low} to {high}")
        return value

    def number(self, key: str, default: float = 0.0) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or abs(value) > MAX_COORD:
            raise self._fail(key, "should be a finite number")
        return float(value)

    def flag(self, key: str, default: bool = False) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, "should be true or false")
        return value

    def items(self, key: str, default: list | None = None) -> list[Any]:
        value = self.data.get(key, [] if default is None else default)
        if not isinstance(value, list):
            raise self._fail(key, "should be a list")
        if len(value) > MAX_LIST:
            raise self._fail(key, f"has more than {MAX_LIST} items")
        return value

    def texts(self, key: str) -> list[str]:
        values = self.items(key)
        if not all(isinstance(v, str) and len(v) <= MAX_TEXT for v in values):
            raise self._fail(key, "should be a list of text")
        return list(values)

    def mapping(self, key: str, scalar_ok: bool = True) -> dict[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, dict) or len(value) > MAX_LIST:
            raise self._fail(key, "should be an object")
        for k, v in value.items():
            ok = isinstance(v, str) or (scalar_ok and isinstance(v, (bool, int, float)) and (not isinstance(v, float) or math.isfinite(v)))
            if not ok or len(k) > MAX_TEXT or (isinstance(v, str) and len(v) > MAX_TEXT):
                raise self._fail(key, f"has a bad value for '{_show(k)}'")
            if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**63:
                raise self._fail(key, f"has a number too large for '{_show(k)}'")
        return dict(value)


_RELIABILITY = frozenset(RELIABILITY_CODES)
_CREDIBILITY = frozenset(CREDIBILITY_CODES)
_DIRECTIONS = frozenset(DIRECTIONS)
_STRENGTHS = frozenset(STRENGTHS)

# The fast paths below accept exactly what the _Reader path accepts and build the
# same objects; anything they do not recognise as plainly valid goes to the _Reader
# path, which then names the fault. They use exact type checks (JSON gives exact
# types; a subclass only costs the slow path) and touch ``seen`` only on success.


def _plain_texts(value: Any) -> bool:
    if type(value) is not list:
        return False
    if not value:
        return True
    return len(value) <= MAX_LIST and all(type(v) is str and len(v) <= MAX_TEXT for v in value)


def _plain_mapping(value: Any, scalar_ok: bool) -> bool:
    if type(value) is not dict:
        return False
    if not value:
        return True
    if len(value) > MAX_LIST:
        return False
    for k, v in value.items():
        if type(k) is not str or len(k) > MAX_TEXT:
            return False
        kind = type(v)
        if kind is str:
            if len(v) > MAX_TEXT:
                return False
        elif not scalar_ok:
            return False
        elif kind is int:
            if not -(2**63) <= v <= 2**63:
                return False
        elif kind is float:
            if not -math.inf < v < math.inf:
                return False
        elif kind is not bool:
            return False
    return True


def _plain_number(value: Any) -> bool:
    kind = type(value)
    return (kind is float or kind is int) and -MAX_COORD <= value <= MAX_COORD


def _plain_citation(raw: Any, texts: dict[str, str], seen: set[str]) -> Citation | None:
    """The citation if every field is well-formed (the common case, checked inline), else None."""
    if type(raw) is not dict:
        return None
    get = raw.get
    cid, aid, start, end, quote = get("id"), get("article_id"), get("start"), get("end"), get("quote")
    comment, rel, cred = get("comment", ""), get("reliability", ""), get("credibility", "")
    text = texts.get(aid) if type(aid) is str else None
    if (
        text is None or type(cid) is not str or cid in seen or not is_id(cid)
        or type(start) is not int or type(end) is not int or not 0 <= start <= end <= len(text)
        or type(quote) is not str or len(quote) > MAX_TEXT or type(comment) is not str or len(comment) > MAX_TEXT
        or type(rel) is not str or rel not in _RELIABILITY or type(cred) is not str or cred not in _CREDIBILITY
    ):
        return None
    seen.add(cid)
    return Citation(aid, start, end, quote, comment, rel, cred, cid)


def read_citations(r: _Reader, texts: dict[str, str], seen: set[str]) -> list[Citation]:
    out = []
    for i, raw in enumerate(r.items("citations")):
        out.append(
            _plain_citation(raw, texts, seen) or _careful_citation(_Reader(raw, lambda i=i: f"{r.where}, citation {i + 1}"), texts, seen)
        )
    return out


def _careful_citation(c: _Reader, texts: dict[str, str], seen: set[str]) -> Citation:
    cid = c.ident("id")
    if cid in seen:
        raise CaseFileError(f"{c.where}: id {cid} is used twice")
    seen.add(cid)
    article_id = c.ident("article_id")
    if article_id not in texts:
        raise CaseFileError(f"{c.where}: it cites article {article_id}, which is not in the case")
    length = len(texts[article_id])
    start, end = c.integer("start", 0, length), c.integer("end", 0, length)
    if end < start:
        raise CaseFileError(f"{c.where}: its span ends before it starts")
    return Citation(
        id=cid,
        article_id=article_id,
        start=start,
        end=end,
        quote=c.text("quote", None),
        comment=c.text("comment"),
        reliability=c.choice("reliability", RELIABILITY_CODES, ""),
        credibility=c.choice("credibility", CREDIBILITY_CODES, ""),
    )


def _fresh(reader: _Reader, seen: set[str]) -> str:
    ident = reader.ident("id")
    if ident in seen:
        raise CaseFileError(f"{reader.where}: id {ident} is used twice")
    seen.add(ident)
    return ident


def read_entity(raw: Any, i: int, texts: dict[str, str], seen: set[str]) -> Entity:
    """Entity number *i* (from 0) of the file; raises CaseFileError naming the field at fault."""
    e = _Reader(raw, lambda: f"entity {i + 1} ('{_label(raw)}')")
    return _plain_entity(e, texts, seen) or _careful_entity(e, texts, seen)


def _plain_entity(e: _Reader, texts: dict[str, str], seen: set[str]) -> Entity | None:
    get = e.data.get
    eid, kind, label, subtitle = get("id"), get("type", "other"), get("label"), get("subtitle", "")
    aliases, attributes, notes, date = get("aliases", []), get("attributes", {}), get("notes", ""), get("date", "")
    x, y, pinned, style = get("x", 0.0), get("y", 0.0), get("pinned", False), get("style", {})
    if not (
        type(eid) is str and eid not in seen and is_id(eid)
        and type(kind) is str and len(kind) <= 200 and type(label) is str and len(label) <= MAX_TEXT
        and type(subtitle) is str and len(subtitle) <= MAX_TEXT and type(notes) is str and len(notes) <= MAX_TEXT
        and type(date) is str and len(date) <= 200 and _plain_number(x) and _plain_number(y) and type(pinned) is bool
        and _plain_texts(aliases) and _plain_mapping(attributes, True) and _plain_mapping(style, False)
    ):
        return None
    # Every field but the citations is valid, so the careful path would reach them too:
    # read_citations raises the very error it would.
    seen.add(eid)
    return Entity(
        id=eid, type=kind, label=label, subtitle=subtitle, aliases=list(aliases), attributes=dict(attributes), notes=notes,
        date=date, citations=read_citations(e, texts, seen), x=x, y=y, pinned=pinned, style=dict(style),
    )


def _careful_entity(e: _Reader, texts: dict[str, str], seen: set[str]) -> Entity:
    eid = _fresh(e, seen)
    return Entity(
        id=eid, type=e.text("type", "other", 200), label=e.text("label", None), subtitle=e.text("subtitle"),
        aliases=e.texts("aliases"), attributes=e.mapping("attributes"), notes=e.text("notes"), date=e.text("date", "", 200),
        citations=read_citations(e, texts, seen), x=e.number("x"), y=e.number("y"), pinned=e.flag("pinned"),
        style=e.mapping("style", scalar_ok=False),
    )


def read_link(raw: Any, i: int, texts: dict[str, str], seen: set[str], entities: dict[str, Entity]) -> Link:
    """Link number *i* (from 0) of the file, joining two of *entities*; raises CaseFileError naming the fault."""
    k = _Reader(raw, lambda: f"link {i + 1}")
    return _plain_link(k, texts, seen, entities) or _careful_link(k, i, texts, seen, entities)


def _plain_link(k: _Reader, texts: dict[str, str], seen: set[str], entities: dict[str, Entity]) -> Link | None:
    get = k.data.get
    lid, source, target, kind, label = get("id"), get("source"), get("target"), get("type", "associated_with"), get("label", "")
    direction, strength, date = get("direction", "forward"), get("strength", "confirmed"), get("date", "")
    rel, cred, attributes, notes, style = get("reliability", ""), get("credibility", ""), get("attributes", {}), get("notes", ""), get("style", {})
    if not (
        type(lid) is str and lid not in seen and is_id(lid)
        # Entity keys are ids already, so membership is the whole check.
        and type(source) is str and source in entities and type(target) is str and target in entities
        and type(kind) is str and len(kind) <= 200 and type(label) is str and len(label) <= 200
        and type(direction) is str and direction in _DIRECTIONS and type(strength) is str and strength in _STRENGTHS
        and type(date) is str and len(date) <= 200 and type(rel) is str and rel in _RELIABILITY
        and type(cred) is str and cred in _CREDIBILITY and type(notes) is str and len(notes) <= MAX_TEXT
        and _plain_mapping(attributes, True) and _plain_mapping(style, False)
    ):
        return None
    seen.add(lid)
    return Link(
        id=lid, source=source, target=target, type=kind, label=label, direction=direction, strength=strength, date=date,
        reliability=rel, credibility=cred, attributes=dict(attributes), notes=notes,
        citations=read_citations(k, texts, seen), style=dict(style),
    )


def _careful_link(k: _Reader, i: int, texts: dict[str, str], seen: set[str], entities: dict[str, Entity]) -> Link:
    lid = _fresh(k, seen)
    ends = k.ident("source"), k.ident("target")
    if not all(end in entities for end in ends):
        raise CaseFileError(f"link {i + 1} joins an entity that is not in the case")
    return Link(
        id=lid, source=ends[0], target=ends[1], type=k.text("type", "associated_with", 200), label=k.text("label", "", 200),
        direction=k.choice("direction", DIRECTIONS, "forward"), strength=k.choice("strength", STRENGTHS, "confirmed"),
        date=k.text("date", "", 200), reliability=k.choice("reliability", RELIABILITY_CODES, ""),
        credibility=k.choice("credibility", CREDIBILITY_CODES, ""), attributes=k.mapping("attributes"),
        notes=k.text("notes"), citations=read_citations(k, texts, seen), style=k.mapping("style", scalar_ok=False),
    )


def _show(text: Any, limit: int = 40) -> str:
    """File content quoted in an error message: cut short, control characters escaped (one line)."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: f"\\x{ord(m.group()):02x}", str(text)[:limit])


def _label(raw: Any) -> str:
    return _show(raw.get("label", "")) if isinstance(raw, dict) else ""


def read_vocabulary(case: Case, data: Any) -> None:
    voc = _Reader(data, "vocabulary")
    for i, raw in enumerate(voc.items("entity_types")):
        t = _Reader(raw, f"entity type {i + 1}")
        case.vocabulary.custom_entity_types[t.text("id", None, 200)] = EntityType(
            id=t.text("id", None, 200), name=t.text("name", None, 200), icon=t.text("icon", "other.svg", 200),
            colour=t.text("colour", "#808890", 20), anx_type=t.text("anx_type", "General", 200),
        )
    for i, raw in enumerate(voc.items("link_types")):
        t = _Reader(raw, f"link type {i + 1}")
        case.vocabulary.custom_link_types[t.text("id", None, 200)] = LinkType(
            id=t.text("id", None, 200), label=t.text("label", None, 200), inverse=t.text("inverse", "", 200),
            directed=t.flag("directed", True),
        )


def data_to_case(
    data: dict[str, Any], texts: dict[str, str], originals: dict[str, tuple[str, bytes]], progress: ProgressCallback | None = None
) -> Case:
    """Build a Case from validated-as-we-go data; ``texts`` maps article id to its text.

    Article entries must already have been checked against ``texts`` by the caller
    (the .lcase reader checks hashes); here we check structure and references.
    *progress* hears fractions from 0.2 (the caller's share) to 1.
    """
    with gc_paused():
        return _build_case(data, texts, originals, progress)


def _build_case(
    data: dict[str, Any], texts: dict[str, str], originals: dict[str, tuple[str, bytes]], progress: ProgressCallback | None = None
) -> Case:
    top = _Reader(data, "case.json")
    case = Case()
    meta = _Reader(data.get("metadata", {}), "metadata")
    case.metadata.update({k: meta.text(k) for k in METADATA_FIELDS})
    read_vocabulary(case, data.get("vocabulary", {}))
    seen: set[str] = set()

    articles = []
    for i, raw in enumerate(top.items("articles")):
        a = _Reader(raw, f"article {i + 1}")
        aid = _fresh(a, seen)
        if aid not in texts:
            raise CaseFileError(f"article {i + 1} ('{_show(a.text('title'))}') has no text in the file")
        name, blob = originals.get(aid, ("", None))
        articles.append(
            Article(
                id=aid, text=texts[aid], title=a.text("title"), publisher=a.text("publisher"), author=a.text("author"),
                date=a.text("date"), origin=a.text("origin"), notes=a.text("notes"), original=blob, original_name=name,
            )
        )
    for art in articles:
        case.articles[art.id] = art

    raw_entities, raw_links = top.items("entities"), top.items("links")
    total = max(1, len(raw_entities) + len(raw_links))
    entities = []
    for i, raw in enumerate(raw_entities):
        if i % PROGRESS_STEP == 0:
            report(progress, 0.2 + 0.75 * i / total)
        entities.append(read_entity(raw, i, texts, seen))
    case.insert_entities(entities)
    links = []
    for i, raw in enumerate(raw_links):
        if i % PROGRESS_STEP == 0:
            report(progress, 0.2 + 0.75 * (len(raw_entities) + i) / total)
        links.append(read_link(raw, i, texts, seen, case.entities))
    case.insert_links(links)

    for i, raw in enumerate(top.items("groups")):
        g = _Reader(raw, f"group {i + 1}")
        gid = _fresh(g, seen)
        members = g.items("members")
        if not all(isinstance(m, str) and m in case.entities for m in members) or len(set(members)) != len(members):
            raise CaseFileError(f"group {i + 1} lists a member that is not an entity of the case, or one twice")
        case.insert_group(
            Group(id=gid, label=g.text("label", None), members=list(members), collapsed=g.flag("collapsed"),
                  x=g.number("x"), y=g.number("y"), style=g.mapping("style", scalar_ok=False))
        )
    return case
