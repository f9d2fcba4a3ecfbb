"""The analysis feature's actions, declared once (id = objectName), like ui/actions.py."""

from __future__ import annotations

from linkchart.ui.actions import ALWAYS, HAS_CARDS_SELECTED, HAS_ITEMS, ActionSpec, Key

LAYOUT_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("layout.force", "&Force-Directed", "Ctrl+Alt+F", "", "Linked cards close, unlinked apart (the selection, or the whole chart)", HAS_ITEMS),
    ActionSpec("layout.hierarchical", "&Hierarchical…", "Ctrl+Alt+H", "", "Ranks along chosen link types: backers above their proxies, commanders above the commanded", HAS_ITEMS),
    ActionSpec("layout.circular", "&Circular", None, "", "Cards on a circle, linked ones side by side", HAS_ITEMS),
    ActionSpec("layout.grid", "&Grid", None, "", "Cards in tidy rows", HAS_ITEMS),
    ActionSpec("layout.radial", "&Radial Around Selected Card", None, "", "Rings of cards by their distance from the selected card", HAS_CARDS_SELECTED),
    ActionSpec("layout.grouped_type", "Grouped by &Type", None, "", "One block of cards per entity type", HAS_ITEMS),
    ActionSpec("layout.grouped_community", "Grouped by C&ommunity", None, "", "One block per community of densely linked cards", HAS_ITEMS),
    ActionSpec("layout.selection_only", "Lay Out &Selection Only", None, "", "With two or more cards selected, lay out just those; the others stay put", ALWAYS, checkable=True),
    ActionSpec("layout.pin", "&Pin", "Ctrl+Alt+P", "", "Keep the selected cards where they are in every layout", HAS_CARDS_SELECTED),
    ActionSpec("layout.unpin", "&Unpin", None, "", "Let layouts move the selected cards again", HAS_CARDS_SELECTED),
)

ANALYSIS_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("analysis.show", "&Network Analysis", "Ctrl+Alt+A", "", "Centrality, communities and components of the chart"),
    ActionSpec("analysis.paths", "Find &Paths Between Selected…", "Ctrl+Alt+T", "", "Shortest or all paths between two selected cards, with the evidence for each link", HAS_CARDS_SELECTED),
    ActionSpec("analysis.neighbourhood", "Select &Neighbourhood…", "Ctrl+Alt+N", "", "Select every card within N links of the selection", HAS_CARDS_SELECTED),
    ActionSpec("analysis.timeline", "&Timeline", "Ctrl+Alt+L", "", "Dated links, events and articles on a time axis; drag a window to filter the chart"),
    ActionSpec("analysis.duplicates", "Find Possible &Duplicates…", None, "", "Pairs of cards that may be the same, to merge", HAS_ITEMS),
    ActionSpec("search.find", "&Find…", Key.Find, "", "Search cards, links and article text; filter the chart", fallback="Ctrl+F"),
    ActionSpec("filter.clear", "C&lear Filter", None, "", "Show every card and link again"),
)

GROUP_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("group.make", "&Group Selected Cards…", "Ctrl+G", "", "Put the selected cards in a named group", HAS_CARDS_SELECTED),
    ActionSpec("group.collapse", "&Collapse Group", None, "", "Show the group as one card; links to its members go to it"),
    ActionSpec("group.expand", "&Expand Group", None, "", "Show the group's cards again (or double-click the group card)"),
    ActionSpec("group.ungroup", "&Ungroup", None, "", "Dissolve the group; its cards stay"),
    ActionSpec("group.expand_all", "Expand &All Groups", None, "", "Expand every collapsed group"),
)

ALL_SPECS = LAYOUT_SPECS + ANALYSIS_SPECS + GROUP_SPECS
