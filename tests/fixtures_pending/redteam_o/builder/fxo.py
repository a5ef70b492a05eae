"""redteam_o fixtures: the text ten other PDF/Word-to-text tools and layouts give of 上海/福建/江苏 reports."""
import random
from core import *  # noqa
from render import wrap_w
from spans import t3_spans, t2_spans, t4_spans
from lhelp import t2_21, t2_19, meta, t2_blank_keys
import kprose as P
import lay_o as L
import docs_o as D


def zero_blanks(t3, cols=None, p=1.0, seed=0):
    rnd = random.Random(seed)
    return {f"table3.{r}.{c}" for r, row in t3.items() for c, v in row.items()
            if v == 0 and (cols is None or c in cols) and rnd.random() < p}


def t4_zero_blanks(t4):
    return {f"table4.{k}.{r}" for k, row in t4.items() for r, v in row.items() if v == 0}


def row_index(tpl, code):
    return 3 + [c for c, *_ in t3_rows(tpl)].index(code)


def std_layout_tables(tpl, t3, t2, t4, w3=L.W3, outw=None, blanks3=(), blanks4=(), valign="c", nalign="c"):
    kw = {} if outw is None else {"outw": outw}
    r3 = t3_spans(tpl, t3, blanks=blanks3)
    r2 = t2_spans(tpl, t2)
    r4 = t4_spans(t4, blanks=blanks4)
    f3, _, _ = L.place(r3, w3, valign=valign, nalign=nalign, centre_rows=L.T3_HEAD)
    f2, _, _ = L.place(r2, L.W2, valign=valign, nalign=nalign, centre_rows=L.t2_centre_rows(r2))
    f4, _, _ = L.place(r4, L.W4, valign=valign, nalign=nalign, centre_rows=L.T4_HEAD)
    return {"t3": L.r_layout(f3, **kw), "t2": L.r_layout(f2, **kw), "t4": L.r_layout(f4, **kw)}


def frags_all(tpl, t3, t2, t4, blanks3=(), blanks4=(), valign="c", w3=L.W3, edit=None):
    """Span rows and fragments of the three tables; edit(kind, rows) may rewrite cell texts first."""
    rows = {"t3": t3_spans(tpl, t3, blanks=blanks3), "t2": t2_spans(tpl, t2), "t4": t4_spans(t4, blanks=blanks4)}
    if edit:
        for k in rows:
            edit(k, rows[k])
    cr = {"t3": L.T3_HEAD, "t2": L.t2_centre_rows(rows["t2"]), "t4": L.T4_HEAD}
    ws = {"t3": w3, "t2": L.W2, "t4": L.W4}
    fr = {k: L.place(rows[k], ws[k], valign=valign, centre_rows=cr[k])[0] for k in rows}
    return rows, fr


def make(name, tpl, year, t3, t2, t4, m, we, flavor, seed, agency_w, url, phone, signoff, title_lines, running,
         tables, doc_kw, blanks=(), notes="", ext="txt", encoding="utf-8", prose_kw=None):
    b = P.blocks(year, we, flavor, t3, tpl, seed, title=[], intro=P.std_intro(agency_w, year, url, phone, tpl),
                 signoff=signoff, **(prose_kw or {}))
    text = D.doc(b, tables, title_lines, running, **doc_kw)
    tr = truth(m, tpl, t2, t3, t4, blanks=set(blanks), t2_blanks=t2_blank_keys(t2), notes=notes)
    write(name, ext, text, tr, encoding=encoding)


