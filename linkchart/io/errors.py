"""The one error type a user sees when a file cannot be read or written."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager


class CaseFileError(Exception):
    """A file could not be opened, read or saved; the message says why in plain words."""


class NewerFormatError(CaseFileError):
    """The file was written by a newer LinkChart than this one."""


@contextmanager
def reading(name: str, kind: str, passthrough: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Turn whatever goes wrong while reading the file *name* into one CaseFileError naming it.

    *kind* words the messages ("LinkChart case file", "graph file"); exceptions in
    *passthrough* (a cancel) go through untouched, and a CaseFileError keeps its type.
    """
    try:
        yield
    except passthrough:
        raise
    except CaseFileError as exc:
        raise type(exc)(f"{name}: {exc}") from None
    except FileNotFoundError:
        raise CaseFileError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CaseFileError(f"{name}: is a folder, not a {kind}") from None
    except PermissionError:
        raise CaseFileError(f"{name}: permission denied") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CaseFileError(f"{name}: not a {kind}, or damaged ({exc})") from None
    except (OSError, ValueError, RecursionError, MemoryError, NotImplementedError, OverflowError, UnicodeError) as exc:
        raise CaseFileError(f"{name}: the {kind} is damaged or unreadable ({type(exc).__name__})") from None
