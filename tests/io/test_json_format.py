"""LinkChart JSON: the whole model with article texts inline, read back exactly and validated like a case file."""

from __future__ import annotations

import json

import pytest

from linkchart.io import CaseFileError, NewerFormatError, read_graph, write_graph
from linkchart.io.schema import article_meta, entity_data, link_data
from linkchart.model import Case


def test_json_round_trip_is_exact(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.json")
    assert path.read_text(encoding="utf-8").startswith('{\n"format":"linkchart-case",')
    draft = read_graph(path)
    target = Case()
    target.apply_draft(draft)
    assert [article_meta(a) for a in target.articles.values()] == [article_meta(a) for a in small_case.articles.values()]
    assert [a.text for a in target.articles.values()] == [a.text for a in small_case.articles.values()]
    assert [entity_data(e) for e in target.entities.values()] == [entity_data(e) for e in small_case.entities.values()]
    assert [link_data(k) for k in target.links.values()] == [link_data(k) for k in small_case.links.values()]
    assert [(g.id, g.label, g.members) for g in target.groups.values()] == [(g.id, g.label, g.members) for g in small_case.groups.values()]
    assert target.vocabulary.custom_entity_types == small_case.vocabulary.custom_entity_types
    assert target.vocabulary.custom_link_types == small_case.vocabulary.custom_link_types
    assert any("case details" in s for s in draft.report.skipped)


def test_importing_json_into_a_case_with_the_same_articles_does_not_duplicate_them(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.json")
    small_case.apply_draft(read_graph(path))
    assert len(small_case.articles) == 2 and len(small_case.entities) == 12
    assert not small_case.broken_citations()


def _edit(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["articles"][0].update(text="altered"), "does not match its checksum"),
    (lambda d: d["links"][0].update(strength="certain"), "'strength' should be one of"),
    (lambda d: d["entities"][0].update(id="not-a-uuid"), "should be an id"),
    (lambda d: d["links"][0].update(target="00000000-0000-4000-8000-e00000000099"), "not in the case"),
    (lambda d: d.update(format="something-else"), "not a LinkChart JSON file"),
])
def test_damaged_json_gives_one_clear_error(small_case, tmp_path, change, message):
    (path,) = write_graph(small_case, tmp_path / "chart.json")
    _edit(path, change)
    with pytest.raises(CaseFileError, match=message):
        read_graph(path)


def test_json_from_a_newer_linkchart_says_so(small_case, tmp_path):
    (path,) = write_graph(small_case, tmp_path / "chart.json")
    _edit(path, lambda d: d.update(format_version=99))
    with pytest.raises(NewerFormatError):
        read_graph(path)


def test_json_that_is_not_json(tmp_path):
    (tmp_path / "x.json").write_text("{nope", encoding="utf-8")
    with pytest.raises(CaseFileError, match="not valid JSON"):
        read_graph(tmp_path / "x.json")