# ---------------------------------------------------------------- o1: pdftotext -layout, CJK = one column
def o1():
    tpl, year = "2021", 2023
    t3 = gen_t3(9101, tpl, scale=1.6)
    t2 = t2_21(rules=(None, None, None), norm=(3, 1, 17), lic=0, pen=6, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    ag = "上海市长宁区教育局"
    tables = std_layout_tables(tpl, t3, t2, t4, w3=L.W3_NARROW, outw=len)
    make("sh_bureau_pdftotext_layout_cjk_one_column_centred_changning_jyj_2023", tpl, year, t3, t2, t4,
         meta(ag, ["上海市", None, "长宁区"], year, "department", "pdftotext-layout-charcols", "2024-01-22"),
         "区教育局", "sh", 9101, ag, "https://www.shcn.gov.cn", "021-22051234", [ag, "2024年1月22日"],
         [ag + "2023年政府信息公开工作年度报告"], ag + "2023年政府信息公开工作年度报告", tables,
         {"style": "layout", "pbreak": D.pb_layout()},
         notes="pdftotext -layout as it really counts columns: every character, CJK included, is ONE output column, "
               "placed at the column of its physical x (half-width units). Numbers therefore sit at fixed character "
               "columns, while lines with CJK labels look short and misaligned on screen (a label of 8 CJK "
               "characters ends 8 columns after its start, not 16). Numbers are centred under the centred header "
               "words; the number columns are narrow, so 自然人/商业企业/科研机构/社会公益组织/法律服务机构 wrap over "
               "two or three lines (社会/公益/组织). Every cell printed; 规章 row blank (null).")


# ---------------------------------------------------------------- o2: table 3 continued, no header, shifted
def o2():
    tpl, year = "2019", 2020
    t3 = gen_t3(9202, tpl, scale=2.4)
    t2 = t2_19(rules=(None, None, None), norm=(4, 4, 29), lic=(86, 3, 2317), oth=(12, 0, 164), pen=(35, -2, 428),
               coe=(7, 0, 19), fees=(3, 0), proc=(9, 612.4))
    t4 = mk_t4({"admin_review": (3, 1, 0, 1), "litigation_direct": (2, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    ag = "长汀县人民政府"
    tables = std_layout_tables(tpl, t3, t2, t4)
    r3 = t3_spans(tpl, t3)
    f1, _, Y = L.place(r3, L.W3, centre_rows=L.T3_HEAD)
    f2, _, Y2 = L.place(r3, L.W3[:3] + [9] * 7, centre_rows=L.T3_HEAD, x0=3)
    assert Y == Y2
    yb = Y[row_index(tpl, "withheld_process_info")]
    top = max(f["y"] for f in f1)
    tables["t3"] = (L.r_layout([f for f in f1 if f["y"] < yb], ys=range(yb)) + [D.BREAK] +
                    L.r_layout([f for f in f2 if f["y"] >= yb], ys=range(yb, top + 1)))
    make("fj_county_layout_2019_form_t3_continued_no_header_shifted_changting_2020", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "龙岩市", "长汀县"], year, "county", "pdftotext-layout-continued", "2021-01-27"),
         "县政府", "fj", 9202, "长汀县人民政府办公室", "http://www.changting.gov.cn", "0597-6831234",
         [ag, "2021年1月27日"], [ag, "2020年政府信息公开工作年度报告"], ag + "2020年政府信息公开工作年度报告", tables,
         {"style": "layout", "pbreak": D.pb_layout(), "page": 60},
         notes="2019 template / 2020. pdftotext -layout (display widths). Table 3 runs over a page break before "
               "（三）6.属于四类过程性信息: `- N -`, form feed, running header, and then the rest of the rows with NO "
               "repeated header, laid out by the second page's own geometry: labels 3 columns further right, number "
               "columns 9 wide instead of 8, so every number sits 3-10 columns right of its page-1 column. The "
               "vertical 三、本年度办理结果 and （三）不予公开 labels are cut by the break. Every cell printed.")


# ---------------------------------------------------------------- o3: 2019 table 2 and table 4 blanks as spaces
def o3():
    tpl, year = "2019", 2019
    t3 = gen_t3(9303, tpl, scale=0.7, orgs=False)
    t2 = t2_19(rules=(None, None, None), norm=(None, 1, 4), lic=(None, None, 57), oth=(None, None, None),
               pen=(None, None, 213), coe=(None, None, None), fees=(None, None), proc=(2, 18.6))
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    bl4 = t4_zero_blanks(t4)
    ag = "宜兴市丁蜀镇人民政府"
    tables = std_layout_tables(tpl, t3, t2, t4, blanks4=bl4)
    make("js_town_layout_2019_form_t2_t4_blank_cells_dingshu_yixing_2019", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "无锡市", "宜兴市", "丁蜀镇"], year, "township", "pdftotext-layout", "2020-01-21"),
         "镇政府", "js", 9303, ag, "http://www.yixing.gov.cn", "0510-87491234", [ag, "2020年1月21日"],
         [ag, "2019年政府信息公开工作年度报告"], "丁蜀镇2019年政府信息公开工作年度报告", tables,
         {"style": "layout", "pbreak": D.pb_layout()}, blanks=bl4,
         notes="2019 template, town of a 县级市. pdftotext -layout; table 3 fully printed. Table 2 (2019 form) with "
               "blank cells printed as spaces: 规范性文件 本年新制作数量 blank (1 / 4 printed), 行政许可 and 行政处罚 "
               "上一年项目数量 and 本年增/减 blank (only 处理决定数量 57 / 213 printed, centred in the third column), "
               "其他对外管理服务事项, 行政强制 and 行政事业性收费 rows empty; 采购 2 / 18.6. Table 2 blanks are null "
               "(no identity). Table 4: every zero blank; 行政复议 2+blank+1+blank=3 and 直接起诉 1 … 1 pin their "
               "blanks to 0 (derived); 复议后起诉 is blank including its 总计, so nothing pins it (null, not derived).")


