"""Real files of every article format, made once per session with the libraries that write them."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent / "seeds"

CP1252_TEXT = "The “café” owner said: ‘résumé’ — naïve Zoë.\r\nSecond line, with é and €.\r\n"
HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Militia strike | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Kataib Hezbollah blamed for base strike">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2020-01-02T08:30:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-01", "author": {"name": "JSON Author"}}</script>
<script>var tracking = "SCRIPT-TEXT";</script>
<style>.x { color: red } STYLE-TEXT</style>
<link rel="stylesheet" href="http://203.0.113.9/style.css">
</head><body>
<nav><a href="/">Home</a> NAV-TEXT</nav>
<header class="site-header">HEADER-TEXT</header>
<div class="content">
<article>
<h1>Kataib Hezbollah blamed for base strike</h1>
<p class="byline">By Lois Lane</p>
<p>BAGHDAD — U.S. officials said the Tehran-backed Kataib Hezbollah group fired rockets at a base near Kirkuk, killing a contractor.</p>
<!-- COMMENT-TEXT -->
<p>Defense Secretary Mark Esper said the United States would respond. <img src="http://203.0.113.9/photo.jpg" alt="IMG-ALT"></p>
<iframe src="http://203.0.113.9/embed">IFRAME-TEXT</iframe>
<div class="share-buttons">SHARE-TEXT</div>
<table><tr><td>Casualties</td><td>1</td></tr></table>
</article>
</div>
<aside>ASIDE-TEXT</aside>
<form action="http://203.0.113.9/subscribe">FORM-TEXT<input name="email"></form>
<footer>FOOTER-TEXT</footer>
</body></html>
"""
CHROME_MARKERS = [
    "SCRIPT-TEXT",
    "STYLE-TEXT",
    "NAV-TEXT",
    "HEADER-TEXT",
    "COMMENT-TEXT",
    "IMG-ALT",
    "IFRAME-TEXT",
    "SHARE-TEXT",
    "ASIDE-TEXT",
    "FORM-TEXT",
    "FOOTER-TEXT",
]


@pytest.fixture(scope="session")
def chrome_markers() -> list[str]:
    """Texts planted in page.html's scripts, navigation, comments, frames, forms and footer."""
    return list(CHROME_MARKERS)


@pytest.fixture(scope="session")
def files(tmp_path_factory) -> dict[str, Path]:
    """One real file per format and edge case, by short name."""
    folder = tmp_path_factory.mktemp("ingest_files")
    out: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        path = folder / name
        path.write_bytes(data)
        out[name] = path

    put("cp1252.txt", CP1252_TEXT.encode("cp1252"))
    put("latin1.txt", "Le député a parlé à l'été, déjà.\n".encode("latin-1"))
    put("utf16.txt", "Das Gespräch über Öl — UTF-16.\r\nZweite Zeile.".encode("utf-16"))  # with BOM
    put("utf8bom.txt", "\ufeffMit BOM: Grüße aus Köln.\n".encode())
    put("notes.md", b"# Field notes\n\nThe *Quds Force* met in Damascus.\n")
    put("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    put("empty.txt", b"")
    put("page.html", HTML_PAGE.encode("utf-8"))
    put("two_pages.pdf", _pdf_with_text())
    put("scanned.pdf", _pdf_without_text())
    put("broken.pdf", b"%PDF-1.4\nthis is not really a pdf\n%%EOF")
    put("report.docx", _docx_with_table())
    put("mail.eml", _email(with_plain=True))
    put("html_only.eml", _email(with_plain=False))
    for seed in sorted(SEEDS.glob("*.txt")):
        put(seed.name, seed.read_bytes())
    return out


def _pdf_with_text() -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle("Proxy report")
    c.setAuthor("Analyst One")
    c.drawString(72, 760, "Page one: Iranian-backed Houthi rebels claimed the attack.")
    c.showPage()
    c.drawString(72, 760, "Page two: Qassem Soleimani, the leader of the Quds Force, was killed.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_without_text() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 600, 300, 100, fill=1)  # drawn shapes only: what a scan looks like to a text extractor
    c.circle(200, 400, 50)
    c.showPage()
    c.save()
    return buf.getvalue()


def _docx_with_table() -> bytes:
    import io

    import docx

    document = docx.Document()
    document.core_properties.title = "Network memo"
    document.core_properties.author = "Desk Officer"
    document.add_heading("Network memo", level=1)
    document.add_paragraph("First paragraph before the table.")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["Name", "Role", "Group"], ["Esmail Qaani", "commander", "Quds Force"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Closing paragraph after the table.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _email(with_plain: bool) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "Threat update: Kataib Hezbollah"
    msg["From"] = "Jane Analyst <jane@example.org>"
    msg["To"] = "desk@example.org"
    msg["Date"] = "Thu, 02 Jan 2020 10:15:00 +0000"
    html = (
        "<html><body><p>HTML part: Kataib Hezbollah, backed by Iran, <b>struck</b> again.</p><script>x()</script></body></html>"
    )
    if with_plain:
        msg.set_content("Plain part: Kataib Hezbollah, backed by Iran, struck again.\n")
        msg.add_alternative(html, subtype="html")
        msg.add_attachment(b"ATTACHMENT-BYTES", maintype="application", subtype="octet-stream", filename="data.bin")
    else:
        msg.set_content(html, subtype="html")
    return msg.as_bytes()
