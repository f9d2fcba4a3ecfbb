"""Cases for layout tests, built with the model API (no files needed)."""

from __future__ import annotations

import networkx as nx
import pytest

from linkchart.model import Case, Entity, Link

PROXIES = [
    # (source, link type, target): "X backed_by Y" puts Y above X; "X commands Y" puts X above Y.
    ("IRGC", "part_of", "Iran"),
    ("Quds Force", "part_of", "IRGC"),
    ("Qasem Soleimani", "commands", "Quds Force"),
    ("Hezbollah", "backed_by", "Quds Force"),
    ("Houthis", "backed_by", "Quds Force"),
    ("Kata'ib Hezbollah", "backed_by", "Quds Force"),
    ("Hamas", "backed_by", "Iran"),
    ("Palestinian Islamic Jihad", "backed_by", "Iran"),
    ("Abu Mahdi al-Muhandis", "commands", "Kata'ib Hezbollah"),
    ("Hassan Nasrallah", "commands", "Hezbollah"),
    ("Kata'ib Hezbollah", "attacked", "K-1 Air Base"),
    ("Hezbollah", "allied_with", "Hamas"),
    ("Houthis", "attacked", "Abqaiq"),
    ("Iran", "backed_by", "Hezbollah"),  # a deliberate cycle: layered layout must still work
]
TYPES = {
    "Iran": "country",
    "IRGC": "armed_group",
    "Quds Force": "armed_group",
    "Qasem Soleimani": "person",
    "Abu Mahdi al-Muhandis": "person",
    "Hassan Nasrallah": "person",
    "K-1 Air Base": "location",
    "Abqaiq": "location",
}


def build_proxy_case() -> tuple[Case, dict[str, str]]:
    case = Case("Proxies")
    ids: dict[str, str] = {}
    for src, _, dst in PROXIES:
        for name in (src, dst):
            if name not in ids:
                ids[name] = case.add_entity(name, TYPES.get(name, "armed_group")).id
    for src, kind, dst in PROXIES:
        case.add_link(ids[src], ids[dst], kind)
    for loner in ("Oman", "Qatar", "Muscat talks"):
        ids[loner] = case.add_entity(loner, "country").id
    return case, ids


def case_from_graph(graph: nx.Graph) -> Case:
    """One card per node and one link per edge, all cards at the origin."""
    case = Case("generated")
    entities = {v: Entity(label=f"node {v}", type="organization") for v in graph.nodes}
    case.insert_entities(list(entities.values()))
    case.insert_links([Link(entities[a].id, entities[b].id) for a, b in graph.edges() if a != b])
    return case


@pytest.fixture
def proxies() -> tuple[Case, dict[str, str]]:
    return build_proxy_case()


@pytest.fixture(scope="session")
def scale_free_case() -> Case:
    """A 2,000-card scale-free chart (fixed seed). Session-wide: layouts never change the case."""
    return case_from_graph(nx.barabasi_albert_graph(2000, 2, seed=7))
