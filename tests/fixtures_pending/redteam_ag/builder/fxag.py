"""redteam_ag fixtures: numbers that are not the tables' but look like them (false positives). Each report prints
the official tables in full and, around them, the extracted text of charts and infographics whose numbers sit next
to the form's own words: bar charts (axis ticks, per-year data labels, legends 本年新收/上年结转), 一图读懂 text,
pie charts of applicant types in percent, year-on-year summary tables with table 3's row labels, monthly
sparkline rows labelled 本年新收, page-view footnote tables. Truth = the official tables only."""
import html as H
from core import *  # noqa
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import body_html, page
from fxq import blocks, md_tables, tsv_tables, html_tables, finish
from fxae import md_render
import kprose as P

MONTHS = [f"{i}月" for i in range(1, 13)]


def ins(b, anchor, blk, after=True):
    """Insert block `blk` after (or before) the first block whose kind is `anchor` (e.g. 't3' or ('h', 2))."""
    for i, x in enumerate(b):
        if (x[0] == anchor) if isinstance(anchor, str) else (x[:2] == anchor):
            return b[:i + 1] + [blk] + b[i + 1:] if after else b[:i] + [blk] + b[i:]
    raise KeyError(anchor)


def pct(a, n):
    return f"{100.0 * a / n:.1f}%"


def split_months(total, seed):
    """Deterministic split of `total` into 12 monthly counts (many zeros when small)."""
    import random
    rnd = random.Random(seed)
    m = [0] * 12
    for _ in range(total):
        m[rnd.randrange(12)] += 1
    return m


def bar_chart(title, years, series, ticks, unit="件"):
    """pdftotext of a clustered bar chart: title, y-axis ticks (top down), data labels per series, x labels, legend."""
    out = [title, f"单位：{unit}"]
    out += [str(t) for t in reversed(ticks)]
    for _, vals in series:
        out.append("    ".join(str(v) for v in vals))
    out.append("   ".join(f"{y}年" for y in years))
    out.append("  ".join(f"■{lab}" for lab, _ in series))
    return "\n".join(out)


def pie_text(title, parts):
    """Extracted text of a pie chart: title, then `label pct` per slice (legend order)."""
    return "\n".join([title] + [f"{lab} {p}" for lab, p in parts])


def t3_outcome_total(t3, codes):
    return sum(t3[c]["total"] for c in codes)