# ---------------------------------------------------------------- o4: pdfminer.six boxes
def o4():
    tpl, year = "2021", 2022
    t3 = gen_t3(9404, tpl, scale=3.5)
    t2 = t2_21(rules=(None, None, None), norm=(9, 2, 61), lic=38742, pen=5126, coe=187, fee=0)
    t4 = mk_t4({"admin_review": (8, 2, 1, 2), "litigation_direct": (5, 1, 0, 2), "litigation_after_review": (2, 0, 1, 0)})
    ag = "晋江市人民政府"
    rows, fr = frags_all(tpl, t3, t2, t4)
    tables = {k: sum([bx.split("\n") + [""] for bx in L.r_boxes(fr[k])], [])[:-1] for k in fr}
    make("fj_county_city_pdfminer_cell_boxes_jinjiang_2022", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "泉州市", "晋江市"], year, "county", "pdfminer-boxes", "2023-01-29"),
         "市政府", "fj", 9404, "晋江市人民政府办公室", "http://www.jinjiang.gov.cn", "0595-85681234",
         [ag, "2023年1月29日"], [ag, "2022年政府信息公开工作年度报告"], ag + "2022年政府信息公开工作年度报告", tables,
         {"style": "lines", "pbreak": D.pb_boxes(), "para_gap": True, "width": 76},
         notes="pdfminer.six `pdf2txt.py` with default LAParams: every table cell is its own text box (the tables "
               "have tall rows, so neighbouring cells never merge), written in the order of the boxes' top edge and "
               "then left edge, each box followed by a blank line; wrapped cells keep their line breaks inside the "
               "box. Merged labels come where their (vertically centred) box starts: 三、本年度办理结果 in the middle of "
               "the outcome rows, （三）不予公开 before the 4th of its 8 rows, （四）无法提供 before its 2nd, etc., i.e. "
               "after the numbers of the rows above. Paragraphs are boxes too; pages end with a form feed.")


# ---------------------------------------------------------------- o5: Apache Tika (PDFBox)
def o5():
    tpl, year = "2021", 2023
    t3 = gen_t3(9505, tpl, scale=2.8)
    t2 = t2_21(rules=(None, None, None), norm=(6, 3, 44), lic=17265, pen=2408, coe=93, fee=0)
    t4 = mk_t4({"admin_review": (6, 1, 0, 2), "litigation_direct": (3, 0, 1, 1)})
    ag = "连云港市赣榆区人民政府"
    rows, fr = frags_all(tpl, t3, t2, t4)
    tables = {k: L.r_spaced(fr[k]) for k in fr}
    make("js_district_tika_pdfbox_vertical_label_fragments_ganyu_2023", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "连云港市", "赣榆区"], year, "county", "tika-pdfbox", "2024-01-25"),
         "区政府", "js", 9505, "连云港市赣榆区人民政府办公室", "http://www.ganyu.gov.cn", "0518-86221234",
         [ag, "2024年1月25日"], [ag, "2023年政府信息公开工作年度报告"], ag + "2023年政府信息公开工作年度报告", tables,
         {"style": "lines", "pbreak": D.pb_lines(ff=False), "para_gap": True, "width": 76},
         notes="Apache Tika (`tika-app --text`, PDFBox with sort by position): each visual line of the table is one "
               "line, the pieces on it joined by a single space. The merged labels are wrapped in their narrow "
               "columns and vertically centred, so their pieces (`三、本`/`年度办`/`理结果`, `（三）不予`/`公开`, "
               "`（四）无法`/`提供`, `（五）不予`/`处理`, `（六）其他`/`处理`) are glued in front of whatever row "
               "line they fall on: `年度办 （三）不予 4.保护第三方合法权益 …`, `（六）其他 2.申请人逾期未按收费通知要求 "
               "1 0 …`. Wrapped sub-row labels put their second line on a line of its own. No form feeds; "
               "paragraphs separated by blank lines; every cell printed.")


