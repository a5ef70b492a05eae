"""A truth dict → an in-memory report model: metadata, prose of the six sections, and tables 2/3/4 as
grids of cells laid out like the official form (2019 or 2021 template), with the form's colspan/rowspan.

The model holds values, not text: each renderer formats numbers its own way (`fmt_value`), so every
shape prints exactly the truth's values. A null value is a blank cell.

Speed (`gongkai synth` writes ≥ 1,000 reports/s): a table's layout depends only on which rows, items and
metrics the truth has, so each distinct layout is built once and shared (`Table` is immutable; its cells
carry keys, not values). A report's numbers live in `Report.values` (key → value), and their printed
strings are computed once per report (`Report.strings`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from transforms.labels import (APPLICANT_PARTS, DISCLOSURE_ITEMS, DISCLOSURE_METRICS, OTHER_SPLIT,
                               REQUEST_OUTCOMES, REVIEW_RESULTS, SECTION_TITLES)

OUTCOME_LABEL = dict(REQUEST_OUTCOMES)
ITEM_LABEL = dict(DISCLOSURE_ITEMS)
METRIC_LABEL = dict(DISCLOSURE_METRICS)
RESULT_LABEL = dict(REVIEW_RESULTS)
CN_NUM = "一二三四五六七八九十"

# Table 2 of the official forms: (group heading, items, metrics) in print order.
T2_LAYOUT = {
    "2019": [
        ("第二十条第（一）项", ["rules", "normative_documents"], ["new_made", "new_published", "total_published"]),
        ("第二十条第（五）项", ["admin_licensing", "other_admin_services"], ["prev_year_items", "change", "decisions"]),
        ("第二十条第（六）项", ["admin_penalty", "admin_coercion"], ["prev_year_items", "change", "decisions"]),
        ("第二十条第（八）项", ["admin_fees"], ["prev_year_items", "change"]),
        ("第二十条第（九）项", ["centralized_procurement"], ["procurement_items", "procurement_amount_wan_yuan"]),
    ],
    "2021": [
        ("第二十条第（一）项", ["rules", "normative_documents"], ["issued", "repealed", "in_force"]),
        ("第二十条第（五）项", ["admin_licensing"], ["decisions"]),
        ("第二十条第（六）项", ["admin_penalty", "admin_coercion"], ["decisions"]),
        ("第二十条第（八）项", ["admin_fees"], ["fee_amount_wan_yuan"]),
    ],
}
T2_ITEM_LABEL = {"2019": {}, "2021": {"normative_documents": "行政规范性文件"}}
T2_METRIC_LABEL = {
    "2019": {"procurement_amount_wan_yuan": "采购总金额"},
    "2021": {"decisions": "本年处理决定数量", "fee_amount_wan_yuan": "本年收费金额（单位：万元）"},
}
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_HEAD = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
RESULT_HEAD = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


@dataclass(slots=True, eq=False)
class Cell:
    """One cell of the printed form. kind: 'head' (header text), 'label' (row label) or 'num'.
    A number cell holds its key ("table3.granted.total"); its value is `Report.values[key]`."""

    text: str
    kind: str = "head"
    colspan: int = 1
    rowspan: int = 1
    key: str | None = None  # "table3.granted.total" for number cells


@dataclass(eq=False)
class Table:
    """A table as HTML-style rows: a spanned cell appears once, in its top-left row. Shared by every report
    with the same layout: never mutate it; renderers keep derived layouts in `memo`."""

    name: str  # table2 | table3 | table4
    rows: list[list[Cell]]
    ncols: int
    header_rows: int
    group_starts: list[int] = field(default_factory=list)  # row indexes where a row group begins
    _grid: list | None = field(default=None, repr=False)
    memo: dict = field(default_factory=dict, repr=False)  # renderer caches of layout-only results

    def grid(self) -> list[list[tuple[Cell | None, bool]]]:
        """Expanded grid: grid[r][c] = (cell, is_origin); slots covered by a span hold (cell, False)."""
        if self._grid is not None:
            return self._grid
        out: list[list] = [[None] * self.ncols for _ in self.rows]
        for r, row in enumerate(self.rows):
            c = 0
            for cell in row:
                while c < self.ncols and out[r][c] is not None:
                    c += 1
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        if r + dr < len(out) and c + dc < self.ncols:
                            out[r + dr][c + dc] = (cell, dr == 0 and dc == 0)
                c += cell.colspan
        for r in range(len(out)):
            out[r] = [x if x is not None else (None, False) for x in out[r]]
        self._grid = out
        return out

    def line_rows(self, centre: bool = False) -> list[list[Cell]]:
        """Per printed row, its cells left to right, each spanned cell once. With `centre`, a cell spanning
        several rows sits in the middle row of its span (as PDF converters place vertically centred text)."""
        key = ("line_rows", centre)
        got = self.memo.get(key)
        if got is not None:
            return got
        g = self.grid()
        out: list[list[Cell]] = [[] for _ in g]
        for r, row in enumerate(g):
            for c, (cell, origin) in enumerate(row):
                if cell is None or not origin:
                    continue
                rr = r + (cell.rowspan - 1) // 2 if centre and cell.kind == "label" else r
                out[min(rr, len(g) - 1)].append((c, cell))
        got = self.memo[key] = [[cell for _, cell in sorted(row, key=lambda x: x[0])] for row in out]
        return got

    def num_keys(self) -> list[str]:
        """The keys of the number cells, in row order."""
        got = self.memo.get("num_keys")
        if got is None:
            got = self.memo["num_keys"] = [c.key for row in self.rows for c in row if c.kind == "num"]
        return got


@dataclass(eq=False)
class Report:
    truth: dict
    agency: str
    year: int
    template: str
    title: str
    title_form: str
    intro: list[str]
    sections: dict[int, tuple[str, list[str]]]  # number → (heading, paragraphs)
    tables: dict[str, Table]  # the section each table sits in: table2 → 2, table3 → 3, table4 → 4
    signoff: list[str]
    published: str
    options: dict  # rng-chosen print conventions (thousands separators, 增/减 words…)
    values: dict = field(default_factory=dict)  # number cell key → value (None: a blank cell)
    _strings: dict = field(default_factory=dict, repr=False)

    def value(self, c: Cell):
        return self.values.get(c.key)

    def is_blank(self, c: Cell) -> bool:
        return c.kind == "num" and self.values.get(c.key) is None

    def strings(self, plain: bool = False) -> dict[str, str]:
        """key → the printed number (`fmt_value` of every value), computed once per report."""
        got = self._strings.get(plain)
        if got is None:
            got = self._strings[plain] = (format_values(self.values) if plain else
                                          format_values(self.values, self.options, self.strings(True)))
        return got


TABLE_SECTION = {"table2": 2, "table3": 3, "table4": 4}


def fmt_value(v, options: dict | None = None, key: str | None = None, plain: bool = False) -> str:
    """Print a value; '' for a blank. `plain` forbids separators and words (for glued/flattened text)."""
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v) if isinstance(v, int) else repr(float(v))
    if plain or not options:
        return s
    if key and key.endswith(".change") and options.get("change_words") and isinstance(v, int) and v != 0:
        return ("增" if v > 0 else "减") + str(abs(v))
    if options.get("thousands") and key and key.startswith("table2") and abs(v) >= 1000:
        whole, _, frac = s.lstrip("-").partition(".")
        s = ("-" if s.startswith("-") else "") + f"{int(whole):,}" + (("." + frac) if frac else "")
    return s


_SMALL = {i: str(i) for i in range(10_000)}
_SMALL[None] = ""


def format_values(values: dict, options: dict | None = None, plain: dict | None = None) -> dict[str, str]:
    """{key: fmt_value(v, options, key)} for every value (the same strings), fast: small integers (most
    cells) come from a table, and `plain` (this function's result without options) is reused."""
    if plain is None:
        if bool in set(map(type, values.values())):  # True would hash like 1
            plain = {k: fmt_value(v, None, k) for k, v in values.items()}
        else:
            plain = dict(zip(values, map(_SMALL.get, values.values())))
            for k, got in plain.items():
                if got is None:
                    plain[k] = fmt_value(values[k], None, k)
    if not (options and (options.get("change_words") or options.get("thousands"))):
        return plain
    out = dict(plain)
    for k, v in values.items():
        if v is not None and (k.startswith("table2") or k.endswith(".change")):
            out[k] = fmt_value(v, options, k)
    return out


def _t3_rows(truth: dict) -> list[str]:
    t3 = truth["table3"]
    codes = [c for c, _ in REQUEST_OUTCOMES]
    split = any(c in t3 for c in OTHER_SPLIT)
    return [c for c in codes if c in t3 and not (split and c == "other")]


_LAYOUTS: dict = {}  # layout signature → shared Table


def _src(t: Table, src: list[tuple[str, str, str]]) -> Table:
    by_row: dict[str, list[tuple[str, str]]] = {}
    for key, row, col in src:  # every number cell's value is truth[table][row][col]
        by_row.setdefault(row, []).append((key, col))
    t.memo["src"] = list(by_row.items())
    return t


def table_values(truth: dict, t: Table) -> dict:
    """key → value of the table's number cells, read from the truth (None: blank)."""
    data = truth.get(t.name) or {}
    out = {}
    for row, cols in t.memo["src"]:
        got = data.get(row) or {}
        for key, col in cols:
            out[key] = got.get(col)
    return out


def table2(truth: dict, template: str) -> Table | None:
    t2 = truth.get("table2")
    if not t2:
        return None
    sig = ("table2", template, tuple((i, tuple(t2[i])) for i in t2))
    got = _LAYOUTS.get(sig)
    if got is None:
        got = _LAYOUTS[sig] = _table2_layout(t2, template)
    return got


def _table2_layout(t2: dict, template: str) -> Table:
    rows: list[list[Cell]] = []
    starts = []
    src = []
    layout = T2_LAYOUT[template]
    placed = {i for _, items, _ in layout for i in items}
    extra = [i for i in t2 if i not in placed]
    if extra:  # items outside the form go in a group of their own, with their own metrics
        layout = layout + [("", extra, [])]
    for heading, items, metrics in layout:
        items = [i for i in items if i in t2]
        if not items:
            continue
        mets = [m for m in metrics if any(m in t2[i] for i in items)]
        mets += [m for i in items for m in t2[i] if m not in mets]
        starts.append(len(rows))
        if heading:
            rows.append([Cell(heading, colspan=4)])
        head = [Cell("信息内容")]
        if len(mets) == 1:
            head.append(Cell(T2_METRIC_LABEL[template].get(mets[0], METRIC_LABEL[mets[0]]), colspan=3))
        else:
            head += [Cell(T2_METRIC_LABEL[template].get(m, METRIC_LABEL[m])) for m in mets]
            if len(mets) < 3:
                head.append(Cell("", colspan=3 - len(mets)))
        rows.append(head)
        for i in items:
            row = [Cell(T2_ITEM_LABEL[template].get(i, ITEM_LABEL[i]), kind="label")]
            for m in mets:
                src.append((f"table2.{i}.{m}", i, m))
                row.append(Cell("", kind="num", key=src[-1][0], colspan=3 if len(mets) == 1 else 1))
            if 1 < len(mets) < 3:
                row.append(Cell("", colspan=3 - len(mets)))
            rows.append(row)
    return _src(Table("table2", rows, 4, 0, starts), src)


def table3(truth: dict) -> Table | None:
    t3 = truth.get("table3")
    if not t3:
        return None
    codes = tuple(_t3_rows(truth))
    sig = ("table3", codes)
    got = _LAYOUTS.get(sig)
    if got is None:
        got = _LAYOUTS[sig] = _table3_layout(list(codes))
    return got


def _table3_layout(codes: list[str]) -> Table:
    rows = [
        [Cell(T3_NOTE, colspan=3, rowspan=3), Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell(h) for h in APPLICANT_HEAD],
    ]
    src = []
    result_codes = [c for c in codes if c not in ("new_received", "carried_over", "carried_forward")]
    groups: dict[str, list[str]] = {}
    for c in result_codes:
        lab = OUTCOME_LABEL[c]
        if " " in lab:
            groups.setdefault(lab.split(" ")[0], []).append(c)
    starts = [3]
    first_result = True
    seen_group: set[str] = set()
    for c in codes:
        lab = OUTCOME_LABEL[c]
        row: list[Cell] = []
        if c in ("new_received", "carried_over", "carried_forward"):
            row.append(Cell(lab, kind="label", colspan=3))
        else:
            if first_result:
                row.append(Cell("三、本年度办理结果", kind="label", rowspan=len(result_codes)))
                first_result = False
            if " " in lab:
                g, sub = lab.split(" ", 1)
                if g not in seen_group:
                    seen_group.add(g)
                    starts.append(3 + codes.index(c))
                    row.append(Cell(g, kind="label", rowspan=len(groups[g])))
                row.append(Cell(sub, kind="label"))
            else:
                starts.append(3 + codes.index(c))
                if c == "partially_granted":
                    lab += "（区分处理的，只计这一情形，不计其他情形）"
                row.append(Cell(lab, kind="label", colspan=2))
        for a in APPLICANT_PARTS + ["total"]:
            src.append((f"table3.{c}.{a}", c, a))
            row.append(Cell("", kind="num", key=src[-1][0]))
        rows.append(row)
    return _src(Table("table3", rows, 10, 3, sorted(set(starts))), src)


def table4(truth: dict) -> Table | None:
    t4 = truth.get("table4")
    if not t4:
        return None
    got = _LAYOUTS.get("table4")
    if got is None:
        got = _LAYOUTS["table4"] = _table4_layout()
    return got


def _table4_layout() -> Table:
    rows = [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [Cell(h, rowspan=2) for h in RESULT_HEAD] + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        [Cell(h) for h in RESULT_HEAD] * 2,
    ]
    data, src = [], []
    for case in ("admin_review", "litigation_direct", "litigation_after_review"):
        for res in ("upheld", "corrected", "other", "pending", "total"):
            src.append((f"table4.{case}.{res}", case, res))
            data.append(Cell("", kind="num", key=src[-1][0]))
    rows.append(data)
    return _src(Table("table4", rows, 15, 3, [3]), src)


# ---------------------------------------------------------------- prose

def _short(agency: str) -> str:
    """How the report refers to itself: 我局, 我区, 我县, 本机关…"""
    for suffix, me in (("街道办事处", "本街道"), ("镇人民政府", "我镇"), ("乡人民政府", "我乡"), ("区人民政府", "我区"),
                       ("县人民政府", "我县"), ("旗人民政府", "我旗"), ("市人民政府", "我市"), ("省人民政府", "我省"),
                       ("自治区人民政府", "我区"), ("行政公署", "我盟"), ("局", "我局"), ("厅", "我厅"),
                       ("委员会", "我委"), ("办公室", "我办")):
        if agency.endswith(suffix):
            return me
    return "本机关"


def _n(truth: dict, table: str, row: str, col: str):
    v = ((truth.get(table) or {}).get(row) or {}).get(col)
    return v if v is not None else (truth.get("derived") or {}).get(f"{table}.{row}.{col}")


def prose(truth: dict, rng: random.Random) -> tuple[list[str], dict[int, tuple[str, list[str]]], list[str], str]:
    agency, year, template = truth["agency"], int(truth["year"]), truth["template"]
    me = _short(agency)
    narr = truth.get("narrative") or {}
    pub = truth.get("published_date") or f"{year + 1}-0{rng.randint(1, 3)}-{rng.randint(10, 28)}"
    py, pm, pd = (int(x) for x in pub.split("-"))
    doc = "国办公开办函〔2021〕30号" if template == "2021" else "国办公开办函〔2019〕60号"
    phone = f"0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}"
    intro = [rng.choice([
        f"根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布{agency}{year}年政府信息公开工作年度报告。",
        f"本报告依据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（{doc}）要求，由{agency}编制。",
        f"按照《中华人民共和国政府信息公开条例》相关规定，本报告由{agency}根据本单位{year}年度政府信息公开工作情况编制而成。",
    ]) + "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议及行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项。"
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{agency}联系（电话：{phone}）。"]
    s1 = [f"{year}年，{me}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，"
          "持续深化决策、执行、管理、服务、结果公开。"]
    if narr.get("active_disclosure_items") is not None:
        s1.append(f"（一）主动公开。全年通过门户网站主动公开政府信息{narr['active_disclosure_items']}条，"
                  "重点领域信息做到应公开尽公开。")
    else:
        s1.append("（一）主动公开。依托门户网站“政府信息公开”专栏，及时公开机构职能、规划计划、财政资金等信息。")
    bits = []
    for key, words in (("applications_received", "新收政府信息公开申请{}件"), ("applications_carried_over", "上年结转{}件"),
                       ("applications_processed", "办结{}件"), ("applications_carried_forward", "结转下年度继续办理{}件")):
        if narr.get(key) is not None:
            bits.append(words.format(narr[key]))
    s1.append("（二）依申请公开。" + ("全年" + "，".join(bits) + "。" if bits else "")
              + "严格按照法定时限答复，做到依法、规范、高效。")
    s1.append("（三）政府信息管理。严格落实公开前保密审查机制，动态更新政府信息公开指南和目录。")
    s1.append("（四）平台建设。优化政府网站信息公开专栏，加强政务新媒体管理。")
    s1.append("（五）监督保障。将政务公开工作纳入年度绩效考核，组织开展业务培训。")
    s5 = [rng.choice(["一是公开内容的深度和广度还不够；二是政策解读形式较为单一；三是工作人员业务能力有待提升。",
                      "部分栏目信息更新不够及时，依申请公开答复的规范性有待加强。"])
          + f"{year + 1}年，{me}将进一步加强培训，完善制度，不断提升政务公开工作水平。"]
    s6 = [rng.choice(["本年度未收取信息处理费。", "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。",
                      "无其他需要报告的事项。"])]
    s3 = []
    s4 = []
    t4 = truth.get("table4")
    d4 = {k: v for k, v in (truth.get("derived") or {}).items() if k.startswith("table4.")}
    all_null = t4 is None or all(v is None for row in t4.values() for v in row.values())
    if all_null and d4 and all(v == 0 for v in d4.values()):  # the prose is what pins table 4 at 0
        s4.append("本年度未发生政府信息公开行政复议、行政诉讼案件。")
    body = {1: s1, 2: [], 3: s3, 4: s4, 5: s5, 6: s6}
    present = truth.get("sections_present") or [1, 2, 3, 4, 5, 6]
    sections = {}
    for n in range(1, 7):
        if n not in present and not (n in (2, 3, 4) and truth.get(f"table{n}")):
            continue
        title = SECTION_TITLES[n]
        if n == 5 and rng.random() < 0.3:
            title = "存在的主要问题及改进措施" if template == "2021" else "存在的主要问题及改进情况"
        sections[n] = (f"{CN_NUM[n - 1]}、{title}", body[n])
    signoff = [agency, f"{py}年{pm}月{pd}日"]
    return intro, sections, signoff, f"{py:04d}-{pm:02d}-{pd:02d}"


def build_model(truth: dict, rng: random.Random | None = None) -> Report:
    """The printed report of a truth (tables in template order; prose and conventions chosen by rng)."""
    rng = rng or random.Random(0)
    agency, year, template = truth["agency"], int(truth["year"]), truth["template"]
    if template not in T2_LAYOUT:
        raise ValueError(f"template {template!r} has no form to render (only 2019 and 2021)")
    intro, sections, signoff, published = prose(truth, rng)
    form = rng.choice(["agency_year", "agency_year", "year_first", "agency_line", "no_agency"])
    if form == "agency_year":
        title = f"{agency}{year}年政府信息公开工作年度报告"
    elif form == "year_first":
        title = f"{year}年{agency}政府信息公开工作年度报告"
    elif form == "agency_line":
        title = f"{agency}\n{year}年政府信息公开工作年度报告"
    else:  # agency only in the intro (本报告由…编制 / 现公布…) and the sign-off
        title = f"{year}年政府信息公开工作年度报告"
    tables = {k: t for k, t in (("table2", table2(truth, template)), ("table3", table3(truth)),
                                ("table4", table4(truth))) if t is not None}
    options = {"thousands": rng.random() < 0.2, "change_words": rng.random() < 0.2}
    values = {}
    for t in tables.values():
        values.update(table_values(truth, t))
    return Report(truth, agency, year, template, title, form, intro, sections, tables, signoff, published, options,
                  values)
