"""HTML pages: the article's main text and its metadata, with nothing fetched.

lxml parses with ``no_network`` and never loads a DTD or entity; images, frames
and links are dropped as elements, never resolved. The main text is found the
readability way: the container holding most paragraph text, widened to its
``<article>`` when there is one. Scripts, styles, navigation, headers, footers,
asides, forms, comments and elements whose class says they are chrome
(share bars, related links, cookie banners) are removed first.
"""

from __future__ import annotations

import codecs
import json
import re
from typing import Any

from linkchart.ingest.errors import IngestError
from linkchart.ingest.registry import ReadResult, reader
from linkchart.ingest.text import NotTextError, decode_text, detect_encoding, iso_date, normalise_text

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
    "canvas", "button", "select", "input", "textarea", "img", "picture", "video", "audio", "source", "track", "map",
    "link", "meta",
)  # fmt: skip
# Page chrome, dropped unless it holds most of the page (some sites wrap everything in one <form>).
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "figure", "dialog", "menu")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"}
_CHROME = re.compile(
    r"(?:^|[\s_-])(?:comments?|share|sharing|social|related|promo|advert|ads?|advertisement|sponsor(?:ed)?|sidebar|footer|"
    r"header|masthead|nav|navbar|menu|cookies?|consent|subscribe|subscription|newsletter|breadcrumbs?|popup|modal|signup|"
    r"login|widget|outbrain|taboola|pagination|recirc|most-read|trending|skip-link|visually-hidden|sr-only)(?:$|[\s_-])",
    re.I,
)
_KEEP_ALWAYS = {"html", "body", "main", "article"}
_BLOCKS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
    "table", "tr", "dl", "dt", "dd", "address", "hr", "figcaption", "caption", "summary", "details", "center", "body",
    "tbody", "thead", "tfoot",
}  # fmt: skip
_CELLS = {"td", "th"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_MAX_JSON_LD = 1_000_000

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "citation_author")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dc.date", "date", "citation_publication_date", "article.published",
)  # fmt: skip
_PUBLISHER_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher", "citation_publisher")


def looks_like_html(head: bytes) -> bool:
    start = head.lstrip()[:512].lower()
    return start.startswith((b"<!doctype html", b"<html")) or (b"<html" in start and b"<body" in head.lower())


@reader("web page", "html", "htm", "xhtml", sniff=looks_like_html)
def read_html(data: bytes, name: str) -> ReadResult:
    try:
        markup = _decode_html(data)
    except NotTextError as exc:
        raise IngestError(name, str(exc)) from None
    return html_to_result(markup, name)


def html_to_result(markup: str, name: str = "") -> ReadResult:
    """Read an HTML document given as text (also used for e-mail bodies)."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, collect_ids=False, default_doctype=False
    )
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        raise IngestError(name, "the page is empty")
    try:
        doc = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(name, f"not a readable HTML page ({exc})") from None
    meta = _meta_values(doc)
    ld = _json_ld(doc)
    author = _clean_author(_first(meta, _AUTHOR_KEYS) or ld.get("author", "") or _byline(doc))
    date = _first(meta, _DATE_KEYS) or ld.get("datePublished", "") or _time_element(doc)
    publisher = _first(meta, _PUBLISHER_KEYS) or ld.get("publisher", "")
    title = (
        _first(meta, _TITLE_KEYS)
        or ld.get("headline", "")
        or _without_site(_text_of_first(doc, "//title"), publisher)
        or _text_of_first(doc, "//h1")
    )
    _strip_chrome(doc)
    body = normalise_text(_block_text(_main_container(doc)))
    if not body:
        raise IngestError(name, "the page holds no readable text")
    title = " ".join(title.split())
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    return ReadResult(
        text=text, title=title, author=author, date=iso_date(date), publisher=" ".join(publisher.split()), format="html"
    )


def _decode_html(data: bytes) -> str:
    for bom, _ in ((codecs.BOM_UTF8, ""), (codecs.BOM_UTF16_LE, ""), (codecs.BOM_UTF16_BE, "")):
        if data.startswith(bom):
            return decode_text(data)[0]
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(detect_encoding(data), errors="replace")


# --------------------------------------------------------------------- metadata
def _meta_values(doc: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in doc.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    for el in doc.xpath("//*[@itemprop='datePublished' or @itemprop='author' or @itemprop='headline']"):
        value = el.get("content") or el.get("datetime") or el.text_content()
        found.setdefault(el.get("itemprop").lower(), " ".join(value.split()))
    return found


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str:
    for key in keys:
        value = values.get(key, "")
        if value and not value.startswith(("http://", "https://", "@")):
            return value
    return ""


def _json_ld(doc: Any) -> dict[str, str]:
    """headline, author, datePublished and publisher from the page's schema.org JSON-LD, if any."""
    out: dict[str, str] = {}
    for script in doc.xpath("//script[@type='application/ld+json']"):
        raw = script.text or ""
        if len(raw) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        for item in _ld_items(data):
            for key in ("headline", "datePublished"):
                if isinstance(item.get(key), str):
                    out.setdefault(key, item[key])
            for key in ("author", "publisher"):
                name = _ld_name(item.get(key))
                if name:
                    out.setdefault(key, name)
    return out


