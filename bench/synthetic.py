"""Synthetic cases shaped like intelligence charts, for the benchmark.

Scale-free structure (a few hubs such as a state sponsor, many leaves), typed
entities and links, one to three citations on every item quoting synthetic
articles, fuzzy and exact dates, and positions on a loose grid so a chart is
drawable before any layout runs. Deterministic for a given size and seed.
"""

from __future__ import annotations

import random

import networkx as nx

from linkchart.model import Article, Case, Citation, Entity, Link

ENTITY_TYPES = ["person", "organization", "armed_group", "government_body", "country", "location", "event", "media"]
ENTITY_WEIGHTS = [40, 15, 12, 8, 3, 10, 10, 2]
LINK_TYPES = ["backed_by", "member_of", "commands", "funds", "attacked", "allied_with", "located_in", "plotted_against", "associated_with"]
STRENGTHS = ["confirmed", "probable", "possible"]
WORDS = (
    "the ministry said militia forces backed by the group were seen near the border after officials "
    "reported that a network of operatives funded training and weapons transfers across the region"
).split()


def _article(rng: random.Random, index: int, sentences: int = 60) -> Article:
    text = " ".join(
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "." for _ in range(sentences)
    )
    return Article(text=f"Report {index}\n\n{text}", title=f"Report {index}", publisher="Synthetic Wire",
                   date=f"20{rng.randint(10, 23):02d}-{rng.randint(1, 12):02d}")


def _citations(rng: random.Random, articles: list[Article], count: int) -> list[Citation]:
    out = []
    for _ in range(count):
        art = rng.choice(articles)
        start = rng.randrange(0, max(1, len(art.text) - 60))
        end = start + rng.randint(20, 60)
        out.append(Citation(art.id, start, end, art.text[start:end]))
    return out


def _uuid(rng: random.Random) -> str:
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def synthetic_case(entities: int, links_per_entity: float = 2.0, seed: int = 7) -> Case:
    """A case with *entities* cards and about ``links_per_entity * entities`` links."""
    rng = random.Random(seed)
    articles = [_article(rng, i) for i in range(max(5, entities // 200))]
    for art in articles:
        art.id = _uuid(rng)
    m = max(1, round(links_per_entity))
    graph = nx.barabasi_albert_graph(entities, m, seed=seed) if entities > m else nx.path_graph(entities)
    cols = max(1, int(entities**0.5))
    ents = []
    for node in range(entities):
        kind = rng.choices(ENTITY_TYPES, ENTITY_WEIGHTS)[0]
        ents.append(
            Entity(
                id=_uuid(rng), label=f"{kind.replace('_', ' ').title()} {node}", type=kind,
                date=f"20{rng.randint(10, 23):02d}-{rng.randint(1, 12):02d}" if kind == "event" else "",
                citations=_citations(rng, articles, rng.randint(1, 3)), x=(node % cols) * 220.0, y=(node // cols) * 110.0,
            )
        )
    links = []
    for u, v in graph.edges():
        date = rng.choice(["", f"20{rng.randint(10, 23):02d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"about 20{rng.randint(10, 23):02d}"])
        links.append(
            Link(
                id=_uuid(rng), source=ents[u].id, target=ents[v].id, type=rng.choice(LINK_TYPES), strength=rng.choice(STRENGTHS),
                date=date, reliability=rng.choice("ABCDEF"), credibility=rng.choice("123456"),
                citations=_citations(rng, articles, rng.randint(1, 3)),
            )
        )
    case = Case(title=f"Synthetic {entities}")
    for art in articles:
        case.insert_article(art)
    case.insert_entities(ents)
    case.insert_links(links)
    return case
