"""redteam_u HTML helpers: span tables with every number cell keyed, so a fixture can dress each cell."""
import html as H
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, C, N
import kprose as P

CONGRESS = {2019: "党的十九大和十九届二中、三中、四中全会精神", 2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
            2021: "党的十九大和十九届历次全会精神"}


def blocks(year, we, flavor, t3, tpl, seed, **kw):
    b = P.blocks(year, we, flavor, t3, tpl, seed, **kw)
    if year in CONGRESS:
        b = [(blk[0], blk[1].replace("党的二十大精神", CONGRESS[year])) + blk[2:]
             if blk[0] in ("p", "h3") and isinstance(blk[1], str) else blk for blk in b]
    return b


def keyed(tab, tpl, data):
    """Span rows of table tab ('t2'/'t3'/'t4') with cell['key'] = truth key and cell['v'] = value on number cells,
    and cell['row'] = row code on every cell of a data row."""
    if tab == "t3":
        rows = t3_spans(tpl, data)
        for i, (code, *_r) in enumerate(t3_rows(tpl)):
            nums = [c for c in rows[3 + i] if c["k"] == "num"]
            for c, col in zip(nums, COLS):
                c["key"] = f"table3.{code}.{col}"; c["v"] = data[code][col]
            for c in rows[3 + i]:
                c["row"] = code
        return rows
    if tab == "t4":
        rows = t4_spans(data)
        nums = [c for c in rows[3] if c["k"] == "num"]
        for c, (k, r) in zip(nums, [(k, r) for k in CASES for r in RES]):
            c["key"] = f"table4.{k}.{r}"; c["v"] = data[k][r]
        return rows
    rows = t2_spans(tpl, data)
    i = 0
    for head, hdr, items, metrics in t2_spec(tpl):
        i += 2
        for code, lab in items:
            nums = [c for c in rows[i] if c["k"] == "num"]
            for c, m in zip(nums, metrics):
                if data[code][m] is not None:  # a blank cell (规章 not printed) stays a plain empty cell
                    c["key"] = f"table2.{code}.{m}"; c["v"] = data[code][m]
            for c in rows[i]:
                c["row"] = code
            i += 1
    return rows


def span_attrs(c):
    a = ""
    if c["rs"] > 1:
        a += f' rowspan="{c["rs"]}"'
    if c["cs"] > 1:
        a += f' colspan="{c["cs"]}"'
    return a


def td_default(c):
    return f"<td{span_attrs(c)}>{H.escape(c['t'], quote=False)}</td>"


def htab(rows, td=td_default, tr=lambda i, row: "<tr>", attrs=' border="1" cellspacing="0" cellpadding="0"',
         pre="", post="", thead=0, tfoot=None, between=None):
    """rows: span rows. td(cell)->'<td…>…</td>'. tr(i,row)->opening tag. thead: number of header rows put in <thead>.
    between: {row index: html inserted before that row (e.g. a table break)}."""
    out = [f"<table{attrs}>"]
    if pre:
        out.append(pre)
    if thead:
        out.append("<thead>")
    for i, row in enumerate(rows):
        if thead and i == thead:
            out.append("</thead>")
            out.append("<tbody>")
        if between and i in between:
            out.append(between[i])
        out.append(tr(i, row) + "".join(td(c) for c in row) + "</tr>")
    if thead:
        out.append("</tbody>")
    if tfoot:
        out.append(tfoot)
    if post:
        out.append(post)
    out.append("</table>")
    return "\n".join(out)


def body_html(b, tables, hfmt="<p><strong>{}</strong></p>", pfmt="<p>{}</p>", title_tag="h1", sfmt=None):
    out = []
    for blk in b:
        k = blk[0]
        if k in tables:
            out.append(tables[k])
        elif k == "title":
            out.append(f"<{title_tag}>{blk[1]}</{title_tag}>")
        elif k == "h":
            out.append(hfmt.format(P.heading(blk[1])))
        elif k == "h3":
            out.append(pfmt.format(blk[1]))
        elif k == "sign":
            out.append((sfmt or '<p style="text-align:right">{}</p>').format(blk[1]))
        elif k == "raw":
            out.append(blk[1])
        else:
            out.append(pfmt.format(H.escape(blk[1], quote=False)))
    return "\n".join(out)


def page(title, head, body, tail, css="", headx=""):
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{title}</title>\n<style>{css}</style>\n{headx}</head>\n<body>\n" + head + "\n" + body + "\n"
            + tail + "\n</body>\n</html>\n")


def pos(b, kind, n=None):
    for i, blk in enumerate(b):
        if blk[0] == kind and (n is None or blk[1] == n):
            return i
    raise KeyError((kind, n))


def after(b, kind, new, n=None):
    i = pos(b, kind, n) + 1
    b[i:i] = new
