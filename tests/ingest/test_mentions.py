"""find_mentions / MentionFinder: whole words, any case, longest name first, acronyms in capitals only."""

from __future__ import annotations

from linkchart.ingest import MentionFinder, find_mentions, names_by_entity
from linkchart.model import Case

NAMES = {
    "kh": ["Kataib Hezbollah", "KH"],
    "hez": ["Hezbollah"],
    "iran": ["Iran"],
    "us": ["United States", "US"],
    "pmoi": ["People's Mojahedin"],
}


def spans(text, names=NAMES):
    return [(text[s:e], eid) for s, e, eid in find_mentions(text, names)]


def test_whole_words_only_and_any_case():
    text = "IRAN and iran and Iranian and Iran-backed and Tehran, Iran."
    assert spans(text) == [("IRAN", "iran"), ("iran", "iran"), ("Iran", "iran"), ("Iran", "iran")]


def test_the_longest_name_wins():
    assert spans("The Kataib Hezbollah group is not the same as Hezbollah.") == [("Kataib Hezbollah", "kh"), ("Hezbollah", "hez")]


def test_acronyms_match_in_capitals_only():
    assert spans("Tell us about the US and KH, not kh.") == [("US", "us"), ("KH", "kh")]


def test_spacing_and_apostrophes_vary_in_the_text():
    assert spans("The United\nStates and the People’s Mojahedin.") == [("United\nStates", "us"), ("People’s Mojahedin", "pmoi")]


def test_offsets_index_the_text_exactly():
    text = "“Iran,” he said — the United States."
    for s, e, eid in find_mentions(text, NAMES):
        assert text[s:e] in NAMES[eid] or text[s:e].replace("\n", " ") in NAMES[eid]


def test_a_finder_is_reusable_and_handles_thousands_of_names():
    names = {f"e{i}": [f"Person Number{i} Smith", f"PN{i}"] for i in range(5000)}
    names["target"] = ["Quds Force"]
    finder = MentionFinder(names)
    text = "Reports say Person Number4999 Smith met the Quds Force, and PN17 left. " * 3
    found = finder.find(text)
    assert [eid for _, _, eid in found] == ["e4999", "target", "e17"] * 3
    assert finder.find("nothing here") == []


def test_names_by_entity_reads_labels_and_aliases_from_a_case():
    case = Case()
    ent = case.add_entity("Islamic Revolutionary Guard Corps", "government_body", aliases=["IRGC", "Sepah"])
    names = names_by_entity(case)
    assert names == {ent.id: ["Islamic Revolutionary Guard Corps", "IRGC", "Sepah"]}
    assert [(s, e) for s, e, _ in find_mentions("The IRGC, or Sepah.", names)] == [(4, 8), (13, 18)]


def test_empty_names_are_ignored():
    finder = MentionFinder({"a": ["", " ", "X"], "b": []})
    assert finder.empty
    assert finder.find("X marks the spot") == []
