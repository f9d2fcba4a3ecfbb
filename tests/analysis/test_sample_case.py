"""Analysis on the shipped sample case: every measure covers every card, paths carry quotes."""

from __future__ import annotations

import pytest

from linkchart.analysis import MEASURES, centrality, communities, find_duplicates, shortest_paths, timeline
from linkchart.io import load_case


@pytest.fixture
def sample(sample_path):
    return load_case(sample_path)


def test_every_measure_scores_every_card(sample):
    for measure in MEASURES:
        for directed in (True, False):
            result = centrality(sample, measure, directed=directed, weight="strength")
            assert set(result.scores) == set(sample.entities)
            assert result.sample_size is None  # a chart this size is measured exactly


def test_paths_from_a_proxy_to_iran_cite_their_sources(sample):
    by_label = {e.label: e.id for e in sample.entities.values()}
    paths = shortest_paths(sample, by_label["Houthis"], by_label["Iran"])
    assert paths
    for path in paths:
        assert path[0].from_id == by_label["Houthis"] and path[-1].to_id == by_label["Iran"]
        assert all(a.to_id == b.from_id for a, b in zip(path, path[1:], strict=False))
        for step in path:
            link = sample.links[step.link_id]
            assert {step.from_id, step.to_id} == {link.source, link.target}
    # The chain of evidence: the quotes behind the hops are there to list.
    assert any(sample.links[step.link_id].citations for path in paths for step in path)


def test_communities_timeline_and_duplicates_run_on_the_sample(sample):
    groups = communities(sample)
    assert sorted(e for g in groups for e in g) == sorted(sample.entities)
    assert timeline(sample).records
    assert all(d.a in sample.entities and d.b in sample.entities and d.score >= 0.8 for d in find_duplicates(sample))
