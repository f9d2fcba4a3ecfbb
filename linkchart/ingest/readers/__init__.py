"""The built-in readers; importing this package registers them.

Order matters for sniffing files whose extension no reader claims: the specific
formats come first and plain text, which accepts any text, comes last.
"""

from linkchart.ingest.readers import docx, eml, html, pdf, plain  # noqa: I001  (registration order)

__all__ = ["docx", "eml", "html", "pdf", "plain"]
