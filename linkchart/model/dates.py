"""Analyst dates: exact ("2019-12-29"), partial ("2019-05", "2018"), ranged
("2018-03/2018-06") and fuzzy ("about 2018", "before 2019-06", "after 2015").

The text the analyst typed is what is stored; :func:`parse_date` turns it into
an inclusive span of calendar days for the timeline and date filters.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

_PART = r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?"
_PART_RE = re.compile(rf"^{_PART}$")
_RANGE_RE = re.compile(rf"^{_PART}\s*(?:/|\.\.|–|—| to )\s*{_PART}$")
_QUALIFIED_RE = re.compile(rf"^(about|circa|c\.|ca\.|around|approx\.?|before|after|by|since)\s+{_PART}$", re.I)

# How far "about" stretches a date either way, by its precision.
_FUZZ = {"year": timedelta(days=365), "month": timedelta(days=31), "day": timedelta(days=3)}
_OPEN_ENDED = timedelta(days=365 * 5)


class DateError(ValueError):
    """The text is not a date LinkChart understands."""


@dataclass(frozen=True)
class DateSpan:
    """An inclusive span of days and how sure the analyst was of it."""

    start: date
    end: date
    kind: str  # "exact", "partial", "range" or "fuzzy"
    text: str

    @property
    def uncertain(self) -> bool:
        return self.start != self.end

    def overlaps(self, start: date | None, end: date | None) -> bool:
        """True if this span meets the window [start, end]; None leaves a side open."""
        return (start is None or self.end >= start) and (end is None or self.start <= end)


def _span_of(y: str, m: str | None, d: str | None) -> tuple[date, date, str]:
    year = int(y)
    if not 1 <= year <= 9999:
        raise DateError(f"year {year} is out of range")
    if m is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    month = int(m)
    if not 1 <= month <= 12:
        raise DateError(f"month {month} is out of range")
    if d is None:
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last), "month"
    try:
        day = date(year, month, int(d))
    except ValueError as exc:
        raise DateError(str(exc)) from None
    return day, day, "day"


def parse_date(text: str) -> DateSpan:
    """Parse an analyst date; raises DateError with a readable reason."""
    raw = (text or "").strip()
    if not raw:
        raise DateError("no date given")
    read = _read(raw)
    if isinstance(read, str):
        raise DateError(read)
    return read


# A big case repeats a few thousand date texts tens of thousands of times, and the
# timeline and the window filter read them all on every open; a DateSpan is frozen,
# so one parse per distinct text can be shared. Bounded so odd input cannot grow it.
@lru_cache(maxsize=1 << 15)
def _read(raw: str) -> DateSpan | str:
    """The span of stripped, non-empty *raw*, or why it is not a date."""
    try:
        return _parse(raw)
    except DateError as exc:
        return str(exc)


def _parse(raw: str) -> DateSpan:
    """What :func:`parse_date` reads *raw* as, uncached."""
    m = _PART_RE.match(raw)
    if m:
        start, end, precision = _span_of(*m.groups())
        return DateSpan(start, end, "exact" if precision == "day" else "partial", raw)
    m = _RANGE_RE.match(raw)
    if m:
        start, _, _ = _span_of(*m.groups()[:3])
        _, end, _ = _span_of(*m.groups()[3:])
        if end < start:
            raise DateError("the range ends before it starts")
        return DateSpan(start, end, "range", raw)
    m = _QUALIFIED_RE.match(raw)
    if m:
        word = m.group(1).lower()
        start, end, precision = _span_of(*m.groups()[1:])
        if word in ("before", "by"):
            return DateSpan(_shifted(start, -_OPEN_ENDED), end, "fuzzy", raw)
        if word in ("after", "since"):
            return DateSpan(start, _shifted(end, _OPEN_ENDED), "fuzzy", raw)
        fuzz = _FUZZ[precision]
        return DateSpan(_shifted(start, -fuzz), _shifted(end, fuzz), "fuzzy", raw)
    raise DateError(f"'{raw}' is not a date (try 2019-05-31, 2019-05, 2019, 2018/2019 or about 2018)")


def _shifted(day: date, by: timedelta) -> date:
    """*day* moved *by*, stopping at the first or last day a date can hold ("about 0001", "after 9999")."""
    try:
        return day + by
    except OverflowError:
        return date.min if by < timedelta(0) else date.max


def try_parse_date(text: str) -> DateSpan | None:
    """Like parse_date, but None for empty or unreadable text."""
    try:
        return parse_date(text)
    except DateError:
        return None
