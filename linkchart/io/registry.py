"""One registry of graph readers and writers, filled by decorators (glue's data factories).

A reader is ``read(source, ctx) -> Draft`` where source is a path or a binary
file; a writer is ``write(case, handle)``. Files are identified by sniffing
their first bytes first and by extension second, so a GraphML saved as ``.xml``
or an ANX without its extension still opens.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

Sniffer = Callable[[bytes], bool]
HEAD_BYTES = 4096


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    label: str
    extensions: tuple[str, ...]
    sniff: Sniffer | None
    read: Callable[..., Any]


@dataclass(frozen=True)
class WriterSpec:
    name: str
    label: str
    extensions: tuple[str, ...]
    write: Callable[..., Any]
    write_path: Callable[..., list[Path]] | None = None  # formats that write more than one file


_READERS: list[ReaderSpec] = []
_WRITERS: list[WriterSpec] = []


def register_reader(name: str, extensions: tuple[str, ...] = (), sniff: Sniffer | None = None, label: str = "") -> Callable:
    """Decorator: ``@register_reader("graphml", extensions=(".graphml",), sniff=fn)``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        _READERS[:] = [r for r in _READERS if r.name != name]
        _READERS.append(ReaderSpec(name, label or name, tuple(e.lower() for e in extensions), sniff, func))
        return func

    return decorate


def register_writer(name: str, extensions: tuple[str, ...] = (), label: str = "", write_path: Callable | None = None) -> Callable:
    """Decorator: ``@register_writer("graphml", extensions=(".graphml",))``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        _WRITERS[:] = [w for w in _WRITERS if w.name != name]
        _WRITERS.append(WriterSpec(name, label or name, tuple(e.lower() for e in extensions), func, write_path))
        return func

    return decorate


def readers() -> list[ReaderSpec]:
    return list(_READERS)


def writers() -> list[WriterSpec]:
    return list(_WRITERS)


def _suffixes(path: str | os.PathLike[str]) -> list[str]:
    name = Path(path).name.lower()
    return [name[name.index(".", i) :] for i in range(len(name)) if name[i] == "."]


def read_head(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES)


def reader_for(path: str | os.PathLike[str], head_bytes: bytes | None = None) -> ReaderSpec | None:
    """The reader whose sniffer recognises the content, else the one owning the extension."""
    if head_bytes is None:
        try:
            head_bytes = read_head(path)
        except OSError:
            head_bytes = b""
    for spec in _READERS:
        if spec.sniff is not None and head_bytes and spec.sniff(head_bytes):
            return spec
    return by_extension(_READERS, path)


def writer_for(path: str | os.PathLike[str]) -> WriterSpec | None:
    """The writer for the path's extension (".graphml", ".gexf", ".csv", ".json", ".anx")."""
    return by_extension(_WRITERS, path)


def by_extension(specs: list[Any], path: str | os.PathLike[str]) -> Any:
    for suffix in _suffixes(path):  # longest first: ".links.csv" before ".csv"
        for spec in specs:
            if suffix in spec.extensions:
                return spec
    return None


def reader_named(name: str) -> ReaderSpec | None:
    return next((r for r in _READERS if r.name == name), None)


def writer_named(name: str) -> WriterSpec | None:
    return next((w for w in _WRITERS if w.name == name), None)


def source_name(source: str | os.PathLike[str] | BinaryIO) -> str:
    """A short name for messages: the file name, or the file object's name."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name
    return Path(str(getattr(source, "name", "") or "file")).name


class open_source:  # noqa: N801 - used as a context manager, reads like a function
    """``with open_source(path_or_file) as (handle, size):`` for readers that take either."""

    def __init__(self, source: str | os.PathLike[str] | BinaryIO) -> None:
        self.source = source
        self._owned: BinaryIO | None = None

    def __enter__(self) -> tuple[BinaryIO, int]:
        if isinstance(self.source, (str, os.PathLike)):
            self._owned = handle = open(self.source, "rb")  # noqa: SIM115 - closed in __exit__
        else:
            handle = self.source
        start = handle.tell()
        size = handle.seek(0, os.SEEK_END) - start
        handle.seek(start)
        return handle, max(size, 1)

    def __exit__(self, *exc: object) -> None:
        if self._owned is not None:
            self._owned.close()
