"""import_files: many files into one Draft and a report; duplicates skipped, failures listed, folders expanded."""

from __future__ import annotations

import shutil

import pytest

from linkchart.ingest import ArticleImportReport, IngestError, collect_files, import_files, importer, read_article
from linkchart.model import Case


def test_importing_files_builds_a_draft_and_a_report(files):
    names = ["cp1252.txt", "page.html", "two_pages.pdf", "report.docx", "mail.eml"]
    draft, report = import_files([files[n] for n in names])
    assert isinstance(report, ArticleImportReport)
    assert [a.origin for a in draft.articles] == names
    assert [name for name, _ in report.added] == names
    assert {aid for _, aid in report.added} == {a.id for a in draft.articles}
    assert not report.failed and not report.duplicates
    assert report.summary(draft) == "5 files: 5 articles, 0 entities, 0 links"
    assert all(a.original for a in draft.articles)


def test_failures_are_listed_and_do_not_stop_the_others(files):
    draft, report = import_files([files["binary.txt"], files["notes.md"], files["scanned.pdf"], files["utf16.txt"]])
    assert [a.origin for a in draft.articles] == ["notes.md", "utf16.txt"]
    assert [name for name, _ in report.failed] == ["binary.txt", "scanned.pdf"]
    assert "no text layer" in dict(report.failed)["scanned.pdf"]
    assert any(w.startswith("binary.txt: ") for w in report.warnings)
    assert report.summary(draft).endswith("; 2 failed")


def test_texts_the_case_already_has_are_skipped(files):
    case = Case()
    case.apply_draft(import_files([files["notes.md"]])[0])
    draft, report = import_files([files["notes.md"], files["latin1.txt"]], case)
    assert [a.origin for a in draft.articles] == ["latin1.txt"]
    assert report.duplicates == [("notes.md", "already in the case as 'Field notes'")]
    assert report.skipped == ["notes.md: already in the case as 'Field notes'"]


def test_the_same_text_twice_in_one_batch_is_imported_once(files, tmp_path):
    copy = tmp_path / "copy_of_notes.md"
    shutil.copy(files["notes.md"], copy)
    draft, report = import_files([files["notes.md"], copy])
    assert len(draft.articles) == 1
    assert report.duplicates == [("copy_of_notes.md", "same text as notes.md")]


def test_a_folder_is_imported_recursively_by_extension(files, tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    shutil.copy(files["notes.md"], tmp_path / "a.md")
    shutil.copy(files["two_pages.pdf"], tmp_path / "sub" / "b.PDF")
    shutil.copy(files["mail.eml"], tmp_path / "sub" / "deeper" / "c.eml")
    shutil.copy(files["latin1.txt"], tmp_path / ".hidden" / "d.txt")
    (tmp_path / "sub" / "chart.png").write_bytes(b"\x89PNG not an article")
    assert [p.name for p in collect_files([tmp_path])] == ["a.md", "b.PDF", "c.eml"]
    draft, report = import_files([tmp_path])
    assert [a.origin for a in draft.articles] == ["a.md", "b.PDF", "c.eml"]
    assert report.source == "3 files"


def test_progress_is_reported_and_can_stop_the_import(files):
    seen = []

    def progress(done, total, name):
        seen.append((done, total, name))
        return done < 2

    draft, report = import_files([files["notes.md"], files["latin1.txt"], files["utf16.txt"]], progress=progress)
    assert seen == [(1, 3, "notes.md"), (2, 3, "latin1.txt")]
    assert len(draft.articles) == 2 and report.cancelled
    assert report.summary(draft).endswith("; cancelled")


def test_files_over_the_size_limit_are_refused(files, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 64)
    with pytest.raises(IngestError, match="refused"):
        read_article(files["page.html"])
    draft, report = import_files([files["page.html"], files["latin1.txt"]])
    assert [a.origin for a in draft.articles] == ["latin1.txt"]
    assert report.failed[0][0] == "page.html"


def test_an_applied_draft_puts_the_articles_in_the_case(files):
    case = Case()
    draft, _ = import_files([files["two_pages.pdf"], files["cp1252.txt"]], case)
    case.apply_draft(draft)
    assert sorted(a.origin for a in case.articles.values()) == ["cp1252.txt", "two_pages.pdf"]
    pdf = next(a for a in case.articles.values() if a.origin == "two_pages.pdf")
    assert pdf.title == "Proxy report" and pdf.original == files["two_pages.pdf"].read_bytes()
