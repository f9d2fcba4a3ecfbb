"""Find the files shipped in the top-level ``resources/`` folder.

The wheel carries them as ``linkchart/resources`` (see pyproject's force-include);
an editable install or a source checkout finds them beside the package instead.
Both are reached through importlib.resources so a zipped install works too.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


@cache
def resource_root() -> Traversable:
    """Return the folder that holds vocabulary/, icons/ and the other shipped data."""
    packaged = resources.files("linkchart").joinpath("resources")
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("LinkChart's resources folder is missing from this installation")


def resource(*parts: str) -> Traversable:
    """Return one shipped file, e.g. ``resource("icons", "person.svg")``."""
    node = resource_root()
    for part in parts:
        node = node.joinpath(part)
    return node


@cache
def load_json_resource(*parts: str) -> Any:
    """Parse a shipped JSON file once; callers must not mutate the result."""
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
