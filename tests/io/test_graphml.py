"""GraphML: the yEd, Gephi, igraph and NetworkX dialects in; a clean, NetworkX-readable file out."""

from __future__ import annotations

import networkx as nx
import pytest

from linkchart.io import CaseFileError, ImportCancelled, ImportContext, read_graph, write_graph
from linkchart.model import Case


def _by_label(draft):
    return {e.label: e for e in draft.entities}


def _links(draft):
    label = {e.id: e.label for e in draft.entities}
    return {(label[k.source], k.type, label[k.target]): k for k in draft.links}


def test_yed_labels_positions_arrows_line_styles_and_groups(files):
    draft = read_graph(files / "yed.graphml")
    ents = _by_label(draft)
    assert set(ents) == {"Khamenei", "IRGC", "Houthis", "Hezbollah"}
    assert (ents["Khamenei"].x, ents["Khamenei"].y) == (140.0, 215.0)  # centre of the y:Geometry box
    assert ents["Khamenei"].notes == "Supreme leader since 1989"
    assert ents["Khamenei"].style == {"colour": "#ffcc00"}
    assert (ents["IRGC"].label, ents["IRGC"].subtitle) == ("IRGC", "Quds Force")  # two-line y:NodeLabel
    assert ents["IRGC"].attributes == {"url": "https://example.org/irgc"}
    links = _links(draft)
    assert links[("Houthis", "backed_by", "IRGC")].strength == "probable"  # dashed
    commands = links[("Khamenei", "commands", "IRGC")]  # drawn IRGC -> Khamenei with the arrow at the source end
    assert (commands.direction, commands.notes) == ("forward", "Chain of command")
    allied = links[("Houthis", "allied_with", "Hezbollah")]
    assert (allied.direction, allied.strength) == ("none", "possible")
    money = links[("IRGC", "associated_with", "Hezbollah")]
    assert money.label == "$700m a year"  # an edge label that is no known type stays a label
    (group,) = draft.groups
    assert group.label == "Axis of resistance"
    assert [ents_by_id.label for ents_by_id in draft.entities if ents_by_id.id in group.members] == ["Houthis", "Hezbollah"]
    assert any("yEd group node" in s for s in draft.report.skipped)  # the edge n0 -> group


def test_igraph_names_kinds_defaults_and_undirected_edges(files):
    draft = read_graph(files / "igraph.graphml")
    ents = _by_label(draft)
    assert {k: e.type for k, e in ents.items()} == {"Iran": "country", "Hezbollah": "armed_group", "Hamas": "organization",
                                                    "Vessel Adrian Darya": "vessel"}
    assert [t.name for t in draft.entity_types] == ["Vessel"]
    assert ents["Hezbollah"].attributes == {"members": 20000.0, "listed": True}
    assert ents["Iran"].attributes == {"listed": False}  # NaN is igraph's "no value"; the default fills "listed"
    links = _links(draft)
    backs = links[("Hezbollah", "backed_by", "Iran")]  # "backs" is backed_by read the other way
    assert (backs.direction, backs.attributes) == ("none", {"weight": 3.0})
    assert links[("Vessel Adrian Darya", "owned_by", "Iran")].direction == "forward"  # per-edge directed="true"
    assert "node attribute 'kind' -> type" in draft.report.mapped
    assert "new link type 'coordinates with'" in draft.report.mapped


def test_gephi_graphml_colours_and_y_axis(files):
    draft = read_graph(files / "gephi.graphml")
    ents = _by_label(draft)
    kh = ents["Kataib Hezbollah"]
    assert (kh.type, kh.x, kh.y, kh.style) == ("armed_group", -50.0, -75.5, {"colour": "#1f77b4"})
    assert ents["Iran"].style == {}  # its colour is the country type's own
    assert ("Kataib Hezbollah", "backed_by", "Iran") in _links(draft)


