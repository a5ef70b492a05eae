"""redteam_y fixtures: how reports arrange their sections and where the tables sit (上海 / 福建 / 江苏).
Each fixture takes the standard report blocks (redteam_q's `blocks`, kprose prose) and rearranges them:
other heading numbering, merged / reworded / missing sections, tables moved away from their headings."""
import html as H
from core import *  # noqa
from lhelp import *  # noqa
from fxm1 import page
from fxq import blocks, tsv_tables, html_tables, md_tables
import kprose as P

SEC = P.SEC
CN = "一二三四五六"


# ---------------------------------------------------------------- block surgery
def at(b, kind, i=None):
    for n, blk in enumerate(b):
        if blk[0] == kind and (i is None or (len(blk) > 1 and blk[1] == i)):
            return n
    raise KeyError((kind, i))


def take(b, kind):
    n = at(b, kind)
    return b.pop(n)


def sec_end(b, i):
    """index one past the last block of section i (the next heading, the first sign-off line or the end)."""
    n = at(b, "h", i) + 1
    while n < len(b) and b[n][0] not in ("h", "sign"):
        n += 1
    return n


def heads(b, fn):
    """replace each ('h', i) by ('hx', fn(i)); fn(i) None drops the heading."""
    out = []
    for blk in b:
        if blk[0] == "h":
            t = fn(blk[1])
            if t is not None:
                out.append(("hx", t))
        else:
            out.append(blk)
    return out


def retag_subs(b, fn):
    """the five 总体情况 sub-paragraphs start with （一）…（五）: rewrite the tag with fn(k)."""
    lo, hi = at(b, "h", 0), at(b, "h", 1)
    for n in range(lo, hi):
        blk = b[n]
        if blk[0] == "p" and blk[1][:1] == "（" and blk[1][2:3] == "）" and blk[1][1] in CN:
            b[n] = ("p", fn(CN.index(blk[1][1])) + blk[1][3:])
    return b


def sub_at(b, k):
    """index of the 总体情况 sub-paragraph k (0-based, tag （一）…)."""
    lo, hi = at(b, "h", 0), at(b, "h", 1)
    for n in range(lo, hi):
        if b[n][0] == "p" and b[n][1].startswith(f"（{CN[k]}）"):
            return n
    raise KeyError(k)


# ---------------------------------------------------------------- renderers
def txt(b, tables):
    out = []
    for blk in b:
        k = blk[0]
        if k in ("t2", "t3", "t4"):
            out.append(tables[k])
        elif k == "h":
            out.append(P.heading(blk[1]))
        else:
            out.append(blk[1])
    return "\n".join(out) + "\n"


def htm(b, tables, hfmt="<p><strong>{}</strong></p>"):
    out = []
    for blk in b:
        k = blk[0]
        e = (lambda: H.escape(blk[1], quote=False))
        if k in ("t2", "t3", "t4"):
            out.append(tables[k])
        elif k == "title":
            out.append(f'<h1 class="title">{e()}</h1>')
        elif k == "h":
            out.append(hfmt.format(H.escape(P.heading(blk[1]), quote=False)))
        elif k == "hx":
            out.append(hfmt.format(e()))
        elif k == "cap":
            out.append(f'<p style="text-align:center"><strong>{e()}</strong></p>')
        elif k == "sign":
            out.append(f'<p style="text-align:right">{e()}</p>')
        else:
            out.append(f'<p style="text-indent:2em">{e()}</p>')
    return '<div class="article-content">\n' + "\n".join(out) + "\n</div>"


def portal(title, site, date, body, source):
    head = (f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>\n'
            f'<div class="meta">发布日期：{date}　信息来源：{source}</div>')
    return page(f"{title}_{site}", head, body, f'<div class="footer">主办：{site}　版权所有</div>')


def finish(name, ext, text, m, tpl, t2, t3, t4, notes, headings=None, incons=(), blanks=()):
    extra = {"source_inconsistencies": list(incons)}
    if headings:
        extra["section_headings"] = headings
    tr = truth(m, tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2), notes=notes, extra=extra)
    write(name, ext, text, tr)


def std_heads():
    return {str(i + 1): P.heading(i) for i in range(6)}


