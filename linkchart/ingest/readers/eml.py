"""E-mail (.eml): Subject as title, From as author, Date as date; the text body, else the HTML one.

Parsed by the standard library with ``policy.default``. Attachments are ignored;
an HTML-only message goes through the HTML reader (nothing fetched).
"""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.message import EmailMessage

from linkchart.ingest.errors import IngestError
from linkchart.ingest.readers.html import html_to_result
from linkchart.ingest.registry import ReadResult, reader
from linkchart.ingest.text import iso_date, normalise_text

_HEADER_LINE = re.compile(
    rb"^(from|to|subject|date|received|return-path|mime-version|message-id|delivered-to|cc|reply-to):", re.I | re.M
)


def looks_like_email(head: bytes) -> bool:
    block = head.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return len({m.group(1).lower() for m in _HEADER_LINE.finditer(block)}) >= 2


@reader("e-mail", "eml", sniff=looks_like_email)
def read_eml(data: bytes, name: str) -> ReadResult:
    msg = message_from_bytes(data, policy=policy.default)
    if not isinstance(msg, EmailMessage) or not any(msg.get(h) for h in ("From", "Subject", "Date", "To")):
        raise IngestError(name, "not an e-mail message (it has no From, To, Subject or Date header)")
    subject = " ".join(str(msg.get("Subject", "")).split())
    body = _body_text(msg, name)
    if not body:
        raise IngestError(name, "the message has no text body")
    text = body if not subject or body.startswith(subject) else f"{subject}\n\n{body}"
    return ReadResult(
        text=text,
        title=subject,
        author=_sender(msg),
        date=iso_date(str(msg.get("Date", ""))),
        publisher=" ".join(str(msg.get("Organization", "")).split()),
        format="e-mail",
    )


def _body_text(msg: EmailMessage, name: str) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is not None:
        return normalise_text(_content(part))
    part = msg.get_body(preferencelist=("html",))
    if part is not None:
        return html_to_result(_content(part), name).text
    return ""


def _content(part: EmailMessage) -> str:
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        # An unknown or lying charset: keep the text readable rather than lose the message.
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")
    return content if isinstance(content, str) else content.decode("utf-8", errors="replace")


def _sender(msg: EmailMessage) -> str:
    header = msg.get("From")
    if header is None:
        return ""
    addresses = getattr(header, "addresses", ())
    if addresses:
        first = addresses[0]
        return first.display_name or first.addr_spec
    return " ".join(str(header).split())