YOY_ROWS = [("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
            ("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开"), ("withheld", "（三）不予公开"),
            ("unavailable", "（四）无法提供"), ("not_processed", "（五）不予处理"), ("other", "（六）其他处理"),
            ("total_processed", "（七）总计"), ("carried_forward", "四、结转下年度继续办理")]


def yoy_values(t3, tpl):
    g = {"withheld": [c for c, _ in WITHHELD], "unavailable": [c for c, _ in UNAV], "not_processed": [c for c, _ in NOTP],
         "other": [c for c, _ in OTHER21] if tpl == "2021" else ["other"]}
    return {k: (t3_outcome_total(t3, g[k]) if k in g else t3[k]["total"]) for k, _ in YOY_ROWS}


def yoy_grid(t3, tpl, prev, years):
    """Year-on-year summary with table 3's row labels; prev = {row: value of the earlier year}."""
    cur = yoy_values(t3, tpl)
    g = [["项目", f"{years[0]}年", f"{years[1]}年", "增减"]]
    for k, lab in YOY_ROWS:
        d = cur[k] - prev[k]
        g.append([lab, str(prev[k]), str(cur[k]), (f"+{d}" if d > 0 else str(d))])
    return g


def tsv(g):
    return "\n".join("\t".join(r) for r in g)


def mdt(g):
    out = ["| " + " | ".join(g[0]) + " |", "|" + "---|" * len(g[0])]
    return "\n".join(out + ["| " + " | ".join(r) + " |" for r in g[1:]])


def htmlt(g, cls="chart-data"):
    rows = ["<tr>" + "".join(f"<td>{H.escape(c, quote=False)}</td>" for c in r) + "</tr>" for r in g]
    return f'<table class="{cls}" border="1">\n' + "\n".join(rows) + "\n</table>"


def div_lines(lines, cls):
    return f'<div class="{cls}">\n' + "\n".join(f"<p>{H.escape(x, quote=False)}</p>" for x in lines) + "\n</div>"


def std_name(name, tpl, year):
    return name


# ---------------------------------------------------------------- AG1 上海 徐汇区人民政府: bar chart after table 3
def ag01():
    name = "sh_district_gov_bar_chart_three_years_after_t3_xuhui_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9101, tpl, scale=1.8)
    t2 = t2_21(norm=(5, 3, 44), lic=18236, pen=3107, coe=52, fee=0)
    t4 = mk_t4({"admin_review": (8, 1, 2, 1), "litigation_direct": (4, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市徐汇区人民政府"
    n, co = t3["new_received"]["total"], t3["carried_over"]["total"]
    chart = bar_chart("图1 2020—2022年政府信息公开申请情况", [2020, 2021, 2022],
                      [("本年新收", [n - 17, n - 9, n]), ("上年结转", [co + 4, co + 2, co])], [0, 20, 40, 60, 80, 100])
    b = blocks(year, "区政府", "sh", t3, tpl, 9101, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro("上海市徐汇区人民政府办公室", year, "https://www.xuhui.gov.cn", "021-64872222", tpl),
               signoff=[ag, "2023年1月18日"])
    b = ins(b, "t3", ("raw", chart))
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "徐汇区"], year, "county", "tsv+chart-text", "2023-01-18"), tpl,
           t2, t3, t4,
           "District government. Right after table 3 the text a PDF converter pulled out of a clustered bar chart: "
           "title `图1 2020—2022年政府信息公开申请情况`, `单位：件`, the y-axis ticks one per line (100 80 60 40 20 0), "
           f"one line of data labels per series (`{n - 17}    {n - 9}    {n}` and `{co + 4}    {co + 2}    {co}`), "
           "the x labels `2020年   2021年   2022年` and the legend `■本年新收  ■上年结转`. The 2022 labels agree with "
           "table 3's 总计 column; none of the chart's numbers is a cell. Truth = the official TSV tables.")


# ---------------------------------------------------------------- AG2 昆山市人民政府办公室: 一图读懂 of the whole city before the report
def ag02():
    name = "js_city_gov_office_yitu_dudong_whole_city_numbers_before_report_kunshan_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9102, tpl, scale=0.9)
    t2 = t2_19(norm=(3, 3, 27), lic=(0, 0, 0), oth=(12, 1, 386), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(6, 214.5))
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    ag = "昆山市人民政府办公室"
    info = ["一图读懂｜昆山市2020年政府信息公开工作年度报告", "主动公开", "全市主动公开政府信息", "28761", "条",
            "依申请公开", "全市新收申请", "1236 件", "其中自然人申请", "1018 件", "法人或其他组织申请", "218 件",
            "予以公开 412 件", "部分公开 97 件", "无法提供 386 件", "不予处理 121 件",
            "行政复议", "43", "件", "行政诉讼", "27", "件", "纠错率", "2.1%", "（以上为全市各级行政机关汇总数据）"]
    b = blocks(year, "市政府办公室", "js", t3, tpl, 9102, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://www.ks.gov.cn", "0512-57562345", tpl),
               six_extra=["全市政府信息公开工作年度报告汇总情况另以“一图读懂”形式发布，数据为全市各级行政机关汇总数。"],
               signoff=[ag, "2021年1月25日"])
    text = "\n".join(info) + "\n\n" + render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市", "昆山市"], year, "department", "tsv+infographic",
                                   "2021-01-25"), tpl, t2, t3, t4,
           "County-level city government office: department of 昆山市. Before the title the page carries the text of the "
           "city's 一图读懂 infographic: whole-city totals (`全市新收申请` / `1236 件`, `其中自然人申请` / `1018 件`, "
           "`予以公开 412 件`, `部分公开 97 件`, `无法提供 386 件`, `不予处理 121 件`, `行政复议` / `43` / `件`, "
           "`行政诉讼` / `27`, big numbers on their own lines), marked `（以上为全市各级行政机关汇总数据）`. The office's own "
           "tables are far smaller; none of the infographic's numbers is a cell. 2019 form.")


