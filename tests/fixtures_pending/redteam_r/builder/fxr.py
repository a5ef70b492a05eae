"""redteam_r fixtures: complete 上海 / 福建 / 江苏 reports whose printed arithmetic does not hold."""
import html as H
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import html_tab, body_html, page, tabs
from fxq import blocks, md
import kprose as P
from rcore import make_truth, printed_copy, glued_readings, flat

# ---------------------------------------------------------------- printed-table edits
def bump(t, row, col, d):
    t[row][col] += d


def shift_down(t3, tpl, col):
    """The source printed one column one row too low: row i shows row i-1's value, the first row is blank."""
    rows = [c for c, *_ in t3_rows(tpl)]
    vals = [t3[r][col] for r in rows]
    new = [None] + vals[:-1]
    for r, v in zip(rows, new):
        t3[r][col] = v


# ---------------------------------------------------------------- renderers
def tsv_tables(tpl, t2, t3, t4, blanks=()):
    return {"t2": tabs(expand_first(t2_spans(tpl, t2))),
            "t3": tabs(expand_first(t3_spans(tpl, t3, blanks=blanks))),
            "t4": tabs(expand_first(t4_spans(t4, blanks=blanks)))}


def md_tables(tpl, t2, t3, t4, blanks=()):
    return {"t2": md(expand_first(t2_spans(tpl, t2))), "t3": md(expand_first(t3_spans(tpl, t3, blanks=blanks))),
            "t4": md(expand_first(t4_spans(t4, blanks=blanks)))}


def html_tables(tpl, t2, t3, t4, blanks=(), **kw):
    return {"t2": html_tab(t2_spans(tpl, t2), **kw), "t3": html_tab(t3_spans(tpl, t3, blanks=blanks), **kw),
            "t4": html_tab(t4_spans(t4, blanks=blanks), **kw)}


def word_kw():
    sp = "<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:仿宋_GB2312;mso-bidi-font-family:宋体'>{}<o:p></o:p></span></p>"
    return dict(attrs=' class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;mso-table-layout-alt:fixed"',
                numfmt=lambda s: sp.format(s), lab=lambda t: sp.format(H.escape(t, quote=False)),
                empty=lambda c: sp.format("&nbsp;"))


def layout_tables(tpl, t2, t3, t4, blanks=()):
    """pdftotext -layout: space-aligned columns, labels wrapped in their column, blank cells are only spaces."""
    out2 = []
    for row in expand_first(t2_spans(tpl, t2)):
        out2 += wrapped_row(row, [26, 16, 16, 16][:len(row)], nlab=1)
    w3 = [14, 16, 30] + [8] * 7
    out3 = wrapped_row(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"] + [""] * 6,
                       w3, nlab=3)
    out3.append(layout_line(["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"], w3, nlab=3))
    out3.append(layout_line(["", "", "", "", "商业企业", "科研机构", "社会公益", "法律服务", "其他", ""], w3, nlab=3))
    out3.append(layout_line(["", "", "", "", "", "", "组织", "机构", "", ""], w3, nlab=3))
    for code, l0, l1, l2 in t3_rows(tpl):
        out3 += wrapped_row([l0, l1, l2] + t3_nums(t3, code, blanks=blanks), w3, nlab=3)
    w4 = [8] * 15
    out4 = [layout_line(r, w4, nlab=0) for r in T4_HDR] + [layout_line(t4_vals(t4, blanks=blanks), w4, nlab=0)]
    return {"t2": "\n".join(out2), "t3": "\n".join(out3), "t4": "\n".join(out4)}


def crawler_tables(tpl, t2, t3, t4, glued=True):
    """One-line crawler text: cells single-space separated, table-3 numbers glued to each other (not to labels)."""
    p2 = []
    for head, hdr, items, metrics in t2_spec(tpl):
        p2.append(head + " " + " ".join(hdr))
        for code, lab in items:
            p2.append(lab + " " + " ".join(fmt(t2[code][m]) for m in metrics))
    h3 = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他"
    p3 = [h3]
    for code, l0, l1, l2 in t3_rows(tpl):
        lab = " ".join(x for x in (l0, l1, l2) if x)
        nums = [fmt(t3[code][c]) for c in COLS]
        p3.append(lab + ("".join(nums) if glued else " " + " ".join(nums)))
    h4 = "行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 " + " ".join(
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)
    p4 = [h4, " ".join(t4_vals(t4))]
    return {"t2": " ".join(p2), "t3": " ".join(p3), "t4": " ".join(p4)}


