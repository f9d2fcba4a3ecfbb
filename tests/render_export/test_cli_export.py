"""`linkchart export -o .png/.svg/.pdf/.html` and `linkchart report`, run as real subprocesses with no display."""

from __future__ import annotations

import os
import subprocess
import sys
from html import escape

import defusedxml.ElementTree as ET
import pypdf
import pytest
from PySide6.QtGui import QImage

from linkchart.io import save_case


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-m", "linkchart.cli", *args], capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture
def case_file(case, tmp_path):
    path = tmp_path / "proxies.lcase"
    save_case(case, path)
    return path


def test_png_and_svg_from_the_command_line(qapp, case, case_file, tmp_path):
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    result = run("export", str(case_file), "-o", str(png), "--width", "1200", "--title", "Proxies & partners")
    assert result.returncode == 0, result.stderr
    assert f"wrote {png}" in result.stdout
    image = QImage(str(png))
    assert image.width() == 1200 and image.height() > 500
    result = run("export", str(case_file), "-o", str(svg), "--background", "transparent", "--no-legend")
    assert result.returncode == 0, result.stderr
    root = ET.parse(svg).getroot()
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert all(e.label in texts for e in case.entities.values()) and "Entity types" not in texts


def test_pdf_tiled_from_the_command_line(case_file, tmp_path):
    pdf = tmp_path / "poster.pdf"
    result = run("export", str(case_file), "-o", str(pdf), "--tiled", "--tile-scale", "300", "--page-size", "A4")
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and len(pypdf.PdfReader(pdf).pages) > 1


def test_reports_from_the_command_line(case, case_file, tmp_path):
    html, pdf = tmp_path / "brief.html", tmp_path / "brief.pdf"
    assert run("export", str(case_file), "-o", str(html)).returncode == 0
    text = html.read_text(encoding="utf-8")
    assert all(escape(c.quote) in text or escape(c.quote, quote=False) in text for _, c in case.iter_citations())
    result = run("report", str(case_file), "-o", str(pdf), "--title", "Weekly brief")
    assert result.returncode == 0, result.stderr
    pages = pypdf.PdfReader(pdf).pages
    assert len(pages) >= 2 and "Weekly brief" in " ".join(pages[0].extract_text().split())


def test_bad_report_name_and_bad_scale_are_one_line_errors(case_file, tmp_path):
    result = run("report", str(case_file), "-o", str(tmp_path / "brief.txt"))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0 and ".html or .pdf" in result.stderr
    result = run("export", str(case_file), "-o", str(tmp_path / "x.png"), "--scale", "0")
    assert result.returncode == 2 and "--scale" in result.stderr and not (tmp_path / "x.png").exists()
