"""Word .docx: paragraphs and table cells in reading order, through python-docx.

python-docx parses the package's XML with lxml and entity resolution off; the
zip is checked for bombs (sizes and ratios) before it is opened.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from linkchart.ingest.errors import IngestError
from linkchart.ingest.registry import ReadResult, reader
from linkchart.ingest.text import guess_title, iso_date, normalise_text

MAX_MEMBERS = 10_000
MAX_UNPACKED = 1024**3
MAX_RATIO = 200  # uncompressed / compressed for members over 1 MiB: a zip bomb's tell


def looks_like_docx(head: bytes) -> bool:
    return head.startswith(b"PK\x03\x04") and b"word/" in head


@reader("Word document", "docx", sniff=looks_like_docx)
def read_docx(data: bytes, name: str) -> ReadResult:
    import docx
    from lxml import etree

    _check_package(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise IngestError(name, f"not a readable Word document ({exc})") from None
    except Exception as exc:  # noqa: BLE001  python-docx raises its own types for damaged packages
        raise IngestError(name, f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    text = normalise_text("\n\n".join(b for b in _blocks(document) if b.strip()))
    if not text:
        raise IngestError(name, "the document holds no text")
    props = document.core_properties
    created = props.created.isoformat() if props.created else ""
    return ReadResult(
        text=text,
        title=(props.title or "").strip() or guess_title(text),
        author=(props.author or "").strip(),
        date=iso_date(created),
        format="docx",
    )


def _check_package(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile:
        raise IngestError(name, "not a Word document (.docx is a zip package; this is not one)") from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_UNPACKED:
        raise IngestError(name, "the document unpacks to more than we read (a zip bomb?)")
    for info in infos:
        if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise IngestError(name, f"part {info.filename} is compressed suspiciously well (a zip bomb?)")
    if "word/document.xml" not in {i.filename for i in infos}:
        raise IngestError(name, "not a Word document (no word/document.xml inside)")


def _blocks(container: Any) -> list[str]:
    """Paragraph and table text of a document or table cell, in reading order."""
    from docx.table import Table

    out: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Table):
            out.append(_table_text(item))
        else:
            out.append(item.text)
    return out


def _table_text(table: Any) -> str:
    rows = []
    for row in table.rows:
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(b.strip() for b in _blocks(cell) if b.strip()))
        rows.append("\t".join(cells))
    return "\n".join(rows)
