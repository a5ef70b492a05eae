"""redteam_ab fixtures: TEXT WHOSE READING ORDER A CONVERTER SCRAMBLED (tables read column by column, rows read
right to left, numbers detached from their labels, a table's second page before its first, interleaved two-column
prose, header rows after the data, dropped empty cells, (七)总计 first, table-2 rows out of order, table-4 header
tiers after its data row) on complete 上海 / 福建 / 江苏 reports."""
import itertools
from core import *  # noqa
from lhelp import t2_21, t2_19, meta, t2_blank_keys
from fxl1 import render
from fxm1 import tabs
from fxq import blocks, md
import kprose as P


# ---------------------------------------------------------------- grids and reading orders
def lab_cells(tpl):
    """table-3 label cells in row-major order (three label columns, group labels once)."""
    out = []
    for code, l0, l1, l2 in t3_rows(tpl):
        out.append((code, [x for x in (l0, l1, l2) if x]))
    return out


def hdr_cells_t3():
    return [c for r in T3_HDR for c in r if c]


def hdr_cells_t4():
    return [c for r in T4_HDR for c in r if c]


def cells_lines(grid):
    """one non-empty cell per line, row-major."""
    return [c for r in grid for c in r if c != ""]


def rtl_lines(grid):
    """one non-empty cell per line, each row right to left."""
    return [c for r in grid for c in reversed(r) if c != ""]


def t3_colmajor(tpl, t3, blanks=(), colsep="\n"):
    """PyMuPDF/pdfminer block order: header cells, every label, then each number column top to bottom."""
    lines = hdr_cells_t3()
    for _, labs in lab_cells(tpl):
        lines += labs
    for c in COLS:
        col = [fmt(t3[code][c]) for code, *_ in t3_rows(tpl) if f"table3.{code}.{c}" not in blanks]
        lines += col if colsep == "\n" else [colsep.join(col)]
    return "\n".join(lines)


def t2_colmajor(tpl, t2):
    """each table-2 section: its header cells and row labels, then each metric column top to bottom."""
    lines = []
    for head, hdr, items, metrics in t2_spec(tpl):
        lines.append(head)
        lines += hdr
        lines += [lab for _, lab in items]
        for m in metrics:
            lines += [fmt(t2[code][m]) for code, _ in items if t2[code][m] is not None]
    return "\n".join(lines)


def t2_colmajor_lost(tpl, t2):
    """printed table-2 cells a reader of t2_colmajor cannot place: a column with a gap and a printed number
    (table 2 has no identities, so the gap may be at any row of the column)."""
    lost = []
    for head, hdr, items, metrics in t2_spec(tpl):
        for m in metrics:
            vals = [(code, t2[code][m]) for code, _ in items]
            if any(v is None for _, v in vals) and any(v is not None for _, v in vals):
                lost += [f"table2.{code}.{m}" for code, v in vals if v is not None]
    return lost


def t2_detached(tpl, t2):
    """all labels of table 2 (section heads, header cells, row labels), then one number line per row."""
    lines, nums = [], []
    for head, hdr, items, metrics in t2_spec(tpl):
        lines.append(head)
        lines += hdr
        for code, lab in items:
            lines.append(lab)
            vals = [fmt(t2[code][m]) for m in metrics if t2[code][m] is not None]
            if vals:
                nums.append(" ".join(vals))
    return "\n".join(lines), "\n".join(nums)


def t3_detached(tpl, t3):
    lines = hdr_cells_t3()
    nums = []
    for code, labs in lab_cells(tpl):
        lines += labs
        nums.append(" ".join(fmt(t3[code][c]) for c in COLS))
    return "\n".join(lines), "\n".join(nums)


def t2_grid_order(tpl, t2, order):
    """table 2 with its sections / rows in another order: order = [(section_index, [item codes])]."""
    spec = t2_spec(tpl)
    g = []
    for si, codes in order:
        head, hdr, items, metrics = spec[si]
        labs = dict(items)
        g.append([head] + [""] * (len(hdr) - 1))
        g.append(list(hdr))
        for code in codes:
            g.append([labs[code]] + [fmt(t2[code].get(m)) for m in metrics])
    return g


def interleave(text_lines, width=24, page=36):
    """two-column prose page read across: left line, right line, … (each paragraph wrapped at `width`)."""
    lines = []
    for t in text_lines:
        while len(t) > width:
            lines.append(t[:width]); t = t[width:]
        lines.append(t)
    out = []
    for p in range(0, len(lines), page):
        chunk = lines[p:p + page]
        h = (len(chunk) + 1) // 2
        left, right = chunk[:h], chunk[h:]
        for i in range(h):
            out.append(left[i])
            if i < len(right):
                out.append(right[i])
    return out


