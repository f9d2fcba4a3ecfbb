"""Which CSV column means what: detected from header names, editable, saved as JSON for reuse."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from linkchart.io.errors import CaseFileError
from linkchart.io.values import ENTITY_NAMES, LINK_NAMES, assign_fields

ENTITY_FIELDS = ("id", "label", "type", "subtitle", "aliases", "notes", "date", "x", "y", "citations")
LINK_FIELDS = ("id", "source", "target", "source_label", "target_label", "type", "label", "direction", "strength", "date",
               "reliability", "credibility", "grading", "notes", "citations")
_LINK_NAMES = {**LINK_NAMES, "source_label": ("source label", "from label", "source name"),
               "target_label": ("target label", "to label", "target name")}
ENDS = ("auto", "id", "label")
MAPPING_VERSION = 1


@dataclass
class CsvMapping:
    """Columns of an entities file and a links file mapped to our fields.

    ``ends`` says whether a link's source/target cells hold entity ids or labels
    ("auto" tries ids, then labels). Columns neither mapped nor ignored become
    attributes, unless ``*_attributes`` lists the ones to keep.
    """

    entity_columns: dict[str, str] = field(default_factory=dict)  # field -> column
    link_columns: dict[str, str] = field(default_factory=dict)
    ends: str = "auto"
    entity_attributes: list[str] | None = None
    link_attributes: list[str] | None = None
    ignored: list[str] = field(default_factory=list)
    delimiter: str = ""  # "" detects it
    alias_separator: str = ";"
    default_entity_type: str = ""
    default_link_type: str = ""

    @classmethod
    def detect(cls, entity_header: Sequence[str] | None = None, link_header: Sequence[str] | None = None) -> CsvMapping:
        """A mapping guessed from header names ("Name" -> label, "from" -> source, ...)."""
        ents = assign_fields(entity_header or [], ENTITY_NAMES, ENTITY_FIELDS)
        links = assign_fields(link_header or [], _LINK_NAMES, LINK_FIELDS)
        return cls(entity_columns={f: c for c, f in ents.items()}, link_columns={f: c for c, f in links.items()})

    def to_json(self) -> str:
        return json.dumps({"version": MAPPING_VERSION, **asdict(self)}, ensure_ascii=False, sort_keys=True, indent=2)

    @classmethod
    def from_json(cls, text: str) -> CsvMapping:
        """A mapping saved by :meth:`to_json`; CaseFileError if it is not one."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CaseFileError(f"the column mapping is not JSON ({str(exc)[:60]})") from None
        if not isinstance(data, dict) or data.get("version") != MAPPING_VERSION:
            raise CaseFileError("the column mapping is not one LinkChart saved")
        out = cls()
        out.entity_columns = _columns(data, "entity_columns", ENTITY_FIELDS)
        out.link_columns = _columns(data, "link_columns", LINK_FIELDS)
        out.ends = _choice(data, "ends", ENDS, "auto")
        out.entity_attributes = _names(data, "entity_attributes", optional=True)
        out.link_attributes = _names(data, "link_attributes", optional=True)
        out.ignored = _names(data, "ignored") or []
        out.delimiter = _text(data, "delimiter", 1)
        out.alias_separator = _text(data, "alias_separator", 5) or ";"
        out.default_entity_type = _text(data, "default_entity_type", 200)
        out.default_link_type = _text(data, "default_link_type", 200)
        return out

    def describe(self) -> list[str]:
        """Report lines: "column 'Name' -> label"."""
        lines = [f"entities column '{c}' -> {f.replace('_', ' ')}" for f, c in self.entity_columns.items()]
        lines += [f"links column '{c}' -> {f.replace('_', ' ')}" for f, c in self.link_columns.items()]
        return lines


def _columns(data: dict[str, Any], key: str, allowed: Sequence[str]) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(k in allowed and isinstance(v, str) and len(v) <= 1000 for k, v in value.items()):
        raise CaseFileError(f"the column mapping's '{key}' should map fields ({', '.join(allowed)}) to column names")
    return dict(value)


def _names(data: dict[str, Any], key: str, optional: bool = False) -> list[str] | None:
    value = data.get(key)
    if value is None and optional:
        return None
    value = value or []
    if not isinstance(value, list) or not all(isinstance(v, str) and len(v) <= 1000 for v in value):
        raise CaseFileError(f"the column mapping's '{key}' should be a list of column names")
    return list(value)


def _choice(data: dict[str, Any], key: str, allowed: Sequence[str], default: str) -> str:
    value = data.get(key, default)
    if value not in allowed:
        raise CaseFileError(f"the column mapping's '{key}' should be one of {', '.join(allowed)}")
    return value


def _text(data: dict[str, Any], key: str, limit: int) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > limit:
        raise CaseFileError(f"the column mapping's '{key}' should be text of at most {limit} characters")
    return value
