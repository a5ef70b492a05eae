"""Renderers: a report model → the text of one real-world shape (web export, crawler dump, PDF conversion…).

Each `render_<name>(model, rng) -> (text, file_suffix)` prints exactly the model's values; a blank cell
is printed the way that shape prints one (an empty TSV field, `<td></td>`, spaces, or nothing at all
where the source format loses empty cells). Variation (blank style, page breaks, wrapping…) comes from rng.
"""

from __future__ import annotations

import dataclasses
import html as _html
import random
import re
from functools import lru_cache

from transforms.synth.report import Cell, Report, Table, TABLE_SECTION, fmt_value


# ---------------------------------------------------------------- shared helpers

def _num(m: Report, c: Cell, plain: bool = False) -> str:
    return m.strings(plain)[c.key]


def _text(m: Report, c: Cell, plain: bool = False) -> str:
    return m.strings(plain)[c.key] if c.kind == "num" else c.text


def blocks(m: Report):
    """The document in reading order: ('title', s) ('para', s) ('heading', s) ('table', Table) ('sign', s)."""
    yield "title", m.title
    for p in m.intro:
        yield "para", p
    for n, (heading, paras) in m.sections.items():
        yield "heading", heading
        for p in paras:
            yield "para", p
        for name, t in m.tables.items():
            if TABLE_SECTION[name] == n:
                yield "table", t
    for s in m.signoff:
        yield "sign", s


def _grid_template(t: Table, centre: bool) -> tuple[list[list[str]], list[tuple[int, int, str]]]:
    """The layout part of grid_text, once per table layout: the rectangle with header and label texts, and
    the (row, column, key) slots where numbers go."""
    key = ("grid_text", centre)
    got = t.memo.get(key)
    if got is not None:
        return got
    g = t.grid()
    base = [["" for _ in range(t.ncols)] for _ in g]
    slots: dict[tuple[int, int], str] = {}
    for r, row in enumerate(g):
        for c, (cell, origin) in enumerate(row):
            if cell is None or not origin:
                continue
            rr = r + (cell.rowspan - 1) // 2 if centre and cell.kind == "label" else r
            if cell.kind == "num":
                slots[(rr, c)] = cell.key
            else:
                base[rr][c] = cell.text
                slots.pop((rr, c), None)
    got = t.memo[key] = (base, [(r, c, k) for (r, c), k in slots.items()])
    return got


def grid_text(m: Report, t: Table, plain: bool = False, centre: bool = False) -> list[list[str]]:
    """The table as a full rectangle of strings; a spanned cell's text sits in its origin slot
    (or, with `centre`, a row-spanning label in the middle row of its span)."""
    base, slots = _grid_template(t, centre)
    out = [list(row) for row in base]
    strs = m.strings(plain)
    for r, c, k in slots:
        out[r][c] = strs[k]
    return out


_WIDE = re.compile("[\u1100-\U0010ffff]")


def _width(s: str) -> int:
    """Display columns (CJK and fullwidth forms take two)."""
    return len(s) if s.isascii() else len(s) + len(_WIDE.findall(s))


@lru_cache(maxsize=50_000)
def _wrap(s: str, width: int) -> tuple[str, ...]:
    """Split s into chunks of at most `width` display columns, never inside a run of digits/Latin."""
    out, cur, w = [], [], 0
    prev = ""
    for ch in s:
        cw = 2 if ord(ch) >= 0x1100 else 1
        inside_number = ch.isascii() and ch.isalnum() and prev.isascii() and prev.isalnum() and prev != ""
        if cur and w + cw > width and not (inside_number and w < width + 8):
            out.append("".join(cur))
            cur, w = [], 0
        cur.append(ch)
        w += cw
        prev = ch
    if cur:
        out.append("".join(cur))
    return tuple(out) or ("",)


def _pad(s: str, width: int, right: bool = False) -> str:
    if s.isascii():
        return s.rjust(width) if right else s.ljust(width)
    gap = " " * max(0, width - _width(s))
    return gap + s if right else s + gap


def _lines_doc(m: Report, table_lines, heading=lambda s: s, para=lambda s: s, title=lambda s: s,
               sep: str = "\n\n") -> str:
    parts = []
    for kind, x in blocks(m):
        if kind == "table":
            parts.append("\n".join(table_lines(x)))
        elif kind == "heading":
            parts.append(heading(x))
        elif kind == "title":
            parts.append(title(x))
        else:
            parts.append(para(x))
    return sep.join(parts) + "\n"


