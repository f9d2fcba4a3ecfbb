"""CSV: an entities file and a links file, read through a column mapping, written as a pair.

Writing ``chart.csv`` produces ``chart.entities.csv`` and ``chart.links.csv``
(UTF-8 with a byte-order mark so spreadsheet programs read accents right; one
row per record; aliases joined by "; "; citations as JSON). Two plain files
rather than a zip, because a spreadsheet opens them directly.

Reading takes either file of such a pair (the other is found beside it), or
one CSV alone: a file with source/target columns is a links list whose ends
are created as entities, anything else is an entities list.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from linkchart.io.atomic import atomic_write
from linkchart.io.csv_mapping import CsvMapping
from linkchart.io.drafting import DraftBuilder
from linkchart.io.errors import CaseFileError
from linkchart.io.importing import CitationRef, ImportContext, parse_citations_json
from linkchart.io.registry import register_reader, register_writer
from linkchart.io.values import (
    guess_value,
    normalise_name,
    parse_aliases,
    parse_credibility,
    parse_date_text,
    parse_direction,
    parse_grading,
    parse_number,
    parse_reliability,
    parse_strength,
)
from linkchart.io.writing import aliases_text, attribute_columns, attribute_text, citations_json, style_json
from linkchart.io.xmlsafe import CountingReader, xml_number
from linkchart.model import Case, Draft, Entity, Link

ENTITIES_SUFFIX = ".entities.csv"
LINKS_SUFFIX = ".links.csv"
ENTITY_COLUMNS = ("id", "label", "type", "subtitle", "aliases", "notes", "date", "x", "y", "citations", "style")
LINK_COLUMNS = ("id", "source", "target", "source_label", "target_label", "type", "label", "direction", "strength", "date",
                "reliability", "credibility", "notes", "citations", "style")
MAX_FIELD = 64 * 1024**2
_BOOLS = {"true": True, "false": False}


# ------------------------------------------------------------------ writing
def pair_paths(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """(entities file, links file) for an export named *path*: chart.csv -> chart.entities.csv, chart.links.csv."""
    p = Path(path)
    name = p.name
    for suffix in (ENTITIES_SUFFIX, LINKS_SUFFIX, ".csv"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return p.with_name(name + ENTITIES_SUFFIX), p.with_name(name + LINKS_SUFFIX)


def _columns(fixed: tuple[str, ...], attributes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """(header, attribute name) of attribute columns; a name clashing with ours is written attr.<name>."""
    taken = {normalise_name(c) for c in fixed}
    return [("attr." + n if normalise_name(n) in taken or n.startswith("attr.") else n, n) for n, _ in attributes]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _spreadsheet_safe(row: list[str]) -> list[str]:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (CSV injection).

    A label from an imported file such as ``=HYPERLINK(...)`` must not become live in
    Excel or LibreOffice; plain numbers like ``-20`` are left as they are. The reader
    strips the apostrophe again, so a round trip keeps the text.
    """
    return [f"'{cell}" if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell) else cell for cell in row]


def _unescape_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:2] in _FORMULA_START else cell


def write_entities_csv(case: Case, handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=False)
    extra = _columns(ENTITY_COLUMNS, attribute_columns(case.entities.values()))
    out = csv.writer(text)
    out.writerow([*ENTITY_COLUMNS, *(h for h, _ in extra)])
    for e in case.entities.values():
        out.writerow(_spreadsheet_safe([e.id, e.label, e.type, e.subtitle, aliases_text(e.aliases), e.notes, e.date, xml_number(e.x), xml_number(e.y),
                      citations_json(case, e.citations) if e.citations else "", style_json(e.style) if e.style else "",
                      *(attribute_text(e.attributes[n]) if n in e.attributes else "" for _, n in extra)]))
    text.flush()
    text.detach()


