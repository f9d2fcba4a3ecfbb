"""The briefing report's text as HTML: every entity and link with its facts and verbatim quotes, sources at the end.

No Qt here: :mod:`linkchart.render.report` adds the chart picture and writes
the self-contained HTML file or the PDF. The body uses only tags that both
browsers and QTextDocument understand (h1-h3, p, div, table, blockquote, span,
sup, a), so one builder serves both outputs. Every piece of case text passes
through :func:`html.escape`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape

from linkchart import __version__
from linkchart.model import Article, Case, Citation, Entity, Link, grading_scales

DOT = " \u00b7 "
ARROWS = {"forward": "\u2192", "both": "\u2194", "none": "\u2014"}

HTML_CSS = """
body { font-family: "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #1d2127; margin: 2em auto; max-width: 60em;
       padding: 0 1.5em; line-height: 1.45; font-size: 11pt; }
h1 { font-size: 20pt; margin: 0 0 .2em; } h2 { font-size: 15pt; margin-top: 1.8em; border-bottom: 1px solid #d5d8dc; }
h3 { font-size: 12pt; margin: 1.3em 0 .3em; } .kind { color: #5f6670; font-weight: normal; font-size: 10pt; }
.meta, .muted { color: #5f6670; } .banner { text-align: center; font-weight: bold; letter-spacing: .08em; color: #a1261d; }
.chart img { max-width: 100%; height: auto; border: 1px solid #d5d8dc; }
table.facts td { padding: 1px 12px 1px 0; vertical-align: top; } table.facts td.key { color: #5f6670; }
blockquote { margin: .4em 0 .1em 0; padding: .2em .8em; border-left: 3px solid #1a73e8; background: #f4f6f8; }
.cite { margin: 0 0 .6em 0; color: #5f6670; font-size: 9.5pt; }
.broken { color: #a1261d; font-weight: bold; } blockquote.broken-quote { border-left-color: #a1261d; background: #fbeceb; }
.unsourced { color: #9a6a00; } .sources p { margin: .25em 0; } sup a { text-decoration: none; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } }
"""

# QTextDocument knows a small part of CSS: sizes in px become points on the PDF page.
PDF_CSS = """
h1 { font-size: 20px; } h2 { font-size: 15px; } h3 { font-size: 12px; }
.kind, .meta, .muted, .cite { color: #5f6670; } .banner { color: #a1261d; font-weight: bold; }
blockquote { background-color: #f4f6f8; } .broken { color: #a1261d; font-weight: bold; }
.unsourced { color: #9a6a00; } td.key { color: #5f6670; }
"""


@dataclass
class ReportInput:
    """What to report: the case, which items (None = all), the header lines."""

    case: Case
    entity_ids: Iterable[str] | None = None
    link_ids: Iterable[str] | None = None
    title: str = ""
    generated: str = ""  # e.g. "2024-05-01 14:03"; printed in the header
    entities: list[Entity] = field(init=False, default_factory=list)
    links: list[Link] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        case = self.case
        wanted = set(self.entity_ids) if self.entity_ids is not None else None
        self.entities = sorted((e for e in case.entities.values() if wanted is None or e.id in wanted), key=lambda e: e.label.casefold())
        kept = {e.id for e in self.entities}
        wanted_links = set(self.link_ids) if self.link_ids is not None else None
        links = [k for k in case.links.values() if k.source in kept and k.target in kept and (wanted_links is None or k.id in wanted_links)]
        labels = {e.id: e.label.casefold() for e in case.entities.values()}
        self.links = sorted(links, key=lambda k: (labels[k.source], case.link_label(k).casefold(), labels[k.target]))


class SourceList:
    """Numbers articles in the order the report first cites them (footnote style)."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def number(self, article_id: str) -> int:
        return self.numbers.setdefault(article_id, len(self.numbers) + 1)


def _grading_names() -> tuple[dict[str, str], dict[str, str]]:
    scales = grading_scales()
    return ({r["code"]: r["name"] for r in scales.get("source_reliability", [])},
            {c["code"]: c["name"] for c in scales.get("information_credibility", [])})


def report_body(data: ReportInput, chart_html: str = "") -> str:
    """The report's body: header, *chart_html* (already safe HTML, may be empty), entities, links, sources."""
    case = data.case
    meta = case.metadata
    title = data.title or meta.get("title", "") or "Untitled case"
    sources = SourceList()
    reliability, credibility = _grading_names()
    out: list[str] = []
    classification = meta.get("classification", "").strip()
    if classification:
        out.append(f'<p class="banner">{escape(classification)}</p>')
    out.append(f"<h1>{escape(title)}</h1>")
    facts = [escape(x) for x in (f"Analyst: {meta['analyst']}" if meta.get("analyst") else "",
                                 f"Generated {data.generated}" if data.generated else "", f"LinkChart {__version__}") if x]
    out.append(f'<p class="meta">{DOT.join(facts)}</p>')
    if meta.get("description"):
        out.append(f"<p>{_multiline(meta['description'])}</p>")
    out.append(chart_html)
    out.append(_summary(data))
    out.append(f"<h2>Entities ({len(data.entities)})</h2>")
    for entity in data.entities:
        out.append(_entity_html(case, entity, sources))
    out.append(f"<h2>Links ({len(data.links)})</h2>")
    for link in data.links:
        out.append(_link_html(case, link, sources, reliability, credibility))
    out.append(_sources_html(case, sources))
    if classification:
        out.append(f'<p class="banner">{escape(classification)}</p>')
    return "\n".join(part for part in out if part)


def _summary(data: ReportInput) -> str:
    case = data.case
    items: list[Entity | Link] = [*data.entities, *data.links]
    cites = [(item, c) for item in items for c in item.citations]
    broken = sum(1 for _, c in cites if not case.verify_citation(c))
    unsourced = sum(1 for item in items if not item.citations)
    parts = [f"{len(data.entities)} entities", f"{len(data.links)} links", f"{len(cites)} citations"]
    text = ", ".join(parts) + "."
    if broken:
        text += f' <span class="broken">{broken} broken citation{"s" if broken != 1 else ""}: marked below.</span>'
    if unsourced:
        text += f' <span class="unsourced">{unsourced} item{"s" if unsourced != 1 else ""} without any source.</span>'
    return f"<p>{text}</p>"


def _facts_table(rows: list[tuple[str, str]]) -> str:
    rows = [(k, v) for k, v in rows if v]
    if not rows:
        return ""
    cells = "".join(f'<tr><td class="key">{escape(k)}</td><td>{v}</td></tr>' for k, v in rows)
    return f'<table class="facts">{cells}</table>'


def _entity_html(case: Case, entity: Entity, sources: SourceList) -> str:
    etype = case.vocabulary.entity_type(entity.type)
    rows = [("Subtitle", escape(entity.subtitle)), ("Also known as", escape(", ".join(entity.aliases))), ("Date", escape(entity.date))]
    rows += [(str(k), escape(str(v))) for k, v in entity.attributes.items()]
    rows.append(("Notes", _multiline(entity.notes)))
    head = f'<h3 id="entity-{escape(entity.id)}">{escape(entity.label)} <span class="kind">{escape(etype.name)}</span></h3>'
    return head + _facts_table(rows) + _citations_html(case, entity.citations, sources)


def _link_html(case: Case, link: Link, sources: SourceList, reliability: dict[str, str], credibility: dict[str, str]) -> str:
    src, dst = case.entities[link.source].label, case.entities[link.target].label
    arrow = ARROWS.get(link.direction, "\u2192")
    label = case.link_label(link)
    kind = case.link_type(link).label
    kind_html = f' <span class="kind">{escape(kind)}</span>' if kind != label else ""  # a custom wording names its type too
    head = f'<h3 id="link-{escape(link.id)}">{escape(src)} {arrow} {escape(label)} {arrow} {escape(dst)}{kind_html}</h3>'
    grading = ""
    if link.grading:
        words = [reliability.get(link.reliability, ""), credibility.get(link.credibility, "")]
        grading = escape(link.grading) + (f" ({escape(' / '.join(w for w in words if w))})" if any(words) else "")
    direction = {"forward": "one way", "both": "both ways", "none": "undirected"}.get(link.direction, link.direction)
    rows = [("Strength", escape(link.strength.capitalize())), ("Direction", escape(direction)), ("Date", escape(link.date)), ("Grading", grading)]
    rows += [(str(k), escape(str(v))) for k, v in link.attributes.items()]
    rows.append(("Notes", _multiline(link.notes)))
    return head + _facts_table(rows) + _citations_html(case, link.citations, sources)


def _citations_html(case: Case, citations: list[Citation], sources: SourceList) -> str:
    if not citations:
        return '<p class="unsourced">Unsourced: no quote supports this item.</p>'
    out = []
    for cit in citations:
        article = case.articles.get(cit.article_id)
        ok = article is not None and cit.verify(article.text)
        number = sources.number(cit.article_id)
        mark = f'<sup><a href="#source-{number}">[{number}]</a></sup>'
        quote_class = "" if ok else ' class="broken-quote"'
        out.append(f"<blockquote{quote_class}>\u201c{_multiline(cit.quote)}\u201d {mark}</blockquote>")
        line = [_article_line(article)] if article is not None else []
        if cit.reliability or cit.credibility:
            line.append(f"graded {escape(cit.reliability + cit.credibility)}")
        if cit.comment:
            line.append(f"comment: {escape(cit.comment)}")
        if not ok:
            reason = "its article is missing from the case" if article is None else "the quote no longer matches the article's text"
            line.append(f'<span class="broken">\u26a0 BROKEN CITATION: {reason}</span>')
        out.append(f'<p class="cite">{DOT.join(line)}</p>')
    return "\n".join(out)


def _article_line(article: Article) -> str:
    parts = [f"<i>{escape(article.title or article.origin or 'Untitled article')}</i>"]
    parts += [escape(x) for x in (article.publisher, article.date) if x]
    return ", ".join(parts)


def _sources_html(case: Case, sources: SourceList) -> str:
    if not sources.numbers:
        return ""
    out = [f'<h2>Sources ({len(sources.numbers)})</h2>', '<div class="sources">']
    for article_id, number in sources.numbers.items():
        article = case.articles.get(article_id)
        if article is None:
            out.append(f'<p id="source-{number}">[{number}] <span class="broken">missing article ({escape(article_id)})</span></p>')
            continue
        parts = [_article_line(article)]
        if article.author:
            parts.append(f"by {escape(article.author)}")
        if article.origin and article.origin != article.title:
            parts.append(escape(article.origin))
        parts.append(f'<span class="muted">sha256 {escape(article.sha256[:12])}</span>')
        out.append(f'<p id="source-{number}">[{number}] {", ".join(parts)}</p>')
    out.append("</div>")
    return "\n".join(out)


def _multiline(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def html_document(title: str, body: str, css: str = HTML_CSS) -> str:
    """A complete, self-contained HTML page around *body* (no external reference of any kind)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta name=\"generator\" content=\"LinkChart {escape(__version__)}\">\n"
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
