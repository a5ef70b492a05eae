"""The reader table: which bytes are which format, and the one function that reads any file.

A new binary format is one new module (with SOURCE_FORMAT, EXTENSIONS, LABEL, sniff(head) and
read(data) -> Reading, and optionally probe(data) -> Reading | None: a cheap incomplete read for
the landing scan, None when only the full read can tell) added to READERS below. Text formats
(txt, md, html) are decoded first (`decode.py`) and classified by content; HTML is rendered by
`html.py`.

Content decides the format, not the extension: binary signatures are sniffed first (the readers
in READERS order, then signatures of formats that are not supported, then binary files), and
decoded text is HTML if it *starts* like markup or contains `<html`/`<body`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from transforms.ingest import doc, docx, mime, pdf
from transforms.ingest.base import Reading, ReaderError
from transforms.ingest.converters import read_converter_markup
from transforms.ingest.decode import DecodeError, _decode, repair_damaged_text, strip_bidi
from transforms.ingest.html import html_to_text

_SAMPLE = 64 * 1024

# The table: every document format gongkai reads by its own reader, in sniffing order (encrypted DOCX is
# OLE2 too, so docx comes before doc; a MIME message, text on the wire, is sniffed by its header block).
READERS: tuple[ModuleType, ...] = (pdf, docx, doc, mime)

TEXT_EXT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
            ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html"}
DOC_EXT = {ext: r.SOURCE_FORMAT for r in READERS for ext in r.EXTENSIONS}
TEXT_LABELS = {"html": "HTML", "md": "markdown text", "txt": "plain text"}

# (signature, label, is_document) of formats that are recognised but not read. Documents and
# archives are 'unsupported_format'; everything else is 'binary_file'.
_MAGIC: list[tuple[bytes, str, bool]] = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (OLE2: .xls/.ppt or other)", True),
    (b"\x1f\x8b", "gzip archive", True),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", True),
    (b"Rar!\x1a\x07", "RAR archive", True),
    (b"\x89PNG\r\n\x1a\n", "PNG image", False),
    (b"\xff\xd8\xff", "JPEG image", False),
    (b"GIF87a", "GIF image", False),
    (b"GIF89a", "GIF image", False),
    (b"II*\x00", "TIFF image", False),
    (b"MM\x00*", "TIFF image", False),
    (b"RIFF", "RIFF media file", False),
    (b"\x7fELF", "ELF executable", False),
    (b"SQLite format 3\x00", "SQLite database", False),
]


@dataclass(frozen=True)
class Binary:
    label: str
    source_format: str
    is_document: bool
    reader: ModuleType | None = None


def sniff_binary(head: bytes) -> Binary | None:
    """Recognise binary formats by their signature; None means 'maybe text'."""
    for reader in READERS:
        if reader.sniff(head):
            return Binary(reader.LABEL, reader.SOURCE_FORMAT, True, reader)
    other = doc.other_format(head)  # RTF, OpenDocument text, Word 2003 XML: through LibreOffice like .doc
    if other is not None:
        return Binary(other[0], doc.SOURCE_FORMAT, True, doc)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if b"xl/" in head:
            return Binary("XLSX (Excel)", "unknown", True)
        if b"ppt/" in head:
            return Binary("PPTX (PowerPoint)", "unknown", True)
        if b"application/vnd.oasis.opendocument" in head[:200]:
            return Binary("OpenDocument file", "unknown", True)
        return Binary("ZIP archive", "unknown", True)
    for sig, label, is_doc in _MAGIC:
        if head.startswith(sig):
            return Binary(label, "unknown", is_doc)
    return None



# A text starts like markup when its first tag is a real HTML tag name (ASCII), which excludes
# Chinese book-title brackets such as <中华人民共和国政府信息公开条例> that plain reports contain.
_HTML_LEAD_RE = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|table|div|p|span|h[1-6]|br|style|script|"
    r"font|center|article|section|o:p|link)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_ANY_RE = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_TAGLIKE_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:]*\b[^<>]*>")


def text_format(text_head: str, ext: str) -> str:
    """Format of decoded text: 'html' by content, else 'md' for markdown extensions, else 'txt'.

    A whole document (<html>/<body>) is HTML whatever its name, unless those tags only wrap tables
    inside text that does not start as markup (MinerU's markdown). Markdown may legitimately start
    with inline HTML (<div align=center>), so for .md only a whole document counts; for other
    names a leading HTML tag is enough, and for .html/.htm any tag.
    """
    claimed = TEXT_EXT.get(ext)
    if _HTML_ANY_RE.search(text_head) or re.match(r"\s*<!doctype\s+html", text_head, re.I):
        if claimed == "html" or _HTML_LEAD_RE.match(text_head) or _HTML_ANY_RE.search(
                _TABLE_WRAPPER.sub("", text_head)):
            return "html"
        # text whose only <html><body> wrap its tables (MinerU's markdown): text with HTML tables in it
    if claimed == "md":
        return "md"
    if _HTML_LEAD_RE.match(text_head):
        return "html"
    if claimed == "html" and _TAGLIKE_RE.search(text_head):
        return "html"  # an .html fragment, e.g. a pasted <b>...</b> without <p> or <table>
    return "txt"




# An XML document (not XHTML): its declaration, then comments or processing instructions, then a root element.
_XML_DOCUMENT = re.compile(r"\ufeff?\s*<\?xml[^<>]{0,300}\?>\s*(?:(?:<!--.{0,2000}?-->|<\?[^<>]{0,300}\?>|"
                           r"<!DOCTYPE[^<>]{0,500}>)\s*)*<(?!html\b)([A-Za-z_][\w.-]{0,40}(?::[\w.-]{1,40})?)", re.S | re.I)
# (attribute runs bounded, so `<table<table…` with no `>` stays linear)
_TABLE_TAG = re.compile(r"<(/?)table\b[^<>]{0,4000}>", re.I)
# <html><body> around a table inside text, and their closing tags after it
_TABLE_WRAPPER = re.compile(r"<html\b[^<>]{0,4000}>\s{0,200}<body\b[^<>]{0,4000}>\s{0,200}(?=<table\b)"
                            r"|(?<=</table>)\s{0,200}</body>\s{0,200}</html>", re.I)


def inline_tables(text: str) -> str:
    """Markdown or text with HTML `<table>` blocks in it (MinerU, Azure Document Intelligence,
    Unstructured and PP-Structure write tables that way): each outermost `<table>…</table>` is
    rendered as the HTML reader renders a table (one line per row, cells tab-separated, spans
    placed) in its place; the text around it is left as it is. A `<table>` never closed is left
    as text. One pass over the tags, so linear in the text."""
    text = _TABLE_WRAPPER.sub("", text)
    out: list[str] = []
    pos = depth = 0
    start = 0
    count = 0
    for m in _TABLE_TAG.finditer(text):
        if m.group(1):
            if depth == 0:
                continue
            depth -= 1
            if depth == 0:
                out.append(text[pos:start])
                out.append("\n" + html_to_text(text[start:m.end()]).strip("\n") + "\n")
                pos = m.end()
                count += 1
        else:
            if depth == 0:
                start = m.start()
            depth += 1
    if not count:
        return text
    out.append(text[pos:])
    return "".join(out)


def detect_format(path: Path, head: bytes) -> str:
    """Return the source_format of a file by content first ('unknown' for other binary content).

    `head` is the start of the file (the whole file gives the most reliable ZIP/OLE inspection).
    Binary signatures win over the extension; text is classified by content (HTML markup) and
    then by extension ('md' for markdown, otherwise 'txt'), so a fake `.pdf` holding text is 'txt'.
    """
    binary = sniff_binary(head)
    if binary is not None:
        return binary.source_format
    try:  # same decoder as the scan, so both always agree on what is text
        text, _, _ = _decode(head)
    except DecodeError:
        return "unknown"
    return text_format(text[:_SAMPLE], path.suffix.lower())


def read_document(data: bytes, ext: str, binary: Binary | None = None,
                  probe: bool = False) -> tuple[Reading, str]:
    """Read any supported file to text; returns (reading, content label for messages).

    `probe=True` (the landing scan) lets a binary reader that has a `probe` answer cheaply: the
    reading then has `complete=False` (same failures and notes, text without table cells). Text
    formats and readers without a probe always read in full.

    Raises ReaderError (a known document that cannot be read, or an unsupported/binary format:
    check 'unsupported_format' / 'binary_file') or DecodeError (text that cannot be decoded).
    """
    if binary is None:
        binary = sniff_binary(data)
    if binary is not None:
        if binary.reader is None:
            claimed = TEXT_EXT.get(ext) or DOC_EXT.get(ext)
            named = f" (named '{ext}')" if claimed and claimed != binary.source_format else ""
            if binary.is_document:
                raise ReaderError("unsupported_format", f"{binary.label}{named} is not a supported format "
                                  "(supported: .txt, .md, .html, .pdf, .docx, .doc/.wps/.rtf/.odt, .mht/.eml)")
            raise ReaderError("binary_file", f"binary file: {binary.label}{named}, not text")
        reading = None
        if probe and hasattr(binary.reader, "probe"):
            reading = binary.reader.probe(data)
        if reading is None:
            reading = binary.reader.read(data)
        other = doc.other_format(data[:65536]) if binary.reader is doc else None
        if other and ext != other[1] and DOC_EXT.get(ext) == doc.SOURCE_FORMAT:
            # an RTF, ODT or Word XML file named like a Word file (.doc): the same source_format, so
            # the landing scan's own extension check cannot see it; said here
            reading.notes.insert(0, f"extension_mismatch: file is named '{ext}' but its content is "
                                 f"{binary.label}; processed as '{reading.source_format}' by content")
        reading.text = strip_bidi(reading.text, reading.notes)
        return reading, binary.label
    text, enc, notes = _decode(data)
    text = repair_damaged_text(text, notes, markup=TEXT_EXT.get(ext) == "html" or bool(_HTML_ANY_RE.search(text[:_SAMPLE])))
    xml = _XML_DOCUMENT.match(text[:4096])
    if xml and not _HTML_ANY_RE.search(text[:_SAMPLE]):
        # an XML document of a format gongkai has no reader for: read as text, its markup's numbers
        # (widths, ids) would become cells
        raise ReaderError("unsupported_format", f"an XML document (root element <{xml.group(1)}>) is not a "
                          "supported format (supported: .txt, .md, .html, .pdf, .docx, .doc/.wps/.rtf/.odt, "
                          ".mht/.eml)")
    converted = text if TEXT_EXT.get(ext) == "html" else read_converter_markup(text)
    # a converter's text is text, whatever HTML its tables hold
    fmt = text_format(text[:_SAMPLE], ext) if converted is text else ("md" if TEXT_EXT.get(ext) == "md" else "txt")
    text = converted
    if fmt == "html":
        text = strip_bidi(html_to_text(text), notes)  # character references can hold bidi controls too
    elif "<table" in text or "<TABLE" in text:
        text = strip_bidi(inline_tables(text), notes)
    return Reading(text=text, source_format=fmt, encoding=enc, notes=notes), TEXT_LABELS[fmt]
