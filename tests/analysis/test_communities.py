"""Communities, connected pieces and the simple graph views they rest on."""

from __future__ import annotations

from linkchart.analysis import communities, components, membership, simple_graph
from linkchart.model import Case


def two_cliques() -> tuple[Case, list[str], list[str]]:
    case = Case()
    left = [case.add_entity(f"L{i}").id for i in range(5)]
    right = [case.add_entity(f"R{i}").id for i in range(4)]
    for group in (left, right):
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                case.add_link(a, b)
    case.add_link(left[0], right[0], strength="possible")
    return case, left, right


def test_two_cliques_joined_by_one_link_are_two_communities():
    case, left, right = two_cliques()
    found = communities(case)
    assert found == [left, right]
    assert communities(case) == found  # fixed seed: same answer every time
    assert membership(found)[right[2]] == 1


def test_communities_cover_every_card_including_loners():
    case, left, right = two_cliques()
    loner = case.add_entity("alone").id
    found = communities(case, weight="strength")
    assert sorted(eid for group in found for eid in group) == sorted(case.entities)
    assert [loner] in found


def test_components_ignore_direction_and_can_follow_chosen_links(proxies):
    pieces = components(proxies.case)
    # The Iran-backed cluster, the strike on 2020-01-03 (through the duplicate cards), the IRGC card, Oman.
    assert [len(p) for p in pieces] == [8, 4, 2, 1]
    assert [proxies.ids["Oman"], proxies.ids["Muscat talks"]] in pieces
    commands_only = components(proxies.case, link_types=["commands"])
    assert [proxies.ids["Quds Force"], proxies.ids["Qasem Soleimani"]] in commands_only
    assert sum(len(p) for p in commands_only) == len(proxies.case.entities)


def test_simple_graph_collapses_parallel_links_and_respects_direction():
    case = Case()
    a, b = case.add_entity("a").id, case.add_entity("b").id
    one = case.add_link(a, b, strength="possible").id
    two = case.add_link(a, b, "funds", strength="probable").id
    back = case.add_link(b, a, "allied_with", direction="none", strength="possible").id
    case.add_link(a, a, "associated_with")
    directed = simple_graph(case, weight="strength")
    assert directed[a][b]["links"] == [one, two, back] and directed[a][b]["weight"] == 0.6
    assert directed[b][a]["links"] == [back]
    assert not directed.has_edge(a, a)
    undirected = simple_graph(case, directed=False)
    assert undirected.number_of_edges() == 1 and undirected[a][b]["links"] == [one, two, back]
    assert simple_graph(case, min_strength="probable")[a][b]["links"] == [two]
    assert case.graph.number_of_edges() == 4  # the case's own graph is untouched
