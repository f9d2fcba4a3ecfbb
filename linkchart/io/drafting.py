"""Building a Draft from a foreign file: ids, types, deferred link ends, quotes, progress.

Every graph reader feeds a :class:`DraftBuilder` with entities and links keyed by
the file's own ids; the builder gives them uuids (reusing ones the file already
has, as our own exports do), maps type names onto the vocabulary, ties quotes
to articles, and resolves link ends once the whole file has been read, since
GraphML and GEXF allow an edge before the nodes it joins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from linkchart.io.importing import CitationMatcher, CitationRef, ImportCancelled, ImportContext, ReportBuilder
from linkchart.io.values import normalise_name
from linkchart.model import Draft, Entity, EntityType, Link, LinkType, is_id, new_id, type_id_for

# Foreign entity type names (normalised) -> our type ids: ANB, Maltego and common spellings.
ENTITY_TYPE_SYNONYMS = {
    "organisation": "organization", "org": "organization", "company": "organization", "business": "organization",
    "corporation": "organization", "ngo": "organization", "charity": "organization", "group": "organization",
    "individual": "person", "people": "person", "human": "person", "suspect": "person", "alias": "person",
    "place": "location", "address": "location", "city": "location", "town": "location", "site": "location",
    "building": "location", "gps": "location", "region": "location", "nation": "country", "state": "country",
    "incident": "event", "meeting": "event", "attack": "event", "operation": "event",
    "militia": "armed_group", "terrorist group": "armed_group", "terrorist organisation": "armed_group",
    "terrorist organization": "armed_group", "insurgent group": "armed_group", "rebel group": "armed_group",
    "government": "government_body", "ministry": "government_body", "government agency": "government_body",
    "agency": "government_body", "newspaper": "media", "news agency": "media", "media outlet": "media",
    "file": "document", "report": "document", "general": "other", "unknown": "other", "thing": "other",
}


class TypeMapper:
    """Maps the type names a file uses onto the case's vocabulary, adding new types to the draft."""

    def __init__(self, ctx: ImportContext, draft: Draft, report: ReportBuilder) -> None:
        self.vocabulary = ctx.vocabulary
        self.draft = draft
        self.report = report
        self._entity: dict[str, str] = {}
        self._link: dict[str, tuple[str, bool]] = {}

    def entity_type(self, raw: str, colour: str | None = None) -> str:
        """Our entity type id for a foreign type name; unknown names become new custom types.

        *colour* (the first card's colour in the file) becomes a new type's colour.
        """
        text = (raw or "").strip()
        if text in self._entity:
            return self._entity[text]
        found = self._find_entity_type(text)
        if found is None:
            found = type_id_for(text)
            if found not in {t.id for t in self.vocabulary.all_entity_types()} | {t.id for t in self.draft.entity_types}:
                name = text[:1].upper() + text[1:]
                self.draft.entity_types.append(EntityType(id=found, name=name, colour=colour or EntityType.colour))
                self.report.mapped(f"new entity type '{text}'")
        elif text and text.lower() not in (found, self.vocabulary.entity_type(found).name.lower()):
            self.report.mapped(f"entity type '{text}' -> {self.vocabulary.entity_type(found).name}")
        self._entity[text] = found
        return found

    def _find_entity_type(self, text: str) -> str | None:
        if not text:
            return "other"
        known = self.vocabulary.find_entity_type(text) or self.vocabulary.find_entity_type(type_id_for(text))
        if known is not None:
            return known.id
        key = normalise_name(text)
        if key.startswith("maltego "):  # "maltego.Person" -> "person"
            key = key.rsplit(" ", 1)[-1]
            known = self.vocabulary.find_entity_type(key)
            if known is not None:
                return known.id
        return ENTITY_TYPE_SYNONYMS.get(key) or next((t.id for t in self.draft.entity_types if t.id == type_id_for(text)), None)

    def link_type(self, raw: str, create: bool = True) -> tuple[str, bool] | None:
        """(type id, reversed) for a link type name or wording; "funded by" is funds, reversed.

        With ``create`` False an unknown name gives None (an edge *label* such as
        "$5,000" should stay a label, not become a type).
        """
        text = (raw or "").strip()
        if not text:
            return ("associated_with", False)
        if text in self._link:
            return self._link[text]
        found = self._find_link_type(text)
        if found is None:
            if not create:
                return None
            tid = type_id_for(text)
            if tid not in {t.id for t in self.draft.link_types}:
                self.draft.link_types.append(LinkType(id=tid, label=text))
                self.report.mapped(f"new link type '{text}'")
            found = (tid, False)
        self._link[text] = found
        return found

    def link_wording(self, type_id: str) -> tuple[str, str]:
        """(label, inverse) of a link type known to the vocabulary or added by this draft."""
        for t in self.draft.link_types:
            if t.id == type_id:
                return t.label, t.inverse
        t = self.vocabulary.link_type(type_id)
        return t.label, t.inverse

    def _find_link_type(self, text: str) -> tuple[str, bool] | None:
        wanted = normalise_name(text)
        for t in self.vocabulary.all_link_types():
            if wanted in (t.id.replace("_", " "), normalise_name(t.label)):
                return (t.id, False)
        for t in self.vocabulary.all_link_types():
            if t.inverse and wanted == normalise_name(t.inverse) and t.directed:
                return (t.id, True)
        tid = type_id_for(text)
        return (tid, False) if any(t.id == tid for t in self.draft.link_types) else None


@dataclass
class _PendingLink:
    link: Link
    source: str
    target: str