# ---------------------------------------------------------------- Y1 上海 黄浦区人民政府: 第一部分…第六部分, sub-items 一、…五、
def y01():
    name = "sh_district_gov_diyibufen_headings_sub_yi_huangpu_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7301, tpl, scale=1.5)
    t2 = t2_19(norm=(2, 2, 37), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(4, 125.6))
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (2, 0, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市黄浦区人民政府"
    b = blocks(year, "区政府", "sh", t3, tpl, 7301, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "https://www.shhuangpu.gov.cn", "021-33134800", tpl),
               signoff=[ag, "2021年1月29日"])
    retag_subs(b, lambda k: f"{CN[k]}、")
    hs = [f"第{CN[i]}部分 {SEC[i]}" for i in range(6)]
    b = heads(b, lambda i: hs[i])
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["上海市", None, "黄浦区"], year, "county", "tsv", "2021-01-29"), tpl, t2, t3, t4,
           "Sections are headed 第一部分 总体情况 … 第六部分 其他需要报告的事项; inside 第一部分 the five sub-items are "
           "numbered 一、主动公开 … 五、监督保障 (the numbering the standard form uses for the sections), so `三、政府信息管理` "
           "and `五、监督保障` sit where a reader of the standard form expects sections 三 and 五. Tables 2-4 sit under "
           "their own 第N部分 headings. District government, 2019 form, TSV; 规章 blank.",
           headings={str(i + 1): hs[i] for i in range(6)})


# ---------------------------------------------------------------- Y2 福建 仓山区政府办: （一）…（六） headings, sub-items 1.…5., HTML
def y02():
    name = "fj_district_office_paren_yi_headings_html_cangshan_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7302, tpl, scale=0.5)
    t2 = t2_21(norm=(1, 0, 6), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "福州市仓山区人民政府办公室"
    b = blocks(year, "区政府办", "fj", t3, tpl, 7302, title=[f"{ag}2022年政府信息公开工作年度报告"], subnum="arabic",
               intro=P.std_intro(f"{ag}（以下简称“区政府办”）", year, "http://www.fzcangshan.gov.cn", "0591-83452710", tpl),
               signoff=[ag, "2023年1月17日"])
    hs = [f"（{CN[i]}）{SEC[i]}" for i in range(6)]
    b = heads(b, lambda i: hs[i])
    title = f"{ag}2022年政府信息公开工作年度报告"
    text = portal(title, "福州市仓山区人民政府", "2023-01-17", htm(b, html_tables(tpl, t2, t3, t4)), ag)
    finish(name, "html", text, meta(ag, ["福建省", "福州市", "仓山区"], year, "department", "html", "2023-01-17"), tpl,
           t2, t3, t4,
           "Portal HTML. The six sections are headed （一）总体情况 … （六）其他需要报告的事项 in bold paragraphs, and the "
           "总体情况 sub-items are 1.主动公开 … 5.监督保障; table 3's own rows are （一）予以公开 … （七）总计 with 1./2./3. "
           "sub-rows, so section headings and table row labels share one numbering style. 2021 form, small numbers.",
           headings={str(i + 1): hs[i] for i in range(6)})


# ---------------------------------------------------------------- Y3 江苏 江宁区教育局: 1.…6. headings, sub-items （一）…
def y03():
    name = "js_district_bureau_arabic_dot_headings_jiangning_edu_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7303, tpl, scale=0.9)
    t2 = t2_19(norm=(3, 3, 21), lic=(4, 0, 37), oth=(2, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(6, 318.4))
    t4 = mk_t4({"admin_review": (0, 0, 0, 1)})
    ag = "南京市江宁区教育局"
    b = blocks(year, "区教育局", "js", t3, tpl, 7303, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://www.jiangning.gov.cn", "025-52281234", tpl),
               signoff=[ag, "2021年1月20日"])
    hs = [f"{i + 1}.{SEC[i]}" for i in range(6)]
    b = heads(b, lambda i: hs[i])
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["江苏省", "南京市", "江宁区"], year, "department", "tsv", "2021-01-20"), tpl, t2,
           t3, t4,
           "Sections headed 1.总体情况 … 6.其他需要报告的事项 (Arabic numeral and a dot, no 一、), sub-items （一）…（五）; "
           "table 3's sub-rows are also 1.属于国家秘密 … 8.属于行政查询事项, so a `3.` line is a heading only outside the "
           "tables. 2019 form, TSV; 规章 blank.",
           headings={str(i + 1): hs[i] for i in range(6)})