# ---------------------------------------------------------------- AG3 晋江市人民政府: pie charts of applicant types and outcomes (md)
def ag03():
    name = "fj_city_gov_pie_applicant_types_and_outcomes_percent_md_jinjiang_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9103, tpl, scale=1.6)
    t2 = t2_19(norm=(6, 6, 58), lic=(412, 8, 23871), oth=(53, -2, 4120), pen=(38, 0, 1266), coe=(7, 0, 41),
               fees=(4, -1), proc=(21, 3412.6))
    t4 = mk_t4({"admin_review": (6, 1, 1, 0), "litigation_direct": (2, 1, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "晋江市人民政府"
    n = t3["new_received"]
    lab = [("自然人", "natural_person"), ("商业企业", "commercial_enterprise"), ("科研机构", "research_institution"),
           ("社会公益组织", "social_welfare_org"), ("法律服务机构", "legal_service_org"), ("其他", "other_org")]
    pie1 = pie_text("图2 申请人类型分布", [(l, pct(n[c], n["total"])) for l, c in lab])
    tp = t3["total_processed"]["total"]
    res = [("予以公开", ["granted"]), ("部分公开", ["partially_granted"]), ("不予公开", [c for c, _ in WITHHELD]),
           ("无法提供", [c for c, _ in UNAV]), ("不予处理", [c for c, _ in NOTP]), ("其他处理", ["other"])]
    pie2 = pie_text("图3 办理结果分布", [(l, pct(t3_outcome_total(t3, cs), tp)) for l, cs in res])
    b = blocks(year, "市政府", "fj", t3, tpl, 9103, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro("晋江市人民政府办公室", year, "http://www.jinjiang.gov.cn", "0595-85682345", tpl),
               signoff=[ag, "2021年1月28日"])
    b = ins(b, ("h", 2), ("raw", pie1))
    b = ins(b, "t3", ("raw", pie2))
    text = md_render(b, md_tables(tpl, t2, t3, t4))
    finish(name, "md", text, meta(ag, ["福建省", "泉州市", "晋江市"], year, "county", "markdown+pie-text", "2021-01-28"),
           tpl, t2, t3, t4,
           "County-level city government. Under heading 三, before table 3, a pie chart of applicant types as text "
           "(`图2 申请人类型分布`, then `自然人 xx.x%`, `商业企业 xx.x%`, … `其他 x.x%`: the shares of table 3's 新收 row); "
           "after table 3 a second pie `图3 办理结果分布` with `予以公开 xx.x%` … `其他处理 x.x%`. Percentages are no "
           "counts and no cells (read `76.9%` as 76 or 769 and it is wrong). Markdown tables; 2019 form, negative "
           "changes -2 and -1.")


# ---------------------------------------------------------------- AG4 上海 莘庄镇: year-on-year summary with table 3's labels before table 3
def ag04():
    name = "sh_town_gov_yoy_summary_2021_2022_zengjian_before_t3_xinzhuang_minhang_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9104, tpl, scale=0.7)
    t2 = t2_21(norm=(0, 0, 3), lic=0, pen=214, coe=6, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    ag = "上海市闵行区莘庄镇人民政府"
    cur = yoy_values(t3, tpl)
    shift = {"new_received": 5, "carried_over": -1, "granted": 3, "partially_granted": 0, "withheld": 1,
             "unavailable": 2, "not_processed": -1, "other": 0, "total_processed": 0, "carried_forward": 1}
    prev = {k: max(0, cur[k] + shift[k]) for k in cur}
    prev["total_processed"] = sum(prev[k] for k in ("granted", "partially_granted", "withheld", "unavailable",
                                                    "not_processed", "other"))
    prev["carried_forward"] = prev["new_received"] + prev["carried_over"] - prev["total_processed"]
    assert prev["carried_forward"] >= 0
    g = yoy_grid(t3, tpl, prev, (2021, 2022))
    cap = "表1 2021年、2022年政府信息公开申请办理情况对比（单位：件）"
    b = blocks(year, "镇政府", "sh", t3, tpl, 9104, title=[f"{ag}2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro("上海市闵行区莘庄镇人民政府", year, "https://www.shmh.gov.cn", "021-64128888", tpl),
               signoff=[ag, "2023年1月20日"])
    b = ins(b, ("h", 2), ("raw", cap + "\n" + tsv(g) + "\n表2 政府信息公开申请情况（法定格式）"))
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "闵行区", "莘庄镇"], year, "township", "tsv+yoy-table",
                                   "2023-01-20"), tpl, t2, t3, t4,
           "Town government. Under heading 三, before the official table 3, a TSV summary `表1 2021年、2022年政府信息公开"
           "申请办理情况对比（单位：件）` whose rows carry table 3's labels (一、本年新收…, 二、上年结转…, （一）予以公开, "
           "（二）部分公开, （三）不予公开 … （七）总计, 四、结转下年度继续办理) and whose columns are 2021年 / 2022年 / "
           "增减 (signed: `-5`, `+1`, `0`). The 2022年 column equals the official 总计 column (group rows summed); the 2021年 and "
           "增减 columns are not cells. The official table follows under `表2 …（法定格式）`. 2021 form, three (六) "
           "sub-rows in the official table.")


# ---------------------------------------------------------------- AG5 南京 秣陵街道: monthly sparkline row 本年新收 before table 3
def ag05():
    name = "js_street_office_monthly_sparkline_benian_xinshou_before_t3_moling_jiangning_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(9105, tpl, scale=0.45, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(4, 0, 127), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(1, 8.6))
    t4 = mk_t4({})
    ag = "南京市江宁区秣陵街道办事处"
    m = split_months(t3["new_received"]["total"], 9105)
    d = split_months(t3["total_processed"]["total"], 9205)
    spark = tsv([["月份"] + MONTHS + ["合计"], ["本年新收"] + [str(x) for x in m] + [str(sum(m))],
                 ["办结"] + [str(x) for x in d] + [str(sum(d))]])
    b = blocks(year, "街道", "js", t3, tpl, 9105, title=[f"{ag}2019年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.jiangning.gov.cn", "025-52121234", tpl),
               review_sentence="2019年，街道未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=[ag, "2020年1月16日"])
    b = ins(b, ("h", 2), ("raw", "各月新收申请数量（单位：件）\n" + spark))
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "南京市", "江宁区", "秣陵街道"], year, "township", "tsv+sparkline",
                                   "2020-01-16"), tpl, t2, t3, t4,
           "Street office. Under heading 三, before table 3, a TSV row of monthly counts: header `月份 1月 … 12月 合计`, "
           f"a row `本年新收` with 12 monthly values and the sum {sum(m)} (= table 3's 新收 总计) and a row `办结` ({sum(d)}). "
           "The row label is table 3's first row label; its first seven numbers are months, not applicant columns. "
           "Table 4 all 0 (and the prose says so); only natural persons, 商业企业 and 法律服务机构 applied. 2019 form.")