# ---------------------------------------------------------------- o6: pdfplumber, fake bold doubled
def dbl(s):
    return "".join(ch * 2 if not ch.isspace() else ch for ch in s)


def o6():
    tpl, year = "2021", 2021
    t3 = gen_t3(9606, tpl, scale=4.2)
    t2 = t2_21(rules=(1, 0, 12), norm=(8, 5, 71), lic=24891, pen=3377, coe=126, fee=0)
    t4 = mk_t4({"admin_review": (11, 2, 1, 3), "litigation_direct": (6, 1, 1, 2), "litigation_after_review": (2, 1, 0, 0)})
    ag = "上海市杨浦区人民政府"
    tp = row_index(tpl, "total_processed")

    def edit(k, rows):
        hdr = {"t3": (0, 1, 2), "t4": (0, 1, 2), "t2": L.t2_centre_rows(rows)}[k]
        for i in list(hdr) + ([tp] if k == "t3" else []):
            for c in rows[i]:
                c["b"] = True
    rows, fr = frags_all(tpl, t3, t2, t4, valign="t", edit=edit)
    for fs in fr.values():  # the glyphs are doubled where they are drawn: after wrapping
        for f in fs:
            if f["b"]:
                f["t"] = dbl(f["t"])
    tables = {k: L.r_spaced(fr[k]) for k in fr}
    make("sh_district_pdfplumber_fake_bold_doubled_yangpu_2021", tpl, year, t3, t2, t4,
         meta(ag, ["上海市", None, "杨浦区"], year, "county", "pdfplumber-fakebold", "2022-01-26"),
         "区政府", "sh", 9606, "上海市杨浦区人民政府办公室", "https://www.shyp.gov.cn", "021-25031234",
         [ag, "2022年1月26日"], [dbl(ag), dbl("2021年政府信息公开工作年度报告")],
         ag + "2021年政府信息公开工作年度报告", tables,
         {"style": "lines", "pbreak": D.pb_lines(ff=False), "width": 76, "heading": lambda i: dbl(P.heading(i))},
         notes="pdfplumber `page.extract_text()` (no dedupe_chars) of a PDF whose bold is faked by drawing every "
               "glyph twice, slightly offset: every bold character comes out doubled. Bold are the title (`上上海海"
               "市市杨杨浦浦区区…`), the six section headings (`一一、、总总体体情情况况`), the header cells of all three "
               "tables (`自自然然人人`, `总总计计`, `第第二二十十条条…`, `结结果果维维持持`) and the whole （七）总计 row of "
               "table 3, numbers included: `（（七七））总总计计 110022 …` stands for 102 (truth: the value printed on "
               "the page, i.e. the undoubled number). Cells aligned top: numbers on the first line of wrapped labels; "
               "merged-label pieces at the top of their block. Pages joined with a newline (no form feed).")


