"""redteam_o: one physical page model of the report tables, and the text that different PDF/Word-to-text tools make
of it.

`place()` lays a span table (builder_shared/spans.py rows) out on a grid of physical positions in half-width units
(CJK = 2): every cell's text is wrapped to its column, merged cells are centred over their span, numbers are
centred (or right-aligned) in their column. It returns fragments (y line, x position, text, cell id). The renderers
turn those fragments into what each tool writes:

- `r_layout`   pdftotext -layout (positions padded with spaces; `outw=len` counts each CJK character as ONE column,
               as pdftotext does, so numbers keep fixed character columns while CJK labels look short);
- `r_spaced`   PDFBox/Tika, pdfplumber extract_text, Foxit TXT: fragments on one visual line joined by one space;
- `r_boxes`    pdfminer.six pdf2txt.py (default LAParams): each cell a text box, boxes in top-to-bottom / left-to-right
               order of their top edge, a blank line after each box;
- `r_raw`      pdftotext -raw: content-stream order (cell by cell, row-major, a merged cell at its first row); a
               fragment on the same baseline as the previous one joins it with a space, otherwise a new line;
- `r_cells`    Acrobat "Save as Text": one line per cell in structure order, an empty cell an empty line;
- `r_tsv`      ABBYY FineReader TXT: tab between cells, a merged cell's text in its first position only.
"""
from core import *  # noqa
from render import dwidth, wrap_w
from spans import occupancy, expand_first


def place(rows, widths, valign="c", nalign="c", centre_rows=(), x0=0):
    """-> (frags, cells, Y): frags = [{'y','x','t','cid','li','r0','c0','k'}]; Y[r] = first line of row r."""
    occ, cells, nr, nc = occupancy(rows)
    X = [x0 + sum(widths[:c]) for c in range(nc + 1)]
    lines = {}
    for cid, (cell, r0, c0) in enumerate(cells):
        w = X[c0 + cell["cs"]] - X[c0]
        t = cell["t"]
        if cell["k"] == "num":
            lines[cid] = [t] if t != "" else []
        else:
            lines[cid] = wrap_w(t, w - 2) if t else []
    heights = [1] * nr
    for cid, (cell, r0, c0) in enumerate(cells):
        if cell["rs"] == 1:
            heights[r0] = max(heights[r0], len(lines[cid]))
    for cid, (cell, r0, c0) in enumerate(cells):
        if cell["rs"] > 1:
            need, have = len(lines[cid]), sum(heights[r0:r0 + cell["rs"]])
            if need > have:
                heights[r0 + cell["rs"] - 1] += need - have
    Y = [sum(heights[:r]) for r in range(nr + 1)]
    frags = []
    for cid, (cell, r0, c0) in enumerate(cells):
        ls = lines[cid]
        H = Y[r0 + cell["rs"]] - Y[r0]
        w = X[c0 + cell["cs"]] - X[c0]
        off = (H - len(ls)) // 2 if valign == "c" else 0
        for i, s in enumerate(ls):
            if cell["k"] == "num":
                x = X[c0] + (w - dwidth(s)) // 2 if nalign == "c" else X[c0] + w - 1 - dwidth(s)
            elif r0 in centre_rows:
                x = X[c0] + (w - dwidth(s)) // 2
            else:
                x = X[c0] + 1
            frags.append({"y": Y[r0] + off + i, "x": x, "t": s, "cid": cid, "li": i, "r0": r0, "c0": c0,
                          "k": cell["k"], "b": cell.get("b", False)})
    return frags, cells, Y


def _bylines(frags):
    by = {}
    for f in frags:
        by.setdefault(f["y"], []).append(f)
    return by


def r_layout(frags, outw=dwidth, indent=0, ys=None):
    by = _bylines(frags)
    top = max(by) if by else -1
    out = []
    for y in (ys if ys is not None else range(top + 1)):
        s = ""
        for f in sorted(by.get(y, []), key=lambda f: f["x"]):
            gap = f["x"] + indent - outw(s)
            s += " " * max(gap, 1 if s else 0) + f["t"]
        out.append(s.rstrip())
    return out


def r_spaced(frags, sep=" "):
    by = _bylines(frags)
    return [sep.join(f["t"] for f in sorted(by[y], key=lambda f: f["x"])) for y in sorted(by)]


def r_boxes(frags):
    """pdfminer: one box per cell; returns list of box texts in (top, left) order."""
    box = {}
    for f in frags:
        box.setdefault(f["cid"], []).append(f)
    order = sorted(box.values(), key=lambda fs: (min(f["y"] for f in fs), min(f["x"] for f in fs)))
    return ["\n".join(f["t"] for f in sorted(fs, key=lambda f: f["li"])) for fs in order]


def r_raw(frags):
    out, prev_y = "", None
    for f in sorted(frags, key=lambda f: (f["cid"], f["li"])):
        if prev_y is None:
            out = f["t"]
        elif f["y"] == prev_y:
            out += " " + f["t"]
        else:
            out += "\n" + f["t"]
        prev_y = f["y"]
    return out.split("\n")


def r_cells(rows):
    """Acrobat accessible text: every cell (merged cells once) on its own line, empty cells empty lines."""
    out = []
    for row in rows:
        for cell in row:
            out.append(cell["t"])
    return out


def r_tsv(rows):
    return ["\t".join(r) for r in expand_first(rows)]


# ---------------------------------------------------------------- standard widths (half-width units)
W3 = [8, 12, 28] + [8] * 7          # table 3: A (三、本年度办理结果), B (group), C (sub-row), 7 numbers
W3_NARROW = [8, 12, 28] + [6] * 7   # number columns 6 wide: header words wrap over three lines (社会/公益/组织)
W2 = [24, 18, 18, 18]
W4 = [6] * 15
T3_HEAD = (0, 1, 2)
T4_HEAD = (0, 1, 2)


def t2_centre_rows(rows):
    return {i for i, r in enumerate(rows) if r[0]["t"].startswith("第二十条") or r[0]["t"] == "信息内容"}