def write_links_csv(case: Case, handle: BinaryIO) -> None:
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="", write_through=False)
    extra = _columns(LINK_COLUMNS, attribute_columns(case.links.values()))
    out = csv.writer(text)
    out.writerow([*LINK_COLUMNS, *(h for h, _ in extra)])
    for k in case.links.values():
        out.writerow(_spreadsheet_safe([k.id, k.source, k.target, case.entities[k.source].label, case.entities[k.target].label, k.type,
                      case.link_label(k), k.direction, k.strength, k.date, k.reliability, k.credibility, k.notes,
                      citations_json(case, k.citations) if k.citations else "", style_json(k.style) if k.style else "",
                      *(attribute_text(k.attributes[n]) if n in k.attributes else "" for _, n in extra)]))
    text.flush()
    text.detach()


def write_csv_pair(case: Case, path: Path) -> list[Path]:
    """Write both files, each atomically; returns their paths."""
    ents, links = pair_paths(path)
    atomic_write(ents, lambda h: write_entities_csv(case, h))
    atomic_write(links, lambda h: write_links_csv(case, h))
    return [ents, links]


@register_writer("csv", extensions=(".csv",), label="CSV (entities + links)", write_path=write_csv_pair)
def write_csv(case: Case, handle: BinaryIO) -> None:
    """CSV is two files; use a path (or write_entities_csv / write_links_csv on two handles)."""
    raise CaseFileError("a CSV export is two files (entities and links); give a file name rather than an open file")


# ------------------------------------------------------------------ reading
def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