# ---------------------------------------------------------------- AG6 福州 鼓楼区教育局: page-view table with table-2 item labels (HTML)
def ag06():
    name = "fj_district_bureau_page_view_footnote_table_item_labels_after_t2_html_gulou_jiaoyu_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(9106, tpl, scale=0.6)
    t2 = t2_21(norm=(2, 1, 14), lic=37, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "福州市鼓楼区教育局"
    pv = [["栏目", "信息条数", "浏览量"], ["行政规范性文件", "14", "12345"], ["行政许可", "37", "8761"],
          ["行政处罚", "0", "1032"], ["行政事业性收费", "0", "906"], ["依申请公开", "23", "4518"], ["合计", "74", "27562"]]
    note = "注：本年度政府信息公开专栏各栏目浏览量（统计截至2021年12月31日）"
    b = blocks(year, "区教育局", "fj", t3, tpl, 9106, title=[f"{ag}2021年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“区教育局”）", year, "http://www.gl.gov.cn", "0591-87531234", tpl),
               signoff=[ag, "2022年1月21日"])
    b = ins(b, "t2", ("dc1",))
    tabs_ = html_tables(tpl, t2, t3, t4)
    tabs_["dc1"] = f'<p class="note">{note}</p>\n' + htmlt(pv, "pv")
    head = ('<div class="crumb">首页 &gt; 信息公开 &gt; 政府信息公开年报</div>\n'
            f'<div class="info">发布日期：2022-01-21　　浏览次数：312</div>')
    text = page(f"{ag}2021年政府信息公开工作年度报告", head, body_html(b, tabs_), '<div class="foot">主办：福州市鼓楼区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["福建省", "福州市", "鼓楼区"], year, "department", "html+pv-table",
                                   "2022-01-21"), tpl, t2, t3, t4,
           "District bureau. Right after the official table 2 (HTML) a footnote `注：本年度政府信息公开专栏各栏目浏览量…` and a "
           "second `<table>` 栏目 / 信息条数 / 浏览量 whose rows carry table 2's item labels: `行政规范性文件 14 12345`, "
           "`行政许可 37 8761`, `行政处罚 0 1032`, `行政事业性收费 0 906`, `依申请公开 23 4518`, `合计 74 27562`. The "
           "条数 column repeats table 2's 现行有效/许可 numbers; the 浏览量 column is page views. Truth table 2: 行政许可 37, "
           "行政处罚 0, fee 0 (not 12345, 8761, 1032 or 906).")


# ---------------------------------------------------------------- AG7 上海 川沙新镇: 一图读懂 with big numbers in divs before the report (HTML)
def ag07():
    name = "sh_town_gov_yitu_dudong_divs_big_numbers_before_title_html_chuansha_pudong_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(9107, tpl, scale=0.8)
    t2 = t2_21(norm=(1, 0, 6), lic=0, pen=318, coe=9, fee=0)
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    ag = "上海市浦东新区川沙新镇人民政府"
    n = t3["new_received"]["total"]; g = t3["granted"]["total"]; pg = t3["partially_granted"]["total"]
    info = ["一图读懂", "川沙新镇2023年政府信息公开工作年度报告", "01 主动公开", "全年主动公开信息", "1486", "条",
            "政策解读", "38", "篇", "02 依申请公开", "全年新收申请", f"{n} 件", "同比", "+12.5%", f"予以公开 {g + pg} 件",
            "（含部分公开）", "2022年新收申请", f"{n - 4} 件", "03 行政复议和行政诉讼", "行政复议", "2", "件",
            "行政诉讼", "1", "件", "04 行政处罚", "318", "件", "2022年", "276", "件"]
    b = blocks(year, "镇政府", "sh", t3, tpl, 9107, title=[f"{ag}2023年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro("上海市浦东新区川沙新镇人民政府", year, "https://www.pudong.gov.cn", "021-58921234", tpl),
               signoff=[ag, "2024年1月19日"])
    info_html = ('<div class="yitu">\n' + "\n".join(
        f'<div class="{"big" if x.replace(" 件", "").replace("+", "").replace("%", "").replace(".", "").isdigit() else "lab"}">'
        f'{H.escape(x, quote=False)}</div>' for x in info) + "\n</div>")
    head = ('<div class="crumb">首页 &gt; 政府信息公开 &gt; 年度报告</div>\n' + info_html)
    text = page(f"{ag}2023年政府信息公开工作年度报告", head, body_html(b, html_tables(tpl, t2, t3, t4)),
                '<div class="foot">主办：上海市浦东新区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["上海市", None, "浦东新区", "川沙新镇"], year, "township",
                                   "html+infographic", "2024-01-19"), tpl, t2, t3, t4,
           "Town government. Before the `<h1>` title the page holds a 一图读懂 infographic as `<div>`s, one item per div, "
           f"big numbers alone (`全年新收申请` / `{n} 件`, `予以公开 {g + pg} 件` / `（含部分公开）` (granted + partially "
           f"granted), `2022年新收申请` / `{n - 4} 件`, `行政复议` / `2` / `件`, `行政诉讼` / `1`, `04 行政处罚` / `318` / "
           "`2022年` / `276`). Some agree with the tables (新收 total, 行政处罚 318, 行政复议 2 = table 4 总计), some do not "
           "(予以公开 incl. partial, the 2022 numbers, +12.5%); none is a cell beyond what the official tables print.")


