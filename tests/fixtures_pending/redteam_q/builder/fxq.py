"""redteam_q fixtures: metadata of 上海 / 福建 / 江苏 bodies that are not a plain 人民政府/局, on complete reports."""
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import html_tab, body_html, page, tabs
import kprose as P

CONGRESS = {2019: "党的十九大和十九届二中、三中、四中全会精神", 2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
            2021: "党的十九大和十九届历次全会精神"}


def blocks(year, we, flavor, t3, tpl, seed, **kw):
    b = P.blocks(year, we, flavor, t3, tpl, seed, **kw)
    if year in CONGRESS:
        b = [(blk[0], blk[1].replace("党的二十大精神", CONGRESS[year])) + blk[2:]
             if blk[0] in ("p", "h3") and isinstance(blk[1], str) else blk for blk in b]
    return b


def md(grid):
    w = max(len(r) for r in grid)
    rows = [r + [""] * (w - len(r)) for r in grid]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * w]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(out)


def tsv_tables(tpl, t2, t3, t4, blanks=(), t2_blanks=()):
    return {"t2": tabs(expand_first(t2_spans(tpl, t2, blanks=t2_blanks))),
            "t3": tabs(expand_first(t3_spans(tpl, t3, blanks=blanks))),
            "t4": tabs(expand_first(t4_spans(t4, blanks=blanks)))}


def md_tables(tpl, t2, t3, t4, blanks=()):
    return {"t2": md(expand_first(t2_spans(tpl, t2))), "t3": md(expand_first(t3_spans(tpl, t3, blanks=blanks))),
            "t4": md(expand_first(t4_spans(t4, blanks=blanks)))}


def html_tables(tpl, t2, t3, t4):
    return {"t2": html_tab(t2_spans(tpl, t2)), "t3": html_tab(t3_spans(tpl, t3)), "t4": html_tab(t4_spans(t4))}


def finish(name, ext, text, m, tpl, t2, t3, t4, notes, blanks=()):
    tr = truth(m, tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2), notes=notes)
    write(name, ext, text, tr)


# ---------------------------------------------------------------- Q1 上海 虹口区人民政府办公室, 2019 form, 市政府办公厅 everywhere
def q01():
    name = "sh_district_office_shi_bangongting_mentions_hongkou_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7101, tpl, scale=1.2)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(7, 186.42))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    ag = "上海市虹口区人民政府办公室"
    extra = ["根据《上海市人民政府办公厅关于做好2020年政府信息公开工作年度报告编制发布工作的通知》要求，参照上海市人民政府办公厅"
             "印发的年度报告格式，区政府办公室编制本报告。"]
    six = ["2020年，区政府办公室按照上海市人民政府办公厅《2020年上海市政务公开工作要点》部署，配合上海市人民政府办公厅完成政务公开第三方评估工作，"
           "参加上海市人民政府办公厅组织的政务公开业务培训3次；按照上海市人民政府办公厅要求，做好上海市虹口区人民政府门户网站"
           "政府信息公开专栏的维护，并报送上海市人民政府办公厅备案。",
           "区政府办公室同时承担上海市虹口区人民政府政府信息公开年度报告的汇总编制工作，该报告另行发布。"]
    b = blocks(year, "区政府办公室", "sh", t3, tpl, 7101, title=[f"{ag}2020年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}（以下简称“区政府办公室”）", year, "https://www.shhk.gov.cn", "021-25658000", tpl),
               six_extra=six, signoff=[ag, "2021年1月28日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "虹口区"], year, "department", "tsv", "2021-01-28"), tpl, t2, t3,
           t4, "The 区人民政府办公室's own report (title, 编制 sentence and sign-off): department of the district, region "
               "[上海市, null, 虹口区]. The body names 上海市人民政府办公厅 (the 上级) seven times, and 上海市虹口区人民政府 "
               "twice (its own report is published separately). 2019 form, year 2020, signed 2021. 规章 blank.")


# ---------------------------------------------------------------- Q2 上海 闵行区发改委: abbreviation in title, full name in 编制/sign-off
def q02():
    name = "sh_district_commission_abbrev_title_fagaiwei_minhang_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7102, tpl, scale=0.7)
    t2 = t2_21(norm=(2, 1, 14), lic=386, pen=9, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    ag = "上海市闵行区发展和改革委员会"
    b = blocks(year, "区发改委", "sh", t3, tpl, 7102, title=["闵行区发改委2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区发改委”）", year, "https://www.shmh.gov.cn", "021-64121234", tpl),
               six_extra=["区发改委按照上海市发展和改革委员会（市发改委）和区政府办公室的部署，做好价格、重大项目等领域信息公开。"],
               signoff=[ag, "2022年1月20日"])
    tables = md_tables(tpl, t2, t3, t4)
    text = render(b, tables, tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["上海市", None, "闵行区"], year, "department", "markdown", "2022-01-20"), tpl, t2,
           t3, t4, "Title prints only the abbreviation 闵行区发改委 (no 上海市, 发改委 for 发展和改革委员会); the full name "
                   "上海市闵行区发展和改革委员会 is in the 编制 sentence and the sign-off. Section 六 names 上海市发展和改革委员会 "
                   "(市发改委). Markdown pipe tables. Department of 闵行区.")


# ---------------------------------------------------------------- Q3 江苏 沭阳县发展和改革局 关于…年度报告
def q03():
    name = "js_county_bureau_guanyu_title_fgj_shuyang_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7103, tpl, scale=0.6)
    t2 = t2_21(norm=(1, 0, 3), lic=1254, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "沭阳县发展和改革局"
    six = ["本年度，我局认真落实宿迁市发展和改革委员会关于政务公开工作的部署，按照沭阳县人民政府办公室的要求，"
           "及时在沭阳县人民政府门户网站“部门信息公开”栏目更新重大项目、价格收费等信息。"]
    b = blocks(year, "县发展和改革局", "js", t3, tpl, 7103, title=[f"{ag}关于2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.shuyang.gov.cn", "0527-83592345", tpl), six_extra=six,
               review_sentence="2022年，县发展和改革局未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=[ag, "2023年1月13日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "宿迁市", "沭阳县"], year, "department", "tsv", "2023-01-13"), tpl, t2,
           t3, t4, "Title `沭阳县发展和改革局关于2022年政府信息公开工作年度报告` (关于 between agency and year; the "
                   "agency is not 沭阳县发展和改革局关于…). County bureau: department, region [江苏省, 宿迁市, 沭阳县]. "
                   "Body names 宿迁市发展和改革委员会, 沭阳县人民政府办公室 and 沭阳县人民政府. Table 4 all 0.")