def finish(name, ext, text, m, tpl, t2, t3p, t4p, notes, blanks=(), extra_incons=(), unreadable=None, extra=None):
    tr = make_truth(m, tpl, t2, t3p, t4p, blanks=blanks, t2_blanks=t2_blank_keys(t2), extra_incons=extra_incons,
                    notes=notes, unreadable=unreadable, extra=extra)
    write(name, ext, text, tr)
    for s in tr["source_inconsistencies"]:
        print("   ", s)
    if tr["derived"]:
        print("    derived:", tr["derived"])
    if tr.get("not_derived"):
        print("    not derived:", tr["not_derived"])
    return tr


# ---------------------------------------------------------------- R1 上海 长宁区人民政府, TSV, 予以公开 总计 off by one, table 4 总计 wrong
def r01():
    name = "sh_district_gov_tsv_row_total_off_by_one_changning_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8101, tpl, scale=1.6)
    t3p = printed_copy(t3)
    bump(t3p, "granted", "total", 1)
    t2 = t2_19(norm=(3, 3, 27), lic=(214, -6, 18342), oth=(96, 2, 5127), pen=(381, 0, 2410), coe=(27, 0, 63),
               fees=(4, 0), proc=(42, 1863.57))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 1, 1)})
    t4p = printed_copy(t4)
    t4p["admin_review"]["total"] = 4
    ag = "上海市长宁区人民政府"
    b = blocks(year, "区政府", "sh", t3p, tpl, 8101, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "https://www.shcn.gov.cn", "021-22050000", tpl),
               signoff=[ag, "2021年1月27日"])
    text = render(b, tsv_tables(tpl, t2, t3p, t4p)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "长宁区"], year, "county", "tsv", "2021-01-27"), tpl, t2, t3p,
           t4p, "Clean TSV, every cell printed; the printed sums do not hold: the （一）予以公开 row's 总计 is one more "
                "than its six applicant cells (so the 总计 column no longer sums to （七）总计), and table 4's 行政复议 总计 is 4 "
                "for 2+1+0+0. Truth is every cell as printed: 100 % exact expected, nothing derived.",
           extra_incons=["typo in the （一）予以公开 总计 cell (one too many)", "table4 行政复议 总计 printed 4"])


