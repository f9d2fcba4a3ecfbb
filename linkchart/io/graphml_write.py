"""Write a clean GraphML: typed keys, one node per entity, one edge per link, readable by NetworkX.

Positions are the ``x``/``y`` keys in chart coordinates (y down), direction is a
``direction`` key (``forward``/``both``/``none``) rather than the per-edge
``directed`` flag, which NetworkX refuses inside a directed graph. Citations,
aliases, custom types and styles travel as JSON text so a LinkChart round trip
keeps them; other tools see plain strings.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import BinaryIO

from linkchart.io.registry import register_writer
from linkchart.io.writing import Out, aliases_text, attribute_columns, attribute_text, citations_json, style_json
from linkchart.io.xmlsafe import xml_attr, xml_number, xml_text
from linkchart.model import Case

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("label", "string"), ("type", "string"), ("subtitle", "string"), ("aliases", "string"), ("notes", "string"),
             ("date", "string"), ("x", "double"), ("y", "double"), ("citations", "string"), ("style", "string"))
EDGE_KEYS = (("label", "string"), ("type", "string"), ("direction", "string"), ("strength", "string"), ("date", "string"),
             ("reliability", "string"), ("credibility", "string"), ("notes", "string"), ("citations", "string"),
             ("style", "string"))
ATTR_PREFIX = "attr."  # an attribute named like one of our keys is written as attr.<name>


def _key(out: Out, key_id: str, domain: str, name: str, kind: str) -> None:
    out(f"  <key id={xml_attr(key_id)} for={xml_attr(domain)} attr.name={xml_attr(name)} attr.type={xml_attr(kind)}/>\n")


def _data(out: Out, key_id: str, value: object) -> None:
    out(f"      <data key={xml_attr(key_id)}>{xml_text(value)}</data>\n")


@register_writer("graphml", extensions=(".graphml",), label="GraphML")
def write_graphml(case: Case, handle: BinaryIO) -> None:
    """The case as GraphML on a binary handle."""
    out = Out(handle)
    out('<?xml version="1.0" encoding="UTF-8"?>\n')
    out(f'<graphml xmlns="{NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    voc = case.vocabulary
    vocabulary = {}
    if voc.custom_entity_types or voc.custom_link_types:
        vocabulary = {"entity_types": [asdict(t) for t in voc.custom_entity_types.values()],
                      "link_types": [asdict(t) for t in voc.custom_link_types.values()]}
    for name in ("title", "description", *(["vocabulary"] if vocabulary else [])):
        _key(out, f"g_{name}", "graph", name, "string")
    node_attrs = _attribute_keys(attribute_columns(case.entities.values()), "n", {n for n, _ in NODE_KEYS})
    edge_attrs = _attribute_keys(attribute_columns(case.links.values()), "e", {n for n, _ in EDGE_KEYS})
    for name, kind in NODE_KEYS:
        _key(out, f"n_{name}", "node", name, kind)
    for key_id, (name, kind, _) in node_attrs.items():
        _key(out, key_id, "node", name, kind)
    for name, kind in EDGE_KEYS:
        _key(out, f"e_{name}", "edge", name, kind)
    for key_id, (name, kind, _) in edge_attrs.items():
        _key(out, key_id, "edge", name, kind)
    out('  <graph id="G" edgedefault="directed">\n')
    for name in ("title", "description"):
        if case.metadata.get(name):
            out(f"    <data key=\"g_{name}\">{xml_text(case.metadata[name])}</data>\n")
    if vocabulary:
        text = json.dumps(vocabulary, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        out(f'    <data key="g_vocabulary">{xml_text(text)}</data>\n')
    by_attr = {name: key_id for key_id, (_, _, name) in node_attrs.items()}
    for e in case.entities.values():
        out(f"    <node id={xml_attr(e.id)}>\n")
        _data(out, "n_label", e.label)
        _data(out, "n_type", e.type)
        for name, value in (("subtitle", e.subtitle), ("aliases", aliases_text(e.aliases)), ("notes", e.notes), ("date", e.date)):
            if value:
                _data(out, f"n_{name}", value)
        _data(out, "n_x", xml_number(e.x))
        _data(out, "n_y", xml_number(e.y))
        if e.citations:
            _data(out, "n_citations", citations_json(case, e.citations))
        if e.style:
            _data(out, "n_style", style_json(e.style))
        for name, value in e.attributes.items():
            key_id = by_attr[name]
            _data(out, key_id, attribute_text(value, node_attrs[key_id][1]))
        out("    </node>\n")
    by_attr = {name: key_id for key_id, (_, _, name) in edge_attrs.items()}
    for k in case.links.values():
        out(f"    <edge id={xml_attr(k.id)} source={xml_attr(k.source)} target={xml_attr(k.target)}>\n")
        _data(out, "e_label", case.link_label(k))
        _data(out, "e_type", k.type)
        _data(out, "e_direction", k.direction)
        _data(out, "e_strength", k.strength)
        for name in ("date", "reliability", "credibility", "notes"):
            if getattr(k, name):
                _data(out, f"e_{name}", getattr(k, name))
        if k.citations:
            _data(out, "e_citations", citations_json(case, k.citations))
        if k.style:
            _data(out, "e_style", style_json(k.style))
        for name, value in k.attributes.items():
            key_id = by_attr[name]
            _data(out, key_id, attribute_text(value, edge_attrs[key_id][1]))
        out("    </edge>\n")
    out("  </graph>\n</graphml>\n")
    out.flush()


def _attribute_keys(columns: list[tuple[str, str]], prefix: str, reserved: set[str]) -> dict[str, tuple[str, str, str]]:
    """key id -> (written name, kind, attribute name); names clashing with our keys get a prefix."""
    kinds = {"boolean": "boolean", "int": "long", "double": "double", "string": "string"}
    out = {}
    for i, (name, kind) in enumerate(columns):
        written = ATTR_PREFIX + name if name in reserved or name.startswith(ATTR_PREFIX) else name
        out[f"{prefix}_a{i}"] = (written, kinds[kind], name)
    return out
