"""i2 Analyst's Notebook ANX: ANB's own files (and broken ones) in; a chart ANB opens out, one Card per citation."""

from __future__ import annotations

import defusedxml.ElementTree as DET
import pytest

from linkchart.io import ImportContext, read_graph, write_graph
from linkchart.io.anx_common import colorref
from linkchart.model import Article, Case

SOURCE = Article(text="Reports say Soleimani led the Quds Force until 2020.", title="Heightened threat")


def _by_label(draft):
    return {e.label: e for e in draft.entities}


def _links(draft):
    label = {e.id: e.label for e in draft.entities}
    return {(label[k.source], k.label or k.type, label[k.target]): k for k in draft.links}


@pytest.fixture
def anb(files):
    return read_graph(files / "anb-utf16.anx", ImportContext(articles=[SOURCE]))


def test_anb_utf16_entities_types_attributes_and_positions(anb):
    ents = _by_label(anb)
    assert {k: e.type for k, e in ents.items()} == {"Qasem Soleimani": "person", "Quds Force": "organization",
                                                    "Adrian Darya 1": "vessel", "Tehran": "location"}
    qs = ents["Qasem Soleimani"]
    assert (qs.x, qs.y, qs.notes) == (-200.0, 100.0, "Commander of the Quds Force")
    assert qs.attributes == {"Date of Birth": "1957-03-11", "Phone calls": 12, "Nationality": "Iranian",
                             "SourceReference": "Analyst notes", "SourceType": "Open source"}
    assert ents["Quds Force"].attributes == {"Sanctioned": True}


def test_anb_links_arrows_strengths_dates_and_grades(anb):
    links = _links(anb)
    commands = links[("Qasem Soleimani", "commands", "Quds Force")]
    assert (commands.direction, commands.strength, commands.date) == ("forward", "confirmed", "about 2018")
    assert (commands.reliability, commands.credibility) == ("A", "2")  # ANB's unnamed six-step lists, taken in order
    operates = links[("Quds Force", "operates", "Adrian Darya 1")]  # ArrowOnTail: the arrow points at End1
    assert (operates.type, operates.direction, operates.strength) == ("associated_with", "forward", "probable")
    sale = links[("Quds Force", "oil sale", "Tehran")]
    assert (sale.type, sale.direction, sale.strength, sale.date, sale.attributes) == ("transaction", "both", "possible", "2019-09-02",
                                                                                    {"Phone calls": 3.5})
    assert links[("Quds Force", "based in", "Tehran")].direction == "none"


def test_cards_become_citations_when_their_quote_is_found(anb):
    qs = _by_label(anb)["Qasem Soleimani"]
    (citation,) = qs.citations
    assert citation.article_id == SOURCE.id and citation.verify(SOURCE.text)
    assert (citation.quote, citation.comment, citation.reliability, citation.credibility) == (
        "Soleimani led the Quds Force", "Quds Force head", "B", "3")
    operates = _links(anb)[("Quds Force", "operates", "Adrian Darya 1")]
    assert not operates.citations
    assert operates.notes == 'Quote: "The tanker was run by the IRGC\'s Quds Force" (Shipping Weekly)'
    (warning,) = anb.report.warnings
    assert warning.startswith("card quote not matched to an article (kept in the notes)") and "Shipping Weekly" in warning


@pytest.mark.parametrize("name", ["anx-declares-utf16-written-utf8.anx", "anx-no-declaration.anx"])
def test_files_that_lie_about_or_omit_their_encoding_still_read(files, name):
    draft = read_graph(files / name)
    assert sorted(e.label for e in draft.entities) == ["Ali Kaya", "Beyoğlu cell"]
    assert [(k.type, k.direction) for k in draft.links] == [("member_of", "forward")]


