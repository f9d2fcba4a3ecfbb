"""Articles in, quotes out: file readers and offline suggestions. Pure Python, no Qt.

Reading::

    result = read_article("report.pdf")          # ReadResult: text + metadata + original bytes
    draft, report = import_files(["a.html", "folder/"], case)   # Draft of new articles; case.apply_draft(draft)

Suggesting (nothing enters the case until accepted)::

    found = suggest(article.text, case)          # Suggestions: entities with spans, links with quotes
    draft = accept(found, article, entities=[...], links=[...])
    case.apply_draft(draft)

Highlighting known names in a reader::

    finder = MentionFinder(names_by_entity(case))
    spans = finder.find(article.text)            # [(start, end, entity_id), ...]

New formats register with :func:`reader` (see :mod:`linkchart.ingest.registry`).
"""

from linkchart.ingest.errors import IngestError
from linkchart.ingest.importer import MAX_FILE_BYTES, ArticleImportReport, collect_files, import_files, read_article, read_bytes
from linkchart.ingest.mentions import MentionFinder, find_mentions, names_by_entity
from linkchart.ingest.registry import ReaderSpec, ReadResult, reader, readers, supported_extensions
from linkchart.ingest.suggest import KnownEntities, SuggestedEntity, SuggestedLink, Suggestions, accept, guess_type, suggest

__all__ = [
    "MAX_FILE_BYTES",
    "ArticleImportReport",
    "IngestError",
    "KnownEntities",
    "MentionFinder",
    "ReadResult",
    "ReaderSpec",
    "SuggestedEntity",
    "SuggestedLink",
    "Suggestions",
    "accept",
    "collect_files",
    "find_mentions",
    "guess_type",
    "import_files",
    "names_by_entity",
    "read_article",
    "read_bytes",
    "reader",
    "readers",
    "suggest",
    "supported_extensions",
]