# ---------------------------------------------------------------- AG8 苏州市生态环境局: bar chart before table 3 (md), legend first
def ag08():
    name = "js_city_bureau_bar_chart_before_t3_legend_first_md_shengtai_huanjing_suzhou_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9108, tpl, scale=2.4)
    t2 = t2_19(norm=(2, 2, 19), lic=(18, 0, 2316), oth=(6, 0, 412), pen=(34, 3, 1187), coe=(9, 0, 203), fees=(1, 0),
               proc=(12, 1876.25))
    t4 = mk_t4({"admin_review": (5, 0, 2, 1), "litigation_direct": (3, 1, 0, 0), "litigation_after_review": (1, 0, 1, 0)})
    ag = "苏州市生态环境局"
    n, tp, cf = t3["new_received"]["total"], t3["total_processed"]["total"], t3["carried_forward"]["total"]
    chart = "\n".join(["本年新收　　办结　　结转下年度", "图表 2018—2020年依申请公开办理情况", "0", "20", "40", "60", "80",
                       "100", "120", "2018", "2019", "2020", f"{n - 21}", f"{n - 6}", f"{n}", f"{tp - 19}", f"{tp - 8}",
                       f"{tp}", "3", "1", f"{cf}"])
    b = blocks(year, "市生态环境局", "js", t3, tpl, 9108, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://sthjj.suzhou.gov.cn", "0512-68651234", tpl),
               signoff=[ag, "2021年1月22日"])
    b = ins(b, "t3", ("raw", chart), after=False)
    text = md_render(b, md_tables(tpl, t2, t3, t4))
    finish(name, "md", text, meta(ag, ["江苏省", "苏州市"], year, "department", "markdown+chart-text", "2021-01-22"),
           tpl, t2, t3, t4,
           "City bureau. Directly before table 3 (markdown) the text of a bar chart in the order pdfminer gives it: "
           "legend first (`本年新收　　办结　　结转下年度`), then the chart title, the y ticks 0…120 bottom up, the "
           f"years 2018 2019 2020 and the nine data labels one per line ({n - 21}, {n - 6}, {n}, {tp - 19}, {tp - 8}, {tp}, "
           f"3, 1, {cf}). Nine number lines after a line holding 本年新收 and 结转下年度. No cell; 2019 form.")


# ---------------------------------------------------------------- AG9 厦门 海沧区发改局: pie + stacked bar of table 4 after table 4 (plain)
def ag09():
    name = "fj_district_bureau_applicant_two_year_rows_before_t3_pie_t4_stacked_bar_haicang_fagai_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(9109, tpl, scale=0.5)
    t2 = t2_21(norm=(1, 2, 11), lic=126, pen=8, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    ag = "厦门市海沧区发展和改革局"
    n = t3["new_received"]
    pie = pie_text("申请人构成", [("自然人", pct(n["natural_person"], n["total"])),
                               ("法人或其他组织", pct(n["total"] - n["natural_person"], n["total"]))])
    bar = "\n".join(["近三年行政复议、行政诉讼案件情况", "结果维持　结果纠正　其他结果　尚未审结",
                     "行政复议　1　1　0　0", "行政诉讼　2　0　1　0", "2019年", "行政复议　3　0　1　0", "行政诉讼　0　1　0　1",
                     "2020年", "行政复议　2　0　0　1", "行政诉讼　1　0　0　0", "2021年"])
    b = blocks(year, "区发改局", "fj", t3, tpl, 9109, title=[f"{ag}2021年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“区发改局”）", year, "http://www.haicang.gov.cn", "0592-6891234", tpl),
               signoff=[ag, "2022年1月24日"])
    prev = {"natural_person": n["natural_person"] + 4, "commercial_enterprise": max(0, n["commercial_enterprise"] - 1),
            "research_institution": 0, "social_welfare_org": 1, "legal_service_org": n["legal_service_org"] + 2,
            "other_org": 0}
    prev["total"] = sum(prev[c] for c in PARTS)
    cmp_ = tsv([["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
                ["2020年本年新收"] + [str(prev[c]) for c in COLS], ["2021年本年新收"] + [str(n[c]) for c in COLS]])
    b = ins(b, "t3", ("raw", "两年新收申请按申请人类型对比（单位：件）\n" + cmp_), after=False)
    b = ins(b, "t3", ("raw", pie))
    b = ins(b, "t4", ("raw", bar))
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "厦门市", "海沧区"], year, "department", "tsv+chart-text",
                                   "2022-01-24"), tpl, t2, t3, t4,
           "District bureau. Directly before table 3 a small TSV table `两年新收申请按申请人类型对比` with table 3's applicant "
           "header (自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计) and two rows `2020年本年新收` (last year: not "
           "cells) and `2021年本年新收` (equal to the official 新收 row). After table 3 a two-slice pie `申请人构成` (`自然人 xx.x%`, `法人或其他组织 xx.x%`). After table 4 "
           "the text of a stacked bar chart `近三年行政复议、行政诉讼案件情况` with legend `结果维持　结果纠正　其他结果　尚未审结` "
           "and rows `行政复议　1　1　0　0`, `行政诉讼　2　0　1　0` per year (2019年, 2020年, 2021年 printed after each "
           "pair). The 2021 pair agrees with the table's 行政复议 and 未经复议直接起诉 groups; the 2019/2020 pairs do not. "
           "Truth table 4 = the official TSV table only.")