# ---------------------------------------------------------------- Q4 江苏 淮安 市场监管 开发区分局, 2-line title, blank 科研机构 column
def q04():
    name = "js_city_bureau_zone_branch_abbrev_2line_title_huaian_scjg_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7104, tpl, scale=1.0)
    for r in t3:
        t3[r]["research_institution"] = 0
        t3[r]["total"] = sum(t3[r][c] for c in PARTS)
    check_t3(t3, tpl)
    t2 = t2_19(norm=(0, 0, 0), lic=(12, 0, 2864), oth=(5, 1, 316), pen=(41, -3, 427), coe=(7, 0, 18), fees=(0, 0),
               proc=(0, 0))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    blanks = {f"table3.{r}.research_institution" for r in t3}
    ag = "淮安市市场监督管理局经济技术开发区分局"
    six = ["分局按照淮安市市场监督管理局（市局）和淮安经济技术开发区管理委员会的统一部署，落实市局政务公开工作要点；"
           "淮安经济技术开发区管理委员会政务公开办公室对分局信息公开工作进行了两次检查，市局对分局年度工作给予通报表扬。"]
    b = blocks(year, "分局", "js", t3, tpl, 7104, title=["淮安市市场监管局经开区分局", "2020年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://www.hda.gov.cn", "0517-83712345", tpl), six_extra=six,
               signoff=[ag, "2021年1月22日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4, blanks=blanks)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "淮安市"], year, "department", "tsv", "2021-01-22"), tpl, t2, t3, t4,
           "A 分局 of a city bureau (淮安市市场监督管理局) for a development zone: department; region ends at the city "
           "[江苏省, 淮安市] (the zone is not a county, as for a zone 管委会). Title on two lines, the first the abbreviation `淮安市市场监管局经开区分局` (市场监管局 = 市场监督管理局, 经开区 = 经济技术开发区); the full name 淮安市市场监督管理局经济技术开发区分局 is in the 编制 sentence and the sign-off. "
           "The body names 淮安市市场监督管理局 and 淮安经济技术开发区管理委员会. Table 3's 科研机构 column is blank "
           "throughout (23 cells derived 0 by the row sums). 2019 form with a negative change (-3).", blanks=blanks)


# ---------------------------------------------------------------- Q5 江苏 南京 鼓楼区人民政府宁海路街道办事处, title names the street only
def q05():
    name = "js_street_place_only_title_renmin_zhengfu_infix_ninghailu_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7105, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=23, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "南京市鼓楼区人民政府宁海路街道办事处"
    b = blocks(year, "宁海路街道", "js", t3, tpl, 7105, title=[], small=True,
               intro=P.std_intro(ag, year, "http://www.njgl.gov.cn", "025-83712345", tpl),
               six_extra=["街道按照鼓楼区人民政府办公室的要求，在南京市鼓楼区人民政府门户网站设置街道信息公开专栏。"],
               signoff=[ag, "2022年1月25日"])
    title = "宁海路街道2021年政府信息公开工作年度报告"
    head = ('<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 街道信息公开 &gt; 宁海路街道 &gt; 年度报告</div>\n'
            f'<h1 class="title">{title}</h1>\n<div class="info">发布日期：2022-01-25　来源：宁海路街道</div>')
    text = page(title, head, body_html(b, html_tables(tpl, t2, t3, t4), title_tag="h1"), "")
    finish(name, "html", text, meta(ag, ["江苏省", "南京市", "鼓楼区", "宁海路街道"], year, "township", "html",
                                    "2022-01-25"), tpl, t2, t3, t4,
           "Title names only the street (宁海路街道…), without city, district or 办事处. The 编制 sentence and sign-off "
           "name the body in its full 江苏 form 南京市鼓楼区人民政府宁海路街道办事处 (with 人民政府 between the "
           "district and the street): agency is that full name as printed; township, region "
           "[江苏省, 南京市, 鼓楼区, 宁海路街道]. Also names 南京市鼓楼区人民政府 (portal). HTML tables with rowspans.")


# ---------------------------------------------------------------- Q6 上海 临港新片区管委会, 2-line title with 2022年度
def q06():
    name = "sh_ftz_committee_title_split_mid_name_niandu_lingang_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7106, tpl, scale=1.6)
    t2 = t2_21(norm=(6, 2, 41), lic=5312, pen=184, coe=3, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 1, 1), "litigation_direct": (1, 0, 0, 0)})
    ag = "中国（上海）自由贸易试验区临港新片区管理委员会"
    extra = ["临港新片区管委会是上海市人民政府的派出机构，新片区范围涉及浦东新区、奉贤区、闵行区的部分区域。"]
    six = ["管委会与浦东新区人民政府、奉贤区人民政府、闵行区人民政府建立政务公开协同机制，按照上海市人民政府办公厅的部署推进新片区政务公开。"]
    b = blocks(year, "临港新片区管委会", "sh", t3, tpl, 7106,
               title=["中国（上海）自由贸易试验区临港新片区", "管理委员会2022年度政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}（以下简称“临港新片区管委会”）", year, "https://www.lingang.gov.cn", "021-68281234", tpl),
               six_extra=six, signoff=[ag, "2023年1月17日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市"], year, "department", "tsv", "2023-01-17"), tpl, t2, t3, t4,
           "Free-trade-zone new-area committee, a 派出机构 of the 上海市人民政府: department of 上海市 (the README's "
           "development-zone 管委会 rule; it is no administrative division), region [上海市]. Judgement call: county "
           "level would be the 'comprehensive zone' reading; the body is a 管委会 over parts of three districts, so not a "
           "district. Title wrapped inside the name: `中国（上海）自由贸易试验区临港新片区` / `管理委员会2022年度政府信息公开工作年度报告` (the second line alone is not the agency); the full name is also in the 编制 sentence and sign-off. The name has full-width "
           "parentheses （上海）. Decoy places: 浦东新区, 奉贤区, 闵行区 (and their governments).")


