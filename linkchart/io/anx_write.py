"""Write an i2 Analyst's Notebook chart (ANX) that ANB opens without an import specification.

Schema order throughout (grades, strengths, attribute classes, entity types,
link types, then chart items); entities before the links that use them, with
``IdReferenceLinking="false"`` so links name their ends by ``EntityId``; in a
link, ``CardCollection`` before ``LinkStyle``. Every citation becomes one Card
carrying the quote verbatim, its article's title as source reference, its
publisher as source type and its date. Our types become ANB's generic ones
(Person, Organisation, Place, ...) and travel exactly as a "LinkChart type"
attribute. Groups and style overrides have no ANX counterpart and are left out.
"""

from __future__ import annotations

from collections import Counter
from typing import BinaryIO

from linkchart.io.anx_common import (
    ALIASES_ATTRIBUTE,
    ARROWS,
    STRENGTHS,
    SUBTITLE_ATTRIBUTE,
    TYPE_ATTRIBUTE,
    colorref,
    grade_texts,
)
from linkchart.io.registry import register_writer
from linkchart.io.writing import Out, attribute_columns, attribute_text
from linkchart.io.xmlsafe import xml_attr
from linkchart.model import Case, Citation, Entity, Link, try_parse_date

_ATT_TYPES = {"boolean": "AttFlag", "int": "AttNumber", "double": "AttNumber", "string": "AttText"}
_STRENGTH_NAMES = {ours: name for ours, name, _ in STRENGTHS}


def date_attributes(text: str) -> str:
    """DateSet/DateTime/DateTimeDescription for our date text; a fuzzy date keeps its words."""
    if not text:
        return ""
    span = try_parse_date(text)
    if span is None:
        return f" DateTimeDescription={xml_attr(text)}"
    out = f' DateSet="true" TimeSet="false" DateTime="{span.start.isoformat()}T00:00:00"'
    if span.kind != "exact":
        out += f" DateTimeDescription={xml_attr(text)}"
    return out


def _grades(reliability: str, credibility: str, codes: tuple[list[str], list[str]]) -> str:
    out = ""
    if reliability in codes[0]:
        out += f' GradeOneIndex="{codes[0].index(reliability)}"'
    if credibility in codes[1]:
        out += f' GradeTwoIndex="{codes[1].index(credibility)}"'
    return out


