"""redteam_p fixtures: real DOCX / PDF / DOC files in the shapes Word, WPS and LibreOffice authors publish."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import core
from core import fmt, gen_t3, mk_t4, truth, write, COLS, CASES, RES
from lhelp import t2_21, t2_19, meta, t2_blank_keys
import kprose as P
import wordp as W


def blocks_for(tpl, year, t3, we, flavor, seed, agency_w, url, phone, signoff, title=(), **kw):
    return P.blocks(year, we, flavor, t3, tpl, seed, title=list(title),
                    intro=P.std_intro(agency_w, year, url, phone, tpl), signoff=signoff, **kw)


def emit(name, ext, doc, tr, via=None):
    """ext docx: save; pdf/doc: save the DOCX in a temp dir and convert it with LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="rtp_") as tmp:
        src = W.save_docx(doc, Path(tmp) / f"{name}.docx")
        if ext == "docx":
            data = src.read_bytes()
        else:
            data = W.soffice(src, ext, Path(tmp)).read_bytes()
    write(name, ext, data, tr)
    return core.OUT / f"{name}.{ext}"


def std_tables(tpl, t2, t3, t4, text3=None, text2=None, text4=None, w3=W.W3, w2=W.W2, w4=W.W4, size=None,
               borders=W.ALL, labels=None, header_rows3=0, after3=None, cant_split=False):
    def a2(doc):
        g, m = W.t2_full(tpl, t2, text2)
        W.grid_table(doc, g, m, w2, borders=borders, size=size, cant_split=cant_split)

    def a3(doc):
        g, m = W.t3_full(tpl, t3, text3, labels)
        W.grid_table(doc, g, m, w3, borders=borders, size=size, header_rows=header_rows3, after=after3,
                     cant_split=cant_split)

    def a4(doc):
        g, m = W.t4_full(t4, text4)
        W.grid_table(doc, g, m, w4, borders=borders, size=size, cant_split=cant_split)
    return {"t2": a2, "t3": a3, "t4": a4}


def blank_text(blanks, mark=""):
    def f(code, col, v):
        return mark if f"table3.{code}.{col}" in blanks else fmt(v)
    return f