def render_interleaved(b, tables, keep=("title",), sep="\n", tfmt="{}", hfmt="{}"):
    out, buf = [], []

    def flush():
        if buf:
            out.extend(interleave(buf)); buf.clear()
    for blk in b:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            flush(); out.append(tables[k])
        elif k == "title":
            out.append(tfmt.format(blk[1]))
        elif k == "h":
            buf.append(hfmt.format(P.heading(blk[1])))
        else:
            buf.append(blk[1])
    flush()
    return sep.join(out)


# ---------------------------------------------------------------- what a reader of the text alone can place
def _feasible(vals, eqs):
    vals = dict(vals)
    unk = {k for k, v in vals.items() if v is None}
    changed = True
    while changed:
        changed = False
        for terms, const in eqs:
            u = [(a, k) for a, k in terms if k in unk]
            rest = const - sum(a * vals[k] for a, k in terms if k not in unk)
            if not u:
                if rest != 0:
                    return None
                continue
            if len(u) == 1:
                a, k = u[0]
                if rest % a or rest // a < 0:
                    return None
                vals[k] = rest // a; unk.discard(k); changed = True
            elif all(a == u[0][0] for a, _ in u) and rest * u[0][0] < 0:
                return None
            elif all(a == u[0][0] for a, _ in u) and rest == 0:
                for _, k in u:
                    vals[k] = 0; unk.discard(k)
                changed = True
    return vals


def placements(seqs, full, tpl):
    """seqs: [[key…]] in reading order; full: key -> value, or None for a blank (dropped) cell. A reader knows
    each sequence's length but not where its gaps are: try every gap placement, keep those consistent with the
    identities (gaps filled by them where they fix a value), and return (number of placements, keys whose value
    differs between placements or stays unfixed), i.e. the cells the text alone does not give."""
    eqs = [(t, c) for t, c in equations(tpl) if all(k in full for _, k in t)]
    per = []
    for s in seqs:
        vis = [full[k] for k in s if full[k] is not None]
        miss = len(s) - len(vis)
        opts = []
        for pos in itertools.combinations(range(len(s)), miss):
            it = iter(vis)
            opts.append({k: (None if i in pos else next(it)) for i, k in enumerate(s)})
        per.append(opts)
    seen = {}
    n = 0
    for combo in itertools.product(*per):
        vals = dict(full)
        for o in combo:
            vals.update(o)
        res = _feasible(vals, eqs)
        if res is None:
            continue
        n += 1
        for o in combo:
            for k in o:
                seen.setdefault(k, set()).add(res[k])  # None: not fixed by the identities in this placement
    lost = sorted(k for k, vs in seen.items() if len(vs) > 1)
    return n, lost


def full_map(t3, t4, tpl, blanks):
    m = {}
    for code, *_ in t3_rows(tpl):
        for c in COLS:
            k = f"table3.{code}.{c}"
            m[k] = None if k in blanks else t3[code][c]
    for k in CASES:
        for r in RES:
            kk = f"table4.{k}.{r}"
            m[kk] = None if kk in blanks else t4[k][r]
    return m


# ---------------------------------------------------------------- one report
def build(name, ext, tpl, year, t2, t3, t4, tables, ag, we, flavor, region, level, pub, url, phone, shape, notes,
          seed, intro_ag=None, small=True, t3_sentence=None, t4_sentence=None, t2_sentence=None, blanks=(),
          t2_blanks=None, interleaved=False, extra=None):
    title = f"{ag}{year}年政府信息公开工作年度报告"
    b = blocks(year, we, flavor, t3, tpl, seed, title=[title], small=small, t3_sentence=t3_sentence,
               t2_sentence=t2_sentence,
               intro=P.std_intro(intro_ag or f"{ag}（以下简称“{we}”）", year, url, phone, tpl),
               signoff=[ag, f"{pub[:4]}年{int(pub[5:7])}月{int(pub[8:10])}日"], review_sentence=t4_sentence)
    kw = dict(tfmt="# {}", hfmt="## {}", sep="\n\n") if ext == "md" else {}
    text = (render_interleaved(b, tables, **kw) if interleaved else render(b, tables, **kw)) + "\n"
    tr = truth(meta(ag, region, year, level, shape, pub), tpl, t2, t3, t4, blanks=blanks,
               t2_blanks=t2_blank_keys(t2) if t2_blanks is None else t2_blanks, notes=notes, extra=extra)
    write(name, ext, text, tr)


