"""The case's records: Article, Citation, Entity, Link, Group.

Plain dataclasses. They are mutated only by :class:`~linkchart.model.case.Case`
methods, which keep the graph in step and emit change events; code elsewhere
reads them and asks the Case to change them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

from linkchart.model.ids import new_id

DIRECTIONS = ("forward", "both", "none")
STRENGTHS = ("confirmed", "probable", "possible")
RELIABILITY_CODES = ("", "A", "B", "C", "D", "E", "F")
CREDIBILITY_CODES = ("", "1", "2", "3", "4", "5", "6")

# Attribute values are typed by their JSON type; dates are ISO strings.
AttributeValue = str | int | float | bool


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Citation:
    """Where a claim comes from: an exact quote at [start, end) of an article's text."""

    article_id: str
    start: int
    end: int
    quote: str
    comment: str = ""
    reliability: str = ""
    credibility: str = ""
    id: str = field(default_factory=new_id)

    def verify(self, article_text: str) -> bool:
        """True if the article still reads exactly ``quote`` at ``[start, end)``."""
        return 0 <= self.start <= self.end <= len(article_text) and article_text[self.start : self.end] == self.quote

    def relocate(self, article_text: str) -> tuple[int, int] | None:
        """Where the quote stands now if it occurs exactly once in the text, else None.

        Offered to the analyst for a broken citation; never applied silently.
        """
        first = article_text.find(self.quote) if self.quote else -1
        if first < 0 or article_text.find(self.quote, first + 1) >= 0:
            return None
        return first, first + len(self.quote)


@dataclass
class Article:
    """An imported source. Its ``text`` never changes once imported: citations index into it."""

    text: str
    title: str = ""
    publisher: str = ""
    author: str = ""
    date: str = ""
    origin: str = ""
    original: bytes | None = None
    original_name: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = text_sha256(self.text)

    @property
    def original_sha256(self) -> str:
        return hashlib.sha256(self.original).hexdigest() if self.original is not None else ""


@dataclass
class Entity:
    """A card on the chart: a person, organization, place, event, ..."""

    label: str
    type: str = "other"
    subtitle: str = ""
    aliases: list[str] = field(default_factory=list)
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    notes: str = ""
    date: str = ""
    citations: list[Citation] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    pinned: bool = False
    style: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        # Positions are floats everywhere so a saved case reads back byte-identical.
        self.x, self.y = float(self.x), float(self.y)

    @property
    def names(self) -> list[str]:
        """The label followed by every alias."""
        return [self.label, *self.aliases]


@dataclass
class Link:
    """An attributed, directed, graded relation between two entities."""

    source: str
    target: str
    type: str = "associated_with"
    label: str = ""
    direction: str = "forward"
    strength: str = "confirmed"
    date: str = ""
    reliability: str = ""
    credibility: str = ""
    attributes: dict[str, AttributeValue] = field(default_factory=dict)
    notes: str = ""
    citations: list[Citation] = field(default_factory=list)
    style: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    @property
    def grading(self) -> str:
        """The Admiralty code, e.g. "B2", or "" when ungraded."""
        return f"{self.reliability}{self.credibility}"


@dataclass
class Group:
    """A named box of cards that can be collapsed to one card."""

    label: str
    members: list[str] = field(default_factory=list)
    collapsed: bool = False
    x: float = 0.0
    y: float = 0.0
    style: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.x, self.y = float(self.x), float(self.y)


def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def editable_fields(cls: type) -> frozenset[str]:
    """Fields that ``Case.update_*`` may set: all but the identity (and an article's text)."""
    names = set(field_names(cls)) - {"id"}
    if cls is Article:
        names -= {"text", "sha256", "original", "original_name"}
    return frozenset(names)


def copy_value(value: Any) -> Any:
    """Copy lists and dicts one level deep (citations too) so undo snapshots stay independent."""
    if isinstance(value, list):
        return [copy_value(v) for v in value]
    if isinstance(value, dict):
        return {k: copy_value(v) for k, v in value.items()}
    if isinstance(value, Citation):
        return Citation(**{f: getattr(value, f) for f in field_names(Citation)})
    return value
