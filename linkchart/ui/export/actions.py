"""The export feature's actions, declared once (ids are objectNames), following ``ui/actions.py``."""

from __future__ import annotations

from linkchart.ui.actions import HAS_ITEMS, ActionSpec, Key

EXPORT_IMAGE = "file.export_image"
EXPORT_REPORT = "file.export_report"
EXPORT_GRAPH = "file.export_graph"
IMPORT_GRAPH = "file.import_graph"
PAGE_SETUP = "file.page_setup"
PRINT_PREVIEW = "file.print_preview"
PRINT = "file.print"

EXPORT_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(IMPORT_GRAPH, "&Graph File…", "Ctrl+Shift+I", "", "Import cards and links from GraphML, GEXF, CSV, JSON, i2 ANX or Maltego MTGX"),
    ActionSpec(EXPORT_IMAGE, "&Image…", "Ctrl+Shift+E", "", "Save the chart as a PNG, SVG or PDF picture", HAS_ITEMS),
    ActionSpec(EXPORT_REPORT, "&Report…", "Ctrl+Shift+R", "", "Write a briefing: the chart, then every item with its quotes and sources", HAS_ITEMS),
    ActionSpec(EXPORT_GRAPH, "&Graph File…", None, "", "Save the cards and links as GraphML, GEXF, CSV, JSON or i2 ANX", HAS_ITEMS),
    ActionSpec(PAGE_SETUP, "Page Set&up…", None, "", "Paper size, orientation and margins for printing"),
    ActionSpec(PRINT_PREVIEW, "Print Pre&view…", "Ctrl+Shift+P", "", "See the printed pages before printing", HAS_ITEMS),
    ActionSpec(PRINT, "&Print…", Key.Print, "", "Print the chart on one page or tiled across pages", HAS_ITEMS, fallback="Ctrl+P"),
)
