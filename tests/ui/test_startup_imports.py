"""The window starts without the heavy modules its features load on first use, yet offers every feature at once."""

from __future__ import annotations

import json
import subprocess
import sys

# Runs in a fresh interpreter: this test process has long imported everything.
SCRIPT = r"""
import json, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from linkchart.app import create_main_window
from linkchart.settings import Preferences, SessionState

HEAVY = ["pyqtgraph", "linkchart.analysis", "linkchart.ingest", "linkchart.layout"]
window = create_main_window(Preferences(), SessionState())
window.show()
QApplication.instance().processEvents()
at_start = [m for m in HEAVY if m in sys.modules]
actions = sorted(a.objectName() for a in window.findChildren(QAction) if a.objectName())
menus = sorted(m.objectName() for m in window.findChildren(QMenu) if m.objectName())
window.actions["analysis.timeline"].trigger()
QApplication.instance().processEvents()
timeline = window.analysis.docks["timeline"].widget().objectName()
print(json.dumps({"at_start": at_start, "actions": actions, "menus": menus, "timeline": timeline,
                  "after": [m for m in HEAVY if m in sys.modules]}))
window.close()
"""


def test_start_up_leaves_plots_analysis_ingest_and_layouts_for_later():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, check=True)
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["at_start"] == []
    # Every feature's actions and menus are there from the start, only their work is put off.
    for action_id in ("analysis.timeline", "analysis.show", "search.find", "layout.force", "group.make",
                      "reader.import_articles", "reader.show", "file.open"):
        assert action_id in found["actions"]
    assert {"layoutMenu", "analysisMenu", "groupsMenu"} <= set(found["menus"])
    # Opening the timeline loads what it needs and makes its panel.
    assert found["timeline"] == "timelinePanel"
    assert "pyqtgraph" in found["after"] and "linkchart.analysis" in found["after"]
