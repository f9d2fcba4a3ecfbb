"""Bytes to clean text: encoding detection, newline and Unicode normalisation, dates, titles.

Encodings are detected, never assumed: a byte-order mark decides first, then
strict UTF-8, then charset-normalizer. Among the encodings charset-normalizer
finds equally plausible, the common Western and Cyrillic code pages win, because
on short texts it otherwise picks exotic ones (cp1006 for a line of French).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from datetime import datetime
from email.utils import parsedate_to_datetime

# Tried in this order among charset-normalizer's equally good guesses.
PREFERRED_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1251", "cp1250", "koi8_r", "mac_roman")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CHAOS_SLACK = 0.02
_MAX_CONTROL_RATIO = 0.01


class NotTextError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode *data*, returning ``(text, encoding)``; raise NotTextError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data[len(bom) :], encoding), encoding)
    if b"\x00" in data[:8192]:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise NotTextError("this looks like a binary file, not text")
        return _checked(_decode(data, encoding), encoding)
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    return _checked(data.decode(encoding, errors="replace"), encoding)


def detect_encoding(data: bytes) -> str:
    """The most plausible single-byte or CJK encoding for non-UTF-8 bytes."""
    from charset_normalizer import from_bytes  # imported here: only non-UTF-8 files need it

    matches = list(from_bytes(data))
    if not matches:
        raise NotTextError("this looks like a binary file, not text (no text encoding fits it)")
    best = min(m.chaos for m in matches)
    close = [m for m in matches if m.chaos <= best + _CHAOS_SLACK]
    for wanted in PREFERRED_ENCODINGS:
        for match in close:
            if wanted in match.could_be_from_charset:
                return wanted
    return close[0].encoding


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotTextError(f"the file says it is {encoding} but is not valid {encoding}") from exc


def _bomless_utf16(data: bytes) -> str | None:
    # UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]
    if odd and odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even and even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if text:
        sample = text[:20000]
        controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
        if controls > _MAX_CONTROL_RATIO * len(sample):
            raise NotTextError("this looks like a binary file, not text (it is full of control characters)")
    return text, encoding


_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
_TRAILING_SPACE = re.compile(r"[ \t\u00a0]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """One newline convention (\\n), NFC, no BOM or NULs, no trailing spaces, at most one blank line in a row."""
    text = text.lstrip("\ufeff").replace("\x00", "")
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_SPACE.sub("\n", text + "\n")
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def guess_title(text: str, limit: int = 150) -> str:
    """The first non-empty line when it is short enough to be a headline, else ""."""
    for line in text.split("\n"):
        line = line.strip().lstrip("#").strip()
        if line:
            return line if len(line) <= limit else ""
    return ""


_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WRITTEN_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%Y/%m/%d", "%d/%m/%Y", "%Y.%m.%d")


def iso_date(value: str) -> str:
    """A publication date as ``YYYY-MM-DD`` when it can be read; else the text as given (trimmed).

    Reads ISO 8601 (with a time or zone), e-mail (RFC 2822) dates, PDF ``D:`` dates
    and written forms such as "December 29, 2019".
    """
    value = (value or "").strip()
    if not value:
        return ""
    for pattern in (_ISO_DATE, _PDF_DATE):
        m = pattern.match(value)
        if m:
            year, month, day = m.group(1), m.group(2), m.group(3)
            return "-".join(p for p in (year, month, day) if p)
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return value[:60]
