"""redteam_af helpers: the markup online document tools (飞书/Lark, 语雀, Notion, Google Docs, 腾讯文档, 金山文档/WPS
云文档, 钉钉文档) put in their markdown and HTML exports. Input: the official form as span rows (spans.py)."""
import csv
import hashlib
import html as H
import io
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first, expand_repeat, occupancy
from xhelp import emit, fin, pipe
from lhelp import t2_21, t2_19, meta
from fxq import blocks
import kprose as P


def hid(*parts, n=8):
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:n]


def br(t, w=8):
    """A long label wrapped as the editor wrapped it: <br> every w characters (the reader joins them)."""
    if len(t) <= w:
        return t
    return "<br>".join(t[i:i + w] for i in range(0, len(t), w))


def cells_of(rows):
    """yield (r, [(cell, r0, c0)]) for the cells that START in row r."""
    occ, cells, nr, nc = occupancy(rows)
    for r in range(nr):
        yield r, [(cell, r0, c0) for (cell, r0, c0) in sorted(cells, key=lambda x: x[2]) if r0 == r]


def span_attrs(cell, always=False):
    if always:
        return f' colspan="{cell["cs"]}" rowspan="{cell["rs"]}"'
    return (f' colspan="{cell["cs"]}"' if cell["cs"] > 1 else "") + (f' rowspan="{cell["rs"]}"' if cell["rs"] > 1 else "")


def html_generic(rows, td, tr=lambda r, inner: f"<tr>{inner}</tr>", sep=""):
    out = []
    for r, cs in cells_of(rows):
        out.append(tr(r, sep.join(td(cell, r0, c0) for cell, r0, c0 in cs)))
    return out


def grid_md(rows, mode="repeat", w=8, header_rows=1):
    g = expand_repeat(rows) if mode == "repeat" else expand_first(rows)
    g = [[br(x, w) for x in r] for r in g]
    return pipe(g, sep_after=header_rows - 1)


def notion_csv(rows, blanks_grid=None):
    g = expand_first(rows)
    s = io.StringIO()
    wr = csv.writer(s, lineterminator="\n")
    for r in g:
        wr.writerow(r)
    return s.getvalue().rstrip("\n")


def runs(text, n=3):
    """split a paragraph into n runs at Chinese punctuation (Google Docs starts a run where the format changes)."""
    cuts = [i + 1 for i, ch in enumerate(text) if ch in "，；。、"]
    if len(cuts) < n:
        return [text]
    step = len(cuts) // n
    pts = [cuts[step * k] for k in range(1, n)]
    out, a = [], 0
    for p in pts + [len(text)]:
        out.append(text[a:p]); a = p
    return [x for x in out if x]
