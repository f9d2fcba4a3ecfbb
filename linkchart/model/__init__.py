"""The case model: pure Python, NetworkX underneath, no Qt."""

from linkchart.model.case import Case, CaseError, Removal
from linkchart.model.dates import DateError, DateSpan, parse_date, try_parse_date
from linkchart.model.draft import AppliedDraft, Draft, ImportReport
from linkchart.model.events import ChangeEvent, Signal
from linkchart.model.ids import is_id, new_id
from linkchart.model.items import (
    CREDIBILITY_CODES,
    DIRECTIONS,
    RELIABILITY_CODES,
    STRENGTHS,
    Article,
    Citation,
    Entity,
    Group,
    Link,
    text_sha256,
)
from linkchart.model.vocabulary import EntityType, LinkType, Vocabulary, grading_scales, type_id_for

__all__ = [
    "AppliedDraft",
    "Draft",
    "ImportReport",
    "CREDIBILITY_CODES",
    "DIRECTIONS",
    "RELIABILITY_CODES",
    "STRENGTHS",
    "Article",
    "Case",
    "CaseError",
    "ChangeEvent",
    "Citation",
    "DateError",
    "DateSpan",
    "Entity",
    "EntityType",
    "Group",
    "Link",
    "LinkType",
    "Removal",
    "Signal",
    "Vocabulary",
    "grading_scales",
    "is_id",
    "new_id",
    "parse_date",
    "text_sha256",
    "try_parse_date",
    "type_id_for",
]
