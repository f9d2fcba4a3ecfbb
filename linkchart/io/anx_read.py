"""Read an i2 Analyst's Notebook chart (ANX) as ANB and other tools write it.

The bytes are sniffed, not trusted: UTF-16 with a byte-order mark, UTF-8 that
declares UTF-16, and files without a declaration all read. Entity types come
from our "LinkChart type" attribute when present (our own export), else from the
ANB type name (Person, Organisation, Place ...). Each Card becomes a citation
when its text is found in one of the case's articles (its source reference
picks the article first), otherwise its quote is kept in the item's notes and
listed in the report.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import Any, BinaryIO

from linkchart.io.anx_common import (
    ALIASES_ATTRIBUTE,
    ARROW_DIRECTIONS,
    GENERIC_LINK_TYPES,
    SUBTITLE_ATTRIBUTE,
    TYPE_ATTRIBUTE,
    dot_strength,
)
from linkchart.io.drafting import DraftBuilder
from linkchart.io.errors import CaseFileError
from linkchart.io.importing import CitationRef, ImportContext
from linkchart.io.registry import open_source, register_reader, source_name
from linkchart.io.values import parse_aliases, parse_credibility, parse_date_text, parse_number, parse_reliability, parse_strength
from linkchart.io.xmlsafe import local, parse_xml, root_name
from linkchart.model import Draft, Entity, Link

MAX_BYTES = 512 * 1024**2
_CREDIBILITY = ("1", "2", "3", "4", "5", "6")
_RELIABILITY = ("A", "B", "C", "D", "E", "F")


def _children(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem if local(c.tag) == name]


def _child(elem: ET.Element, name: str) -> ET.Element | None:
    return next((c for c in elem if local(c.tag) == name), None)


def _descendants(elem: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in elem.iter() if local(c.tag) == name]


class AnxReader:
    """Builds a Draft from a parsed ANX ``Chart`` element."""

    def __init__(self, ctx: ImportContext, name: str) -> None:
        self.b = DraftBuilder(ctx, name, "i2 ANX")
        self.b.quote_noun = "card"
        self.grades: tuple[list[str | None], list[str | None]] = ([], [])
        self.strengths: dict[str, str] = {}
        self.strength_order: list[str] = []
        self.classes: dict[str, tuple[str, str]] = {}  # id or name -> (name, type)
        self.entity_types: dict[str, str] = {}  # id -> name
        self.link_types: dict[str, str] = {}
        self.labels: dict[str, str] = {}  # file entity id -> label, for card claims

    def read(self, root: ET.Element) -> Draft:
        self._collections(root)
        items = _descendants(root, "ChartItem")
        entities = [i for i in items if _child(i, "End") is not None]
        links = [i for i in items if _child(i, "Link") is not None]
        other = len(items) - len(entities) - len(links)
        if other:
            self.b.report.skipped(f"{other} chart items that are neither entities nor links")
        chart_ids: dict[str, str] = {}
        total = max(len(items), 1)
        for n, item in enumerate(entities):
            self._entity(item, chart_ids)
            self.b.tick(n / total)
        for n, item in enumerate(links, start=len(entities)):
            self._link(item, chart_ids)
            self.b.tick(n / total)
        self.b.progress(1.0)
        return self.b.finish()

    # ----------------------------------------------------------- collections
    def _collections(self, root: ET.Element) -> None:
        for tag, parse, codes, index in (("GradeOne", parse_reliability, _RELIABILITY, 0), ("GradeTwo", parse_credibility, _CREDIBILITY, 1)):
            holder = _child(root, tag)
            texts = [s.get("Text") or "" for s in _descendants(holder, "String")] if holder is not None else []
            mapped = [parse(t) for t in texts]
            if len(texts) == 6 and None in mapped:  # an unnamed six-step scale: take it in order
                mapped = list(codes)
                self.b.report.mapped(f"{tag} grades -> {'reliability' if index == 0 else 'credibility'} in list order")
            elif texts:
                self.b.report.mapped(f"{tag} grades -> {'source reliability' if index == 0 else 'information credibility'}")
            self.grades[index].extend(mapped)
        for s in _descendants(root, "Strength"):
            name = s.get("Name") or s.get("Id") or ""
            ours = dot_strength(s.get("DotStyle") or "") or parse_strength(name) or "confirmed"
            for key in {name, s.get("Id") or name}:
                self.strengths[key] = ours
            self.strength_order.append(ours)
        for c in _descendants(root, "AttributeClass"):
            value = (c.get("Name") or c.get("Id") or "", c.get("Type") or "AttText")
            for key in {c.get("Id") or "", value[0]} - {""}:
                self.classes[key] = value
        for t in _descendants(root, "EntityType"):
            self.entity_types[t.get("Id") or t.get("Name") or ""] = t.get("Name") or ""
        for t in _descendants(root, "LinkType"):
            self.link_types[t.get("Id") or t.get("Name") or ""] = t.get("Name") or ""

    # ------------------------------------------------------------ item parts
    def _grade(self, elem: ET.Element, attr: str, index: int) -> str:
        raw = elem.get(attr)
        if raw is None or raw.strip() in ("", "-1"):
            return ""
        try:
            code = self.grades[index][int(raw)]
        except (ValueError, IndexError):
            code = None
        if code is None:
            self.b.report.skipped(f"a {attr} that points at no known grade", repr(raw[:10]))
            return ""
        return code

    def _date(self, elem: ET.Element) -> str:
        description = (elem.get("DateTimeDescription") or "").strip()
        parsed = parse_date_text(description) if description else None
        if parsed:
            return parsed
        if (elem.get("DateSet") or "").lower() == "true" and elem.get("DateTime"):
            return parse_date_text(elem.get("DateTime") or "") or ""
        return description

    def _attributes(self, item: ET.Element) -> dict[str, Any]:
        out: dict[str, Any] = {}
        holder = _child(item, "AttributeCollection")
        for a in _children(holder, "Attribute") if holder is not None else []:
            key = a.get("AttributeClass") or a.get("AttributeClassReference") or ""
            name, kind = self.classes.get(key, (key, "AttText"))
            raw = a.get("Value") or ""
            value: Any = raw
            if kind == "AttNumber":
                number = parse_number(raw)
                value = raw if number is None else int(number) if number.is_integer() and "." not in raw else number
            elif kind == "AttFlag":
                value = raw.strip().lower() in ("true", "1", "yes")
            elif kind == "AttTime":
                value = parse_date_text(raw) or raw
            if name:
                out[name] = value
        return out

    def _quotes(self, holder: ET.Element, claim: str, item: Entity | Link) -> list[CitationRef]:
        refs = []
        for card in _descendants(holder, "Card"):
            text = card.get("Text") or ""
            summary = card.get("Summary") or ""
            if not text.strip():
                if summary.strip():
                    item.notes = "\n".join(filter(None, [item.notes, summary]))
                    self.b.report.mapped("cards without text -> notes")
                continue
            refs.append(CitationRef(quote=text, title=card.get("SourceReference") or "", comment="" if summary == claim else summary,
                                    reliability=self._grade(card, "GradeOneIndex", 0), credibility=self._grade(card, "GradeTwoIndex", 1)))
        return refs

    # -------------------------------------------------------------- entities
    def _entity(self, item: ET.Element, chart_ids: dict[str, str]) -> None:
        end = _child(item, "End")
        entity_elem = _child(end, "Entity") if end is not None else None
        if entity_elem is None:
            self.b.report.skipped("a chart item with an End but no Entity")
            return
        file_id = entity_elem.get("EntityId") or entity_elem.get("Identity") or item.get("Id") or ""
        label = (item.get("Label") or entity_elem.get("Identity") or "").strip()
        attributes = self._attributes(item)
        ours = attributes.pop(TYPE_ATTRIBUTE, None)
        e = Entity(id="", label=label, notes=item.get("Description") or "", date=self._date(item))
        e.aliases = [a for a in parse_aliases(str(attributes.pop(ALIASES_ATTRIBUTE, ""))) if a != label]
        e.subtitle = str(attributes.pop(SUBTITLE_ATTRIBUTE, ""))
        e.attributes = attributes
        if isinstance(ours, str) and ours.strip():
            e.type = self.b.types.entity_type(ours)
            self.b.report.mapped(f"attribute '{TYPE_ATTRIBUTE}' -> entity type")
        else:
            e.type = self.b.types.entity_type(self._anb_type(entity_elem))
            self.b.report.mapped("ANB entity type -> entity type")
        x, y = parse_number(end.get("X") or ""), parse_number(end.get("Y") or "")  # type: ignore[union-attr]
        if x is not None and y is not None:
            e.x, e.y = x, y
        for source in ("SourceReference", "SourceType"):
            if item.get(source):
                e.attributes.setdefault(source, item.get(source))
        if item.get("GradeOneIndex") or item.get("GradeTwoIndex"):
            self.b.report.skipped("grades on entities (LinkChart grades links and citations)")
        added = self.b.add_entity(file_id, e, self._quotes(entity_elem, label, e))
        if added is not None:
            self.labels[file_id] = label
            if item.get("Id"):
                chart_ids[item.get("Id") or ""] = file_id

    def _anb_type(self, entity_elem: ET.Element) -> str:
        """The type name on the entity's representation (Icon/IconStyle, Box/BoxStyle, ...)."""
        for rep in entity_elem:
            if local(rep.tag) == "CardCollection":
                continue
            for style in [rep, *rep]:
                ref = style.get("EntityTypeReference")
                if ref and ref in self.entity_types:
                    return self.entity_types[ref]
                if style.get("Type"):
                    return style.get("Type") or ""
            if local(rep.tag) in ("Event", "EventFrame"):
                return "Event"
        return ""

    # ----------------------------------------------------------------- links
    def _link(self, item: ET.Element, chart_ids: dict[str, str]) -> None:
        link_elem = _child(item, "Link")
        assert link_elem is not None
        ends = []
        for id_attr, ref_attr in (("End1Id", "End1Reference"), ("End2Id", "End2Reference")):
            raw = link_elem.get(id_attr) or ""
            if not self.b.has_entity(raw):
                raw = chart_ids.get(raw) or chart_ids.get(link_elem.get(ref_attr) or "") or raw
            ends.append(raw)
        style = _child(link_elem, "LinkStyle")
        style = style if style is not None else ET.Element("LinkStyle")
        type_name = style.get("Type") or self.link_types.get(style.get("LinkTypeReference") or "", "")
        if type_name.strip().lower() in GENERIC_LINK_TYPES:
            type_name = ""
        label = item.get("Label") or ""
        tid, reverse, label = self.b.link_kind(type_name, label)
        direction, tail = ARROW_DIRECTIONS.get(style.get("ArrowStyle") or "ArrowNone", ("none", False))
        k = Link(id="", source="", target="", type=tid, label=label, direction=direction, notes=item.get("Description") or "",
                 date=self._date(item), attributes=self._attributes(item))
        k.strength = self._strength(style.get("Strength") or "")
        k.reliability = self._grade(item, "GradeOneIndex", 0)
        k.credibility = self._grade(item, "GradeTwoIndex", 1)
        claim = f"{self.labels.get(ends[0], '')} {item.get('Label') or ''} {self.labels.get(ends[1], '')}"
        quotes = self._quotes(link_elem, claim, k)
        if reverse != tail:
            ends.reverse()
        where = f"{self.labels.get(ends[0], ends[0])!r} -> {self.labels.get(ends[1], ends[1])!r}"
        self.b.add_link(ends[0], ends[1], k, quotes, where=where)

    def _strength(self, raw: str) -> str:
        if not raw:
            return "confirmed"
        if raw in self.strengths:
            return self.strengths[raw]
        if raw.isdigit() and int(raw) < len(self.strength_order):
            return self.strength_order[int(raw)]
        self.b.report.warn("a link strength names no Strength of the chart; confirmed assumed", repr(raw[:30]))
        return "confirmed"


def _sniff(head: bytes) -> bool:
    return root_name(head) == "Chart"


@register_reader("anx", extensions=(".anx",), sniff=_sniff, label="i2 Analyst's Notebook (ANX)")
def read_anx(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """An ANX chart as a Draft; cards become citations where their quotes are found."""
    with open_source(source) as (handle, size):
        if size > MAX_BYTES:
            raise CaseFileError(f"it is larger than {MAX_BYTES // 1024**2} MiB")
        data = handle.read(MAX_BYTES + 1)
    root = parse_xml(data)
    if local(root.tag) != "Chart":
        raise CaseFileError(f"it is not an i2 ANX chart (its root element is <{local(root.tag)[:40]}>)")
    return AnxReader(ctx, source_name(source)).read(root)