class _AnxWriter:
    def __init__(self, case: Case, handle: BinaryIO) -> None:
        self.case = case
        self.out = Out(handle)
        one, two = grade_texts()
        self.grade_lists = one, two
        self.codes = [c for c, _ in one], [c for c, _ in two]
        self.attributes = attribute_columns([*case.entities.values(), *case.links.values()])
        self._label_counts = Counter(e.label for e in case.entities.values())

    def write(self) -> None:
        out = self.out
        out('<?xml version="1.0" encoding="UTF-8"?>\n')
        out('<Chart IdReferenceLinking="false" Rigorous="false" BackColour="16777215">\n')
        for tag, grades in (("GradeOne", self.grade_lists[0]), ("GradeTwo", self.grade_lists[1])):
            out(f"  <{tag}>\n    <StringCollection>\n")
            for code, text in grades:
                out(f'      <String Id="{tag}{code}" Text={xml_attr(text)}/>\n')
            out(f"    </StringCollection>\n  </{tag}>\n")
        out("  <StrengthCollection>\n")
        for _, name, dot in STRENGTHS:
            out(f'    <Strength Id="{name}" Name="{name}" DotStyle="{dot}"/>\n')
        out("  </StrengthCollection>\n")
        self._attribute_classes()
        self._types()
        out("  <ChartItemCollection>\n")
        for e in self.case.entities.values():
            self._entity(e)
        offsets: Counter[frozenset[str]] = Counter()
        for k in self.case.links.values():
            pair = frozenset((k.source, k.target))
            n = offsets[pair]
            offsets[pair] += 1
            self._link(k, (n + 1) // 2 * 20 * (1 if n % 2 else -1))
        out("  </ChartItemCollection>\n</Chart>\n")
        out.flush()

    def _attribute_classes(self) -> None:
        self.out("  <AttributeClassCollection>\n")
        classes = [(name, "AttText") for name in (TYPE_ATTRIBUTE, ALIASES_ATTRIBUTE, SUBTITLE_ATTRIBUTE)]
        classes += [(name, _ATT_TYPES[kind]) for name, kind in self.attributes if name not in (TYPE_ATTRIBUTE, ALIASES_ATTRIBUTE, SUBTITLE_ATTRIBUTE)]
        for i, (name, kind) in enumerate(classes, start=1):
            self.out(f'    <AttributeClass Id="AC{i}" Name={xml_attr(name)} Type="{kind}"/>\n')
        self.out("  </AttributeClassCollection>\n")

    def _types(self) -> None:
        voc = self.case.vocabulary
        names: dict[str, str] = {}
        for e in self.case.entities.values():
            t = voc.entity_type(e.type)
            names.setdefault(t.anx_type or "General", t.colour)
        self.out("  <EntityTypeCollection>\n")
        for i, (name, colour) in enumerate(names.items(), start=1):
            self.out(f'    <EntityType Id="ET{i}" Name={xml_attr(name)} IconFile={xml_attr(name)} Colour="{colorref(colour)}"/>\n')
        self.out("  </EntityTypeCollection>\n  <LinkTypeCollection>\n")
        labels = dict.fromkeys(voc.link_type(k.type).label for k in self.case.links.values())
        for i, label in enumerate(labels, start=1):
            self.out(f'    <LinkType Id="LT{i}" Name={xml_attr(label)} Colour="0"/>\n')
        self.out("  </LinkTypeCollection>\n")

    def _cards(self, citations: list[Citation], claim: str, indent: str) -> None:
        if not citations:
            return
        out = self.out
        out(f"{indent}<CardCollection>\n")
        for c in citations:
            art = self.case.articles.get(c.article_id)
            source = (art.title or art.origin) if art else ""
            attrs = f"Summary={xml_attr(c.comment or claim)} Text={xml_attr(c.quote)} SourceReference={xml_attr(source)}"
            if art and art.publisher:
                attrs += f" SourceType={xml_attr(art.publisher)}"
            attrs += date_attributes(art.date if art else "") + _grades(c.reliability, c.credibility, self.codes)
            out(f"{indent}  <Card {attrs}/>\n")
        out(f"{indent}</CardCollection>\n")

    def _attribute_values(self, values: list[tuple[str, object]]) -> None:
        values = [(n, v) for n, v in values if v != ""]
        if not values:
            return
        self.out("      <AttributeCollection>\n")
        for name, value in values:
            self.out(f"        <Attribute AttributeClass={xml_attr(name)} Value={xml_attr(attribute_text(value))}/>\n")
        self.out("      </AttributeCollection>\n")

    def _entity(self, e: Entity) -> None:
        voc = self.case.vocabulary
        anx_type = voc.entity_type(e.type).anx_type or "General"
        attrs = f"Label={xml_attr(e.label)}"
        if e.notes:
            attrs += f" Description={xml_attr(e.notes)}"
        self.out(f"    <ChartItem {attrs}{date_attributes(e.date)}>\n")
        self.out(f'      <End X="{round(e.x)}" Y="{round(e.y)}">\n')
        self.out(f'        <Entity EntityId={xml_attr(e.id)} Identity={xml_attr(self._identity(e))} LabelIsIdentity="false">\n')
        self.out(f"          <Icon>\n            <IconStyle Type={xml_attr(anx_type)}/>\n          </Icon>\n")
        self._cards(e.citations, e.label, "          ")
        self.out("        </Entity>\n      </End>\n")
        values = [(TYPE_ATTRIBUTE, e.type), (ALIASES_ATTRIBUTE, "; ".join(e.aliases)), (SUBTITLE_ATTRIBUTE, e.subtitle)]
        self._attribute_values(values + list(e.attributes.items()))
        self.out("    </ChartItem>\n")

    def _identity(self, e: Entity) -> str:
        """ANB merges entities of equal Identity, so a label shared by two entities gets its id added."""
        return e.label if self._label_counts[e.label] == 1 else f"{e.label} ({e.id[:8]})"

    def _link(self, k: Link, offset: int) -> None:
        case = self.case
        attrs = f"Label={xml_attr(case.link_label(k))}"
        if k.notes:
            attrs += f" Description={xml_attr(k.notes)}"
        attrs += date_attributes(k.date) + _grades(k.reliability, k.credibility, self.codes)
        self.out(f"    <ChartItem {attrs}>\n")
        self.out(f'      <Link End1Id={xml_attr(k.source)} End2Id={xml_attr(k.target)} Offset="{offset}">\n')
        claim = f"{case.entities[k.source].label} {case.link_label(k)} {case.entities[k.target].label}"
        self._cards(k.citations, claim, "        ")
        self.out(f"        <LinkStyle Type={xml_attr(case.link_type(k).label)} Strength=\"{_STRENGTH_NAMES[k.strength]}\" "
                 f'ArrowStyle="{ARROWS[k.direction]}" LineColour="0" LineWidth="1" MlStyle="MultiplicityMultiple"/>\n')
        self.out("      </Link>\n")
        self._attribute_values(list(k.attributes.items()))
        self.out("    </ChartItem>\n")


@register_writer("anx", extensions=(".anx",), label="i2 Analyst's Notebook (ANX)")
def write_anx(case: Case, handle: BinaryIO) -> None:
    """The case as an ANX chart (UTF-8), one Card per citation."""
    _AnxWriter(case, handle).write()