# ---------------------------------------------------------------- Y4 上海 徐汇区市场监管局: bold headings without numbers, HTML
def y04():
    name = "sh_district_bureau_bold_unnumbered_headings_html_xuhui_scjg_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7304, tpl, scale=1.1)
    t2 = t2_19(norm=(0, 0, 0), lic=(27, 0, 4862), oth=(6, 1, 213), pen=(34, 2, 617), coe=(8, 0, 41), fees=(0, 0),
               proc=(0, 0))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (0, 0, 1, 0)})
    ag = "上海市徐汇区市场监督管理局"
    b = blocks(year, "区市场监管局", "sh", t3, tpl, 7304, title=[f"{ag}2019年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区市场监管局”）", year, "https://www.xuhui.gov.cn", "021-64872222", tpl),
               signoff=[ag, "2020年1月22日"])
    b = heads(b, lambda i: SEC[i])
    title = f"{ag}2019年政府信息公开工作年度报告"
    text = portal(title, "上海市徐汇区人民政府", "2020-01-22",
                  htm(b, html_tables(tpl, t2, t3, t4), hfmt='<p style="text-indent:2em"><b>{}</b></p>'), ag)
    finish(name, "html", text, meta(ag, ["上海市", None, "徐汇区"], year, "department", "html", "2020-01-22"), tpl, t2,
           t3, t4,
           "Portal HTML whose six section headings carry no number at all: bold paragraphs `总体情况`, `主动公开政府信息情况`, "
           "`收到和处理政府信息公开申请情况`, `政府信息公开行政复议、行政诉讼情况`, `存在的主要问题及改进情况`, "
           "`其他需要报告的事项`, each followed by its prose or table in the usual order. 2019 form, large 许可 counts.",
           headings={str(i + 1): SEC[i] for i in range(6)})


# ---------------------------------------------------------------- Y5 江苏 吴江区政府: 三、四 merged under one heading
def y05():
    name = "js_district_gov_sections_3_4_merged_wujiang_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7305, tpl, scale=1.8)
    t2 = t2_21(norm=(6, 2, 48), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (3, 0, 1, 0), "litigation_after_review": (1, 0, 0, 1)})
    ag = "苏州市吴江区人民政府"
    b = blocks(year, "区政府", "js", t3, tpl, 7305, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.wujiang.gov.cn", "0512-63982345", tpl),
               t3_sentence="（一）收到和处理政府信息公开申请情况",
               review_sentence="（二）政府信息公开行政复议、行政诉讼情况",
               signoff=[ag, "2022年1月24日"])
    hs = {0: "一、总体情况", 1: "二、主动公开政府信息情况", 2: "三、收到和处理政府信息公开申请及行政复议、行政诉讼情况",
          3: None, 4: "四、存在的主要问题及改进情况", 5: "五、其他需要报告的事项"}
    b = heads(b, lambda i: hs[i])
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市", "吴江区"], year, "county", "tsv", "2022-01-24"), tpl, t2, t3,
           t4,
           "Sections 三 and 四 are merged under one heading `三、收到和处理政府信息公开申请及行政复议、行政诉讼情况`, with "
           "sub-headings （一）收到和处理… (table 3) and （二）…行政复议、行政诉讼情况 (table 4); the later sections are "
           "renumbered 四、存在的主要问题及改进情况 and 五、其他需要报告的事项. Every standard section is present by topic, "
           "so sections_present is 1-6 (section_headings maps the topics). The intro still lists the six standard topics. "
           "District government, 2021 form, TSV, busy table 4.",
           headings={"1": hs[0], "2": hs[1], "3": hs[2], "4": hs[2], "5": hs[4], "6": hs[5]})


