"""The layer rules of DESIGN.md, checked by the same tools CI would use."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else shutil.which(name) or name


def test_import_contracts_hold():
    result = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def test_ruff_is_clean_including_the_qtwidgets_ban():
    folders = [name for name in ("linkchart", "tests", "scripts", "bench") if (ROOT / name).is_dir()]
    result = subprocess.run([_tool("ruff"), "check", *folders], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_pickle_eval_or_network_in_the_package():
    # A bare eval(/exec( call, not a method such as QApplication.exec().
    bad = re.compile(r"(?<![.\w])(eval|exec)\(|\bimport pickle\b|\burllib\.request\b|\bhttp\.client\b|\bimport socket\b|\bimport requests\b")
    offenders = []
    for path in (ROOT / "linkchart").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if bad.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