def test_written_chart_follows_the_schema_order(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.anx")
    root = DET.parse(path).getroot()
    assert (root.tag, root.get("IdReferenceLinking")) == ("Chart", "false")
    order = [c.tag for c in root]
    assert order == ["GradeOne", "GradeTwo", "StrengthCollection", "AttributeClassCollection", "EntityTypeCollection",
                     "LinkTypeCollection", "ChartItemCollection"]
    items = list(root.find("ChartItemCollection"))
    kinds = ["entity" if item.find("End") is not None else "link" for item in items]
    assert kinds == sorted(kinds, key=lambda k: k == "link")  # every entity before any link
    for item in items:
        link = item.find("Link")
        if link is not None:
            tags = [c.tag for c in link]
            assert tags[-1] == "LinkStyle" and ("CardCollection" not in tags or tags.index("CardCollection") < tags.index("LinkStyle"))
    dot_styles = {s.get("Name"): s.get("DotStyle") for s in root.iter("Strength")}
    assert dot_styles == {"Confirmed": "DotStyleSolid", "Probable": "DotStyleDashed", "Possible": "DotStyleDotted"}
    place = next(t for t in root.iter("EntityType") if t.get("Name") == "Place")
    assert place.get("Colour") == str(colorref("#c07a12")) == str(0x12 * 65536 + 0x7A * 256 + 0xC0)


def test_one_card_per_citation_with_the_quote_verbatim(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.anx")
    root = DET.parse(path).getroot()
    cards = list(root.iter("Card"))
    citations = [c for _, c in small_case.iter_citations()]
    assert sorted(c.get("Text") for c in cards) == sorted(c.quote for c in citations)
    backed = next(i for i in root.iter("ChartItem") if i.get("Label") == "backed by")
    (card,) = backed.iter("Card")
    assert (card.get("SourceReference"), card.get("SourceType"), card.get("DateTime"), card.get("Summary")) == (
        "Heightened threat", "Reuters", "2019-12-29T00:00:00", "sponsor")
    assert (card.get("GradeOneIndex"), card.get("GradeTwoIndex")) == ("1", "1")  # B and 2
    style = backed.find("Link/LinkStyle")
    assert (style.get("ArrowStyle"), style.get("Strength"), style.get("Type")) == ("ArrowOnHead", "Confirmed", "backed by")
    arrows = {i.get("Label"): i.find("Link/LinkStyle").get("ArrowStyle") for i in root.iter("ChartItem") if i.find("Link") is not None}
    assert (arrows["trains"], arrows["associated with"]) == ("ArrowNone", "ArrowOnBoth")


def test_our_anx_comes_back_with_types_grades_dates_and_quotes(small_case, case_target, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.anx")
    target = case_target(small_case)
    draft = read_graph(path, ImportContext.for_case(target))
    assert not draft.report.warnings
    target.apply_draft(draft)
    for e in small_case.entities.values():
        got = target.entities[e.id]
        assert (got.label, got.type, got.subtitle, got.aliases, got.attributes, got.notes, got.date, got.x, got.y) == (
            e.label, e.type, e.subtitle, e.aliases, e.attributes, e.notes, e.date, round(e.x), round(e.y))
        assert [(c.quote, c.comment) for c in got.citations] == [(c.quote, c.comment) for c in e.citations]
    labels = {(k.source, k.target, target.link_label(k)): k for k in target.links.values()}
    for k in small_case.links.values():
        got = labels[(k.source, k.target, small_case.link_label(k))]
        assert (got.type, got.label, got.direction, got.strength, got.date, got.grading, got.attributes, got.notes) == (
            k.type, k.label, k.direction, k.strength, k.date, k.grading, k.attributes, k.notes)
        assert [(c.quote, c.comment, c.reliability, c.credibility) for c in got.citations] == [
            (c.quote, c.comment, c.reliability, c.credibility) for c in k.citations]
    assert not target.broken_citations()


def test_without_the_articles_every_quote_is_kept_in_the_notes(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.anx")
    draft = read_graph(path, ImportContext.for_case(Case()))
    notes = "\n".join(item.notes for item in [*draft.entities, *draft.links])
    assert all(f'Quote: "{c.quote}"' in notes for _, c in small_case.iter_citations())
    assert "8 times" in draft.report.warnings[0]


def test_entities_sharing_a_label_keep_distinct_identities(tmp_path):
    case = Case()
    first, second = case.add_entity(label="Ali Hassan", type="person"), case.add_entity(label="Ali Hassan", type="person")
    (path,) = write_graph(case, tmp_path / "two.anx")
    identities = [e.get("Identity") for e in DET.parse(path).getroot().iter("Entity")]
    assert len(set(identities)) == 2  # ANB merges entities of equal Identity
    assert {e.id for e in read_graph(path).entities} == {first.id, second.id}