# ---------------------------------------------------------------- p1: table 3 = header table + body table
def p1():
    tpl, year = "2021", 2022
    t3 = gen_t3(7101, tpl, scale=1.8)
    t2 = t2_21(rules=(0, 0, 0), norm=(5, 2, 38), lic=1268, pen=3417, coe=96, fee=0)
    t4 = mk_t4({"admin_review": (3, 1, 1, 0), "litigation_direct": (2, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市徐汇区人民政府"
    b = blocks_for(tpl, year, t3, "徐汇区", "sh", 7101, "上海市徐汇区人民政府办公室", "https://www.xuhui.gov.cn",
                   "021-64872222", [ag, "2023年1月20日"], title=[ag + "2022年政府信息公开工作年度报告"])
    tabs = std_tables(tpl, t2, t3, t4)

    def a3(doc):
        W.grid_table(doc, [list(r) for r in W.T3_HEAD], W.T3_HEAD_MERGES, W.W3)
        doc.add_paragraph()  # Word needs a paragraph between two tables, else they fuse
        body, bm = W.t3_body(tpl, t3)
        W.grid_table(doc, body, bm, W.W3)
    tabs["t3"] = a3
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["上海市", None, "徐汇区"], year, "county", "docx-t3-header-table-plus-body-table", "2023-01-20"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX. Table 3 is two Word tables: the three header rows (勾稽关系 block vMerge+gridSpan, 申请人情况 "
                     "gridSpan 7, 自然人/总计 vMerge, 法人或其他组织 gridSpan 5) in one table, then an empty paragraph, then "
                     "the 25 body rows in a second table with no header (三、本年度办理结果 is one vMerge over 22 rows, the "
                     "group labels vMerge over 8/3/5/3). Every cell printed, zeros as 0.")
    emit("sh_district_docx_t3_header_table_body_table_xuhui_2022", "docx", doc, tr)


# ---------------------------------------------------------------- p2: table 3 split in two, header copied, 续表
def p2():
    tpl, year = "2019", 2020
    t3 = gen_t3(7102, tpl, scale=1.3)
    t2 = t2_19(rules=(0, 0, 0), norm=(3, 3, 21), lic=(46, 2, 318), oth=(12, 0, 57), pen=(88, -4, 612), coe=(9, 0, 23),
               fees=(4, 0), proc=(17, 386.52))
    t4 = mk_t4({"admin_review": (2, 0, 1, 1), "litigation_direct": (1, 1, 0, 0)})
    ag = "南京市生态环境局"
    b = blocks_for(tpl, year, t3, "市生态环境局", "js", 7102, "南京市生态环境局", "http://hbj.nanjing.gov.cn",
                   "025-83590000", [ag, "2021年1月25日"], title=[ag + "2020年政府信息公开工作年度报告"])
    tabs = std_tables(tpl, t2, t3, t4)
    codes = [c for c, *_ in core.t3_rows(tpl)]
    cut = codes.index("withheld_internal_affairs")  # split inside （三）不予公开, between items 4 and 5

    def a3(doc):
        body, bm = W.t3_body(tpl, t3)
        # part 1: header + rows before the cut; part 2: header again + the rest (Word "split table": a vMerge
        # cut in two restarts empty in the second part)
        m1, m2 = [], []
        for r0, c0, r1, c1 in bm:
            if r1 < cut:
                m1.append((r0, c0, r1, c1))
            elif r0 >= cut:
                m2.append((r0 - cut, c0, r1 - cut, c1))
            else:
                m1.append((r0, c0, cut - 1, c1))
                m2.append((0, c0, r1 - cut, c1))
        top = [list(r) for r in W.T3_HEAD] + body[:cut]
        W.grid_table(doc, top, W.T3_HEAD_MERGES + W.shift(m1, 3), W.W3)
        W.page_break(doc)
        W.para(doc, "续表")
        rest = [list(r) for r in body[cut:]]
        W.grid_table(doc, [list(r) for r in W.T3_HEAD] + rest, W.T3_HEAD_MERGES + W.shift(m2, 3), W.W3)
    tabs["t3"] = a3
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["江苏省", "南京市"], year, "department", "docx-t3-split-two-tables-header-copied", "2021-01-25"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX, 2019 form. Table 3 was split in Word (Split Table) inside （三）不予公开 after item 4, a page "
                     "break and a 续表 paragraph put between the parts, and the three header rows copied into the second "
                     "part. In the second part 三、本年度办理结果 and （三）不予公开 restart as EMPTY vMerge cells (what Word "
                     "leaves when a vertical merge is split), so rows 5.属于三类内部事务信息 … （七）总计 have an empty first "
                     "column. Every cell printed. 本年增/减 of 行政处罚 is -4.")
    emit("js_city_bureau_docx_t3_split_header_copied_2019_form_njsthjj_2020", "docx", doc, tr)


# ---------------------------------------------------------------- p3: table 2 as four tables, multi-paragraph cells
def p3():
    tpl, year = "2021", 2021
    t3 = gen_t3(7103, tpl, scale=1.1)
    t2 = t2_21(rules=(0, 0, 0), norm=(4, 1, 26), lic=2315, pen=774, coe=31, fee=0)
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    ag = "永泰县人民政府"
    b = blocks_for(tpl, year, t3, "我县", "fj", 7103, "永泰县人民政府办公室", "http://www.yt.gov.cn", "0591-24832356",
                   [ag, "2022年1月24日"], title=[ag + "2021年政府信息公开工作年度报告"])
    hdr_br = {"本年制发件数": "本年制发\n件数", "本年废止件数": "本年废止\n件数", "现行有效件数": "现行有效\n件数",
              "本年处理决定数量": "本年处理\n决定数量", "本年收费金额（单位：万元）": "本年收费金额\n（单位：万元）"}

    def a2(doc):
        for g, m in W.t2_blocks(tpl, t2):
            g = [[hdr_br.get(x, x) for x in r] for r in g]
            # numbers typed after an Enter (empty first paragraph) to centre them vertically
            for r in g[2:]:
                for i in range(1, 4):
                    if r[i] != "":
                        r[i] = ["", r[i]]
            W.grid_table(doc, g, m, W.W2)
            doc.add_paragraph()

    labels = {core.G_PART: ["（二）部分公开", "（区分处理的，只计这一情形，不计其他情形）"],
              "一、本年新收政府信息公开申请数量": ["一、本年新收政府信息", "公开申请数量"],
              "二、上年结转政府信息公开申请数量": ["二、上年结转政府信息", "公开申请数量"],
              "四、结转下年度继续办理": ["四、结转下年度", "继续办理"],
              "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）": None}

    def text3(code, col, v):
        s = fmt(v)
        return [s, ""] if col == "total" else s  # a trailing empty paragraph in every 总计 cell

    def a3(doc):
        g, m = W.t3_full(tpl, t3, text3, {k: v for k, v in labels.items() if v})
        g[1][3] = "自然人"
        g[0][0] = ["（本列数据的勾稽关系为：", "第一项加第二项之和，", "等于第三项加第四项之和）"]
        g[2][6] = "社会公益\n组织"
        g[2][7] = "法律服务\n机构"
        W.grid_table(doc, g, m, W.W3)
    tabs = std_tables(tpl, t2, t3, t4)
    tabs["t2"], tabs["t3"] = a2, a3
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["福建省", "福州市", "永泰县"], year, "county", "docx-t2-four-tables-multi-paragraph-cells",
                    "2022-01-24"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX. Table 2 is four separate Word tables (one per 第二十条 item, each with its own title row "
                     "spanning 4 columns, an empty paragraph between them). Header cells have manual line breaks "
                     "(本年制发<br>件数). Every table-2 number cell has an empty first paragraph and the number in the "
                     "second. Table 3 labels are split over two paragraphs (（二）部分公开 / （区分处理的…）, 一、本年新收政府信息 "
                     "/ 公开申请数量), the 勾稽关系 note is three paragraphs, and every 总计 cell has a trailing empty "
                     "paragraph. Every cell printed.")
    emit("fj_county_docx_t2_four_tables_multi_paragraph_cells_yongtai_2021", "docx", doc, tr)


# ---------------------------------------------------------------- p4: tables nested in 1x1 frame tables, blank zeros
def p4():
    tpl, year = "2019", 2019
    t3 = gen_t3(7104, tpl, scale=0.35, orgs=False)
    t2 = t2_19(rules=(None, None, None), norm=(0, 0, 0), lic=(None, None, None), oth=(6, 1, 214),
               pen=(None, None, None), coe=(None, None, None), fees=(None, None), proc=(3, 41.6))
    t4 = mk_t4({})
    ag = "上海市浦东新区新场镇人民政府"
    b = blocks_for(tpl, year, t3, "新场镇", "sh", 7104, "新场镇人民政府", "https://www.pudong.gov.cn",
                   "021-58171000", [ag, "2020年1月16日"], title=[ag + "2019年政府信息公开工作年度报告"], small=True)
    blanks = {f"table3.{r}.{c}" for r, row in t3.items() for c, v in row.items()
              if v == 0 and c in ("research_institution", "social_welfare_org", "other_org")}

    def framed(kind, g, m, widths, caption):
        def add(doc):
            outer = doc.add_table(rows=1, cols=1)
            W.set_borders(outer, W.ALL)
            cell = outer.cell(0, 0)
            cell.paragraphs[0].text = caption
            W.grid_table(cell, g, m, widths)
        return add
    g2, m2 = W.t2_full(tpl, t2)
    g3, m3 = W.t3_full(tpl, t3, blank_text(blanks))
    g4, m4 = W.t4_full(t4)
    tabs = {"t2": framed("t2", g2, m2, [56, 38, 38, 38], "表一：主动公开政府信息情况"),
            "t3": framed("t3", g3, m3, [16, 22, 42, 12, 12, 12, 12, 12, 12, 12], "表二：收到和处理政府信息公开申请情况"),
            "t4": framed("t4", g4, m4, [11] * 15, "表三：政府信息公开行政复议、行政诉讼情况")}
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["上海市", None, "浦东新区", "新场镇"], year, "township", "docx-nested-in-frame-tables",
                    "2020-01-16"), tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2),
               notes="DOCX, 2019 form, a town. Each of tables 2, 3 and 4 sits inside the single cell of a 1x1 frame "
                     "table (caption paragraph 表一/表二/表三 first, then the real table nested in the cell). Table 2: "
                     "规章, 行政许可, 行政处罚, 行政强制 and 行政事业性收费 rows are empty cells (null). Table 3: the "
                     "科研机构, 社会公益组织 and 其他 columns are empty cells wherever the value is 0 (all derived 0 from "
                     "the row sums/column identities); the other zeros are printed 0. Table 4 all 0 printed.")
    emit("sh_town_docx_tables_nested_in_frames_2019_form_xinchang_2019", "docx", doc, tr)