# ---------------------------------------------------------------- AG10 上海 闵行区政府办公室: sparkline after table 3 + page views after t2
def ag10():
    name = "sh_district_gov_office_sparkline_after_t3_and_page_views_after_t2_minhang_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9110, tpl, scale=1.2)
    t2 = t2_21(norm=(3, 2, 21), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (2, 0, 0, 1)})
    ag = "上海市闵行区人民政府办公室"
    m = split_months(t3["new_received"]["total"], 9110)
    c = split_months(t3["carried_forward"]["total"], 9210)
    spark = "\n".join(["本年新收 " + " ".join(str(x) for x in m), " ".join(MONTHS),
                       "结转下年度 " + " ".join(str(x) for x in c)])
    pv = "\n".join(["附：政府信息公开专栏访问情况", "浏览量 12345", "访客数 4321", "规章 浏览量 2310",
                    "行政规范性文件 浏览量 5876", "政府信息公开申请 浏览量 1987"])
    b = blocks(year, "区政府办公室", "sh", t3, tpl, 9110, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区政府办公室”）", year, "https://www.shmh.gov.cn", "021-64121234", tpl),
               signoff=[ag, "2023年1月17日"])
    b = ins(b, "t3", ("raw", "图 各月新收申请走势\n" + spark))
    b = ins(b, "t2", ("raw", pv))
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "闵行区"], year, "department", "tsv+sparkline",
                                   "2023-01-17"), tpl, t2, t3, t4,
           "District government office: department. After table 2 a page-view note (`浏览量 12345`, `访客数 4321`, "
           "`规章 浏览量 2310`, `行政规范性文件 浏览量 5876`, …): 规章 is printed with no numbers in the official table "
           "(null), and 5876 is not its 现行有效. After table 3 a sparkline as space-separated text: `本年新收 ` + 12 "
           f"monthly counts (sum {sum(m)} = 新收 总计), a line of month names, `结转下年度 ` + 12 counts (sum {sum(c)}). "
           "Table 2 licences/penalties/coercion all 0 (an office). 2021 form.")


# ---------------------------------------------------------------- AG11 泉州 丰泽区人民政府: table-4 bar chart before table 4 (HTML)
def ag11():
    name = "fj_district_gov_t4_bar_chart_before_t4_result_legend_html_fengze_quanzhou_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(9111, tpl, scale=1.1)
    t2 = t2_19(norm=(3, 3, 31), lic=(96, 4, 5412), oth=(22, 0, 1379), pen=(17, -1, 622), coe=(3, 0, 14), fees=(2, 0),
               proc=(8, 967.3))
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (2, 0, 1, 0), "litigation_after_review": (0, 0, 1, 0)})
    ag = "泉州市丰泽区人民政府"
    lines = ["图4 2017—2019年行政复议、行政诉讼案件数", "行政复议", "行政诉讼", "10", "8", "6", "4", "2", "0",
             "2017年", "2018年", "2019年", "5", "9", "6", "2", "4", "4", "结果维持", "结果纠正", "其他结果", "尚未审结"]
    b = blocks(year, "区政府", "fj", t3, tpl, 9111, title=[f"{ag}2019年政府信息公开工作年度报告"],
               intro=P.std_intro("泉州市丰泽区人民政府办公室", year, "http://www.qzfz.gov.cn", "0595-22501234", tpl),
               signoff=[ag, "2020年1月20日"])
    b = ins(b, "t4", ("dc1",), after=False)
    tabs_ = html_tables(tpl, t2, t3, t4)
    tabs_["dc1"] = ('<div class="echarts" id="chart4"><img src="/uploads/2020/01/fz_nb_fig4.png" alt="图4">\n'
                    + div_lines(lines, "chart-text") + "\n</div>")
    head = '<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>'
    text = page(f"{ag}2019年政府信息公开工作年度报告", head, body_html(b, tabs_), '<div class="foot">主办：泉州市丰泽区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["福建省", "泉州市", "丰泽区"], year, "county", "html+chart-text",
                                   "2020-01-20"), tpl, t2, t3, t4,
           "District government. Under heading 四, before table 4, a chart block (`<img>` plus its text layer, one `<p>` per "
           "label): title `图4 2017—2019年行政复议、行政诉讼案件数`, series 行政复议/行政诉讼, ticks 10…0, years, data labels "
           "5 9 6 / 2 4 4, and a legend of table 4's own column words `结果维持 结果纠正 其他结果 尚未审结`. 2019 labels: "
           "复议 6 = table 4 行政复议 总计; 诉讼 4 = 直接起诉 3 + 复议后起诉 1. None is a cell. 2019 form, HTML tables.")