def _tsv_lines(m: Report, t: Table) -> list[str]:
    return ["\t".join(r) for r in grid_text(m, t)]


def _pipe(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "｜") for c in cells) + " |"


def _pipe_table(rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    return [_pipe(rows[0]), _pipe(["---"] * len(rows[0]))] + [_pipe(r) for r in rows[1:]]


# ---------------------------------------------------------------- 1. tsv

def render_tsv(m: Report, rng: random.Random) -> tuple[str, str]:
    return _lines_doc(m, lambda t: _tsv_lines(m, t), sep=rng.choice(["\n\n", "\n"])), ".txt"


# ---------------------------------------------------------------- 2./3. crawler dumps

def _crawler_header(m: Report, rng: random.Random) -> str:
    colon = rng.choice([":", "："])
    title = m.title.replace("\n", "")
    site = rng.choice(["www", "zwgk", "xxgk"])
    return "\n".join([
        f"标题{colon}{title}",
        f"发布时间{colon}{m.published}" + rng.choice(["", " 09:30", " 16:05:12"]),
        f"文号{colon}" + rng.choice(["无", "", f"{m.year + 1}-{rng.randint(1, 99):05d}"]),
        f"发布机构{colon}{m.agency}",
        f"栏目{colon}" + rng.choice(["政府信息公开年报", "年度报告", "政务公开 > 政府信息公开年报"]),
        f"原文链接{colon}http://{site}.example.gov.cn/art/{m.year + 1}/{rng.randint(1, 12)}/{rng.randint(1, 28)}/"
        f"art_{rng.randint(1000, 9999)}_{rng.randint(100000, 999999)}.html",
        rng.choice(["==== 正文 ====", "========== 正文 ==========", "---- 正文 ----"]),
    ])


def _flat_rows(m: Report, t: Table, glue: bool) -> list[str]:
    rows = []
    for row in t.line_rows():
        texts = [_text(m, c, plain=True) for c in row]
        texts = [x for x in texts if x]
        rows.append(("" if glue else " ").join(texts))
    return [r for r in rows if r]


def _crawler(m: Report, rng: random.Random, glue: bool) -> str:
    row_sep = rng.choice(["", " "]) if glue else " "
    parts = []
    for kind, x in blocks(m):
        if kind == "table":
            parts.append(row_sep.join(_flat_rows(m, x, glue)))
        elif kind == "title":
            if rng.random() < 0.5:
                parts.append(x.replace("\n", " "))
        else:
            parts.append(x)
    return _crawler_header(m, rng) + "\n" + " ".join(parts) + "\n"


def render_crawler_oneline(m: Report, rng: random.Random) -> tuple[str, str]:
    return _crawler(m, rng, glue=False), ".txt"


def render_crawler_glued(m: Report, rng: random.Random) -> tuple[str, str]:
    return _crawler(m, rng, glue=True), ".txt"


# ---------------------------------------------------------------- 4./5. HTML

def _e(s: str) -> str:
    return _html.escape(s, quote=False)


_WORD_EMPTY = ("<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p>"
               "</span></p>")
_CMS_STYLE = ' style="border:1px solid #000;text-align:center;"'
_CMS_WRAPS = ['<span style="font-family:宋体;font-size:14px;">{}</span>', '<p style="text-align:center;">{}</p>', "{}"]


def _html_plan(t: Table, word: bool) -> list[tuple[str, list[tuple]]]:
    """Per row: its <tr> and, per cell, (key, static, before, after). A number cell (key set) prints
    static when blank, else before + number + after; a text cell prints static, or (cms) a blank cell
    (static None: before + the blank style + after). Built once per table layout."""
    memo_key = ("html", word)
    got = t.memo.get(memo_key)
    if got is not None:
        return got
    plan = []
    for r, row in enumerate(t.rows):
        cells = []
        for c in row:
            span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
            num = c.kind == "num"
            if word:
                span = span.replace('"', "")
                w = 48 if num else 96 * c.colspan
                td = (f"<td width={w}{span} valign=top style='width:{w * 0.75:.1f}pt;border:solid windowtext 1.0pt;"
                      f"mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'>")
                before = (f"{td}<p class=MsoNormal align=center style='text-align:center;mso-pagination:widow-orphan'>"
                          f"<span {'lang=EN-US ' if num else ''}style='font-size:10.5pt;font-family:仿宋_GB2312;"
                          f"mso-hansi-font-family:宋体;mso-bidi-font-family:\"Times New Roman\"'>")
                after = "<o:p></o:p></span></p></td>"
                empty = f"{td}{_WORD_EMPTY}</td>"
                if num:
                    cells.append((c.key, empty, before, after))
                else:
                    cells.append((None, f"{before}{_e(c.text)}{after}" if c.text else empty, None, None))
            else:
                td = f"<td{span}{_CMS_STYLE}>"
                if num:
                    cells.append((c.key, None, td, "</td>"))
                elif c.text:
                    cells.append((None, f'{td}<p style="text-align:center;">{_e(c.text)}</p></td>', None, None))
                else:
                    cells.append((None, None, td, "</td>"))
        plan.append(("<tr>" if not word else f"<tr style='mso-yfti-irow:{r}'>", cells))
    got = t.memo[memo_key] = plan
    return got


def _html_table(m: Report, t: Table, rng: random.Random, word: bool) -> str:
    blank = rng.choice(["", "&nbsp;", "mixed"])
    out = []
    if word:
        out.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width=601 "
                   "style='width:450.8pt;border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;"
                   "mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>")
    else:
        out.append('<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;'
                   'font-size:14px;border:1px solid #000;">')
        out.append("<tbody>")
    strs = m.strings()
    for tr, cells in _html_plan(t, word):
        out.append(tr)
        for key, static, before, after in cells:
            txt = strs[key] if key is not None else None
            if word:  # a printed number needs no escaping (digits, , . - 增 减)
                out.append(before + txt + after if txt else static)
            elif txt:  # a printed number
                out.append(before + rng.choice(_CMS_WRAPS).format(txt) + after)
            elif static is not None:  # header or label text
                out.append(static)
            else:  # a blank number or an empty text cell
                out.append(before + (blank if blank != "mixed" else rng.choice(["", "&nbsp;"])) + after)
        out.append("</tr>")
    out.append("</tbody></table>" if not word else "</table>")
    return "\n".join(out)


