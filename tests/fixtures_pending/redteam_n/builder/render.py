"""Shared renderers."""
import unicodedata
from core import *  # noqa


def plain(blocks, tables, sep="\n\n", hfmt="{}"):
    out = []
    for b in blocks:
        if b[0] in ("t2", "t3", "t4"):
            out.append(tables[b[0]])
        elif b[0] in ("h", "h3"):
            out.append(hfmt.format(b[1]))
        else:
            out.append(b[1])
    return sep.join(out)


def dwidth(s):
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def wrap_w(s, w):
    """wrap string s to display width w."""
    lines, cur = [], ""
    for ch in s:
        if dwidth(cur + ch) > w:
            lines.append(cur); cur = ch
        else:
            cur += ch
    if cur or not lines:
        lines.append(cur)
    return lines


def pad(s, w, right=False):
    n = w - dwidth(s)
    return (" " * n + s) if right else (s + " " * n)
