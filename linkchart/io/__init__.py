"""Reading and writing files: the .lcase case file and the graph interchange formats. No Qt."""

from linkchart.io.csv_mapping import CsvMapping
from linkchart.io.errors import CaseFileError, NewerFormatError
from linkchart.io.importing import ImportCancelled, ImportContext
from linkchart.io.interchange import graph_reader_for, read_graph, report_text, write_graph
from linkchart.io.lcase import SUFFIX, load_case, save_case
from linkchart.io.registry import reader_for, readers, register_reader, register_writer, writer_for, writers

__all__ = [
    "SUFFIX",
    "CaseFileError",
    "CsvMapping",
    "ImportCancelled",
    "ImportContext",
    "NewerFormatError",
    "graph_reader_for",
    "load_case",
    "read_graph",
    "reader_for",
    "readers",
    "register_reader",
    "register_writer",
    "report_text",
    "save_case",
    "write_graph",
    "writer_for",
    "writers",
]
