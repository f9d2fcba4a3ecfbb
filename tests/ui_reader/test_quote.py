"""Quotes: sentence spans, exact offsets (also past astral characters and CRLF), the drag's mime payload."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData

from linkchart.model import Article
from linkchart.ui.reader.quote import QUOTE_MIME, QuotePayload, make_payload, sentence_span
from linkchart.ui.reader.text_view import OffsetMap

TEXT = "Britain agrees. Mr. Hunt met U.S. Secretary Mike Pompeo in London on Monday! \u201cWe share it.\u201d\nA headline\nNext line."


def words(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_sentence_span_takes_the_whole_sentence_past_abbreviations() -> None:
    s, e = sentence_span(TEXT, *words(TEXT, "Pompeo"))
    assert TEXT[s:e] == "Mr. Hunt met U.S. Secretary Mike Pompeo in London on Monday!"
    s, e = sentence_span(TEXT, *words(TEXT, "share"))
    assert TEXT[s:e] == "\u201cWe share it.\u201d"
    s, e = sentence_span(TEXT, *words(TEXT, "headline"))
    assert TEXT[s:e] == "A headline"


def test_payload_in_both_modes_quotes_the_text_exactly() -> None:
    art = Article(TEXT, title="t")
    start, end = words(TEXT, " Mike Pompeo ")
    for mode in ("sentence", "selection"):
        p = make_payload(art, start, end, mode)
        assert p.quote == TEXT[p.start : p.end]
        assert TEXT[p.selection_start : p.selection_end] == "Mike Pompeo"
        assert p.label(art) == "Mike Pompeo"
    assert make_payload(art, start, end, "selection").quote == "Mike Pompeo"
    assert make_payload(art, 3, 3, "sentence") is None


def test_payload_round_trips_through_mime_and_refuses_junk() -> None:
    art = Article(TEXT)
    p = make_payload(art, *words(TEXT, "London"), "sentence")
    mime = p.to_mime(QMimeData())
    assert QuotePayload.from_mime(mime) == p
    junk = QMimeData()
    junk.setData(QUOTE_MIME, b'{"article_id": 1}')
    assert QuotePayload.from_mime(junk) is None
    assert QuotePayload.from_mime(QMimeData()) is None


@given(st.lists(st.sampled_from(["a", " ", ".", "\n", "\r\n", "\U0001f600", "\u00e9"]), max_size=30).map("".join), st.data())
def test_offset_map_round_trips(text: str, data) -> None:
    offsets = OffsetMap(text)
    index = data.draw(st.integers(0, len(text)))
    # Inside a CRLF the only Qt position is the break itself, so compare on whole characters.
    if not (index > 0 and text[index - 1] == "\r" and text[index : index + 1] == "\n"):
        assert offsets.from_qt(offsets.to_qt(index)) == index
