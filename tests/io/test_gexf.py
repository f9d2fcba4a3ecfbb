"""GEXF 1.1draft, 1.2draft and 1.3 in (attributes, viz, edge types); 1.3 out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DET

from linkchart.io import ImportContext, read_graph, write_graph


def _by_label(draft):
    return {e.label: e for e in draft.entities}


def _links(draft):
    label = {e.id: e.label for e in draft.entities}
    return {(label[k.source], k.type, label[k.target]): k for k in draft.links}


def test_gephi_1_2draft_attributes_positions_colours_and_edge_types(files):
    draft = read_graph(files / "gephi-1.2draft.gexf")
    ents = _by_label(draft)
    hz = ents["Hezbollah"]
    assert (hz.type, hz.attributes, hz.x, hz.y, hz.style) == ("armed_group", {"Founded": 1982, "Active": True}, -120.5, -40.25,
                                                              {"colour": "#ff0000"})
    assert ents["Iran"].attributes == {"Active": False} and ents["Iran"].style == {}  # the country colour is not an override
    assert ents["Syria"].attributes == {"Founded": "not known", "Active": True}
    links = _links(draft)
    assert links[("Iran", "funds", "Hezbollah")].direction == "forward"  # "funded by" read the other way
    neighbours = links[("Iran", "associated_with", "Syria")]
    assert (neighbours.label, neighbours.direction) == ("neighbours", "none")
    assert links[("Syria", "associated_with", "Hezbollah")].attributes == {"weight": 2.5}
    assert len(draft.links) == 3
    assert any("'9'" in s for s in draft.report.skipped)
    assert "GEXF version 1.2" in draft.report.mapped


def test_gexf_1_3_kinds_dates_aliases_and_mutual_edges(files):
    draft = read_graph(files / "gexf-1.3.gexf")
    ents = _by_label(draft)
    ship = ents["Adrian Darya 1"]
    assert (ship.type, ship.aliases, ship.attributes, ship.style) == ("vessel", ["Grace 1", "Adrian Darya"], {"tonnage": 300000.5}, {})
    assert [(t.name, t.colour) for t in draft.entity_types] == [("Vessel", "#0080ff")]  # a new type takes its first card's colour
    assert (ents["IRGC"].type, ents["Gibraltar"].type) == ("organization", "location")
    links = _links(draft)
    operates = links[("IRGC", "operates", "Adrian Darya 1")]
    assert (operates.strength, operates.date) == ("possible", "2019-04-01/2019-08-31")
    assert links[("Adrian Darya 1", "associated_with", "Gibraltar")].date == "2019-07-04"
    assert links[("IRGC", "allied_with", "Gibraltar")].direction == "both"
    assert [t.label for t in draft.link_types] == ["operates"]


def test_gexf_1_1draft_attvalue_ids(files):
    draft = read_graph(files / "gephi-1.1draft.gexf")
    ents = _by_label(draft)
    assert (ents["Hamas"].type, ents["Gaza"].type, ents["Hamas"].y) == ("organization", "location", -5.0)
    (link,) = draft.links
    assert (link.type, link.direction) == ("located_in", "none")


def test_written_gexf_is_1_3_with_viz_positions_and_colours(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.gexf")
    root = DET.parse(path).getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    assert root.get("version") == "1.3"
    node = root.find(".//g:node[@id='00000000-0000-4000-8000-e00000000003']", ns)
    assert isinstance(node, ET.Element) and node.get("label") == "Hezbollah"
    colour = node.find("viz:color", ns)
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == ("255", "215", "0")  # the card's own colour
    assert node.find("viz:position", ns).get("y") == "-150"  # Gephi's y axis points up
    types = {e.get("id")[-1]: e.get("type") for e in root.iterfind(".//g:edge", ns)}
    assert (types["1"], types["4"], types["5"]) == ("directed", "undirected", "mutual")


def test_our_gexf_comes_back_with_everything_it_holds(small_case, case_target, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.gexf")
    target = case_target(small_case)
    draft = read_graph(path, ImportContext.for_case(target))
    assert not draft.report.warnings and not draft.report.skipped
    target.apply_draft(draft)
    for e in small_case.entities.values():
        got = target.entities[e.id]
        assert (got.label, got.type, got.aliases, got.attributes, got.notes, got.date, got.x, got.y, got.style) == (
            e.label, e.type, e.aliases, e.attributes, e.notes, e.date, e.x, e.y, e.style)
    for k in small_case.links.values():
        got = target.links[k.id]
        assert (got.type, got.label, got.direction, got.strength, got.date, got.grading, got.attributes) == (
            k.type, k.label, k.direction, k.strength, k.date, k.grading, k.attributes)
        assert [c.quote for c in got.citations] == [c.quote for c in k.citations]
    assert not target.broken_citations()