# ---------------------------------------------------------------- p5: title in a text box, agency in sign-off, date in footer
def p5():
    tpl, year = "2021", 2023
    t3 = gen_t3(7105, tpl, scale=2.2)
    t2 = t2_21(rules=(0, 0, 0), norm=(7, 3, 45), lic=15872, pen=2634, coe=118, fee=12.35)
    t4 = mk_t4({"admin_review": (4, 1, 2, 1), "litigation_direct": (3, 0, 1, 2), "litigation_after_review": (1, 0, 1, 0)})
    ag = "江阴市人民政府"
    b = blocks_for(tpl, year, t3, "我市", "js", 7105, "本机关", "http://www.jiangyin.gov.cn", "0510-86861234",
                   [ag])
    doc = W.new_doc()
    W.textbox_title(doc, ["江阴市人民政府", "2023年政府信息公开工作年度报告"])
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "政府信息公开工作年度报告"
    sec.footer.paragraphs[0].text = "发布日期：2024年1月26日"
    W.body(doc, b, std_tables(tpl, t2, t3, t4))
    tr = truth(meta(ag, ["江苏省", "无锡市", "江阴市"], year, "county", "docx-title-in-textbox-footer-date", "2024-01-26"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX. The title (江阴市人民政府 / 2023年政府信息公开工作年度报告) is only in a VML text box anchored in "
                     "the first paragraph; the body never names the agency (intro says 由本机关编制, prose says 我市). The "
                     "agency is printed in full only in the sign-off (江阴市人民政府, no date there); the publication "
                     "date is only in the page footer (发布日期：2024年1月26日); the page header says 政府信息公开工作年度报告. "
                     "The year is in the title box and in the intro's 统计期限 sentence. Fee 12.35 万元. Every cell printed.")
    emit("js_county_docx_title_textbox_signoff_footer_date_jiangyin_2023", "docx", doc, tr)


# ---------------------------------------------------------------- p6: blank / —— / slash cells and printed 0
def p6():
    tpl, year = "2021", 2022
    t3 = gen_t3(7106, tpl, scale=0.9)
    t2 = t2_21(rules=(None, None, None), norm=(2, 0, 14), lic=None, pen=None, coe=None, fee=None)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "泉州市教育局"
    b = blocks_for(tpl, year, t3, "市教育局", "fj", 7106, "泉州市教育局", "http://jyj.quanzhou.gov.cn", "0595-22586000",
                   [ag, "2023年1月18日"], title=[ag + "2022年政府信息公开工作年度报告"])
    codes = list(t3)
    marks = {}
    for r, row in t3.items():
        for c, v in row.items():
            if v != 0:
                continue
            if c == "research_institution":
                marks[f"table3.{r}.{c}"] = ""
            elif c == "social_welfare_org":
                marks[f"table3.{r}.{c}"] = "——"
            elif r in ("withheld_state_secret", "withheld_three_safeties", "not_processed_excessive",
                       "other_unpaid_fee") and c != "total":
                marks[f"table3.{r}.{c}"] = "/"
    blanks4 = {f"table4.{k}.{r}": "/" for k in ("litigation_direct", "litigation_after_review") for r in RES}

    def t3t(code, col, v):
        return marks.get(f"table3.{code}.{col}", fmt(v))

    def t2t(item, m, v):
        return "——" if v is None else fmt(v)

    def t4t(k, r, v):
        return blanks4.get(f"table4.{k}.{r}", fmt(v))
    doc = W.new_doc()
    W.body(doc, b, std_tables(tpl, t2, t3, t4, text3=t3t, text2=t2t, text4=t4t))
    tr = truth(meta(ag, ["福建省", "泉州市"], year, "department", "docx-blank-dash-slash-cells", "2023-01-18"),
               tpl, t2, t3, t4, blanks=set(marks) | set(blanks4), t2_blanks=t2_blank_keys(t2), big_ok=True,
               notes="DOCX. Zeros printed four ways: 科研机构 zeros are empty cells, 社会公益组织 zeros are ——, the zero "
                     "cells of 属于国家秘密/危及“三安全一稳定”/无正当理由大量反复申请/逾期未按收费 (applicant columns) are "
                     "/, other zeros are 0. Table 2: 规章, 行政许可, 行政处罚, 行政强制 and 收费金额 are ——. Table 4: both "
                     "行政诉讼 groups are / throughout. Every non-printed cell is null; derived where the identities pin "
                     "it (table 4 行政诉讼 has no identity with one unknown, so it is not derived).")
    emit("fj_city_bureau_docx_blank_dash_slash_zero_cells_qzjyj_2022", "docx", doc, tr)


# ---------------------------------------------------------------- p7: landscape PDF, 7 pt, rows broken over pages
P7_PAD = 4  # empty paragraphs before table 3 (chosen so a tall (六) row breaks across the page end)


def p7(pad=None):
    pad = P7_PAD if pad is None else pad
    tpl, year = "2021", 2021
    t3 = gen_t3(7107, tpl, scale=1.5)
    t2 = t2_21(rules=(0, 0, 0), norm=(6, 2, 33), lic=4127, pen=1906, coe=57, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 1, 1), "litigation_direct": (2, 1, 0, 1), "litigation_after_review": (0, 1, 0, 0)})
    ag = "南京市玄武区人民政府"
    b = blocks_for(tpl, year, t3, "玄武区", "js", 7107, "南京市玄武区人民政府办公室", "http://www.xuanwu.gov.cn",
                   "025-84630000", [ag, "2022年1月21日"], title=[ag + "2021年政府信息公开工作年度报告"])
    w3 = [9, 11, 17, 12, 12, 12, 12, 12, 12, 12]
    tabs = std_tables(tpl, t2, t3, t4, w3=w3, w2=[50, 30, 30, 30], w4=[11] * 15, size=7)
    a3 = tabs["t3"]

    def t3pad(doc):
        for _ in range(pad):
            doc.add_paragraph()
        a3(doc)
    tabs["t3"] = t3pad
    doc = W.new_doc(font_pt=7, landscape=True, margin_mm=15)
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["江苏省", "南京市", "玄武区"], year, "county", "pdf-libreoffice-landscape-7pt-row-split",
                    "2022-01-21"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="PDF made by LibreOffice from a DOCX: A4 landscape, 7 pt WenQuanYi Micro Hei, table 3 only ~121 mm "
                     "wide with narrow label columns (9/11/17 mm), so long labels wrap over 3-6 lines. Rows may break "
                     "across pages (no cantSplit): table 3 runs over a page end inside the （六）其他处理 group and one "
                     "row is cut in two, its label lines split between the pages (see README for the row). Every cell "
                     "printed.")
    return emit("js_district_pdf_landscape_small_font_row_split_pages_xuanwu_2021", "pdf", doc, tr)


