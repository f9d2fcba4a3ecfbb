"""i2 Analyst's Notebook Exchange (ANX): the vocabulary our reader and writer share.

Facts are in ``shared/formats/ANX.md``: colours are COLORREF integers (BGR),
grades are 0-based indexes into the chart's GradeOne/GradeTwo lists, link
strength is a named line style, and our own fields ANB has no place for travel
as attribute classes.
"""

from __future__ import annotations

from linkchart.model import grading_scales

# (our strength, ANB strength name, DotStyle)
STRENGTHS = (("confirmed", "Confirmed", "DotStyleSolid"), ("probable", "Probable", "DotStyleDashed"),
             ("possible", "Possible", "DotStyleDotted"))
ARROWS = {"forward": "ArrowOnHead", "both": "ArrowOnBoth", "none": "ArrowNone"}
ARROW_DIRECTIONS = {"ArrowOnHead": ("forward", False), "ArrowOnTail": ("forward", True), "ArrowOnBoth": ("both", False),
                    "ArrowNone": ("none", False)}
TYPE_ATTRIBUTE = "LinkChart type"
ALIASES_ATTRIBUTE = "Aliases"
SUBTITLE_ATTRIBUTE = "Subtitle"
RESERVED_ATTRIBUTES = (TYPE_ATTRIBUTE, ALIASES_ATTRIBUTE, SUBTITLE_ATTRIBUTE)
GENERIC_LINK_TYPES = ("", "link", "default", "connection")  # ANB's catch-all link types: the label says more


def dot_strength(dot_style: str) -> str | None:
    """DotStyleSolid -> confirmed, DotStyleDashed* -> probable, DotStyleDot* -> possible."""
    style = dot_style.lower()
    if style.endswith("solid"):
        return "confirmed"
    if "dash" in style:
        return "probable"
    if "dot" in style:
        return "possible"
    return None


def grade_texts() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(code, ANB text) for GradeOne (reliability A-F) and GradeTwo (credibility 1-6)."""
    scales = grading_scales()
    one = [(g["code"], f"{g['code']} - {g['name']}") for g in scales["source_reliability"]]
    two = [(g["code"], f"{g['code']} - {g['name']}") for g in scales["information_credibility"]]
    return one, two


def colorref(hex_colour: str) -> int:
    """"#rrggbb" -> R + 256*G + 65536*B (Windows COLORREF); 0 (black) for anything else."""
    text = hex_colour.strip().lstrip("#")
    if len(text) != 6:
        return 0
    try:
        r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return 0
    return r + 256 * g + 65536 * b


def colour_from_colorref(value: str) -> str | None:
    try:
        n = int(value)
    except (TypeError, ValueError):
        return None
    if not 0 <= n <= 0xFFFFFF:
        return None
    return f"#{n & 0xFF:02x}{(n >> 8) & 0xFF:02x}{(n >> 16) & 0xFF:02x}"
