"""Article import + suggestions: 100 articles of ~10 KB (target under 2 s)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.bench_ingest import make_articles
from bench.harness import Trial, measurement
from linkchart.ingest import import_files, suggest


@measurement("import_and_suggest_articles", sizes=(100,))
def import_and_suggest(size: int) -> Trial:
    folder = Path(tempfile.mkdtemp(prefix="linkchart-bench-"))
    make_articles(folder, count=size)

    def run() -> None:
        draft, _report = import_files([folder])
        for article in draft.articles:
            suggest(article.text)

    run()  # the rules and gazetteer load once per process, as in the app
    return Trial(run=run, repeats=3, target=2.0, extra={"articles": size, "article_kb": 10})
