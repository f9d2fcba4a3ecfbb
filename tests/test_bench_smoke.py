"""Run every benchmark measurement at a tiny size so the harness cannot rot (no timing is asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_measurement_runs_and_reports(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    listed = subprocess.run([sys.executable, "-m", "bench", "--list"], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    names = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    assert {"save", "load", "open", "frame_whole", "force_layout", "betweenness", "import_graphml", "export_png", "export_svg", "import_and_suggest_articles"} <= set(names)
    out = tmp_path / "bench.jsonl"
    done = subprocess.run([sys.executable, "-m", "bench", "--sizes", "60", "--repeats", "1", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=600)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["name"] for r in records] == names
    for record in records:
        assert "error" not in record, record
        assert record["seconds"] >= 0 and record["peak_rss_mb"] > 0
        if "baseline_seconds" in record:
            assert record["ratio"] is not None
    assert done.returncode == 0, done.stderr[-2000:]