def _html_doc(m: Report, rng: random.Random, word: bool) -> str:
    title = m.title.replace("\n", "")
    head = f"<title>{_e(title)}</title>"
    if word:
        body = []
        for kind, x in blocks(m):
            if kind == "table":
                body.append(_html_table(m, x, rng, word=True))
            elif kind == "title":
                for line in x.split("\n"):
                    body.append(f"<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:"
                                f"22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:宋体'>{_e(line)}<span lang=EN-US>"
                                "<o:p></o:p></span></span></b></p>")
            elif kind == "heading":
                body.append(f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:"
                            f"16.0pt;font-family:黑体;mso-hansi-font-family:宋体'>{_e(x)}<span lang=EN-US><o:p></o:p></span>"
                            "</span></p>")
            else:
                align = " align=right style='text-align:right'" if kind == "sign" else \
                    " style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'"
                body.append(f"<p class=MsoNormal{align}><span style='font-size:16.0pt;font-family:仿宋_GB2312;"
                            f"mso-hansi-font-family:宋体'>{_e(x)}<span lang=EN-US><o:p></o:p></span></span></p>")
        return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                "xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n<head>\n<meta http-equiv=Content-Type "
                f"content=\"text/html; charset=utf-8\">\n{head}\n<style>\n<!--\np.MsoNormal {{mso-style-parent:\"\";"
                "margin:0cm;text-align:justify;font-size:10.5pt;font-family:\"Times New Roman\";}}\n-->\n</style>\n"
                "</head>\n<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>\n"
                "<div class=WordSection1 style='layout-grid:15.6pt'>\n" + "\n".join(body) + "\n</div>\n</body>\n</html>\n")
    body = []
    for kind, x in blocks(m):
        if kind == "table":
            body.append('<div style="overflow-x:auto;">' + _html_table(m, x, rng, word=False) + "</div>")
        elif kind == "title":
            body.append(f'<h1 class="article-title">{"<br/>".join(_e(s) for s in x.split(chr(10)))}</h1>\n'
                        f'<div class="article-info">发布时间：{m.published}　来源：{_e(m.agency)}　浏览次数：'
                        f'{rng.randint(100, 9999)}</div>\n<div class="TRS_Editor" id="zoom">')
        elif kind == "heading":
            body.append(rng.choice([f"<p><strong>{_e(x)}</strong></p>",
                                    f'<p style="text-indent:2em;"><b>{_e(x)}</b></p>', f"<h3>{_e(x)}</h3>"]))
        elif kind == "sign":
            body.append(f'<p style="text-align:right;">{_e(x)}</p>')
        else:
            body.append(f'<p style="text-indent:2em;line-height:1.75em;"><span style="font-family:仿宋;font-size:16px;">'
                        f"{_e(x)}</span></p>")
    return (f"<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n{head}\n"
            "<link rel=\"stylesheet\" href=\"/css/main.css\">\n</head>\n<body>\n<div class=\"main\">\n"
            + "\n".join(body) + "\n</div>\n</div>\n</body>\n</html>\n")


