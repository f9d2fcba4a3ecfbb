"""GEXF (Gephi's format), read in versions 1.1draft, 1.2draft, 1.2 and 1.3, written as 1.3.

Attributes are declared per class with an id and a title; we match titles to our
fields like GraphML keys. ``viz:position`` uses Gephi's axis (y up) so y is
flipped both ways; ``viz:color`` becomes a card colour when it differs from the
type's own. Edge ``type`` directed/undirected/mutual is our forward/none/both.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from typing import Any, BinaryIO

from linkchart.io.drafting import DraftBuilder
from linkchart.io.errors import CaseFileError
from linkchart.io.importing import CitationRef, ImportContext, parse_citations_json
from linkchart.io.registry import open_source, register_reader, register_writer, source_name
from linkchart.io.values import (
    ENTITY_NAMES,
    LINK_NAMES,
    assign_fields,
    colour_hex,
    parse_aliases,
    parse_colour,
    parse_credibility,
    parse_date_text,
    parse_direction,
    parse_grading,
    parse_number,
    parse_reliability,
    parse_strength,
    typed_value,
)
from linkchart.io.writing import Out, aliases_text, attribute_columns, attribute_text, citations_json, style_json
from linkchart.io.xmlsafe import iter_xml, local, namespace, open_xml, root_name, xml_attr, xml_number, xml_text
from linkchart.model import Case, Draft, Entity, Link

NODE_FIELDS = ("label", "type", "subtitle", "aliases", "notes", "date", "citations")
EDGE_FIELDS = ("type", "label", "direction", "strength", "date", "reliability", "credibility", "grading", "notes", "citations")
_EDGE_TYPES = {"directed": "forward", "undirected": "none", "mutual": "both"}


class GexfReader:
    """One streaming pass over a GEXF document into a DraftBuilder."""

    def __init__(self, ctx: ImportContext, name: str) -> None:
        self.b = DraftBuilder(ctx, name, "GEXF")
        self.attrs: dict[str, dict[str, tuple[str, str, str | None]]] = {"node": {}, "edge": {}}  # id -> (title, type, default)
        self._fields: dict[str, dict[str, str]] = {}
        self._class = "node"
        self._edgetype = "undirected"  # the GEXF schema's default

    def read(self, raw: BinaryIO, size: int) -> Draft:
        counter, stream = open_xml(raw)
        depth = 0
        for event, elem in iter_xml(stream):
            name = local(elem.tag)
            if event == "start":
                if depth == 0:
                    self._root(name, elem)
                depth += 1
                if name == "graph":
                    self._edgetype = elem.get("defaultedgetype") or "undirected"
                elif name == "attributes":
                    self._class = elem.get("class") or "node"
                    self._fields.pop(self._class, None)
                continue
            depth -= 1
            if name == "attribute":
                default = next((c.text for c in elem if local(c.tag) == "default"), None)
                self.attrs.setdefault(self._class, {})[elem.get("id") or ""] = (elem.get("title") or elem.get("id") or "",
                                                                               elem.get("type") or "string", default)
                elem.clear()
            elif name == "node":
                self._node(elem)
                elem.clear()
                self.b.tick(counter.count / size)
            elif name == "edge":
                self._edge(elem)
                elem.clear()
                self.b.tick(counter.count / size)
        self.b.progress(1.0)
        return self.b.finish()

    def _root(self, name: str, elem: ET.Element) -> None:
        if name != "gexf":
            raise CaseFileError(f"it is not a GEXF file (its root element is <{name[:40]}>)")
        version = elem.get("version") or namespace(elem.tag).rsplit("/", 1)[-1] or "unknown"
        self.b.report.mapped(f"GEXF version {version}")

    def _field_map(self, cls: str) -> dict[str, str]:
        if cls in self._fields:
            return self._fields[cls]
        table, fields = (ENTITY_NAMES, NODE_FIELDS) if cls == "node" else (LINK_NAMES, EDGE_FIELDS)
        declared = self.attrs.get(cls, {})
        by_title = assign_fields([t for t, _, _ in declared.values()], table, fields)
        out = {}
        for attr_id, (title, _, _) in declared.items():
            out[attr_id] = by_title.get(title) or ("style" if title == "style" else "attr")
            if out[attr_id] != "style":
                self.b.report.mapped(f"{cls} attribute '{title}' -> {out[attr_id].replace('attr', 'attribute')}")
        self._fields[cls] = out
        return out

    def _values(self, elem: ET.Element, cls: str) -> tuple[dict[str, str], dict[str, Any], dict[str, str], list[CitationRef]]:
        fields_of = self._field_map(cls)
        declared = self.attrs.get(cls, {})
        found: dict[str, str] = {}
        for holder in elem:
            if local(holder.tag) == "attvalues":
                for av in holder:
                    attr_id = av.get("for") or av.get("id") or ""
                    if attr_id in found:
                        self.b.report.skipped("dynamic attribute values after the first are not imported", repr(attr_id[:30]))
                    elif attr_id not in declared:
                        self.b.report.skipped("a value for an undeclared attribute is not imported", repr(attr_id[:30]))
                    else:
                        found[attr_id] = av.get("value") or ""
        for attr_id, (_, _, default) in declared.items():
            if attr_id not in found and default is not None:
                found[attr_id] = default
        fields: dict[str, str] = {}
        attributes: dict[str, Any] = {}
        style: dict[str, str] = {}
        quotes: list[CitationRef] = []
        for attr_id, text in found.items():
            title, kind, _ = declared[attr_id]
            what = fields_of.get(attr_id, "attr")
            if what == "attr":
                value = typed_value(text, kind)
                if value is None:
                    self.b.report.warn(f"a value of attribute '{title}' is not of type {kind}; kept as text", repr(text[:40]))
                    value = text
                if value != "":
                    attributes[title[len("attr.") :] if title.startswith("attr.") else title] = value
            elif what == "citations":
                try:
                    quotes += parse_citations_json(text) if text.strip() else []
                except ValueError:
                    self.b.report.skipped("a 'citations' value is not LinkChart citation data", repr(text[:40]))
            elif what == "style":
                try:
                    data = json.loads(text) if text.strip() else {}
                except ValueError:
                    data = None
                if isinstance(data, dict):
                    style = {str(k): str(v) for k, v in data.items()}
            else:
                fields[what] = text
        return fields, attributes, style, quotes

    def _node(self, elem: ET.Element) -> None:
        fields, attributes, style, quotes = self._values(elem, "node")
        entity = Entity(id="", label=(elem.get("label") or fields.get("label") or "").strip(), subtitle=fields.get("subtitle", ""),
                        notes=fields.get("notes", ""), attributes=attributes, style=style)
        if "aliases" in fields:
            entity.aliases = [a for a in parse_aliases(fields["aliases"]) if a != entity.label]
        entity.date = self._date(entity, fields.get("date", ""), elem)
        colour = None
        for viz in elem:
            name = local(viz.tag)
            if name == "position":
                x, y = parse_number(viz.get("x") or ""), parse_number(viz.get("y") or "")
                if x is not None and y is not None:
                    entity.x, entity.y = x, -y or 0.0
                    self.b.report.mapped("viz:position -> positions (y axis flipped)")
            elif name == "color":
                colour = parse_colour(viz.get("hex") or "") or self._rgb(viz)
        entity.type = self.b.types.entity_type(fields.get("type", ""), colour)
        if colour and colour != self.b.type_colour(entity.type) and "colour" not in entity.style:
            entity.style["colour"] = colour
            self.b.report.mapped("viz:color -> card colour")
        self.b.add_entity(elem.get("id") or "", entity, quotes)

    @staticmethod
    def _rgb(viz: ET.Element) -> str | None:
        rgb = [parse_number(viz.get(c) or "") for c in ("r", "g", "b")]
        return colour_hex(*rgb) if all(v is not None for v in rgb) else None  # type: ignore[arg-type]

    def _date(self, item: Entity | Link, text: str, elem: ET.Element) -> str:
        if text.strip():
            parsed = parse_date_text(text)
            if parsed is None:
                item.attributes["date"] = text.strip()
                self.b.report.warn("a date is not one LinkChart understands; kept as attribute 'date'", repr(text[:40]))
            return parsed or ""
        start, end = parse_date_text(elem.get("start") or ""), parse_date_text(elem.get("end") or "")
        if start:
            self.b.report.mapped("start/end times -> dates")
            return f"{start}/{end}" if end and end != start else start
        return ""

    def _edge(self, elem: ET.Element) -> None:
        fields, attributes, style, quotes = self._values(elem, "edge")
        tid, reverse, label = self.b.link_kind(fields.get("type", "") or elem.get("kind") or "", elem.get("label") or fields.get("label", ""))
        direction = parse_direction(fields["direction"]) if fields.get("direction") else None
        if direction is None:
            direction = _EDGE_TYPES.get(elem.get("type") or self._edgetype, "forward")
        strength = parse_strength(fields.get("strength", "")) or "confirmed"
        weight = parse_number(elem.get("weight") or "")
        if weight is not None and weight != 1.0:
            attributes.setdefault("weight", weight)
            self.b.report.mapped("edge weight -> attribute 'weight' (weight 1 left out)")
        link = Link(id="", source="", target="", type=tid, label=label, direction=direction, strength=strength,
                    notes=fields.get("notes", ""), attributes=attributes, style=style)
        if fields.get("grading") and parse_grading(fields["grading"]):
            link.reliability, link.credibility = parse_grading(fields["grading"])  # type: ignore[misc]
        link.reliability = parse_reliability(fields.get("reliability", "")) or link.reliability
        link.credibility = parse_credibility(fields.get("credibility", "")) or link.credibility
        link.date = self._date(link, fields.get("date", ""), elem)
        source, target = elem.get("source") or "", elem.get("target") or ""
        if reverse:
            source, target = target, source
        self.b.add_link(source, target, link, quotes, elem.get("id") or "")


def _sniff(head: bytes) -> bool:
    return root_name(head) == "gexf"


@register_reader("gexf", extensions=(".gexf",), sniff=_sniff, label="GEXF")
def read_gexf(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """A GEXF file (Gephi, NetworkX, LinkChart) as a Draft."""
    with open_source(source) as (handle, size):
        return GexfReader(ctx, source_name(source)).read(handle, size)


# ------------------------------------------------------------------ writing
NS = "http://gexf.net/1.3"
NODE_ATTRS = ("type", "subtitle", "aliases", "notes", "date", "citations", "style")
EDGE_ATTRS = ("type", "direction", "strength", "date", "reliability", "credibility", "notes", "citations", "style")
_GEXF_KINDS = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}
_EDGE_TYPE_OF = {"forward": "directed", "none": "undirected", "both": "mutual"}


def _declare(out: Out, cls: str, fixed: tuple[str, ...], columns: list[tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out(f'    <attributes class="{cls}" mode="static">\n')
    for name in fixed:
        out(f'      <attribute id="{name}" title="{name}" type="string"/>\n')
    ids = {}
    for i, (name, kind) in enumerate(columns):
        title = "attr." + name if name in fixed or name.startswith("attr.") else name
        ids[name] = (f"a{i}", kind)
        out(f'      <attribute id="a{i}" title={xml_attr(title)} type="{_GEXF_KINDS[kind]}"/>\n')
    out("    </attributes>\n")
    return ids


def _attvalues(out: Out, values: list[tuple[str, str]]) -> None:
    if values:
        out("        <attvalues>\n")
        for key, value in values:
            out(f"          <attvalue for={xml_attr(key)} value={xml_attr(value)}/>\n")
        out("        </attvalues>\n")


@register_writer("gexf", extensions=(".gexf",), label="GEXF 1.3")
def write_gexf(case: Case, handle: BinaryIO) -> None:
    """The case as GEXF 1.3 with viz positions (y up, as Gephi draws) and colours."""
    out = Out(handle)
    out('<?xml version="1.0" encoding="UTF-8"?>\n')
    out(f'<gexf xmlns="{NS}" xmlns:viz="{NS}/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{NS} {NS}/gexf.xsd" version="1.3">\n')
    out("  <meta>\n    <creator>LinkChart</creator>\n")
    voc = case.vocabulary
    if case.metadata.get("title"):
        out(f"    <title>{xml_text(case.metadata['title'])}</title>\n")
    if case.metadata.get("description"):
        out(f"    <description>{xml_text(case.metadata['description'])}</description>\n")
    out("  </meta>\n")
    out('  <graph defaultedgetype="directed" mode="static">\n')
    node_ids = _declare(out, "node", NODE_ATTRS, attribute_columns(case.entities.values()))
    edge_ids = _declare(out, "edge", EDGE_ATTRS, attribute_columns(case.links.values()))
    out("    <nodes>\n")
    for e in case.entities.values():
        out(f"      <node id={xml_attr(e.id)} label={xml_attr(e.label)}>\n")
        values = [("type", e.type), ("subtitle", e.subtitle), ("aliases", aliases_text(e.aliases)), ("notes", e.notes),
                  ("date", e.date), ("citations", citations_json(case, e.citations) if e.citations else ""),
                  ("style", style_json(e.style) if e.style else "")]
        values = [(k, v) for k, v in values if v] + [(node_ids[n][0], attribute_text(v, node_ids[n][1])) for n, v in e.attributes.items()]
        _attvalues(out, values)
        colour = parse_colour(e.style.get("colour", "")) or parse_colour(voc.entity_type(e.type).colour) or "#808890"
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        out(f'        <viz:color r="{r}" g="{g}" b="{b}"/>\n')
        out(f'        <viz:position x="{xml_number(e.x)}" y="{xml_number(-e.y if e.y else 0.0)}" z="0"/>\n')
        out("      </node>\n")
    out("    </nodes>\n    <edges>\n")
    for k in case.links.values():
        out(f"      <edge id={xml_attr(k.id)} source={xml_attr(k.source)} target={xml_attr(k.target)} "
            f"type=\"{_EDGE_TYPE_OF[k.direction]}\" label={xml_attr(case.link_label(k))}>\n")
        values = [("type", k.type), ("direction", k.direction), ("strength", k.strength), ("date", k.date),
                  ("reliability", k.reliability), ("credibility", k.credibility), ("notes", k.notes),
                  ("citations", citations_json(case, k.citations) if k.citations else ""),
                  ("style", style_json(k.style) if k.style else "")]
        values = [(n, v) for n, v in values if v] + [(edge_ids[n][0], attribute_text(v, edge_ids[n][1])) for n, v in k.attributes.items()]
        _attvalues(out, values)
        out("      </edge>\n")
    out("    </edges>\n  </graph>\n")
    out("</gexf>\n")
    out.flush()

