"""PDF reader: ruled tables through pdfplumber, the text around them in reading order, pypdfium2
text on pages without ruling, OCR (optional) on pages without a text layer.

Per page:
- pypdfium2 first (a few ms): the page's text layer (extracted once), and could its vector paths
  make a ruled table (horizontal and vertical ones; `_page_kinds`)?
- such a page goes through pdfplumber's `find_tables()` (pdfminer parses it once; the table
  cells and the text around them come from the same parsed objects): each ruled table becomes one TSV
  line per row (pdfplumber gives a merged cell's text in its top-left slot and None for the slots
  it covers, which become empty fields; a wrapped cell's lines are joined with no space between
  CJK characters), and the characters outside the tables become text lines; tables and lines are
  placed by their vertical position on the page;
- rulings an author erased are made up for (`_find_tables`): a vertical ruling is put back where
  horizontal ones end in the open, a column whose cells hold several numbers side by side is split
  at the gaps no number crosses, and characters no cell holds (a slot no ruling closes, labels or
  values beside the table) get cells of their own, one per row;
- a page without a ruled table: pypdfium2's text (fast, reading order);
- a page without a text layer but with images: OCR when `rapidocr` is importable (source_format
  'pdf-ocr'), otherwise an `ocr_needed` note and the other pages are kept.
Pages are joined with a form feed. A table that ends a page and continues at the top of the next
one is emitted as one run of rows: the page-number footer and header lines between the two
parts (`- 3 -`, `第3页`) are dropped, so the rows stay adjacent (the form feed stays between them).

`probe` is the landing scan's look: the same loop without pdfplumber and OCR (about 2 ms a page),
so a PDF is parsed by pdfminer once per run, in the raw stage, which runs in the engine's process
pool. A PDF with a page that only OCR can read is read in full by the scan too.
"""

from __future__ import annotations

import io
import re
import time

from transforms.ingest import ocr
from transforms.ingest.base import Reading, ReaderError, cell_text

SOURCE_FORMAT = "pdf"
OCR_FORMAT = "pdf-ocr"
EXTENSIONS = (".pdf",)
LABEL = "PDF"

# A line that can only be a page number (footer or header), never content.
_PAGE_NO_RE = re.compile(r"^\s*(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]"
                         r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                         r"|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})\s*$")
# The page numbers that cannot be content: dropped at any page's top or bottom edge.
_FOLIO_RE = re.compile(r"^\s*(?:[-—–－~]\s*\d{1,4}\s*[-—–－~]"
                       r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
                       r"|\d{1,4}\s*/\s*\d{1,4})\s*$")


def sniff(head: bytes) -> bool:
    # PDF allows junk before the header (the spec tolerates it in the first 1024 bytes).
    return b"%PDF-" in head[:1024]


def _classify_failure(data: bytes, pdfium_message: str) -> ReaderError:
    """pypdfium2 could not open the file; its error code is process-global (and may be stale), so
    pdfminer decides what is wrong: a password, zero pages, or a corrupt file."""
    import pdfplumber

    if b"/Encrypt" in data:  # an owner-password-only PDF opens fine; failing to open means a user password
        return ReaderError("encrypted_document", "PDF is password-protected (encrypted); not read")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            n = len(pdf.pages)
    except Exception as err:  # noqa: BLE001 - pdfminer raises many kinds of errors on broken files
        chain = f"{err.__class__.__name__} {err} {err.__cause__!r}".lower()
        if "password" in chain or "encrypt" in chain:
            return ReaderError("encrypted_document", "PDF is password-protected (encrypted); not read")
        return ReaderError("corrupt_document",
                           f"PDF cannot be opened (corrupt or truncated): {pdfium_message}")
    if n == 0:
        return ReaderError("empty_document", "PDF has zero pages")
    return ReaderError("corrupt_document", f"PDF cannot be opened by PDFium (corrupt?): {pdfium_message}")


def _open(data: bytes):
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise _classify_failure(data, str(err)) from None
    except Exception as err:  # noqa: BLE001 - any other failure of the native library is a corrupt file
        raise ReaderError("corrupt_document", f"PDF cannot be opened: {err.__class__.__name__}") from None
    if len(doc) == 0:
        doc.close()
        raise ReaderError("empty_document", "PDF has zero pages")
    return doc