# ---------------------------------------------------------------- AB01 上海 长宁区人民政府: table 3 and table 2 column by column
def ab01():
    tpl, year, seed = "2019", 2020, 9401
    t3 = gen_t3(seed, tpl, scale=1.2)
    t2 = t2_19(norm=(2, 2, 38), lic=(64, 0, 1296), oth=(12, 1, 207), pen=(38, -2, 431), coe=(7, 0, 16), fees=(3, 0),
               proc=(0, 0))
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (2, 0, 0, 1)})
    tables = {"t2": t2_colmajor(tpl, t2), "t3": t3_colmajor(tpl, t3), "t4": "\n".join(cells_lines(t4_grid(t4)))}
    lost = t2_colmajor_lost(tpl, t2)
    build("sh_district_gov_t3_t2_read_column_by_column_changning_2020", "txt", tpl, year, t2, t3, t4, tables,
          "上海市长宁区人民政府", "区政府", "sh", ["上海市", None, "长宁区"], "county", "2021-01-22",
          "https://www.shcn.gov.cn", "021-22050000", "column-major",
          "Plain text, 2019 form, no tabs. Table 3 is read column by column: its header cells, then every label "
          "cell (group labels once, in row-major order), then the 22 numbers of 自然人 top to bottom, one per line, "
          "then 商业企业's 22, … and 总计's 22. Table 2 is read the same way inside each 第二十条 section (header "
          "cells, row labels, then each metric column downward; the empty 规章 cells print nothing). Table 4 is "
          "one cell per line in row order. Every table-3 cell is printed, so a reader counting 22 labels and 22 "
          "numbers per column recovers every table-3 cell. Table 2's （一）项 section is NOT recoverable: its rows 规章 "
          "(blank) and 规范性文件 share columns of ONE number each (2, 2, 38), and nothing in the text says whether the "
          "number belongs to the first or the second row (text_unrecoverable: the three 规范性文件 cells; a parser "
          "should abstain, and a number put under 规章 is invented).", seed, intro_ag="上海市长宁区人民政府办公室",
          extra={"text_unrecoverable": lost})