# ---------------------------------------------------------------- AG12 江阴市人民政府: table-2 infographic with last year's figures (md)
def ag12():
    name = "js_city_gov_table2_infographic_last_year_figures_before_report_md_jiangyin_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9112, tpl, scale=2.0)
    t2 = t2_21(norm=(7, 4, 63), lic=24518, pen=4126, coe=173, fee=0)
    t4 = mk_t4({"admin_review": (9, 2, 1, 2), "litigation_direct": (5, 1, 1, 1), "litigation_after_review": (2, 0, 1, 0)})
    ag = "江阴市人民政府"
    info = ["**一图读懂江阴市2022年政府信息公开工作年度报告**", "", "行政规范性文件", "", "本年制发 7 件　上年 9 件", "",
            "现行有效", "", "63", "", "行政许可", "", "24518", "", "上年 21987", "", "行政处罚", "", "4126", "",
            "上年 4690", "", "行政强制", "", "173", "", "上年 201", "", "新收申请", "",
            f"{t3['new_received']['total']}", "", "件", ""]
    b = blocks(year, "市政府", "js", t3, tpl, 9112, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro("江阴市人民政府办公室", year, "http://www.jiangyin.gov.cn", "0510-86861234", tpl),
               signoff=[ag, "2023年1月30日"])
    text = "\n".join(info) + "\n" + md_render(b, md_tables(tpl, t2, t3, t4))
    finish(name, "md", text, meta(ag, ["江苏省", "无锡市", "江阴市"], year, "county", "markdown+infographic",
                                   "2023-01-30"), tpl, t2, t3, t4,
           "County-level city government. Before the `# ` title, a 一图读懂 block about table 2 with big numbers on their "
           "own lines and last year's figures next to them: `行政规范性文件` / `本年制发 7 件　上年 9 件` / `现行有效` / `63`, "
           "`行政许可` / `24518` / `上年 21987`, `行政处罚` / `4126` / `上年 4690`, `行政强制` / `173` / `上年 201`. The "
           "current numbers agree with the official table 2; the 上年 numbers (and 9) are not cells. 2021 form, 废止 4.")


# ---------------------------------------------------------------- AG13 龙岩 东城街道: infographic + pie with counts before the report
def ag13():
    name = "fj_street_office_infographic_pie_counts_and_outcome_columns_chart_data_dongcheng_xinluo_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9113, tpl, scale=0.3, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({})
    ag = "龙岩市新罗区东城街道办事处"
    n = t3["new_received"]
    info = ["图解：东城街道2020年政府信息公开工作", "主动公开信息", "326", "条", "其中：", "机构职能 12 条",
            "财政资金 28 条", "社会救助 47 条", "依申请公开", f"{n['total']}", "件", "申请人构成",
            f"自然人 {n['natural_person']}件 {pct(n['natural_person'], n['total'])}",
            f"法人或其他组织 {n['total'] - n['natural_person']}件 {pct(n['total'] - n['natural_person'], n['total'])}",
            "近三年申请量", "2018 2019 2020", f"3 5 {n['total']}"]
    b = blocks(year, "街道", "fj", t3, tpl, 9113, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.xinluo.gov.cn", "0597-2301234", tpl),
               review_sentence="2020年，街道未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=[ag, "2021年1月19日"])
    res = [("予以公开", ["granted"]), ("部分公开", ["partially_granted"]), ("不予公开", [c for c, _ in WITHHELD]),
           ("无法提供", [c for c, _ in UNAV]), ("不予处理", [c for c, _ in NOTP]), ("其他处理", ["other"])]
    cur = [t3_outcome_total(t3, cs) for _, cs in res]
    old = [1, 0, 1, 2, 0, 0]
    dat = tsv([["年度"] + [l for l, _ in res] + ["总计"], ["2019年"] + [str(x) for x in old] + [str(sum(old))],
               ["2020年"] + [str(x) for x in cur] + [str(sum(cur))]])
    b = ins(b, ("h", 2), ("raw", "图表数据：近两年办理结果（单位：件）\n" + dat))
    text = "\n".join(info) + "\n\n" + render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "龙岩市", "新罗区", "东城街道"], year, "township", "tsv+infographic",
                                   "2021-01-19"), tpl, t2, t3, t4,
           "Street office. Before the title, an infographic's text: `主动公开信息` / `326` / `条`, three `… xx 条` lines, "
           f"`依申请公开` / `{n['total']}` / `件`, a pie legend with counts and percent (`自然人 {n['natural_person']}件 "
           f"…%`, `法人或其他组织 …件 …%`: 法人或其他组织 is no table column, it is the sum of five), and `近三年申请量` "
           f"`2018 2019 2020` / `3 5 {n['total']}`. Under heading 三, before table 3, a chart's data table (TSV) "
           "transposed: header `年度 予以公开 部分公开 不予公开 无法提供 不予处理 其他处理 总计` (table 3's outcome words as "
           "columns), rows `2019年` (not cells) and `2020年` (group sums of the official table). Tables 2 and 4 all 0. "
           "2019 form.")