# ---------------------------------------------------------------- o7: Foxit TXT, footnote markers
def o7():
    tpl, year = "2021", 2023
    t3 = gen_t3(9707, tpl, scale=2.0)
    t2 = t2_21(rules=(None, None, None), norm=(5, 2, 39), lic=8614, pen=1572, coe=64, fee=0)
    t4 = mk_t4({"admin_review": (4, 0, 1, 1), "litigation_direct": (2, 1, 0, 0)})
    ag = "福州市仓山区人民政府"
    nr = t3["new_received"]["total"]
    web = max(1, nr * 6 // 10); mail = max(0, (nr - web) // 3); desk = nr - web - mail
    conv = max(1, t3["granted"]["total"] // 4)
    lic_one = 1216
    marks = {"一、本年新收政府信息公开申请数量": "①", "（一）予以公开": "②", "行政许可": "③", "行政复议": "④"}

    def edit(k, rows):
        for r in rows:
            for c in r:
                if c["t"] in marks:
                    c["t"] = c["t"] + marks[c["t"]]
    rows, fr = frags_all(tpl, t3, t2, t4, edit=edit)
    tables = {k: L.r_spaced(fr[k]) for k in fr}
    tables["t3"] = tables["t3"] + wrap_w(f"注：①本年新收申请中，通过“闽政通”平台和门户网站在线提交{web}件，信函提交{mail}件，"
                                         f"当面提交{desk}件。②含依申请公开后转为主动公开{conv}件。", 76)
    tables["t2"] = tables["t2"] + [f"注：③行政许可处理决定数量含“一件事一次办”集成服务事项{lic_one}件。"]
    tables["t4"] = tables["t4"] + ["注：④行政复议案件均为申请人对答复内容不服提起，无被确认违法情形。"]
    make("fj_district_foxit_txt_footnote_markers_cangshan_2023", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "福州市", "仓山区"], year, "county", "foxit-txt-footnotes", "2024-01-24"),
         "区政府", "fj", 9707, "福州市仓山区人民政府办公室", "http://www.fzcangshan.gov.cn", "0591-83411234",
         [ag, "2024年1月24日"], [ag + "2023年政府信息公开工作年度报告"], ag + "2023年政府信息公开工作年度报告", tables,
         {"style": "lines", "pbreak": D.pb_lines(ff=False), "width": 76, "nl": "\r\n"},
         notes="Foxit PDF Editor `导出为 TXT` (CRLF line ends): each visual line one line, the pieces on it joined by one "
               "space. Footnote markers printed as circled digits right after four labels: "
               "`一、本年新收政府信息公开申请数量①`, `（一）予以公开②`, `行政许可③` (table 2), `行政复议④` (table 4 "
               "header); under tables 3, 2 and 4 a `注：①…②…` / `注：③…` / `注：④…` note with numbers of its own "
               "(online/letter/desk counts, 转主动公开 count, 1216 事项). ① etc. become plain digits under NFKC "
               "(`数量1 35 …`); the truth is the table as printed, the notes are not cells.")


# ---------------------------------------------------------------- o8: Acrobat Save as Text, cell per line, blanks as empty lines
def o8():
    tpl, year = "2021", 2022
    t3 = gen_t3(9808, tpl, scale=3.0)
    bl = zero_blanks(t3, cols=["research_institution", "social_welfare_org", "other_org"])
    t2 = t2_21(rules=(None, None, None), norm=(4, 6, 33), lic=41382, pen=9275, coe=1164, fee=0)
    t4 = mk_t4({"admin_review": (9, 1, 2, 3), "litigation_direct": (5, 2, 0, 2), "litigation_after_review": (3, 0, 0, 1)})
    ag = "无锡市市场监督管理局"
    tables = {"t3": L.r_cells(t3_spans(tpl, t3, blanks=bl)), "t2": L.r_cells(t2_spans(tpl, t2)),
              "t4": L.r_cells(t4_spans(t4))}
    make("js_city_bureau_acrobat_save_as_text_cell_lines_blank_lines_wxscjg_2022", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "无锡市"], year, "department", "acrobat-accessible-text", "2023-01-30"),
         "我局", "js", 9808, ag, "http://scjgj.wuxi.gov.cn", "0510-81821234", [ag, "2023年1月30日"],
         [ag + "2022年政府信息公开工作年度报告"], ag + "2022年政府信息公开工作年度报告", tables,
         {"style": "reflow", "nl": "\r\n", "title_gap": False}, blanks=bl,
         notes="Adobe Acrobat `另存为 > 文本（辅助工具）` of a tagged PDF: CRLF; every paragraph one line; every table "
               "cell one line in structure order (row by row, a merged cell once, at its first row); an EMPTY cell is an "
               "EMPTY line. The zeros of 科研机构, 社会公益组织 and 其他 are empty cells, so those rows have empty lines "
               "in their 3rd, 4th and 6th number positions (null, derived 0 by the row totals). No page numbers "
               "(artifacts are not exported); no blank lines anywhere else.")