# ---------------------------------------------------------------- AB02 福建 晋江市人民政府: each t3 column on ONE line; t4 header after its row
def ab02():
    tpl, year, seed = "2021", 2022, 9402
    t3 = gen_t3(seed, tpl, scale=1.6)
    t2 = t2_21(norm=(4, 1, 57), lic=2386, pen=419, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (5, 1, 0, 1), "litigation_direct": (3, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    t4l = t4_vals(t4) + hdr_cells_t4()
    tables = {"t2": tabs(t2_grid(tpl, t2)), "t3": t3_colmajor(tpl, t3, colsep=" "), "t4": "\n".join(t4l)}
    build("fj_county_city_gov_t3_columns_one_line_each_t4_header_after_row_jinjiang_2022", "txt", tpl, year, t2,
          t3, t4, tables, "晋江市人民政府", "市政府", "fj", ["福建省", "泉州市", "晋江市"], "county", "2023-01-18",
          "http://www.jinjiang.gov.cn", "0595-85689000", "column-major-lines",
          "Plain text, 2021 form (three （六） sub-rows, 25 rows). Table 3 is read column by column and each "
          "column's text box is joined into ONE line: after the header cells and every label cell come seven lines "
          "of 25 space-separated numbers (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计). "
          "Table 4 prints its 15 numbers first, one per line, and then its two header tiers (行政复议 / 行政诉讼, "
          "then 结果维持 … 总计, 未经复议直接起诉, 复议后起诉, …). Table 2 is clean TSV. Every cell is printed "
          "and recoverable by position.", seed, intro_ag="晋江市人民政府办公室", small=False)


# ---------------------------------------------------------------- AB03 江苏 无锡 梁溪区政府办: every row right to left, one cell per line
def ab03():
    tpl, year, seed = "2021", 2021, 9403
    t3 = gen_t3(seed, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 0, 9), lic=0, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    tables = {"t2": "\n".join(rtl_lines(t2_grid(tpl, t2))), "t3": "\n".join(rtl_lines(t3_grid(tpl, t3))),
              "t4": "\n".join(rtl_lines(t4_grid(t4)))}
    build("js_district_office_rows_right_to_left_cell_per_line_liangxi_wuxi_2021", "txt", tpl, year, t2, t3, t4,
          tables, "无锡市梁溪区人民政府办公室", "区政府办", "js", ["江苏省", "无锡市", "梁溪区"], "department",
          "2022-01-25", "http://www.wxlx.gov.cn", "0510-81821000", "rtl-cell-per-line",
          "One cell per line, every row of every table read RIGHT TO LEFT (a converter that takes the table as "
          "right-to-left text): table 3 header rows come out as 总计 / 申请人情况 …, then 总计, 其他, 法律服务机构, "
          "社会公益组织, 科研机构, 商业企业, 法人或其他组织, 自然人; each data row prints 总计 first, 自然人 last, "
          "then its labels (sub-row label before group label). Tables 2 and 4 likewise (table 4's data row starts "
          "with 复议后起诉 总计 and ends with 行政复议 结果维持). In table 2 the 规章 row is blank, so the line "
          "规章 is directly followed by 9, 0, 2 and then 行政规范性文件: those three numbers are 行政规范性文件's (现行有效, "
          "废止, 制发), not 规章's. Every cell is recoverable: the headers come out in "
          "the same reversed order, and every row's first number is its total.", seed)


# ---------------------------------------------------------------- AB04 上海 嘉定镇街道: numbers detached from the labels, one block after the table
def ab04():
    tpl, year, seed = "2019", 2019, 9404
    t3 = gen_t3(seed, tpl, scale=0.5, orgs=False)
    t2 = t2_19(rules=(0, 0, 0), norm=(1, 1, 4), lic=(0, 0, 0), oth=(2, 0, 3), pen=(0, 0, 0), coe=(0, 0, 0),
               fees=(0, 0), proc=(1, 12.6))
    t4 = mk_t4({})
    l2, n2 = t2_detached(tpl, t2)
    l3, n3 = t3_detached(tpl, t3)
    tables = {"t2": l2 + "\n" + n2, "t3": l3 + "\n" + n3, "t4": "\n".join(hdr_cells_t4()) + "\n" + " ".join(t4_vals(t4))}
    build("sh_street_office_numbers_detached_block_after_labels_jiadingzhen_2019", "txt", tpl, year, t2, t3, t4,
          tables, "上海市嘉定区嘉定镇街道办事处", "本街道", "sh", ["上海市", None, "嘉定区", "嘉定镇街道"], "township",
          "2020-01-21", "http://www.jiading.gov.cn", "021-59992000", "numbers-detached",
          "Plain text, 2019 form. Each table's labels come out first (table 3: header cells, then the label cells "
          "of all 22 rows, one per line) and its numbers after them as one block: one line per row, in row order, "
          "seven space-separated numbers per line (table 2: its eight row labels after all five section "
          "heads and header cells, then eight number lines with 3/3/3/3/3/3/2/2 numbers; 规章 prints 0 0 0). Table 4: header cells, then one line of 15 numbers. Row order is kept, so a reader "
          "pairing the n-th label row with the n-th number line recovers every cell. Small street office: zeros "
          "nearly everywhere, no organisation applicants.", seed, intro_ag="上海市嘉定区嘉定镇街道办事处")



# ---------------------------------------------------------------- AB05 福建 厦门 湖里区人民政府: table 3's second page comes out first (md)
def ab05():
    tpl, year, seed = "2021", 2023, 9405
    t3 = gen_t3(seed, tpl, scale=1.3)
    t2 = t2_21(norm=(2, 3, 41), lic=318, pen=26, coe=3, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    g = t3_grid(tpl, t3)
    k = 3 + 12  # header rows + the first 12 data rows on page 3 (一、本年新收 … （三）8.属于行政查询事项)
    part1, part2 = g[:k], g[k:]
    t3txt = md(part2) + "\n\n- 4 -\n\n" + md(part1) + "\n\n- 3 -"
    tables = {"t2": md(t2_grid(tpl, t2)), "t3": t3txt, "t4": md(t4_grid(t4))}
    build("fj_district_gov_t3_second_page_before_first_md_huli_xiamen_2023", "md", tpl, year, t2, t3, t4, tables,
          "厦门市湖里区人民政府", "区政府", "fj", ["福建省", "厦门市", "湖里区"], "county", "2024-01-17",
          "http://www.huli.gov.cn", "0592-5716000", "md-pages-swapped",
          "Markdown, 2021 form. Table 3 runs over two pages and the converter emitted the second page FIRST: under "
          "heading 三 comes a markdown table whose first row (taken as the md header) is `| | （四）无法提供 | "
          "1.本机关不掌握相关政府信息 | …`, holding the rows from （四）1. to 四、结转下年度继续办理, then the footer "
          "`- 4 -`, then the first page's table (the three header rows, 一、本年新收 … （三）8.属于行政查询事项), then "
          "`- 3 -`. Every row keeps its own labels, so every cell is recoverable by label.", seed,
          intro_ag="厦门市湖里区人民政府办公室")


# ---------------------------------------------------------------- AB06 江苏 徐州 沛县人民政府: two-column prose read across, tables between
def ab06():
    tpl, year, seed = "2019", 2020, 9406
    t3 = gen_t3(seed, tpl, scale=1.1)
    t2 = t2_19(norm=(3, 3, 52), lic=(91, 4, 1873), oth=(17, 0, 264), pen=(44, -3, 682), coe=(9, 0, 31), fees=(5, -1),
               proc=(27, 1436.8))
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (2, 1, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    tables = {"t2": tabs(t2_grid(tpl, t2)), "t3": tabs(t3_grid(tpl, t3)), "t4": tabs(t4_grid(t4))}
    build("js_county_gov_two_column_prose_lines_interleaved_peixian_2020", "txt", tpl, year, t2, t3, t4, tables,
          "沛县人民政府", "县政府", "js", ["江苏省", "徐州市", "沛县"], "county", "2021-01-27",
          "http://www.px.gov.cn", "0516-89622000", "two-column-interleaved",
          "The prose pages are set in two columns and the converter read them straight across: every stretch of "
          "prose between two tables is wrapped at 24 characters, cut into pages of 36 lines, and each page's left "
          "line is followed by the right line at the same height (so a sentence continues two lines further down, "
          "and the section headings 一、…六、 sit in the middle of the other column's text). The three tables are "
          "full-width TSV and not scrambled; every cell is recoverable. The 依申请公开 paragraph's totals are "
          "split across interleaved lines.", seed, intro_ag="沛县人民政府办公室", small=False, interleaved=True)


# ---------------------------------------------------------------- AB07 上海 宝山区卫健委: header rows after the data rows (t3, t4) (md)
def ab07():
    tpl, year, seed = "2021", 2022, 9407
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_21(norm=(1, 0, 14), lic=1642, pen=287, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 1, 0)})
    g3 = t3_grid(tpl, t3)
    g4 = t4_grid(t4)
    tables = {"t2": md(t2_grid(tpl, t2)), "t3": md(g3[3:] + g3[:3]), "t4": md(g4[3:] + g4[:3])}
    build("sh_district_commission_header_rows_after_data_t3_t4_md_baoshan_weijian_2022", "md", tpl, year, t2, t3,
          t4, tables, "上海市宝山区卫生健康委员会", "区卫生健康委", "sh", ["上海市", None, "宝山区"], "department",
          "2023-01-20", "https://www.shbsq.gov.cn", "021-56691000", "md-header-after-data",
          "Markdown, 2021 form. Table 3's three header rows (勾稽关系 / 申请人情况, 自然人 法人或其他组织 总计, "
          "商业企业 … 其他) are printed AFTER its 25 data rows, so the markdown header row is the 一、本年新收 row. "
          "Table 4's single data row comes first (as the md header, 15 numbers) and its two header tiers after it "
          "(行政复议 / 行政诉讼, then 结果维持 … / 未经复议直接起诉 / 复议后起诉, then the litigation results). Columns "
          "are in the form's order, so every cell is recoverable.", seed)


# ---------------------------------------------------------------- AB08 福建 龙岩 上杭县人民政府: cell per line, empty cells dropped
AB08_BLANKS3 = ["table3.partially_granted.research_institution", "table3.withheld_third_party.legal_service_org",
                "table3.carried_over.other_org", "table4.admin_review.pending"]


def ab08():
    tpl, year, seed = "2019", 2019, 9408
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_19(norm=(2, 2, 23), lic=(46, 2, 705), oth=(8, 0, 96), pen=(27, 0, 318), coe=(4, 0, 9), fees=(2, None),
               proc=(11, 285.4))
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    for k in AB08_BLANKS3:
        _, a, c = k.split(".")
        assert (t3 if k.startswith("table3") else t4)[a][c] == 0, k
    bl = set(AB08_BLANKS3)
    t3g = t3_grid(tpl, t3, blanks=bl)
    t4g = t4_grid(t4, blanks=bl)
    tables = {"t2": "\n".join(cells_lines(t2_grid(tpl, t2))), "t3": "\n".join(cells_lines(t3g)),
              "t4": "\n".join(cells_lines(t4g))}
    # what a reader of the text alone can still place
    full = full_map(t3, t4, tpl, bl)
    seqs = [[f"table3.{code}.{c}" for c in COLS] for code, *_ in t3_rows(tpl)] + \
           [[f"table4.{k}.{r}" for k in CASES for r in RES]]
    n, lost = placements(seqs, full, tpl)
    lost += ["table2.admin_fees.prev_year_items"]
    build("fj_county_gov_cell_per_line_empty_cells_dropped_shanghang_2019", "txt", tpl, year, t2, t3, t4, tables,
          "上杭县人民政府", "县政府", "fj", ["福建省", "龙岩市", "上杭县"], "county", "2020-01-20",
          "http://www.shanghang.gov.cn", "0597-3832000", "cell-per-line-dropped-blanks",
          "One cell per line (pdfminer without layout), 2019 form; EMPTY cells print nothing and leave no "
          "placeholder. Blank on the page: table 3 部分公开/科研机构, 4.保护第三方合法权益/法律服务机构, "
          "二、上年结转/其他 (all three would be 0: derived by the row sums), table 4 行政复议 尚未审结 (derived 0), "
          "the whole 规章 row and 行政事业性收费 本年增/减 (table 2, no identity: null). So three table-3 rows "
          "have 6 numbers, table 4 has 14 and the 收费 row has one. Truth keeps every printed cell; from the text "
          f"alone {len(lost)} cells cannot be placed (text_unrecoverable: the placements of the short rows' "
          f"numbers that survive every identity ({n} of them) disagree on them). A parser should leave them "
          "null (abstain); the short 收费 row's single `2` may be 上一年项目数量 or 本年增/减.", seed,
          intro_ag="上杭县人民政府办公室", blanks=bl, extra={"text_unrecoverable": lost})


# ---------------------------------------------------------------- AB09 江苏 南京 江宁区秣陵街道: (七)总计 first; table-2 rows out of order
def ab09():
    tpl, year, seed = "2021", 2021, 9409
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(0, 0, 3), lic=0, pen=6, coe=0, fee=0)
    t4 = mk_t4({})
    g3 = t3_grid(tpl, t3)
    tot = [r for r in g3 if r[1] == "（七）总计"][0]
    g3 = g3[:3] + [tot] + [r for r in g3[3:] if r is not tot]
    g2 = t2_grid_order(tpl, t2, [(3, ["admin_fees"]), (2, ["admin_coercion", "admin_penalty"]),
                                 (1, ["admin_licensing"]), (0, ["normative_documents", "rules"])])
    tables = {"t2": tabs(g2), "t3": tabs(g3), "t4": tabs(t4_grid(t4))}
    build("js_street_office_t3_zongji_row_first_t2_rows_reordered_moling_jiangning_2021", "txt", tpl, year, t2, t3,
          t4, tables, "南京市江宁区秣陵街道办事处", "本街道", "js", ["江苏省", "南京市", "江宁区", "秣陵街道"],
          "township", "2022-01-14", "http://www.jiangning.gov.cn", "025-52121000", "tsv-rows-reordered",
          "TSV, 2021 form. Table 3's （七）总计 row comes first, right under the header rows and before 一、本年新收; "
          "the other rows follow in the form's order. Table 2's sections are in reverse order: 第二十条第（八）项 "
          "(行政事业性收费) first, then （六）项 with 行政强制 before 行政处罚, then （五）项 行政许可, then （一）项 with "
          "行政规范性文件 before 规章 (规章 blank). Every row keeps its label; every cell is recoverable.", seed,
          intro_ag="南京市江宁区秣陵街道办事处")


# ---------------------------------------------------------------- AB10 上海 松江区政府办: 2019 table 2 rows out of order; table 3 rows right to left (TSV)
def ab10():
    tpl, year, seed = "2019", 2020, 9410
    t3 = gen_t3(seed, tpl, scale=0.8)
    t2 = t2_19(norm=(5, 5, 61), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(8, 324.15))
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    g2 = t2_grid_order(tpl, t2, [(4, ["centralized_procurement"]), (3, ["admin_fees"]),
                                 (2, ["admin_coercion", "admin_penalty"]),
                                 (1, ["other_admin_services", "admin_licensing"]), (0, ["normative_documents", "rules"])])
    g3 = [list(reversed(r)) for r in t3_grid(tpl, t3)]
    tables = {"t2": tabs(g2), "t3": tabs(g3), "t4": tabs(t4_grid(t4))}
    build("sh_district_office_t2_sections_reversed_t3_rows_mirrored_songjiang_2020", "txt", tpl, year, t2, t3, t4,
          tables, "上海市松江区人民政府办公室", "区政府办公室", "sh", ["上海市", None, "松江区"], "department",
          "2021-01-19", "https://www.songjiang.gov.cn", "021-37735000", "tsv-mirrored-reordered",
          "TSV, 2019 form. Table 2's five 第二十条 sections are printed last-first ((九)项 政府集中采购, (八)项 收费, "
          "(六)项 with 行政强制 above 行政处罚, (五)项 with 其他对外管理服务事项 above 行政许可, (一)项 with 规范性文件 "
          "above 规章 (规章 blank)). Table 3 is mirrored: every row, header rows included, is printed right to left "
          "with tabs (总计, 其他, 法律服务机构, 社会公益组织, 科研机构, 商业企业, 自然人, then the three label cells "
          "reversed), so each row's first number is its 总计. Every cell is recoverable.", seed,
          intro_ag="上海市松江区人民政府办公室")


# ---------------------------------------------------------------- AB11 福建 福州市人民政府: column by column, empty cells dropped
AB11_BLANKS = ["table3.carried_over.research_institution", "table3.granted.social_welfare_org",
               "table3.other_misc.research_institution", "table3.withheld_state_secret.other_org"]


def ab11():
    tpl, year, seed = "2021", 2022, 9411
    t3 = gen_t3(seed, tpl, scale=3.0)
    t2 = t2_21(norm=(6, 4, 132), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (9, 2, 1, 2), "litigation_direct": (6, 1, 0, 2), "litigation_after_review": (2, 0, 0, 1)})
    for k in AB11_BLANKS:
        _, a, c = k.split(".")
        assert t3[a][c] == 0, (k, t3[a][c])
    bl = set(AB11_BLANKS)
    full = full_map(t3, t4, tpl, bl)
    seqs = [[f"table3.{code}.{c}" for code, *_ in t3_rows(tpl)] for c in COLS]
    n, lost = placements(seqs, full, tpl)
    tables = {"t2": tabs(t2_grid(tpl, t2)), "t3": t3_colmajor(tpl, t3, blanks=bl), "t4": tabs(t4_grid(t4))}
    build("fj_city_gov_t3_column_by_column_empty_cells_dropped_fuzhou_2022", "txt", tpl, year, t2, t3, t4, tables,
          "福州市人民政府", "市政府", "fj", ["福建省", "福州市"], "prefecture", "2023-01-29", "http://www.fuzhou.gov.cn",
          "0591-83330000", "column-major-dropped-blanks",
          "2021 form, a city government with larger counts. Table 3 is read column by column (header cells, all "
          "label cells, then each number column downward, one number per line) and the four EMPTY cells printed no "
          "text at all: 二、上年结转/科研机构, （一）予以公开/社会公益组织, （六）3.其他/科研机构 and （三）1.属于国家秘密/其他 "
          "(all 0 on the page, derived by the row sums). So the 科研机构 column has 23 numbers, 社会公益组织 24, 其他 24 "
          "instead of 25, and a reader cannot see where the gaps were. Filling each column top-down shifts "
          "every number below a gap by one row. The identities do settle it: of all gap placements, "
          f"{n} survive every row and column identity and all give the same cell values, so a careful reader doing "
          "the arithmetic recovers every cell (text_unrecoverable is empty), but only that way; a parser that "
          "cannot do it should abstain on the three short columns. Tables 2 and 4 are TSV.", seed, intro_ag="福州市人民政府办公厅", small=False,
          blanks=bl, extra={"text_unrecoverable": lost})


