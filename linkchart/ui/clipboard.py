"""Copy and paste of cards, links and the evidence they cite, within and between cases.

The clipboard holds ``application/x-linkchart``: JSON in the case file's own
record shapes (``io.schema``) with the cited articles' texts, plus a plain-text
list of labels for other programs. Pasting validates it exactly like a case
file, then adds it as an import draft, so clashing ids get fresh ones and an
article the case already holds is reused, not duplicated.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any

from PySide6.QtCore import QMimeData

from linkchart.io import CaseFileError
from linkchart.io.schema import article_meta, data_to_case, entity_data, link_data
from linkchart.model import Case
from linkchart.model.draft import Draft

MIME = "application/x-linkchart"
FORMAT = "linkchart-clipboard"
VERSION = 1
MAX_BYTES = 256 * 1024**2


def copy_data(case: Case, entity_ids: list[str]) -> dict[str, Any]:
    """The selected cards, every link among them, and the articles their citations need."""
    ids = [e for e in dict.fromkeys(entity_ids) if e in case.entities]
    chosen = set(ids)
    links = [k for k in case.links.values() if k.source in chosen and k.target in chosen]
    entities = [case.entities[e] for e in case.entities if e in chosen]
    cited = {c.article_id for item in [*entities, *links] for c in item.citations}
    voc = case.vocabulary
    return {
        "format": FORMAT,
        "format_version": VERSION,
        "vocabulary": {
            "entity_types": [asdict(voc.custom_entity_types[e.type]) for e in entities if e.type in voc.custom_entity_types],
            "link_types": [asdict(voc.custom_link_types[k.type]) for k in links if k.type in voc.custom_link_types],
        },
        "articles": [article_meta(a) for a in case.articles.values() if a.id in cited],
        "texts": {a.id: a.text for a in case.articles.values() if a.id in cited},
        "entities": [entity_data(e) for e in entities],
        "links": [link_data(k) for k in links],
    }


def to_mime(case: Case, entity_ids: list[str]) -> QMimeData:
    data = copy_data(case, entity_ids)
    mime = QMimeData()
    mime.setData(MIME, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    mime.setText("\n".join(e["label"] for e in data["entities"]))
    return mime


def draft_from_data(data: Any, offset: tuple[float, float] = (0.0, 0.0)) -> Draft:
    """Validate clipboard data as strictly as a case file and turn it into a draft, moved by *offset*."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaseFileError("the clipboard does not hold LinkChart items")
    texts = data.get("texts", {})
    if not isinstance(texts, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
        raise CaseFileError("the clipboard's article texts are damaged")
    parsed = data_to_case({k: data.get(k, []) for k in ("articles", "entities", "links")} | {"vocabulary": data.get("vocabulary", {})}, texts, {})
    dx, dy = offset
    entities = [replace(e, x=e.x + dx, y=e.y + dy) for e in parsed.entities.values()]
    voc = parsed.vocabulary
    return Draft(
        articles=list(parsed.articles.values()),
        entities=entities,
        links=list(parsed.links.values()),
        entity_types=list(voc.custom_entity_types.values()),
        link_types=list(voc.custom_link_types.values()),
    )


def draft_from_mime(mime: QMimeData | None, offset: tuple[float, float] = (0.0, 0.0)) -> Draft | None:
    """The clipboard's items as a draft, or None when it holds no LinkChart items (or damaged ones)."""
    if mime is None or not mime.hasFormat(MIME):
        return None
    raw = bytes(mime.data(MIME).data())
    if len(raw) > MAX_BYTES:
        return None
    try:
        return draft_from_data(json.loads(raw.decode("utf-8")), offset)
    except (ValueError, RecursionError, CaseFileError):
        return None


def has_items(mime: QMimeData | None) -> bool:
    return mime is not None and mime.hasFormat(MIME)