class DraftBuilder:
    """Accumulates one file's entities and links into a Draft; see the module docstring."""

    PROGRESS_EVERY = 1000  # items between progress calls

    def __init__(self, ctx: ImportContext, source: str, fmt: str) -> None:
        self.ctx = ctx
        self.report = ReportBuilder(source, fmt)
        self.draft = Draft()
        self.types = TypeMapper(ctx, self.draft, self.report)
        self._matcher: CitationMatcher | None = None
        self._ids: dict[str, str] = {}  # file id -> entity id
        self._used: set[str] = set()
        self._pending: list[_PendingLink] = []
        self._kinds: dict[tuple[str, str], tuple[str, bool, str]] = {}
        self._count = 0

    # ------------------------------------------------------------ progress
    def tick(self, fraction: float) -> None:
        """Count one item; every so often report *fraction* done and honour a cancel."""
        self._count += 1
        if self.ctx.progress is not None and self._count % self.PROGRESS_EVERY == 0:
            self.progress(fraction)

    def progress(self, fraction: float) -> None:
        if self.ctx.progress is not None and self.ctx.progress(max(0.0, min(1.0, fraction))) is False:
            raise ImportCancelled("the import was cancelled")

    def type_colour(self, type_id: str) -> str:
        """The colour cards of this type get by default, whether the type is known or new in this draft."""
        found = next((t for t in self.draft.entity_types if t.id == type_id), None)
        return found.colour if found is not None else self.ctx.vocabulary.entity_type(type_id).colour

    # ------------------------------------------------------------- records
    def fresh_id(self, wanted: str = "") -> str:
        """The file's own id when it is an unused uuid (our exports), else a new one."""
        ident = wanted if is_id(wanted) and wanted not in self._used else new_id()
        self._used.add(ident)
        return ident

    def has_entity(self, file_id: str) -> bool:
        return file_id in self._ids

    def entity_id(self, file_id: str) -> str | None:
        return self._ids.get(file_id)

    def add_entity(self, file_id: str, entity: Entity, quotes: list[CitationRef] | None = None) -> Entity | None:
        """Add *entity* under the file's id; a repeated id is reported and skipped."""
        if file_id in self._ids:
            self.report.skipped("a node id appears twice; the second was skipped", repr(file_id[:40]))
            return None
        entity.id = self.fresh_id(file_id)
        if not entity.label.strip():
            entity.label = file_id
            self.report.warn("an entity without a label was labelled with its id in the file", repr(file_id[:40]))
        self._attach_quotes(entity, quotes or [], entity.label)
        self._ids[file_id] = entity.id
        self.draft.entities.append(entity)
        return entity

    def add_link(self, source: str, target: str, link: Link, quotes: list[CitationRef] | None = None, file_id: str = "",
                 where: str = "") -> None:
        """Queue a link between two file ids; its ends are resolved in :meth:`finish`."""
        link.id = self.fresh_id(file_id)
        if quotes:
            self._attach_quotes(link, quotes, where or f"{source[:30]!r} -> {target[:30]!r}")
        self._pending.append(_PendingLink(link, source, target))

    def link_kind(self, type_text: str, label_text: str) -> tuple[str, bool, str]:
        """(type id, ends reversed?, custom label) from a file's type and label texts.

        An explicit type always wins (unknown ones become new types); failing that
        a label that is a known wording ("backed by", "funded by") gives the type,
        and any other label is kept as the link's own label on "associated with".
        """
        key = (type_text, label_text)
        if key not in self._kinds:
            self._kinds[key] = self._link_kind(type_text, label_text)
        return self._kinds[key]

    def _link_kind(self, type_text: str, label_text: str) -> tuple[str, bool, str]:
        label = label_text.strip()
        if type_text.strip():
            tid, reverse = self.types.link_type(type_text) or ("associated_with", False)
        else:
            tid, reverse = (self.types.link_type(label, create=False) if label else None) or ("associated_with", False)
        wording, inverse = self.types.link_wording(tid)
        if label and normalise_name(label) in {normalise_name(wording), normalise_name(inverse) if reverse else ""}:
            label = ""
        return tid, reverse, label

    def _attach_quotes(self, item: Entity | Link, quotes: list[CitationRef], where: str) -> None:
        if not quotes:
            return
        if self._matcher is None:
            self._matcher = CitationMatcher([*self.ctx.articles, *self.draft.articles])
        unmatched = []
        for ref in quotes:
            citation = self._matcher.match(ref)
            if citation is None:
                unmatched.append(ref)
                self.report.warn(f"{self.quote_noun} quote not matched to an article (kept in the notes)", f"{ref.describe()} on {where}", 20)
            else:
                item.citations.append(citation)
        if unmatched:
            lines = [f'Quote: "{r.quote}"' + (f" ({r.title})" if r.title else "") for r in unmatched]
            item.notes = "\n".join(filter(None, [item.notes, *lines]))

    quote_noun = "citation"

    def finish(self) -> Draft:
        """Resolve link ends and hand over the draft with its report."""
        for pending in self._pending:
            src, dst = self._ids.get(pending.source), self._ids.get(pending.target)
            if src is None or dst is None:
                missing = pending.source if src is None else pending.target
                where = f"{pending.source[:30]!r} -> {pending.target[:30]!r}"
                self.report.skipped("a link joins an id that is not a node of the file", f"{missing[:40]!r} in {where}")
                continue
            pending.link.source, pending.link.target = src, dst
            self.draft.links.append(pending.link)
        self._pending.clear()
        self.draft.report = self.report.build()
        return self.draft


def split_label(text: str) -> tuple[str, str]:
    """A multi-line label as (first line, the rest): yEd labels often carry a subtitle."""
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text.strip())]
    lines = [line for line in lines if line]
    if not lines:
        return "", ""
    return lines[0], " ".join(lines[1:])
