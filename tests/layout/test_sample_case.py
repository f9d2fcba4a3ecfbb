"""Every layout on the shipped sample case: no overlaps, and the hierarchy reads top-down."""

from __future__ import annotations

import pytest

from linkchart.io import load_case
from linkchart.layout import ALGORITHMS, TARGET_ABOVE, count_overlaps, hierarchical_layout, layout_case


@pytest.fixture
def sample(sample_path):
    return load_case(sample_path)


@pytest.mark.parametrize("name", list(ALGORITHMS))
def test_every_layout_of_the_sample_case_is_overlap_free(sample, name):
    options = {"centre": next(e.id for e in sample.entities.values() if e.label == "Iran")} if name == "radial" else {}
    pos = layout_case(sample, name, **options)
    assert set(pos) == set(sample.entities)
    assert count_overlaps(pos) == 0


def test_the_sample_hierarchy_points_down(sample):
    types = ["backed_by", "commands", "part_of", "employed_by"]
    pos = hierarchical_layout(sample, link_types=types)
    links = [k for k in sample.links.values() if k.type in types and k.source != k.target]
    upper = [(k.target, k.source) if k.type in TARGET_ABOVE else (k.source, k.target) for k in links]
    downward = sum(pos[a][1] < pos[b][1] for a, b in upper)
    # Only links closing a loop may point up; the sample has few if any.
    assert downward >= 0.9 * len(links)
