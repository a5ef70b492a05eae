"""redteam_l shared helpers: data constructors, label lists, conversion-tool renderers."""
import unicodedata
from core import *  # noqa
from render import dwidth, wrap_w, pad

S6 = [1, 2, 3, 4, 5, 6]


def t2_21(rules=(None, None, None), norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0):
    return {"rules": dict(zip(["issued", "repealed", "in_force"], rules)),
            "normative_documents": dict(zip(["issued", "repealed", "in_force"], norm)),
            "admin_licensing": {"decisions": lic}, "admin_penalty": {"decisions": pen},
            "admin_coercion": {"decisions": coe}, "admin_fees": {"fee_amount_wan_yuan": fee}}


def t2_19(rules=(None, None, None), norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0),
          fees=(0, 0), proc=(0, 0)):
    k3 = ["prev_year_items", "change", "decisions"]
    return {"rules": dict(zip(["new_made", "new_published", "total_published"], rules)),
            "normative_documents": dict(zip(["new_made", "new_published", "total_published"], norm)),
            "admin_licensing": dict(zip(k3, lic)), "other_admin_services": dict(zip(k3, oth)),
            "admin_penalty": dict(zip(k3, pen)), "admin_coercion": dict(zip(k3, coe)),
            "admin_fees": dict(zip(["prev_year_items", "change"], fees)),
            "centralized_procurement": dict(zip(["procurement_items", "procurement_amount_wan_yuan"], proc))}


def meta(agency, region, year, level, shape, pub, sections=S6):
    return {"agency": agency, "region": region, "year": year, "admin_level": level, "script": "simplified",
            "table_shape": shape, "sections_present": sections, "published_date": pub}


def t2_blank_keys(t2):
    return {f"{i}.{m}" for i, row in t2.items() for m, v in row.items() if v is None}


def row_label(l0, l1, l2):
    """One display label for a table-3 row (group label not repeated on sub-rows)."""
    return l0 or l2 or l1


def t3_nums(t3, code, blank="", blanks=()):
    return [blank if f"table3.{code}.{c}" in blanks else fmt(t3[code][c]) for c in COLS]


HDR_APPL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
GOUJI = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# ---------------------------------------------------------------- glyph maps
KANGXI = {"一": "⼀", "二": "⼆", "八": "⼋", "自": "⾃", "人": "⼈", "入": "⼊", "十": "⼗", "工": "⼯", "大": "⼤",
          "小": "⼩", "子": "⼦", "山": "⼭", "方": "⽅", "日": "⽇", "月": "⽉", "文": "⽂", "行": "⾏", "生": "⽣",
          "高": "⾼", "用": "⽤", "力": "⼒", "支": "⽀", "水": "⽔", "金": "⾦", "立": "⽴", "面": "⾯", "目": "⽬"}
# CJK radicals supplement: no NFKC decomposition (a reader must map them itself); prose only
SUPP = {"长": "⻓", "门": "⻔", "见": "⻅"}
COMPAT = {"六": "\uF9D1", "不": "\uF967", "零": "\uF9B2", "理": "\uF9E4", "利": "\uF9DD", "率": "\uF961"}
for _k, _v in list(KANGXI.items()) + list(COMPAT.items()):
    assert unicodedata.normalize("NFKC", _v) == _k, _k


def glyphs(s, kangxi=True, supp=False, compat=False):
    m = {}
    if kangxi:
        m.update(KANGXI)
    if supp:
        m.update(SUPP)
    if compat:
        m.update(COMPAT)
    return "".join(m.get(ch, ch) for ch in s)


FW = str.maketrans("0123456789.-", "０１２３４５６７８９．－")


def fullwidth(s):
    return s.translate(FW)


# ---------------------------------------------------------------- layout (pdftotext -layout like)
def layout_line(cells, widths, gap=2, align=None, nlab=1):
    """cells: strings, widths: display widths; labels (first nlab cells) left, numbers centred."""
    out = ""
    for i, (c, w) in enumerate(zip(cells, widths)):
        a = (align or {}).get(i, "l" if i < nlab else "c")
        n = max(0, w - dwidth(c))
        if a == "c":
            s = " " * (n // 2) + c + " " * (n - n // 2)
        elif a == "r":
            s = " " * n + c
        else:
            s = c + " " * n
        out += s + " " * gap
    return out.rstrip()


def wrapped_row(texts, widths, gap=2, numbers_line=0, nlab=1):
    """A row whose cells wrap: the first nlab cells are labels wrapped at their width; the number cells
    (single line) are printed on line `numbers_line` of the row. Returns lines."""
    wrapped = []
    for i, (t, w) in enumerate(zip(texts, widths)):
        if i >= nlab:
            wrapped.append(("num", [t]))
        else:
            wrapped.append(("lab", wrap_w(t, w) if t else [""]))
    h = max(len(x[1]) for x in wrapped)
    lines = []
    for li in range(h):
        cells = []
        for kind, ls in wrapped:
            if kind == "num":
                cells.append(ls[0] if li == min(numbers_line, h - 1) else "")
            else:
                cells.append(ls[li] if li < len(ls) else "")
        lines.append(layout_line(cells, widths, gap, nlab=nlab))
    return lines


# ---------------------------------------------------------------- pandoc tables
def pandoc_multiline(grid, widths):
    """pandoc multiline table: first row header; rows separated by blank lines; cells wrap in their column."""
    total = sum(widths) + len(widths) - 1
    out = ["-" * total]

    def rowlines(r):
        ws = [wrap_w(c, w) if c else [""] for c, w in zip(r, widths)]
        h = max(len(x) for x in ws)
        return [" ".join(pad(x[i] if i < len(x) else "", w) for x, w in zip(ws, widths)).rstrip() for i in range(h)]
    out += rowlines(grid[0])
    out.append(" ".join("-" * w for w in widths))
    for i, r in enumerate(grid[1:]):
        out += rowlines(r)
        out.append("")
    out[-1] = "-" * total
    return "\n".join(out)


def pandoc_simple(grid, widths):
    """pandoc simple table: header row, dashed underline per column, one line per row (cells never wrap)."""
    def line(r):
        return " ".join(pad(c, w) for c, w in zip(r, widths)).rstrip()
    out = [line(grid[0]), " ".join("-" * w for w in widths)]
    out += [line(r) for r in grid[1:]]
    return "\n".join(out)
