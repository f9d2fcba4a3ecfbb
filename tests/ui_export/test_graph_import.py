"""File > Import > Graph File: preview with the importer's report, one undo step; CSV column mapping; export."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget

from linkchart import paths
from linkchart.io import ImportContext, read_graph, write_graph
from linkchart.model import Case, Citation
from linkchart.ui.export.csv_dialog import LAST_MAPPING, CsvMappingDialog
from linkchart.ui.export.graph_io import read_in_worker
from linkchart.ui.worker import Cancelled, Progress


def other_case() -> Case:
    case = Case(title="Gulf")
    text = "Kataib Hezbollah, an Iraqi militia, is backed by the Quds Force."
    art = case.add_article(text, title="Militias")
    kh = case.add_entity("Kataib Hezbollah", "armed_group", x=10, y=20, citations=[Citation(art.id, 0, 16, "Kataib Hezbollah")])
    quds = case.add_entity("Quds Force", "government_body", x=300, y=20)
    iraq = case.add_entity("Iraq", "country", x=150, y=200)
    case.add_link(kh.id, quds.id, "backed_by", citations=[Citation(art.id, 0, len(text) - 1, text[:-1])])
    case.add_link(kh.id, iraq.id, "located_in")
    return case


def test_graphml_import_previews_then_applies_as_one_undo_step(qtbot, window, modal, tmp_path):
    path = tmp_path / "gulf.graphml"
    write_graph(other_case(), path)
    before = (len(window.case.entities), len(window.case.links), window.undo_stack.count())
    seen: dict = {}
    errors: list[BaseException] = []

    def act(dialog) -> None:
        seen["summary"] = dialog.findChild(QLabel, "summary").text()
        seen["counts"] = dict(dialog.counts)
        seen["mapped"] = dialog.findChild(QListWidget, "mappedList").count()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal("importPreviewDialog", act, errors)
    assert window.export_feature.graphs.import_file(str(path))
    assert not errors, errors
    assert "gulf.graphml" in seen["summary"] and seen["counts"]["Entities"] == 3 and seen["counts"]["Links"] == 2
    assert seen["mapped"] >= 1
    labels = {e.label for e in window.case.entities.values()}
    assert {"Kataib Hezbollah", "Quds Force", "Iraq"} <= labels
    assert (len(window.case.entities), len(window.case.links)) == (before[0] + 3, before[1] + 2)
    assert window.undo_stack.count() == before[2] + 1
    assert set(window.selection.selected_entity_ids) == {e.id for e in window.case.entities.values() if e.label in {"Kataib Hezbollah", "Quds Force", "Iraq"}}
    window.undo_stack.undo()
    assert (len(window.case.entities), len(window.case.links)) == before[:2]
    window.undo_stack.redo()
    assert len(window.case.entities) == before[0] + 3


def test_cancelling_the_preview_changes_nothing(qtbot, window, modal, tmp_path):
    path = tmp_path / "gulf.gexf"
    write_graph(other_case(), path)
    before = (len(window.case.entities), window.undo_stack.count())
    errors: list[BaseException] = []
    modal("importPreviewDialog", lambda dialog: dialog.reject(), errors)
    assert not window.export_feature.graphs.import_file(str(path))
    assert not errors and (len(window.case.entities), window.undo_stack.count()) == before


def test_csv_import_asks_for_columns_and_remembers_them(qtbot, window, modal, tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("Who,Whom,Relationship\nKataib Hezbollah,Quds Force,backed by\nKataib Hezbollah,Iraq,located in\n", encoding="utf-8")
    before = len(window.case.entities)
    errors: list[BaseException] = []

    def map_columns(dialog) -> None:
        kind = dialog.findChild(QComboBox, "kind")
        assert kind.currentData() == "entity"  # nothing says "from"/"to", so it looks like a list of cards
        qtbot.keyClicks(kind, "Links")
        assert kind.currentData() == "link" and dialog.tables["link"].isVisibleTo(dialog) and not dialog.tables["entity"].isVisibleTo(dialog)
        source, target = dialog.findChild(QComboBox, "link_source"), dialog.findChild(QComboBox, "link_target")
        assert dialog.findChild(QComboBox, "link_type").currentData() == "Relationship"  # detected from the name
        assert source.currentData() == "" and not dialog.reused
        qtbot.keyClicks(source, "Who")
        qtbot.keyClicks(target, "Whom")
        assert (source.currentData(), target.currentData()) == ("Who", "Whom")
        qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)

    modal("csvMappingDialog", map_columns, errors)
    modal("importPreviewDialog", lambda dialog: qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton), errors)
    imported = window.export_feature.graphs.import_file(str(path))
    assert not errors, errors
    assert imported
    new = {e.label: e for e in window.case.entities.values()}
    assert len(window.case.entities) == before + 3 and {"Kataib Hezbollah", "Quds Force", "Iraq"} <= set(new)
    # No positions in the file: the new cards are set out in a grid beside the chart, not piled up.
    spots = {(new[n].x, new[n].y) for n in ("Kataib Hezbollah", "Quds Force", "Iraq")}
    assert len(spots) == 3 and min(x for x, _ in spots) > 320
    saved = json.loads((paths.config_dir() / LAST_MAPPING).read_text(encoding="utf-8"))
    assert saved["link_columns"]["source"] == "Who" and saved["link_columns"]["target"] == "Whom"
    again = CsvMappingDialog(path, window.case.vocabulary)
    qtbot.addWidget(again)
    assert again.reused and again.findChild(QComboBox, "kind").currentData() == "link"
    assert again.findChild(QComboBox, "link_source").currentData() == "Who" and again.files() == (None, path)


def test_graph_export_writes_any_registered_format(window, tmp_path):
    written = window.export_feature.graphs.export_file(str(tmp_path / "proxies.gexf"))
    assert [p.name for p in written] == ["proxies.gexf"]
    back = read_graph(written[0], ImportContext())
    assert len(back.entities) == 4 and len(back.links) == 3
    pair = window.export_feature.graphs.export_file(str(tmp_path / "proxies"), "csv")
    assert sorted(p.name for p in pair) == ["proxies.entities.csv", "proxies.links.csv"]


def test_a_cancelled_read_stops_the_worker(qapp, tmp_path):
    big = Case()
    big.insert_entities([])
    for i in range(2500):
        big.add_entity(f"Person {i}", "person")
    path = tmp_path / "big.graphml"
    write_graph(big, path)
    progress = Progress(lambda fraction, text: None)
    progress.cancel()
    with pytest.raises(Cancelled):
        read_in_worker(str(path), ImportContext(), None, progress)
    done = read_in_worker(str(path), ImportContext(), None, Progress(lambda fraction, text: None))
    assert len(done.entities) == 2500
