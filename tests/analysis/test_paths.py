"""Paths and neighbourhoods, with direction, type and strength restrictions."""

from __future__ import annotations

import pytest

from linkchart.analysis import Step, links_for_step, neighbourhood, shortest_paths, simple_paths
from linkchart.model import Case


def test_shortest_path_lists_each_hop_with_its_link(proxies):
    ids, links = proxies.ids, proxies.links
    paths = shortest_paths(proxies.case, ids["Hezbollah"], ids["Iran"])
    # Hezbollah is allied with the Houthis, who are backed by Iran: two hops beat the three via the IRGC.
    assert paths == [
        [
            Step(ids["Hezbollah"], links["hez_houthi"], ids["Houthis"]),
            Step(ids["Houthis"], links["houthi_iran"], ids["Iran"]),
        ]
    ]
    step = paths[0][0]
    assert step == (ids["Hezbollah"], links["hez_houthi"], ids["Houthis"])
    assert (step.from_id, step.link_id, step.to_id) == tuple(step)


def test_directed_walks_follow_link_direction_but_both_way_links_go_either_way(proxies):
    ids, links = proxies.ids, proxies.links
    # Houthis -> Iran is a forward link: walkable from the Houthis, not from Iran.
    assert shortest_paths(proxies.case, ids["Iran"], ids["Houthis"], directed=True) == []
    forward = shortest_paths(proxies.case, ids["Houthis"], ids["Iran"], directed=True)
    assert forward == [[Step(ids["Houthis"], links["houthi_iran"], ids["Iran"])]]
    # The Hezbollah-Houthi alliance runs both ways.
    assert shortest_paths(proxies.case, ids["Houthis"], ids["Hezbollah"], directed=True) == [
        [Step(ids["Houthis"], links["hez_houthi"], ids["Hezbollah"])]
    ]


def test_type_and_strength_restrictions_change_the_route(proxies):
    ids = proxies.ids
    case = proxies.case
    strong = shortest_paths(case, ids["Hezbollah"], ids["Iran"], min_strength="confirmed")
    assert [len(p) for p in strong] == [3]
    assert all(case.links[s.link_id].strength == "confirmed" for p in strong for s in p)
    no_alliances = shortest_paths(case, ids["Hezbollah"], ids["Iran"], link_types=["backed_by", "part_of"])
    assert [len(p) for p in no_alliances] == [3]
    assert shortest_paths(case, ids["Hezbollah"], ids["Iran"], link_types=["commands"]) == []


def test_all_simple_paths_shortest_first_and_capped(proxies):
    ids = proxies.ids
    paths = simple_paths(proxies.case, ids["Hezbollah"], ids["Iran"], max_hops=4)
    lengths = [len(p) for p in paths]
    assert lengths == sorted(lengths) and lengths[:2] == [2, 3]
    for path in paths:
        walked = [path[0].from_id, *(s.to_id for s in path)]
        assert walked[0] == ids["Hezbollah"] and walked[-1] == ids["Iran"]
        assert len(set(walked)) == len(walked)
        assert all(a.to_id == b.from_id for a, b in zip(path, path[1:], strict=False))
    assert simple_paths(proxies.case, ids["Hezbollah"], ids["Iran"], max_hops=2) == paths[:1]
    assert len(simple_paths(proxies.case, ids["Hezbollah"], ids["Iran"], max_hops=6, limit=1)) == 1
    assert simple_paths(proxies.case, ids["Oman"], ids["Iran"]) == []


def test_weighted_shortest_path_prefers_strong_links():
    case = Case()
    a, b, c, d = (case.add_entity(n).id for n in "abcd")
    weak = case.add_link(a, d, strength="possible").id
    ab = case.add_link(a, b).id
    bc = case.add_link(b, c).id
    cd = case.add_link(c, d).id
    assert shortest_paths(case, a, d) == [[Step(a, weak, d)]]
    # One possible link (distance 1/0.3) is longer than three confirmed ones.
    assert shortest_paths(case, a, d, weight="strength") == [[Step(a, ab, b), Step(b, bc, c), Step(c, cd, d)]]


def test_parallel_links_step_names_the_strongest_and_lists_the_rest():
    case = Case()
    a, b = case.add_entity("a").id, case.add_entity("b").id
    possible = case.add_link(a, b, "funds", strength="possible").id
    confirmed = case.add_link(b, a, "backed_by", strength="confirmed").id
    probable = case.add_link(a, b, "commands", strength="probable").id
    [path] = shortest_paths(case, a, b)
    assert path == [Step(a, confirmed, b)]
    assert links_for_step(case, path[0]) == [confirmed, probable, possible]
    assert links_for_step(case, path[0], directed=True) == [probable, possible]
    assert links_for_step(case, path[0], min_strength="probable", link_types=["commands", "funds"]) == [probable]


def test_neighbourhood_by_hops_and_direction(proxies):
    ids = proxies.ids
    qf = ids["Quds Force"]
    one = neighbourhood(proxies.case, qf, 1)
    assert one == {
        qf: 0,
        ids["Islamic Revolutionary Guard Corps"]: 1,
        ids["Qasem Soleimani"]: 1,
        ids["Kata'ib Hizballah"]: 1,
        ids["Hezbollah"]: 1,
    }
    two = neighbourhood(proxies.case, qf, 2)
    assert two[ids["Iran"]] == 2 and two[ids["Houthis"]] == 2 and ids["Oman"] not in two
    # Following links their way from the Quds Force: it is part of the IRGC, which is part of Iran.
    assert set(neighbourhood(proxies.case, qf, 3, direction="out")) == {qf, ids["Islamic Revolutionary Guard Corps"], ids["Iran"]}
    inward = neighbourhood(proxies.case, qf, 1, direction="in")
    assert ids["Qasem Soleimani"] in inward and ids["Islamic Revolutionary Guard Corps"] not in inward
    several = neighbourhood(proxies.case, [ids["Oman"], ids["Iran"]], 1)
    assert several[ids["Muscat talks"]] == 1 and several[ids["Iran"]] == 0
    assert neighbourhood(proxies.case, qf, 0) == {qf: 0}


def test_unknown_cards_and_same_card(proxies):
    ids = proxies.ids
    with pytest.raises(ValueError):
        shortest_paths(proxies.case, ids["Iran"], "missing")
    with pytest.raises(ValueError):
        neighbourhood(proxies.case, "missing")
    with pytest.raises(ValueError):
        neighbourhood(proxies.case, ids["Iran"], direction="sideways")
    assert shortest_paths(proxies.case, ids["Iran"], ids["Iran"]) == []