def _page_kinds(page) -> tuple[bool, bool]:
    """(may hold a ruled table, has images) of a pypdfium2 page, from its objects' bounds.

    pdfplumber builds a table from horizontal *and* vertical edges at least 3 pt long (after
    joining collinear pieces), so a page whose paths are all horizontal rules (a letterhead line,
    an underline) or all vertical ones cannot hold a ruled table and is not parsed by pdfminer.
    Conservative: any path taller and wider than 2 pt (a rectangle, a thick stroke) counts as
    both, and two or more tiny paths (dots of a dotted border) count as both too.
    """
    import pypdfium2.raw as pdfium_c

    horizontal = vertical = images = False
    tiny = 0
    for obj in page.get_objects(max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and not (horizontal and vertical):
            left, bottom, right, top = obj.get_bounds()
            wide, tall = right - left > 2.0, top - bottom > 2.0
            horizontal |= wide
            vertical |= tall
            if not (wide or tall):
                tiny += 1
                if tiny >= 2:
                    horizontal = vertical = True
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images = True
        if horizontal and vertical and images:
            break
    return horizontal and vertical, images


def _pdfium_text(text: str) -> str:
    """pypdfium2's page text (extracted once per page) as lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


# Column edges (PDF points) of two parts of one table closer than this are the same edge (when no
# other edge of the same part is nearer): pdfplumber snaps vertical
# rulings within 3 pt of each other to their mean over the whole page, so a ruling of another table
# on the same page can pull a column edge of one part by a few points (the same ruling reads 335.3 on
# one page and 337.6 on the next).
_SNAP_DRIFT = 6.0


# pdfplumber's default tolerance for an edge meeting another (intersection_tolerance).
_TOUCH = 3.0
_NUMERIC_RE = re.compile(r"^[-+−]?\d[\d,.]*%?$")


def _implied_verticals(edges: list[dict], bbox: tuple, chars: list[dict]) -> list[dict]:
    """Vertical rulings a table lacks, from the horizontal rulings that end inside it.

    In a ruled table a horizontal ruling ends where it meets a vertical one; one that ends in the open
    (its other end on a vertical or the outer border) means the vertical between two cells was not
    drawn (a Word border set to none). pdfplumber then cannot close the cells on either side, and the
    three label columns of table 3 come out as one cell holding every row's label. The missing ruling
    is put back at that x, over the rows on each side of the ruling's end (from the nearest horizontal
    above to the nearest below), and not where it would cut through a character."""
    x0b, topb, x1b, botb = bbox
    hs = [e for e in edges if e["orientation"] == "h" and topb - _TOUCH <= e["top"] <= botb + _TOUCH
          and e["x1"] > x0b + _TOUCH and e["x0"] < x1b - _TOUCH]
    vs = [e for e in edges if e["orientation"] == "v" and x0b - _TOUCH <= e["x0"] <= x1b + _TOUCH
          and e["bottom"] > topb and e["top"] < botb]

    def attached(x: float, y: float) -> bool:
        return x <= x0b + _TOUCH or x >= x1b - _TOUCH or any(
            abs(v["x0"] - x) <= _TOUCH and v["top"] - _TOUCH <= y <= v["bottom"] + _TOUCH for v in vs)

    out: list[dict] = []
    for h in hs:
        y = h["top"]
        for x, other, side in ((h["x0"], h["x1"], 1.0), (h["x1"], h["x0"], -1.0)):
            if attached(x, y) or not attached(other, y):
                continue
            px = x + side * min(2 * _TOUCH, (h["x1"] - h["x0"]) / 2)
            ys = [e["top"] for e in hs if e["x0"] - _TOUCH <= px <= e["x1"] + _TOUCH]
            above = max((v for v in ys if v < y - _TOUCH), default=None)
            below = min((v for v in ys if v > y + _TOUCH), default=None)
            if above is None or below is None or any(
                    c["x0"] < x - 1 and c["x1"] > x + 1 and above < (c["top"] + c["bottom"]) / 2 < below
                    for c in chars):
                continue
            out.append({"object_type": "line", "x0": x, "x1": x, "top": above, "bottom": below,
                        "width": 0.0, "height": below - above, "orientation": "v"})
    return out


def _ink(chars: list[dict], gap: float) -> list[list]:
    """The x intervals a cell's characters cover, [x0, x1, chars], split where the gap is wider than
    `gap`."""
    runs: list[list] = []
    for c in sorted(chars, key=lambda c: c["x0"]):
        if runs and c["x0"] - runs[-1][1] <= gap:
            runs[-1][1] = max(runs[-1][1], c["x1"])
            runs[-1][2].append(c)
        else:
            runs.append([c["x0"], c["x1"], [c]])
    return runs


def _in(c: dict, box: tuple) -> bool:
    """pdfplumber's test: a character belongs to the cell its centre lies in."""
    h, v = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return box[0] <= h < box[2] and box[1] <= v < box[3]


