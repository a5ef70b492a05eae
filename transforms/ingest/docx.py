"""DOCX reader: python-docx opens the package; the body is walked in document order
(paragraphs and tables interleaved), and merged cells are read from the XML itself.

python-docx's documented API lists all paragraphs before all tables and repeats a merged cell's
text in every slot it covers; both would break the report's tables. So each `w:tr` is laid out on
the table grid here: `w:gridBefore` skips leading grid columns, `w:gridSpan` widens a cell, and a
`w:vMerge` cell without `restart` continues the cell above, so its slot is empty. A merged cell's
text appears once, in its top-left slot. A table holding a nested table is layout: its cells'
content is emitted in order.

Page headers and footers repeat on every page and are not part of the body, with one exception:
a body without a title line (the title printed only in the page header) gets the first section's
header lines (those with words, not page numbers) once, before the body. Text boxes are read where
they are anchored, each of their paragraphs on a line of its own; of an `mc:AlternateContent`
only the `mc:Choice` is read (the `mc:Fallback` repeats the same text box as VML).

Pages: a DOCX stores no pages, but Word records where each page began when it last laid the file
out (`w:lastRenderedPageBreak`), and the author's own breaks are in the file too (`w:br
w:type="page"`, `w:pageBreakBefore`, a section break that starts a new page). Each is a form feed in
the text, as the PDF reader's pages are, so the facts get a `source_page`; breaks with no text
between them are one break (Word marks a hard break and the page it starts). A break inside a table
row goes before the row when no text of the row precedes it, else after the row. A file with none
of these marks (most converters write none) is one page.

A password-protected DOCX is an OLE file holding an EncryptedPackage, not a zip: it is sniffed as
DOCX and reported as `encrypted_document`. A DOCX whose body has images but no text is
`image_only_document`.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from transforms.ingest.base import Reading, ReaderError, join_wrapped

SOURCE_FORMAT = "docx"
EXTENSIONS = (".docx",)
LABEL = "DOCX (Word)"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
# Wrappers whose children are the content itself (Word strips the tags and keeps what they hold).
_WRAPPERS = (f"{_W}customXml", f"{_W}smartTag")
_R, _RPR, _VANISH, _SYM = f"{_W}r", f"{_W}rPr", f"{_W}vanish", f"{_W}sym"
_CHAR, _FONT = f"{_W}char", f"{_W}font"
_ALT_CHUNK = f"{_W}altChunk"
# A Symbol-font character (w:sym, code F0xx) that prints as a digit, sign or mark; any other symbol is no text
_SYMBOL_CHARS = {0xF000 + ord(c): c for c in "0123456789-+.,%()"}
_T, _TAB, _BR, _CR, _VAL = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}val"
_RENDERED_BREAK, _TYPE = f"{_W}lastRenderedPageBreak", f"{_W}type"
_PPR, _BREAK_BEFORE = f"{_W}pPr", f"{_W}pageBreakBefore"
_FF = "\f"  # a page break inside the lines; normalise turns form feeds into pages
_IMAGE_TAGS = ("drawing", "pict", "object")
_TXBX = f"{_W}txbxContent"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SECT_PR, _HEADER_REF, _TITLE_PG = f"{_W}sectPr", f"{_W}headerReference", f"{_W}titlePg"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# A title line: short, naming the report, no sentence in it.
_TITLE_LINE = re.compile(r"年度报告|工作报告|年报")
_TITLE_LOOK_LINES = 15
_CJK_WORD = re.compile(r"[\u3400-\u9fff]")
_PAGE_NUMBER = re.compile(r"第\s*\d+\s*页|共\s*\d+\s*页|^\W*\d+\W*$|^\s*page\b", re.IGNORECASE)


def zip_is_docx(head: bytes) -> bool:
    if not head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(head)) as zf:
            names = "\n".join(zf.namelist()).encode("utf-8", "replace")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        names = head  # truncated head or corrupt zip: fall back to raw byte search
    return b"word/" in names


def sniff(head: bytes) -> bool:
    return zip_is_docx(head) or (head.startswith(OLE_MAGIC) and _ENCRYPTED in head)


def _para_text(p) -> str:
    """A paragraph's text; w:br/w:cr are line breaks, w:tab a space (a tab would fake a TSV cell).

    A text box anchored in the paragraph gives its own lines; an mc:Fallback copy is skipped, as is hidden
    text (a run with w:vanish: Word does not show it); a w:sym digit is that digit."""
    if (p.find(f".//{_TXBX}") is None and p.find(f".//{_FALLBACK}") is None and p.find(f".//{_VANISH}") is None
            and p.find(f".//{_SYM}") is None):
        out: list[str] = []
        for el in p.iter(_T, _TAB, _BR, _CR, _RENDERED_BREAK):  # the common paragraph: one pass in C
            tag = el.tag
            if tag == _T:
                out.append(el.text or "")
            elif tag == _TAB:
                out.append(" ")
            else:
                out.append(_break(el))
        return _page_breaks_around(p, "".join(out))
    out = []
    _walk_text(p, out)
    return _page_breaks_around(p, "".join(out))


def _break(el) -> str:
    """A w:br/w:cr is a line break, a page break (w:br type=page, w:lastRenderedPageBreak) a form feed."""
    if el.tag == _RENDERED_BREAK or (el.tag == _BR and el.get(_TYPE) == "page"):
        return f"\n{_FF}\n"
    return "\n"


def _page_breaks_around(p, text: str) -> str:
    """A paragraph that starts a page (w:pageBreakBefore) or ends a section on a new page."""
    ppr = p.find(_PPR)
    if ppr is None:
        return text
    before = ppr.find(_BREAK_BEFORE)
    if before is not None and before.get(_VAL, "true") not in ("0", "false"):
        text = f"{_FF}\n{text}"
    sect = ppr.find(_SECT_PR)
    if sect is not None:
        kind = sect.find(_TYPE)
        if kind is None or kind.get(_VAL, "nextPage") in ("nextPage", "evenPage", "oddPage"):
            text = f"{text}\n{_FF}"
    return text


def _hidden(run) -> bool:
    rpr = run.find(_RPR)
    vanish = rpr.find(_VANISH) if rpr is not None else None
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _sym_text(el) -> str:
    try:
        code = int(el.get(_CHAR, ""), 16)
    except ValueError:
        return ""
    if code >= 0xF000:
        return _SYMBOL_CHARS.get(code, "")
    return chr(code) if 0x20 <= code < 0xD800 else ""


def _walk_text(el, out: list[str]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag == _FALLBACK:
            continue
        if tag == _R and _hidden(child):
            continue
        if tag == _SYM:
            out.append(_sym_text(child))
        elif tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append(" ")
        elif tag in (_BR, _CR, _RENDERED_BREAK):
            out.append(_break(child))
        elif tag == _TXBX:
            box = [line for line in _block_lines(child) if line.strip()]
            if box:
                out.append("\n" + "\n".join(box) + "\n")
        else:
            _walk_text(child, out)


def _children(el):
    """Block children in order, looking through content controls (w:sdt) and customXml/smartTag wrappers."""
    for child in el.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        elif child.tag in _WRAPPERS:
            yield from _children(child)
        else:
            yield child


# An altChunk (a part of another format imported where it stands: HTML, MHT, RTF, another DOCX): its lines,
# by relationship id, read before the body is walked (set by `read`).
_ALT_LINES: dict[str, list[str]] = {}


def _alt_chunk_lines(document) -> dict[str, list[str]]:
    from transforms.ingest import readers

    out: dict[str, list[str]] = {}
    for el in document.element.body.iter(_ALT_CHUNK):
        rid = el.get(_R_ID)
        part = document.part.related_parts.get(rid) if rid else None
        if part is None:
            continue
        try:
            reading, _label = readers.read_document(part.blob, Path(str(part.partname)).suffix.lower())
        except Exception:  # noqa: BLE001 - an unreadable imported part is left out, never fatal
            continue
        out[rid] = reading.text.split("\n")
    return out


def _int_attr(el, path: str, default: int) -> int:
    found = el.find(path)
    if found is None:
        return default
    try:
        return max(1, int(found.get(_VAL, default)))
    except (TypeError, ValueError):
        return default


def _block_lines(el) -> list[str]:
    """The lines of a block container (body, cell, header, text box): paragraphs and tables in order."""
    lines: list[str] = []
    for child in _children(el):
        if child.tag == _P:
            lines.extend(_para_text(child).split("\n"))
        elif child.tag == _TBL:
            lines.extend(_table_lines(child))
        elif child.tag == _ALT_CHUNK:
            lines.extend(_ALT_LINES.get(child.get(_R_ID), []))
    return lines


_cell_lines = _block_lines


def _table_lines(tbl) -> list[str]:
    rows = [tr for tr in _children(tbl) if tr.tag == _TR]
    if any(tc.find(f".//{_TBL}") is not None for tr in rows for tc in tr.iter(_TC)):
        out: list[str] = []  # layout table: content in order
        for tr in rows:
            for tc in (c for c in _children(tr) if c.tag == _TC):
                out.extend(x for x in _cell_lines(tc) if x.strip() or x == _FF)
        return out
    # Sliver grid columns (a few twips wide) are where two rows' column borders almost but not
    # quite line up (Word and LibreOffice conversions make them); they hold no cell a reader can
    # see, so they are folded into the next column to keep every row on the same columns.
    widths = []
    for gc in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol"):
        try:
            widths.append(int(gc.get(f"{_W}w", "0")))
        except ValueError:
            widths.append(0)
    real = sorted(w for w in widths if w > 0)
    sliver_below = max(20, real[len(real) // 2] // 10) if real else 0
    keep = [not (0 < w < sliver_below) for w in widths]
    new_index: list[int] = []
    n_kept = 0
    for k in keep:
        new_index.append(n_kept)
        n_kept += k

    def column(i: int) -> int:
        return new_index[i] if i < len(new_index) else n_kept + (i - len(new_index))

    grid: list[list[str]] = []
    width = 0
    for tr in rows:
        col = 0
        trpr = tr.find(f"{_W}trPr")
        if trpr is not None:
            col = _int_attr(trpr, f"{_W}gridBefore", 0) if trpr.find(f"{_W}gridBefore") is not None else 0
        slots: dict[int, str] = {}
        page_break = ""  # "before" / "after" the row: a page began inside it
        for tc in (c for c in _children(tr) if c.tag == _TC):
            tcpr = tc.find(f"{_W}tcPr")
            span, covered = 1, False
            if tcpr is not None:
                span = min(_int_attr(tcpr, f"{_W}gridSpan", 1), 1000)
                vmerge = tcpr.find(f"{_W}vMerge")
                covered = vmerge is not None and vmerge.get(_VAL, "continue") != "restart"
            lines = _cell_lines(tc)  # a covered slot's text is the cell above's, but its page mark counts
            if _FF in lines:
                first = lines.index(_FF)
                if not page_break:
                    text_before = any(x.strip() for x in slots.values()) or any(x.strip() for x in lines[:first])
                    page_break = "after" if text_before else "before"
                lines = [x for x in lines if x != _FF]
            text = "" if covered or not lines else join_wrapped(lines).replace("\t", " ")
            at = column(col)
            slots[at] = f"{slots[at]} {text}".strip() if slots.get(at) else text
            col += span
        end = column(col) if col else 0
        width = max(width, end)
        grid.append(([slots.get(i, "") for i in range(end)], page_break))
    out = []
    for row, page_break in grid:
        if page_break == "before":
            out.append(_FF)
        if any(x.strip() for x in row):
            out.append("\t".join(row + [""] * (width - len(row))))
        if page_break == "after":
            out.append(_FF)
    return out


# A DOCX's XML parts expand to a few MB at most (a 200-page report's document.xml is ~10 MB): a part
# declared larger, or all of them together, is a zip bomb, refused before anything is inflated.
_MAX_XML_PART = 64 << 20
_MAX_XML_TOTAL = 160 << 20


def _check_expansion(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            xml = [i for i in zf.infolist() if i.filename.endswith((".xml", ".rels"))]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return  # python-docx says what is wrong with it
    big = max(xml, key=lambda i: i.file_size, default=None)
    total = sum(i.file_size for i in xml)
    if big is not None and (big.file_size > _MAX_XML_PART or total > _MAX_XML_TOTAL):
        raise ReaderError("oversize", f"DOCX part '{big.filename[:60]}' expands to {big.file_size >> 20} MB "
                          f"({total >> 20} MB of XML in all; a zip bomb?); not read")


def read(data: bytes) -> Reading:
    if data.startswith(OLE_MAGIC):
        raise ReaderError("encrypted_document", "password-protected DOCX (an encrypted OLE package, not a "
                          "zip); not read")
    import docx

    _check_expansion(data)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as err:  # noqa: BLE001 - any broken package is a finding, not a crash
        raise ReaderError("corrupt_document", f"DOCX cannot be opened (corrupt package): "
                          f"{err.__class__.__name__}") from None
    _ALT_LINES.clear()
    if body.find(f".//{_ALT_CHUNK}") is not None:
        _ALT_LINES.update(_alt_chunk_lines(document))
    lines = _one_break_per_page(_block_lines(body))
    if not _has_title_line(lines):
        lines = _first_header_lines(document, body) + lines
    text = "\n".join(line.rstrip(" ") for line in lines).strip("\n")  # trailing tabs are empty cells
    if not text.strip():
        images = sum(1 for el in body.iter()
                     if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _IMAGE_TAGS)
        if images:
            raise ReaderError("image_only_document", f"DOCX holds {images} image(s) and no text (a scanned "
                              "document pasted into Word); OCR of DOCX images is not supported")
    return Reading(text=text + ("\n" if text else ""), source_format=SOURCE_FORMAT, encoding=None, notes=[])


def _one_break_per_page(lines: list[str]) -> list[str]:
    """Page breaks with no text between them are one (a hard break and the rendered break of the page
    it starts); none before the first text or after the last."""
    out: list[str] = []
    pending = False
    for line in lines:
        if line == _FF:
            pending = bool(out)
        elif line.strip():
            if pending:
                out.append(_FF)
                pending = False
            out.append(line)
        elif not pending:
            out.append(line)
    return out


def _has_title_line(lines: list[str]) -> bool:
    """Whether the body's first lines (before its first table) hold a title: a short line naming
    the report (…年度报告), not a sentence."""
    seen = 0
    for line in lines:
        if "\t" in line:
            break
        s = line.strip()
        if not s:
            continue
        if len(s) <= 80 and "。" not in s and _TITLE_LINE.search(s):
            return True
        seen += 1
        if seen >= _TITLE_LOOK_LINES:
            break
    return False


def _first_header_lines(document, body) -> list[str]:
    """The page header of the first section (its first-page header when it has one), lines with
    words only: a page number or an empty line is no title."""
    sect = next(body.iter(_SECT_PR), None)
    if sect is None:
        return []
    refs = {ref.get(f"{_W}type", "default"): ref.get(_R_ID) for ref in sect.iterfind(_HEADER_REF)}
    rid = refs.get("first") if sect.find(_TITLE_PG) is not None and refs.get("first") else refs.get("default")
    try:
        part = document.part.related_parts[rid] if rid else None
        header = part.element if part is not None else None
    except (KeyError, AttributeError):
        return []
    if header is None:
        return []
    return [line.strip() for line in _block_lines(header)
            if len(_CJK_WORD.findall(line)) >= 2 and not _PAGE_NUMBER.search(line)]
