from datetime import date

import pytest

from linkchart.model import DateError, parse_date


@pytest.mark.parametrize(
    "text,start,end,kind",
    [
        ("2019-12-29", date(2019, 12, 29), date(2019, 12, 29), "exact"),
        ("2019-05", date(2019, 5, 1), date(2019, 5, 31), "partial"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "partial"),
        ("2018", date(2018, 1, 1), date(2018, 12, 31), "partial"),
        ("2018-03/2018-06", date(2018, 3, 1), date(2018, 6, 30), "range"),
        ("2015 to 2017", date(2015, 1, 1), date(2017, 12, 31), "range"),
        ("about 2018", date(2017, 1, 1), date(2019, 12, 31), "fuzzy"),
        ("circa 2019-06", date(2019, 5, 1), date(2019, 7, 31), "fuzzy"),
    ],
)
def test_parse(text, start, end, kind):
    span = parse_date(text)
    assert (span.start, span.end, span.kind) == (start, end, kind)


def test_open_ended_qualifiers():
    assert parse_date("before 2019").end == date(2019, 12, 31)
    assert parse_date("after 2015").start == date(2015, 1, 1)


@pytest.mark.parametrize("text", ["", "soon", "2019-13", "2019-02-30", "2019/2018", "0000"])
def test_bad_dates_say_why(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_overlap_window():
    span = parse_date("2019-05")
    assert span.overlaps(date(2019, 5, 31), None) and not span.overlaps(None, date(2019, 4, 30))