class _Chars:
    """A page's printed characters sorted by the height of their centre, to find a box's characters
    (`_in`) without testing every character of the page."""

    def __init__(self, chars: list[dict]):
        import bisect

        self._bisect = bisect.bisect_left
        items = sorted((((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2, k, c)
                        for k, c in enumerate(chars) if c["text"].strip()), key=lambda t: (t[0], t[2]))
        self.ys = [t[0] for t in items]
        self.items = items

    def within(self, box: tuple) -> list[dict]:
        lo, hi = self._bisect(self.ys, box[1]), self._bisect(self.ys, box[3])
        return [c for _, x, _, c in self.items[lo:hi] if box[0] <= x < box[2]]


def _word_text(chars: list[dict]) -> str:
    import pdfplumber.utils as putils

    return putils.extract_text(chars) if chars else ""


def _split_glued_columns(table, index: _Chars):
    """A table whose columns pdfplumber could not tell apart (no vertical ruling between them), split
    by where the numbers stand. Cells with the same left and right edges form a stack; in a stack where
    two or more cells hold several numbers side by side ("8 0 0 5 3"), the gaps (wider than a
    character) that no character of its number-holding cells crosses separate columns. One cut is
    chosen per gap for the whole table (an edge of the table's grid or a cut already chosen when one
    lies in the gap, else the gap's middle), so every stack gets the same column edges. A cell is cut
    there; a text cell whose ink crosses a cut (the group header 法人或其他组织 over the five columns
    it spans) stays whole, a merged cell. Other tables come back unchanged."""
    from pdfplumber.table import Table

    cells = list(table.cells)
    stacks: dict[tuple[float, float], list] = {}
    for cell in cells:
        stacks.setdefault((round(cell[0], 1), round(cell[2], 1)), []).append(cell)
    plans = []  # (stack's cells, {cell: its ink runs}, the stack's gaps, cells that hold a number)
    for (a, b), stack in stacks.items():
        runs_of, holders, evidence = {}, set(), 0
        for cell in stack:
            own = index.within(cell)
            if not own:
                continue
            runs = runs_of[cell] = _ink(own, max(c.get("size", 10.0) for c in own))
            numeric = sum(bool(_NUMERIC_RE.match(_word_text(r[2]).replace(" ", ""))) for r in runs)
            if numeric:
                holders.add(cell)
                evidence += numeric > 1
        if evidence < 2:
            continue
        spans = sorted((r[0], r[1]) for cell in holders for r in runs_of[cell])
        size = max(c.get("size", 10.0) for cell in holders for r in runs_of[cell] for c in r[2])
        gaps, reach = [], spans[0][1]
        for lo, hi in spans[1:]:
            if lo - reach > size and a < reach and lo < b:
                gaps.append((reach, lo))
            reach = max(reach, hi)
        if gaps:
            plans.append((stack, runs_of, gaps, holders))
    if not plans:
        return table
    points = sorted({c[0] for c in cells} | {c[2] for c in cells})
    for lo, hi in sorted((g for plan in plans for g in plan[2]), key=lambda g: g[1] - g[0]):
        if not any(lo < x < hi for x in points):
            points.append((lo + hi) / 2)
    points.sort()
    new_cells = [c for c in cells if not any(c in plan[0] for plan in plans)]
    for stack, runs_of, gaps, holders in plans:
        cuts = [next(x for x in points if lo < x < hi) for lo, hi in gaps]
        for cell in stack:
            runs = runs_of.get(cell, [])
            if cell not in holders and any(r[0] < x < r[1] for x in cuts for r in runs):
                new_cells.append(cell)  # a text over several of the columns: one merged cell
                continue
            mine = [x for x in cuts if not any(r[0] < x < r[1] for r in runs)]
            bounds = [cell[0], *mine, cell[2]]
            new_cells.extend((lo, cell[1], hi, cell[3]) for lo, hi in zip(bounds, bounds[1:]))
    return Table(table.page, new_cells)


def _fill_holes(table, index: _Chars):
    """Cells for the text pdfplumber's cells leave out. Where rulings are missing around a slot of the
    table's grid, no cell covers it and its characters belong to no cell (nor to the text around the
    table): they would be lost. Each row's run of uncovered slots that holds characters becomes a cell.
    The labels of a table whose label column has no ruling at all stand left of the table; when two or
    more rows have such characters (beside the table, within its height) they become a first column;
    so do the values right of a table whose value area has no ruling."""
    from pdfplumber.table import Table

    cells = list(table.cells)
    x0b, topb, x1b, botb = table.bbox
    xs = sorted({c[0] for c in cells} | {x1b})
    tops = sorted({c[1] for c in cells})
    bands = list(zip(tops, [*tops[1:], botb]))
    taken = {id(c) for cell in cells for c in index.within(cell)}
    free = [c for *_, c in index.items if id(c) not in taken]
    if not free:
        return table
    holes = []
    for top, bottom in bands:
        if not any(top <= (c["top"] + c["bottom"]) / 2 < bottom for c in free):
            continue
        cy = (top + bottom) / 2
        run: list[float] = []
        for a, b in zip(xs, xs[1:]):
            cx = (a + b) / 2
            if any(c[0] <= cx < c[2] and c[1] <= cy < c[3] for c in cells):
                if run:
                    holes.append((run[0], top, run[1], bottom))
                run = []
            else:
                run = [run[0] if run else a, b]
        if run:
            holes.append((run[0], top, run[1], bottom))
    holes = [h for h in holes if any(_in(c, h) for c in free)]
    inside = [c for c in free if topb <= (c["top"] + c["bottom"]) / 2 < botb]
    left = [c for c in inside if c["x1"] <= x0b + 0.5]
    right = [c for c in inside if c["x0"] >= x1b - 0.5]
    for beside, lo, hi in ((left, min((c["x0"] for c in left), default=0.0) - 0.5, x0b),
                           (right, x1b, max((c["x1"] for c in right), default=0.0) + 0.5)):
        side = [h for h in ((lo, top, hi, bottom) for top, bottom in bands) if any(_in(c, h) for c in beside)]
        if len(side) >= 2:
            holes += side
    return Table(table.page, cells + holes) if holes else table


def _shading_only(ppage, tables: list) -> bool:
    """A page whose tables pdfplumber built from cell shading alone (filled boxes, no stroked line or thin
    filled rule anywhere) and that leaves rows of text between or inside them outside every cell: a
    borderless table with every other row shaded (zebra), whose "cells" are the shaded rows only. Read
    as cells, a shaded band would take the unshaded row after it; such a page is read as text."""
    if not tables or ppage.lines or ppage.curves:
        return False
    rects = ppage.rects
    if any(r.get("stroke") or min(r["width"], r["height"]) <= 2 for r in rects):
        return False  # rulings drawn as lines, stroked boxes or thin filled bars: a ruled table
    cells = [c for t in tables for c in t.cells]
    top, bottom = min(t.bbox[1] for t in tables), max(t.bbox[3] for t in tables)
    left, right = min(t.bbox[0] for t in tables), max(t.bbox[2] for t in tables)
    loose: set[int] = set()
    for c in ppage.chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if left <= cx <= right and top <= cy <= bottom and not any(
                b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in cells):
            loose.add(round(cy))
    return len(loose) >= 2


def _find_tables(ppage) -> list:
    """The page's ruled tables, with the vertical rulings that horizontal ones show missing put back
    (`_implied_verticals`) and columns without rulings between them split by their numbers
    (`_split_glued_columns`)."""
    finder = ppage.debug_tablefinder()
    tables = finder.tables
    if _shading_only(ppage, tables):
        return []
    # pdfplumber keeps no one-cell table; a table whose inner verticals are all missing is one cell
    boxes = [t.bbox for t in tables] + [c for c in finder.cells if not any(
        b[0] <= c[0] and b[1] <= c[1] and c[2] <= b[2] and c[3] <= b[3] for b in (t.bbox for t in tables))]
    if not boxes:  # no cell at all: rulings that end in the open may still close some
        boxes = [tuple(ppage.bbox)] if finder.edges else []
    if not boxes:
        return []
    chars = ppage.chars
    implied = [line for box in boxes for line in _implied_verticals(finder.edges, box, chars)]
    if implied:
        tables = ppage.find_tables({"explicit_vertical_lines": implied})
    index = _Chars(chars)
    return [_split_glued_columns(_fill_holes(t, index), index) for t in tables]


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.extract():
        fields = [cell_text(c) for c in row]
        if any(fields):
            lines.append("\t".join(fields))
    return lines


def _column_edges(table) -> tuple[float, ...]:
    """The left edges of a table's columns, as pdfplumber makes its rows: one field per distinct cell
    x0, plus the table's right edge."""
    return (*sorted({c[0] for c in table.cells}), table.bbox[2])


def _regrid(lines: list[str], edges: tuple[float, ...], union: list[float]) -> list[str]:
    """A table part's TSV rows on a finer column grid: each field moves to the slot of its column's
    left edge, the slots its cell now covers stay empty (a merged cell's text in its top-left slot)."""
    slot = [min(range(len(union) - 1), key=lambda k: abs(union[k] - x)) for x in edges[:-1]]
    out = []
    for line in lines:
        fields = line.split("\t")
        row = [""] * (len(union) - 1)
        for j, f in enumerate(fields[:len(slot)]):
            row[slot[j]] = f
        out.append("\t".join(row))
    return out


def _grid_union(grids: list[tuple[float, ...]]) -> list[float] | None:
    """The union of several parts' column edges: edges of different parts within `_SNAP_DRIFT` of a
    cluster's first edge are one edge (two edges of one part never are: they bound a column). None
    if the parts' outer borders differ."""
    marks = sorted((x, g) for g, e in enumerate(grids) for x in e)
    clusters: list[tuple[float, set[int], list[float]]] = []
    for x, g in marks:
        if clusters and x - clusters[-1][0] <= _SNAP_DRIFT and g not in clusters[-1][1]:
            clusters[-1][1].add(g)
            clusters[-1][2].append(x)
        else:
            clusters.append((x, {g}, [x]))
    if len(clusters[0][1]) < len(grids) or len(clusters[-1][1]) < len(grids):
        return None
    return [sum(xs) / len(xs) for _, _, xs in clusters]


def _same_grid(parts: list[tuple[list[str], tuple[float, ...]]]) -> None:
    """The parts of one table continued over pages on one column grid. pdfplumber splits columns by
    the cells of the page it reads, so a page whose rows never divide a merged label column (the
    予以公开 rows above the 不予公开 sub-rows) gives one field fewer than the next page: the numbers
    would shift one column. With the same outer borders, every part is put on the union of the
    parts' column edges; parts whose borders differ are left as they are."""
    grids = [e for _, e in parts if e]
    if len(grids) < 2:
        return
    union = _grid_union(grids)
    if union is None or all(len(e) == len(union) for e in grids):
        return
    for lines, edges in parts:
        if edges:
            lines[:] = _regrid(lines, edges, union)


# pypdfium2's text of a table drawn without rulings puts each cell on a line of its own (labels
# broken a few characters a line among the numbers); at this many number-only lines the page is
# read with pdfplumber instead, whose text lines keep each row's characters together.
_CELLS_APART_LINES = 12
_CJK_RE = re.compile(r"[\u3400-\u9fff]")
_MAX_PAGE_CHARS = 60_000
_SPACES_RE = re.compile(r"\s+")
_LATIN_RE = re.compile(r"[A-Za-z]")


def _only_digits_left(text: str) -> bool:
    """A text layer of mostly digits and marks (a URL among them at most): what is left of a Chinese
    layer pdfium maps no CJK from; an English page (a cover, `Annual report`) is not that."""
    solid = _SPACES_RE.sub("", text)
    return len(solid) >= 8 and len(_LATIN_RE.findall(solid)) <= 0.3 * len(solid)
_NUMBER_LINE_RE = re.compile(r"^[ \t]*\d{1,6}[ \t\r]*$", re.M)


def _cells_apart(text: str) -> bool:
    return len(_NUMBER_LINE_RE.findall(text)) >= _CELLS_APART_LINES


def _axis_aligned(obj) -> bool:
    """False for a character drawn at a slant (a diagonal watermark such as 仅供参考 / 内部资料 over the page):
    upright and vertical (90°) text is kept, a glyph turned by any other angle is not report text."""
    if obj.get("object_type") != "char":
        return True
    a, b = obj["matrix"][0], obj["matrix"][1]
    return min(abs(a), abs(b)) <= 0.05 * max(abs(a), abs(b), 1e-9)


def _plumber_items(ppage) -> list[tuple[float, str, list[str], tuple | None]] | None:
    """('text'|'table', lines, column edges) items of one page sorted by their top. A page whose
    rulings make no table (a table drawn with its outer frame only) gives pdfplumber's text lines:
    each row's characters on one line, where pypdfium2's text of such a page puts one cell per line
    and the item numbers among the values."""
    tables = _find_tables(ppage)
    if not tables:
        return [(line["top"], "text", [line["text"].rstrip()], None)
                for line in ppage.extract_text_lines(return_chars=False) if line["text"].strip()]
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, str, list[str], tuple | None]] = []
    for line in ppage.filter(outside).extract_text_lines(return_chars=False):
        text = line["text"].rstrip()
        if text.strip():
            items.append((line["top"], "text", [text], None))
    for t in tables:
        items.append((t.bbox[1], "table", _table_lines(t), _column_edges(t)))
    items.sort(key=lambda it: it[0])
    return items