def _ld_items(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [i for d in data for i in _ld_items(d)]
    if isinstance(data, dict):
        return [data, *_ld_items(data.get("@graph", []))]
    return []


def _ld_name(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return str(value.get("name", ""))
    if isinstance(value, list):
        return ", ".join(n for n in (_ld_name(v) for v in value) if n)
    return ""


def _byline(doc: Any) -> str:
    hits = doc.xpath("//*[@rel='author'] | //*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]")
    return " ".join(hits[0].text_content().split()) if hits else ""


def _clean_author(value: str) -> str:
    value = " ".join(value.split())
    return re.sub(r"^by\s+", "", value, flags=re.I)[:200]


def _time_element(doc: Any) -> str:
    for el in doc.xpath("//time[@pubdate] | //article//time[@datetime] | //time[@datetime]"):
        value = el.get("datetime") or el.text_content()
        if value.strip():
            return value.strip()
    return ""


def _without_site(title: str, publisher: str) -> str:
    """ "Headline | Site" -> "Headline"; "Headline - Publisher" loses the publisher."""
    if publisher and title.lower().endswith(publisher.lower()):
        stripped = title[: -len(publisher)].rstrip(" |-–—:·")
        if stripped:
            return stripped
    head, sep, _ = title.partition(" | ")
    return head if sep and len(head) >= 15 else title


def _text_of_first(doc: Any, path: str) -> str:
    hits = doc.xpath(path)
    return " ".join(hits[0].text_content().split()) if hits else ""


# ----------------------------------------------------------------- main text
def _strip_chrome(doc: Any) -> None:
    for el in [e for e in doc.iter() if not isinstance(e.tag, str) or e.tag in _DROP_TAGS]:
        el.drop_tree()  # (a non-string tag is a comment or processing instruction the parser kept)
    total = len(doc.text_content())
    doomed = []
    for el in doc.iter():
        if el.tag in _KEEP_ALWAYS or not (el.tag in _CHROME_TAGS or _is_chrome(el)):
            continue
        # Chrome that holds half the page is the page: a class that merely sounds like chrome must not take the article.
        if len(el.text_content()) < total / 2:
            doomed.append(el)
    for el in doomed:
        el.drop_tree()


def _is_chrome(el: Any) -> bool:
    if (el.get("role") or "").lower() in _DROP_ROLES or el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").lower() == "true":
        return True
    if re.search(r"display\s*:\s*none", el.get("style") or "", re.I):
        return True
    return bool(_CHROME.search(f"{el.get('class') or ''} {el.get('id') or ''}"))


def _main_container(doc: Any) -> Any:
    body_hits = doc.xpath("//*[@itemprop='articleBody']")
    if body_hits:
        return body_hits[0]
    scores: dict[Any, float] = {}
    for p in doc.iter("p", "pre", "blockquote"):
        length = len(" ".join(p.text_content().split()))
        if length < 25:
            continue
        parent = p.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0) + length + 10 * p.text_content().count(",")
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0) + length / 2
    body = doc.find("body")
    if not scores:
        return body if body is not None else doc
    best = max(scores, key=scores.get)
    best_len = len(best.text_content())
    for ancestor in best.iterancestors("article", "main"):
        if len(ancestor.text_content()) < 3 * best_len:
            return ancestor
        break
    return best


def _block_text(root: Any) -> str:
    parts: list[str] = []

    def walk(el: Any, keep_space: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCKS
        pre = keep_space or tag == "pre"
        if block:
            parts.append("\n\n" if tag not in ("li", "tr", "dt", "dd") else "\n")
        if tag == "br":
            parts.append("\n")
        if tag in _CELLS:
            parts.append("\t")
        if el.text:
            parts.append(el.text if pre else _flat(el.text))
        for child in el:
            walk(child, pre)
            if child.tail:
                parts.append(child.tail if pre else _flat(child.tail))
        if block:
            parts.append("\n\n" if tag not in ("li", "tr", "dt", "dd") else "\n")

    walk(root, False)
    text = "".join(parts)
    text = re.sub(r"[ \f\v\r]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n\t+", "\n", text)
    return re.sub(r"\t+", "\t", text)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)
