"""Graph interchange: read any registered format into a Draft, write a case to any registered format.

Importing this module registers every format (GraphML, GEXF, CSV, LinkChart
JSON, i2 ANX, Maltego MTGX). Every failure reaches the caller as one
CaseFileError whose message starts with the file's name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from linkchart.io import anx_read, anx_write, csv_format, gexf, graphml_read, graphml_write, json_format, mtgx  # noqa: F401 (they register)
from linkchart.io.atomic import atomic_write
from linkchart.io.errors import CaseFileError, reading
from linkchart.io.importing import ImportCancelled, ImportContext, format_report
from linkchart.io.registry import ReaderSpec, reader_for, reader_named, source_name, writer_for, writer_named
from linkchart.model import Case, Draft

READABLE = "GraphML, GEXF, CSV, LinkChart JSON, i2 ANX or Maltego MTGX"
WRITABLE = ".graphml, .gexf, .csv, .json or .anx"


def graph_reader_for(path: str | os.PathLike[str]) -> ReaderSpec | None:
    """The graph reader for this file, or None when it is not a graph file (an article, say)."""
    return reader_for(path)


def read_graph(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext | None = None, fmt: str | None = None) -> Draft:
    """Read a graph file into a Draft (never touching a case); *fmt* forces a reader by name.

    Raises CaseFileError (ImportCancelled when the progress callback said stop).
    """
    name = source_name(source)
    spec = reader_named(fmt) if fmt else reader_for(source) if isinstance(source, (str, os.PathLike)) else None
    if spec is None:
        raise CaseFileError(f"{name}: not a file LinkChart can import as a graph ({READABLE})")
    with reading(name, "graph file", passthrough=(ImportCancelled,)):
        return spec.read(source, ctx or ImportContext())


def write_graph(case: Case, target: str | os.PathLike[str] | BinaryIO, fmt: str | None = None) -> list[Path]:
    """Write *case* to a path (atomically) or a binary file; returns the paths written.

    The format comes from *fmt* or the path's extension. CSV writes two files
    beside each other (``<stem>.entities.csv`` and ``<stem>.links.csv``).
    """
    is_path = isinstance(target, (str, os.PathLike))
    spec = writer_named(fmt) if fmt else writer_for(target) if is_path else None
    if spec is None:
        raise CaseFileError(f"{source_name(target)}: no graph format for this file name (use {WRITABLE})")
    try:
        if not is_path:
            spec.write(case, target)
            return []
        if spec.write_path is not None:
            return spec.write_path(case, Path(target))
        atomic_write(target, lambda handle: spec.write(case, handle))
        return [Path(target)]
    except OSError as exc:
        raise CaseFileError(f"could not write {source_name(target)}: {exc.strerror or exc}") from exc


def report_text(draft: Draft) -> str:
    """The draft's report as plain text, summary first."""
    return format_report(draft.report, draft.report.summary(draft))