# ---------------------------------------------------------------- R2 江苏 南京 秦淮区人民政府, HTML rowspan, （七）总计 row from a draft
def r02():
    name = "js_district_gov_html_total_processed_row_stale_qinhuai_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8102, tpl, scale=1.3)
    t3p = printed_copy(t3)
    bump(t3p, "total_processed", "natural_person", 2)
    bump(t3p, "total_processed", "total", 2)
    t2 = t2_21(norm=(4, 1, 36), lic=4127, pen=236, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (1, 0, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "南京市秦淮区人民政府"
    b = blocks(year, "区政府", "js", t3p, tpl, 8102, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.njqh.gov.cn", "025-84521234", tpl),
               signoff=[ag, "2023年1月19日"])
    title = f"{ag}2022年政府信息公开工作年度报告"
    head = ('<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>\n'
            f'<div class="info">发布日期：2023-01-19　来源：秦淮区人民政府办公室</div>')
    text = page(title, head, body_html(b, html_tables(tpl, t2, t3p, t4), title_tag="h1"), "")
    finish(name, "html", text, meta(ag, ["江苏省", "南京市", "秦淮区"], year, "county", "html", "2023-01-19"), tpl, t2,
           t3p, t4, "HTML tables with rowspan/colspan, every cell printed. The （七）总计 row's 自然人 and 总计 cells are 2 "
                    "higher than the outcome rows add up to (a draft's figure left in), so the 自然人 and 总计 columns break "
                    "both column identities; the prose's 办结 count repeats the printed （七）总计. The row identity of "
                    "（七）总计 still holds. Truth as printed, 100 % exact expected.",
           extra_incons=["（七）总计 自然人 and 总计 printed 2 higher than the outcome rows; the prose repeats the printed total"])


# ---------------------------------------------------------------- R3 福建 福州 鼓楼区教育局, TSV from PDF, （六） rows left out of （七）, 结转 too big
def r03():
    name = "fj_district_bureau_tsv_liu_subrows_not_summed_gulou_jyj_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8103, tpl, scale=0.9)
    t3["other_no_correction"]["natural_person"] += 2
    t3["other_misc"]["natural_person"] += 1
    t3["other_misc"]["commercial_enterprise"] += 1
    for r in ("other_no_correction", "other_misc", "total_processed", "new_received"):
        pass
    for c in ("natural_person", "commercial_enterprise"):
        t3["total_processed"][c] = sum(t3[o][c] for o in outcome_codes(tpl))
        t3["new_received"][c] = t3["total_processed"][c] + t3["carried_forward"][c] - t3["carried_over"][c]
    for r in t3:
        t3[r]["total"] = sum(t3[r][c] for c in PARTS)
    check_t3(t3, tpl)
    t3p = printed_copy(t3)
    for c in COLS:  # the printed （七）总计 leaves the three （六） sub-rows out
        t3p["total_processed"][c] -= sum(t3[o][c] for o in ("other_no_correction", "other_unpaid_fee", "other_misc"))
    t3p["carried_forward"]["total"] = t3p["total_processed"]["total"] + 7  # 结转下年度 larger than the total
    t2 = t2_21(norm=(2, 0, 11), lic=318, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "福州市鼓楼区教育局"
    b = blocks(year, "区教育局", "fj", t3p, tpl, 8103, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://www.gl.gov.cn", "0591-87541234", tpl), signoff=[ag, "2022年1月21日"])
    text = render(b, tsv_tables(tpl, t2, t3p, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "福州市", "鼓楼区"], year, "department", "tsv", "2022-01-21"), tpl, t2,
           t3p, t4, "TSV as copied out of the PDF, every cell printed. The three （六）其他处理 sub-rows are non-zero but the "
                    "printed （七）总计 row leaves them out (the 2019 habit), so each column's outcome sum exceeds （七）总计; "
                    f"结转下年度 总计 is printed {t3p['carried_forward']['total']}, larger than （七）总计 "
                    f"{t3p['total_processed']['total']} and not the sum of its row. Truth as printed, 100 % exact expected.",
           extra_incons=["（七）总计 leaves out the three （六） sub-rows", "结转下年度 总计 larger than （七）总计 and than its row"])


# ---------------------------------------------------------------- R4 江苏 苏州 吴江区震泽镇, markdown, 总计 column from last year's report
def r04():
    name = "js_town_md_total_column_copied_last_year_zhenze_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8104, tpl, scale=0.6)
    last = gen_t3(8004, tpl, scale=0.5)
    t3p = printed_copy(t3)
    for r in t3p:
        t3p[r]["total"] = last[r]["total"]
    t2 = t2_19(norm=(0, 0, 3), lic=(6, 0, 412), oth=(11, 1, 2386), pen=(5, 0, 47), coe=(1, 0, 0), fees=(0, 0),
               proc=(3, 64.8))
    t4 = mk_t4({})
    ag = "苏州市吴江区震泽镇人民政府"
    b = blocks(year, "震泽镇", "js", t3, tpl, 8104, title=[f"{ag}2019年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.wujiang.gov.cn", "0512-63471234", tpl),
               signoff=[ag, "2020年1月16日"])
    text = render(b, md_tables(tpl, t2, t3p, t4), tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"
    n, co, tp, cf = (t3[r]["total"] for r in ("new_received", "carried_over", "total_processed", "carried_forward"))
    finish(name, "md", text, meta(ag, ["江苏省", "苏州市", "吴江区", "震泽镇"], year, "township", "markdown", "2020-01-16"),
           tpl, t2, t3p, t4, "Markdown pipes, every cell printed. The whole 总计 column was copied from the 2018 report: "
                             "it is consistent with itself (its column identities hold) but no row's applicant cells add up "
                             "to it (only rows that are 0 both years agree). The prose states this year's totals "
                             f"(新收 {n}, 上年结转 {co}, 办结 {tp}, 结转 {cf}), which contradict the printed 总计 column. Truth "
                             "is the printed table (prose does not override a printed cell). 100 % exact expected.",
           extra_incons=[f"总计 column copied from the 2018 report; the prose's totals ({n}/{co}/{tp}/{cf}) are this year's "
                         f"(printed {t3p['new_received']['total']}/{t3p['carried_over']['total']}/"
                         f"{t3p['total_processed']['total']}/{t3p['carried_forward']['total']})"])


# ---------------------------------------------------------------- R5 上海 徐汇区市场监管局, pdftotext -layout, a column printed one row low
def r05():
    name = "sh_district_bureau_layout_column_shifted_one_row_xuhui_scjg_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8105, tpl, scale=2.0)
    t3p = printed_copy(t3)
    shift_down(t3p, tpl, "legal_service_org")
    blanks = {"table3.new_received.legal_service_org"}
    t3p["new_received"]["legal_service_org"] = 0  # placeholder, printed blank
    t2 = t2_21(norm=(3, 2, 19), lic=9214, pen=1387, coe=46, fee=0)
    t4 = mk_t4({"admin_review": (4, 1, 1, 1), "litigation_direct": (2, 0, 0, 1)})
    ag = "上海市徐汇区市场监督管理局"
    b = blocks(year, "区市场监管局", "sh", t3p, tpl, 8105, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区市场监管局”）", year, "https://www.xuhui.gov.cn", "021-64871234", tpl),
               signoff=[ag, "2022年1月24日"])
    text = render(b, layout_tables(tpl, t2, t3p, t4, blanks=blanks), pwrap=76) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "徐汇区"], year, "department", "pdf-layout", "2022-01-24"), tpl,
           t2, t3p, t4, "pdftotext -layout text (space-aligned, labels wrapped in their columns, paragraphs hard-wrapped). "
                        "The 法律服务机构 column was printed one row too low in the source PDF: its 本年新收 cell is empty "
                        "(only spaces), every row shows the value of the row above, and the last value (结转下年度's) is "
                        "lost. Truth is the printed position: most rows and the 法律服务机构 column identities break. The "
                        "blank 本年新收 cell is derived by its row (总计 minus the five printed cells = 5, which is what the "
                        "source meant); the column's balance identity would give a negative count, so it is unusable.", blanks=blanks,
           extra_incons=["法律服务机构 column printed one row low (first cell blank, the 结转下年度 value lost)"])


# ---------------------------------------------------------------- R7 福建 厦门 思明区人民政府, Word-pasted HTML, blank beside a broken row total
def r07():
    name = "fj_district_gov_word_html_blank_beside_broken_total_siming_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8107, tpl, scale=2.4)
    t3p = printed_copy(t3)
    bump(t3p, "unavailable_not_held", "total", 1)
    bump(t3p, "total_processed", "research_institution", 1)
    blanks = {"table3.unavailable_not_held.commercial_enterprise"}
    t2 = t2_19(norm=(5, 5, 62), lic=(187, 3, 21458), oth=(73, -2, 3316), pen=(294, 0, 1846), coe=(19, 0, 37),
               fees=(6, -1), proc=(58, 4127.3))
    t4 = mk_t4({"admin_review": (5, 1, 0, 1), "litigation_direct": (2, 1, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    t4p = printed_copy(t4)
    t4p["litigation_direct"]["total"] = 2
    ag = "厦门市思明区人民政府"
    b = blocks(year, "区政府", "fj", t3p, tpl, 8107, title=[f"{ag}2019年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.siming.gov.cn", "0592-2181234", tpl),
               signoff=[ag, "2020年1月20日"])
    title = f"{ag}2019年政府信息公开工作年度报告"
    head = ('<div class="crumb">您当前的位置：首页 &gt; 政务公开 &gt; 年度报告</div>\n'
            '<div class="info">发布时间：2020-01-20　信息来源：思明区人民政府办公室</div>')
    body = body_html(b, html_tables(tpl, t2, t3p, t4p, blanks=blanks, **word_kw()), title_tag="h1",
                     hfmt="<p class=MsoNormal><b><span style='font-family:黑体;mso-ascii-font-family:黑体'>{}</span></b><o:p></o:p></p>",
                     pfmt="<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>{}</span></p>")
    text = page(title, head, '<div class="WordSection1">\n' + body + "\n</div>", "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->")
    finish(name, "html", text, meta(ag, ["福建省", "厦门市", "思明区"], year, "county", "html", "2020-01-20"), tpl, t2,
           t3p, t4p, "Word-pasted HTML (MsoNormal paragraphs, mso- styles, <o:p>, &nbsp; blanks). 本机关不掌握相关政府信息's "
                     "商业企业 cell is blank (&nbsp;) and the same row's 总计 is printed one too high: the row identity would "
                     "fill the blank with one more than the 商业企业 column identity does, so the blank must stay null "
                     "(not derived). （七）总计's 科研机构 is printed one too high (column and row of （七）总计 break). Table 4 "
                     "未经复议直接起诉 总计 is 2 for 2+1+0+0. Every other cell printed.",
           blanks=blanks, extra_incons=["本机关不掌握 总计 one too high next to a blank 商业企业 cell",
                                        "（七）总计 科研机构 one too high", "table4 未经复议直接起诉 总计 printed 2"])


# ---------------------------------------------------------------- R8 江苏 无锡 滨湖区发改委, TSV, table-4 totals broken, one off-by-one
def r08():
    name = "js_district_commission_tsv_table4_totals_broken_binhu_fgw_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8108, tpl, scale=0.8)
    t3p = printed_copy(t3)
    bump(t3p, "new_received", "commercial_enterprise", 1)
    t2 = t2_19(norm=(1, 1, 9), lic=(23, 0, 1274), oth=(8, 0, 96), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(6, 312.08))
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    t4p = printed_copy(t4)
    t4p["admin_review"]["total"] = 1
    t4p["litigation_after_review"]["total"] = 1
    ag = "无锡市滨湖区发展和改革委员会"
    b = blocks(year, "区发改委", "js", t3p, tpl, 8108, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“区发改委”）", year, "http://www.wxbh.gov.cn", "0510-85101234", tpl),
               signoff=[ag, "2021年1月25日"])
    text = render(b, tsv_tables(tpl, t2, t3p, t4p)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "无锡市", "滨湖区"], year, "department", "tsv", "2021-01-25"), tpl, t2,
           t3p, t4p, "Clean TSV, every cell printed. Table 4: 行政复议 总计 1 for 1+1+0+0, and 复议后起诉 总计 1 with all four "
                     "results 0 (a 总计 from last year's report). Table 3: 本年新收 商业企业 one too high (its row and the "
                     "商业企业 balance break). Truth as printed, 100 % exact expected.",
           extra_incons=["table4 行政复议 总计 printed 1", "table4 复议后起诉 总计 1 with all results 0",
                         "本年新收 商业企业 off by one"])


# ---------------------------------------------------------------- R9 福建 泉州 丰泽区东海街道, markdown, blank row + a broken 总计 column
def r09():
    name = "fj_street_md_blank_row_beside_broken_total_column_donghai_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(8109, tpl, scale=0.5)
    for c in COLS:
        t3["withheld_state_secret"][c] = 0
    t3p = printed_copy(t3)
    bump(t3p, "granted", "total", 1)
    bump(t3p, "unavailable_not_held", "total", -1)
    bump(t3p, "unavailable_not_held", "total", 0)
    blanks = {f"table3.withheld_state_secret.{c}" for c in COLS} | {"table3.withheld_admin_query.total"}
    t2 = t2_21(norm=(0, 0, 2), lic=57, pen=11, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "泉州市丰泽区东海街道办事处"
    b = blocks(year, "东海街道", "fj", t3p, tpl, 8109, title=[f"{ag}2023年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.qzfz.gov.cn", "0595-22581234", tpl), signoff=[ag, "2024年1月18日"])
    text = render(b, md_tables(tpl, t2, t3p, t4, blanks=blanks), tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["福建省", "泉州市", "丰泽区", "东海街道"], year, "township", "markdown",
                                  "2024-01-18"), tpl, t2, t3p, t4,
           "Markdown pipes. 属于国家秘密 is a blank row (| | cells) and 属于行政查询事项's 总计 is blank. Two row 总计 cells are "
           "mistyped: 予以公开 +1 and 本机关不掌握 -1, so their rows break but the 总计 column's outcome sum still equals "
           "（七）总计 (the two typos cancel). The applicant cells of the blank row are derived 0 from their (intact) "
           "columns; its 总计 is 0 by its row; 行政查询事项 总计 by its row. The 总计 column identity, whose two typos "
           "cancel, agrees.", blanks=blanks,
           extra_incons=["予以公开 总计 +1 and 本机关不掌握 总计 -1: the two typos cancel in the 总计 column"])


# ---------------------------------------------------------------- R10 上海 浦东新区人民政府, TSV, big numbers, several typos
def r10():
    name = "sh_district_gov_tsv_big_numbers_several_typos_pudong_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(8110, tpl, scale=38)
    t3p = printed_copy(t3)
    bump(t3p, "granted", "natural_person", 10)
    bump(t3p, "unavailable_not_held", "total", -1)
    bump(t3p, "carried_forward", "commercial_enterprise", 100)
    bump(t3p, "carried_forward", "total", 100)
    t2 = t2_21(norm=(21, 14, 287), lic=186342, pen=28417, coe=1268, fee=137.45)
    t4 = mk_t4({"admin_review": (61, 7, 12, 9), "litigation_direct": (38, 2, 9, 14), "litigation_after_review": (17, 1, 3, 6)})
    t4p = printed_copy(t4)
    t4p["admin_review"]["total"] = 98
    ag = "上海市浦东新区人民政府"
    b = blocks(year, "区政府", "sh", t3p, tpl, 8110, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "https://www.pudong.gov.cn", "021-68541234", tpl),
               fee_sentence="本年度收取信息处理费0元。", signoff=[ag, "2024年1月26日"])
    text = render(b, tsv_tables(tpl, t2, t3p, t4p)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "浦东新区"], year, "county", "tsv", "2024-01-26"), tpl, t2, t3p,
           t4p, "Clean TSV with large numbers (a thousand-plus applications), every cell printed. Typos: 予以公开 自然人 +10, "
                "本机关不掌握 总计 -1, 结转下年度 商业企业 and 总计 +100 (a digit too many; 结转下年度 larger than the commercial "
                "column's total), table 4 行政复议 总计 98 for 89. Truth as printed, 100 % exact expected.",
           extra_incons=["予以公开 自然人 +10", "本机关不掌握 总计 -1", "结转下年度 商业企业/总计 +100", "table4 行政复议 总计 98"])


