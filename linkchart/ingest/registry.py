"""Readers registered per format, found by file extension or by sniffing the first bytes.

A reader is a function ``read(data: bytes, name: str) -> ReadResult`` registered
with :func:`reader` (glue's data-factory style)::

    @reader("plain text", "txt", "md", sniff=looks_like_text)
    def read_plain(data: bytes, name: str) -> ReadResult: ...

The extension decides first; a file whose extension no reader claims is offered
to each reader's ``sniff(head)`` in registration order. Readers raise
:class:`~linkchart.ingest.errors.IngestError` with a plain-words reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath

from linkchart.model import Article, text_sha256

SNIFF_BYTES = 4096


@dataclass
class ReadResult:
    """A file read as an article: its extracted text, what it says about itself, and its bytes."""

    text: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: str = ""
    origin: str = ""
    original: bytes = b""
    original_name: str = ""
    format: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        """The sha256 of the text, as :class:`Article` computes it (duplicates are found by it)."""
        return text_sha256(self.text)

    def to_article(self) -> Article:
        """A new Article holding this text, metadata and the original bytes."""
        return Article(
            text=self.text,
            title=self.title,
            publisher=self.publisher,
            author=self.author,
            date=self.date,
            origin=self.origin,
            original=self.original,
            original_name=self.original_name,
        )


ReadFunction = Callable[[bytes, str], ReadResult]
SniffFunction = Callable[[bytes], bool]


@dataclass(frozen=True)
class ReaderSpec:
    """One registered reader: its label, the extensions it claims, and an optional sniffer."""

    label: str
    extensions: tuple[str, ...]
    read: ReadFunction
    sniff: SniffFunction | None = None


_READERS: list[ReaderSpec] = []


def reader(label: str, *extensions: str, sniff: SniffFunction | None = None) -> Callable[[ReadFunction], ReadFunction]:
    """Register the decorated function as the reader for *extensions* (without dots)."""

    def register(func: ReadFunction) -> ReadFunction:
        exts = tuple(e.lower().lstrip(".") for e in extensions)
        _READERS.append(ReaderSpec(label, exts, func, sniff))
        return func

    return register


def readers() -> list[ReaderSpec]:
    """Every registered reader, in registration order."""
    return list(_READERS)


def supported_extensions() -> list[str]:
    """Extensions some reader claims, e.g. ``["txt", "md", "html", ...]``."""
    return [ext for spec in _READERS for ext in spec.extensions]


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def reader_for_extension(name: str) -> ReaderSpec | None:
    ext = extension_of(name)
    return next((spec for spec in _READERS if ext in spec.extensions), None)


def find_reader(name: str, head: bytes) -> ReaderSpec | None:
    """The reader for a file: by its extension, else the first whose sniffer accepts *head*."""
    spec = reader_for_extension(name)
    if spec is not None:
        return spec
    return next((s for s in _READERS if s.sniff is not None and s.sniff(head[:SNIFF_BYTES])), None)
