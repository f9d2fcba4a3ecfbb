"""Time importing and suggesting over 100 articles of about 10 KB each (target: under 2 s).

Run: ``.venv/bin/python bench/bench_ingest.py``. The articles are the five seed
articles, each repeated and renumbered to about 10 KB, written as .txt files.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from linkchart.ingest import import_files, suggest  # noqa: E402
from linkchart.ingest.suggest.data import entity_rules, gazetteer  # noqa: E402
from linkchart.ingest.suggest.links import link_rules  # noqa: E402


def make_articles(folder: Path, count: int = 100, size: int = 10_000) -> None:
    seeds = sorted((ROOT / "tests" / "ingest" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    for i in range(count):
        base = texts[i % len(texts)]
        body, n = [], 0
        while sum(len(b) for b in body) < size:
            body.append(f"Part {n} of report {i}.\n\n{base}")
            n += 1
        (folder / f"article_{i:03}.txt").write_text("\n\n".join(body)[:size], encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_articles(folder)
        c0, t0 = time.process_time(), time.perf_counter()
        gazetteer(), entity_rules(), link_rules()
        t1 = time.perf_counter()
        draft, report = import_files([folder])
        t2 = time.perf_counter()
        found = [suggest(a.text) for a in draft.articles]
        t3, c3 = time.perf_counter(), time.process_time()
    total_kb = sum(len(a.text) for a in draft.articles) / 1000
    print(f"{len(draft.articles)} articles, {total_kb:.0f} KB of text, {len(report.failed)} failed")
    print(f"load rules and gazetteer: {t1 - t0:.3f} s (once per process)")
    print(f"import:  {t2 - t1:.3f} s")
    print(f"suggest: {t3 - t2:.3f} s ({sum(len(f.entities) for f in found)} entities, {sum(len(f.links) for f in found)} links)")
    print(f"total:   {t3 - t0:.3f} s wall, {c3 - c0:.3f} s CPU (target < 2 s; wall time suffers on a busy machine)")


if __name__ == "__main__":
    main()
