"""Read a Maltego graph (MTGX, read only): a zip whose Graphs/*.graphml hold mtg: entities and links.

Each node's ``mtg:MaltegoEntity`` names a type (maltego.Person, ...) and a list
of properties; the main one ("person.fullname", "title", ...) is the label and
the others become attributes. Links carry their label in a property
(``maltego.link.manual.type`` or ``maltego.link.label``) and their line style
in ``maltego.link.style`` (0 solid, 1 dashed, 2 dotted). The zip is opened with
the same guards as the case file: safe member names, bounded sizes and ratios.
"""

from __future__ import annotations

import io
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from typing import Any, BinaryIO

from linkchart.io.errors import CaseFileError
from linkchart.io.graphml_read import GraphmlReader, _Item
from linkchart.io.importing import ImportContext
from linkchart.io.lcase import check_zip_members, read_zip_member
from linkchart.io.registry import register_reader, source_name
from linkchart.io.values import normalise_name, parse_number, typed_value
from linkchart.io.xmlsafe import local
from linkchart.model import Draft

MAX_GRAPH_BYTES = 512 * 1024**2
_GRAPH_MEMBER = re.compile(r"^Graphs/[^/]+\.graphml$")

# Maltego type (last part, normalised) -> our type name, for the common built-in entities.
MALTEGO_TYPES = {
    "person": "person", "alias": "person", "organization": "organization", "company": "organization",
    "location": "location", "city": "location", "gps": "location", "address": "location", "country": "country",
    "document": "document", "newsarticle": "document", "event": "event", "phrase": "other",
}
# Properties that hold an entity's main value, best first.
LABEL_PROPERTIES = ("person.fullname", "title", "location.name", "country", "city", "alias", "fqdn", "ipv4-address",
                    "email", "phonenumber", "url", "text", "name", "value")
_LINK_LABELS = ("maltego.link.manual.type", "maltego.link.label", "label")
_LINK_STYLES = {"0": "confirmed", "1": "probable", "2": "possible", "3": "probable"}


def _properties(elem: ET.Element) -> list[tuple[str, str, str, str]]:
    """(name, display name, type, value) of each mtg:Property under *elem*."""
    out = []
    for prop in elem.iter():
        if local(prop.tag) != "Property":
            continue
        value = next((v.text or "" for v in prop if local(v.tag) == "Value"), "")
        out.append((prop.get("name") or "", prop.get("displayName") or prop.get("name") or "", prop.get("type") or "string", value))
    return out


def _typed(kind: str, value: str) -> Any:
    simple = kind.split(".")[-1].lower()
    if simple in ("int", "long", "short", "byte", "float", "double", "boolean"):
        typed = typed_value(value, simple)
        return value if typed is None else typed
    return value


class MtgxGraphReader(GraphmlReader):
    """GraphML reading plus the mtg: entity and link elements."""

    format_label = "Maltego MTGX"
    xml_keys = ("MaltegoEntity", "MaltegoLink")

    def data_element(self, data: ET.Element, kind: str, item: _Item, domain: str) -> None:
        first = local(data[0].tag)
        if first == "MaltegoEntity":
            self._entity(data[0], item)
        elif first == "MaltegoLink":
            self._link_data(data[0], item)
        elif first == "EntityRenderer":
            pos = next((p for p in data.iter() if local(p.tag) == "Position"), None)
            if pos is not None:
                x, y = parse_number(pos.get("x") or ""), parse_number(pos.get("y") or "")
                if x is not None and y is not None:
                    item.graphics.setdefault("x", x)
                    item.graphics.setdefault("y", y)
        else:
            super().data_element(data, kind, item, domain)

    def _entity(self, ent: ET.Element, item: _Item) -> None:
        mtype = ent.get("type") or ""
        last = mtype.rsplit(".", 1)[-1]
        ours = MALTEGO_TYPES.get(normalise_name(last).replace(" ", ""))
        if ours is None:
            ours = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", last) or "Other"
        item.fields["type"] = ours
        if mtype:
            item.attributes["maltego type"] = mtype
            self.b.report.mapped(f"Maltego type '{mtype}' -> entity type")
        props = _properties(ent)
        by_name = {name.lower(): value for name, _, _, value in props}
        label_prop = next((p for p in LABEL_PROPERTIES if by_name.get(p, "").strip()), None)
        if label_prop is None:
            label_prop = next((n.lower() for n, _, _, v in props if v.strip()), None)
        if label_prop is not None:
            item.fields["label"] = by_name[label_prop]
        for name, display, kind, value in props:
            if name.lower() != label_prop and value.strip():
                item.attributes[display] = _typed(kind, value)
        notes = [n.text or "" for n in ent.iter() if local(n.tag) == "Notes"]
        if any(n.strip() for n in notes):
            item.fields["notes"] = "\n".join(n.strip() for n in notes if n.strip())

    def _link_data(self, link: ET.Element, item: _Item) -> None:
        props = {name.lower(): value for name, _, _, value in _properties(link)}
        label = next((props[p] for p in _LINK_LABELS if props.get(p, "").strip()), "")
        if label:
            item.fields["label"] = label
        style = props.get("maltego.link.style", "").strip()
        if style in _LINK_STYLES:
            item.graphics["strength"] = _LINK_STYLES[style]
            self.b.report.mapped("Maltego link style -> strength")
        for name, value in props.items():
            if value.strip() and not name.startswith("maltego.link.") and name != "label":
                item.attributes[name] = value


@register_reader("mtgx", extensions=(".mtgx",), sniff=lambda head: head.startswith(b"PK\x03\x04") and b"Graphs/" in head[:120],
                 label="Maltego graph (MTGX)")
def read_mtgx(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """The graphs of a Maltego MTGX file as one Draft."""
    name = source_name(source)
    try:
        with zipfile.ZipFile(source) as zf:
            members = check_zip_members(zf)
            graphs = sorted(n for n in members if _GRAPH_MEMBER.match(n))
            if not graphs:
                raise CaseFileError("it is not a Maltego graph (no Graphs/*.graphml inside)")
            payload = read_zip_member(zf, members[graphs[0]], MAX_GRAPH_BYTES)
    except zipfile.BadZipFile:
        raise CaseFileError("it is not a Maltego graph (not a zip archive)") from None
    reader = MtgxGraphReader(ctx, name)
    if len(graphs) > 1:
        reader.b.report.skipped(f"only the first graph of {len(graphs)} is imported ({graphs[0]})")
    return reader.read(io.BytesIO(payload), len(payload))
