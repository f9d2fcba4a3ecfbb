"""The ``.lcase`` case file: a zip of ``case.json``, article texts and original files.

Writing is deterministic (fixed member order, timestamps and JSON layout), so two
saves of one case are byte-identical. Reading opens only the members it expects
by exact name, bounds every size, checks every hash and validates every field;
any fault becomes one :class:`CaseFileError` and nothing on disk is changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from pathlib import Path
from typing import IO, Any

from linkchart import __version__
from linkchart.io.atomic import atomic_write
from linkchart.io.errors import CaseFileError, reading
from linkchart.io.migrations import migrate
from linkchart.io.schema import FORMAT_NAME, _Reader, case_to_data, data_to_case
from linkchart.model import Case
from linkchart.model.bulk import gc_paused
from linkchart.model.progress import ProgressCallback, report

SUFFIX = ".lcase"
CASE_JSON = "case.json"
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)

# Bounds on what one case file may hold; far above any real case, far below harm.
MAX_MEMBERS = 250_000
MAX_JSON_BYTES = 512 * 1024**2
MAX_TEXT_BYTES = 64 * 1024**2
MAX_ORIGINAL_BYTES = 512 * 1024**2
MAX_TOTAL_BYTES = 4 * 1024**3
MAX_RATIO = 1000  # uncompressed / compressed, for members over 1 MiB: a zip bomb's tell
_ORIGINAL_NAME = re.compile(r"^originals/([0-9a-f-]{36})\.([A-Za-z0-9]{1,10})$")


# ------------------------------------------------------------------- saving
def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write the case atomically: the old file stays intact until the new one is complete."""
    try:
        atomic_write(path, lambda handle: write_case(case, handle))
    except OSError as exc:
        raise CaseFileError(f"could not save {Path(path).name}: {exc.strerror or exc}") from exc


def case_json_bytes(case: Case) -> bytes:
    """The deterministic case.json: sorted keys, one record per line, UTF-8, trailing newline."""
    with gc_paused():
        return _case_json_bytes(case)


def _case_json_bytes(case: Case) -> bytes:
    data = case_to_data(case, __version__)
    for entry in data["articles"]:
        art = case.articles[entry["id"]]
        entry["text_file"] = f"articles/{art.id}.txt"
        if art.original is not None:
            ext = _extension(art.original_name)
            entry["original"] = {
                "file": f"originals/{art.id}.{ext}",
                "name": art.original_name,
                "sha256": art.original_sha256,
                "size": len(art.original),
            }
    return dump_json_lines(data).encode("utf-8")


def dump_json_lines(data: dict[str, Any], sort_top: bool = True) -> str:
    """Deterministic JSON with one record per line: sorted keys, UTF-8 text.

    ``sort_top=False`` keeps the top-level keys in the given order (the JSON export
    puts ``"format"`` first so the file names itself on its first line).

    Lists of records (articles, entities, links, ...) put each record on its own
    compact line, so a diff of two saves shows one line per changed item, and the
    C encoder does the work (``indent=`` would fall back to the slow Python one).
    """
    with gc_paused():
        # One flat list and one join: the whole text is built once, with no copy per list or line.
        parts = ["{\n"]
        keys = sorted(data) if sort_top else list(data)
        for n, key in enumerate(keys):
            value = data[key]
            comma = "," if n < len(keys) - 1 else ""
            if isinstance(value, list) and value:
                parts.append(f"{_compact(key)}:[\n")
                for item in value:
                    parts += (_compact(item), ",\n")
                parts[-1] = f"\n]{comma}\n"
            else:
                parts.append(f"{_compact(key)}:{_compact(value)}{comma}\n")
        parts.append("}\n")
        return "".join(parts)


# One encoder for every record: json.dumps would build a new one per call. Records
# are trees built by case_to_data, so the circular-reference check is dead weight.
_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False, check_circular=False).encode


def write_case(case: Case, handle: IO[bytes]) -> None:
    with zipfile.ZipFile(handle, "w") as zf:
        _put(zf, CASE_JSON, case_json_bytes(case))
        for art in case.articles.values():
            _put(zf, f"articles/{art.id}.txt", art.text.encode("utf-8"))
        for art in case.articles.values():
            if art.original is not None:
                _put(zf, f"originals/{art.id}.{_extension(art.original_name)}", art.original)


