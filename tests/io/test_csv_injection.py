"""CSV export never hands a spreadsheet a live formula, and import gives the text back exactly."""

from __future__ import annotations

import csv

from linkchart.io.csv_format import read_csv_files, write_csv_pair
from linkchart.io.importing import ImportContext
from linkchart.model import Case

HOSTILE = '=HYPERLINK("http://example.invalid/x","click")'


def test_formula_like_text_is_neutralised_on_export_and_restored_on_import(tmp_path):
    case = Case()
    a = case.add_entity(HOSTILE, "person", notes="+44 20 7946 0000", x=-20.0, y=-3.5)
    b = case.add_entity("@handle", "person", subtitle="-- unknown --")
    case.add_link(a.id, b.id, "funds", notes="-1 per cent")
    ents, links = write_csv_pair(case, tmp_path / "out.csv")
    with ents.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {r["id"]: r for r in rows}
    assert by_id[a.id]["label"] == "'" + HOSTILE
    assert by_id[a.id]["notes"].startswith("'+")
    assert by_id[a.id]["x"] == "-20" or by_id[a.id]["x"].startswith("-20")  # plain numbers stay numbers
    assert by_id[b.id]["label"] == "'@handle"
    with links.open(encoding="utf-8-sig", newline="") as handle:
        assert next(csv.DictReader(handle))["notes"] == "'-1 per cent"
    draft = read_csv_files(ents, links, ImportContext())
    labels = {e.label for e in draft.entities}
    assert labels == {HOSTILE, "@handle"}
    assert {e.notes for e in draft.entities} >= {"+44 20 7946 0000"}
    assert [k.notes for k in draft.links] == ["-1 per cent"]
