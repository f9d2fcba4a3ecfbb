"""The suggester's data, read once from ``resources/ingest/*.json`` and compiled.

gazetteer.json: countries (aliases, demonyms, capitals), places, organizations.
first_names.json: given names that make a capitalised name a person.
entity_rules.json: cue words for types, roles, persons and acronyms.
link_rules.json: wording patterns for links (compiled in :mod:`.links`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from linkchart.ingest.trie import compile_names, name_key
from linkchart.resources import load_json_resource


@dataclass(frozen=True)
class GazEntry:
    """A name the gazetteer knows: its canonical form, entity type, and (for a capital) its country."""

    name: str
    type: str
    capital_of: str = ""


@dataclass(frozen=True)
class Gazetteer:
    forms: dict[str, GazEntry]  # surface form (name_key) -> entry
    demonyms: frozenset[str]  # surface forms that are demonyms ("Iranian")
    entry_forms: dict[str, tuple[str, ...]]  # canonical name -> every surface form
    pattern: re.Pattern[str]

    def lookup(self, surface: str) -> GazEntry | None:
        return self.forms.get(name_key(surface))


@cache
def gazetteer() -> Gazetteer:
    data = load_json_resource("ingest", "gazetteer.json")
    forms: dict[str, GazEntry] = {}
    demonyms: set[str] = set()
    by_entry: dict[str, list[str]] = {}

    def add(surface: str, entry: GazEntry, demonym: bool = False) -> None:
        key = name_key(surface)
        if key in forms:
            return  # the first entry to claim a form keeps it (countries come first)
        forms[key] = entry
        by_entry.setdefault(entry.name, []).append(surface)
        if demonym:
            demonyms.add(key)

    for country in data["countries"]:
        entry = GazEntry(country["name"], "country")
        for surface in [country["name"], *country.get("aliases", [])]:
            add(surface, entry)
        for surface in country.get("demonyms", []):
            add(surface, entry, demonym=True)
            if surface[-1] in "naiko":
                add(surface + "s", entry, demonym=True)  # "Iranians", "Iraqis", "Afghans"
    for country in data["countries"]:
        if country.get("capital"):
            add(country["capital"], GazEntry(country["capital"], "location", capital_of=country["name"]))
    for place in data["places"]:
        entry = GazEntry(place["name"], "location")
        for surface in [place["name"], *place.get("aliases", [])]:
            add(surface, entry)
        for surface in place.get("demonyms", []):
            add(surface, entry, demonym=True)
    for org in data["organizations"]:
        entry = GazEntry(org["name"], org["type"])
        for surface in [org["name"], *org.get("aliases", [])]:
            add(surface, entry)
    # Datelines shout place names ("WASHINGTON (Reuters)"): accept the capitals form of places.
    for key, entry in list(forms.items()):
        if entry.type in ("country", "location") and len(key) >= 4 and key not in demonyms:
            add(key.upper(), entry)
    return Gazetteer(
        forms=forms,
        demonyms=frozenset(demonyms),
        entry_forms={k: tuple(v) for k, v in by_entry.items()},
        pattern=compile_names(forms),
    )


@dataclass(frozen=True)
class EntityRules:
    org_cues: dict[str, str]
    role_heads: frozenset[str]
    role_modifiers: frozenset[str]
    role_suffixes: tuple[tuple[str, ...], ...]  # token sequences, e.g. ("of", "State")
    person_cues: frozenset[str]
    speech_verbs: frozenset[str]
    acronym_cues: frozenset[str]
    acronym_stoplist: frozenset[str]
    stopwords: frozenset[str]
    not_entities: frozenset[str]
    first_names: frozenset[str]


@cache
def entity_rules() -> EntityRules:
    data = load_json_resource("ingest", "entity_rules.json")
    names = load_json_resource("ingest", "first_names.json")["first_names"]
    return EntityRules(
        org_cues=dict(data["org_cues"]),
        role_heads=frozenset(data["role_heads"]),
        role_modifiers=frozenset(data["role_modifiers"]),
        role_suffixes=tuple(tuple(s.split()) for s in data["role_suffixes"]),
        person_cues=frozenset(w.lower() for w in data["person_cues"]),
        speech_verbs=frozenset(w.lower() for w in data["speech_verbs"]),
        acronym_cues=frozenset(w.lower() for w in data["acronym_cues"]),
        acronym_stoplist=frozenset(data["acronym_stoplist"]),
        stopwords=frozenset(data["stopwords"]),
        not_entities=frozenset(name_key(w) for w in data["not_entities"]),
        first_names=frozenset(names),
    )
