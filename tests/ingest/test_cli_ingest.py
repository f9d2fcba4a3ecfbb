"""``linkchart import`` (articles, folders, graph files) and ``linkchart suggest`` from the command line."""

from __future__ import annotations

import json
import shutil

from linkchart.cli import main
from linkchart.ingest import read_article
from linkchart.io import load_case, save_case, write_graph
from linkchart.model import Case


def test_import_creates_the_case_and_lists_what_happened(files, tmp_path, capsys):
    case_path = tmp_path / "new.lcase"
    code = main(
        ["import", str(files["two_pages.pdf"]), str(files["mail.eml"]), str(files["binary.txt"]), "--into", str(case_path)]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "added    two_pages.pdf: 'Proxy report'" in out
    assert "added    mail.eml: 'Threat update: Kataib Hezbollah'" in out
    assert "failed   binary.txt: this looks like a binary file, not text" in out
    assert "saved new.lcase: 2 articles" in out
    case = load_case(case_path)
    assert case.metadata["title"] == "new"
    assert sorted(a.origin for a in case.articles.values()) == ["mail.eml", "two_pages.pdf"]
    pdf = next(a for a in case.articles.values() if a.origin == "two_pages.pdf")
    assert pdf.original == files["two_pages.pdf"].read_bytes()


def test_importing_again_skips_what_the_case_has(files, tmp_path, capsys):
    case_path = tmp_path / "c.lcase"
    assert main(["import", str(files["notes.md"]), "--into", str(case_path)]) == 0
    before = case_path.read_bytes()
    capsys.readouterr()
    assert main(["import", str(files["notes.md"]), "--into", str(case_path)]) == 0
    out = capsys.readouterr().out
    assert "skipped  notes.md: already in the case as 'Field notes'" in out
    assert "nothing new; c.lcase is unchanged" in out
    assert case_path.read_bytes() == before


def test_nothing_importable_is_one_line_and_status_2(files, tmp_path, capsys):
    case_path = tmp_path / "c.lcase"
    assert main(["import", str(files["binary.txt"]), str(files["scanned.pdf"]), "--into", str(case_path)]) == 2
    captured = capsys.readouterr()
    assert captured.err == "linkchart import: nothing could be imported (2 failed)\n"
    assert "failed   scanned.pdf: the PDF has no text layer (scanned?)" in captured.out
    assert not case_path.exists()


def test_bad_input_is_one_line_and_status_2(files, tmp_path, capsys):
    assert main(["import", str(files["notes.md"]), "--into", str(tmp_path / "case.txt")]) == 2
    assert capsys.readouterr().err == "linkchart import: the case file must end in .lcase: case.txt\n"
    assert main(["import", str(tmp_path / "missing.txt"), "--into", str(tmp_path / "c.lcase")]) == 2
    captured = capsys.readouterr()
    assert "failed   missing.txt: no such file" in captured.out and captured.err.count("\n") == 1
    assert main(["suggest", str(files["scanned.pdf"])]) == 2
    assert capsys.readouterr().err.startswith("linkchart suggest: scanned.pdf: the PDF has no text layer")


def test_a_folder_argument_imports_the_folder(files, tmp_path, capsys):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    for name in ("000_d051493bba3230b2.txt", "001_84b2f991367e7357.txt"):
        shutil.copy(files[name], folder / name)
    shutil.copy(files["report.docx"], folder / "sub" / "report.docx")
    assert main(["import", str(folder), "--into", str(tmp_path / "c.lcase")]) == 0
    assert len(load_case(tmp_path / "c.lcase").articles) == 3
    assert capsys.readouterr().out.count("added    ") == 3


def test_a_graph_file_goes_through_the_io_registry(files, tmp_path, capsys):
    source = Case()
    iran = source.add_entity("Iran", "country")
    houthis = source.add_entity("Houthis", "armed_group")
    source.add_link(houthis.id, iran.id, "backed_by")
    write_graph(source, tmp_path / "chart.graphml")
    case_path = tmp_path / "c.lcase"
    save_case(Case(), case_path)
    assert main(["import", str(tmp_path / "chart.graphml"), str(files["notes.md"]), "--into", str(case_path)]) == 0
    case = load_case(case_path)
    assert sorted(e.label for e in case.entities.values()) == ["Houthis", "Iran"] and len(case.links) == 1
    assert len(case.articles) == 1
    assert "chart.graphml" in capsys.readouterr().out


def test_suggest_json_offsets_index_the_text_import_stores(files, capsys):
    path = files["000_d051493bba3230b2.txt"]
    assert main(["suggest", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = read_article(path).text
    assert set(data) == {"entities", "links"}
    by_name = {e["name"]: e for e in data["entities"]}
    assert by_name["Qassem Soleimani"]["type"] == "person"
    for entity in data["entities"]:
        assert set(entity) == {"name", "type", "mentions"}
        assert all(text[s:e] for s, e in entity["mentions"])
    assert {"source": "Houthis", "type": "backed_by", "target": "Iran"}.items() <= next(
        link for link in data["links"] if link["source"] == "Houthis" and link["type"] == "backed_by"
    ).items()
    for link in data["links"]:
        assert text[link["start"] : link["end"]] == link["quote"]


def test_suggest_json_for_a_pdf_uses_the_extracted_text(files, capsys):
    assert main(["suggest", str(files["two_pages.pdf"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = read_article(files["two_pages.pdf"]).text
    soleimani = next(e for e in data["entities"] if e["name"] == "Qassem Soleimani")
    assert [text[s:e] for s, e in soleimani["mentions"]] == ["Qassem Soleimani"]


def test_suggest_prints_a_readable_listing_and_marks_case_entities(files, tmp_path, capsys):
    case = Case()
    case.add_entity("Houthi movement", "armed_group", aliases=["Houthis", "Houthi"])
    save_case(case, tmp_path / "c.lcase")
    assert main(["suggest", str(files["000_d051493bba3230b2.txt"]), "--case", str(tmp_path / "c.lcase")]) == 0
    out = capsys.readouterr().out
    assert "Armed group      Houthi movement x1" in out and "[in case]" in out
    assert "Houthi movement -backed by-> Iran" in out
    assert '"Earlier this week, Iranian-sponsored Houthi rebels in Yemen claimed' in out
