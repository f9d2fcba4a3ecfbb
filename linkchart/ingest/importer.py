"""Read files (or whole folders) into a Draft of articles plus a report of what happened to each.

Nothing touches the case here: :func:`import_files` only reads it to skip texts it
already holds; the caller applies the draft with ``Case.apply_draft`` (one undo
step). One bad file never stops the others: it is listed with its reason.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from linkchart.ingest import readers as _readers  # noqa: F401  (registers the built-in readers)
from linkchart.ingest.errors import IngestError
from linkchart.ingest.registry import ReadResult, find_reader, supported_extensions
from linkchart.model import Case, Draft, ImportReport

MAX_FILE_BYTES = 100 * 1024**2

# progress(done, total, file name) -> False to stop after the current file.
Progress = Callable[[int, int, str], bool | None]


def read_article(path: str | os.PathLike[str]) -> ReadResult:
    """Read one file as an article; raise IngestError naming the file and the reason."""
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except OSError as exc:
        raise IngestError(name, exc.strerror or str(exc)) from None
    if p.is_dir():
        raise IngestError(name, "is a folder (import the folder instead)")
    if size > MAX_FILE_BYTES:
        raise IngestError(name, f"the file is {size / 1024**2:.0f} MB; articles over {MAX_FILE_BYTES // 1024**2} MB are refused")
    try:
        with p.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(name, exc.strerror or str(exc)) from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> ReadResult:
    """Read a file's bytes as an article; *name* picks the reader by extension (else sniffing)."""
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(name, f"the file is over {MAX_FILE_BYTES // 1024**2} MB")
    if not data:
        raise IngestError(name, "the file is empty")
    spec = find_reader(name, data)
    if spec is None:
        raise IngestError(
            name, "not a format LinkChart reads as an article (" + ", ".join(f".{e}" for e in supported_extensions()) + ")"
        )
    result = spec.read(data, name)
    result.origin = result.origin or name
    result.original = data
    result.original_name = name
    return result


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand folders (recursively, by extension, sorted, hidden files skipped); keep files as given."""
    wanted = {f".{e}" for e in supported_extensions()}
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if not p.is_dir():
            out.append(p)
            continue
        found = [
            f
            for f in p.rglob("*")
            if f.is_file() and f.suffix.lower() in wanted and not any(part.startswith(".") for part in f.relative_to(p).parts)
        ]
        out.extend(sorted(found))
    return out


@dataclass
class ArticleImportReport(ImportReport):
    """An :class:`ImportReport` that also keeps, per file, what was added, skipped and why, and what failed.

    ``added``: (file name, article id); ``duplicates``: (file name, why);
    ``failed``: (file name, reason). The inherited ``mapped``/``skipped``/``warnings``
    hold the same as plain lines for generic report views.
    """

    added: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def summary(self, draft: Draft) -> str:
        text = super().summary(draft)
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text + ("; cancelled" if self.cancelled else "")


def import_files(
    paths: Iterable[str | os.PathLike[str]], case: Case | None = None, progress: Progress | None = None
) -> tuple[Draft, ArticleImportReport]:
    """Read many files (folders are expanded) into a Draft of new articles and a report.

    Texts the case already holds (same sha256) and repeats within the batch are
    skipped with a note. A failing file is recorded (name and reason) and the rest
    go on. *progress* is called after each file; returning False stops there.
    """
    files = collect_files(paths)
    report = ArticleImportReport(source=_describe(files), format="articles")
    draft = Draft(report=report)
    known = {a.sha256: a for a in case.articles.values()} if case is not None else {}
    batch: dict[str, str] = {}
    for done, path in enumerate(files, start=1):
        _read_one(path, draft, report, known, batch)
        if progress is not None and progress(done, len(files), path.name) is False:
            report.cancelled = done < len(files)
            break
    return draft, report


def _read_one(path: Path, draft: Draft, report: ArticleImportReport, known: dict, batch: dict[str, str]) -> None:
    name = path.name
    try:
        result = read_article(path)
    except IngestError as exc:
        report.failed.append((name, exc.reason))
        report.warnings.append(f"{name}: {exc.reason}")
        return
    sha = result.sha256
    if sha in known:
        why = f"already in the case as '{known[sha].title or known[sha].origin}'"
    elif sha in batch:
        why = f"same text as {batch[sha]}"
    else:
        article = result.to_article()
        draft.articles.append(article)
        batch[sha] = name
        report.added.append((name, article.id))
        report.mapped.append(f"{name}: '{article.title or name}' ({len(article.text)} characters, {result.format})")
        report.warnings.extend(f"{name}: {w}" for w in result.warnings)
        return
    report.duplicates.append((name, why))
    report.skipped.append(f"{name}: {why}")


def _describe(files: list[Path]) -> str:
    if len(files) == 1:
        return files[0].name
    return f"{len(files)} files"