# ---------------------------------------------------------------- R11 江苏 常州 武进区卫健局, HTML colspan, balance broken in one column
def r11():
    name = "js_district_bureau_html_balance_broken_wujin_wjj_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8111, tpl, scale=1.1)
    t3p = printed_copy(t3)
    bump(t3p, "new_received", "natural_person", 3)
    bump(t3p, "new_received", "total", 3)
    t2 = t2_21(norm=(1, 1, 7), lic=3184, pen=421, coe=6, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    t4p = printed_copy(t4)
    t4p["litigation_direct"]["total"] = 2
    ag = "常州市武进区卫生健康局"
    b = blocks(year, "区卫健局", "js", t3p, tpl, 8111, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区卫健局”）", year, "http://www.wj.gov.cn", "0519-86311234", tpl),
               signoff=[ag, "2022年1月20日"])
    title = f"{ag}2021年政府信息公开工作年度报告"
    head = f'<div class="info">发布日期：2022-01-20　来源：{ag}</div>'
    text = page(title, head, body_html(b, html_tables(tpl, t2, t3p, t4p), title_tag="h2"), "")
    finish(name, "html", text, meta(ag, ["江苏省", "常州市", "武进区"], year, "department", "html", "2022-01-20"), tpl, t2,
           t3p, t4p, "HTML with rowspan/colspan, every cell printed. 本年新收 自然人 and 总计 are 3 higher than the balance "
                     "allows (新收 + 上年结转 ≠ （七）总计 + 结转下年度 in the 自然人 and 总计 columns; the row itself adds up), "
                     "and the prose repeats the printed 新收. Table 4 未经复议直接起诉 总计 2 for 1+0+0+0. 100 % exact expected.",
           extra_incons=["本年新收 自然人/总计 3 too high for the balance", "table4 未经复议直接起诉 总计 printed 2"])


# ---------------------------------------------------------------- R12 福建 南平 建阳区人民政府, TSV, blank 上年结转 row, broken column elsewhere
def r12():
    name = "fj_district_gov_tsv_blank_carried_over_row_broken_column_jianyang_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8112, tpl, scale=1.0)
    t3p = printed_copy(t3)
    bump(t3p, "granted", "natural_person", 1)
    bump(t3p, "withheld_process_info", "other_org", 1)
    blanks = {f"table3.carried_over.{c}" for c in COLS}
    t2 = t2_19(norm=(2, 2, 18), lic=(64, 2, 5316), oth=(21, 0, 874), pen=(97, -4, 612), coe=(8, 0, 21), fees=(3, 0),
               proc=(17, 526.4))
    t4 = mk_t4({"admin_review": (1, 0, 1, 0)})
    ag = "南平市建阳区人民政府"
    b = blocks(year, "区政府", "fj", t3p, tpl, 8112, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.jianyang.gov.cn", "0599-5821234", tpl),
               signoff=[ag, "2021年1月22日"])
    prose_t3 = printed_copy(t3p)
    text = render(b, tsv_tables(tpl, t2, t3p, t4, blanks=blanks)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "南平市", "建阳区"], year, "county", "tsv", "2021-01-22"), tpl, t2, t3p,
           t4, "TSV. The 上年结转 row is printed blank (empty fields); the prose states 上年结转 as a total, which pins "
               "the 总计 cell. Two typos break other identities: 予以公开 自然人 +1 (its row and the 自然人 outcome column) "
               "and 属于四类过程性信息 其他 +1 (its row and the 其他 outcome column). The 上年结转 cells are fixed by the "
               "balance identity of each column (新收 + 上年结转 = （七）总计 + 结转下年度), which the typos do not touch: all "
               "seven are derived.", blanks=blanks,
           extra_incons=["予以公开 自然人 +1", "属于四类过程性信息 其他 +1"])