def _folio_key(line: str) -> str:
    """A line with its numbers masked: a running header or footer gives the same key on every page."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _edge_keys(pages: list[list[tuple]]) -> tuple[set[str], set[str]]:
    """Keys of the text lines that repeat at the top (header) or bottom (footer) of two or more pages:
    a page's first and last two text lines outside its tables."""
    tops: dict[str, int] = {}
    bottoms: dict[str, int] = {}
    for items in pages:
        for edge, seq in ((tops, items), (bottoms, items[::-1])):
            seen = set()
            for kind, lines, _ in seq[:2]:
                if kind != "text":
                    break
                key = _folio_key(lines[0])
                if key and key not in seen:
                    seen.add(key)
                    edge[key] = edge.get(key, 0) + 1
    return ({k for k, n in tops.items() if n >= 2}, {k for k, n in bottoms.items() if n >= 2})


def _label(line: str) -> str:
    return next((f.strip() for f in line.split("\t") if f.strip()), "")


def _repeated_head(head: list[str], part: list[str]) -> int:
    """How many leading rows of a continued part repeat the table's header rows (0 if none, or if the
    part looks like the same table printed again: its next row has the label of the head's next)."""
    same = lambda x, y: re.sub(r"\s+", "", x) == re.sub(r"\s+", "", y)  # noqa: E731
    k = 0
    while k < len(head) and k < len(part) and same(head[k], part[k]):
        k += 1
    if k and k < len(head) and k < len(part) and _label(head[k]) and _label(head[k]) == _label(part[k]):
        return 0
    return k


