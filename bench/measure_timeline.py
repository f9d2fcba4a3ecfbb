"""Timeline measurements (offscreen Qt): how fast a shown timeline follows an edit."""

from __future__ import annotations

import statistics
import time

from bench.harness import Trial, measurement
from bench.measure_qt import _app, _case_file, _settle, _window

FOLLOW_TARGET = 0.15  # seconds for the timeline to follow one edit
NEW_DATE = "2024-06-15"
WAIT_LIMIT = 60.0  # seconds; a timeline that never follows is an error, not a figure


@measurement("timeline_follow", sizes=(10_000,), needs_qt=True)
def timeline_follow(size: int) -> Trial:
    """Change one link's date and undo it, the Timeline dock shown; each step waits until the timeline has followed."""
    from linkchart.commands import UpdateLinksCommand, push

    path = _case_file(size)
    window = _window()
    window.analysis.show_dock("timeline")
    panel = window.analysis.timeline
    assert window.open_case(str(path))
    _settle()
    assert not panel.stale and panel.marks is not None, "the shown timeline did not read the opened case"
    case = window.case
    # A dated link, so its mark moves; the new date differs from every old one, so the command is never obsolete.
    link = next((k for k in case.links.values() if k.date and k.date != NEW_DATE), next(iter(case.links.values())))
    followed = {"patched": 0, "rebuilt": 0}
    panel.patched.connect(lambda: followed.__setitem__("patched", followed["patched"] + 1))
    panel.rebuilt.connect(lambda: followed.__setitem__("rebuilt", followed["rebuilt"] + 1))
    app = _app()
    phases: dict[str, list[float]] = {"edit": [], "undo": []}
    extra: dict = {
        "target_seconds": FOLLOW_TARGET,
        "note": "seconds: edit + undo together; edit_seconds / undo_seconds: each until the timeline followed (target each)",
    }

    def timed(phase: str, step) -> None:
        before = followed["patched"] + followed["rebuilt"]
        start = time.perf_counter()
        step()
        while followed["patched"] + followed["rebuilt"] == before:
            app.processEvents()
            if time.perf_counter() - start > WAIT_LIMIT:
                raise RuntimeError(f"the timeline did not follow the {phase} within {WAIT_LIMIT:.0f} s")
        phases[phase].append(time.perf_counter() - start)
        extra[f"{phase}_seconds"] = round(statistics.median(phases[phase]), 4)
        extra["met"] = all(extra.get(f"{name}_seconds", 0.0) < FOLLOW_TARGET for name in phases)
        # Whether the timeline patched the touched marks (expected) or fell back to reading the whole case.
        extra["patches"], extra["full_reads"] = followed["patched"], followed["rebuilt"]

    def run() -> None:
        timed("edit", lambda: push(window.undo_stack, UpdateLinksCommand(case, {link.id: {"date": NEW_DATE}})))
        timed("undo", window.undo_stack.undo)

    return Trial(run=run, repeats=7, extra=extra)
