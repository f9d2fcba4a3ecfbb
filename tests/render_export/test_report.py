"""The briefing report: one self-contained HTML file and a PDF with the same content."""

from __future__ import annotations

import base64
import re
from html import escape

import pypdf
from PySide6.QtGui import QImage

from linkchart.render.report import ReportOptions, report_html, write_report
from linkchart.render.sheet import Scope


def quotes_of(case) -> list[str]:
    return [c.quote for _, c in case.iter_citations()]


def test_html_report_is_self_contained_and_quotes_everything_verbatim(qapp, case, scene, tmp_path):
    path = write_report(case, tmp_path / "brief.html", ReportOptions(generated="2024-05-01 10:00"), scene)
    html = path.read_text(encoding="utf-8")
    assert "http:" not in html and "https:" not in html and "://" not in html  # no link out of the file
    assert re.findall(r'src="(?!data:)', html) == [] and "<link" not in html and "@import" not in html and "url(" not in html
    assert "<script" not in html.lower() and "<b>warned</b>" not in html  # case text is escaped, never markup
    for quote in quotes_of(case):
        assert escape(quote, quote=False) in html or escape(quote) in html
    for entity in case.entities.values():
        assert escape(entity.label) in html
    assert "BROKEN CITATION" in html and html.count("BROKEN CITATION") == 1
    assert "Unsourced" in html  # Iran and Qassem Soleimani cite nothing
    assert "B2 (Usually reliable / Probably true)" in html
    # The footnote numbers point at the numbered source list; the picture is an embedded PNG.
    assert 'id="source-1"' in html and 'id="source-2"' in html and "Wire &amp; Co" in html
    (data,) = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    image = QImage.fromData(base64.b64decode(data), "PNG")
    assert image.width() > 300 and image.height() > 200


def test_report_limited_to_a_selection(qapp, case, scene):
    ids = [e.id for e in case.entities.values() if e.label in ("Iran", "Qassem Soleimani")]
    html = report_html(case, ReportOptions(scope=Scope.selection(ids), chart=False, generated="x"), scene)
    assert "Entities (2)" in html and "Links (1)" in html and "Hezbollah" not in html
    assert "data:image" not in html


def test_pdf_report_has_the_chart_page_then_the_text(qapp, case, tmp_path):
    path = write_report(case, tmp_path / "brief.pdf", ReportOptions(generated="2024-05-01 10:00"))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    pages = pypdf.PdfReader(path).pages
    assert len(pages) >= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in pages[1:])
    assert "Qassem Soleimani commanded the Quds Force" in text and "BROKEN CITATION" in text
    assert "Sources (2)" in text and "Heightened threat" in text
    chart_page = " ".join(pages[0].extract_text().split())
    assert "Hezbollah" in chart_page and "Iran's proxies" in chart_page