def _glue_continued_tables(pages: list[list[tuple]]) -> None:
    """A table ending one page and a table opening the next are one table: the page furniture between
    them (page numbers, running headers and footers) is dropped, and so are the header rows the
    continued part repeats. Elsewhere only an unambiguous page number at a page's edge (`- 3 -`,
    `第3页`, `3/5`, not a bare number) is dropped."""
    top_keys, bottom_keys = _edge_keys(pages)
    carried: tuple[int, list[str]] | None = None  # (id of a continued table item, its run's header rows)
    runs: list[list] = []  # the parts of each table continued over pages: [(lines, column edges)]
    for i in range(len(pages) - 1):
        cur, nxt = pages[i], pages[i + 1]
        end = len(cur)
        while end and cur[end - 1][0] == "text" and all(
                _PAGE_NO_RE.match(x) or _folio_key(x) in bottom_keys or _folio_key(x) in top_keys
                for x in cur[end - 1][1]):
            end -= 1
        start = 0
        while start < len(nxt) and nxt[start][0] == "text" and all(
                _PAGE_NO_RE.match(x) or _folio_key(x) in top_keys or _folio_key(x) in bottom_keys
                for x in nxt[start][1]):
            start += 1
        if not (end and cur[end - 1][0] == "table" and start < len(nxt) and nxt[start][0] == "table"):
            continue
        first = cur[end - 1]
        head = carried[1] if carried is not None and carried[0] == id(first) else first[1]
        del cur[end:]
        del nxt[:start]
        part = nxt[0][1]
        del part[:_repeated_head(head, part)]
        if carried is not None and carried[0] == id(first):
            runs[-1].append((part, nxt[0][2]))
        else:
            runs.append([(first[1], first[2]), (part, nxt[0][2])])
        carried = (id(nxt[0]), head)
    for run in runs:
        _same_grid(run)
    for items in pages:
        while items and items[0][0] == "text" and all(_FOLIO_RE.match(x) for x in items[0][1]):
            del items[0]
        while items and items[-1][0] == "text" and all(_FOLIO_RE.match(x) or _PRINT_FOOTER_RE.match(x)
                                                       for x in items[-1][1]):
            del items[-1]
        _drop_print_header(items, top_keys)