def _put(zf: zipfile.ZipFile, name: str, payload: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # the same bytes whichever OS saves
    info.external_attr = 0o644 << 16
    # Level 1: most of the size gain at a fraction of the time; saves stay sub-second at 10k cards.
    zf.writestr(info, payload, compresslevel=1)


def _extension(name: str) -> str:
    ext = Path(name).suffix.lstrip(".").lower()
    return ext if re.fullmatch(r"[a-z0-9]{1,10}", ext) else "bin"


# ------------------------------------------------------------------ loading
def load_case(path: str | os.PathLike[str], progress: ProgressCallback | None = None) -> Case:
    """Read and validate a case file; raises CaseFileError with a message a user can act on.

    *progress* hears how far the reading is (0..1); if it answers False the read stops
    with :class:`~linkchart.model.progress.Cancelled`.
    """
    with reading(Path(path).name, "LinkChart case file"), open(path, "rb") as handle, zipfile.ZipFile(handle) as zf:
        return _read(zf, progress)


def _read(zf: zipfile.ZipFile, progress: ProgressCallback | None = None) -> Case:
    members = _check_members(zf)
    if CASE_JSON not in members:
        raise CaseFileError("not a LinkChart case file (no case.json inside)")
    raw = _read_member(zf, members[CASE_JSON], MAX_JSON_BYTES)
    report(progress, 0.05)
    with gc_paused():
        return _read_data(zf, members, raw, progress)


def _read_data(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], raw: bytes, progress: ProgressCallback | None = None) -> Case:
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CaseFileError("case.json is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise CaseFileError(f"case.json is not valid JSON ({str(exc)[:80]})") from None
    top = _Reader(data, "case.json")
    if data.get("format") != FORMAT_NAME:
        raise CaseFileError("not a LinkChart case file (case.json has no LinkChart format name)")
    data = migrate(data)
    texts: dict[str, str] = {}
    originals: dict[str, tuple[str, bytes]] = {}
    for i, raw_article in enumerate(top.items("articles")):
        art = _Reader(raw_article, f"article {i + 1}")
        aid = art.ident("id")
        texts[aid] = _read_text(zf, members, aid, art.text("sha256", None, 64))
        original = raw_article.get("original")
        if original is not None:
            originals[aid] = _read_original(zf, members, aid, _Reader(original, f"article {i + 1} original"))
    report(progress, 0.2)
    return data_to_case(data, texts, originals, progress)


def _check_members(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise CaseFileError(f"the file holds more than {MAX_MEMBERS} parts")
    total = 0
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        if name.startswith(("/", "\\")) or ".." in name.split("/") or "\\" in name or ":" in name or "\x00" in name:
            raise CaseFileError(f"the file holds a part with an unsafe name ({name[:60]!r})")
        if name in members:
            raise CaseFileError(f"the file holds two parts named {name[:60]!r}")
        if info.flag_bits & 0x1:
            raise CaseFileError("the file holds encrypted parts")
        if info.file_size > 1024**2 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise CaseFileError(f"part {name[:60]!r} expands suspiciously far (a zip bomb?)")
        total += info.file_size
        members[name] = info
    if total > MAX_TOTAL_BYTES:
        raise CaseFileError("the file would expand to more than 4 GiB")
    return members


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    if info.file_size > limit:
        raise CaseFileError(f"part {info.filename[:60]!r} is larger than {limit // 1024**2} MiB")
    with zf.open(info) as member:
        payload = member.read(limit + 1)
    if len(payload) > limit:
        raise CaseFileError(f"part {info.filename[:60]!r} is larger than {limit // 1024**2} MiB")
    return payload


def _read_text(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], aid: str, sha256: str) -> str:
    name = f"articles/{aid}.txt"
    if name not in members:
        raise CaseFileError(f"the text of article {aid} is missing from the file")
    payload = _read_member(zf, members[name], MAX_TEXT_BYTES)
    if hashlib.sha256(payload).hexdigest() != sha256:
        raise CaseFileError(f"the text of article {aid} does not match its checksum (the file was altered or damaged)")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        raise CaseFileError(f"the text of article {aid} is not UTF-8") from None


def _read_original(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], aid: str, ref: _Reader) -> tuple[str, bytes]:
    file_name = ref.text("file", None, 200)
    match = _ORIGINAL_NAME.match(file_name)
    if not match or match.group(1) != aid or file_name not in members:
        raise CaseFileError(f"the original file of article {aid} is missing or misnamed")
    payload = _read_member(zf, members[file_name], MAX_ORIGINAL_BYTES)
    if hashlib.sha256(payload).hexdigest() != ref.text("sha256", None, 64):
        raise CaseFileError(f"the original file of article {aid} does not match its checksum")
    return ref.text("name", "", 1000), payload


def read_case_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The raw case.json of a file, unvalidated: for diagnostics and golden tests only."""
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(CASE_JSON))


# The zip guards, shared with the other archive reader (Maltego MTGX).
check_zip_members = _check_members
read_zip_member = _read_member

__all__ = ["SUFFIX", "check_zip_members", "load_case", "read_zip_member", "save_case"]