class _Table:
    """One CSV file opened for streaming: header, rows as dicts, bytes read for progress."""

    def __init__(self, path: Path, delimiter: str) -> None:
        self.path = path
        self._raw = open(path, "rb")  # noqa: SIM115 - closed by close()
        head = self._raw.read(1 << 20)
        self._raw.seek(0)
        self.size = max(path.stat().st_size, 1)
        self.encoding = _encoding(head)
        self.counter = CountingReader(self._raw)
        self._text = io.TextIOWrapper(io.BufferedReader(self.counter), encoding=self.encoding, errors="replace", newline="")
        sample = head.decode(self.encoding, errors="ignore")[:65536]
        if not delimiter:
            try:
                delimiter = csv.Sniffer().sniff(sample.split("\n", 20)[0] + "\n", delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        self._rows = csv.reader(self._text, delimiter=delimiter)
        try:
            self.header = [h.strip() for h in next(self._rows)]
        except StopIteration:
            self.header = []
        except csv.Error as exc:
            raise CaseFileError(f"{path.name} is not readable CSV ({exc})") from None

    def rows(self) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            for n, row in enumerate(self._rows, start=2):
                if any(cell.strip() for cell in row):
                    yield n, {h: (_unescape_cell(row[i]) if i < len(row) else "") for i, h in enumerate(self.header)}
        except csv.Error as exc:
            raise CaseFileError(f"{self.path.name} is not readable CSV ({exc})") from None

    def close(self) -> None:
        self._raw.close()


def _partner(path: Path) -> tuple[Path | None, Path | None]:
    """(entities file, links file) for a file named as one half of a pair; (path, None) otherwise."""
    lower = path.name.lower()
    ents, links = pair_paths(path)
    if lower.endswith(ENTITIES_SUFFIX):
        return path, links if links.is_file() else None
    if lower.endswith(LINKS_SUFFIX):
        return (ents if ents.is_file() else None), path
    return path, None


@register_reader("csv", extensions=(".csv",), label="CSV (entities and/or links)")
def read_csv(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """A CSV file, or a pair of them, as a Draft (see the module docstring for which is which)."""
    if not isinstance(source, (str, os.PathLike)):
        raise CaseFileError("CSV import needs a file name, so that a links file can be found beside its entities file")
    ents, links = _partner(Path(source))
    if ents is not None and links is None:
        probe = _Table(ents, ctx.csv_mapping.delimiter if ctx.csv_mapping else "")
        probe.close()
        detected = CsvMapping.detect(None, probe.header).link_columns
        if "source" in detected and "target" in detected:
            ents, links = None, ents
    return read_csv_files(ents, links, ctx)


def read_csv_files(entities: Path | None, links: Path | None, ctx: ImportContext, mapping: CsvMapping | None = None) -> Draft:
    """An entities file and/or a links file as a Draft, through *mapping* (or ctx's, or a detected one)."""
    mapping = mapping or ctx.csv_mapping
    delimiter = mapping.delimiter if mapping else ""
    ent_table = _Table(entities, delimiter) if entities else None
    link_table = _Table(links, delimiter) if links else None
    try:
        if mapping is None:
            mapping = CsvMapping.detect(ent_table.header if ent_table else None, link_table.header if link_table else None)
        names = " + ".join(t.path.name for t in (ent_table, link_table) if t)
        reader = _CsvReader(DraftBuilder(ctx, names, "CSV"), mapping)
        for line in mapping.describe():
            reader.b.report.mapped(line)
        for table in (ent_table, link_table):
            if table is not None and table.encoding == "cp1252":
                reader.b.report.warn(f"{table.path.name} is not UTF-8; read as Windows-1252")
        total = sum(t.size for t in (ent_table, link_table) if t)
        done = 0
        if ent_table:
            reader.entities(ent_table, done, total)
            done += ent_table.size
        if link_table:
            reader.links(link_table, done, total, have_entities=ent_table is not None)
        reader.b.progress(1.0)
        return reader.b.finish()
    finally:
        for table in (ent_table, link_table):
            if table is not None:
                table.close()


class _CsvReader:
    def __init__(self, builder: DraftBuilder, mapping: CsvMapping) -> None:
        self.b = builder
        self.m = mapping
        self._by_label: dict[str, str] = {}  # lower-cased label -> file id
        limit = csv.field_size_limit()
        if limit < MAX_FIELD:
            csv.field_size_limit(MAX_FIELD)

    def _extras(self, table: _Table, columns: dict[str, str], keep: list[str] | None) -> list[str]:
        used = set(columns.values()) | set(self.m.ignored)
        extras = [h for h in table.header if h and h not in used and h != "style"]
        if keep is not None:
            extras = [h for h in extras if h in keep]
        for h in extras:
            self.b.report.mapped(f"{table.path.name} column '{h}' -> attribute")
        return extras

    def _quotes(self, text: str, where: str) -> list[CitationRef]:
        if not text.strip():
            return []
        try:
            return parse_citations_json(text)
        except ValueError:
            self.b.report.skipped("a 'citations' cell is not LinkChart citation data", where)
            return []

    @staticmethod
    def _attributes(row: dict[str, str], extras: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for h in extras:
            cell = row.get(h, "")
            if cell.strip():
                name = h[len("attr.") :] if h.startswith("attr.") else h
                out[name] = _BOOLS.get(cell.strip(), None) if cell.strip() in _BOOLS else guess_value(cell)
        return out

    def entities(self, table: _Table, done: int, total: int) -> None:
        c = self.m.entity_columns
        if "label" not in c and "id" not in c:
            raise CaseFileError(f"{table.path.name}: no column holds the entities' names (map one to 'label')")
        extras = self._extras(table, c, self.m.entity_attributes)
        for n, row in table.rows():
            get = lambda f, row=row: row.get(c[f], "").strip() if f in c else ""  # noqa: E731
            label = get("label") or get("id")
            file_id = get("id") or f"label:{label.lower()}"
            e = Entity(id="", label=label, subtitle=get("subtitle"), notes=get("notes"),
                       attributes=self._attributes(row, extras))
            e.type = self.b.types.entity_type(get("type") or self.m.default_entity_type)
            if get("aliases"):
                e.aliases = [a for a in parse_aliases(get("aliases"), self.m.alias_separator) if a != label]
            self._date(e, get("date"), f"line {n}")
            x, y = parse_number(get("x")), parse_number(get("y"))
            if x is not None and y is not None:
                e.x, e.y = x, y
            style = row.get("style", "").strip() if "style" in table.header else ""
            if style.startswith("{"):
                e.style = _style(style)
            if self.b.add_entity(file_id, e, self._quotes(get("citations"), f"line {n}")) is not None:
                self._by_label.setdefault(label.lower(), file_id)
            self.b.tick((done + table.counter.count) / total)

    def _end(self, value: str, label: str, have_entities: bool) -> str:
        """The file id for a link end, creating an entity for an end the entities file lacks."""
        mode = self.m.ends
        if mode in ("auto", "id") and self.b.has_entity(value):
            return value
        if mode in ("auto", "label") and value.lower() in self._by_label:
            return self._by_label[value.lower()]
        if mode == "id" or (mode == "auto" and label):
            file_id = value
        else:
            file_id, label = f"label:{value.lower()}", value
        if have_entities:
            self.b.report.warn("an entity was created for a link end missing from the entities file", repr(value[:40]))
        else:
            self.b.report.mapped("link ends -> entities (one per distinct name)")
        entity = Entity(id="", label=label or value, type=self.b.types.entity_type(self.m.default_entity_type))
        if self.b.add_entity(file_id, entity) is not None:
            self._by_label.setdefault((label or value).lower(), file_id)
        return file_id

    def links(self, table: _Table, done: int, total: int, have_entities: bool) -> None:
        c = self.m.link_columns
        if "source" not in c or "target" not in c:
            raise CaseFileError(f"{table.path.name}: no columns hold the links' ends (map them to 'source' and 'target')")
        extras = self._extras(table, c, self.m.link_attributes)
        for n, row in table.rows():
            get = lambda f, row=row: row.get(c[f], "").strip() if f in c else ""  # noqa: E731
            src, dst = get("source"), get("target")
            if not src or not dst:
                self.b.report.skipped("a link row without both ends", f"{table.path.name} line {n}")
                continue
            src = self._end(src, get("source_label"), have_entities)
            dst = self._end(dst, get("target_label"), have_entities)
            tid, reverse, label = self.b.link_kind(get("type") or self.m.default_link_type, get("label"))
            k = Link(id="", source="", target="", type=tid, label=label, notes=get("notes"),
                     attributes=self._attributes(row, extras))
            self._values(k, get, f"line {n}")
            style = row.get("style", "").strip() if "style" in table.header else ""
            if style.startswith("{"):
                k.style = _style(style)
            if reverse:
                src, dst = dst, src
            self.b.add_link(src, dst, k, self._quotes(get("citations"), f"line {n}"), get("id"))
            self.b.tick((done + table.counter.count) / total)

    def _values(self, k: Link, get: Any, where: str) -> None:
        for name, parse in (("direction", parse_direction), ("strength", parse_strength),
                            ("reliability", parse_reliability), ("credibility", parse_credibility)):
            text = get(name)
            if text:
                value = parse(text)
                if value is None:
                    self.b.report.warn(f"a {name} is not understood; the default was kept", f"{text[:20]!r} on {where}")
                else:
                    setattr(k, name, value)
        if get("grading"):
            pair = parse_grading(get("grading"))
            if pair is None:
                self.b.report.warn("a grading is not an Admiralty code such as B2", f"{get('grading')[:20]!r} on {where}")
            else:
                k.reliability, k.credibility = pair
        self._date(k, get("date"), where)

    def _date(self, item: Entity | Link, text: str, where: str) -> None:
        if text:
            parsed = parse_date_text(text)
            if parsed is None:
                item.attributes["date"] = text
                self.b.report.warn("a date is not one LinkChart understands; kept as attribute 'date'", f"{text[:30]!r} on {where}")
            else:
                item.date = parsed


def _style(text: str) -> dict[str, str]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}
