"""Each reader on a real file of its format: text, metadata, original bytes, and clear refusals."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.ingest import IngestError, read_article, read_bytes, supported_extensions


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cp1252.txt", "The “café” owner said: ‘résumé’ — naïve Zoë.\nSecond line, with é and €."),
        ("latin1.txt", "Le député a parlé à l'été, déjà."),
        ("utf16.txt", "Das Gespräch über Öl — UTF-16.\nZweite Zeile."),
        ("utf8bom.txt", "Mit BOM: Grüße aus Köln."),
    ],
)
def test_text_files_decode_whatever_their_encoding(files, name, expected):
    result = read_article(files[name])
    assert result.text == expected
    assert "\r" not in result.text and not result.text.startswith("\ufeff")
    assert result.original == files[name].read_bytes()
    assert result.origin == name and result.original_name == name


def test_text_title_is_the_first_short_line(files):
    assert read_article(files["notes.md"]).title == "Field notes"
    assert read_article(files["cp1252.txt"]).title.startswith("The “café” owner")


def test_a_binary_file_named_txt_is_refused_with_a_reason(files):
    with pytest.raises(IngestError) as err:
        read_article(files["binary.txt"])
    assert err.value.name == "binary.txt"
    assert "binary" in err.value.reason
    assert str(err.value).startswith("binary.txt: ")


def test_empty_and_missing_files_are_refused(files, tmp_path):
    with pytest.raises(IngestError, match="empty"):
        read_article(files["empty.txt"])
    with pytest.raises(IngestError, match="no such file"):
        read_article(tmp_path / "missing.txt")
    with pytest.raises(IngestError, match="folder"):
        read_article(tmp_path)


def test_html_keeps_the_article_and_drops_the_chrome(files, chrome_markers):
    result = read_article(files["page.html"])
    assert "Tehran-backed Kataib Hezbollah group fired rockets" in result.text
    assert "Defense Secretary Mark Esper said the United States would respond." in result.text
    assert "Casualties\t1" in result.text
    for marker in chrome_markers:
        assert marker not in result.text
    assert "203.0.113.9" not in result.text


def test_html_metadata_comes_from_meta_tags(files):
    result = read_article(files["page.html"])
    assert result.title == "Kataib Hezbollah blamed for base strike"
    assert result.text.startswith("Kataib Hezbollah blamed for base strike\n\n")
    assert result.author == "Lois Lane"
    assert result.date == "2020-01-02"
    assert result.publisher == "Example News"


def test_html_metadata_falls_back_to_json_ld_time_and_title_tag():
    page = b"""<html><head><title>Quiet headline about talks | The Site</title>
    <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-05-06T10:00:00+02:00",
    "author": [{"name": "A. Writer"}], "publisher": {"name": "The Site"}}]}</script></head>
    <body><p>Officials met in Doha, where talks between the two sides resumed after a long pause in contacts.</p></body></html>"""
    result = read_bytes(page, "x.html")
    assert (result.title, result.author, result.date, result.publisher) == (
        "Quiet headline about talks",
        "A. Writer",
        "2021-05-06",
        "The Site",
    )


def test_html_date_from_a_time_element_and_encoding_from_meta():
    page = '<html><head><meta charset="windows-1252"></head><body><article><time datetime="2019-12-29">Dec 29</time><p>Caf\xe9 talks in Doha went on for a long while, officials said.</p></article></body></html>'
    result = read_bytes(page.encode("cp1252"), "x.htm")
    assert result.date == "2019-12-29"
    assert "Café talks in Doha" in result.text


def test_html_never_loads_external_entities_or_dtds(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT")
    page = f"""<!DOCTYPE html SYSTEM "file://{tmp_path}/evil.dtd" [<!ENTITY leak SYSTEM "file://{secret}">]>
    <html><body><p>Before &leak; after: a paragraph long enough to be the main text of the page.</p></body></html>"""
    result = read_bytes(page.encode(), "evil.html")
    assert "SECRET-FILE-CONTENT" not in result.text
    assert "Before" in result.text


def test_pdf_reads_both_pages_and_its_metadata(files):
    result = read_article(files["two_pages.pdf"])
    assert "Page one: Iranian-backed Houthi rebels claimed the attack." in result.text
    assert "Page two: Qassem Soleimani, the leader of the Quds Force, was killed." in result.text
    assert result.text.index("Page one") < result.text.index("Page two")
    assert (result.title, result.author) == ("Proxy report", "Analyst One")
    assert len(result.date) == 10 and result.date[4] == "-"


def test_pdf_without_a_text_layer_says_so(files):
    with pytest.raises(IngestError, match=r"no text layer \(scanned\?\)"):
        read_article(files["scanned.pdf"])


def test_a_damaged_pdf_is_refused_not_crashed_on(files):
    with pytest.raises(IngestError) as err:
        read_article(files["broken.pdf"])
    assert err.value.name == "broken.pdf"


def test_docx_reads_paragraphs_and_table_cells_in_order(files):
    result = read_article(files["report.docx"])
    text = result.text
    assert text.index("First paragraph before the table.") < text.index("Name\tRole\tGroup") < text.index("Closing paragraph")
    assert "Esmail Qaani\tcommander\tQuds Force" in text
    assert (result.title, result.author) == ("Network memo", "Desk Officer")


def test_a_file_named_docx_that_is_not_one_is_refused():
    with pytest.raises(IngestError, match="not a Word document"):
        read_bytes(b"just some words", "fake.docx")


def test_eml_prefers_the_plain_part_and_ignores_attachments(files):
    result = read_article(files["mail.eml"])
    assert result.title == "Threat update: Kataib Hezbollah"
    assert result.author == "Jane Analyst"
    assert result.date == "2020-01-02"
    assert "Plain part: Kataib Hezbollah, backed by Iran, struck again." in result.text
    assert "HTML part" not in result.text and "ATTACHMENT" not in result.text


def test_eml_with_only_html_goes_through_the_html_reader(files):
    result = read_article(files["html_only.eml"])
    assert "HTML part: Kataib Hezbollah, backed by Iran, struck again." in result.text
    assert "x()" not in result.text


def test_readers_are_found_by_sniffing_when_the_extension_says_nothing(files):
    assert "Page one" in read_bytes(files["two_pages.pdf"].read_bytes(), "download").text
    assert "Kataib Hezbollah blamed" in read_bytes(files["page.html"].read_bytes(), "saved_page").text
    assert "Plain part" in read_bytes(files["mail.eml"].read_bytes(), "message").text
    assert "First paragraph" in read_bytes(files["report.docx"].read_bytes(), "memo.bin").text
    with pytest.raises(IngestError, match="not a format LinkChart reads"):
        read_bytes(files["binary.txt"].read_bytes(), "image.png")


def test_every_promised_extension_has_a_reader():
    assert {"txt", "md", "html", "htm", "pdf", "docx", "eml"} <= set(supported_extensions())


def test_to_article_keeps_text_metadata_and_original(files):
    result = read_article(files["two_pages.pdf"])
    article = result.to_article()
    assert article.text == result.text and article.sha256 == result.sha256
    assert article.original == files["two_pages.pdf"].read_bytes()
    assert (article.title, article.author, article.origin, article.original_name) == (
        "Proxy report",
        "Analyst One",
        "two_pages.pdf",
        "two_pages.pdf",
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ext=st.sampled_from(["txt", "md", "html", "pdf", "docx", "eml", "bin"]),
    data=st.one_of(
        st.binary(min_size=1, max_size=400),
        st.sampled_from(
            [b"%PDF-1.7\n1 0 obj<<>>\n", b"PK\x03\x04word/garbage", b"From: a\nSubject: b\n\n", b"<html><p>"]
        ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
    ),
)
def test_garbage_is_refused_with_ingest_error_never_a_crash(ext, data):
    try:
        result = read_bytes(data, f"fuzz.{ext}")
    except IngestError as exc:
        assert exc.name == f"fuzz.{ext}" and exc.reason
    else:
        assert isinstance(result.text, str) and result.text.strip() and result.original == data