# ---------------------------------------------------------------- Y6 福建 思明区鹭江街道: reworded headings
def y06():
    name = "fj_street_office_reworded_headings_lujiang_siming_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(7306, tpl, scale=0.25, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "厦门市思明区人民政府鹭江街道办事处"
    b = blocks(year, "街道", "fj", t3, tpl, 7306, title=[f"{ag}2023年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“街道”）", year, "http://www.siming.gov.cn", "0592-2022345", tpl),
               signoff=[ag, "2024年1月12日"])
    hs = ["一、总体情况", "二、主动公开情况", "三、依申请公开情况", "四、复议诉讼情况", "五、问题及改进", "六、其他事项"]
    b = heads(b, lambda i: hs[i])
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["福建省", "厦门市", "思明区", "鹭江街道"], year, "township", "tsv", "2024-01-12"),
           tpl, t2, t3, t4,
           "Street office with shortened section headings: 二、主动公开情况, 三、依申请公开情况, 四、复议诉讼情况, "
           "五、问题及改进, 六、其他事项 (no 政府信息, no 收到和处理, no 行政). The title, "
           "编制 sentence and sign-off print the full name 厦门市思明区人民政府鹭江街道办事处. 2021 form, tables 2 and 4 "
           "all 0, few applications, only natural persons and two organisation columns used.",
           headings={str(i + 1): hs[i] for i in range(6)})


# ---------------------------------------------------------------- Y7 江苏 昆山市周市镇: no section 六 at all
def y07():
    name = "js_town_no_section_six_zhoushi_kunshan_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7307, tpl, scale=0.3, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(2, 1, 26), coe=(0, 0, 0), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    ag = "昆山市周市镇人民政府"
    b = blocks(year, "镇政府", "js", t3, tpl, 7307, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.ks.gov.cn", "0512-57621234", tpl),
               signoff=[ag, "2021年1月26日"])
    lo, hi = at(b, "h", 5), sec_end(b, 5)
    del b[lo:hi]
    b = heads(b, lambda i: f"**{P.heading(i)}**")
    b = [("title", "# " + blk[1]) if blk[0] == "title" else blk for blk in b]
    text = "\n\n".join(txt([blk], md_tables(tpl, t2, t3, t4)).rstrip("\n") for blk in b) + "\n"
    finish(name, "md", text, meta(ag, ["江苏省", "苏州市", "昆山市", "周市镇"], year, "township", "markdown", "2021-01-26",
                                   sections=[1, 2, 3, 4, 5]), tpl, t2, t3, t4,
           "Town government report that stops after 五、存在的主要问题及改进情况: there is no section 六 (no heading, no fee "
           "sentence), the sign-off follows the 五 prose directly, so sections_present is 1-5. The intro still lists the "
           "six topics. Markdown: `# ` title, section headings as bold paragraphs `**一、总体情况**`, pipe tables. 2019 form; 规章 blank; a small 行政处罚 row.",
           headings={str(i + 1): P.heading(i) for i in range(5)})


# ---------------------------------------------------------------- Y8 上海 嘉定区安亭镇: 六 present with only 无, HTML
def y08():
    name = "sh_town_section_six_only_wu_html_anting_jiading_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7308, tpl, scale=0.45)
    t2 = t2_21(norm=(0, 0, 2), lic=0, pen=118, coe=3, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    ag = "上海市嘉定区安亭镇人民政府"
    b = blocks(year, "镇政府", "sh", t3, tpl, 7308, title=[f"{ag}2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.jiading.gov.cn", "021-59578888", tpl),
               signoff=[ag, "2023年1月19日"])
    lo, hi = at(b, "h", 5), sec_end(b, 5)
    b[lo + 1:hi] = [("p", "无")]
    b = heads(b, P.heading)
    title = f"{ag}2022年政府信息公开工作年度报告"
    text = portal(title, "上海市嘉定区人民政府", "2023-01-19", htm(b, html_tables(tpl, t2, t3, t4)), ag)
    finish(name, "html", text, meta(ag, ["上海市", None, "嘉定区", "安亭镇"], year, "township", "html", "2023-01-19"),
           tpl, t2, t3, t4,
           "Portal HTML of a town; section 六、其他需要报告的事项 is present but its whole body is the single word `无` "
           "(no fee sentence), followed by the sign-off. sections_present 1-6 (the heading is printed). 2021 form, small "
           "numbers, a 行政处罚 count from the town's 综合执法.",
           headings=std_heads())


# ---------------------------------------------------------------- Y9 福建 晋江市政府: 附表1-3 gathered after 六 and the sign-off
def y09():
    name = "fj_county_city_gov_tables_as_futables_after_signoff_jinjiang_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7309, tpl, scale=2.2)
    t2 = t2_21(norm=(4, 1, 33), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (5, 0, 2, 1), "litigation_direct": (2, 1, 0, 1), "litigation_after_review": (0, 0, 0, 1)})
    ag = "晋江市人民政府"
    b = blocks(year, "市政府", "fj", t3, tpl, 7309, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.jinjiang.gov.cn", "0595-85682345", tpl),
               t2_sentence="2021年，市政府主动公开政府信息情况详见附表1。",
               t3_sentence="2021年，市政府收到和处理政府信息公开申请情况详见附表2。",
               review_sentence="2021年，市政府政府信息公开行政复议、行政诉讼情况详见附表3。",
               signoff=[ag, "2022年1月21日"])
    tabs_ = [take(b, "t2"), take(b, "t3"), take(b, "t4")]
    b += [("cap", "附表1"), ("cap", "主动公开政府信息情况"), tabs_[0],
          ("cap", "附表2"), ("cap", "收到和处理政府信息公开申请情况"), tabs_[1],
          ("cap", "附表3"), ("cap", "政府信息公开行政复议、行政诉讼情况"), tabs_[2]]
    b = heads(b, P.heading)
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["福建省", "泉州市", "晋江市"], year, "county", "tsv", "2022-01-21"), tpl, t2, t3,
           t4,
           "Sections 二, 三 and 四 hold one sentence each (`…详见附表1/2/3。`); the three tables are gathered at the very end, "
           "after section 六 and after the sign-off, each under a caption line `附表N` and a title line that repeats the "
           "section's name without a number (主动公开政府信息情况 …). 县级市 government, 2021 form, TSV, busy table 4.",
           headings=std_heads())


