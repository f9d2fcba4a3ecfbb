"""suggest(): entities with spans and types, links with quotes; accept() turns picks into a Draft."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.ingest import KnownEntities, accept, guess_type, read_article, suggest
from linkchart.ingest.suggest.sentences import sentence_spans
from linkchart.model import Article, Case


def names(found):
    return {e.name: e.type for e in found.entities}


def links(found):
    by_key = {e.key: e.name for e in found.entities}
    return {(by_key[k.source], k.type, by_key[k.target]) for k in found.links}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian-sponsored Houthi rebels in Yemen fired missiles.", ("Houthis", "backed_by", "Iran")),
        ("Iran said the Tehran-backed Kataib Hezbollah group denied it.", ("Kataib Hezbollah", "backed_by", "Iran")),
        ("Hezbollah, backed by Iran, sent fighters to Syria.", ("Hezbollah", "backed_by", "Iran")),
        ("Analysts call Hamas one of the proxies of Iran in the region.", ("Hamas", "backed_by", "Iran")),
        ("Moscow has used the Wagner Group as a proxy across Africa.", ("Wagner Group", "backed_by", "Moscow")),
        ("The Quds Force plotted to assassinate former adviser John Bolton.", ("Quds Force", "plotted_against", "John Bolton")),
        ("Qassem Soleimani, the powerful leader of the Quds Force, met them.", ("Qassem Soleimani", "commands", "Quds Force")),
        ("They may target Quds Force commanding officer Esmail Qaani.", ("Esmail Qaani", "commands", "Quds Force")),
        (
            "John Kirby, spokesman for the National Security Council, spoke.",
            ("John Kirby", "spokesperson_for", "National Security Council"),
        ),
        (
            "Foreign Ministry spokesman Saeed Khatibzadeh denied the report.",
            ("Saeed Khatibzadeh", "spokesperson_for", "Foreign Ministry"),
        ),
        ("U.S. Defense Secretary Mark Esper spoke on Thursday.", ("Mark Esper", "employed_by", "United States")),
        (
            "A sustained campaign by Kataib Hezbollah against U.S. personnel began.",
            ("Kataib Hezbollah", "attacked", "United States"),
        ),
        ("Qatar acted as a mediator between the United States and Iran.", ("Qatar", "mediates_between", "Iran")),
        ("The Houthis are funded by Iran, officials say.", ("Iran", "funds", "Houthis")),
        ("Iraqi police arrested Abu Mahdi al-Muhandis in Baghdad.", ("Iraq", "arrested", "Abu Mahdi al-Muhandis")),
        (
            "Iran's Islamic Revolutionary Guard Corps leadership was blamed.",
            ("Islamic Revolutionary Guard Corps", "part_of", "Iran"),
        ),
        ("The Lebanese Hezbollah's Al Manar media arm called her names.", ("Al Manar", "part_of", "Hezbollah")),
        ("American support for Israel angered Tehran.", ("Israel", "backed_by", "United States")),
    ],
)
def test_links_come_from_the_texts_own_wording(text, expected):
    assert expected in links(suggest(text))


def test_both_parties_of_a_mediation_are_targets():
    found = suggest("Qatar is a key mediator between the United States, its allies, and Iran in this context.")
    assert {("Qatar", "mediates_between", "United States"), ("Qatar", "mediates_between", "Iran")} <= links(found)


def test_a_prefix_name_is_not_the_subject_of_the_sentence():
    found = suggest("Iranian-backed factions have carried out attacks against US forces in Iraq.")
    assert not any(t == "attacked" for _, t, _ in links(found))


def test_a_sentence_opening_with_he_is_about_the_person_just_named():
    found = suggest(
        "U.S. President Donald Trump accused Iran of orchestrating the violence. He threatened on Tuesday to retaliate against Iran."
    )
    assert ("Donald Trump", "threatened", "Iran") in links(found)


def test_every_quote_is_the_sentence_it_came_from(files):
    text = read_article(files["004_afea424f09279a13.txt"]).text
    found = suggest(text)
    assert found.links
    for link in found.links:
        assert link.quote == text[link.start : link.end]
        assert (link.start, link.end) in found.sentences


def test_mentions_index_the_text_and_merge_surnames():
    text = "U.S. Defense Secretary Mark Esper said on Thursday that Iran may attack. Esper told reporters nothing more."
    found = suggest(text)
    esper = next(e for e in found.entities if e.name == "Mark Esper")
    assert esper.type == "person" and esper.count == 2
    assert [text[s:e] for s, e in esper.mentions] == ["Mark Esper", "Esper"]
    assert "Defense Secretary" not in names(found) and "Thursday" not in names(found)


def test_demonyms_count_as_mentions_of_their_country():
    text = "Iranian officials met British diplomats in Iran."
    found = suggest(text)
    iran = next(e for e in found.entities if e.name == "Iran")
    assert [text[s:e] for s, e in iran.mentions] == ["Iranian", "Iran"]
    assert names(found)["United Kingdom"] == "country"


def test_an_acronym_defined_in_the_text_joins_its_long_name():
    text = (
        "The Northern Coordination Council of Kurdistan (NCCK) met on Monday. Later the NCCK said it would act. "
        "The People's Resistance Organization, or PRO, agreed. PRO fighters moved north."
    )
    found = suggest(text)
    ncck = next(e for e in found.entities if e.name == "Northern Coordination Council of Kurdistan")
    assert ncck.type == "organization" and "NCCK" in ncck.aliases and ncck.count == 3
    pro = next(e for e in found.entities if e.name == "People's Resistance Organization")
    assert "PRO" in pro.aliases and pro.count == 3


def test_types_are_guessed_from_cues_and_gazetteers():
    text = (
        "The Ministry of Intelligence and the Popular Front Brigades clashed in Aleppo, Syria, "
        "while Sky News and the Daily Frontier Times reported it. Colonel Rahim Vance later resigned from the Harbour Trading Company. "
        "Fighting spread to villages in Zarqatia."
    )
    got = names(suggest(text))
    assert got["Ministry of Intelligence and Security"] == "government_body"  # gazetteer alias
    assert got["Popular Front Brigades"] == "armed_group"
    assert got["Aleppo"] == "location" and got["Syria"] == "country"
    assert got["Sky News"] == "media" and got["Daily Frontier Times"] == "media"
    assert got["Rahim Vance"] == "person"
    assert got["Harbour Trading Company"] == "organization"
    assert got["Zarqatia"] == "location"  # an unknown word right after "in"


def test_sentence_openers_months_and_headline_capitals_are_not_entities():
    text = "Heightened Threat Seen As Tehran Warns Again\n\nMeanwhile, in July the talks stalled. Such Moves are rare. Protective steps were taken."
    got = names(suggest(text))
    assert set(got) == {"Tehran"}


def test_known_entities_come_back_with_their_ids():
    case = Case()
    kh = case.add_entity("Kataib Hezbollah", "armed_group", aliases=["KH", "Brigades of Hezbollah"])
    iran = case.add_entity("Islamic Republic of Iran", "country", aliases=["Iran"])
    found = suggest("The Iranian-backed KH struck again; kh is lower case. Iran denied it.", case)
    by_name = {e.name: e for e in found.entities}
    assert by_name["Kataib Hezbollah"].entity_id == kh.id and by_name["Kataib Hezbollah"].count == 1
    assert by_name["Islamic Republic of Iran"].entity_id == iran.id
    assert by_name["Islamic Republic of Iran"].count == 2  # "Iranian" joins the case's Iran, not a new one
    assert ("Kataib Hezbollah", "backed_by", "Islamic Republic of Iran") in links(found)


def test_known_entities_may_be_given_as_pairs():
    known = KnownEntities.from_names([("e1", ["Northern Star Militia"], "armed_group")])
    found = suggest("Fighters of the Northern Star Militia crossed the river.", known)
    assert [(e.entity_id, e.type) for e in found.entities] == [("e1", "armed_group")]


def test_to_json_has_names_types_spans_and_quotes():
    text = "Iranian-sponsored Houthi rebels claimed the attack."
    data = suggest(text).to_json()
    assert {"name": "Houthis", "type": "armed_group", "mentions": [[18, 31]]} in data["entities"]
    assert data["links"] == [
        {"source": "Houthis", "type": "backed_by", "target": "Iran", "start": 0, "end": len(text), "quote": text}
    ]


def test_sentences_do_not_break_after_abbreviations():
    text = "The U.S. Department of State said so. Gen. Smith agreed!\nA headline line\nNext one."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The U.S. Department of State said so.",
        "Gen. Smith agreed!",
        "A headline line",
        "Next one.",
    ]


def test_hard_wrapped_lines_join_into_one_sentence():
    text = "Qassem Soleimani, the leader of the\nQuds Force, was killed."
    assert sentence_spans(text) == [(0, len(text))]
    assert ("Qassem Soleimani", "commands", "Quds Force") in links(suggest(text))


# ------------------------------------------------------------------ accept
def test_accept_builds_a_draft_that_applies_as_one_step():
    text = "Iranian-sponsored Houthi rebels in Yemen claimed the attack. The Houthis later denied it."
    article = Article(text=text, title="Houthi claim")
    found = suggest(text)
    draft = accept(found, article)
    case = Case()
    applied = case.apply_draft(draft)
    assert len(case.articles) == 1 and {e.label for e in case.entities.values()} == {"Iran", "Houthis", "Yemen"}
    assert not case.broken_citations()
    houthis = next(e for e in case.entities.values() if e.label == "Houthis")
    assert houthis.type == "armed_group" and houthis.citations[0].quote == text[: text.index(".") + 1]
    backed = next(k for k in case.links.values() if k.type == "backed_by")
    assert case.entities[backed.source].label == "Houthis" and case.entities[backed.target].label == "Iran"
    assert backed.citations[0].quote == "Iranian-sponsored Houthi rebels in Yemen claimed the attack."
    case.unapply_draft(applied)
    assert not case.entities and not case.articles


def test_accept_takes_only_the_picks_and_brings_a_links_ends_along():
    text = "Hezbollah, backed by Iran, sent fighters. Hamas was also there."
    article = Article(text=text)
    found = suggest(text)
    hamas = next(e.key for e in found.entities if e.name == "Hamas")
    draft = accept(found, article, entities=[hamas], links=[0])
    assert sorted(e.label for e in draft.entities) == ["Hamas", "Hezbollah", "Iran"]
    assert len(draft.links) == 1


def test_accept_points_links_at_known_entities_and_reuses_the_article():
    case = Case()
    text = "The Iran-backed Kataib Hezbollah group fired again. Kataib Hezbollah is backed by Iran."
    art = case.add_article(text, title="Strike")
    iran = case.add_entity("Iran", "country")
    found = suggest(text, case)
    draft = accept(found, Article(text=text), entities=[])
    case.apply_draft(draft)
    assert len(case.articles) == 1
    (link,) = case.links.values()
    assert link.target == iran.id and len(link.citations) == 2
    assert all(c.article_id == art.id for c in link.citations) and not case.broken_citations()
    assert sorted(e.label for e in case.entities.values()) == ["Iran", "Kataib Hezbollah"]


def test_a_capital_acts_for_its_country_even_when_the_country_is_not_named():
    found = suggest("The Tehran-backed Kataib Hezbollah group denied it.")
    assert links(found) == {("Kataib Hezbollah", "backed_by", "Tehran")}
    found = suggest("Iran said the Tehran-backed Kataib Hezbollah group denied it.")
    assert links(found) == {("Kataib Hezbollah", "backed_by", "Iran")}


def test_accept_refuses_another_text():
    found = suggest("Iran backs Hezbollah.")
    with pytest.raises(ValueError):
        accept(found, Article(text="Something else."))


def test_guess_type_reads_context_then_gazetteer_then_the_name():
    found = suggest("Foreign Ministry spokesman Zorbl Quennet denied it.")
    assert guess_type("Zorbl Quennet", found) == "person"  # no given name, but "spokesman" before it
    assert guess_type("Zorbl Quennet") == "other"
    assert guess_type("Iranian") == "country" and guess_type("Tehran") == "location"
    assert guess_type("Ministry of Water Resources") == "government_body"
    assert guess_type("Mark Quennet") == "person" and guess_type("NCRI") == "organization"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "Iran",
                "Iranian-backed",
                "Hezbollah",
                "Mark",
                "Esper",
                "U.S.",
                "the",
                "of",
                "leader",
                "(IRGC)",
                "IRGC",
                "He",
                "said",
                "backed by",
                "⟦0⟧",
                "⟦9⟧",
                "’s",
                ",",
                ".",
                "\n",
                "\n\n",
                "Council",
                "and",
                "Zq",
                "É",
                "  ",
                "al-Falih",
            ]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_any_text_gives_spans_inside_it_and_exact_quotes(text):
    found = suggest(text)
    keys = {e.key for e in found.entities}
    for ent in found.entities:
        assert ent.mentions and all(0 <= s < e <= len(text) for s, e in ent.mentions)
    for link in found.links:
        assert link.source in keys and link.target in keys and link.source != link.target
        assert text[link.start : link.end] == link.quote
