"""MIME reader: web archives (.mht/.mhtml, as Chrome, IE/Edge and Word's 单个文件网页 save them) and e-mails
(.eml). The file is a MIME message; its parts are decoded (quoted-printable, base64) in their own charsets and
the part holding the report is read: an HTML part through the HTML reader (tables as TSV rows), a plain-text
part as text. A web archive's report may sit in a frame's part rather than the page's own, so the part read
is the one with the report's markers (HTML before plain text: an e-mail's two renderings of one body), the
longest if several have them. An e-mail's Subject (often the report's title, or 转发：title) leads the text.
A supported document attached to an e-mail (PDF, DOCX, DOC…) is read when no body part holds a report.
"""

from __future__ import annotations

import email
import email.policy
import re
from email.message import EmailMessage

from transforms.ingest.base import Reading, ReaderError
from transforms.ingest.decode import DecodeError, _decode
from transforms.ingest.html import html_to_text
from transforms.ingest.markers import is_report_text

SOURCE_FORMAT = "html"
EXTENSIONS = (".mht", ".mhtml", ".eml")
LABEL = "MIME message (web archive .mht/.mhtml or e-mail .eml)"

# The header block a MIME file starts with: RFC 5322 header lines, one of them MIME's own.
_HEADER_LINE = re.compile(rb"[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*")
_MIME_HEADER = re.compile(rb"^(?:MIME-Version|Content-Type)[ \t]*:", re.I | re.M)
_MAX_PARTS = 500


def sniff(head: bytes) -> bool:
    """A MIME message: the file starts with header lines (up to the first blank line), MIME-Version or
    Content-Type among them."""
    data = head[:16384].lstrip(b"\xef\xbb\xbf\r\n")
    pos, block = 0, []
    while pos < len(data):
        m = _HEADER_LINE.match(data, pos)
        if not m:
            break
        block.append(m.group(0))
        pos = m.end()
    if len(block) < 2 or not data.startswith((b"\n", b"\r\n"), pos):
        return False  # (a header block ends at a blank line)
    return bool(_MIME_HEADER.search(b"".join(block)))


def _part_text(part: EmailMessage) -> tuple[str, list[str]]:
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(_CHARSET_ALIASES.get(charset.lower(), charset)), []
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: the decoder's own detection
    try:
        text, _enc, notes = _decode(payload)
    except DecodeError as err:
        return "", [f"decode_error: a part of the message could not be decoded ({err})"]
    return text, notes


# labels that mail clients write for a wider charset than they name
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030"}


def read(data: bytes) -> Reading:
    nested = len(_NESTING_RE.findall(data, 0, 4_000_000))
    if nested > _MAX_NESTED:
        # the parser and its walk recurse once a level: a message forwarded or nested a thousand times
        # would exhaust the stack (and stop the landing of every other file)
        raise ReaderError("corrupt_document", f"message nests {nested} multipart/forwarded parts (more than "
                          f"{_MAX_NESTED}); not read")
    try:
        msg = email.message_from_bytes(data.lstrip(b"\xef\xbb\xbf"), policy=email.policy.default)
        return _read_message(msg)
    except RecursionError:
        raise ReaderError("corrupt_document", "message nested too deeply to read") from None


_NESTING_RE = re.compile(rb"(?i)content-type:\s*(?:multipart/|message/rfc822)")
_MAX_NESTED = 200


def _read_message(msg) -> Reading:
    from transforms.ingest import readers  # (the readers table imports this module)

    bodies: list[tuple[str, str]] = []  # (kind, text)
    attachments = []
    notes: list[str] = []
    for k, part in enumerate(msg.walk()):
        if k > _MAX_PARTS:
            notes.append(f"message_truncated: more than {_MAX_PARTS} MIME parts; the rest were not read")
            break
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if part.get_content_disposition() == "attachment" or not ctype.startswith("text/"):
            if part.get_filename() or ctype.startswith("application/"):
                attachments.append(part)
            continue
        if ctype in ("text/html", "text/plain"):
            text, part_notes = _part_text(part)
            notes += part_notes
            if text.strip():
                bodies.append(("html" if ctype == "text/html" else "txt", text))
    subject = "" if msg.get_content_type() == "multipart/related" else str(msg.get("subject", "") or "").strip()

    def rendered(kind: str, text: str) -> str:
        return html_to_text(text) if kind == "html" else text

    with_markers = [(kind, rendered(kind, text)) for kind, text in bodies]
    with_markers = [(kind, text) for kind, text in with_markers if is_report_text(text)]
    if with_markers:
        best = max(with_markers, key=lambda kt: (kt[0] == "html", len(kt[1])))
        return _reading(best, subject, notes)
    for part in attachments:  # the report attached to a mail (its body only says so)
        payload = part.get_payload(decode=True) or b""
        binary = readers.sniff_binary(payload[:65536])
        if binary is None or binary.reader is None or binary.reader.__name__ == __name__:
            continue
        name = part.get_filename() or "attachment"
        try:
            reading = binary.reader.read(payload)
        except ReaderError as err:
            notes.append(f"attachment_unreadable: the attached {name} could not be read ({err})")
            continue
        if is_report_text(reading.text):
            reading.notes = notes + [f"attachment_read: the report was read from the attached {name}"] + reading.notes
            if subject:
                reading.text = f"{subject}\n{reading.text}"
            return reading
    if bodies:
        kind, text = bodies[0]
        return _reading((kind, rendered(kind, text)), subject, notes)
    raise ReaderError("empty_file", "the MIME message has no text or HTML part and no readable attachment")


def _reading(best: tuple[str, str], subject: str, notes: list[str]) -> Reading:
    kind, text = best
    if subject and subject not in text[:2000]:
        text = f"{subject}\n{text}"
    return Reading(text=text, source_format="html" if kind == "html" else "txt", notes=notes)