FX = [r01, r02, r03, r04, r05, r07, r08, r09, r10, r11, r12]


# ---------------------------------------------------------------- R6 上海 静安区江宁路街道, one-line crawler dump, glued table-3 digits
def r06():
    name = "sh_street_crawler_glued_broken_rows_jiangninglu_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8106, tpl, scale=0.45)
    t3p = printed_copy(t3)
    bump(t3p, "new_received", "commercial_enterprise", 10)   # 3 printed 13
    bump(t3p, "total_processed", "total", 10)                # 13 printed 23
    res, nbest, ncand = glued_readings(t3p, tpl, ["new_received", "total_processed"])
    unreadable = {f"table3.{r}.{c}": t3p[r][c] for r in res for c in COLS if res[r][c] is None}
    assert sorted(unreadable) == ["table3.new_received.commercial_enterprise", "table3.new_received.natural_person"]
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=14, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "上海市静安区江宁路街道办事处"
    prose = printed_copy(t3p)
    b = blocks(year, "街道办事处", "sh", prose, tpl, 8106, title=[f"{ag}2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“街道办事处”）", year, "https://www.jingan.gov.cn", "021-62551234", tpl),
               signoff=[ag, "2023年1月16日"])
    hdr = [f"标题：{ag}2022年政府信息公开工作年度报告", f"发布机构：{ag}", "发布日期：2023-01-16",
           "来源：https://www.jingan.gov.cn/xxgk/", "正文："]
    body = render(b, crawler_tables(tpl, t2, t3p, t4), sep=" ")
    text = "\n".join(hdr) + "\n" + body + "\n"
    n = t3p["new_received"]["total"]
    finish(name, "txt", text, meta(ag, ["上海市", None, "静安区", "江宁路街道"], year, "township", "crawler-oneline",
                                   "2023-01-16"), tpl, t2, t3p, t4,
           "Crawler dump: a 标题/发布机构/发布日期 header block, then the whole report on one line. Tables 2 and 4 have "
           "single-space cells; in table 3 each row's seven numbers are glued to each other (not to the labels). Rows of "
           "seven digits read one way only. Two glued rows are longer and their printed sums are broken: "
           f"本年新收 `{''.join(fmt(t3p['new_received'][c]) for c in COLS)}` ({ncand['new_received']} cuts into seven "
           f"numbers) and （七）总计 `{''.join(fmt(t3p['total_processed'][c]) for c in COLS)}` "
           f"({ncand['total_processed']} cuts). Of all joint cuts, {nbest} fit as many identities as the print does: "
           "（七）总计 reads one way (9,2,1,0,1,0,23: its 总计 is 10 too high, so the 总计 column breaks), but 本年新收 "
           "reads 9,13,… or 91,3,… equally well (both break two identities), so 自然人 and 商业企业 of 本年新收 are "
           "null and never derived (they are printed, only unreadable; the balance identities would give 9 and 3, "
           "which no cut of the digits gives together). The prose states 新收 "
           f"{n}, 上年结转, 办结 23 and 结转 as printed. Ambiguous cells: table3.new_received.natural_person, "
           "table3.new_received.commercial_enterprise.",
           extra_incons=["本年新收 商业企业 printed 13 for 3 (glued `913101014`: its row adds to 24 for a 总计 of 14 whichever way it is cut)",
                         "（七）总计 总计 printed 23 for 13"], unreadable=unreadable)


