"""Importing articles through File > Import Articles / Import Folder and by dropping files: one undo step, a summary."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from linkchart.ui.reader.actions import IMPORT_ARTICLES, IMPORT_FOLDER

PLAIN = "Kataib Hezbollah claims drone strike\n\nKataib Hezbollah, an Iran-backed militia, claimed the strike on Tuesday."
HTML = """<!doctype html><html><head><title>Houthis fire missiles</title>
<meta name="author" content="Jane Roe"><script>track()</script></head>
<body><nav>Home | World</nav><article><h1>Houthis fire missiles</h1>
<p>The Houthis, backed by Iran, fired missiles at ships in the Red Sea on Monday, officials said.</p>
<p>The group said the attacks would continue until its demands were met.</p></article></body></html>"""
EML = (
    "From: Analyst <analyst@example.org>\nTo: desk@example.org\nSubject: Quds Force meeting\n"
    "Date: Tue, 14 May 2019 09:30:00 +0000\nContent-Type: text/plain; charset=utf-8\n\n"
    "Sources say Qassem Soleimani met militia leaders in Baghdad.\n"
)


def write_articles(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    files = {
        "a.txt": PLAIN.encode("utf-8"),
        "b.html": HTML.encode("utf-8"),
        "c.eml": EML.encode("utf-8"),
        "copy-of-a.txt": PLAIN.encode("utf-8"),
        "broken.pdf": b"%PDF-1.4 this is not really a PDF",
    }
    out = {}
    for name, data in files.items():
        (folder / name).write_bytes(data)
        out[name] = folder / name
    return out


def close_summary(window) -> QMessageBox | None:
    box = window.reader.importer.summary_box
    if box is not None:
        box.close()
    return box


def test_import_articles_adds_new_ones_skips_duplicates_reports_failures_as_one_step(window, tmp_path, monkeypatch) -> None:
    files = write_articles(tmp_path / "in")
    importer = window.reader.importer
    monkeypatch.setattr(importer, "ask_article_paths", lambda: [str(p) for p in files.values()])
    before = len(window.case.articles)
    steps = window.undo_stack.count()
    window.reader.actions[IMPORT_ARTICLES].trigger()
    summary = importer.last_summary
    assert [name for name, _ in summary.added] == ["a.txt", "b.html", "c.eml"]
    assert [name for name, _ in summary.duplicates] == ["copy-of-a.txt"]
    assert [name for name, _ in summary.failed] == ["broken.pdf"] and summary.failed[0][1]
    case = window.case
    assert len(case.articles) == before + 3 and window.undo_stack.count() == steps + 1
    html = case.articles[summary.added[1][1]]
    assert html.title == "Houthis fire missiles" and "track()" not in html.text and "backed by Iran" in html.text
    mail = case.articles[summary.added[2][1]]
    assert mail.title == "Quds Force meeting" and mail.date.startswith("2019-05-14")
    assert case.articles[summary.added[0][1]].original == files["a.txt"].read_bytes()
    # The summary names every file that did not go in, with its reason.
    box = importer.summary_box
    assert box is not None and box.isVisible() and box.objectName() == "importSummary"
    assert "copy-of-a.txt" in box.text() and "broken.pdf" in box.text()
    # The reader shows the first new article.
    assert window.reader.panel.article_id == summary.added[0][1]
    close_summary(window)
    window.undo_stack.undo()
    assert len(case.articles) == before


def test_importing_the_same_file_again_adds_nothing(window, tmp_path, monkeypatch) -> None:
    files = write_articles(tmp_path / "in")
    importer = window.reader.importer
    monkeypatch.setattr(importer, "ask_article_paths", lambda: [str(files["a.txt"])])
    window.reader.actions[IMPORT_ARTICLES].trigger()
    count, steps = len(window.case.articles), window.undo_stack.count()
    window.reader.actions[IMPORT_ARTICLES].trigger()
    assert len(window.case.articles) == count and window.undo_stack.count() == steps
    assert importer.last_summary.duplicates and "already in the case" in importer.last_summary.duplicates[0][1]
    close_summary(window)


def test_import_folder_reads_it_recursively(window, tmp_path, monkeypatch) -> None:
    folder = tmp_path / "folder"
    write_articles(folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "d.md").write_text("# Militia statement\n\nThe militia denied the report.", encoding="utf-8")
    monkeypatch.setattr(window.reader.importer, "ask_folder", lambda: str(folder))
    window.reader.actions[IMPORT_FOLDER].trigger()
    added = [name for name, _ in window.reader.importer.last_summary.added]
    assert sorted(added) == ["a.txt", "b.html", "c.eml", "d.md"]
    close_summary(window)


def test_cancel_in_the_progress_dialog_adds_nothing(window, tmp_path, monkeypatch) -> None:
    """The worker blocks on a named pipe until the test has pressed Cancel, so the dialog is surely up."""
    files = write_articles(tmp_path / "in")
    pipe = tmp_path / "in" / "slow.txt"
    os.mkfifo(pipe)
    importer = window.reader.importer
    importer.progress_delay_ms = 0
    monkeypatch.setattr(importer, "ask_article_paths", lambda: [str(files["a.txt"]), str(pipe)])
    seen: list[str] = []
    done: list[bool] = []

    def feed_pipe() -> None:
        with open(pipe, "wb") as handle:
            handle.write(b"A slow article about a militia.")

    def press_cancel() -> None:
        dialog = window.findChild(QProgressDialog, "taskProgress")
        if done:
            return
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(5, press_cancel)
            return
        seen.append(dialog.labelText())
        QTest_click(dialog.findChild(QPushButton))
        threading.Thread(target=feed_pipe, daemon=True).start()

    QTimer.singleShot(0, press_cancel)
    count, steps = len(window.case.articles), window.undo_stack.count()
    window.reader.actions[IMPORT_ARTICLES].trigger()
    done.append(True)
    assert seen and ("Importing 2 files" in seen[0] or "(1 of 2)" in seen[0])
    assert importer.last_summary.cancelled
    assert len(window.case.articles) == count and window.undo_stack.count() == steps


def QTest_click(button: QPushButton) -> None:  # noqa: N802
    from PySide6.QtTest import QTest

    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_article_files_dropped_on_the_chart_or_window_are_imported(window, rt, tmp_path) -> None:
    files = write_articles(tmp_path / "in")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["a.txt"])), QUrl.fromLocalFile(str(files["b.html"]))])
    count = len(window.case.articles)
    drop = rt.drop_on_chart(window, mime, QPoint(40, 40))
    assert drop.isAccepted() and len(window.case.articles) == count + 2
    mime2 = QMimeData()
    mime2.setUrls([QUrl.fromLocalFile(str(files["c.eml"]))])
    drop2 = rt.drop_on(window, mime2, QPoint(5, 5))
    assert drop2.isAccepted() and len(window.case.articles) == count + 3