# ---------------------------------------------------------------- p8: PDF, horizontal rulings only
def p8():
    tpl, year = "2019", 2020
    t3 = gen_t3(7108, tpl, scale=1.2)
    t2 = t2_19(rules=(0, 0, 0), norm=(2, 2, 19), lic=(112, 3, 5286), oth=(24, -1, 903), pen=(137, 0, 428),
               coe=(11, 0, 6), fees=(9, -2), proc=(42, 1275.3))
    t4 = mk_t4({"admin_review": (3, 0, 0, 1), "litigation_direct": (1, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    ag = "安溪县人民政府"
    b = blocks_for(tpl, year, t3, "我县", "fj", 7108, "安溪县人民政府办公室", "http://www.fjax.gov.cn", "0595-23232000",
                   [ag, "2021年1月29日"], title=[ag + "2020年政府信息公开工作年度报告"])
    doc = W.new_doc(font_pt=9)
    W.body(doc, b, std_tables(tpl, t2, t3, t4, borders=W.H_ONLY, size=8))
    tr = truth(meta(ag, ["福建省", "泉州市", "安溪县"], year, "county", "pdf-libreoffice-horizontal-rules-only",
                    "2021-01-29"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="PDF made by LibreOffice from a DOCX, 2019 form. All three tables have horizontal rulings only "
                     "(top, bottom and between rows; no outer left/right and no vertical lines), as in the "
                     "'three-line' look some offices use, so there is no ruled grid to find columns by. Merged "
                     "header cells still merge (no line under the merged part). 本年增/减 -1 and -2. Every cell printed.")
    return emit("fj_county_pdf_horizontal_rules_only_2019_form_anxi_2020", "pdf", doc, tr)


# ---------------------------------------------------------------- p9: PDF, some rulings missing, blank cells
def p9():
    tpl, year = "2021", 2023
    t3 = gen_t3(7109, tpl, scale=1.4)
    t2 = t2_21(rules=(0, 0, 0), norm=(3, 1, 29), lic=6630, pen=2275, coe=84, fee=0)
    t4 = mk_t4({"admin_review": (5, 1, 0, 2), "litigation_direct": (2, 1, 1, 0)})
    ag = "上海市静安区人民政府"
    b = blocks_for(tpl, year, t3, "静安区", "sh", 7109, "上海市静安区人民政府办公室", "https://www.jingan.gov.cn",
                   "021-62220000", [ag, "2024年1月19日"], title=[ag + "2023年政府信息公开工作年度报告"])
    blanks = {f"table3.carried_over.{c}" for c in COLS[:6] if t3["carried_over"][c] == 0}
    blanks |= {f"table3.not_processed_confirmation.{c}" for c in COLS if t3["not_processed_confirmation"][c] == 0}

    def erase3(t):
        # the author's eraser: no vertical lines between 商业企业…其他 (columns 4-8) in any row, and none between the
        # label columns 0|1|2; blank cells lost all four edges.
        for row in t.rows:
            seen = set()
            for c, cell in enumerate(row.cells):
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                if 4 <= c <= 8:
                    W.cell_borders(cell, **({"left": "nil"} if c > 4 else {}), **({"right": "nil"} if c < 8 else {}))
                if c in (0, 1, 2):
                    W.cell_borders(cell, **({"left": "nil"} if c > 0 else {}), **({"right": "nil"} if c < 2 else {}))
        for r, (code, *_) in enumerate(core.t3_rows(tpl)):
            for i, col in enumerate(COLS):
                if f"table3.{code}.{col}" in blanks:
                    W.cell_borders(t.cell(3 + r, 3 + i), top="nil", bottom="nil", left="nil", right="nil")
    tabs = std_tables(tpl, t2, t3, t4, text3=blank_text(blanks), after3=erase3)
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["上海市", None, "静安区"], year, "county", "pdf-libreoffice-missing-rulings", "2024-01-19"),
               tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2),
               notes="PDF made by LibreOffice from a DOCX. Table 3 has rulings missing: no vertical lines between the "
                     "five 法人或其他组织 columns (商业企业…其他) in any row, none between the three label columns, and "
                     "the blank cells (二、上年结转 zero cells, 5.要求行政机关确认… zero cells) have no borders at all. "
                     "Blank cells are null and derived 0 where the identities pin them. Tables 2 and 4 fully ruled.")
    return emit("sh_district_pdf_missing_rulings_blank_cells_jingan_2023", "pdf", doc, tr)


# ---------------------------------------------------------------- p10: .doc from a DOCX, table 4 in two tables
def p10():
    tpl, year = "2021", 2021
    t3 = gen_t3(7110, tpl, scale=2.6)
    t2 = t2_21(rules=(2, 1, 27), norm=(14, 6, 182), lic=27316, pen=8740, coe=412, fee=0)
    t4 = mk_t4({"admin_review": (9, 2, 3, 2), "litigation_direct": (6, 1, 2, 3), "litigation_after_review": (3, 0, 1, 1)})
    ag = "常州市人民政府"
    b = blocks_for(tpl, year, t3, "市政府", "js", 7110, "常州市人民政府办公室", "http://www.changzhou.gov.cn",
                   "0519-85682000", [ag, "2022年1月27日"], title=[ag + "2021年政府信息公开工作年度报告"])
    tabs = std_tables(tpl, t2, t3, t4)

    def a4(doc):
        rv = [["行政复议", "", "", "", ""], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
              [fmt(t4["admin_review"][r]) for r in RES]]
        W.grid_table(doc, rv, [(0, 0, 0, 4)], [34] * 5)
        doc.add_paragraph()
        lg = [["行政诉讼"] + [""] * 9, ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4,
              ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2,
              [fmt(t4[k][r]) for k in ("litigation_direct", "litigation_after_review") for r in RES]]
        W.grid_table(doc, lg, [(0, 0, 0, 9), (1, 0, 1, 4), (1, 5, 1, 9)], [17] * 10)
    tabs["t4"] = a4
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["江苏省", "常州市"], year, "prefecture", "doc-libreoffice-from-docx-t4-two-tables",
                    "2022-01-27"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="Word 97 .doc written by LibreOffice (--convert-to doc) from a DOCX with the official merges "
                     "(vMerge/gridSpan). Table 4 is two tables: 行政复议 (5 columns: title row, result row, values) "
                     "and, after an empty paragraph, 行政诉讼 (10 columns: title, 未经复议直接起诉/复议后起诉, results, values). "
                     "A prefecture city government; 规章 has values (2/1/27). Every cell printed.")
    return emit("js_city_doc_from_docx_t4_two_tables_changzhou_2021", "doc", doc, tr)


