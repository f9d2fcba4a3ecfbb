"""Identity: every entity, link, article, citation and group is a uuid4 string."""

from __future__ import annotations

import re
import uuid

_UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def new_id() -> str:
    """Return a fresh uuid4 string; uuid4 makes reuse of a deleted id practically impossible."""
    return str(uuid.uuid4())


def is_id(value: object) -> bool:
    """True if *value* is a canonical lower-case uuid string."""
    return isinstance(value, str) and _UUID_RE.match(value) is not None