FX = [r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12]


# ---------------------------------------------------------------- R13 福建 南安市水头镇, crawler single-space cells, （七）总计 copied from 新收
def r13():
    name = "fj_town_crawler_spaced_total_processed_copied_from_new_shuitou_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8113, tpl, scale=0.9)
    t3p = printed_copy(t3)
    for c in COLS:
        t3p["total_processed"][c] = t3["new_received"][c]
    t2 = t2_19(norm=(0, 0, 1), lic=(4, 0, 263), oth=(9, 0, 1742), pen=(3, 0, 28), coe=(0, 0, 0), fees=(0, 0),
               proc=(2, 41.6))
    t4 = mk_t4({"litigation_direct": (0, 0, 0, 1)})
    ag = "南安市水头镇人民政府"
    b = blocks(year, "水头镇", "fj", t3p, tpl, 8113, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.nanan.gov.cn", "0595-86981234", tpl), signoff=[ag, "2021年1月15日"])
    hdr = [f"标题：{ag}2020年政府信息公开工作年度报告", f"发布机构：{ag}", "发布日期：2021-01-15", "正文："]
    text = "\n".join(hdr) + "\n" + render(b, crawler_tables(tpl, t2, t3p, t4, glued=False), sep=" ") + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "泉州市", "南安市", "水头镇"], year, "township", "crawler-oneline",
                                   "2021-01-15"), tpl, t2, t3p, t4,
           "Crawler dump (标题/发布机构/发布日期 header, the report on one line) with single-space table cells, so every "
           "cell reads one way. The （七）总计 row was filled with the 本年新收 row's numbers: each row adds up, but every "
           "column with a 上年结转 or 结转下年度 breaks the outcome sum, and the balance of those columns fails. The "
           "prose repeats the printed 办结 figure. Truth as printed, 100 % exact expected.",
           extra_incons=["（七）总计 row copied from 本年新收"])


