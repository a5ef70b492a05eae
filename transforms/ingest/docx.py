"""DOCX reader: python-docx opens the package; the body is walked in document order
(paragraphs and tables interleaved), and merged cells are read from the XML itself.

python-docx's documented API lists all paragraphs before all tables and repeats a merged cell's
text in every slot it covers; both would break the report's tables. So each `w:tr` is laid out on
the table grid here: `w:gridBefore` skips leading grid columns, `w:gridSpan` widens a cell, and a
`w:vMerge` cell without `restart` continues the cell above, so its slot is empty. A merged cell's
text appears once, in its top-left slot. A table holding a nested table is layout: its cells'
content is emitted in order. Headers and footers (page numbers) are not part of the body.

A password-protected DOCX is an OLE file holding an EncryptedPackage, not a zip: it is sniffed as
DOCX and reported as `encrypted_document`. A DOCX whose body has images but no text is
`image_only_document`.
"""

from __future__ import annotations

import io
import zipfile

from transforms.ingest.base import Reading, ReaderError, join_wrapped

SOURCE_FORMAT = "docx"
EXTENSIONS = (".docx",)
LABEL = "DOCX (Word)"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_CONTENT = f"{_W}sdt", f"{_W}sdtContent"
_T, _TAB, _BR, _CR, _VAL = f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}val"
_IMAGE_TAGS = ("drawing", "pict", "object")


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
    """A paragraph's text; w:br/w:cr are line breaks, w:tab a space (a tab would fake a TSV cell)."""
    out: list[str] = []
    for el in p.iter(_T, _TAB, _BR, _CR):
        tag = el.tag
        if tag == _T:
            out.append(el.text or "")
        elif tag == _TAB:
            out.append(" ")
        else:
            out.append("\n")
    return "".join(out)


def _children(el):
    """Block children in order, looking through content controls (w:sdt)."""
    for child in el.iterchildren():
        if child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content)
        else:
            yield child


def _int_attr(el, path: str, default: int) -> int:
    found = el.find(path)
    if found is None:
        return default
    try:
        return max(1, int(found.get(_VAL, default)))
    except (TypeError, ValueError):
        return default


def _cell_lines(tc) -> list[str]:
    lines: list[str] = []
    for child in _children(tc):
        if child.tag == _P:
            lines.extend(_para_text(child).split("\n"))
        elif child.tag == _TBL:
            lines.extend(_table_lines(child))
    return lines


def _table_lines(tbl) -> list[str]:
    rows = [tr for tr in _children(tbl) if tr.tag == _TR]
    if any(tc.find(f".//{_TBL}") is not None for tr in rows for tc in tr.iter(_TC)):
        out: list[str] = []  # layout table: content in order
        for tr in rows:
            for tc in (c for c in _children(tr) if c.tag == _TC):
                out.extend(x for x in _cell_lines(tc) if x.strip())
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
        for tc in (c for c in _children(tr) if c.tag == _TC):
            tcpr = tc.find(f"{_W}tcPr")
            span, covered = 1, False
            if tcpr is not None:
                span = min(_int_attr(tcpr, f"{_W}gridSpan", 1), 1000)
                vmerge = tcpr.find(f"{_W}vMerge")
                covered = vmerge is not None and vmerge.get(_VAL, "continue") != "restart"
            text = "" if covered else join_wrapped(_cell_lines(tc)).replace("\t", " ")
            at = column(col)
            slots[at] = f"{slots[at]} {text}".strip() if slots.get(at) else text
            col += span
        end = column(col) if col else 0
        width = max(width, end)
        grid.append([slots.get(i, "") for i in range(end)])
    return ["\t".join(row + [""] * (width - len(row))) for row in grid if any(x.strip() for x in row)]


def read(data: bytes) -> Reading:
    if data.startswith(OLE_MAGIC):
        raise ReaderError("encrypted_document", "password-protected DOCX (an encrypted OLE package, not a "
                          "zip); not read")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as err:  # noqa: BLE001 - any broken package is a finding, not a crash
        raise ReaderError("corrupt_document", f"DOCX cannot be opened (corrupt package): "
                          f"{err.__class__.__name__}") from None
    lines: list[str] = []
    for child in _children(body):
        if child.tag == _P:
            lines.extend(_para_text(child).split("\n"))
        elif child.tag == _TBL:
            lines.extend(_table_lines(child))
    text = "\n".join(line.rstrip(" ") for line in lines).strip("\n")  # trailing tabs are empty cells
    if not text.strip():
        images = sum(1 for el in body.iter()
                     if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] in _IMAGE_TAGS)
        if images:
            raise ReaderError("image_only_document", f"DOCX holds {images} image(s) and no text (a scanned "
                              "document pasted into Word); OCR of DOCX images is not supported")
    return Reading(text=text + ("\n" if text else ""), source_format=SOURCE_FORMAT, encoding=None, notes=[])