# ---------------------------------------------------------------- Y10 上海 青浦区政府办: table 3 printed under 二, before its heading
def y10():
    name = "sh_district_office_table3_under_section_two_html_qingpu_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7310, tpl, scale=0.8)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(3, 58.2))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "上海市青浦区人民政府办公室"
    b = blocks(year, "区政府办公室", "sh", t3, tpl, 7310, title=[f"{ag}2019年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区政府办公室”）", year, "https://www.shqp.gov.cn", "021-59732345", tpl),
               t2_sentence="2019年，区政府办公室主动公开政府信息情况如下：",
               t3_sentence="2019年，区政府办公室收到和处理政府信息公开申请情况见上表。",
               signoff=[ag, "2020年1月23日"])
    t3b = take(b, "t3")
    b.insert(at(b, "t2"), t3b)
    b = heads(b, P.heading)
    title = f"{ag}2019年政府信息公开工作年度报告"
    text = portal(title, "上海市青浦区人民政府", "2020-01-23", htm(b, html_tables(tpl, t2, t3, t4)), ag)
    finish(name, "html", text, meta(ag, ["上海市", None, "青浦区"], year, "department", "html", "2020-01-23"), tpl, t2,
           t3, t4,
           "Portal HTML where table 3 (the application table) is printed under 二、主动公开政府信息情况, right after the "
           "sentence `…主动公开政府信息情况如下：` and before table 2; section 三's heading is followed only by `…见上表。` "
           "and no table. A reader takes each table by its own header and rows, not by the heading above it. 2019 form; "
           "table 2 all 0 but 集中采购.",
           headings=std_heads())