# ---------------------------------------------------------------- p11: PDF, repeated header rows on every page
def p11():
    tpl, year = "2019", 2020
    t3 = gen_t3(7111, tpl, scale=3.0)
    t2 = t2_19(rules=(0, 0, 0), norm=(11, 11, 96), lic=(38, -2, 4127), oth=(15, 1, 2236), pen=(21, 0, 187),
               coe=(4, 0, 0), fees=(6, 0), proc=(58, 2864.17))
    t4 = mk_t4({"admin_review": (11, 2, 4, 3), "litigation_direct": (5, 1, 1, 2), "litigation_after_review": (2, 0, 1, 1)})
    ag = "上海市教育委员会"
    b = blocks_for(tpl, year, t3, "市教委", "sh", 7111, "上海市教育委员会", "http://edu.sh.gov.cn", "021-23116600",
                   [ag, "2021年1月28日"], title=[ag + "2020年政府信息公开工作年度报告"])
    tabs = std_tables(tpl, t2, t3, t4, size=12, header_rows3=3, cant_split=True)
    doc = W.new_doc(font_pt=12)
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["上海市"], year, "department", "pdf-libreoffice-repeat-header-rows", "2021-01-28"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="PDF made by LibreOffice from a DOCX, 2019 form, 12 pt. Table 3's three header rows are marked "
                     "'repeat as header row' (w:tblHeader), and rows cannot split, so the table runs over pages and "
                     "LibreOffice draws the header rows again at the top of each continuation page; the vMerged "
                     "三、本年度办理结果 label appears only on the first page. Every cell printed.")
    return emit("sh_city_commission_pdf_repeat_header_rows_2019_form_shjw_2020", "pdf", doc, tr)


