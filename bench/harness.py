"""Measurement registry and runner for ``python -m bench``.

A measurement is a function ``(size) -> Trial``: it does its set-up (untimed)
and returns the callable to time and, where one exists, a baseline callable
measured in the same run. Each measurement runs in a fresh child process so
its peak RSS is its own and one measurement cannot warm another's caches.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Trial:
    run: Callable[[], object]
    baseline: Callable[[], object] | None = None
    baseline_size: int | None = None  # when the baseline runs at another size (e.g. exact betweenness at 1,000)
    repeats: int = 5
    target: float | None = None  # seconds
    extra: dict = field(default_factory=dict)  # figures the run itself reports (e.g. overlaps, sample size)
    teardown: Callable[[], None] | None = None


@dataclass(frozen=True)
class Measurement:
    name: str
    func: Callable[[int], Trial]
    sizes: tuple[int, ...]
    needs_qt: bool = False


MEASUREMENTS: dict[str, Measurement] = {}


def measurement(name: str, sizes: tuple[int, ...] = (1_000, 10_000), needs_qt: bool = False):
    def register(func: Callable[[int], Trial]) -> Callable[[int], Trial]:
        MEASUREMENTS[name] = Measurement(name, func, sizes, needs_qt)
        return func

    return register


def _median_seconds(func: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_one(name: str, size: int, repeats: int | None = None) -> dict:
    """Run one measurement in this process and return its JSON record."""
    m = MEASUREMENTS[name]
    trial = m.func(size)
    n = repeats or trial.repeats
    record: dict = {"name": name, "size": size, "seconds": round(_median_seconds(trial.run, n), 4), "runs": n}
    if trial.baseline is not None:
        base = _median_seconds(trial.baseline, max(1, min(n, 3)))
        record["baseline_seconds"] = round(base, 4)
        record["ratio"] = round(record["seconds"] / base, 3) if base else None
        if trial.baseline_size is not None:
            record["baseline_size"] = trial.baseline_size
    if trial.target is not None:
        record["target_seconds"] = trial.target
        record["met"] = record["seconds"] < trial.target
    record.update(trial.extra)
    if trial.teardown is not None:
        trial.teardown()
    record["peak_rss_mb"] = peak_rss_mb()
    return record


def run_in_child(name: str, size: int, repeats: int | None, timeout: float) -> dict:
    cmd = [sys.executable, "-m", "bench", "--child", name, "--sizes", str(size)]
    if repeats:
        cmd += ["--repeats", str(repeats)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"name": name, "size": size, "error": f"timed out after {timeout:.0f} s"}
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return {"name": name, "size": size, "error": tail[:300]}
    return json.loads(lines[-1])