# ---------------------------------------------------------------- Y11 江苏 崇川区卫健委: captions 表一 / 表2 / 附件, tables away from headings
def y11():
    name = "js_district_commission_captions_biaoyi_biao2_fujian_chongchuan_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7311, tpl, scale=0.7)
    t2 = t2_21(norm=(2, 0, 9), lic=641, pen=87, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 1, 0, 0)})
    ag = "南通市崇川区卫生健康委员会"
    b = blocks(year, "区卫健委", "js", t3, tpl, 7311, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区卫健委”）", year, "http://www.chongchuan.gov.cn", "0513-85052345", tpl),
               t2_sentence="本年度主动公开政府信息情况见表一。",
               t3_sentence="本年度收到和处理政府信息公开申请情况见表2。",
               review_sentence="本年度政府信息公开行政复议、行政诉讼情况见附件。",
               signoff=[ag, "2023年1月18日"])
    a, c, d = take(b, "t2"), take(b, "t3"), take(b, "t4")
    n = sub_at(b, 0) + 1
    b[n:n] = [("cap", "表一 主动公开政府信息情况"), a]
    n = sub_at(b, 1) + 1
    b[n:n] = [("cap", "表2：收到和处理政府信息公开申请情况统计表"), c]
    b += [("cap", "附件：政府信息公开行政复议、行政诉讼情况统计表"), d]
    b = heads(b, P.heading)
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["江苏省", "南通市", "崇川区"], year, "department", "tsv", "2023-01-18"), tpl, t2,
           t3, t4,
           "Tables sit away from their section headings under their own captions: table 2 as `表一 主动公开政府信息情况` "
           "inside section 一 after the （一）主动公开 paragraph, table 3 as `表2：收到和处理政府信息公开申请情况统计表` "
           "inside section 一 after （二）依申请公开, table 4 as `附件：政府信息公开行政复议、行政诉讼情况统计表` after the "
           "sign-off. Sections 二/三/四 say only `见表一` / `见表2` / `见附件`. 2021 form, TSV.",
           headings=std_heads())


# ---------------------------------------------------------------- Y12 福建 南平市政府: 总体情况 prose quotes 20条 numbers that differ, HTML
def y12():
    name = "fj_city_gov_overview_prose_item20_numbers_differ_html_nanping_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7312, tpl, scale=2.5)
    t2 = t2_19(norm=(3, 3, 52), lic=(86, -4, 1268), oth=(41, 2, 321), pen=(17, 0, 54), coe=(5, 0, 2), fees=(3, -1),
               proc=(11, 264.5))
    t4 = mk_t4({"admin_review": (6, 1, 1, 0), "litigation_direct": (3, 0, 0, 2), "litigation_after_review": (1, 0, 0, 0)})
    ag = "南平市人民政府"
    b = blocks(year, "市政府", "fj", t3, tpl, 7312, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.np.gov.cn", "0599-8812345", tpl),
               signoff=[ag, "2021年1月28日"])
    prose = ("全年新制作规范性文件4件、新公开4件；作出行政许可决定1286件，其他对外管理服务事项处理决定312件，"
             "行政处罚决定45件，行政强制决定0件；行政事业性收费项目减少2项；政府集中采购项目9个，采购总金额246.5万元。")
    n = sub_at(b, 0) + 1
    b.insert(n, ("p", prose))
    b = heads(b, P.heading)
    title = f"{ag}2020年政府信息公开工作年度报告"
    text = portal(title, "南平市人民政府", "2021-01-28", htm(b, html_tables(tpl, t2, t3, t4)), f"{ag}办公室")
    inc = ["prose (总体情况) says 新制作规范性文件4件、新公开4件 but table 2 规范性文件 本年新制作/本年新公开 are 3/3",
           "prose says 行政许可决定1286件 but table 2 行政许可 处理决定数量 is 1268",
           "prose says 其他对外管理服务事项处理决定312件 but table 2 is 321",
           "prose says 行政处罚决定45件 but table 2 行政处罚 处理决定数量 is 54",
           "prose says 行政强制决定0件 but table 2 行政强制 处理决定数量 is 2",
           "prose says 行政事业性收费项目减少2项 but table 2 行政事业性收费 本年增/减 is -1",
           "prose says 政府集中采购项目9个，采购总金额246.5万元 but table 2 prints 11 and 264.5"]
    finish(name, "html", text, meta(ag, ["福建省", "南平市"], year, "prefecture", "html", "2021-01-28"), tpl, t2, t3, t4,
           "City government portal HTML. A 总体情况 paragraph (after （一）主动公开) quotes every 第二十条 item of table 2 "
           "with numbers that differ from the printed table (transposed digits 1286/1268, 45/54, 312/321, 246.5/264.5, "
           "4 vs 3, 0 vs 2, 减少2项 vs -1). The printed table is the truth; the prose is listed under "
           "source_inconsistencies and pins nothing (no table-2 cell is blank). 2019 form, big numbers.",
           headings=std_heads(), incons=inc)


