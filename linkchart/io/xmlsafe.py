"""Safe XML in and out: every parse goes through defusedxml; the encoding is sniffed, not trusted.

Reading refuses entity declarations (billion laughs, external entities) and
never fetches anything. Files in the wild declare one encoding and use another,
or carry a UTF-16 byte-order mark and no declaration; :func:`open_xml` looks at
the bytes, and when they disagree with the declaration it transcodes the stream
to UTF-8 on the fly (rewriting the declaration), so large files still stream.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

import defusedxml.ElementTree as DET
from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from linkchart.io.errors import CaseFileError

_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)[\"']")
_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[A-Za-z0-9._\-]+([\"'])")
_WIDE = {"utf-16", "utf-16le", "utf-16be", "utf-16-le", "utf-16-be", "utf-32", "ucs-2", "unicode", "utf16"}


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """(codec, bytes of BOM to skip) judged from the first bytes, the declaration only as a hint.

    A byte-order mark or the zero bytes of UTF-16 decide; otherwise the bytes are
    8-bit and a declared UTF-16 is a lie (we read UTF-8); a declared 8-bit
    encoding such as ISO-8859-1 is believed.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    if head[:2] == b"<\x00" or head[:4] == b" \x00<\x00":
        return "utf-16-le", 0
    if head[:2] == b"\x00<" or head[:4] == b"\x00 \x00<":
        return "utf-16-be", 0
    m = _DECL.match(head)
    if m:
        declared = m.group(1).decode("ascii").lower()
        if declared not in _WIDE and not declared.startswith("utf"):
            try:
                codec = codecs.lookup(declared).name
            except LookupError:
                return "utf-8", 0
            if "a".encode(codec, errors="replace") == b"a":  # ASCII-compatible, so the bytes can be it
                return codec, 0
    return "utf-8", 0


def declared_encoding(head: bytes) -> str:
    m = _DECL.match(head.lstrip(codecs.BOM_UTF8))
    return m.group(1).decode("ascii").lower() if m else ""


class CountingReader(io.RawIOBase):
    """Wraps a binary file and counts the bytes read, for progress."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self.raw.read(size)
        self.count += len(chunk)
        return chunk

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


class _Utf8Stream:
    """A byte stream that decodes *raw* with the sniffed codec and hands expat UTF-8."""

    CHUNK = 1 << 16

    def __init__(self, raw: CountingReader, codec: str, skip: int) -> None:
        self._raw = raw
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._buffer = b""
        self._first = True
        self._eof = False
        if skip:
            raw.read(skip)

    def read(self, size: int = -1) -> bytes:
        while not self._eof and (size < 0 or len(self._buffer) < size):
            chunk = self._raw.read(self.CHUNK)
            text = self._decoder.decode(chunk, final=not chunk)
            self._eof = not chunk
            if self._first and (text or self._eof):
                text = _DECL_TEXT.sub(r"\1\2UTF-8\3", text.lstrip("\ufeff"), count=1)
                self._first = False
            self._buffer += text.encode("utf-8")
        if size < 0:
            out, self._buffer = self._buffer, b""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


def open_xml(raw: BinaryIO) -> tuple[CountingReader, object]:
    """(byte counter, stream for the parser) for a binary file positioned at its start."""
    counter = CountingReader(raw)
    start = raw.tell()
    head = raw.read(4096)
    raw.seek(start)
    codec, skip = sniff_encoding(head)
    declared = declared_encoding(head)
    if codec == "utf-8" and skip == 0 and declared in ("", "utf-8", "utf8"):
        return counter, counter
    return counter, _Utf8Stream(counter, codec, skip)


def decode_xml_bytes(data: bytes) -> bytes:
    """The whole of an XML file as UTF-8 bytes with an honest declaration."""
    codec, skip = sniff_encoding(data[:4096])
    if codec == "utf-8":
        try:
            data[skip:].decode("utf-8")
        except UnicodeDecodeError:
            codec = "cp1252"  # 8-bit text that is not UTF-8: most often Windows Western
        else:
            if skip == 0 and declared_encoding(data[:4096]) in ("", "utf-8", "utf8"):
                return data
    text = data[skip:].decode(codec, errors="replace")
    return _DECL_TEXT.sub(r"\1\2UTF-8\3", text.lstrip("\ufeff"), count=1).encode("utf-8")


_ENTITY_MESSAGE = "it declares XML entities, which LinkChart never expands (they can read local files, fetch URLs or explode in size)"


def _xml_error(exc: Exception) -> CaseFileError:
    if isinstance(exc, EntitiesForbidden):
        return CaseFileError(_ENTITY_MESSAGE)
    if isinstance(exc, ExternalReferenceForbidden):
        return CaseFileError("it refers to an external resource, which LinkChart never fetches")
    if isinstance(exc, DTDForbidden):
        return CaseFileError("it holds a document type declaration, which is not allowed here")
    return CaseFileError(f"it is not well-formed XML ({exc})")


def iter_xml(stream: object, events: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, ET.Element]]:
    """defusedxml's iterparse, with every parser fault turned into a CaseFileError."""
    try:
        yield from DET.iterparse(stream, events=events, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden, ET.ParseError) as exc:
        raise _xml_error(exc) from None
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise CaseFileError(f"it is not well-formed XML ({type(exc).__name__})") from None


def parse_xml(data: bytes) -> ET.Element:
    """The root element of a whole document held in memory (sniffed and transcoded first)."""
    try:
        return DET.fromstring(decode_xml_bytes(data), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except (EntitiesForbidden, ExternalReferenceForbidden, DTDForbidden, ET.ParseError) as exc:
        raise _xml_error(exc) from None
    except (UnicodeError, ValueError, RecursionError) as exc:
        raise CaseFileError(f"it is not well-formed XML ({type(exc).__name__})") from None


_LOCAL_NAMES: dict[str, str] = {}


def local(tag: object) -> str:
    """"{namespace}node" -> "node" (memoised: a file uses a handful of tags a million times)."""
    try:
        return _LOCAL_NAMES[tag]  # type: ignore[index]
    except (KeyError, TypeError):
        if not isinstance(tag, str):
            return ""
        name = tag.rpartition("}")[2]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[tag] = name
        return name


def namespace(tag: object) -> str:
    return tag[1 : tag.index("}")] if isinstance(tag, str) and tag.startswith("{") else ""


# ----------------------------------------------------------------- writing
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))
_TEXT = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\r", "&#13;"))


def _escape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    text = _BAD_CHARS.sub("\ufffd", text)
    for char, entity in table:  # chained str.replace runs in C; str.translate with a dict does not
        if char in text:
            text = text.replace(char, entity)
    return text


def xml_attr(value: object) -> str:
    """A double-quoted attribute value; newlines survive as character references."""
    return '"' + _escape(str(value), _ATTR) + '"'


def xml_text(value: object) -> str:
    return _escape(str(value), _TEXT)


def xml_number(value: float) -> str:
    """A coordinate without float noise: 120.0 -> "120", 0.1 -> "0.1"."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def head_text(head: bytes) -> str:
    """The first bytes of a file as text, decoded as :func:`sniff_encoding` judges, for sniffers."""
    codec, skip = sniff_encoding(head)
    return head[skip:].decode(codec, errors="ignore")


def root_name(head: bytes) -> str:
    """The local name of the first element in *head*, skipping the declaration, comments and DTD."""
    text = head_text(head).lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):  # not XML at all (a zip holding XML, say)
        return ""
    m = re.search(r"<(?![?!/])(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)", re.sub(r"<!--.*?-->", "", text, flags=re.S))
    return m.group(1) if m else ""