# ---------------------------------------------------------------- o9: pdftotext -raw, content order
def o9():
    tpl, year = "2019", 2020
    t3 = gen_t3(9909, tpl, scale=1.1)
    t2 = t2_19(rules=(None, None, None), norm=(2, 2, 9), lic=(14, 1, 366), oth=(5, 0, 41), pen=(3, 0, 28),
               coe=(0, 0, 0), fees=(0, 0), proc=(4, 77.25))
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    ag = "上海市嘉定区安亭镇人民政府"
    rows, fr = frags_all(tpl, t3, t2, t4)
    tables = {k: L.r_raw(fr[k]) for k in fr}
    make("sh_town_pdftotext_raw_content_order_2019_form_anting_jiading_2020", tpl, year, t3, t2, t4,
         meta(ag, ["上海市", None, "嘉定区", "安亭镇"], year, "township", "pdftotext-raw", "2021-01-26"),
         "镇政府", "sh", 9909, ag, "https://www.jiading.gov.cn", "021-59571234", [ag, "2021年1月26日"],
         [ag, "2020年政府信息公开工作年度报告"], "安亭镇2020年政府信息公开工作年度报告", tables,
         {"style": "lines", "pbreak": D.pb_lines(ff=True), "width": 76},
         notes="2019 template / 2020, town. `pdftotext -raw`: text in content-stream order, which for a Word PDF is cell "
               "by cell, row by row, a merged cell drawn with the first row it covers. Pieces on the same baseline as "
               "the piece before join with a space, anything else starts a new line. So a one-line row is "
               "`1.属于国家秘密 0 0 0 0 0 0 0`, a two-line label gives its lines, then the numbers on the line of the "
               "label's first line… only if it comes next: `（二）部分公开（区分处理的，只计这一` / "
               "`情形，不计其他情形）` / `3 1 0 0 0 0 4`; merged labels come as their wrapped pieces just before the "
               "first row they cover (`三、本`/`年度办`/`理结果`/`（一）予以公开 …`). Every cell printed.")


# ---------------------------------------------------------------- o10: ABBYY FineReader TXT, OCR'd label numerals
OCR = [("（一）", "(—)"), ("一、", "—、"), ("（", "("), ("）", ")"), ("办理结果", "办理结杲"), ("总计", "总汁")]


def ocr(s):
    for a, b in OCR:
        s = s.replace(a, b)
    return s


def o10():
    tpl, year = "2021", 2024
    t3 = gen_t3(10010, tpl, scale=2.5)
    t2 = t2_21(rules=(None, None, None), norm=(7, 4, 52), lic=3318, pen=41, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (3, 1, 0, 1), "litigation_direct": (2, 0, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "厦门市教育局"
    rows = {"t3": t3_spans(tpl, t3), "t2": t2_spans(tpl, t2), "t4": t4_spans(t4)}
    for k in rows:
        for r in rows[k]:
            for c in r:
                c["t"] = ocr(c["t"])
    tables = {k: L.r_tsv(rows[k]) for k in rows}
    make("fj_city_bureau_abbyy_finereader_txt_ocr_numerals_xmjyj_2024", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "厦门市"], year, "department", "abbyy-finereader-txt", "2025-01-20"),
         "我局", "fj", 10010, ag, "http://edu.xm.gov.cn", "0592-58881234", [ag, "2025年1月20日"],
         [ag + "2024年政府信息公开工作年度报告"], ag + "2024年政府信息公开工作年度报告", tables,
         {"style": "reflow", "title_gap": False, "heading": lambda i: ocr(P.heading(i))},
         notes="ABBYY FineReader `保存为 TXT` of the scanned, stamped report: paragraphs one line each; table cells "
               "separated by a tab, a merged cell's text in its first position only, covered positions empty. OCR "
               "read the numeral 一 as a dash: `—、本年新收…`, `(—)予以公开`, `第二十条第(—)项`, and section heading "
               "`—、总体情况`; all full-width brackets came out half-width `(二)`, `(七)`; 结果 → `结杲` in "
               "三、本年度办理结杲, 总计 → `总汁` (header, （七）总汁 and table 4 总汁). Digits read right; every cell "
               "printed.")