# ---------------------------------------------------------------- Y13 上海 长宁区规划资源局: 五 quotes last year's table numbers
def y13():
    name = "sh_district_bureau_section_five_quotes_last_year_changning_ghzy_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7313, tpl, scale=1.2)
    t2 = t2_21(norm=(1, 1, 12), lic=236, pen=14, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    ag = "上海市长宁区规划和自然资源局"
    b = blocks(year, "区规划资源局", "sh", t3, tpl, 7313, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区规划资源局”）", year, "https://www.shcn.gov.cn", "021-22051234", tpl),
               signoff=[ag, "2023年1月20日"])
    nr = t3["new_received"]["total"]
    last = ("对照2021年度报告：2021年本局新收政府信息公开申请46件，上年结转4件，其中予以公开21件，部分公开6件，"
            "本机关不掌握相关政府信息14件，信访举报投诉类申请3件，办结47件，结转下年度继续办理3件；被申请行政复议2件"
            "（结果维持1件、尚未审结1件），行政诉讼1件；全年作出行政许可决定412件、行政处罚决定9件。"
            f"2022年新收申请{nr}件，较上年" + (f"增加{nr - 46}件。" if nr > 46 else f"减少{46 - nr}件。"))
    assert nr != 46
    lo = at(b, "h", 4)
    n = next(k for k in range(lo, len(b)) if b[k][0] == "p" and b[k][1].startswith("针对上年度")) + 1
    b.insert(n, ("p", last))
    b = heads(b, P.heading)
    text = txt(b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["上海市", None, "长宁区"], year, "department", "tsv", "2023-01-20"), tpl, t2, t3,
           t4,
           "Section 五 (存在的主要问题及改进情况) has a paragraph quoting last year's (2021) report figures under this "
           "year's labels: 新收46, 上年结转4, 予以公开21, 部分公开6, 本机关不掌握14, 信访举报投诉类3, 办结47, 结转3, "
           "行政复议2 (维持1, 尚未审结1), 行政诉讼1, 行政许可412, 行政处罚9, then this year's 新收 (agrees with table 3). "
           "None of last year's numbers is a cell of this report. 2021 form, TSV.",
           headings=std_heads())


# ---------------------------------------------------------------- Y14 江苏 邗江区政府: sections as 一是/二是 lead-ins inside paragraphs
def y14():
    name = "js_district_gov_yishi_ershi_sections_in_prose_hanjiang_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7314, tpl, scale=1.0)
    t2 = t2_19(norm=(1, 1, 19), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(2, 87.35))
    t4 = mk_t4({"litigation_direct": (1, 0, 0, 0)})
    ag = "扬州市邗江区人民政府"
    intro = (P.std_intro(f"{ag}办公室", year, "http://www.hj.gov.cn", "0514-87862345", tpl)
             + "现将本区2020年度政府信息公开工作情况报告如下。")
    b = blocks(year, "区政府", "js", t3, tpl, 7314, title=[f"{ag}2020年政府信息公开工作年度报告"], intro=intro,
               t2_sentence="本年度主动公开政府信息情况如下表：",
               t3_sentence="本年度收到和处理政府信息公开申请情况如下表：",
               review_sentence="本年度政府信息公开行政复议、行政诉讼情况如下表：",
               signoff=[ag, "2021年1月27日"])
    out = []
    k = 0
    while k < len(b):
        blk = b[k]
        if blk[0] == "h":
            nxt = b[k + 1]
            assert nxt[0] == "p"
            out.append(("p", f"{CN[blk[1]]}是{SEC[blk[1]]}。" + nxt[1]))
            k += 2
            continue
        out.append(blk)
        k += 1
    text = txt(out, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["江苏省", "扬州市", "邗江区"], year, "county", "tsv", "2021-01-27"), tpl, t2, t3,
           t4,
           "No section headings: each section opens a paragraph with a lead-in `一是总体情况。…`, `二是主动公开政府信息情况。"
           "本年度主动公开政府信息情况如下表：`, … `六是其他需要报告的事项。…`, and the tables follow the 二是/三是/四是 "
           "paragraphs. The 五是 paragraph itself lists 一是…三是 problems and the next paragraph 一是…四是 measures, so "
           "`一是` also starts non-sections. sections_present 1-6 by topic. District government, 2019 form, TSV.",
           headings={str(i + 1): f"{CN[i]}是{SEC[i]}" for i in range(6)})


FX = [y01, y02, y03, y04, y05, y06, y07, y08, y09, y10, y11, y12, y13, y14]