# ---------------------------------------------------------------- Q7 福建 福州高新区管委会, decoy 闽侯县
def q07():
    name = "fj_hightech_zone_committee_decoy_county_fuzhou_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7107, tpl, scale=0.8)
    t2 = t2_19(norm=(3, 3, 17), lic=(38, 4, 1562), oth=(12, -1, 204), pen=(15, 0, 36), coe=(2, 0, 0), fees=(1, 0),
               proc=(23, 4312.6))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "福州高新技术产业开发区管理委员会"
    extra = ["福州高新区位于闽侯县境内，托管闽侯县南屿镇、上街镇部分区域。"]
    six = ["高新区按照福州市人民政府办公厅的部署开展政务公开工作，配合闽侯县人民政府做好托管区域的信息公开衔接。"]
    b = blocks(year, "高新区管委会", "fj", t3, tpl, 7107, title=[f"{ag}2019年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}（以下简称“高新区管委会”）", year, "http://gxq.fuzhou.gov.cn", "0591-22851234", tpl),
               six_extra=six, signoff=[ag, "2020年1月20日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "福州市"], year, "department", "tsv", "2020-01-20"), tpl, t2, t3, t4,
           "High-tech zone 管委会: department of its city (README rule), region [福建省, 福州市]. The zone lies in 闽侯县 "
           "and the prose says so (托管闽侯县南屿镇、上街镇) and names 闽侯县人民政府: not its county. 2019 form, "
           "procurement 4312.6 万元, negative change -1.")


# ---------------------------------------------------------------- Q8 福建 晋江市陈埭镇, 二〇一九年 title
def q08():
    name = "fj_town_cn_numeral_year_title_chendai_jinjiang_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7108, tpl, scale=0.9)
    t2 = t2_19(norm=(0, 0, 2), lic=(3, 0, 158), oth=(8, 2, 1367), pen=(4, 0, 61), coe=(1, 0, 2), fees=(0, 0),
               proc=(4, 86.5))
    t4 = mk_t4({"litigation_direct": (1, 0, 0, 0)})
    ag = "晋江市陈埭镇人民政府"
    b = blocks(year, "陈埭镇", "fj", t3, tpl, 7108, title=[f"{ag}二〇一九年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.jinjiang.gov.cn", "0595-85181234", tpl,
                                 period="自二〇一九年一月一日起至二〇一九年十二月三十一日止"),
               six_extra=["与2018年相比，主动公开信息增加12%；2020年将按照晋江市人民政府和泉州市人民政府办公室要求继续推进基层政务公开标准化。"],
               signoff=[ag, "二〇二〇年一月二十日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "泉州市", "晋江市", "陈埭镇"], year, "township", "tsv", "2020-01-20"),
           tpl, t2, t3, t4,
           "Town of a 县级市 (晋江市, 泉州市). The title's year is in Chinese numerals (二〇一九年), as are the statistics "
           "period and the signature date (二〇二〇年一月二十日); the prose's first line says 2019年 but ASCII decoys 2018 and "
           "2020 follow in section 六. 2019 form.")


# ---------------------------------------------------------------- Q9 福建 屏南县屏城乡, published 2023 about 2022, both years by the title
def q09():
    name = "fj_township_xiang_pub_year_by_title_pingcheng_pingnan_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7109, tpl, scale=0.3, orgs=False)
    t2 = t2_21(norm=(0, 0, 1), lic=42, pen=6, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "屏南县屏城乡人民政府"
    b = blocks(year, "屏城乡", "fj", t3, tpl, 7109, title=[], small=True,
               intro=P.std_intro(ag, year, "http://www.pingnan.gov.cn", "0593-3312345", tpl),
               six_extra=["屏城乡按照屏南县人民政府办公室和宁德市人民政府办公室的要求，在屏南县人民政府门户网站乡镇信息公开专栏发布信息。"],
               signoff=[ag, "2023年1月18日"])
    pre = ["屏南县人民政府门户网站 > 政务公开 > 乡镇信息公开 > 屏城乡",
           f"{ag}2022年政府信息公开工作年度报告",
           "发布时间：2023-01-18 09:30　信息来源：屏城乡　责任编辑：屏南县人民政府办公室",
           "【2023年1月发布·2022年度】"]
    tables = md_tables(tpl, t2, t3, t4)
    text = "\n".join(pre) + "\n\n" + render(b, tables, hfmt="**{}**", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["福建省", "宁德市", "屏南县", "屏城乡"], year, "township", "markdown",
                                  "2023-01-18"), tpl, t2, t3, t4,
           "A 乡 (not 镇) of 屏南县, 宁德市: township. Published 2023-01-18 about 2022: right under the title a "
           "发布时间 line (2023) and a `【2023年1月发布·2022年度】` line print both years; year 2022. Breadcrumb and "
           "责任编辑 name 屏南县人民政府(办公室); the body names 宁德市人民政府办公室. Only natural persons and 商业企业 / "
           "法律服务机构 applied; markdown pipes, bold headings.")


# ---------------------------------------------------------------- Q10 江苏 南京 建邺区卫生健康委员会, 2-line 年度 title, 上级 mentions
def q10():
    name = "js_district_health_commission_2line_niandu_jianye_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7110, tpl, scale=0.9)
    t2 = t2_21(norm=(1, 1, 5), lic=2187, pen=312, coe=4, fee=0)
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    ag = "南京市建邺区卫生健康委员会"
    six = ["区卫健委按照南京市卫生健康委员会的部署和南京市建邺区人民政府办公室的要求推进卫生健康领域基层政务公开标准化；"
           "南京市卫生健康委员会对区卫健委2021年医疗卫生信息公开工作进行了督导，区卫健委按南京市卫生健康委员会意见完成整改。"]
    b = blocks(year, "区卫健委", "js", t3, tpl, 7110, title=[ag, "2021年度政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区卫健委”）", year, "http://www.njjy.gov.cn", "025-87781234", tpl),
               six_extra=six, signoff=[ag, "2022年1月26日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "南京市", "建邺区"], year, "department", "tsv", "2022-01-26"), tpl, t2,
           t3, t4, "District 卫生健康委员会 (a 委员会 that is a department, not a 管委会): department of 建邺区. Title on two "
                   "lines, the second `2021年度政府信息公开工作年度报告`. The body names 南京市卫生健康委员会 three times and "
                   "南京市建邺区人民政府办公室.")


# ---------------------------------------------------------------- Q11 江苏 苏州市公共资源交易中心, 索引号/发文机关/成文日期 grid before the title
def q11():
    name = "js_city_centre_meta_grid_before_title_ggzy_suzhou_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7111, tpl, scale=0.5)
    t2 = t2_19(norm=(2, 2, 11), lic=(0, 0, 0), oth=(4, 0, 3841), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(0, 0))
    t4 = mk_t4({})
    ag = "苏州市公共资源交易中心"
    grid = ["索引号：\t014000319/2021-00027\t主题分类：\t综合政务/政务公开",
            "发文机关：\t苏州市公共资源交易中心\t成文日期：\t2021-01-22",
            "标　　题：\t苏州市公共资源交易中心2020年政府信息公开工作年度报告",
            "文　　号：\t\t发布日期：\t2021-01-25",
            "体裁分类：\t年度报告\t有效性：\t有效"]
    six = ["中心根据苏州市人民政府办公室、苏州市行政审批局的部署开展工作，交易信息同步在“苏州市公共资源交易平台”和江苏省公共资源交易平台公开。"]
    b = blocks(year, "中心", "js", t3, tpl, 7111, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://ggzy.suzhou.gov.cn", "0512-68681234", tpl), six_extra=six,
               signoff=[ag, "2021年1月22日"])
    text = "\n".join(grid) + "\n" + render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市"], year, "department", "tsv", "2021-01-25"), tpl, t2, t3, t4,
           "A 中心 (公共资源交易中心) of the city: department, region [江苏省, 苏州市]. The report starts with the 江苏 portal's "
           "metadata grid as tab-separated lines (索引号 / 发文机关 / 成文日期 2021-01-22 / 标题 / 发布日期 2021-01-25 …), "
           "then the title. Body names 苏州市人民政府办公室 and 苏州市行政审批局. Table 4 all 0; 2019 form with "
           "other_admin_services 3841.")


# ---------------------------------------------------------------- Q12 福建 国家税务总局福清市税务局 (vertical), HTML
def q12():
    name = "fj_vertical_tax_bureau_short_title_fuqing_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7112, tpl, scale=0.8)
    t2 = t2_19(norm=(0, 0, 0), lic=(1, 0, 96), oth=(0, 0, 0), pen=(3, 0, 1208), coe=(2, 0, 37), fees=(0, 0),
               proc=(2, 58.3))
    t4 = mk_t4({"admin_review": (0, 1, 0, 0)})
    ag = "国家税务总局福清市税务局"
    extra = ["按照国家税务总局、国家税务总局福建省税务局和国家税务总局福州市税务局的统一部署，我局编制本报告。"]
    six = ["我局在国家税务总局福建省税务局网站“政府信息公开”专栏和福清市人民政府门户网站同步公开本报告；"
           "国家税务总局福州市税务局对我局政务公开工作开展了专项检查。"]
    b = blocks(year, "我局", "fj", t3, tpl, 7112, title=[], extra_intro=extra,
               intro=P.std_intro(ag, year, "https://fujian.chinatax.gov.cn", "0591-85221234", tpl),
               six_extra=six, signoff=[ag, "2021年1月19日"])
    title = "福清市税务局2020年政府信息公开工作年度报告"
    head = ('<div class="crumb">首页 &gt; 信息公开 &gt; 政府信息公开年报</div>\n'
            f'<h2>{title}</h2>\n<div class="info">来源：国家税务总局福清市税务局　发布时间：2021-01-19</div>')
    text = page(title + "_国家税务总局福建省税务局", head, body_html(b, html_tables(tpl, t2, t3, t4), title_tag="h2"), "")
    finish(name, "html", text, meta(ag, ["福建省", "福州市", "福清市"], year, "department", "html", "2021-01-19"),
           tpl, t2, t3, t4,
           "Vertically managed tax bureau of a 县级市: the name starts with 国家税务总局 (a central body) but the report is "
           "the 福清市 bureau's: department, region [福建省, 福州市, 福清市]. The title (<h2> and <title>) prints the short form 福清市税务局; the full name 国家税务总局福清市税务局 is in the 编制 sentence, the 来源 line and the sign-off. Page <title> ends with 国家税务总局福建省税务局; the "
           "prose names 国家税务总局, its 福建省 and 福州市 税务局 and 福清市人民政府. HTML with rowspans; 2019 form.")


# ---------------------------------------------------------------- Q13 福建 莆田 城厢区住建局: title without any agency
def q13():
    name = "fj_district_bureau_title_year_only_zjj_chengxiang_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(7113, tpl, scale=0.7)
    t2 = t2_21(norm=(1, 2, 8), lic=924, pen=57, coe=1, fee=0)
    t4 = mk_t4({"litigation_direct": (0, 0, 1, 0)})
    ag = "莆田市城厢区住房和城乡建设局"
    six = ["我局按照莆田市住房和城乡建设局和城厢区人民政府办公室的部署，做好住房保障、建筑市场等领域信息公开。"]
    b = blocks(year, "我局", "fj", t3, tpl, 7113, title=["2023年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://www.ptcx.gov.cn", "0594-2681234", tpl), six_extra=six,
               signoff=[ag, "2024年1月22日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "莆田市", "城厢区"], year, "department", "tsv", "2024-01-22"), tpl, t2,
           t3, t4, "The title is only `2023年政府信息公开工作年度报告` (as on the bureau's own column); the agency appears "
                   "only in the 编制 sentence (由莆田市城厢区住房和城乡建设局编制) and the sign-off. The body also names "
                   "莆田市住房和城乡建设局 and 城厢区人民政府办公室. Department of 城厢区; signed 2024.")


# ---------------------------------------------------------------- Q14 江苏 海安市: title names only the place, 编制 by the 办公室
def q14():
    name = "js_county_city_place_only_title_bangongshi_bianzhi_haian_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7114, tpl, scale=2.2)
    t2 = t2_19(norm=(9, 9, 46), lic=(312, -14, 28461), oth=(127, 6, 9318), pen=(486, 12, 3127), coe=(38, -2, 94),
               fees=(17, -1), proc=(156, 38217.45))
    t4 = mk_t4({"admin_review": (4, 1, 1, 0), "litigation_direct": (2, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "海安市人民政府"
    b = blocks(year, "市政府", "js", t3, tpl, 7114, title=["海安市", "2020年政府信息公开工作年度报告"],
               intro=P.std_intro("海安市人民政府办公室", year, "http://www.haian.gov.cn", "0513-88121234", tpl),
               six_extra=["本报告同时报送南通市人民政府办公室。"], signoff=[ag, "2021年1月29日"])
    tables = md_tables(tpl, t2, t3, t4)
    text = render(b, tables, tfmt="{}", hfmt="### {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["江苏省", "南通市", "海安市"], year, "county", "markdown", "2021-01-29"), tpl, t2,
           t3, t4, "Title on two lines naming only the place (海安市 / 2020年政府信息公开工作年度报告): the report is the "
                   "city government's (海安市人民政府, as the sign-off prints), county level (县级市 under 南通市). The 编制 "
                   "sentence says 由海安市人民政府办公室编制 (the office that drafted it, not the body). Big 2019-form numbers "
                   "(28461 许可, 38217.45 万元).")


FX = [q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14]
