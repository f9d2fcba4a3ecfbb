"""`linkchart info` and the command's error handling, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys

from linkchart.cli import main
from linkchart.io import save_case
from linkchart.model import Case, Citation


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linkchart.cli", *args], capture_output=True, text=True, timeout=60)


def small_case(tmp_path):
    case = Case(title="Small")
    art = case.add_article("Tehran-backed Kataib Hezbollah group", title="Strikes")
    kh = case.add_entity("Kataib Hezbollah", "armed_group", citations=[Citation(art.id, 14, 30, "Kataib Hezbollah")])
    iran = case.add_entity("Iran", "country")
    case.add_link(kh.id, iran.id, "backed_by", citations=[Citation(art.id, 0, 36, "Tehran-backed Kataib Hezbollah group")])
    path = tmp_path / "small.lcase"
    save_case(case, path)
    return path


def test_info_json_has_counts_and_types(tmp_path):
    result = run("info", str(small_case(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {k: data[k] for k in ("articles", "entities", "links", "citations", "broken_citations", "unsourced")} == {
        "articles": 1, "entities": 2, "links": 1, "citations": 2, "broken_citations": 0, "unsourced": 1,
    }
    assert data["entity_types"] == {"Armed group": 1, "Country": 1}
    assert data["link_types"] == {"backed by": 1}


def test_info_text_is_readable(tmp_path, capsys):
    assert main(["info", str(small_case(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "entities       2" in out and "Unsourced items:  1" in out and "? Iran" in out


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path):
    junk = tmp_path / "junk.lcase"
    junk.write_bytes(b"\x00garbage")
    for args in (["info", str(junk)], ["info", str(tmp_path / "missing.lcase")]):
        result = run(*args)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stdout == ""
