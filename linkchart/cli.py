"""The ``linkchart`` command: bare ``linkchart [CASE]`` opens the window; verbs work headless.

Every verb reports bad input as one line on stderr and exit status 2, never a
traceback. Qt is imported only by the verbs that need it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from linkchart import __version__
from linkchart.ingest import IngestError, import_files, read_article, suggest
from linkchart.io import (
    SUFFIX,
    CaseFileError,
    ImportContext,
    graph_reader_for,
    load_case,
    read_graph,
    report_text,
    save_case,
    write_graph,
)
from linkchart.io import writers as graph_writers
from linkchart.model import Case, CaseError, Vocabulary

EXIT_USAGE = 2


class CliError(Exception):
    """Bad input for a verb: printed as one line, exit status 2."""


# ----------------------------------------------------------------------- info
def case_summary(case: Case) -> dict[str, Any]:
    """Counts and integrity of a case, as ``linkchart info --json`` prints them."""
    broken = case.broken_citations()
    unsourced = case.unsourced()
    entity_types = Counter(case.vocabulary.entity_type(e.type).name for e in case.entities.values())
    # By type, not by each link's own label, so custom wording does not split the counts.
    link_types = Counter(case.link_type(k).label for k in case.links.values())
    return {
        "title": case.metadata.get("title", ""),
        "articles": len(case.articles),
        "entities": len(case.entities),
        "links": len(case.links),
        "groups": len(case.groups),
        "citations": sum(1 for _ in case.iter_citations()),
        "broken_citations": len(broken),
        "unsourced": len(unsourced),
        "entity_types": dict(sorted(entity_types.items())),
        "link_types": dict(sorted(link_types.items())),
        "broken": [{"item": item.id, "label": _item_label(case, item), "quote": c.quote[:80]} for item, c in broken],
        "unsourced_items": [{"item": item.id, "label": _item_label(case, item)} for item in unsourced],
    }


def _item_label(case: Case, item: Any) -> str:
    if item.id in case.entities:
        return item.label
    src, dst = case.entities[item.source].label, case.entities[item.target].label
    return f"{src} -{case.link_label(item)}-> {dst}"


def format_summary(summary: dict[str, Any]) -> str:
    lines = [
        f"Case: {summary['title'] or '(untitled)'}",
        f"  articles  {summary['articles']:>6}",
        f"  entities  {summary['entities']:>6}",
        f"  links     {summary['links']:>6}",
        f"  citations {summary['citations']:>6}",
        "",
        "Entities by type:",
        *(f"  {name:<24}{count:>6}" for name, count in summary["entity_types"].items()),
        "",
        "Links by type:",
        *(f"  {name:<24}{count:>6}" for name, count in summary["link_types"].items()),
        "",
        f"Broken citations: {summary['broken_citations']}",
        *(f"  ! {b['label']}: \"{b['quote']}\"" for b in summary["broken"]),
        f"Unsourced items:  {summary['unsourced']}",
        *(f"  ? {u['label']}" for u in summary["unsourced_items"][:50]),
    ]
    return "\n".join(lines)


def cmd_info(args: argparse.Namespace) -> int:
    summary = case_summary(load_case(args.case))
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_summary(summary))
    return 0


def add_info(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="print a case's counts and integrity (broken citations, unsourced items)")
    p.add_argument("case", help="a .lcase file")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_info)


# --------------------------------------------------------------------- export
# Output extension -> exporter(case, path, args) returning the files written. Graph
# formats come from the io registry; images (.png/.svg/.pdf) and reports (.html)
# are drawn by linkchart.render, which loads Qt (only when asked for).
Exporter = Callable[[Case, Path, argparse.Namespace], list[Path]]


def _export_graph(case: Case, out: Path, args: argparse.Namespace) -> list[Path]:
    return write_graph(case, out)


def _rendered(kind: str) -> Exporter:
    def export(case: Case, out: Path, args: argparse.Namespace) -> list[Path]:
        from linkchart.render import headless  # Qt, offscreen when there is no display

        headless.ensure_qt_application()
        try:
            lines = (headless.cli_image if kind == "image" else headless.cli_report)(case, out, vars(args))
        except ValueError as exc:
            raise CliError(str(exc)) from None
        for note in lines[1:]:
            print(note, file=sys.stderr)
        return [out]

    return export


GRAPH_EXPORTS = [ext for spec in graph_writers() for ext in spec.extensions]
EXPORTERS: dict[str, Exporter] = {
    **{ext: _export_graph for ext in GRAPH_EXPORTS},
    ".png": _rendered("image"),
    ".svg": _rendered("image"),
    ".pdf": _rendered("image"),
    ".html": _rendered("report"),
}


def cmd_export(args: argparse.Namespace) -> int:
    out = Path(args.output)
    exporter = EXPORTERS.get(out.suffix.lower())
    if exporter is None:
        raise CliError(f"cannot tell the format from '{out.name}'; end the file name with one of {' '.join(EXPORTERS)}")
    case = load_case(args.case)
    for path in exporter(case, out, args):
        print(f"wrote {path}")
    return 0


def add_export(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="write a case as GraphML, GEXF, CSV, LinkChart JSON, i2 ANX, a PNG/SVG/PDF picture "
                                      "or an HTML report (format from -o's extension)")
    p.add_argument("case", help="a .lcase file")
    p.add_argument("-o", "--output", required=True, help="the file to write, e.g. chart.graphml, .gexf, .csv, .json, .anx, .png, .svg, .pdf, .html")
    _add_picture_options(p)
    p.set_defaults(func=cmd_export)


def _add_picture_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pictures (.png .svg .pdf)")
    g.add_argument("--title", help="title above the chart (default: the case title)")
    g.add_argument("--no-title", action="store_true", help="no title")
    g.add_argument("--date", help="date under the title (default: today)")
    g.add_argument("--no-date", action="store_true", help="no date")
    g.add_argument("--no-legend", action="store_true", help="no legend of the entity and link types used")
    g.add_argument("--footer", help="footer text (default: case title, classification, 'Generated by LinkChart')")
    g.add_argument("--no-footer", action="store_true", help="no footer")
    g.add_argument("--background", choices=("white", "transparent"), default="white", help="PNG and SVG background")
    g.add_argument("--scale", type=float, default=2.0, help="PNG pixels per chart pixel (default 2)")
    g.add_argument("--width", type=int, default=0, help="PNG width in pixels (instead of --scale)")
    g.add_argument("--dpi", type=int, default=0, help="PNG dots per inch, 96 = 1x (instead of --scale)")
    g.add_argument("--tiled", action="store_true", help="PDF: tile the chart across pages instead of fitting one page")
    g.add_argument("--tile-scale", type=float, default=100.0, help="PDF --tiled: chart size in %% of its size on screen")
    g.add_argument("--page-size", choices=("A4", "A3", "Letter", "Legal", "Tabloid"), default="A4", help="PDF paper")
    g.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto", help="PDF page orientation")


# --------------------------------------------------------------------- report
def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm", ".pdf"):
        raise CliError(f"a report is .html or .pdf, not '{out.name}'")
    case = load_case(args.case)
    for path in _rendered("report")(case, out, args):
        print(f"wrote {path}")
    return 0


def add_report(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write a briefing: the chart, every entity and link with its quotes, numbered sources (.html or .pdf)")
    p.add_argument("case", help="a .lcase file")
    p.add_argument("-o", "--output", required=True, help="brief.html (one self-contained file) or brief.pdf")
    p.add_argument("--title", help="the report's title (default: the case title)")
    p.add_argument("--no-chart", action="store_true", help="leave the chart picture out")
    p.add_argument("--no-legend", action="store_true", help="no legend under the chart")
    p.add_argument("--page-size", choices=("A4", "A3", "Letter", "Legal", "Tabloid"), default="A4", help="PDF paper")
    p.add_argument("--orientation", choices=("auto", "portrait", "landscape"), default="auto", help="the PDF's chart page")
    p.set_defaults(func=cmd_report)


# --------------------------------------------------------------- import, suggest
def cmd_import(args: argparse.Namespace) -> int:
    """Add articles (and graph files) to a case, creating it if missing; save once, atomically."""
    case_path = Path(args.into)
    if case_path.suffix.lower() != SUFFIX:
        raise CliError(f"the case file must end in {SUFFIX}: {case_path.name}")
    # Dispatch point: a file the io registry recognises as a graph format (GraphML, GEXF,
    # CSV, LinkChart JSON, ANX, MTGX) is imported as a graph draft; everything else, and
    # every file inside a folder argument, is read as an article.
    graph_files = [Path(p) for p in args.files if Path(p).is_file() and graph_reader_for(p) is not None]
    article_paths = [p for p in args.files if Path(p) not in graph_files]
    case = load_case(case_path) if case_path.exists() else Case(title=case_path.stem)
    draft, report = import_files(article_paths, case)
    for name, article_id in report.added:
        print(f"added    {name}: {_draft_title(draft, article_id)}")
    for name, why in report.duplicates:
        print(f"skipped  {name}: {why}")
    failed = list(report.failed)
    if draft.articles:
        case.apply_draft(draft)
    graphs_applied = 0
    for path in graph_files:
        try:
            graph = read_graph(path, ImportContext.for_case(case))
        except CaseFileError as exc:
            failed.append((path.name, str(exc).removeprefix(f"{path.name}: ")))
            continue
        print(report_text(graph))
        if not graph.empty:
            case.apply_draft(graph)
            graphs_applied += 1
    for name, reason in failed:
        print(f"failed   {name}: {reason}")
    if not (draft.articles or graphs_applied):
        if failed or not (report.duplicates or graph_files):
            raise CliError("nothing could be imported" + (f" ({len(failed)} failed)" if failed else " (no files found)"))
        print(f"nothing new; {case_path.name} is unchanged")
        return 0
    save_case(case, case_path)
    print(f"saved {case_path.name}: {len(case.articles)} articles, {len(case.entities)} entities, {len(case.links)} links")
    return 0


def _draft_title(draft: Any, article_id: str) -> str:
    article = next(a for a in draft.articles if a.id == article_id)
    return f"'{article.title}'" if article.title else "(untitled)"


def add_import(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="add articles (.txt .md .html .pdf .docx .eml, or a folder of them) or graph files to a case",
        description="Add files to a case, creating it if missing. Articles already in the case (same text) are skipped; "
        "a file that cannot be read is listed and the others are still imported. The case is saved once, atomically.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="article files, folders (searched recursively) or graph files")
    p.add_argument("--into", required=True, metavar="CASE", help=f"the {SUFFIX} file to add to (created if missing)")
    p.set_defaults(func=cmd_import)


def cmd_suggest(args: argparse.Namespace) -> int:
    """Print the entities and links an article suggests, with offsets into the text import would store."""
    try:
        article = read_article(args.file)
    except IngestError as exc:
        raise CliError(str(exc)) from None
    found = suggest(article.text, load_case(args.case) if args.case else None)
    if args.json:
        print(json.dumps(found.to_json(), indent=2, ensure_ascii=False))
        return 0
    vocab = Vocabulary.default()
    print(f"{Path(args.file).name}: {article.title or '(untitled)'}")
    print(f"\nEntities ({len(found.entities)}):")
    for e in found.entities:
        also = f"  (also: {', '.join(e.aliases[:4])})" if e.aliases else ""
        known = "  [in case]" if e.entity_id else ""
        print(f"  {vocab.entity_type(e.type).name:<16} {e.name} x{e.count}{also}{known}")
    names = {e.key: e.name for e in found.entities}
    print(f"\nLinks ({len(found.links)}):")
    for k in found.links:
        print(f"  {names[k.source]} -{vocab.link_type(k.type).label}-> {names[k.target]}")
        quote = " ".join(k.quote.split())
        print(f'      "{quote if len(quote) <= 160 else quote[:157] + "..."}"')
    return 0


def add_suggest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="list the entities and links an article's text suggests (offline, rule-based)")
    p.add_argument("file", help="an article file (.txt .md .html .pdf .docx .eml)")
    p.add_argument("--json", action="store_true", help="print JSON: entities with mention spans, links with quotes and offsets")
    p.add_argument("--case", help=f"a {SUFFIX} file whose entities are recognised by name and alias")
    p.set_defaults(func=cmd_suggest)


# --------------------------------------------------------------------- layout
LAYOUTS = ("force", "hierarchical", "circular", "grid")


def cmd_layout(args: argparse.Namespace) -> int:
    from linkchart.layout import layout_case  # numpy work: loaded only when laying out

    case = load_case(args.case)
    options: dict[str, Any] = {}
    if args.link_types is not None:
        if args.algorithm == "grid":
            raise CliError("--link-types does not apply to the grid layout")
        types = [t.strip() for t in args.link_types.split(",") if t.strip()]
        known = {t.id for t in case.vocabulary.all_link_types()} | {k.type for k in case.links.values()}
        unknown = [t for t in types if t not in known]
        if unknown or not types:
            raise CliError(f"unknown link type '{(unknown or [args.link_types])[0]}' (known: {', '.join(sorted(known))})")
        options["link_types"] = types
    out = Path(args.output) if args.output else Path(args.case)
    if out.suffix.lower() != SUFFIX:
        raise CliError(f"the output must be a {SUFFIX} file")
    started = time.perf_counter()
    positions = layout_case(case, args.algorithm, **options)
    elapsed = time.perf_counter() - started
    if positions:
        case.move_entities(positions)
    save_case(case, out)
    print(f"{args.algorithm} layout: {len(positions)} cards placed in {elapsed:.2f} s, saved to {out}")
    return 0


def add_layout(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("layout", help="lay out a case's chart (force, hierarchical, circular, grid) and save it")
    p.add_argument("case", help="a .lcase file")
    p.add_argument("--algorithm", "-a", choices=LAYOUTS, default="force", help="the layout (default: force)")
    p.add_argument(
        "--link-types",
        metavar="TYPES",
        help="comma-separated link types to follow, e.g. backed_by,commands (hierarchical: backers above proxies, commanders above units)",
    )
    p.add_argument("-o", "--output", help="write the laid-out case here instead of over CASE")
    p.set_defaults(func=cmd_layout)


# ------------------------------------------------------------------------ gui
def cmd_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="linkchart", description="Open LinkChart, optionally on a case file.")
    parser.add_argument("case", nargs="?", help="a .lcase file to open")
    parser.add_argument("--version", action="version", version=f"linkchart {__version__}")
    args = parser.parse_args(argv)
    from linkchart.app import run  # Qt is loaded only when a window is wanted

    return run(args.case)


# -------------------------------------------------------------------- wiring
# Each verb module contributes one ``add_*`` function; order is the help order.
VERBS: list[Callable[[argparse._SubParsersAction], None]] = [add_info, add_import, add_suggest, add_export, add_report, add_layout]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="linkchart",
        description="LinkChart: offline link analysis. Run with no verb (or a case file) to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"linkchart {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB")
    for add in VERBS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    verbs = set(parser._subparsers._group_actions[0].choices) if parser._subparsers else set()  # type: ignore[union-attr]
    if not argv or argv[0] not in verbs | {"-h", "--help", "--version"}:
        return cmd_gui(argv)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (CaseFileError, CaseError, CliError) as exc:
        print(f"linkchart {args.verb}: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"linkchart {args.verb}: {exc.strerror or exc}: {getattr(exc, 'filename', '') or ''}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
