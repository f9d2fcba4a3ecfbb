"""Kill the writer at any moment: the file on disk is always a whole old or new version."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import time
from pathlib import Path

import pytest

from linkchart.io import load_case, save_case
from linkchart.io.lcase import case_json_bytes

if sys.platform == "win32":  # pragma: no cover - fork and SIGKILL are POSIX
    pytest.skip("needs fork and SIGKILL", allow_module_level=True)

_spec = importlib.util.spec_from_file_location("kill_helpers", Path(__file__).with_name("conftest.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)

ROOT = Path(__file__).resolve().parents[2]


def _synthetic(size: int, seed: int):
    spec = importlib.util.spec_from_file_location("bench_synthetic", ROOT / "bench" / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_case(size, seed=seed)


def test_sigkill_during_save_leaves_old_or_new_file(tmp_path, kill_rounds):
    path = tmp_path / "big.lcase"
    versions = [_synthetic(1500, seed) for seed in (1, 2)]
    save_case(versions[0], path)
    expected = {hashlib.sha256(case_json_bytes(v)).hexdigest() for v in versions}

    def work(i: int) -> None:
        save_case(versions[i % 2], path)

    # Kill anywhere from before the first save finishes to a few saves in.
    started = time.perf_counter()
    save_case(versions[1], tmp_path / "timing.lcase")
    one_save = time.perf_counter() - started
    snapshots = _helpers.kill_at_random_moments(path, work, kill_rounds, max_delay=min(3 * one_save, 0.3), seed=42)
    seen_versions = set()
    for blob in set(snapshots):
        check = tmp_path / "check.lcase"
        check.write_bytes(blob)
        case = load_case(check)  # always loads
        digest = hashlib.sha256(case_json_bytes(case)).hexdigest()
        assert digest in expected
        seen_versions.add(digest)
    assert len(snapshots) == kill_rounds
    # Saves completed between kills, so the check covered both versions.
    assert len(seen_versions) == 2 or kill_rounds < 50
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".big.lcase.")]
    # A killed writer may leave its temp file behind; never the target half-written.
    assert all(name.endswith(".tmp") for name in leftovers)
