"""Window, canvas and export measurements (offscreen Qt)."""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter, QPen  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView  # noqa: E402

from bench.harness import Trial, measurement  # noqa: E402
from bench.synthetic import synthetic_case  # noqa: E402
from linkchart.io import save_case  # noqa: E402

VIEW_SIZE = (1600, 1000)


def _app() -> QApplication:
    return QApplication.instance() or QApplication([])


def _case_file(size: int) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="linkchart-bench-"))
    path = folder / f"synthetic-{size}.lcase"
    save_case(synthetic_case(size), path)
    return path


def _fresh_user_dirs() -> None:
    """Point this process's settings and autosaves at a new temporary folder (removed at exit).

    A window restores the saved dock layout and preferences, so the user's own
    would change the figures. A folder set by whoever runs the bench is kept.
    """
    if "LINKCHART_CONFIG_DIR" in os.environ and "LINKCHART_DATA_DIR" in os.environ:
        return
    folder = tempfile.mkdtemp(prefix="linkchart-bench-user-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ.setdefault("LINKCHART_CONFIG_DIR", os.path.join(folder, "config"))
    os.environ.setdefault("LINKCHART_DATA_DIR", os.path.join(folder, "data"))


def _window():
    from linkchart.app import create_main_window
    from linkchart.settings import Preferences

    _fresh_user_dirs()
    window = create_main_window(preferences=Preferences(autosave_seconds=3600))
    window.resize(*VIEW_SIZE)
    window.show()
    _app().processEvents()
    return window


def _settle() -> None:
    app = _app()
    for _ in range(3):
        app.processEvents()


def _settle_full_detail() -> None:
    """Let the view's settle timer fire: after a move the chart draws one simplified frame, then full detail."""
    import time

    end = time.perf_counter() + 0.4
    while time.perf_counter() < end:
        _app().processEvents()
        time.sleep(0.01)


def _frame(view: QGraphicsView) -> None:
    view.viewport().repaint()


@measurement("startup", sizes=(0,), needs_qt=True)
def startup(size: int) -> Trial:
    code = (
        "import os; os.environ.setdefault('QT_QPA_PLATFORM','offscreen');"
        "from linkchart.app import create_main_window;"
        "from PySide6.QtWidgets import QApplication;"
        "w=create_main_window(); w.show(); QApplication.instance().processEvents()"
    )

    def run() -> None:
        # Each start gets empty settings, so no saved dock layout or preference from an earlier run counts.
        with tempfile.TemporaryDirectory(prefix="linkchart-bench-user-") as folder:
            env = dict(os.environ, LINKCHART_CONFIG_DIR=os.path.join(folder, "config"), LINKCHART_DATA_DIR=os.path.join(folder, "data"))
            subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=env)

    return Trial(run=run, repeats=3, target=1.0)


@measurement("open", sizes=(1_000, 10_000), needs_qt=True)
def open_case(size: int) -> Trial:
    path = _case_file(size)
    window = _window()

    def run() -> None:
        assert window.open_case(str(path))
        _settle()

    return Trial(run=run, repeats=3, target=1.0)


def _opened(size: int):
    path = _case_file(size)
    window = _window()
    assert window.open_case(str(path))
    _settle()
    return window


def _still_view(size: int, place) -> tuple:
    """A window on the synthetic case, its view placed by *place(view, window)*, after the full-detail frame."""
    window = _opened(size)
    view = window.chart_view
    place(view, window)
    _settle()
    _frame(view)
    _settle_full_detail()
    return window, view


def _one_to_one(view, window) -> None:
    view.resetTransform()
    view.centerOn(window.scene.itemsBoundingRect().center())


@measurement("frame_1to1", sizes=(10_000,), needs_qt=True)
def frame_one_to_one(size: int) -> Trial:
    _, view = _still_view(size, _one_to_one)
    return Trial(run=lambda: _frame(view), repeats=15, target=0.016)


def _plain_scene(case) -> QGraphicsScene:
    """The baseline: one plain item per card and per link, no level of detail."""
    scene = QGraphicsScene()
    pen = QPen(QColor("#555"))
    for e in case.entities.values():
        scene.addRect(QRectF(e.x - 80, e.y - 28, 160, 56), pen)
        scene.addSimpleText(e.label).setPos(e.x - 70, e.y - 8)
    for k in case.links.values():
        a, b = case.entities[k.source], case.entities[k.target]
        scene.addLine(a.x, a.y, b.x, b.y, pen)
    return scene


