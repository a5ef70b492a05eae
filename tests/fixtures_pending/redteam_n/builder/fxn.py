"""redteam_n fixtures: pdftotext -layout text of WPS/Word report PDFs (上海/福建/江苏)."""
import random
from core import *  # noqa
from render import dwidth, wrap_w
from lhelp import t2_21, t2_19, meta, t2_blank_keys, fullwidth
from lay import T3Layout, t4_layout, t2_layout, line
import kprose as P

PAGE = 46


def spaced(s):
    return " ".join(s)


def doc(b, tables, running, title_lines, first_page=1, width=80):
    """Lay out blocks as pdftotext -layout output; page breaks between blocks (never inside a table unless the
    table carries a '\\x00BREAK' marker)."""
    out = []  # (text, breakable)
    for t in title_lines:
        out.append((line([(width // 2, t, "c")]) if t else "", True))
    out.append(("", True))
    for blk in b:
        k = blk[0]
        if k == "title":
            continue
        if k in ("t2", "t3", "t4"):
            out.append(("", True))
            for ln in tables[k]:
                out.append((ln, False))
            out.append(("", True))
        elif k == "h":
            out.append(("    " + P.heading(blk[1]), True))
        elif k == "sign":
            out.append((line([(width - 4, blk[1], "r")]), True))
        else:
            ls = wrap_w("　　" + blk[1], width - 2)
            ls[0] = "    " + ls[0][2:]
            for ln in ls:
                out.append((ln, True))
    page, n, res = first_page, 0, []

    def brk():
        nonlocal page, n
        res.extend(["", "", line([(width // 2, f"- {page} -", "c")]), "\f" + line([(width // 2, running, "c")]), ""])
        page += 1; n = 0
    for text, ok in out:
        if text.startswith("\x00BREAK"):
            brk()
            rep = text[len("\x00BREAK"):]
            if rep:
                res.extend(rep.split("\n")); n += rep.count("\n") + 1
            continue
        if n >= PAGE and ok:
            brk()
        res.append(text); n += 1
    res += ["", "", line([(width // 2, f"- {page} -", "c")])]
    return "\n".join(res) + "\n"


def t3_lines(L, break_after=None, repeat=True):
    hdr = L.header()
    body = L.body()
    if break_after:
        k = L.starts[break_after]
        body = body[:k] + ["\x00BREAK" + ("\n".join(hdr) if repeat else "")] + body[k:]
    return hdr + body


def zero_blanks(t3, cols=None, rows=None, p=1.0, seed=0):
    rnd = random.Random(seed)
    out = set()
    for r, row in t3.items():
        if rows and r not in rows:
            continue
        for c, v in row.items():
            if v == 0 and (cols is None or c in cols) and rnd.random() < p:
                out.add(f"table3.{r}.{c}")
    return out


def intro(agency, year, url, phone, tpl):
    return P.std_intro(agency, year, url, phone, tpl)


def make(name, tpl, year, t3, t2, t4, m, we, flavor, seed, agency_w, url, phone, signoff, title_lines, running,
         L_kw=None, t3_break=None, blanks=(), t2_kw=None, t4_kw=None, notes="", t2_break=False):
    L = T3Layout(tpl, t3, blanks=blanks, **(L_kw or {}))
    t2l = t2_layout(tpl, t2, **(t2_kw or {}))
    if t2_break:
        i = [k for k, s in enumerate(t2l) if "第二十条第（六）项" in s][0]
        t2l = t2l[:i] + ["\x00BREAK"] + t2l[i:]
    tb4 = {k: v for k, v in (t4_kw or {}).items() if k in ("blanks",)}
    tables = {"t2": t2l, "t3": t3_lines(L, t3_break), "t4": t4_layout(t4, **(t4_kw or {}))}
    b = P.blocks(year, we, flavor, t3, tpl, seed, title=[], intro=intro(agency_w, year, url, phone, tpl),
                 signoff=signoff)
    text = doc(b, tables, running, title_lines)
    tr = truth(m, tpl, t2, t3, t4, blanks=set(blanks) | set(tb4.get("blanks", ())), t2_blanks=t2_blank_keys(t2),
               notes=notes)
    write(name, "txt", text, tr)


def n1():
    tpl, year = "2021", 2022
    t3 = gen_t3(7101, tpl, scale=2.2)
    bl = zero_blanks(t3, cols=["research_institution", "social_welfare_org", "other_org"]) | \
        zero_blanks(t3, cols=["commercial_enterprise", "legal_service_org"], p=0.5, seed=1)
    t2 = t2_21(rules=(None, None, None), norm=(7, 3, 58), lic=12437, pen=3318, coe=96, fee=0)
    t4 = mk_t4({"admin_review": (5, 1, 0, 2), "litigation_direct": (3, 0, 1, 1)})
    ag = "上海市闵行区人民政府"
    make("sh_layout_t3_blank_cells_label_below_minhang_2022", tpl, year, t3, t2, t4,
         meta(ag, ["上海市", None, "闵行区"], year, "county", "pdftotext-layout", "2023-01-18"),
         "区政府", "sh", 7101, "上海市闵行区人民政府办公室", "https://www.shmh.gov.cn", "021-64121234",
         ["上海市闵行区人民政府", "2023年1月18日"], [ag + "2022年政府信息公开工作年度报告"],
         ag + "2022年政府信息公开工作年度报告", blanks=bl,
         notes="pdftotext -layout. Table 3: numbers right-aligned in fixed columns on the FIRST line of each row; "
               "wrapped labels continue on the line(s) below the numbers; zero cells in 科研机构/社会公益组织/其他 "
               "and about half the zeros in 商业企业/法律服务机构 are blank (spaces only), so rows have fewer numbers "
               "and only the column position tells which cell is blank. Blank cells null, derived 0. 规章 row blank.")


def n2():
    tpl, year = "2021", 2021
    t3 = gen_t3(7202, tpl, scale=3.0)
    bl = zero_blanks(t3, cols=["research_institution", "social_welfare_org"])
    t2 = t2_21(rules=(None, None, None), norm=(11, 4, 73), lic=28416, pen=4712, coe=238, fee=0)
    t4 = mk_t4({"admin_review": (9, 2, 1, 3), "litigation_direct": (6, 1, 0, 2), "litigation_after_review": (2, 0, 0, 1)})
    ag = "南京市江宁区人民政府"
    make("js_layout_spaced_title_t3_pagebreak_jiangning_2021", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "南京市", "江宁区"], year, "county", "pdftotext-layout-pagebreak", "2022-01-25"),
         "区政府", "js", 7202, "南京市江宁区人民政府办公室", "http://www.jiangning.gov.cn", "025-52281234",
         ["南京市江宁区人民政府", "2022年1月25日"],
         [spaced(ag), "", "2 0 2 1 年", "", spaced("政府信息公开工作年度报告")],
         ag + "2021年政府信息公开工作年度报告", blanks=bl, t3_break="withheld_process_info",
         notes="Title in big letters with letter spacing over three lines (agency / year / 政府信息公开工作年度报告). "
               "Table 3 split over two pages before （三）6: two blank lines, `- N -`, form feed, running header "
               "(agency + title), and the four table-3 header lines repeated; the vertical 三、本年度办理结果 and "
               "（三）不予公开 labels are cut by the break. 科研机构/社会公益组织 zeros blank (null, derived 0).")


def n3():
    tpl, year = "2021", 2022
    t3 = gen_t3(7303, tpl, scale=1.8)
    t2 = t2_21(rules=(None, None, None), norm=(5, 1, 37), lic=6621, pen=1187, coe=43, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "厦门市湖里区人民政府"
    make("fj_layout_t2_one_table_t4_two_header_lines_huli_2022", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "厦门市", "湖里区"], year, "county", "pdftotext-layout", "2023-01-16"),
         "区政府", "fj", 7303, "厦门市湖里区人民政府办公室", "http://www.huli.gov.cn", "0592-56221234",
         ["厦门市湖里区人民政府", "2023年1月16日"], [ag, "2022年政府信息公开工作年度报告"],
         ag + "2022年政府信息公开工作年度报告", L_kw={"rowgap": True}, t2_kw={"xl": 14, "rights": (42, 60, 78)},
         notes="Table 2 printed as ONE table: the four 第二十条第（X）项 rows span the table, each block has its own "
               "header row, numbers right-aligned; 规章 row blank (null). Table 3 rows separated by blank lines. "
               "Table 4: two header lines of wrapped words (结果/维持, 尚未/审结; 总计 on the first) above the "
               "single number line of 15 numbers.")


def n4():
    tpl, year = "2019", 2019
    t3 = gen_t3(7404, tpl, scale=0.5, orgs=False)
    bl = zero_blanks(t3)
    t2 = t2_19(rules=(None, None, None), norm=(1, 1, 6), lic=(12, 2, 318), oth=(4, 0, 27), pen=(0, 0, 0),
               coe=(0, 0, 0), fees=(0, 0), proc=(3, 46.8))
    t4 = mk_t4({})
    ag = "上海市崇明区陈家镇人民政府"
    make("sh_town_layout_2019_form_blanks_chenjia_chongming_2019", tpl, year, t3, t2, t4,
         meta(ag, ["上海市", None, "崇明区", "陈家镇"], year, "township", "pdftotext-layout", "2020-01-20"),
         "镇政府", "sh", 7404, "上海市崇明区陈家镇人民政府", "https://www.shcm.gov.cn", "021-59331234",
         ["上海市崇明区陈家镇人民政府", "2020年1月20日"], [ag, "2019年政府信息公开工作年度报告"],
         "陈家镇2019年政府信息公开工作年度报告", blanks=bl,
         notes="2019 template, town. pdftotext -layout; every zero in table 3 printed blank (spaces), rows with "
               "only one or two numbers; 2019 table 2 as one table with 第二十条第（X）项 rows, 采购 3 / 46.8; "
               "table 4 all zero. Blank cells null, derived 0.")


def n5():
    tpl, year = "2019", 2020
    t3 = gen_t3(7505, tpl, scale=1.2)
    bl = zero_blanks(t3, cols=["research_institution", "social_welfare_org"])
    t2 = t2_19(rules=(None, None, None), norm=(3, 3, 21), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0),
               coe=(0, 0, 0), fees=(0, 0), proc=(6, 128.35))
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    ag = "尤溪县人民政府办公室"
    make("fj_county_office_layout_2019_form_t3_pagebreak_youxi_2020", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "三明市", "尤溪县"], year, "department", "pdftotext-layout-pagebreak", "2021-01-22"),
         "县政府办", "fj", 7505, "尤溪县人民政府办公室", "http://www.fjyx.gov.cn", "0598-6321234",
         ["尤溪县人民政府办公室", "2021年1月22日"], [ag, "2020年政府信息公开工作年度报告"],
         ag + "2020年政府信息公开工作年度报告", blanks=bl, t3_break="unavailable_not_held",
         notes="2019 template / 2020, county government office (a department of the county). Table 3 split "
               "before （四）1 with `- N -`, form feed, running header and the header lines repeated. 科研机构/"
               "社会公益组织 zeros blank. Table 2 2019 form as one table; 规章 blank.")


def n6():
    tpl, year = "2019", 2020
    t3 = gen_t3(7606, tpl, scale=4.0)
    t2 = t2_19(rules=(None, None, None), norm=(4, 4, 36), lic=(23, -2, 1843), oth=(9, 1, 211), pen=(41, 3, 586),
               coe=(6, 0, 77), fees=(2, -1), proc=(11, 2354.6))
    t4 = mk_t4({"admin_review": (7, 1, 1, 2), "litigation_direct": (4, 1, 0, 1), "litigation_after_review": (1, 0, 0, 1)})
    ag = "苏州市生态环境局"
    make("js_city_bureau_layout_spaced_title_2019_form_szsthj_2020", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "苏州市"], year, "department", "pdftotext-layout", "2021-01-28"),
         "我局", "js", 7606, "苏州市生态环境局", "http://sthjj.suzhou.gov.cn", "0512-68651234",
         ["苏州市生态环境局", "2021年1月28日"], [spaced(ag), spaced("2020年度"), spaced("政府信息公开工作年度报告")],
         ag + "2020年度政府信息公开工作年度报告", L_kw={"numline": 1},
         notes="2019 template / 2020, 设区市 bureau. Title spaced over three lines, year line `2 0 2 0 年 度`. "
               "Numbers on the SECOND line of wrapped labels (first line above, rest below). Table 2 2019 form "
               "with negative 本年增/减 (-2, -1) and 采购 2354.6; 规章 blank.")


def n7():
    tpl, year = "2021", 2023
    t3 = gen_t3(7707, tpl, scale=32.0)
    rnd = random.Random(77)
    fw = {r: tuple(c for c in COLS if rnd.random() < 0.35) for r in t3}
    comma = {r: tuple(c for c in COLS if t3[r][c] >= 1000) for r in t3}
    t2 = t2_21(rules=(None, None, None), norm=(14, 6, 102), lic=52316, pen=1024, coe=311, fee=0)
    t4 = mk_t4({"admin_review": (21, 4, 2, 6), "litigation_direct": (12, 2, 1, 5), "litigation_after_review": (4, 1, 0, 1)})
    ag = "无锡市惠山区人民政府"
    make("js_layout_fullwidth_digits_thousands_huishan_2023", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "无锡市", "惠山区"], year, "county", "pdftotext-layout", "2024-01-19"),
         "区政府", "js", 7707, "无锡市惠山区人民政府办公室", "http://www.huishan.gov.cn", "0510-83591234",
         ["无锡市惠山区人民政府", "2024年1月19日"], [ag, "2023年政府信息公开工作年度报告"],
         ag + "2023年政府信息公开工作年度报告", L_kw={"fw": fw, "comma": comma},
         t2_kw={"comma": {"admin_licensing.decisions", "admin_penalty.decisions"},
                "fw": {"admin_coercion.decisions", "normative_documents.in_force"}},
         t4_kw={"fw": {"table4.admin_review.upheld", "table4.admin_review.total", "table4.litigation_direct.upheld"}},
         notes="Full-width digits (０-９) in about a third of the table-3 cells and a few table-2/4 cells, "
               "half-width in the rest; table-3 values >= 1000 with a thousands comma (`1,0xx`); 行政处罚 `1,024`, "
               "行政许可 `52,316`.")


def n8():
    tpl, year = "2021", 2021
    t3 = gen_t3(7808, tpl, scale=5.0)
    bl = zero_blanks(t3, p=0.6, seed=8)
    t2 = t2_21(rules=(2, 1, 38), norm=(9, 5, 64), lic=143216, pen=28744, coe=1310, fee=0)
    t4 = mk_t4({"admin_review": (16, 2, 1, 4), "litigation_direct": (8, 1, 2, 3), "litigation_after_review": (5, 0, 1, 2)})
    ag = "上海市交通委员会"
    make("sh_city_commission_layout_t3_break_t4_total_below_jtw_2021", tpl, year, t3, t2, t4,
         meta(ag, ["上海市"], year, "department", "pdftotext-layout-pagebreak", "2022-01-28"),
         "市交通委", "sh", 7808, "上海市交通委员会", "https://jtw.sh.gov.cn", "021-23031234",
         ["上海市交通委员会", "2022年1月28日"], [ag, "2021年政府信息公开工作年度报告"],
         ag + "2021年政府信息公开工作年度报告", blanks=bl, t3_break="not_processed_petition",
         t4_kw={"tot_line": 1},
         notes="Municipal commission. Table 3 split before （五）1 with running header and header lines repeated; "
               "60% of the zeros blank (spaces). Table 4 headers on two lines with 总计 on the second line. "
               "Table 2 with 规章 2/1/38 and 行政强制 1310.")


def n9():
    tpl, year = "2021", 2022
    t3 = gen_t3(7909, tpl, scale=2.6)
    bl = zero_blanks(t3, cols=["research_institution", "social_welfare_org", "legal_service_org", "other_org"])
    t2 = t2_21(rules=(None, None, None), norm=(6, 2, 47), lic=9877, pen=1364, coe=58, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    ag = "福安市人民政府"
    make("fj_county_city_layout_t2_pagebreak_fullwidth_fuan_2022", tpl, year, t3, t2, t4,
         meta(ag, ["福建省", "宁德市", "福安市"], year, "county", "pdftotext-layout", "2023-01-30"),
         "市政府", "fj", 7909, "福安市人民政府办公室", "http://www.fuan.gov.cn", "0593-6381234",
         ["福安市人民政府", "2023年1月30日"], [spaced(ag), spaced("2022年政府信息公开工作年度报告")],
         ag + "2022年政府信息公开工作年度报告", blanks=bl, t2_break=True,
         t2_kw={"fw": {"normative_documents.issued", "normative_documents.repealed", "admin_penalty.decisions"}},
         notes="County-level city. Spaced title on two lines. Table 2 breaks over a page before 第二十条第（六）项 "
               "(no header repeated); full-width digits in three table-2 cells. Zeros in the four small applicant "
               "columns blank.")


def n10():
    tpl, year = "2021", 2023
    t3 = gen_t3(8010, tpl, scale=26.0)
    rnd = random.Random(10)
    bl = zero_blanks(t3)
    fw = {r: tuple(c for c in COLS if rnd.random() < 0.2) for r in t3}
    comma = {r: tuple(c for c in COLS if t3[r][c] >= 1000) for r in t3}
    t2 = t2_21(rules=(None, None, None), norm=(8, 3, 66), lic=31884, pen=1024, coe=207, fee=0)
    t4 = mk_t4({"admin_review": (11, 2, 0, 3), "litigation_direct": (7, 1, 1, 2), "litigation_after_review": (2, 1, 0, 0)})
    ag = "南通市海门区人民政府"
    make("js_layout_all_traps_haimen_2023", tpl, year, t3, t2, t4,
         meta(ag, ["江苏省", "南通市", "海门区"], year, "county", "pdftotext-layout-pagebreak", "2024-01-26"),
         "区政府", "js", 8010, "南通市海门区人民政府办公室", "http://www.haimen.gov.cn", "0513-82211234",
         ["南通市海门区人民政府", "2024年1月26日"],
         [spaced("南通市海门区"), spaced("人民政府"), "2 0 2 3 年", spaced("政府信息公开工作年度报告")],
         ag + "2023年政府信息公开工作年度报告", blanks=bl, t3_break="withheld_enforcement_file",
         L_kw={"fw": fw, "comma": comma}, t2_kw={"comma": {"admin_licensing.decisions", "admin_penalty.decisions"}},
         t4_kw={"tot_line": 1},
         notes="All traps: agency name broken over two spaced title lines, year on its own line; table 3 split "
               "before （三）7 with repeated headers; every zero blank; full-width digits in a fifth of the cells; "
               "thousands commas; 行政处罚 `1,024`; table-4 总计 on the second header line.")
