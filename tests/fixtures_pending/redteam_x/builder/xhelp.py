"""redteam_x helpers: what document-AI and LLM converters emit (MinerU, docling, Marker, Azure DI, Textract,
PP-Structure, Unstructured, LLM transcripts)."""
import hashlib
import html as H
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first, expand_repeat, occupancy
from lhelp import t2_blank_keys
from render import wrap_w
import kprose as P


def hexid(*parts, n=64):
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


def emit(b, tables, title="{}", h="{}", h3="{}", p="{}", sign="{}", sep="\n\n", hook=None):
    """Render prose blocks; hook(i, blk) may return extra text put before block i."""
    out = []
    for i, blk in enumerate(b):
        if hook:
            x = hook(i, blk)
            if x:
                out.append(x)
        k = blk[0]
        if k in tables:
            out.append(tables[k])
        elif k == "h":
            out.append(h.format(P.heading(blk[1])))
        elif k == "title":
            out.append(title.format(blk[1]))
        elif k == "h3":
            out.append(h3.format(blk[1]))
        elif k == "sign":
            out.append(sign.format(blk[1]))
        else:
            out.append(p.format(blk[1]))
    return sep.join(out)


def html_part(rows, r0=0, r1=None, tag=lambda r, cell: "td", esc=True, nl="", empty_cont=True):
    """HTML of the span rows r0..r1-1: spans clipped to the range; a cell that started above r0 comes back as an
    empty cell covering its remaining rows (as a converter sees a merged cell that continues on the next page)."""
    occ, cells, nr, nc = occupancy(rows)
    r1 = nr if r1 is None else r1
    out = []
    for r in range(r0, r1):
        tds = []
        for c in range(nc):
            cid = occ[(r, c)]
            cell, cr, cc = cells[cid]
            if cc != c:
                continue
            if cr == r:
                txt = cell["t"]
                rs = min(cell["rs"], r1 - r)
            elif r == r0 and empty_cont:
                txt = ""
                rs = min(cell["rs"] - (r0 - cr), r1 - r)
            else:
                continue
            a = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cell["cs"]}"' if cell["cs"] > 1 else "")
            t = tag(r, cell)
            tds.append(f"<{t}{a}>{H.escape(txt, quote=False) if esc else txt}</{t}>")
        out.append("<tr>" + nl.join(tds) + "</tr>")
    return (nl or "").join(out)


def pipe(grid, pad=False, sep_after=0):
    w = max(len(r) for r in grid)
    rows = [list(r) + [""] * (w - len(r)) for r in grid]
    if pad:
        widths = [max(3, max(len(r[c]) for r in rows)) for c in range(w)]
        line = lambda r: "| " + " | ".join(x.ljust(widths[i]) for i, x in enumerate(r)) + " |"
        sepl = "|" + "|".join("-" * (x + 2) for x in widths) + "|"
    else:
        line = lambda r: "| " + " | ".join(r) + " |"
        sepl = "|" + "---|" * w
    out = []
    for i, r in enumerate(rows):
        out.append(line(r))
        if i == sep_after:
            out.append(sepl)
    return "\n".join(out)


def fin(name, ext, text, m, tpl, t2, t3, t4, notes, blanks=(), t2_lost=(), t4_null=False, big_ok=False, extra=None):
    tr = truth(m, tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2) | set(t2_lost), notes=notes,
               big_ok=big_ok, extra=extra)
    if t4_null:
        tr["table4"] = None
        tr["derived"] = {k: v for k, v in tr["derived"].items() if not k.startswith("table4")}
    write(name, ext, text, tr)