def render_html_cms(m: Report, rng: random.Random) -> tuple[str, str]:
    return _html_doc(m, rng, word=False), ".html"


def render_html_word(m: Report, rng: random.Random) -> tuple[str, str]:
    return _html_doc(m, rng, word=True), ".html"


# ---------------------------------------------------------------- 6. broken PDF→markdown

def _split_label_rows(rows: list[list[str]], nlabel: int, rng: random.Random, p: float) -> list[list[str]]:
    """Some long label cells wrap: the cell's tail goes to an extra row whose other cells are empty."""
    out = []
    for r in rows:
        long = [i for i in range(nlabel) if len(r[i]) > 12]
        if long and rng.random() < p:
            i = long[-1]
            cut = rng.randint(5, len(r[i]) - 4)
            head, tail = list(r), [""] * len(r)
            head[i], tail[i] = r[i][:cut], r[i][cut:]
            out += [head, tail]
        else:
            out.append(r)
    return out


def render_pdf_markdown_broken(m: Report, rng: random.Random) -> tuple[str, str]:
    page = [rng.randint(2, 4)]

    def table(t: Table) -> list[str]:
        rows = grid_text(m, t, centre=True)
        head, body = rows[:t.header_rows], rows[t.header_rows:]
        nlabel = {"table2": 1, "table3": 3, "table4": 0}[t.name]
        body = _split_label_rows(body, nlabel, rng, 0.25) if nlabel else body
        if t.name == "table2":
            return _pipe_table(body)
        breaks = sorted(rng.sample(range(2, len(body) - 1), k=min(2, max(0, len(body) - 3)))) if \
            t.name == "table3" and len(body) > 6 else []
        breaks = breaks[:rng.randint(1, 2)]
        out, start = [], 0
        for b in breaks + [len(body)]:
            chunk = head + body[start:b] if start == 0 or rng.random() < 0.8 else \
                [[""] * t.ncols] + body[start:b]
            out += _pipe_table(chunk)
            if b < len(body):
                page[0] += 1
                out += ["", rng.choice([f"- {page[0]} -", f"— {page[0]} —", f"{page[0]}"]), ""]
            start = b
        return out

    return _lines_doc(m, table, heading=lambda s: rng.choice([s, f"**{s}**"])), ".md"


# ---------------------------------------------------------------- 7. OCR / LLM markdown, one table per row group

def render_ocr_md_rowgroups(m: Report, rng: random.Random) -> tuple[str, str]:
    merge = rng.random() < 0.5  # the label columns as one cell, or kept apart

    def table(t: Table) -> list[str]:
        rows = grid_text(m, t)
        nlabel = {"table2": 1, "table3": 3, "table4": 0}[t.name]
        if merge and nlabel > 1:
            rows = [[" ".join(x for x in r[:nlabel] if x)] + r[nlabel:] for r in rows]
        starts = sorted(set([0] + ([t.header_rows] if t.header_rows else []) + t.group_starts + [len(rows)]))
        out = []
        for a, b in zip(starts, starts[1:]):
            grp = rows[a:b]
            if not grp:
                continue
            n = len(grp[0])
            out += [_pipe([f"数据{i + 1}" for i in range(n)]), _pipe(["---"] * n)]
            if rng.random() < 0.3:
                out.append("")
            out += [_pipe(r) for r in grp] + [""]
        return out[:-1]

    return _lines_doc(m, table, heading=lambda s: rng.choice([s, f"## {s}", f"**{s}**"]),
                      title=lambda s: "# " + s.replace("\n", " ")), ".md"


# ---------------------------------------------------------------- 8. pdftotext -layout

