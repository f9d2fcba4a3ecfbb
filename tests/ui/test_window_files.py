"""The File menu's promises: save and reopen, the unsaved-changes prompt, errors, recent files, autosave and recovery."""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from linkchart import paths
from linkchart.commands import UpdateEntitiesCommand, push
from linkchart.io import load_case
from linkchart.io.schema import case_to_data
from linkchart.ui.autosave import find_recoverable
from tests.ui.conftest import answer_next_box, close_quietly, label_of, make_window


def edit(window, label="Iran", new="Islamic Republic of Iran"):
    push(window.undo_stack, UpdateEntitiesCommand(window.case, {label_of(window, label).id: {"label": new}}))


def test_save_and_reopen_round_trip(qtbot, chart, tmp_path):
    window = chart
    edit(window)
    window.chart_view.select_ids([label_of(window, "Houthis").id])
    window.actions["edit.duplicate"].trigger()
    assert window.isWindowModified() and window.windowTitle().startswith("proxies[*]")
    target = tmp_path / "saved"
    assert window.save_case(target)
    assert window.case_path == tmp_path / "saved.lcase" and not window.isWindowModified()
    assert window.session.recent_files[0] == str((tmp_path / "saved.lcase").resolve())
    again = make_window(qtbot)
    assert again.open_case(tmp_path / "saved.lcase")
    assert case_to_data(again.case, "x") == case_to_data(window.case, "x")
    assert again.windowTitle() == "saved[*] \u2014 LinkChart" and not again.isWindowModified()
    assert set(again.scene.cards) == set(window.case.entities)
    close_quietly(again)


def test_dirty_close_asks_and_cancel_keeps_the_window(qtbot, chart):
    window = chart
    edit(window)
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    assert not window.close()
    assert window.isVisible() and "Save the changes to \u201cproxies\u201d" in seen[0]
    answer_next_box(QMessageBox.StandardButton.Save, seen)
    assert window.close()
    assert load_case(window.case_path).entities[label_of(window, "Islamic Republic of Iran").id].label == "Islamic Republic of Iran"


def test_dirty_close_discard_loses_changes_and_autosave(qtbot, chart, monkeypatch):
    window = chart
    edit(window)
    assert window.autosaver.save_now() and window.autosaver.case_file.exists()
    monkeypatch.setattr(window, "ask_save_changes", lambda: "discard")
    assert window.close()
    assert not window.autosaver.case_file.exists()
    assert load_case(window.case_path).entities[label_of(window, "Islamic Republic of Iran").id].label == "Iran"


def test_open_error_shows_a_message_and_keeps_the_case(qtbot, chart, tmp_path):
    window = chart
    bad = tmp_path / "broken.lcase"
    bad.write_bytes(b"not a zip at all")
    before = case_to_data(window.case, "x")
    seen: list[str] = []
    answer_next_box(QMessageBox.StandardButton.Ok, seen)
    assert not window.open_case(bad)
    assert "broken.lcase" in seen[0] and "not a LinkChart case file" in seen[0]
    assert case_to_data(window.case, "x") == before and window.case_path.name == "proxies.lcase"


def test_dropping_a_case_file_opens_it(qtbot, window, case_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(case_path))])
    viewport = window.chart_view.viewport()
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(viewport, drop)
    assert window.case_path == case_path and len(window.scene.cards) == 4


def test_recent_files_menu_and_session_file(qtbot, chart, case_path):
    window = chart
    window.fill_recent_menu()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&1")]
    assert entries and entries[0].toolTip() == str(case_path.resolve())
    stored = json.loads((paths.config_dir() / "session.json").read_text())
    assert stored["recent_files"][0] == str(case_path.resolve())


def test_new_case_and_revert(qtbot, chart, monkeypatch):
    window = chart
    edit(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.actions["file.revert"].isEnabled()
    window.actions["file.revert"].trigger()
    assert label_of(window, "Iran") and not window.isWindowModified()
    window.actions["file.new"].trigger()
    assert not window.case.entities and window.case_path is None and not window.scene.cards and not window.scene.links
    assert not window.scene.items_rect().isValid()  # nothing left to draw, only the empty bulk-paint layers
    assert window.windowTitle() == "Untitled[*] \u2014 LinkChart"


def test_autosave_after_unsaved_change_and_recovery_offered_after_a_crash(qtbot, case_path, monkeypatch):
    crashed = make_window(qtbot, autosave_seconds=1)
    crashed.open_case(case_path)
    edit(crashed)
    autosave = crashed.autosaver.case_file
    qtbot.waitUntil(autosave.exists, timeout=5000)
    sidecar = json.loads(crashed.autosaver.sidecar.read_text())
    assert sidecar["original"] == str(case_path)
    assert find_recoverable() == []  # its session is still running
    expected = case_to_data(crashed.case, "x")
    # A crash: the window goes away without closing, and its files stay behind.
    crashed.hide()
    crashed.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    (item,) = find_recoverable()
    assert item.case_file == autosave
    fresh = make_window(qtbot)
    asked = []
    monkeypatch.setattr(fresh, "ask_recover", lambda found: asked.append(found) or "recover")
    assert fresh.offer_recovery()
    assert asked[0].original == str(case_path)
    assert case_to_data(fresh.case, "x") == expected
    assert fresh.case_path == case_path and fresh.isWindowModified()
    assert not autosave.exists() and fresh.autosaver.case_file.exists()
    assert fresh.save_case() and not fresh.autosaver.case_file.exists()
    close_quietly(fresh)
