"""Bring older case.json data up to the current format version, one step per version.

Each step is a pure function from the data of version N to version N+1, tested
against a golden file of version N. Version 1 is the first, so there are none
yet; the loop is here so the next format change has an obvious place to go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from linkchart.io.errors import CaseFileError, NewerFormatError
from linkchart.io.schema import FORMAT_VERSION

Data = dict[str, Any]

# from-version -> function returning data of from-version + 1
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def migrate(data: Data) -> Data:
    """Return *data* at FORMAT_VERSION, or raise a clear error for a version we cannot read."""
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise CaseFileError("the case file has no valid format version")
    if version > FORMAT_VERSION:
        raise NewerFormatError(
            f"this case was made by a newer LinkChart (file format {version}; this version reads up to {FORMAT_VERSION}). "
            "Update LinkChart to open it."
        )
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise CaseFileError(f"no way to upgrade a case of format version {version}")
        data = step(data)
        version += 1
        data["format_version"] = version
    return data
