"""CSV: column mapping detected from headers and saved as JSON; entity and link files read alone or as a pair."""

from __future__ import annotations

import pytest

from linkchart.io import CaseFileError, CsvMapping, ImportContext, read_graph, write_graph
from linkchart.io.csv_format import read_csv_files


def _links(draft):
    label = {e.id: e.label for e in draft.entities}
    return {(label[k.source], k.type, label[k.target]): k for k in draft.links}


def test_mapping_is_detected_from_header_names():
    m = CsvMapping.detect(["Name", "Kind", "Also Known As", "Population"], ["From", "To", "Relationship", "Grade", "When"])
    assert m.entity_columns == {"label": "Name", "type": "Kind", "aliases": "Also Known As"}
    assert m.link_columns == {"source": "From", "target": "To", "type": "Relationship", "date": "When", "grading": "Grade"}


def test_mapping_survives_json_and_bad_json_is_refused():
    m = CsvMapping(entity_columns={"label": "Nom"}, link_columns={"source": "De", "target": "A"}, ends="label",
                   entity_attributes=["Pays"], delimiter=";", default_entity_type="person")
    assert CsvMapping.from_json(m.to_json()) == m
    for bad in ('{"version": 1, "entity_columns": {"colour": "X"}}', '{"version": 1, "ends": "sideways"}', "[]", "{"):
        with pytest.raises(CaseFileError, match="column mapping"):
            CsvMapping.from_json(bad)


def test_our_csv_pair_comes_back(small_case, case_target, tmp_path):
    ents, links = write_graph(small_case, tmp_path / "chart.csv")
    target = case_target(small_case)
    for name in (ents, links):  # either file of the pair finds the other
        draft = read_graph(name, ImportContext.for_case(target))
        assert (len(draft.entities), len(draft.links)) == (len(small_case.entities), len(small_case.links))
        assert not draft.report.warnings and not draft.report.skipped
    target.apply_draft(draft)
    for e in small_case.entities.values():
        got = target.entities[e.id]
        assert (got.label, got.type, got.aliases, got.attributes, got.notes.strip(), got.date, got.x, got.y, got.style) == (
            e.label, e.type, e.aliases, e.attributes, e.notes.strip(), e.date, e.x, e.y, e.style)
    for k in small_case.links.values():
        got = target.links[k.id]
        assert (got.source, got.target, got.type, got.label, got.direction, got.strength, got.date, got.grading, got.attributes) == (
            k.source, k.target, k.type, k.label, k.direction, k.strength, k.date, k.grading, k.attributes)
    assert not target.broken_citations() and sum(1 for _ in target.iter_citations()) == sum(1 for _ in small_case.iter_citations())


def test_a_links_list_alone_creates_one_entity_per_name(tmp_path):
    (tmp_path / "edges.csv").write_text(
        "from,to,relation,strength,grading\n"
        "Houthis,Iran,backed by,probable,B2\n"
        "Iran,Hezbollah,funds,,\n"
        "hezbollah,Houthis,trains,dotted,\n"
        "Iran,,funds,,\n", encoding="utf-8")
    draft = read_graph(tmp_path / "edges.csv")
    assert sorted(e.label for e in draft.entities) == ["Hezbollah", "Houthis", "Iran"]  # names match without case
    links = _links(draft)
    backed = links[("Houthis", "backed_by", "Iran")]
    assert (backed.strength, backed.reliability, backed.credibility) == ("probable", "B", "2")
    assert links[("Houthis", "trained_by", "Hezbollah")].strength == "possible"  # "trains" is trained_by read backwards
    assert any("without both ends" in s for s in draft.report.skipped)
    assert "link ends -> entities (one per distinct name)" in draft.report.mapped


def test_a_saved_mapping_reads_odd_columns_semicolons_and_windows_text(tmp_path):
    (tmp_path / "people.csv").write_bytes("Nom;Genre;Pays\nJürgen Müller;personne;DE\nAl-Qard;organisation;LB\n".encode("cp1252"))
    (tmp_path / "liens.csv").write_bytes("De;A;Lien\nJürgen Müller;Al-Qard;employed by\n".encode("cp1252"))
    mapping = CsvMapping(entity_columns={"label": "Nom", "type": "Genre"}, link_columns={"source": "De", "target": "A", "type": "Lien"},
                         ends="label", delimiter=";")
    draft = read_csv_files(tmp_path / "people.csv", tmp_path / "liens.csv", ImportContext(csv_mapping=mapping))
    ents = {e.label: e for e in draft.entities}
    assert set(ents) == {"Jürgen Müller", "Al-Qard"}
    assert ents["Jürgen Müller"].attributes == {"Pays": "DE"}
    assert ents["Al-Qard"].type == "organization" and ents["Jürgen Müller"].type == "personne"
    assert ("Jürgen Müller", "employed_by", "Al-Qard") in _links(draft)
    assert any("Windows-1252" in w for w in draft.report.warnings)


def test_link_ends_missing_from_the_entities_file_are_created_and_reported(tmp_path):
    (tmp_path / "x.entities.csv").write_text("id,label\nE1,Iran\n", encoding="utf-8")
    (tmp_path / "x.links.csv").write_text("source,target,type\nE1,E2,funds\n", encoding="utf-8")
    draft = read_graph(tmp_path / "x.links.csv")
    assert sorted(e.label for e in draft.entities) == ["E2", "Iran"]
    assert any("missing from the entities file" in w for w in draft.report.warnings)


def test_an_entities_file_without_names_is_a_clear_error(tmp_path):
    (tmp_path / "x.csv").write_text("colour,size\nred,3\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"x\.csv: .*no column holds the entities' names"):
        read_graph(tmp_path / "x.csv")
