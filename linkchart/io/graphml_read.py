"""Read GraphML as yEd, Gephi, igraph, NetworkX and LinkChart write it, streaming.

Keys (``attr.name``/``attr.type``/``default``) are matched to our fields by name
("label"/"name", "type"/"kind", "x"/"y", ...); the rest become typed attributes.
yEd keeps labels, positions, arrows and line styles in ``y:`` graphics, read
here too; yEd group nodes become groups. Elements are cleared as soon as they
are read, so memory stays flat on large files.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any, BinaryIO

from linkchart.io.drafting import DraftBuilder, split_label
from linkchart.io.errors import CaseFileError
from linkchart.io.importing import CitationRef, ImportContext, parse_citations_json
from linkchart.io.registry import open_source, register_reader, source_name
from linkchart.io.values import (
    ENTITY_NAMES,
    LINK_NAMES,
    assign_fields,
    colour_hex,
    normalise_name,
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
from linkchart.io.xmlsafe import iter_xml, local, open_xml, root_name
from linkchart.model import Draft, Entity, EntityType, Group, Link, LinkType

NODE_FIELDS = ("label", "type", "subtitle", "aliases", "notes", "date", "x", "y", "citations")
EDGE_FIELDS = ("type", "label", "direction", "strength", "date", "reliability", "credibility", "grading", "notes", "citations")
_YED_LINE = {"line": "confirmed", "dashed": "probable", "dashed_dotted": "probable", "dotted": "possible"}
_GEPHI_SKIP = {"size"}


@dataclass
class KeyDef:
    """One ``<key>``: what a ``<data key=...>`` means."""

    id: str
    domain: str
    name: str
    type: str = "string"
    default: str | None = None
    yfiles: str = ""


@dataclass
class _Item:
    """What the data of one node or edge said, before it becomes an Entity or Link."""

    fields: dict[str, str]
    attributes: dict[str, Any]
    style: dict[str, str]
    quotes: list[CitationRef]
    graphics: dict[str, Any]


class GraphmlReader:
    """One pass over a GraphML document into a DraftBuilder; subclassed for Maltego."""

    format_label = "GraphML"
    xml_keys: tuple[str, ...] = ()  # keys whose data is XML a subclass reads in data_element()

    def __init__(self, ctx: ImportContext, name: str) -> None:
        self.b = DraftBuilder(ctx, name, self.format_label)
        self.keys: dict[str, KeyDef] = {}
        self._fields: dict[str, dict[str, str]] = {}  # domain -> key id -> field
        self._open: list[str] = []
        self._nodes: list[str] = []  # ids of open nodes, outermost first
        self._edgedefault: list[str] = []
        self._group_ids: set[str] = set()
        self._groups: dict[str, tuple[str, float, float, list[str]]] = {}
        self._members: dict[str, list[str]] = {}
        self._gephi = False

    # ---------------------------------------------------------------- driver
    def read(self, raw: BinaryIO, size: int) -> Draft:
        counter, stream = open_xml(raw)
        for event, elem in iter_xml(stream):
            name = local(elem.tag)
            if event == "start":
                self._start(name, elem)
                continue
            self._open.pop()
            if name == "node":
                node_id = self._nodes.pop()
                self._node(node_id, elem)
                elem.clear()
                self.b.tick(counter.count / size)
            elif name == "edge":
                self._edge(elem)
                elem.clear()
                self.b.tick(counter.count / size)
            elif name == "key":
                self._key(elem)
            elif name == "graph":
                self._edgedefault.pop()
            elif name == "data" and self._open and self._open[-1] == "graph":
                self._graph_data(elem)
            elif name == "hyperedge":
                self.b.report.skipped("hyperedges (edges joining more than two nodes) are not supported")
                elem.clear()
        self._make_groups()
        self.b.progress(1.0)
        return self.b.finish()

    _seen_root = False

    def _start(self, name: str, elem: ET.Element) -> None:
        if not self._open and not self._seen_root:
            if name != "graphml":
                raise CaseFileError(f"it is not a GraphML file (its root element is <{name[:40]}>)")
            self._seen_root = True
        self._open.append(name)
        if name == "graph":
            default = elem.get("edgedefault") or (self._edgedefault[-1] if self._edgedefault else "directed")
            self._edgedefault.append(default)
            if self._nodes:
                self._group_ids.add(self._nodes[-1])
        elif name == "node":
            node_id = elem.get("id") or ""
            if self._nodes:
                self._members.setdefault(self._nodes[-1], []).append(node_id)
            self._nodes.append(node_id)

    # ------------------------------------------------------------------ keys
    def _key(self, elem: ET.Element) -> None:
        key_id = elem.get("id") or ""
        default = next((c.text or "" for c in elem if local(c.tag) == "default"), None)
        yfiles = elem.get("yfiles.type") or ""
        name = elem.get("attr.name") or yfiles or key_id
        self.keys[key_id] = KeyDef(key_id, elem.get("for") or "all", name, elem.get("attr.type") or "string", default, yfiles)
        self._fields.clear()
        elem.clear()

    def _field_map(self, domain: str) -> dict[str, str]:
        """key id -> our field name, "attr", "yed", "skip" or a special; computed once per domain."""
        if domain in self._fields:
            return self._fields[domain]
        keys = [k for k in self.keys.values() if k.domain in (domain, "all")]
        plain = [k for k in keys if not k.yfiles]
        table, fields = (ENTITY_NAMES, NODE_FIELDS) if domain == "node" else (LINK_NAMES, EDGE_FIELDS)
        by_name = assign_fields([k.name for k in plain], table, fields)
        names = {normalise_name(k.name) for k in plain}
        self._gephi = domain == "node" and {"r", "g", "b", "size", "x", "y"} <= names
        what = "node" if domain == "node" else "edge"
        out: dict[str, str] = {}
        for k in keys:
            norm = normalise_name(k.name)
            if k.yfiles:
                out[k.id] = "yed" if k.yfiles in ("nodegraphics", "edgegraphics") else "skip"
                if out[k.id] == "skip":
                    self.b.report.skipped(f"yEd '{k.yfiles}' data (icons, ports) is not imported")
            elif k.name in self.xml_keys:
                out[k.id] = "xml"
            elif k.name in by_name:
                out[k.id] = by_name[k.name]
                self.b.report.mapped(f"{what} attribute '{k.name}' -> {by_name[k.name].replace('_', ' ')}")
            elif norm == "style":
                out[k.id] = "style"
            elif self._gephi and norm in ("r", "g", "b"):
                out[k.id] = norm
                self.b.report.mapped("node attributes 'r', 'g', 'b' -> card colour")
            elif self._gephi and norm in _GEPHI_SKIP:
                out[k.id] = "skip"
                self.b.report.skipped(f"node attribute '{k.name}' (drawing size) is not imported")
            else:
                out[k.id] = "attr"
                self.b.report.mapped(f"{what} attribute '{k.name}' -> attribute")
        if self._gephi:
            self.b.report.mapped("Gephi positions (y up) -> chart positions (y down)")
        self._fields[domain] = out
        return out

    def _collect(self, elem: ET.Element, domain: str) -> _Item:
        fields = self._field_map(domain)
        item = _Item({}, {}, {}, [], {})
        present: set[str] = set()
        for child in elem:
            if local(child.tag) != "data":
                continue
            key_id = child.get("key") or ""
            present.add(key_id)
            kind = fields.get(key_id)
            if kind is None:
                self.b.report.skipped("data for an undeclared key is not imported", repr(key_id[:40]))
            elif len(child):
                self.data_element(child, kind, item, domain)
            else:
                self._value(key_id, kind, child.text or "", item)
        for key_id, kind in fields.items():
            default = self.keys[key_id].default
            if key_id not in present and default is not None and kind not in ("yed", "skip"):
                self._value(key_id, kind, default, item)
        return item

    def _value(self, key_id: str, kind: str, text: str, item: _Item) -> None:
        key = self.keys[key_id]
        if kind in ("skip", "xml"):
            return
        if kind == "attr":
            value = typed_value(text, key.type)
            if value is None:
                self.b.report.warn(f"a value of attribute '{key.name}' is not of type {key.type}; kept as text", repr(text[:40]))
                value = text
            if value != "":
                name = key.name[len("attr.") :] if key.name.startswith("attr.") else key.name
                item.attributes[name] = value
        elif kind == "citations":
            if text.strip():
                try:
                    item.quotes += parse_citations_json(text)
                except ValueError:
                    self.b.report.skipped("a 'citations' value is not LinkChart citation data", repr(text[:40]))
        elif kind == "style":
            try:
                style = json.loads(text) if text.strip() else {}
            except ValueError:
                style = None
            if isinstance(style, dict):
                item.style.update({str(k): str(v) for k, v in style.items()})
        else:
            item.fields[kind] = text

    def data_element(self, data: ET.Element, kind: str, item: _Item, domain: str) -> None:
        """A ``<data>`` holding XML rather than text: yEd graphics here; Maltego overrides."""
        if kind == "yed":
            if domain == "node":
                read_yed_node(data, item.graphics)
            else:
                read_yed_edge(data, item.graphics)

    # ----------------------------------------------------------------- nodes
    def _node(self, node_id: str, elem: ET.Element) -> None:
        item = self._collect(elem, "node")
        self.node_item(elem, item)
        g = item.graphics
        label, subtitle = item.fields.get("label", "").strip(), item.fields.get("subtitle", "").strip()
        if not label and g.get("label"):
            label, extra = split_label(g["label"])
            subtitle = subtitle or extra
        x, y = parse_number(item.fields.get("x", "")), parse_number(item.fields.get("y", ""))
        if x is None or y is None:
            x, y = g.get("x"), g.get("y")
        elif self._gephi:
            y = -y
        if node_id in self._group_ids:
            self._groups[node_id] = (label or node_id, x or 0.0, y or 0.0, [])
            return
        entity = Entity(id="", label=label, subtitle=subtitle, notes=item.fields.get("notes", ""), attributes=item.attributes)
        if x is not None and y is not None:
            entity.x, entity.y = float(x), float(y)
        if "aliases" in item.fields:
            entity.aliases = [a for a in parse_aliases(item.fields["aliases"]) if a != entity.label]
        self._date(entity, item)
        colour = g.get("colour") or (self._rgb(item) if self._gephi else None)
        entity.type = self.b.types.entity_type(item.fields.get("type", ""), colour)
        entity.style = dict(item.style)
        if colour and colour != self.b.type_colour(entity.type) and "colour" not in entity.style:
            entity.style["colour"] = colour
        self.b.add_entity(node_id, entity, item.quotes)

    def node_item(self, elem: ET.Element, item: _Item) -> None:
        """Hook for dialects that keep node data outside ``<data>`` text (Maltego)."""

    @staticmethod
    def _rgb(item: _Item) -> str | None:
        rgb = [parse_number(item.fields.get(c, "")) for c in ("r", "g", "b")]
        return colour_hex(*rgb) if all(v is not None for v in rgb) else None  # type: ignore[arg-type]

    def _date(self, item_obj: Entity | Link, item: _Item) -> None:
        raw = item.fields.get("date", "").strip()
        if not raw:
            return
        parsed = parse_date_text(raw)
        if parsed is None:
            item_obj.attributes["date"] = raw
            self.b.report.warn("a date is not one LinkChart understands; kept as attribute 'date'", repr(raw[:40]))
        else:
            item_obj.date = parsed

    def _make_groups(self) -> None:
        for gid, (label, x, y, _) in self._groups.items():
            members = [self.b.entity_id(m) for m in self._members.get(gid, [])]
            members = [m for m in members if m is not None]
            self.b.draft.groups.append(Group(label=label, members=members, x=x, y=y))
            self.b.report.mapped("yEd group nodes -> groups")

    # ----------------------------------------------------------------- edges
    def _edge(self, elem: ET.Element) -> None:
        source, target = elem.get("source") or "", elem.get("target") or ""
        if source in self._group_ids or target in self._group_ids:
            self.b.report.skipped("a link to a yEd group node (a group is a box, not an entity)", f"{source[:30]!r} -> {target[:30]!r}")
            return
        item = self._collect(elem, "edge")
        self.edge_item(elem, item)
        g = item.graphics
        f = item.fields
        tid, reverse, label = self.b.link_kind(f.get("type", ""), f.get("label", "") or g.get("label", ""))
        direction = self._direction(elem, item)
        if direction == "reverse":
            direction, reverse = "forward", not reverse
        strength = parse_strength(f["strength"]) if f.get("strength") else g.get("strength")
        if f.get("strength") and strength is None:
            self.b.report.warn("a strength is not confirmed, probable or possible; confirmed assumed", repr(f["strength"][:40]))
        link = Link(id="", source="", target="", type=tid, label=label, direction=direction, strength=strength or "confirmed",
                    notes=f.get("notes", ""), attributes=item.attributes, style=dict(item.style))
        self._grading(link, f)
        self._date(link, item)
        if reverse:
            source, target = target, source
        self.b.add_link(source, target, link, item.quotes, elem.get("id") or "")

    def edge_item(self, elem: ET.Element, item: _Item) -> None:
        """Hook for dialects that keep edge data outside ``<data>`` text (Maltego)."""

    def _direction(self, elem: ET.Element, item: _Item) -> str:
        text = item.fields.get("direction", "")
        if text:
            parsed = parse_direction(text)
            if parsed is not None:
                return parsed
            self.b.report.warn("a direction is not forward, both or none; the file's default was used", repr(text[:40]))
        if elem.get("directed") in ("true", "false"):
            return "forward" if elem.get("directed") == "true" else "none"
        if "direction" in item.graphics:
            return item.graphics["direction"]
        return "none" if (self._edgedefault[-1] if self._edgedefault else "directed") == "undirected" else "forward"

    def _grading(self, link: Link, f: dict[str, str]) -> None:
        if f.get("grading"):
            pair = parse_grading(f["grading"])
            if pair is None:
                self.b.report.warn("a grading is not an Admiralty code such as B2", repr(f["grading"][:20]))
            else:
                link.reliability, link.credibility = pair
        for name, parse in (("reliability", parse_reliability), ("credibility", parse_credibility)):
            if f.get(name):
                value = parse(f[name])
                if value is None:
                    self.b.report.warn(f"a {name} grade is not understood", repr(f[name][:20]))
                else:
                    setattr(link, name, value)

    # ----------------------------------------------------------------- graph
    def _graph_data(self, elem: ET.Element) -> None:
        key = self.keys.get(elem.get("key") or "")
        name = key.name if key else elem.get("key") or ""
        if name == "vocabulary" and elem.text:
            self._vocabulary(elem.text)
        elif name.lower() not in ("title", "description") or (elem.text or "").strip():
            self.b.report.skipped(f"graph attribute '{name}' is not imported (an import adds to the open case)")

    def _vocabulary(self, text: str) -> None:
        """Our own export's custom types, so a round trip keeps their names and colours."""
        try:
            data = json.loads(text)
            for raw in data.get("entity_types", []):
                self.b.draft.entity_types.append(EntityType(**{k: str(raw[k]) for k in raw if k in EntityType.__dataclass_fields__}))
            for raw in data.get("link_types", []):
                values = {k: raw[k] for k in raw if k in LinkType.__dataclass_fields__}
                self.b.draft.link_types.append(LinkType(**values))
        except (ValueError, TypeError, AttributeError, KeyError):
            self.b.report.skipped("the graph's 'vocabulary' attribute is not LinkChart vocabulary data")


