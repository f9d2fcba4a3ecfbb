"""PDF: the text layer, page by page, through pypdf. A scanned PDF (no text layer) is refused."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from linkchart.ingest.errors import IngestError
from linkchart.ingest.registry import ReadResult, reader
from linkchart.ingest.text import guess_title, iso_date, normalise_text

MAX_PAGES = 10_000


def looks_like_pdf(head: bytes) -> bool:
    return head[:1024].lstrip().startswith(b"%PDF-")


@reader("PDF", "pdf", sniff=looks_like_pdf)
def read_pdf(data: bytes, name: str) -> ReadResult:
    from pypdf import PdfReader

    if not looks_like_pdf(data):
        raise IngestError(name, "not a PDF file (it does not start with %PDF-)")
    try:
        with _quiet_pypdf():
            pdf = PdfReader(io.BytesIO(data), strict=False)
            if pdf.is_encrypted and not pdf.decrypt(""):
                raise IngestError(name, "the PDF is password-protected")
            if len(pdf.pages) > MAX_PAGES:
                raise IngestError(name, f"the PDF has more than {MAX_PAGES} pages")
            pages = [page.extract_text() or "" for page in pdf.pages]
            info = pdf.metadata or {}
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001  pypdf raises many types on damaged files; all mean "cannot read"
        raise IngestError(name, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    text = normalise_text("\n\n".join(p.strip() for p in pages if p.strip()))
    if not text:
        raise IngestError(name, "the PDF has no text layer (scanned?); run it through OCR first")
    title = _info(info, "/Title") or guess_title(text)
    return ReadResult(
        text=text,
        title=title,
        author=_info(info, "/Author"),
        date=iso_date(_info(info, "/CreationDate")),
        format=f"pdf ({len(pages)} pages)",
    )


def _info(info: object, key: str) -> str:
    try:
        value = info.get(key)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001  a damaged info dictionary only costs us the metadata
        return ""
    return " ".join(str(value).split()) if value else ""


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs a warning for every small defect it repairs; the user needs the outcome only.
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)
