"""Plain text and Markdown: encoding detected, newlines normalised, first short line as title."""

from __future__ import annotations

from linkchart.ingest.errors import IngestError
from linkchart.ingest.registry import ReadResult, reader
from linkchart.ingest.text import NotTextError, decode_text, guess_title, normalise_text


def looks_like_text(head: bytes) -> bool:
    """Sniffer of last resort (registered last): decodes as text and has no binary bytes."""
    try:
        decode_text(head)
    except NotTextError:
        return False
    return bool(head.strip())


@reader("plain text", "txt", "text", "md", "markdown", sniff=looks_like_text)
def read_plain(data: bytes, name: str) -> ReadResult:
    try:
        raw, encoding = decode_text(data)
    except NotTextError as exc:
        raise IngestError(name, str(exc)) from None
    text = normalise_text(raw)
    if not text.strip():
        raise IngestError(name, "the file holds no text")
    return ReadResult(text=text, title=guess_title(text), format=f"text ({encoding})")