# ---------------------------------------------------------------- AB12 江苏 常州 湖塘镇: table 3 pages swapped (TSV); table 4 numbers detached
def ab12():
    tpl, year, seed = "2019", 2020, 9412
    t3 = gen_t3(seed, tpl, scale=0.7)
    t2 = t2_19(norm=(0, 0, 0), lic=(3, 0, 41), oth=(0, 0, 0), pen=(2, 0, 17), coe=(0, 0, 0), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    g = t3_grid(tpl, t3)
    k = 3 + 8  # page 4 ends after （三）4.保护第三方合法权益
    t3txt = tabs(g[k:]) + "\n第 5 页\n" + tabs(g[:k]) + "\n第 4 页"
    t4txt = "\n".join(hdr_cells_t4()) + "\n- 5 -\n" + " ".join(t4_vals(t4))
    tables = {"t2": tabs(t2_grid(tpl, t2)), "t3": t3txt, "t4": t4txt}
    build("js_town_gov_t3_pages_swapped_t4_numbers_detached_hutang_wujin_2020", "txt", tpl, year, t2, t3, t4, tables,
          "常州市武进区湖塘镇人民政府", "本镇", "js", ["江苏省", "常州市", "武进区", "湖塘镇"], "township",
          "2021-01-26", "http://www.wj.gov.cn", "0519-86310000", "tsv-pages-swapped",
          "TSV, 2019 form. Table 3 is split after （三）4.保护第三方合法权益 and the second page is printed first: "
          "under heading 三 come the rows （三）5.属于三类内部事务信息 … 四、结转下年度继续办理 (the first of them carries no "
          "group label), then `第 5 页`, then the three header rows and 一、本年新收 … （三）4., then `第 4 页`. Table 4 "
          "prints its header cells one per line, then a `- 5 -` footer, then its 15 numbers on one line. Every cell "
          "is recoverable.", seed, intro_ag="常州市武进区湖塘镇人民政府")


# ---------------------------------------------------------------- AB13 上海 青浦 朱家角镇: interleaved two-column prose + (七)总计 first (md)
def ab13():
    tpl, year, seed = "2021", 2023, 9413
    t3 = gen_t3(seed, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 1, 2), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    g3 = t3_grid(tpl, t3)
    tot = [r for r in g3 if r[1] == "（七）总计"][0]
    g3 = g3[:3] + [tot] + [r for r in g3[3:] if r is not tot]
    tables = {"t2": md(t2_grid(tpl, t2)), "t3": md(g3), "t4": md(t4_grid(t4))}
    build("sh_town_gov_two_column_prose_interleaved_zongji_first_md_zhujiajiao_2023", "md", tpl, year, t2, t3, t4,
          tables, "上海市青浦区朱家角镇人民政府", "本镇", "sh", ["上海市", None, "青浦区", "朱家角镇"], "township",
          "2024-01-23", "https://www.shqp.gov.cn", "021-59240000", "md-two-column-interleaved",
          "Markdown, 2021 form. The prose is two-column and read straight across (left line, right line, … "
          "wrapped at 24 characters, 36 lines a page), including the section headings (`## 一、总体情况` between "
          "two halves of other sentences). Table 3's （七）总计 row is printed first under the header rows. Tables "
          "are otherwise clean markdown; every cell is recoverable.", seed, intro_ag="上海市青浦区朱家角镇人民政府",
          interleaved=True)


# ---------------------------------------------------------------- AB14 福建 漳州市市场监管局: t2 column by column, t3 rows right to left (spaces), t4 header after
def ab14():
    tpl, year, seed = "2021", 2021, 9414
    t3 = gen_t3(seed, tpl, scale=1.2)
    t2 = t2_21(norm=(3, 2, 28), lic=5312, pen=1847, coe=63, fee=0)
    t4 = mk_t4({"admin_review": (6, 1, 2, 1), "litigation_direct": (3, 0, 1, 1), "litigation_after_review": (2, 1, 0, 0)})
    t3l = [" ".join(c for c in reversed(r) if c) for r in t3_grid(tpl, t3)]
    t4l = [" ".join(t4_vals(t4))] + [" ".join(c for c in r if c) for r in T4_HDR]
    tables = {"t2": t2_colmajor(tpl, t2), "t3": "\n".join(t3l), "t4": "\n".join(t4l)}
    lost = t2_colmajor_lost(tpl, t2)
    build("fj_city_bureau_t2_column_major_t3_rows_reversed_spaces_zhangzhou_scjg_2021", "txt", tpl, year, t2, t3,
          t4, tables, "漳州市市场监督管理局", "本局", "fj", ["福建省", "漳州市"], "department", "2022-01-26",
          "http://scjgj.zhangzhou.gov.cn", "0596-2990000", "mixed-scrambled",
          "Plain text, 2021 form, three scrambles. Table 2 is read column by column inside each 第二十条 section "
          "(header cells, labels, then each metric column downward; the blank 规章 row prints nothing, so the "
          "（一）项 columns hold one number each). Table 3 prints each row right to left on one line with spaces: "
          "`14 0 0 0 1 2 11 （一）予以公开 三、本年度办理结果` (总计 first, 自然人 last, labels after the numbers, "
          "sub-row label before group label); its header lines are reversed too. Table 4 prints its 15-number row "
          "first, then its three header lines. Every table-3 and table-4 cell is recoverable; the three 行政规范性文件 "
          "cells are not (each （一）项 column holds one number for two rows, 规章 being blank: text_unrecoverable).",
          seed, small=False, extra={"text_unrecoverable": lost})


FX = [ab01, ab02, ab03, ab04, ab05, ab06, ab07, ab08, ab09, ab10, ab11, ab12, ab13, ab14]
