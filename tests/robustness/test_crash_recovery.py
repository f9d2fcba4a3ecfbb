"""Kill the running application after unsaved edits: the next start offers them back.

The child is the real main window on the offscreen platform. Its autosave
interval is 1 s instead of 30 s so the test is quick; what is checked is the
same: every edit older than the interval at the moment of the kill comes back.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from linkchart.io import load_case

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_cases" / "iran-proxies.lcase"

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtWidgets import QApplication
    from linkchart.app import create_main_window
    from linkchart.commands import AddEntitiesCommand, MoveEntitiesCommand, UpdateEntitiesCommand, push
    from linkchart.model import Entity
    from linkchart.settings import Preferences

    window = create_main_window(preferences=Preferences(autosave_seconds=1))
    window.show()
    assert window.open_case(sys.argv[1])
    case = window.case
    iran = next(e for e in case.entities.values() if e.label == "Iran")
    push(window.undo_stack, AddEntitiesCommand(case, [Entity("Unit 400", "armed_group", id="00000000-0000-4000-8000-00000000a400")]))
    push(window.undo_stack, UpdateEntitiesCommand(case, {iran.id: {"notes": "edited before the crash"}}))
    push(window.undo_stack, MoveEntitiesCommand(case, {iran.id: (1234.0, 567.0)}))
    window.autosaver.saved.connect(lambda path: print("AUTOSAVED", path, flush=True))
    app = QApplication.instance()
    while True:  # run until killed
        app.processEvents()
        time.sleep(0.02)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_edits_autosaved_before_a_kill_are_recovered_on_next_start(tmp_path, qtbot):
    case_path = tmp_path / "work.lcase"
    shutil.copy(SAMPLE, case_path)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen([sys.executable, str(script), str(case_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline and "AUTOSAVED" not in line:
            line = child.stdout.readline()
            if not line and child.poll() is not None:
                pytest.fail(f"the application died before autosaving: {child.stderr.read()[-2000:]}")
        assert "AUTOSAVED" in line
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert load_case(case_path).entities.keys() == load_case(SAMPLE).entities.keys()  # the file itself was never saved

    from linkchart.app import create_main_window

    window = create_main_window()
    qtbot.addWidget(window)
    offered = []
    window.ask_recover = lambda item: offered.append(item) or "recover"  # the user answers the recovery question
    assert window.offer_recovery() is True
    assert [Path(item.original).name for item in offered] == ["work.lcase"]
    case = window.case
    unit = case.entities["00000000-0000-4000-8000-00000000a400"]
    iran = next(e for e in case.entities.values() if e.label == "Iran")
    assert unit.label == "Unit 400"
    assert iran.notes == "edited before the crash" and (iran.x, iran.y) == (1234.0, 567.0)
    assert window.isWindowModified() or not window.undo_stack.isClean()  # recovered work still needs saving
    assert window.case_path == case_path
    window.undo_stack.setClean()