# ---------------------------------------------------------------- p12: tracked insertions + content controls
def p12():
    tpl, year = "2021", 2022
    t3 = gen_t3(7112, tpl, scale=1.6)
    t2 = t2_21(rules=(0, 0, 0), norm=(4, 2, 31), lic=9314, pen=3380, coe=65, fee=0)
    t4 = mk_t4({"admin_review": (2, 2, 0, 1), "litigation_direct": (3, 0, 1, 0), "litigation_after_review": (1, 1, 0, 0)})
    ag = "厦门市思明区人民政府"
    b = blocks_for(tpl, year, t3, "思明区", "fj", 7112, "厦门市思明区人民政府办公室", "http://www.siming.gov.cn",
                   "0592-2191234", [ag, "2023年1月30日"], title=[ag + "2022年政府信息公开工作年度报告"])
    ins_rows = ("granted", "unavailable_not_held", "total_processed")

    def t3t(code, col, v):
        return {"p": [fmt(v)], "ins": True} if code in ins_rows else fmt(v)

    tabs = std_tables(tpl, t2, t3, t4, text3=t3t)

    def a4(doc):
        g, m = W.t4_full(t4)
        t = W.grid_table(doc, g, m, W.W4)
        from docx.oxml import parse_xml
        for i, cell in enumerate(t.rows[3].cells):
            p = cell.paragraphs[0]
            txt = p.text
            for r in list(p._p.iterchildren()):
                if r.tag.endswith("}r"):
                    p._p.remove(r)
            p._p.append(parse_xml(
                '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtPr>'
                f'<w:id w:val="{5100 + i}"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>{txt}</w:t></w:r>'
                '</w:sdtContent></w:sdt>'))
    tabs["t4"] = a4
    doc = W.new_doc()
    W.body(doc, b, tabs)
    tr = truth(meta(ag, ["福建省", "厦门市", "思明区"], year, "county", "docx-tracked-insertions-content-controls",
                    "2023-01-30"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX left with revision marks and form controls. In table 3 the numbers of （一）予以公开, "
                     "1.本机关不掌握相关政府信息 and （七）总计 were typed with Track Changes on: each number is a tracked "
                     "insertion (w:ins, no deletion), so Word, WPS and LibreOffice all print it (as underlined "
                     "revision or, with markup hidden, plain). In table 4 every value sits in a plain-text content "
                     "control (inline w:sdt) as in a distributed form template. Every cell printed.")
    return emit("fj_district_docx_tracked_insertions_content_controls_siming_2022", "docx", doc, tr)


# ---------------------------------------------------------------- p13: Word 2003-era smart tags and formula fields
WNS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _runs_off(p):
    for r in list(p._p):
        if r.tag.endswith("}r"):
            p._p.remove(r)


def smart(p, text, element, attrs):
    from docx.oxml import parse_xml
    _runs_off(p)
    a = "".join(f'<w:attr w:name="{k}" w:val="{v}"/>' for k, v in attrs)
    p._p.append(parse_xml(f'<w:smartTag {WNS} w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="{element}">'
                          f'<w:smartTagPr>{a}</w:smartTagPr><w:r><w:t>{text}</w:t></w:r></w:smartTag>'))


def field(p, result, instr=" =SUM(LEFT) ", simple=True):
    from docx.oxml import parse_xml
    _runs_off(p)
    if simple:
        p._p.append(parse_xml(f'<w:fldSimple {WNS} w:instr="{instr}"><w:r><w:t>{result}</w:t></w:r></w:fldSimple>'))
        return
    for x in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
              '<w:r {ns}><w:instrText xml:space="preserve">{instr}</w:instrText></w:r>',
              '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>', '<w:r {ns}><w:t>{res}</w:t></w:r>',
              '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(parse_xml(x.format(ns=WNS, instr=instr, res=result)))


def p13():
    tpl, year = "2019", 2020
    t3 = gen_t3(7113, tpl, scale=1.7)
    t2 = t2_19(rules=(0, 0, 0), norm=(5, 5, 44), lic=(63, 1, 2871), oth=(20, 0, 415), pen=(74, -3, 539),
               coe=(8, 0, 17), fees=(5, 0), proc=(31, 623.8))
    t4 = mk_t4({"admin_review": (2, 1, 0, 1), "litigation_direct": (1, 0, 1, 0), "litigation_after_review": (0, 0, 1, 0)})
    ag = "苏州市吴中区人民政府"
    b = blocks_for(tpl, year, t3, "吴中区", "js", 7113, "苏州市吴中区人民政府办公室", "http://www.szwz.gov.cn",
                   "0512-66251234", [ag, "2021年1月22日"], title=[ag + "2020年政府信息公开工作年度报告"])
    tabs = std_tables(tpl, t2, t3, t4)
    a2, a3, a4 = tabs["t2"], tabs["t3"], tabs["t4"]

    def n2(doc):
        a2(doc)
        t = doc.tables[-1]
        cell = t.rows[-1].cells[2]  # 采购总金额 (merged over two grid columns)
        smart(cell.paragraphs[0], "623.8万元", "chmetcnv", [("UnitName", "万元"), ("SourceValue", "623.8"),
                                                           ("HasSpace", "False"), ("Negative", "False"),
                                                           ("NumberType", "1"), ("TCSC", "0")])

    def n3(doc):
        a3(doc)
        t = doc.tables[-1]
        for i, row in enumerate(t.rows[3:]):
            cell = row.cells[9]
            field(cell.paragraphs[0], cell.text, simple=(i % 2 == 0))

    def n4(doc):
        a4(doc)
        t = doc.tables[-1]
        for c in (4, 9, 14):
            cell = t.rows[3].cells[c]
            field(cell.paragraphs[0], cell.text, instr=" =SUM(LEFT) " if c == 4 else f" ={'ABCDEFGHIJKLMNO'[c-4]}4+"
                  f"{'ABCDEFGHIJKLMNO'[c-3]}4+{'ABCDEFGHIJKLMNO'[c-2]}4+{'ABCDEFGHIJKLMNO'[c-1]}4 ", simple=True)
    tabs = {"t2": n2, "t3": n3, "t4": n4}
    doc = W.new_doc()
    W.body(doc, b, tabs)
    # the sign-off date as a Chinese date smart tag
    last = doc.paragraphs[-1]
    assert last.text == "2021年1月22日"
    smart(last, "2021年1月22日", "chsdate", [("IsROCDate", "False"), ("IsLunarDate", "False"), ("Day", "22"),
                                           ("Month", "1"), ("Year", "2021")])
    last.alignment = 2
    tr = truth(meta(ag, ["江苏省", "苏州市", "吴中区"], year, "county", "docx-smarttags-formula-fields", "2021-01-22"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX as old Word leaves it. Every table-3 总计 cell is a formula field (=SUM(LEFT)) with its "
                     "cached result: even rows a w:fldSimple, odd rows a complex field (fldChar begin / instrText / "
                     "separate / result run / end). The three table-4 总计 cells are w:fldSimple (=SUM(LEFT), "
                     "=F4+G4+H4+I4, =K4+L4+M4+N4). The 采购总金额 cell is a chmetcnv smart tag around 623.8万元 (value "
                     "623.8, already 万元) and the sign-off date a chsdate smart tag. Every cell printed.")
    emit("js_district_docx_smart_tags_formula_fields_2019_form_wuzhong_2020", "docx", doc, tr)


# ---------------------------------------------------------------- p14: block-level content controls, title in the page header
def p14():
    tpl, year = "2021", 2022
    t3 = gen_t3(7114, tpl, scale=1.2)
    t2 = t2_21(rules=(0, 0, 0), norm=(3, 0, 22), lic=3518, pen=947, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 1, 0), "litigation_direct": (2, 0, 0, 1)})
    ag = "上海市普陀区人民政府"
    b = blocks_for(tpl, year, t3, "普陀区", "sh", 7114, "上海市普陀区人民政府办公室", "https://www.shpt.gov.cn",
                   "021-52564588", [ag, "2023年1月19日"])
    tabs = std_tables(tpl, t2, t3, t4)

    def wrap_last(doc, tag):
        from docx.oxml import parse_xml
        tbl = doc.tables[-1]._tbl
        sdt = parse_xml(f'<w:sdt {WNS}><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/>'
                        f'<w:id w:val="{abs(len(tag) * 7919) % 100000}"/></w:sdtPr><w:sdtContent/></w:sdt>')
        tbl.addprevious(sdt)
        sdt[1].append(tbl)

    def w(kind):
        def add(doc):
            tabs[kind](doc)
            wrap_last(doc, {"t2": "主动公开表", "t3": "依申请公开表", "t4": "复议诉讼表"}[kind])
        return add
    doc = W.new_doc()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = ag + "2022年政府信息公开工作年度报告"
    sec.header.paragraphs[0].alignment = 1
    W.body(doc, b, {"t2": w("t2"), "t3": w("t3"), "t4": w("t4")})
    tr = truth(meta(ag, ["上海市", None, "普陀区"], year, "county", "docx-block-sdt-tables-title-in-header",
                    "2023-01-19"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX from a form template: each of tables 2, 3 and 4 is wrapped in a block-level content "
                     "control (w:sdt > w:sdtContent > w:tbl, aliases 主动公开表/依申请公开表/复议诉讼表), so the tables "
                     "are not direct children of the body. The title is only in the page header (上海市普陀区人民政府"
                     "2022年政府信息公开工作年度报告); the body starts with the intro; sign-off 上海市普陀区人民政府 / "
                     "2023年1月19日. Every cell printed.")
    emit("sh_district_docx_block_content_controls_title_in_header_putuo_2022", "docx", doc, tr)


# ---------------------------------------------------------------- p15-p17: ".doc" files that are not Word 97 files
def emit_disguised(name, doc, tr, kind):
    """kind rtf: LibreOffice RTF saved as .doc; docx: a DOCX renamed .doc; html: Word-style HTML (GB2312) as .doc."""
    import re as _re
    if kind == "rtf":  # LibreOffice writes every style of python-docx's template into the RTF: keep the used ones
        keep = {"Normal", "TableNormal", "TableGrid", "DefaultParagraphFont", "NoList"}
        for st in list(doc.styles.element):
            if st.tag.endswith("}style") and st.get(W.qn("w:styleId")) not in keep:
                doc.styles.element.remove(st)
    with tempfile.TemporaryDirectory(prefix="rtp_") as tmp:
        src = W.save_docx(doc, Path(tmp) / f"{name}.docx")
        if kind == "docx":
            data = src.read_bytes()
        elif kind == "rtf":
            data = W.soffice(src, "rtf", Path(tmp)).read_bytes()
            # keep it under 150 KB: the ~250-byte paragraph default LibreOffice repeats in every table cell becomes
            # the style, font and size it amounts to
            data = _re.sub(rb"\\pard\\plain \\s0\\rtlch[^{}]*?\\langfe1033(?=\\intbl)", rb"\\pard\\plain \\s0\\f6\\fs21", data)
        else:
            h = W.soffice(src, "html:XHTML Writer File:UTF8", Path(tmp)).read_text(encoding="utf-8")
            body = h[h.index("<body"):]
            body = _re.sub(r"<meta[^>]*>", "", body)
            head = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                    'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
                    '<meta http-equiv=Content-Type content="text/html; charset=gb2312">\n'
                    '<meta name=ProgId content=Word.Document>\n<meta name=Generator content="Microsoft Word 15">\n'
                    '<meta name=Originator content="Microsoft Word 15">\n'
                    '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom>'
                    '</w:WordDocument></xml><![endif]-->\n<style>\n<!-- p.MsoNormal {mso-style-parent:"";margin:0cm;'
                    'font-size:10.5pt;font-family:"Times New Roman";} -->\n</style>\n</head>\n')
            data = (head + body).encode("gb18030")
    write(name, "doc", data, tr)
    return core.OUT / f"{name}.doc"