# ---------------------------------------------------------------- R14 江苏 如皋市卫健委, Word HTML, 3.其他 holds the （六） subtotal, blank 总计
def r14():
    name = "js_county_city_commission_word_html_liu_subtotal_blank_total_rugao_wjw_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8114, tpl, scale=1.2)
    t3["other_no_correction"]["natural_person"] += 2
    t3["other_unpaid_fee"]["commercial_enterprise"] += 1
    for c in ("natural_person", "commercial_enterprise"):
        t3["total_processed"][c] = sum(t3[o][c] for o in outcome_codes(tpl))
        t3["new_received"][c] = t3["total_processed"][c] + t3["carried_forward"][c] - t3["carried_over"][c]
    for r in t3:
        t3[r]["total"] = sum(t3[r][c] for c in PARTS)
    check_t3(t3, tpl)
    t3p = printed_copy(t3)
    for c in COLS:  # the 3.其他 line prints the （六） subtotal (1.+2.+3.)
        t3p["other_misc"][c] = sum(t3[o][c] for o in ("other_no_correction", "other_unpaid_fee", "other_misc"))
    blanks = {"table3.granted.total", "table3.withheld_three_safeties.research_institution"}
    t2 = t2_21(norm=(1, 0, 6), lic=2471, pen=318, coe=9, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_after_review": (0, 0, 1, 0)})
    ag = "如皋市卫生健康委员会"
    b = blocks(year, "市卫健委", "js", t3p, tpl, 8114, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“市卫健委”）", year, "http://www.rugao.gov.cn", "0513-87511234", tpl),
               signoff=[ag, "2023年1月12日"])
    title = f"{ag}2022年政府信息公开工作年度报告"
    head = f'<div class="info">发布时间：2023-01-12　信息来源：{ag}</div>'
    body = body_html(b, html_tables(tpl, t2, t3p, t4, blanks=blanks, **word_kw()), title_tag="h1",
                     hfmt="<p class=MsoNormal><b><span style='font-family:黑体'>{}</span></b><o:p></o:p></p>",
                     pfmt="<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>{}</span></p>")
    text = page(title, head, '<div class="WordSection1">\n' + body + "\n</div>", "")
    finish(name, "html", text, meta(ag, ["江苏省", "南通市", "如皋市"], year, "department", "html", "2023-01-12"), tpl, t2,
           t3p, t4, "Word-pasted HTML (MsoNormal, &nbsp; blanks). The （六） 3.其他 line prints the （六） subtotal "
                    "(1.+2.+3.), so the outcome rows over-count （七）总计 in every column where 1. or 2. is non-zero. "
                    "（一）予以公开 总计 is blank (&nbsp;): its row gives one value, the 总计 column (broken by the 3.其他 "
                    "line) another, so it is null, not derived. 危及“三安全一稳定” 科研机构 is blank: its row and its "
                    "(intact) column agree, so it is derived.", blanks=blanks,
           extra_incons=["（六）3.其他 printed as the （六） subtotal"])


FX = [r01, r02, r03, r04, r05, r06, r07, r08, r09, r10, r11, r12, r13, r14]
