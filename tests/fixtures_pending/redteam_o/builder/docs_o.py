"""redteam_o: the report around the tables, as each tool writes running text (wrapping, indents, page breaks)."""
from render import dwidth, wrap_w
import kprose as P

BREAK = "\x00BREAK"  # a table line that is a page break (what follows is on the next page)


def centre(s, width):
    return " " * max(0, (width - dwidth(s)) // 2) + s


def right(s, width):
    return " " * max(0, width - dwidth(s)) + s


def para_lines(p, style, width):
    if style == "reflow":
        return [p]
    ls = wrap_w("　　" + p, width)
    if style == "layout":
        ls[0] = "    " + ls[0][2:]
    else:  # the indent is only an advance in the PDF: extractors start the line at the first character
        ls[0] = ls[0][2:] if ls[0].startswith("　　") else ls[0]
    return ls


def doc(b, tables, title_lines, running, style="layout", width=78, page=46, pbreak=None, para_gap=False,
        heading=None, nl="\n", title_gap=True):
    """style: layout (pdftotext -layout), lines (tika / pdfplumber / -raw / foxit), reflow (acrobat / abbyy: one
    paragraph per line). pbreak(page_no, running) -> list of lines for a page break, or None for no pagination.
    para_gap: a blank line after every paragraph (pdfminer boxes, tika paragraphs)."""
    out = []  # (text, breakable)
    for t in title_lines:
        out.append((centre(t, width) if style == "layout" and t else t, True))
    if title_gap:
        out.append(("", True))
    for blk in b:
        k = blk[0]
        if k == "title":
            continue
        if k in ("t2", "t3", "t4"):
            if style != "reflow":
                out.append(("", True))
            for ln in tables[k]:
                out.append((ln, False))
            if style != "reflow" or para_gap:
                out.append(("", True))
        elif k == "h":
            h = heading(blk[1]) if heading else P.heading(blk[1])
            out.append((("    " + h) if style == "layout" else h, True))
            if para_gap:
                out.append(("", True))
        elif k == "sign":
            out.append((right(blk[1], width - 4) if style == "layout" else blk[1], True))
        else:
            for ln in para_lines(blk[1], style, width):
                out.append((ln, True))
            if para_gap:
                out.append(("", True))
    res, n, pg = [], 0, 1
    for text, ok in out:
        if text.startswith(BREAK):
            if pbreak:
                res.extend(pbreak(pg, running)); pg += 1; n = 0
            continue
        if pbreak and n >= page and ok:
            res.extend(pbreak(pg, running)); pg += 1; n = 0
        res.append(text); n += 1
    if pbreak:
        res.extend([x for x in pbreak(pg, running) if not x.startswith("\f")][:-1] or [])
    return nl.join(res) + nl


def pb_layout(width=78):
    def f(pg, running):
        return ["", "", centre(f"- {pg} -", width), "\f" + centre(running, width), ""]
    return f


def pb_lines(ff=True):
    def f(pg, running):
        return [f"- {pg} -", ("\f" if ff else "") + running]
    return f


def pb_boxes():
    def f(pg, running):
        return ["", f"- {pg} -", "", "\f" + running, ""]
    return f
