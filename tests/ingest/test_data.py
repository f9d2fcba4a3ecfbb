"""The suggester's data files agree with the vocabulary and compile."""

from __future__ import annotations

from linkchart.ingest.suggest.data import entity_rules, gazetteer
from linkchart.ingest.suggest.links import link_rules
from linkchart.model import Vocabulary
from linkchart.resources import load_json_resource


def test_every_link_rule_names_known_link_and_entity_types():
    vocab = Vocabulary.default()
    rules = link_rules()
    assert len(rules) > 40 and len({r.id for r in rules}) == len(rules)
    for rule in rules:
        assert rule.type in vocab.link_types, rule.id
        assert all(t in vocab.link_types for _, t in rule.type_map), rule.id
        assert rule.source_types <= set(vocab.entity_types) and rule.target_types <= set(vocab.entity_types), rule.id


def test_gazetteer_types_are_entity_types_and_forms_resolve():
    vocab = Vocabulary.default()
    gaz = gazetteer()
    assert {e.type for e in gaz.forms.values()} <= set(vocab.entity_types)
    assert gaz.lookup("Iranian").name == "Iran" and gaz.lookup("U.S.").name == "United States"
    assert gaz.lookup("Tehran").capital_of == "Iran"
    assert gaz.lookup("IRGC").name == "Islamic Revolutionary Guard Corps"
    assert gaz.lookup("us") is None  # case-sensitive: the pronoun is not the country


def test_cue_types_are_entity_types():
    vocab = Vocabulary.default()
    rules = entity_rules()
    assert set(rules.org_cues.values()) <= set(vocab.entity_types)
    assert "Mark" in rules.first_names and "May" not in rules.first_names


def test_every_data_file_has_a_version_and_an_explanation():
    for name in ("gazetteer.json", "entity_rules.json", "link_rules.json", "first_names.json"):
        data = load_json_resource("ingest", name)
        assert data["version"] == 1 and len(data["about"]) > 40, name