@measurement("frame_whole", sizes=(10_000,), needs_qt=True)
def frame_whole(size: int) -> Trial:
    window, view = _still_view(size, lambda view, _window: view.fit_all())
    plain_scene = _plain_scene(window.case)
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    source = plain_scene.itemsBoundingRect()

    def baseline() -> None:
        # A second window is never exposed offscreen, so a view's repaint() would paint
        # nothing: draw the whole plain scene into an image the size of the viewport.
        image.fill(0xFFFFFFFF)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plain_scene.render(painter, QRectF(image.rect()), source)
        painter.end()

    return Trial(run=lambda: _frame(view), baseline=baseline, repeats=7, target=0.05)


@measurement("frame_pan_zoom", sizes=(10_000,), needs_qt=True)
def frame_pan_zoom(size: int) -> Trial:
    window = _opened(size)
    view = window.chart_view
    view.resetTransform()
    view.scale(0.5, 0.5)
    view.centerOn(window.scene.itemsBoundingRect().center())
    _settle()
    state = {"n": 0}

    def run() -> None:
        state["n"] += 1
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + (40 if state["n"] % 2 else -40))
        view.scale(1.02 if state["n"] % 4 < 2 else 1 / 1.02, 1.02 if state["n"] % 4 < 2 else 1 / 1.02)
        _frame(view)

    return Trial(run=run, repeats=21, target=0.016)


@measurement("move_all_and_undo", sizes=(10_000,), needs_qt=True)
def move_all(size: int) -> Trial:
    """Select all, move every card, undo; each step is timed too (target 0.5 s each)."""
    import statistics
    import time

    from linkchart.commands import MoveEntitiesCommand, push

    window = _opened(size)
    case = window.case
    phases: dict[str, list[float]] = {"select": [], "move": [], "undo": []}
    extra: dict = {"note": "seconds: select all + move + undo together; *_seconds: each step (target 0.5 s each)"}

    def timed(phase: str, step) -> None:
        start = time.perf_counter()
        step()
        _settle()
        phases[phase].append(time.perf_counter() - start)
        extra[f"{phase}_seconds"] = round(statistics.median(phases[phase]), 4)
        extra["met"] = all(extra.get(f"{name}_seconds", 0.0) < 0.5 for name in phases)

    def run() -> None:
        timed("select", window.select_all)
        moved = {eid: (e.x + 15.0, e.y + 10.0) for eid, e in case.entities.items()}
        timed("move", lambda: push(window.undo_stack, MoveEntitiesCommand(case, moved)))
        timed("undo", window.undo_stack.undo)

    return Trial(run=run, repeats=3, target=1.5, extra=extra)


def _export_trial(size: int, suffix: str) -> Trial:
    from linkchart.render.image_export import export_chart
    from linkchart.render.scene import ChartScene

    _app()
    scene = ChartScene(synthetic_case(size))
    out = Path(tempfile.mkdtemp()) / f"chart.{suffix}"
    return Trial(run=lambda: export_chart(scene, out), repeats=3, target=3.0)


@measurement("export_png", sizes=(10_000,), needs_qt=True)
def export_png(size: int) -> Trial:
    return _export_trial(size, "png")


@measurement("export_svg", sizes=(10_000,), needs_qt=True)
def export_svg(size: int) -> Trial:
    return _export_trial(size, "svg")


@measurement("memory_open", sizes=(10_000,), needs_qt=True)
def memory_open(size: int) -> Trial:
    window = _opened(size)
    view = window.chart_view
    return Trial(run=lambda: _frame(view), repeats=1, extra={"target_peak_rss_mb": 400})


@measurement("huge_open_fit_frame", sizes=(100_000,), needs_qt=True)
def huge(size: int) -> Trial:
    path = _case_file(size)
    window = _window()
    state = {}

    def run() -> None:
        assert window.open_case(str(path))
        _settle()
        window.chart_view.fit_all()
        _frame(window.chart_view)
        state["ok"] = True

    return Trial(run=run, repeats=1, target=10.0, extra={"note": "open + fit + one frame"})