# --------------------------------------------------------------------- yEd
def read_yed_node(data: ET.Element, out: dict[str, Any]) -> None:
    """Label, centre and fill colour of a yEd node realizer (ShapeNode, GenericNode, GroupNode...)."""
    for el in data.iter():
        name = local(el.tag)
        if name == "NodeLabel" and "label" not in out and (el.text or "").strip():
            out["label"] = el.text
        elif name == "Geometry" and "x" not in out:
            nums = [parse_number(el.get(a) or "0") for a in ("x", "y", "width", "height")]
            if all(n is not None for n in nums):
                x, y, w, h = nums  # type: ignore[misc]
                out["x"], out["y"] = x + w / 2, y + h / 2
        elif name == "Fill" and "colour" not in out and el.get("color"):
            colour = parse_colour(el.get("color") or "")
            if colour:
                out["colour"] = colour


def read_yed_edge(data: ET.Element, out: dict[str, Any]) -> None:
    """Label, arrows and line style of a yEd edge realizer (PolyLineEdge, BezierEdge...)."""
    for el in data.iter():
        name = local(el.tag)
        if name == "EdgeLabel" and "label" not in out and (el.text or "").strip():
            out["label"] = el.text.strip()
        elif name == "Arrows":
            head = (el.get("target") or "none") != "none"
            tail = (el.get("source") or "none") != "none"
            out["direction"] = "both" if head and tail else "forward" if head else "reverse" if tail else "none"
        elif name == "LineStyle" and el.get("type") in _YED_LINE:
            out["strength"] = _YED_LINE[el.get("type") or ""]


def _sniff(head: bytes) -> bool:
    return root_name(head) == "graphml"


@register_reader("graphml", extensions=(".graphml",), sniff=_sniff, label="GraphML")
def read_graphml(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """A GraphML file (yEd, Gephi, igraph, NetworkX or LinkChart) as a Draft."""
    with open_source(source) as (handle, size):
        return GraphmlReader(ctx, source_name(source)).read(handle, size)