def _layout_lines(cols: list[tuple[int, int, str]], right: set[int] = frozenset(), centre: bool | set[int] = False) -> list[str]:
    """cols: (start, width, text) → lines, each text wrapped inside its column (centred in it for the
    columns in `centre`, or all of them when it is True)."""
    centred = frozenset(range(len(cols))) if centre is True else frozenset(centre or ())
    return list(_layout_cached(tuple(cols), frozenset(right), centred))


def _centred(s: str, width: int) -> str:
    gap = max(0, width - _width(s))
    return " " * (gap // 2) + s + " " * (gap - gap // 2)


@lru_cache(maxsize=50_000)
def _layout_cached(cols: tuple[tuple[int, int, str], ...], right: frozenset[int], centre: frozenset[int]) -> tuple[str, ...]:
    wrapped = [(s, w, _wrap(txt, w) if txt else [""]) for s, w, txt in cols]
    n = max(len(x[2]) for x in wrapped)
    lines = []
    for k in range(n):
        line = ""
        for i, (s, w, parts) in enumerate(wrapped):
            if k < len(parts) and parts[k]:
                line = _pad(line, s) + (_centred(parts[k], w) if i in centre else _pad(parts[k], w, right=i in right))
        lines.append(line.rstrip())
    return tuple(lines)


_LAYOUT_TOKEN = re.compile(r"\S+")


def _by_characters(line: str) -> str:
    """A laid-out line as a tool that counts characters prints it (pdftotext): each word starts at the
    character index of its display column, so a CJK character takes one place and the gap after it grows."""
    out, at = [], 0
    for mt in _LAYOUT_TOKEN.finditer(line):
        start = _width(line[: mt.start()])
        out.append(" " * max(start - at, 1 if out else 0) + mt.group(0))
        at = max(start, at + (1 if len(out) > 1 else 0)) + len(mt.group(0))
    return "".join(out)


def render_pdftotext_layout(m: Report, rng: random.Random) -> tuple[str, str]:
    nums_on_last = rng.random() < 0.5
    vertical = rng.choice(["chars", "fragment"])
    numw = rng.choice([8, 9, 10])
    count_chars = rng.random() < 0.5  # positions by display width, or by characters as pdftotext counts
    centred = rng.random() < 0.5  # header words and numbers centred in their cells (WPS), or left / right
    in_cell = (lambda x, w: _centred(x, w)) if centred else (lambda x, w: _pad(x, w, right=True))

    def t3(t: Table) -> list[str]:
        A, B, C, N = 0, 6, 24, 58
        out = []
        out += _layout_lines([(A, N - 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"[:26]),
                              (N + numw * 3, numw * 3, "申请人情况")])
        out += _layout_lines([(A, N - 2, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"[26:]),
                              (N, numw, "自然人"), (N + numw * 2, numw * 4, "法人或其他组织"), (N + numw * 6, numw, "总计")],
                             centre={1, 3} if centred else False)
        heads = ["", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
        out += _layout_lines([(N + numw * i, numw - 1, h) for i, h in enumerate(heads)], centre=centred)
        g = t.grid()
        vert_rows = []
        for r in range(t.header_rows, len(t.rows)):
            cells = [(c, cell) for c, (cell, origin) in enumerate(g[r]) if cell is not None and origin]
            labels = {c: cell for c, cell in cells if cell.kind == "label"}
            nums = [cell for c, cell in cells if cell.kind == "num"]
            cols = []
            for c, cell in labels.items():
                if cell.text == "三、本年度办理结果":
                    vert_rows = list(range(len(out), len(out) + cell.rowspan))
                    continue
                start, width = {0: (A, N - 2), 1: (B, N - B - 2), 2: (C, N - C - 2)}[c]
                if c == 1 and cell.colspan == 1:
                    width = C - B - 1
                cols.append((start, width, cell.text))
            block = _layout_lines(cols) if cols else [""]
            numline = "".join(in_cell(_num(m, x), numw) for x in nums)
            k = len(block) - 1 if nums_on_last else 0
            block[k] = _pad(block[k], N) + numline
            out += [b.rstrip() for b in block]
        if vert_rows:  # the vertical label of the result rows
            label = "三、本年度办理结果"
            if vertical == "chars":
                mid = vert_rows[0] + max(0, (len(vert_rows) - len(label)) // 2)
                for i, ch in enumerate(label):
                    j = mid + i
                    if j < len(out):
                        out[j] = ch + out[j][2:] if out[j][:2].strip() == "" else out[j]
            else:
                j = vert_rows[0] + len(vert_rows) // 2
                out.insert(j, "三、本年度")
                out.insert(j + 2, "办理结果")
        return out

    def t2(t: Table) -> list[str]:
        out = []
        for row in t.rows:
            if len(row) == 1 and row[0].kind == "head":
                out.append(row[0].text)
                continue
            cols, pos = [], 0
            for c in row:
                w = 22 if pos == 0 else 16 * c.colspan
                txt = _text(m, c)
                cols.append((pos, w - 2, txt))
                pos += w
            right = {i for i, c in enumerate(row) if c.kind == "num"}
            out += _layout_lines(cols, right)
        return out

    def t4(t: Table) -> list[str]:
        w = 6
        out = _layout_lines([(0, w * 5, "行政复议"), (w * 5 + w * 3, w * 7, "行政诉讼")])
        out += _layout_lines([(w * i, w - 1, h) for i, h in enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])]
                             + [(w * 5, w * 5 - 1, "未经复议直接起诉"), (w * 10, w * 5 - 1, "复议后起诉")], centre=centred)
        out += _layout_lines([(w * (5 + i), w - 1, h) for i, h in
                              enumerate(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)], centre=centred)
        out.append("".join(in_cell(_num(m, c), w) for c in t.rows[-1]))
        return out

    def table(t: Table) -> list[str]:
        lines = {"table2": t2, "table3": t3, "table4": t4}[t.name](t)
        return [_by_characters(x) for x in lines] if count_chars else lines

    ind = rng.choice(["", "    "])
    return _lines_doc(m, table, para=lambda s: "\n".join(ind + x for x in _wrap(s, 76)), sep="\n\n"), ".txt"


_BLANKED = ("table3.", "table4.")


def _zeros_blank(m: Report) -> Report:
    """The model with every 0 of tables 3 and 4 a blank cell (WPS/Word PDFs that leave zeros empty)."""
    values = {k: (None if v == 0 and k.startswith(_BLANKED) else v) for k, v in m.values.items()}
    return dataclasses.replace(m, values=values, _strings={})


def render_pdftotext_layout_blank_zeros(m: Report, rng: random.Random) -> tuple[str, str]:
    """`pdftotext -layout` of a PDF whose table-3 and table-4 zeros are empty cells: a row shows only
    its non-zero numbers, and where each stands is the only sign of its column."""
    return render_pdftotext_layout(_zeros_blank(m), rng)


def printed_truth(shape: str, truth: dict) -> dict:
    """The truth of a report as `shape` prints it: the cells a shape leaves blank are null, with
    their value kept in `derived` (right when the table's identities pin it, abstained otherwise)."""
    out = dict(truth, table_shape=shape)
    if shape == "traditional" or "script" in truth:
        out["script"] = "traditional" if shape == "traditional" else truth["script"]
    if shape == "pdftotext_layout_blank_zeros":
        out.update(_zeros_blank_truth(truth))
    return out


def _zeros_blank_truth(truth: dict) -> dict:
    """Tables 3 and 4 with every 0 a blank: `derived` for the blanks the identities pin (they must be
    read), plain null for the rest (null or 0 are both right there: no reader can know)."""
    from transforms.synth.generate import identities, pinned

    t3, t4 = truth.get("table3") or {}, truth.get("table4") or {}
    cells = {f"{name}.{row}.{col}": v for name, t in (("table3", t3), ("table4", t4))
             for row, cols in t.items() for col, v in cols.items()}
    derived = dict(truth.get("derived") or {})
    unknown = {k for k, v in cells.items() if v is None or v == 0}
    known = {k: v for k, v in cells.items() if k not in unknown}
    ids = [(a, b) for a, b in identities(t3, t4) if all(k in cells for k in a + b)]
    # an identity the report's own print breaks (every cell printed, the sums differ) pins nothing
    ids = [(a, b) for a, b in ids if any(cells[k] is None for k in a + b)
           or sum(cells[k] for k in a) == sum(cells[k] for k in b)]
    fixed = pinned(known, unknown, ids)
    out: dict = {}
    for name, t in (("table3", t3), ("table4", t4)):
        if name in truth:
            out[name] = {row: {col: (None if v == 0 else v) for col, v in cols.items()} for row, cols in t.items()}
    for k, v in cells.items():
        if v == 0 and fixed.get(k) == 0:
            derived[k] = 0
        elif v == 0:
            derived.pop(k, None)
        elif v is None and k in fixed and k not in derived:
            derived[k] = fixed[k]  # a cell the source printed unreadably, which the sums pin here
        # (a cell the source itself left blank keeps its derived value: the table's other cells may
        # still pin it, by more than the one-unknown rule `pinned` applies)
    out["derived"] = derived
    return out


# ---------------------------------------------------------------- 9. pdfplumber extract_text

def render_pdfplumber_text(m: Report, rng: random.Random) -> tuple[str, str]:
    limit = rng.choice([10, 14, 18])

    def table(t: Table) -> list[str]:
        out = []
        for i, row in enumerate(t.line_rows(centre=True)):
            labels = [c.text for c in row if c.kind in ("label", "head") and c.text]
            nums = [_num(m, c, plain=True) for c in row if c.kind == "num"]
            nums = [x for x in nums if x]
            label = " ".join(labels)
            if i < t.header_rows or not nums:
                if label or nums:
                    out.append(" ".join([label] + nums).strip())
                continue
            if _width(labels[-1] if labels else "") > limit * 2:
                # a multi-line label cell: the numbers sit on the line above the label text
                out.append(" ".join(nums))
                out += _wrap(label, limit * 2)
            else:
                out.append(" ".join([label] + nums).strip())
        return out

    return _lines_doc(m, table, sep="\n"), ".txt"


# ---------------------------------------------------------------- 10. traditional script

_S2T_CACHE: dict[str, str] = {}
_S2T = None


def to_traditional(text: str) -> str:
    """OpenCC s2t of the text, converting each distinct line or TSV cell once (most repeat across reports).
    OpenCC's phrase dictionaries hold no newline or tab, so piece by piece gives the same text as one call."""
    global _S2T
    if _S2T is None:
        import opencc
        _S2T = opencc.OpenCC("s2t")
    cache = _S2T_CACHE
    if len(cache) > 200_000:
        cache.clear()
    out = []
    for line in text.split("\n"):
        got = cache.get(line)
        if got is None:
            if line.isascii():
                got = line
            elif "\t" in line:
                got = "\t".join(to_traditional(x) for x in line.split("\t"))
            else:
                got = _S2T.convert(line)
            cache[line] = got
        out.append(got)
    return "\n".join(out)


def render_traditional(m: Report, rng: random.Random) -> tuple[str, str]:
    text, suffix = render_tsv(m, rng)
    return to_traditional(text), suffix


# ---------------------------------------------------------------- 11. website chrome

def render_web_chrome(m: Report, rng: random.Random) -> tuple[str, str]:
    region = [x for x in (m.truth.get("region") or []) if x]
    site = (region[-1] if region else m.agency) + rng.choice(["人民政府", "人民政府门户网站", "政务公开"])
    if region and region[-1].endswith(("街道", "镇", "乡")):
        site = (region[-2] if len(region) > 1 else region[0]) + "人民政府"
    crumbs = rng.choice(["首页 > 政务公开 > 政府信息公开年报", "首页 > 信息公开 > 法定主动公开内容 > 政府信息公开年报",
                         "您当前的位置：首页 > 政务公开 > 年度报告"])
    before = [site, "首页 | 政务公开 | 政务服务 | 互动交流 | 走进" + (region[-1] if region else "我们"),
              crumbs, "【字体：大 中 小】 打印本页 关闭窗口"]
    between = [["分享到：", "扫一扫在手机打开当前页"], ["【打印本页】【关闭窗口】"], ["相关链接：国务院 | 省政府 | 市政府"],
               ["返回顶部"]]
    after = ["相关链接", "中国政府网 | 国务院部门网站 | 地方政府网站", "网站地图 | 联系我们 | 使用帮助",
             f"主办单位：{site}办公室" if not site.endswith("办公室") else f"主办单位：{site}",
             f"版权所有：{site}", f"ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}",
             f"网站标识码：{rng.randint(1000000000, 9999999999)}", "扫一扫在手机打开当前页", "分享到："]
    body = []
    for kind, x in blocks(m):
        if kind == "heading" and body and rng.random() < 0.4:
            body += rng.choice(between)
        if kind == "table":
            body += _tsv_lines(m, x)
        else:
            body.append(x)
    return "\n".join(before + body + after) + "\n", ".txt"


# ---------------------------------------------------------------- 12. PDF text with page debris

def render_page_debris(m: Report, rng: random.Random) -> tuple[str, str]:
    text, _ = render_tsv(m, random.Random(rng.random()))
    lines = text.split("\n")
    per = rng.randint(18, 34)
    total = len(lines) // per + 1
    style = rng.choice(["dash", "of", "both"])
    out, glued, p = [], False, 1
    for i, line in enumerate(lines):
        if i and i % per == 0:
            p += 1
            cjk = [k for k in range(4, len(line) - 4) if "\u4e00" <= line[k - 1] <= "\u9fff" and "\u4e00" <= line[k] <= "\u9fff"]
            if not glued and "\t" not in line and cjk and not any(ch.isdigit() for ch in line):
                k = rng.choice(cjk)  # the page break fell inside this line: its number is glued into a word
                out.append(line[:k] + str(p - 1) + line[k:])
                glued = True
                continue
            if style in ("dash", "both"):
                out.append(f"- {p - 1} -")
            if style in ("of", "both"):
                out.append(f"第 {p - 1} 页 共 {total} 页")
            if rng.random() < 0.3:
                out.append("")
        out.append(line)
    return "\n".join(out) + f"\n- {p} -\n", ".txt"


# ---------------------------------------------------------------- 13. markdown with headings

def render_markdown_headings(m: Report, rng: random.Random) -> tuple[str, str]:
    bold_lead = rng.random() < 0.6

    def para(s: str) -> str:
        if bold_lead and s.startswith("（") and "。" in s[:12]:
            k = s.index("。") + 1
            return f"**{s[:k]}**{s[k:]}"
        return s

    def table(t: Table) -> list[str]:
        return _pipe_table(grid_text(m, t))

    return _lines_doc(m, table, heading=lambda s: rng.choice(["## ", "### "]) + s, para=para,
                      title=lambda s: "# " + s.replace("\n", " ")), ".md"


# ---------------------------------------------------------------- 14./15. a laid-out file flattened

def _flattened(m: Report, rng: random.Random, text: str) -> str:
    """A crawler's copy of a laid-out report: its header block, then the body with every line break
    turned into one space (a blank line into two, or into one when the crawler dropped blank lines
    first). Cell separators (tabs, pipes) and markdown marks are kept; only the lines are lost."""
    body = text.replace("\r\n", "\n").strip("\n")
    if rng.random() < 0.5:
        body = re.sub(r"\n[ \t]*\n+", "\n", body)
    return _crawler_header(m, rng) + "\n" + body.replace("\n", " ") + "\n"


def render_flattened_tsv(m: Report, rng: random.Random) -> tuple[str, str]:
    return _flattened(m, rng, render_tsv(m, rng)[0]), ".txt"


def render_flattened_markdown(m: Report, rng: random.Random) -> tuple[str, str]:
    return _flattened(m, rng, render_markdown_headings(m, rng)[0]), ".txt"


# ---------------------------------------------------------------- 16. tables saved as CSV

def _csv_cell(c: str, rng_thousands: bool) -> str:
    if rng_thousands and re.fullmatch(r"\d{4,}", c):
        c = f"{int(c):,}"  # a spreadsheet's thousands separator
    return f'"{c}"' if ("," in c or '"' in c) else c


def render_csv(m: Report, rng: random.Random) -> tuple[str, str]:
    thousands = rng.random() < 0.5

    def table(t: Table) -> list[str]:
        return [",".join(_csv_cell(c.replace('"', "'"), thousands) for c in r) for r in grid_text(m, t)]

    return _lines_doc(m, table, sep=rng.choice(["\n\n", "\n"])), ".txt"


SHAPES = ["tsv", "crawler_oneline", "crawler_glued", "html_cms", "html_word", "pdf_markdown_broken",
          "ocr_md_rowgroups", "pdftotext_layout", "pdftotext_layout_blank_zeros", "pdfplumber_text", "traditional",
          "web_chrome", "page_debris", "markdown_headings", "flattened_tsv", "flattened_markdown", "csv"]
RENDERERS = {name: globals()[f"render_{name}"] for name in SHAPES}


def render(shape: str, model: Report, rng: random.Random) -> tuple[str, str]:
    """Render a model in one shape; (text, file suffix)."""
    return RENDERERS[shape](model, rng)