def p15():
    tpl, year = "2021", 2023
    t3 = gen_t3(7115, tpl, scale=1.3)
    t2 = t2_21(rules=(0, 0, 0), norm=(2, 1, 16), lic=5184, pen=1322, coe=40, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 1, 0, 0)})
    ag = "龙岩市新罗区人民政府"
    b = blocks_for(tpl, year, t3, "新罗区", "fj", 7115, "龙岩市新罗区人民政府办公室", "http://www.xinluo.gov.cn",
                   "0597-2321234", [ag, "2024年1月25日"], title=[ag + "2023年政府信息公开工作年度报告"])
    doc = W.new_doc()
    W.body(doc, b, std_tables(tpl, t2, t3, t4))
    tr = truth(meta(ag, ["福建省", "龙岩市", "新罗区"], year, "county", "doc-extension-rtf-content", "2024-01-25"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="A '.doc' that is really RTF ({\\rtf1 …, written by LibreOffice from a DOCX with the official "
                     "merges: \\clvmgf/\\clvmrg vertical merges, merged header cells), as WPS 'Save as RTF' and many "
                     "CMS exports leave it. Word, WPS and LibreOffice open it as a document. Every cell printed.")
    emit_disguised("fj_district_doc_really_rtf_xinluo_2023", doc, tr, "rtf")


def p16():
    tpl, year = "2019", 2019
    t3 = gen_t3(7116, tpl, scale=0.8)
    t2 = t2_19(rules=(0, 0, 0), norm=(1, 1, 9), lic=(35, 0, 1460), oth=(8, 2, 77), pen=(52, 1, 233), coe=(6, 0, 3),
               fees=(3, -1), proc=(12, 208.4))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "泰州市海陵区人民政府"
    b = blocks_for(tpl, year, t3, "海陵区", "js", 7116, "泰州市海陵区人民政府办公室", "http://www.hailing.gov.cn",
                   "0523-86211234", [ag, "2020年1月20日"], title=[ag + "2019年政府信息公开工作年度报告"])
    doc = W.new_doc()
    W.body(doc, b, std_tables(tpl, t2, t3, t4))
    tr = truth(meta(ag, ["江苏省", "泰州市", "海陵区"], year, "county", "doc-extension-docx-content", "2020-01-20"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="A '.doc' that is really a DOCX (a zip, renamed by the uploader). Word and WPS open it by its "
                     "content. 2019 form, every cell printed, 本年增/减 -1 for 行政事业性收费.")
    emit_disguised("js_district_doc_really_docx_2019_form_hailing_2019", doc, tr, "docx")


def p17():
    tpl, year = "2021", 2021
    t3 = gen_t3(7117, tpl, scale=1.0)
    t2 = t2_21(rules=(0, 0, 0), norm=(3, 2, 24), lic=2741, pen=1188, coe=23, fee=0)
    t4 = mk_t4({"litigation_direct": (1, 0, 0, 1)})
    ag = "上海市金山区人民政府"
    b = blocks_for(tpl, year, t3, "金山区", "sh", 7117, "上海市金山区人民政府办公室", "https://www.jinshan.gov.cn",
                   "021-57921234", [ag, "2022年1月21日"], title=[ag + "2021年政府信息公开工作年度报告"])
    doc = W.new_doc()
    W.body(doc, b, std_tables(tpl, t2, t3, t4))
    tr = truth(meta(ag, ["上海市", None, "金山区"], year, "county", "doc-extension-word-html-gb2312", "2022-01-21"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="A '.doc' that is really Word-style HTML ('Save as Web Page' renamed, as CMS exports do): the "
                     "Office namespaces, ProgId Word.Document, an mso conditional comment, charset gb2312 and the "
                     "bytes in GB18030; the tables are HTML tables with colspan/rowspan (body written by LibreOffice "
                     "from a DOCX). Every cell printed.")
    emit_disguised("sh_district_doc_really_word_html_gb2312_jinshan_2021", doc, tr, "html")


# ---------------------------------------------------------------- p18: tables 3 and 4 fused into one Word table
def fuse(parts):
    """parts: [(grid, merges, widths_mm)] with equal total width -> one grid over the union of column edges."""
    edges = sorted({round(sum(w[:i]), 3) for _, _, w in parts for i in range(len(w) + 1)})
    ucol = {e: i for i, e in enumerate(edges)}
    grid, merges = [], []
    for g, m, w in parts:
        b = [round(sum(w[:i]), 3) for i in range(len(w) + 1)]
        span = {}
        for r0, c0, r1, c1 in m:
            span[(r0, c0)] = (r1, c1)
        cover = set()
        for r0, c0, r1, c1 in m:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        cover.add((r, c))
        base = len(grid)
        for r, row in enumerate(g):
            out = [""] * (len(edges) - 1)
            for c, txt in enumerate(row):
                if (r, c) in cover:
                    continue
                r1, c1 = span.get((r, c), (r, c))
                u0, u1 = ucol[b[c]], ucol[b[c1 + 1]] - 1
                out[u0] = txt
                if (r1, u1) != (r, u0):
                    merges.append((base + r, u0, base + r1, u1))
            grid.append(out)
    widths = [edges[i + 1] - edges[i] for i in range(len(edges) - 1)]
    return grid, merges, widths


def p18():
    tpl, year = "2021", 2022
    t3 = gen_t3(7118, tpl, scale=1.5)
    t2 = t2_21(rules=(0, 0, 0), norm=(4, 1, 28), lic=4406, pen=1530, coe=44, fee=0)
    t4 = mk_t4({"admin_review": (3, 1, 0, 1), "litigation_direct": (1, 1, 1, 0), "litigation_after_review": (1, 0, 0, 1)})
    ag = "福州市鼓楼区人民政府"
    b = blocks_for(tpl, year, t3, "鼓楼区", "fj", 7118, "福州市鼓楼区人民政府办公室", "http://www.gl.gov.cn",
                   "0591-87531234", [ag, "2023年1月17日"], title=[ag + "2022年政府信息公开工作年度报告"])
    head4 = P.heading(3)
    w3 = [18, 24, 47] + [13] * 7
    w4 = [12] * 15

    def a3(doc):
        g3, m3 = W.t3_full(tpl, t3)
        g4, m4 = W.t4_full(t4)
        hrow = [[head4] + [""] * 14]
        g, m, w = fuse([(g3, m3, w3), (hrow, [(0, 0, 0, 14)], w4), (g4, m4, w4)])
        W.grid_table(doc, g, m, w)
    tabs = std_tables(tpl, t2, t3, t4)
    tabs["t3"] = a3
    tabs["t4"] = lambda doc: None
    blocks = [x for x in b if x != ("h", 3)]  # the heading now sits in a table row
    doc = W.new_doc()
    W.body(doc, blocks, tabs)
    tr = truth(meta(ag, ["福建省", "福州市", "鼓楼区"], year, "county", "docx-t3-t4-fused-one-table", "2023-01-17"),
               tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="DOCX. Tables 3 and 4 are one Word table (what Word does when the paragraph between two tables "
                     "is deleted): the heading 四、政府信息公开行政复议、行政诉讼情况 is a row of that table spanning its "
                     "full width, and table 4's rows follow. The two column grids are fused into one grid over the "
                     "union of their column edges (23 grid columns), so every table-3 and table-4 cell is a gridSpan "
                     "of 1-4 grid columns and the value columns do not line up with the grid columns. Every cell printed.")
    emit("fj_district_docx_t3_t4_fused_one_table_gulou_2022", "docx", doc, tr)


# ---------------------------------------------------------------- p19: PDF with vertical (tbRl) header and group cells
def p19():
    tpl, year = "2021", 2023
    t3 = gen_t3(7119, tpl, scale=1.9)
    t2 = t2_21(rules=(0, 0, 0), norm=(5, 3, 41), lic=7752, pen=2019, coe=61, fee=0)
    t4 = mk_t4({"admin_review": (4, 0, 1, 1), "litigation_direct": (2, 1, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "扬州市邗江区人民政府"
    b = blocks_for(tpl, year, t3, "邗江区", "js", 7119, "扬州市邗江区人民政府办公室", "http://www.hj.gov.cn",
                   "0514-87861234", [ag, "2024年1月23日"], title=[ag + "2023年政府信息公开工作年度报告"])
    w3 = [10, 12, 56] + [14.5] * 7

    def vertical(t):
        def vt(cell):
            tcPr = cell._tc.get_or_add_tcPr()
            e = W.OxmlElement("w:textDirection")
            e.set(W.qn("w:val"), "tbRl")
            tcPr.append(e)
        for c in range(3, 9):  # 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (总计 stays horizontal)
            vt(t.cell(1 if c == 3 else 2, c))
        vt(t.cell(3 + 2, 0))  # 三、本年度办理结果
        for r in range(3, t.rows.__len__()):
            cell = t.cell(r, 1)
            if cell.text.startswith(("（三）", "（五）")):  # (四) and (六) span 3 rows: too short
                vt(cell)
        trh = t.rows[2]._tr.get_or_add_trPr()
        h = W.OxmlElement("w:trHeight")
        h.set(W.qn("w:val"), str(int(30 * 56.7)))  # 30 mm, room for 社会公益组织 written downwards
        h.set(W.qn("w:hRule"), "atLeast")
        trh.append(h)
    doc = W.new_doc(font_pt=9)
    W.body(doc, b, std_tables(tpl, t2, t3, t4, w3=w3, size=9, after3=vertical))
    tr = truth(meta(ag, ["江苏省", "扬州市", "邗江区"], year, "county", "pdf-libreoffice-vertical-header-cells",
                    "2024-01-23"), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2),
               notes="PDF made by LibreOffice from a DOCX whose narrow table-3 cells use vertical text (w:textDirection "
                     "tbRl, characters top to bottom): the applicant headers 自然人, 商业企业, 科研机构, 社会公益组织, "
                     "法律服务机构, 其他 (总计 stays horizontal), the merged 三、本年度办理结果 cell and the group labels "
                     "（三）不予公开 and （五）不予处理 (the 3-row groups (四) and (六) stay horizontal). The PDF text of those cells is rotated "
                     "glyphs. Every cell printed.")
    return emit("js_district_pdf_vertical_text_header_cells_hanjiang_2023", "pdf", doc, tr)