# What a browser prints on every page of a saved web page: the date (and time) with the page's <title> at the
# top, the URL with `n/N` at the bottom. Neither is the report's text (the <title> ends in the site's name:
# `…年度报告_长宁区人民政府办公室`).
_PRINT_HEADER_RE = re.compile(r"^\s*\d{4}/\d{1,2}/\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)")
_PRINT_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s|$)")
_PRINT_FOOTER_RE = re.compile(r"^\s*(?:https?|file)://\S+\s+\d{1,4}\s*/\s*\d{1,4}\s*$")


def _drop_print_header(items: list[tuple], top_keys: set[str]) -> None:
    """A page's top lines that are a browser's print header: dated, repeated at the top of pages (the time
    wrapped onto a line of its own, on narrow paper, goes with it)."""
    if not (items and items[0][0] == "text" and _PRINT_HEADER_RE.match(items[0][1][0])
            and _folio_key(items[0][1][0]) in top_keys):
        return
    del items[0]
    if items and items[0][0] == "text" and _PRINT_TIME_RE.match(items[0][1][0]) and _folio_key(items[0][1][0]) in top_keys:
        del items[0]


def _read(data: bytes, full: bool) -> Reading | None:
    """The page loop of `read` (full) and `probe` (not full: no pdfplumber, no OCR; None when a page
    would need OCR, so the caller reads the file in full)."""
    doc = _open(data)
    notes: list[str] = []
    plumber = None
    try:
        pages: list[list[tuple]] = []
        no_text: list[int] = []
        ocred: list[int] = []
        ocr_budget_hit = False
        doc_ocr_s = 0.0
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            n_chars = textpage.count_chars()
            # a page holds a few thousand characters; millions are no report page (a glyph bomb): read
            # that many at most, never through pdfplumber
            raw_text = textpage.get_text_range(0, min(n_chars, _MAX_PAGE_CHARS)) if n_chars > 0 else ""  # once per page
            textpage.close()
            if n_chars > _MAX_PAGE_CHARS:
                notes.append(f"page_text_truncated: page {i + 1} draws {n_chars} characters; the first "
                             f"{_MAX_PAGE_CHARS} are read")
            has_text = bool(raw_text.strip())
            ruled, images = _page_kinds(page)
            items: list[tuple[str, list[str]]] | None = None
            # a text layer whose Chinese pypdfium2 cannot map (an OCR layer in a font it reads no CJK
            # from, such as Tesseract's GlyphLessFont one glyph a word) keeps only its digits there:
            # pdfplumber reads the characters (a page number alone, `- 3 -`, or an English page is no such layer)
            lossy = has_text and not _CJK_RE.search(raw_text) and _only_digits_left(raw_text)
            lossy = lossy and n_chars <= _MAX_PAGE_CHARS
            if lossy and not full:
                page.close()
                return None  # the landing's cheap look cannot tell: the file is read in full
            if has_text and (ruled or lossy or _cells_apart(raw_text)) and full and n_chars <= _MAX_PAGE_CHARS:
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(io.BytesIO(data))
                ppage = plumber.pages[i]  # parsed by pdfminer once: tables and text reuse its objects
                slanted = any(not _axis_aligned(c) for c in ppage.chars)
                found = _plumber_items(ppage.filter(_axis_aligned) if slanted else ppage)
                if found is not None:
                    items = [(kind, lines, edges) for _, kind, lines, edges in found]
                ppage.close()  # free pdfminer's per-page objects
            if items is None and has_text:
                items = [("text", [line], None) for line in _pdfium_text(raw_text).split("\n")]
            if items is None:
                if images and ocr.available() and not ocr_budget_hit:
                    if not full:
                        page.close()
                        return None
                    started = time.monotonic()
                    text = ocr.ocr_pdf_page(page)
                    doc_ocr_s += time.monotonic() - started
                    if time.monotonic() - started > ocr.PAGE_BUDGET_S or doc_ocr_s > ocr.DOC_BUDGET_S:
                        ocr_budget_hit = True  # the pages after it keep an ocr_needed note
                    if text.strip():
                        ocred.append(i + 1)
                        items = [("text", [text], None)]
                if items is None and images:
                    no_text.append(i + 1)
                items = items or []
            page.close()
            pages.append(items)
        _glue_continued_tables(pages)
        n = len(pages)
        if no_text:
            why = ("OCR stopped after a page exceeded its time budget, or the document its own" if ocr_budget_hit else
                   "OCR is not installed (pip install -e '.[ocr]')" if not ocr.available() else
                   "OCR found no text on them")
            listed = ", ".join(map(str, no_text[:20])) + (" ..." if len(no_text) > 20 else "")
            if len(no_text) == n:
                raise ReaderError("ocr_needed", f"PDF has no text layer on any of its {n} page(s) (scanned "
                                  f"images); {why}")
            notes.append(f"ocr_needed: page(s) {listed} of {n} have no text layer (scanned images); {why}; "
                         "the text of the other pages is kept")
        if ocred:
            notes.append(f"ocr_used: page(s) {', '.join(map(str, ocred))} of {n} were read by OCR")
        text = "\f".join("\n".join(line for _, lines, _ in items for line in lines) for items in pages)
        return Reading(text=text + "\n", source_format=OCR_FORMAT if ocred else SOURCE_FORMAT,
                       encoding=None, notes=notes, pages=n, complete=full)
    except ReaderError:
        raise
    except Exception as err:  # noqa: BLE001 - a malformed page must not stop the batch
        message = f"PDF could not be read: {err.__class__.__name__}: {err}"[:300]
        raise ReaderError("corrupt_document", message) from None
    finally:
        if plumber is not None:
            plumber.close()
        doc.close()


def read(data: bytes) -> Reading:
    """The whole PDF: ruled tables (pdfplumber), text, OCR where needed."""
    reading = _read(data, full=True)
    assert reading is not None
    return reading


def probe(data: bytes) -> Reading | None:
    """The landing scan's cheap look (pypdfium2 only, a few ms per page): the same failures, the
    same notes and page count as `read`, and every page's text layer without table cells, which
    is enough to tell a report and its year. None when a page has no text layer and OCR is
    installed (only OCR can tell): the scan then reads the file in full.
    """
    return _read(data, full=False)
