"""Kill `linkchart layout` and `linkchart import` while they write a case: it always loads, whole."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import shutil
import sys
import time
from pathlib import Path

import pytest

from linkchart.cli import main
from linkchart.io import load_case

if sys.platform == "win32":  # pragma: no cover
    pytest.skip("needs fork and SIGKILL", allow_module_level=True)

_spec = importlib.util.spec_from_file_location("kill_helpers", Path(__file__).with_name("conftest.py"))
_helpers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_helpers)

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "iran-proxies.lcase"


def _quiet(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return main(args)


def _timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def test_kill_during_layout_leaves_a_whole_case(tmp_path, kill_rounds):
    path = tmp_path / "case.lcase"
    shutil.copy(SAMPLE, path)
    algorithms = ["grid", "circular"]

    def work(i: int) -> None:
        assert _quiet(["layout", str(path), "--algorithm", algorithms[i % 2]]) == 0

    one = _timed(lambda: work(0))
    expected_ids = set(load_case(SAMPLE).entities)
    layouts = set()
    for blob in set(_helpers.kill_at_random_moments(path, work, kill_rounds, max_delay=min(3 * one, 0.3), seed=7)):
        check = tmp_path / "check.lcase"
        check.write_bytes(blob)
        case = load_case(check)
        assert set(case.entities) == expected_ids
        layouts.add(tuple(sorted((e.id, e.x, e.y) for e in case.entities.values())))
    assert len(layouts) == 2 or kill_rounds < 50  # both algorithms' results were seen, nothing else


def test_kill_during_import_leaves_a_whole_case(tmp_path, kill_rounds):
    path = tmp_path / "case.lcase"
    shutil.copy(SAMPLE, path)
    before = set(load_case(SAMPLE).articles)
    articles = []
    for n in range(kill_rounds + 400):
        article = tmp_path / f"report-{n:04d}.txt"
        article.write_text(f"Report {n}\n\nKataib Hezbollah fired {n} rockets at the base near Erbil.\n", encoding="utf-8")
        articles.append(article)

    def work(i: int) -> None:
        _quiet(["import", str(articles[i % len(articles)]), "--into", str(path)])

    one = _timed(lambda: work(len(articles) - 1))
    for blob in set(_helpers.kill_at_random_moments(path, work, kill_rounds, max_delay=min(3 * one, 0.3), seed=11)):
        check = tmp_path / "check.lcase"
        check.write_bytes(blob)
        case = load_case(check)
        assert before <= set(case.articles)
        assert case.broken_citations() == []
        assert all(a.title.startswith("Report ") for k, a in case.articles.items() if k not in before)
