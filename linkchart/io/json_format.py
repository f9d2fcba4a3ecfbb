"""LinkChart JSON: the whole case model in one UTF-8 text, for other tools and for diffs.

It is ``case.json`` of the ``.lcase`` file with each article's text inline
(``"text"``, checked against its ``sha256`` on reading). Original file bytes are
left out: they are binary and belong in the case file. Top-level keys come in
model order with ``"format"`` first (so the file identifies itself in its first
line) and each record sits on its own line, so two exports diff item by item.
Reading validates exactly as the case-file loader does.
"""

from __future__ import annotations

import json
import os
from typing import BinaryIO

from linkchart import __version__
from linkchart.io.errors import CaseFileError
from linkchart.io.importing import ImportCancelled, ImportContext, ReportBuilder
from linkchart.io.lcase import dump_json_lines
from linkchart.io.migrations import migrate
from linkchart.io.registry import open_source, register_reader, register_writer, source_name
from linkchart.io.schema import FORMAT_NAME, _Reader, case_to_data, data_to_case
from linkchart.model import Case, Draft, text_sha256

MAX_BYTES = 1024**3
MAX_ARTICLE_CHARS = 64 * 1024**2


def case_json_text(case: Case) -> str:
    """The export as text; deterministic for a given case and app version."""
    data = case_to_data(case, __version__)
    for entry in data["articles"]:
        entry["text"] = case.articles[entry["id"]].text
    return dump_json_lines(data, sort_top=False)


@register_writer("json", extensions=(".json",), label="LinkChart JSON")
def write_json(case: Case, handle: BinaryIO) -> None:
    """The case as LinkChart JSON (article texts inline, original files left out)."""
    handle.write(case_json_text(case).encode("utf-8"))


def _sniff(head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    return text.startswith("{") and f'"format":"{FORMAT_NAME}"' in text.replace(" ", "")[:200]


def case_from_json(raw: bytes) -> Case:
    """Validate and build a Case from LinkChart JSON bytes; CaseFileError names any fault."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CaseFileError("it is not UTF-8 text") from None
    except (ValueError, RecursionError) as exc:
        raise CaseFileError(f"it is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise CaseFileError(f'it is not a LinkChart JSON file (no "format": "{FORMAT_NAME}")')
    data = migrate(data)
    texts: dict[str, str] = {}
    for i, raw_article in enumerate(_Reader(data, "the file").items("articles")):
        art = _Reader(raw_article, f"article {i + 1}")
        aid = art.ident("id")
        text = art.text("text", None, MAX_ARTICLE_CHARS)
        if text_sha256(text) != art.text("sha256", None, 64):
            raise CaseFileError(f"the text of article {i + 1} does not match its checksum (the file was altered or damaged)")
        texts[aid] = text
    return data_to_case(data, texts, {})


@register_reader("json", extensions=(".json",), sniff=_sniff, label="LinkChart JSON")
def read_json(source: str | os.PathLike[str] | BinaryIO, ctx: ImportContext) -> Draft:
    """LinkChart JSON as a Draft holding everything in it, exactly."""
    name = source_name(source)
    with open_source(source) as (handle, size):
        if size > MAX_BYTES:
            raise CaseFileError(f"it is larger than {MAX_BYTES // 1024**2} MiB")
        raw = handle.read(MAX_BYTES + 1)
    report = ReportBuilder(name, "LinkChart JSON")
    if ctx.progress is not None and ctx.progress(0.3) is False:
        raise ImportCancelled("the import was cancelled")
    case = case_from_json(raw)
    report.mapped("LinkChart JSON: every record kept as it was")
    details = [k for k, v in case.metadata.items() if v]
    if details:
        report.skipped(f"case details ({', '.join(details)}) are not imported: an import adds to the open case")
    voc = case.vocabulary
    draft = Draft(
        articles=list(case.articles.values()),
        entities=list(case.entities.values()),
        links=list(case.links.values()),
        groups=list(case.groups.values()),
        entity_types=list(voc.custom_entity_types.values()),
        link_types=list(voc.custom_link_types.values()),
    )
    draft.report = report.build()
    return draft