# ---------------------------------------------------------------- AG14 无锡 梁溪区住建局: three-year summary with table 3 labels after t3 (HTML)
def ag14():
    name = "js_district_bureau_five_year_summary_seven_columns_t3_labels_before_t3_html_liangxi_zhujian_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(9114, tpl, scale=1.0)
    t2 = t2_21(norm=(2, 1, 17), lic=1342, pen=87, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 1), "litigation_after_review": (0, 0, 1, 0)})
    ag = "无锡市梁溪区住房和城乡建设局"
    cur = yoy_values(t3, tpl)
    hist = []
    for k in range(4, 0, -1):  # 2019..2022: earlier years, consistent per year
        p = {"new_received": cur["new_received"] + 3 * k, "granted": cur["granted"] + k,
             "partially_granted": max(0, cur["partially_granted"] - (k % 2)), "withheld": k % 3,
             "unavailable": cur["unavailable"] + k, "not_processed": (k + 1) % 3, "other": k % 2}
        p["total_processed"] = sum(p[x] for x in ("granted", "partially_granted", "withheld", "unavailable",
                                                  "not_processed", "other"))
        hist.append(p)
    prevcf = 0
    for p in hist:
        p["carried_over"] = prevcf
        p["carried_forward"] = p["new_received"] + p["carried_over"] - p["total_processed"]
        assert p["carried_forward"] >= 0, p
        prevcf = p["carried_forward"]
    g = [["项目", "2019年", "2020年", "2021年", "2022年", "2023年", "五年合计", "比上年增减"]]
    for k, lab in YOY_ROWS:
        vals = [p[k] for p in hist] + [cur[k]]
        d = cur[k] - hist[-1][k]
        g.append([lab] + [str(v) for v in vals] + [str(sum(vals)), f"+{d}" if d > 0 else str(d)])
    b = blocks(year, "区住建局", "js", t3, tpl, 9114, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区住建局”）", year, "http://www.wxlx.gov.cn", "0510-82701234", tpl),
               signoff=[ag, "2024年1月22日"])
    b = ins(b, "t3", ("dc1",), after=False)
    tabs_ = html_tables(tpl, t2, t3, t4)
    tabs_["dc1"] = ("<p>2019年以来政府信息公开申请办理情况对比如下（单位：件）：</p>\n" + htmlt(g, "yoy")
                    + "\n<p>本年度政府信息公开申请情况（法定格式）如下：</p>")
    head = '<div class="crumb">首页 &gt; 信息公开 &gt; 部门 &gt; 区住建局 &gt; 年度报告</div>'
    text = page(f"{ag}2023年政府信息公开工作年度报告_无锡市梁溪区人民政府", head, body_html(b, tabs_),
                '<div class="foot">主办：无锡市梁溪区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["江苏省", "无锡市", "梁溪区"], year, "department", "html+yoy-table",
                                   "2024-01-22"), tpl, t2, t3, t4,
           "District bureau. Under heading 三, BEFORE the official table 3 (HTML), a `<table>` `2019年以来…对比` with table "
           "3's row labels (一、本年新收…, 二、上年结转…, （一）予以公开 … （七）总计, 四、结转下年度继续办理) and exactly seven "
           "number columns, as many as table 3 has: 2019年 / 2020年 / 2021年 / 2022年 / 2023年 / 五年合计 / 比上年增减. Its "
           "2023年 column equals the official 总计 column (groups summed); everything else is not a cell. Its rows "
           "obey 新收 + 结转 = 总计 + 结转下年度 per year, but not the applicant-row sums. The official table follows under "
           "`本年度…（法定格式）如下`. 2021 form.")


FX = [ag01, ag02, ag03, ag04, ag05, ag06, ag07, ag08, ag09, ag10, ag11, ag12, ag13, ag14]
