"""Hostile and broken files through the real entry point: a clear message, bounded time, nothing touched.

Each file is handed to ``linkchart import FILE --into CASE``; the verb must say
what is wrong in one line, exit with status 2 (nothing imported) and leave the
case file byte for byte as it was. No file may make the program read another
local file or reach the network (the suite runs with sockets blocked).
"""

from __future__ import annotations

import contextlib
import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from linkchart.cli import main

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cases" / "iran-proxies.lcase"
SECRET = "TOP-SECRET-LOCAL-FILE-CONTENT"

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def _xxe(secret_path: Path) -> str:
    return f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret_path}"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>'


def graphml(doctype: str, label: str) -> str:
    return (
        f'<?xml version="1.0"?>{doctype}<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="label" for="node" attr.name="label" attr.type="string"/>'
        f'<graph edgedefault="directed"><node id="a"><data key="label">{label}</data></node></graph></graphml>'
    )


def gexf(doctype: str, label: str) -> str:
    return (
        f'<?xml version="1.0"?>{doctype}<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">'
        f'<nodes><node id="a" label="{label}"/></nodes><edges/></graph></gexf>'
    )


def anx(doctype: str, label: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<Chart IdReferenceLinking="false"><ChartItemCollection>'
        f'<ChartItem Label="{label}"><End X="0" Y="0"><Entity EntityId="a" Identity="a"><Icon><IconStyle Type="Person"/></Icon>'
        '</Entity></End></ChartItem></ChartItemCollection></Chart>'
    )


def html(doctype: str, label: str) -> str:
    return f"{doctype}<html><head><title>{label}</title></head><body><article><p>{label} report body text.</p></article></body></html>"


def mtgx(doctype: str, label: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("Graphs/Graph1.graphml", graphml(doctype, label))
    return buf.getvalue()


XML_FORMATS = {"graphml": graphml, "gexf": gexf, "anx": anx, "mtgx": mtgx, "html": html}


def _import(path: Path, into: Path) -> tuple[int, str, str, float]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["import", str(path), "--into", str(into)])
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


@pytest.fixture
def case_file(tmp_path) -> Path:
    path = tmp_path / "case.lcase"
    shutil.copy(SAMPLE, path)
    return path


@pytest.mark.parametrize("fmt", list(XML_FORMATS))
@pytest.mark.parametrize("attack", ["external entity", "billion laughs"])
def test_xml_attacks_are_refused_without_reading_or_fetching(tmp_path, case_file, fmt, attack):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    doctype, label = (_xxe(secret), "&xxe;&web;") if attack == "external entity" else (LAUGHS, "&lol9;")
    payload = XML_FORMATS[fmt](doctype, label)
    target = tmp_path / f"hostile.{fmt}"
    target.write_bytes(payload if isinstance(payload, bytes) else payload.encode("utf-8"))
    before = case_file.read_bytes()
    code, out, err, seconds = _import(target, case_file)
    assert seconds < 10
    assert SECRET not in out + err and "lol" * 50 not in out + err
    if code == 0:
        # The HTML reader may import the page as text, but never with the entity expanded.
        from linkchart.io import load_case

        texts = " ".join(a.text for a in load_case(case_file).articles.values())
        assert SECRET not in texts and "lollollol" not in texts
    else:
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
        assert case_file.read_bytes() == before


def test_a_200_mb_text_file_is_refused_quickly(tmp_path, case_file):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk, reads as NULs
    before = case_file.read_bytes()
    code, out, err, seconds = _import(big, case_file)
    assert code == 2 and "huge.txt" in out + err and seconds < 10
    assert err.count("\n") == 1
    assert case_file.read_bytes() == before


@pytest.mark.parametrize(
    "name,payload,reason",
    [
        ("binary.txt", bytes(range(256)) * 64, "binary|not text"),
        ("scan.pdf", None, "no text layer"),
        ("garbage.pdf", b"%PDF-1.4\n this is not really a pdf \x00\x01", "pdf|PDF|damaged|read"),
        ("broken.docx", b"PK\x03\x04 not a zip at all", "docx|DOCX|damaged|zip|read"),
    ],
)
def test_unreadable_documents_name_the_file_and_the_reason(tmp_path, case_file, name, payload, reason):
    import re

    path = tmp_path / name
    if payload is None:
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path))
        pdf.rect(100, 100, 200, 200, fill=1)  # a drawing, no text
        pdf.showPage()
        pdf.save()
    else:
        path.write_bytes(payload)
    before = case_file.read_bytes()
    code, out, err, seconds = _import(path, case_file)
    # Each failed file is listed with its reason; the verb closes with one line on stderr.
    assert code == 2 and name in out + err and re.search(reason, out + err), out + err
    assert err.count("\n") == 1 and seconds < 10
    assert case_file.read_bytes() == before


def test_invalid_utf8_is_read_as_text_not_a_crash(tmp_path, case_file):
    path = tmp_path / "latin.txt"
    # cp1252 bytes such as 0xe9 and 0x96 are invalid UTF-8: the reader must detect, not assume.
    path.write_bytes("Caf\xe9 in Bagdad \u2013 r\xe9sum\xe9 of the attack on the caf\xe9.".encode("cp1252"))
    code, out, err, _ = _import(path, case_file)
    assert code in (0, 2) and "Traceback" not in err
    if code == 0:
        from linkchart.io import load_case

        texts = [a.text for a in load_case(case_file).articles.values()]
        assert any("Café in Bagdad" in t for t in texts)


@pytest.mark.parametrize("attack", ["external entity", "billion laughs"])
def test_docx_with_hostile_xml_neither_expands_nor_reads_files(tmp_path, case_file, attack):
    import docx

    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    base = tmp_path / "base.docx"
    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(base)
    doctype, body = (_xxe(secret), "&xxe;") if attack == "external entity" else (LAUGHS, "&lol9;")
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>Report {body} end</w:t></w:r></w:p></w:body></w:document>"
    )
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(hostile, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, xml if info.filename == "word/document.xml" else src.read(info.filename))
    before = case_file.read_bytes()
    code, out, err, seconds = _import(hostile, case_file)
    assert seconds < 10 and "Traceback" not in err
    assert SECRET not in out + err and "lollollol" not in out + err
    if code == 0:
        from linkchart.io import load_case

        texts = " ".join(a.text for a in load_case(case_file).articles.values())
        assert SECRET not in texts and "lollollol" not in texts
    else:
        assert code == 2 and case_file.read_bytes() == before