def test_networkx_written_graphml(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("iran", label="Iran", type="country", population=88, gdp=1.7, sanctioned=True)
    g.add_node("houthis", label="Houthis", type="armed group")
    g.add_node(42)  # no label: the id names it
    g.add_edge("houthis", "iran", type="backed_by", strength="probable", date="2019-12")
    g.add_edge("houthis", "iran", type="trained by")
    g.add_edge(42, "iran", label="funds", grading="B2")
    nx.write_graphml(g, tmp_path / "nx.graphml")
    draft = read_graph(tmp_path / "nx.graphml")
    ents = _by_label(draft)
    assert ents["Iran"].attributes == {"population": 88, "gdp": 1.7, "sanctioned": True}
    assert ents["Houthis"].type == "armed_group"
    assert "42" in ents
    links = _links(draft)
    assert len(draft.links) == 3  # parallel edges are kept
    assert (links[("Houthis", "backed_by", "Iran")].strength, links[("Houthis", "backed_by", "Iran")].date) == ("probable", "2019-12")
    assert ("Houthis", "trained_by", "Iran") in links
    funds = links[("42", "funds", "Iran")]
    assert (funds.reliability, funds.credibility, funds.label) == ("B", "2", "")


def test_networkx_reads_what_we_write(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.graphml")
    g = nx.read_graphml(path)
    assert isinstance(g, nx.MultiDiGraph)  # two links run from the Houthis to Iran
    assert set(g.nodes) == set(small_case.entities)
    iran = small_case.entities["00000000-0000-4000-8000-e00000000001"]
    node = g.nodes[iran.id]
    assert (node["label"], node["type"], node["x"], node["y"]) == ("Iran", "country", 400.0, -120.5)
    assert (node["population_m"], node["sanctioned"]) == (88, True)
    assert g.edges["00000000-0000-4000-8000-e00000000003", "00000000-0000-4000-8000-e00000000002",
                   "00000000-0000-4000-8000-b00000000004"]["direction"] == "none"
    assert g.number_of_edges() == len(small_case.links)


def test_our_own_file_comes_back_exactly_with_citations(small_case, case_target, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.graphml")
    target = case_target(small_case)
    draft = read_graph(path, ImportContext.for_case(target))
    assert not draft.report.warnings
    assert all(s.startswith("graph attribute") for s in draft.report.skipped)  # title and description
    target.apply_draft(draft)
    for e in small_case.entities.values():
        got = target.entities[e.id]
        assert (got.label, got.type, got.subtitle, got.aliases, got.attributes, got.notes, got.date, got.x, got.y, got.style) == (
            e.label, e.type, e.subtitle, e.aliases, e.attributes, e.notes, e.date, e.x, e.y, e.style)
        assert [c.quote for c in got.citations] == [c.quote for c in e.citations]
    for k in small_case.links.values():
        got = target.links[k.id]
        assert (got.type, got.label, got.direction, got.strength, got.date, got.grading, got.attributes, got.notes) == (
            k.type, k.label, k.direction, k.strength, k.date, k.grading, k.attributes, k.notes)
        assert [(c.quote, c.comment, c.reliability, c.credibility) for c in got.citations] == [
            (c.quote, c.comment, c.reliability, c.credibility) for c in k.citations]
    assert not target.broken_citations()
    assert target.vocabulary.entity_type("vessel").colour == "#1f6f8b"  # the custom type travelled


def test_quotes_without_their_article_are_kept_in_the_notes(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.graphml")
    draft = read_graph(path, ImportContext.for_case(Case()))
    iran = next(e for e in draft.entities if e.label == "Iran")
    assert not iran.citations and 'Quote: "Tehran" (Heightened threat)' in iran.notes
    assert any(w.startswith("citation quote not matched to an article") for w in draft.report.warnings)


def _big_graphml(path, nodes: int) -> None:
    g = nx.path_graph(nodes, create_using=nx.DiGraph)
    nx.write_graphml(g, path)


def test_progress_is_reported_and_cancel_stops_the_import(tmp_path):
    _big_graphml(tmp_path / "big.graphml", 2500)
    seen: list[float] = []
    draft = read_graph(tmp_path / "big.graphml", ImportContext(progress=lambda f: seen.append(f) or True))
    assert len(draft.entities) == 2500 and len(draft.links) == 2499
    assert len(seen) >= 3 and seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(ImportCancelled):
        read_graph(tmp_path / "big.graphml", ImportContext(progress=lambda f: False))


def test_edges_to_unknown_nodes_and_bad_values_are_reported(tmp_path):
    (tmp_path / "odd.graphml").write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="k" for="edge" attr.name="strength" attr.type="string"/>'
        '<key id="w" for="edge" attr.name="weight" attr.type="int"/>'
        '<graph edgedefault="directed"><node id="a"/><node id="b"/>'
        '<edge source="a" target="zz"/><edge source="a" target="b"><data key="k">solid-ish</data><data key="w">x</data></edge>'
        '<hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge></graph></graphml>', encoding="utf-8")
    draft = read_graph(tmp_path / "odd.graphml")
    assert len(draft.links) == 1 and draft.links[0].attributes == {"weight": "x"}
    report = "\n".join(draft.report.skipped + draft.report.warnings)
    assert "'zz'" in report and "hyperedges" in report and "solid-ish" in report and "not of type int" in report


@pytest.mark.parametrize(("content", "message"), [
    (b"<gml/>", "not a GraphML file"),
    (b"<graphml><graph><node id='a'></graph></graphml>", "not well-formed XML"),
    (b"", "not well-formed XML"),
])
def test_broken_files_give_one_clear_error(tmp_path, content, message):
    (tmp_path / "bad.graphml").write_bytes(content)
    with pytest.raises(CaseFileError, match=message):
        read_graph(tmp_path / "bad.graphml", fmt="graphml")
