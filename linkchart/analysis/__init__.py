"""Graph analysis over a case. Pure Python (networkx, numpy, rapidfuzz), no Qt.

Every function reads a :class:`~linkchart.model.Case` (or a graph built from
it) and returns plain data, ids and numbers, never changing the case: the UI
applies results through undo commands. Long measures take
``progress(fraction) -> bool`` and raise
:class:`~linkchart.model.progress.Cancelled` when it returns False.
"""

from linkchart.analysis.communities import communities, components, membership
from linkchart.analysis.duplicates import DuplicateCandidate, find_duplicates, name_similarity
from linkchart.analysis.filters import FilterResult, FilterSpec, apply_filter
from linkchart.analysis.graphs import STRENGTH_WEIGHTS, link_weight, simple_graph
from linkchart.analysis.measures import MEASURES, Centrality, centrality
from linkchart.analysis.merge import MergePlan, plan_merge
from linkchart.analysis.paths import Path, Step, links_for_step, neighbourhood, shortest_paths, simple_paths
from linkchart.analysis.search import SearchHit, search
from linkchart.analysis.timeline import Timeline, TimelineRecord, WindowResult, in_window, timeline
from linkchart.model.progress import Cancelled

__all__ = [
    "MEASURES",
    "STRENGTH_WEIGHTS",
    "Cancelled",
    "Centrality",
    "DuplicateCandidate",
    "FilterResult",
    "FilterSpec",
    "MergePlan",
    "Path",
    "SearchHit",
    "Step",
    "Timeline",
    "TimelineRecord",
    "WindowResult",
    "apply_filter",
    "centrality",
    "communities",
    "components",
    "find_duplicates",
    "in_window",
    "link_weight",
    "links_for_step",
    "membership",
    "name_similarity",
    "neighbourhood",
    "plan_merge",
    "search",
    "shortest_paths",
    "simple_graph",
    "simple_paths",
    "timeline",
]
