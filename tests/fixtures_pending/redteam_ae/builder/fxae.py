"""redteam_ae fixtures: titles and agency names as publishers mangle them (上海 / 福建 / 江苏): spaced-out titles,
titles broken mid-word, titles only in an image, a government's report compiled and signed by its 办公室, bodies
renamed by 撤县设区, 【portal】 titles, English title lines, 镇/街道 党政(综合)办公室, a joint 挂牌 body, a park 管委会
spanning two districts, a title naming two years, a report covering two years, abbreviated running headers."""
from core import *  # noqa
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import body_html, page
from fxq import blocks, md_tables, tsv_tables, html_tables, finish
from fxt import word_html
import kprose as P


def spaced(s):
    return " ".join(s)


def md_render(b, tables):
    return render(b, tables, tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"


def insert_before_headings(text, heads, lines):
    """Insert `lines` (a page break: footer, running header) before the lines that are section headings `heads`."""
    out = []
    page = 1
    for ln in text.split("\n"):
        if ln.strip() in heads:
            out += [x.format(n=page) for x in lines]
            page += 1
        out.append(ln)
    return "\n".join(out)


# ---------------------------------------------------------------- AE1 上海 静安区人民政府: title and sign-off spaced out
def ae01():
    name = "sh_district_gov_title_signoff_letter_spaced_jingan_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8101, tpl, scale=2.2)
    t2 = t2_21(norm=(6, 2, 41), lic=15432, pen=2781, coe=64, fee=0)
    t4 = mk_t4({"admin_review": (9, 1, 2, 1), "litigation_direct": (5, 0, 2, 1), "litigation_after_review": (2, 0, 0, 0)})
    ag = "上海市静安区人民政府"
    b = blocks(year, "区政府", "sh", t3, tpl, 8101,
               title=[spaced(ag), spaced("2021年政府信息公开工作年度报告")],
               intro=P.std_intro("静安区人民政府", year, "https://www.jingan.gov.cn", "021-33372111", tpl),
               six_extra=["区政府办公室按照上海市人民政府办公厅的部署，汇总各街道、镇和区政府各部门的年度报告，"
                          "在上海市静安区人民政府门户网站集中发布。"],
               signoff=[spaced(ag), spaced("2022年1月26日")])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "静安区"], year, "county", "tsv", "2022-01-26"), tpl, t2, t3, t4,
           "District government (county level), region [上海市, null, 静安区]. The title is letter-spaced as a PDF "
           "with character spacing comes out of a converter: `上 海 市 静 安 区 人 民 政 府` on one line and "
           "`2 0 2 1 年 政 府 信 息 公 开 …` on the next; the sign-off name and date are spaced the same way "
           "(`2 0 2 2 年 1 月 2 6 日`). The 编制 sentence has the unspaced short form 静安区人民政府 (no 上海市); the full "
           "name exists only spaced. A reader writes 上海市静安区人民政府, year 2021. 2021 form, large table 2.")


# ---------------------------------------------------------------- AE2 江苏 苏州市吴江区: title broken over three lines, old 吴江市 footer
def ae02():
    name = "js_district_gov_title_three_lines_midword_old_wujiangshi_footer_wujiang_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8102, tpl, scale=1.3)
    t2 = t2_19(norm=(4, 4, 37), lic=(312, -6, 28714), oth=(41, 2, 3316), pen=(27, 0, 1873), coe=(6, 0, 52), fees=(3, -1),
               proc=(14, 2865.4))
    t4 = mk_t4({"admin_review": (5, 1, 0, 0), "litigation_direct": (3, 0, 1, 1)})
    ag = "苏州市吴江区人民政府"
    b = blocks(year, "区政府", "js", t3, tpl, 8102, title=["苏州市吴江区人", "民政府2019年政府信息公开工", "作年度报告"],
               intro=P.std_intro("区政府办公室", year, "http://www.wujiang.gov.cn", "0512-63982345", tpl),
               six_extra=["区政府办公室按照苏州市人民政府办公室的部署，指导各镇（区）、各部门做好年度报告编制发布工作。"],
               signoff=[ag, "2020年1月20日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    text += ("\n抄送：苏州市人民政府办公室。\n苏州市吴江区人民政府办公室　　　　2020年1月20日印发\n\n"
             "主办：吴江市人民政府办公室　　承办：吴江市信息中心\n地址：吴江市松陵镇中山南路1979号　邮编：215200\n")
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市", "吴江区"], year, "county", "tsv", "2020-01-20"), tpl, t2, t3, t4,
           "District government (吴江 was 县级 吴江市 until 2012, now 苏州市吴江区): county, region [江苏省, 苏州市, "
           "吴江区]. The title is broken over three lines in the middle of words (`苏州市吴江区人` / `民政府2019年政府信息公开工` / "
           "`作年度报告`). The 编制 sentence says only 区政府办公室; the sign-off prints 苏州市吴江区人民政府. The crawled "
           "page ends with the 版记 (苏州市吴江区人民政府办公室 印发) and the portal's stale footer from before 撤市设区 "
           "(`主办：吴江市人民政府办公室`, `地址：吴江市松陵镇…`): 吴江市 is no longer a division and is not the author. "
           "2019 form with negative changes (-6, -1) and procurement 2865.4 万元.")


# ---------------------------------------------------------------- AE3 福建 集美区市场监管局: title only as an image
def ae03():
    name = "fj_district_bureau_title_image_only_agency_only_in_lianxi_line_jimei_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8103, tpl, scale=0.5, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(58, 3, 6213), oth=(0, 0, 0), pen=(112, -4, 486), coe=(9, 0, 37), fees=(0, 0),
               proc=(2, 38.6))
    t4 = mk_t4({"admin_review": (2, 0, 0, 0)})
    ag = "厦门市集美区市场监督管理局"
    intro = ("本报告根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告"
             "有关事项的通知》（国办公开办函〔2019〕60号）要求，由本局编制。本报告所列数据的统计期限自2020年1月1日起至2020年"
             "12月31日止。")
    contact = (f"联系方式：{ag}办公室，地址：厦门市集美区杏林湾路478号，邮编：361021，电话：0592-6068321，"
               "电子邮箱：jmscjg@xm.gov.cn。")
    b = blocks(year, "我局", "fj", t3, tpl, 8103, title=[], intro=intro, extra_intro=[], small=True,
               six_extra=[contact], signoff=["2021年1月22日"])
    head = ('<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报 &gt; 部门年报</div>\n'
            '<div class="article-title"><img src="/uploads/2021/01/22/nb_title_2020.png" alt="" width="640" height="96"></div>\n'
            '<div class="info">发布日期：2021-01-22　　浏览次数：87　　字号：[大 中 小]</div>')
    text = page("政府信息公开年度报告 - 政府信息公开专栏", head, body_html(b, html_tables(tpl, t2, t3, t4)),
                '<div class="foot">主办：厦门市集美区人民政府办公室　　闽ICP备05012345号</div>')
    finish(name, "html", text, meta(ag, ["福建省", "厦门市", "集美区"], year, "department", "html", "2021-01-22"), tpl, t2,
           t3, t4,
           "District bureau: department of 集美区, region [福建省, 厦门市, 集美区]. The title is an image (`<img>` with an "
           "empty alt) and the page <title> is the generic `政府信息公开年度报告 - 政府信息公开专栏`; the sign-off is a date "
           "alone; the 编制 sentence says only 由本局编制 and the prose says 我局. The body is named only in the 联系方式 line "
           "of section 六 (`联系方式：厦门市集美区市场监督管理局办公室，…`: the bureau's own office as contact point; the "
           "report's 本局/我局 is the bureau, so a reader writes 厦门市集美区市场监督管理局, not the office). The portal "
           "footer names 厦门市集美区人民政府办公室 (the site's owner, not the author). "
           "Year 2020 from the statistics period; 2019 form, only natural persons and 商业企业/法律服务机构 applied.")


# ---------------------------------------------------------------- AE4 江苏 南京市鼓楼区: government's report compiled and signed by its 办公室
def ae04():
    name = "js_district_gov_title_gov_signed_and_compiled_by_bangongshi_md_gulou_nanjing_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8104, tpl, scale=1.6)
    t2 = t2_21(norm=(3, 5, 29), lic=8624, pen=1357, coe=21, fee=0)
    t4 = mk_t4({"admin_review": (7, 2, 1, 0), "litigation_direct": (4, 0, 1, 2), "litigation_after_review": (1, 0, 0, 0)})
    ag = "南京市鼓楼区人民政府"
    off = "南京市鼓楼区人民政府办公室"
    b = blocks(year, "区政府办公室", "js", t3, tpl, 8104, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{off}（以下简称“区政府办公室”）", year, "http://www.njgl.gov.cn", "025-83123456", tpl),
               six_extra=["本报告数据汇总区政府及其工作部门、各街道办事处的政府信息公开工作情况。区政府办公室作为区政府"
                          "信息公开工作主管部门，负责推进、指导、协调、监督全区政府信息公开工作。"],
               signoff=[off, "2022年1月24日"])
    text = md_render(b, md_tables(tpl, t2, t3, t4))
    finish(name, "md", text, meta(ag, ["江苏省", "南京市", "鼓楼区"], year, "county", "markdown", "2022-01-24"), tpl, t2, t3,
           t4,
           "Judgement call: the title says whose report it is (南京市鼓楼区人民政府…年度报告) and section 六 says the numbers "
           "cover the district government with its departments and streets; the 编制 sentence and sign-off name "
           "南京市鼓楼区人民政府办公室, the 政府信息公开工作主管部门 that compiles and publishes it on the government's "
           "behalf (条例 第四条). A careful reader files it as the government's report: agency 南京市鼓楼区人民政府, county, "
           "region [江苏省, 南京市, 鼓楼区]. (Had the title named the 办公室, as in redteam_q's 虹口区 report, the office "
           "would be the agency.) Markdown; 2021 form.")


# ---------------------------------------------------------------- AE5 江苏 海门: 撤市设区 in 2020, old name in prose and contact line
def ae05():
    name = "js_district_gov_renamed_haimenshi_to_haimenqu_2020_old_name_contact_haimen_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8105, tpl, scale=1.0)
    t2 = t2_19(norm=(2, 2, 26), lic=(286, 11, 19422), oth=(37, 0, 2260), pen=(31, -2, 904), coe=(5, 0, 18), fees=(2, 0),
               proc=(9, 1273.18))
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (1, 1, 0, 0)})
    ag = "南通市海门区人民政府"
    extra = ["2020年6月，经国务院批准，撤销县级海门市，设立南通市海门区，以原海门市的行政区域为海门区的行政区域。"
             "本报告统计数据包括原海门市人民政府2020年1月至6月期间的政府信息公开工作情况。"]
    b = blocks(year, "区政府", "js", t3, tpl, 8105, title=["海门区人民政府2020年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro("海门区人民政府办公室", year, "http://www.haimen.gov.cn", "0513-82212345", tpl),
               six_extra=["原海门市人民政府门户网站已整合为南通市海门区人民政府门户网站，原网址继续保留访问。",
                          "联系方式：海门市人民政府办公室政务公开科（地址：海门市海门街道北京中路1号，电话：0513-82212345）。"],
               signoff=[ag, "2021年1月29日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "南通市", "海门区"], year, "county", "tsv", "2021-01-29"), tpl, t2, t3, t4,
           "District government, county, region [江苏省, 南通市, 海门区]. 县级 海门市 became 南通市海门区 in June 2020, in the "
           "middle of the year the report covers. The title says 海门区人民政府 (no city), the sign-off the full "
           "南通市海门区人民政府; the intro and section 六 still name 原海门市人民政府 and an un-updated contact line "
           "(`海门市人民政府办公室政务公开科`, `地址：海门市…`). The body that reports is the new district government; "
           "海门市 (today no division) is not the agency. 2019 form, year 2020, signed 2021.")


# ---------------------------------------------------------------- AE6 上海 新华路街道: 【portal】 title
def ae06():
    name = "sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8106, tpl, scale=0.3, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({})
    ag = "上海市长宁区新华路街道办事处"
    title = "【长宁区人民政府门户网站】新华路街道办事处2020年政府信息公开工作年度报告"
    b = blocks(year, "街道", "sh", t3, tpl, 8106, title=[title], small=True,
               intro=P.std_intro(ag, year, "https://www.shcn.gov.cn", "021-62800123", tpl),
               six_extra=["街道按照长宁区人民政府办公室的部署，在长宁区人民政府门户网站“街道信息公开”栏目集中公开政府信息。"],
               review_sentence="2020年，街道未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=[ag, "2021年1月25日"])
    hdr = [f"标题：{title}", "来源：长宁区人民政府门户网站", "发布时间：2021-01-25 10:12", "", ""]
    text = "\n".join(hdr) + render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "长宁区", "新华路街道"], year, "township", "crawler-tsv",
                                   "2021-01-25"), tpl, t2, t3, t4,
           "Street office: township, region [上海市, null, 长宁区, 新华路街道]. The crawled title (header line and first "
           "line) is `【长宁区人民政府门户网站】新华路街道办事处2020年…`: the bracket holds the portal's name (the site, not "
           "the author) and the body follows without 上海市长宁区; the 编制 sentence and sign-off print the full "
           "上海市长宁区新华路街道办事处. `来源：长宁区人民政府门户网站`. Table 2 and table 4 all 0, few applications.")


# ---------------------------------------------------------------- AE7 福建 思明区: English title line under the Chinese title
def ae07():
    name = "fj_district_gov_english_title_line_under_chinese_md_siming_xiamen_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8107, tpl, scale=1.4)
    t2 = t2_21(norm=(4, 1, 33), lic=11208, pen=4736, coe=112, fee=0)
    t4 = mk_t4({"admin_review": (6, 0, 1, 1), "litigation_direct": (2, 1, 0, 1)})
    ag = "厦门市思明区人民政府"
    b = blocks(year, "区政府", "fj", t3, tpl, 8107,
               title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.siming.gov.cn", "0592-2185123", tpl),
               signoff=[ag, "2022年1月25日"])
    text = md_render(b, md_tables(tpl, t2, t3, t4))
    eng = ("Annual Report on Government Information Disclosure of the People's Government of Siming District, Xiamen "
           "(2021)")
    first, rest = text.split("\n", 1)
    text = first + "\n\n" + eng + "\n" + rest
    finish(name, "md", text, meta(ag, ["福建省", "厦门市", "思明区"], year, "county", "markdown", "2022-01-25"), tpl, t2,
           t3, t4,
           "District government, county, region [福建省, 厦门市, 思明区]. Under the Chinese `# ` title a plain line gives "
           "an English title (`Annual Report on Government Information Disclosure of the People's Government of Siming "
           "District, Xiamen (2021)`): it is part of the title block, holds the year in brackets, and is no heading, "
           "section or agency. The 编制 sentence names 厦门市思明区人民政府办公室 (the compiler); title and sign-off "
           "name the government, which a reader writes.")


# ---------------------------------------------------------------- AE8 江苏 木渎镇: 党政办公室 publishes, town in title
def ae08():
    name = "js_town_gov_dangzhengban_fabu_lianxi_html_mudu_wuzhong_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8108, tpl, scale=0.45)
    t2 = t2_21(norm=(0, 0, 2), lic=0, pen=126, coe=4, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "苏州市吴中区木渎镇人民政府"
    off = "木渎镇党政办公室"
    intro = P.std_intro(off, year, "http://www.szwz.gov.cn", "0512-66251234", tpl)
    b = blocks(year, "镇政府", "js", t3, tpl, 8108, title=["吴中区木渎镇人民政府2022年政府信息公开工作年度报告"], small=True,
               intro=intro,
               six_extra=[f"联系方式：{off}（地址：苏州市吴中区木渎镇金山路1号，电话：0512-66251234）。"],
               signoff=[ag, "2023年1月18日"])
    head = ('<div class="crumb">首页 &gt; 信息公开 &gt; 镇（区）、街道 &gt; 木渎镇 &gt; 年度报告</div>\n'
            '<h1 class="title">吴中区木渎镇人民政府2022年政府信息公开工作年度报告</h1>\n'
            f'<div class="info">发布机构：{off}　　发布日期：2023-01-18　　索引号：014159271/2023-00012</div>')
    b2 = [x for x in b if x[0] != "title"]
    text = page("吴中区木渎镇人民政府2022年政府信息公开工作年度报告_苏州市吴中区人民政府", head,
                body_html(b2, html_tables(tpl, t2, t3, t4)), '<div class="foot">主办：苏州市吴中区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["江苏省", "苏州市", "吴中区", "木渎镇"], year, "township", "html", "2023-01-18"),
           tpl, t2, t3, t4,
           "Town government: township, region [江苏省, 苏州市, 吴中区, 木渎镇]. The town's 党政办公室 (a 镇 internal office) "
           "is in the portal's `发布机构：` line, the 编制 sentence (由木渎镇党政办公室编制) and the 联系方式 line; the "
           "title (`吴中区木渎镇人民政府…`, no 苏州市) and the sign-off (full 苏州市吴中区木渎镇人民政府) name the town "
           "government, whose report it is. Judgement call as for ae04: the office publishes for the town. The page "
           "<title> ends `_苏州市吴中区人民政府` (the portal).")


# ---------------------------------------------------------------- AE9 江苏 惠山区政务服务管理办公室（大数据管理局）, joint 挂牌 name
def ae09():
    name = "js_district_joint_body_zhengwu_fuwu_ban_dashuju_ju_word_html_huishan_wuxi_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8109, tpl, scale=0.35, orgs=False)
    t2 = t2_19(norm=(1, 1, 4), lic=(0, 0, 0), oth=(186, 23, 52471), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(4, 312.5))
    t4 = mk_t4({})
    ag = "无锡市惠山区政务服务管理办公室（无锡市惠山区大数据管理局）"
    title = "惠山区政务服务管理办公室（惠山区大数据管理局）2019年政府信息公开工作年度报告"
    b = blocks(year, "我办（局）", "js", t3, tpl, 8109, title=[title], small=True,
               intro=P.std_intro(ag, year, "http://www.huishan.gov.cn", "0510-83591234", tpl),
               six_extra=["我办（局）承担无锡市惠山区人民政府政务服务中心的日常管理，按照无锡市政务服务管理办公室"
                          "（无锡市大数据管理局）的业务指导，推进“一网通办”和政务数据共享。"],
               review_sentence="2019年，我办（局）未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=["无锡市惠山区政务服务管理办公室", "（无锡市惠山区大数据管理局）", "2020年1月17日"])
    text = word_html(title, b, tpl, t2, t3, t4)
    finish(name, "html", text, meta(ag, ["江苏省", "无锡市", "惠山区"], year, "department", "html-word-mso", "2020-01-17"),
           tpl, t2, t3, t4,
           "A district body with two names (政务服务管理办公室, 加挂 大数据管理局): department, region [江苏省, 无锡市, 惠山区]. "
           "Judgement call: the report prints the joint name in full with the second name in full-width brackets in the "
           "编制 sentence (无锡市惠山区政务服务管理办公室（无锡市惠山区大数据管理局）) and over two sign-off lines; the title "
           "has the short joint form without 无锡市. Truth keeps the full joint name as printed (as redteam_t kept "
           "中共无锡市委无锡市人民政府信访局); a reader who keeps only the first name (无锡市惠山区政务服务管理办公室) "
           "is defensible, one who keeps `…（惠山区大数据管理局）` from the title or only 大数据管理局 is not. The city "
           "counterpart 无锡市政务服务管理办公室（无锡市大数据管理局） and 无锡市惠山区人民政府政务服务中心 are named in 六. "
           "Word HTML; 2019 form; other_admin_services 52471.")


# ---------------------------------------------------------------- AE10 上海化学工业区管理委员会: park across 金山区 and 奉贤区
def ae10():
    name = "sh_park_guanweihui_spans_jinshan_fengxian_two_districts_chemical_industry_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(8110, tpl, scale=0.4)
    t2 = t2_21(norm=(1, 0, 7), lic=214, pen=36, coe=0, fee=0)
    t4 = mk_t4({"litigation_direct": (0, 0, 0, 1)})
    ag = "上海化学工业区管理委员会"
    extra = ["上海化学工业区地跨上海市金山区和上海市奉贤区，规划面积29.4平方公里。上海化学工业区管理委员会是上海市人民政府"
             "派出机构，统一负责园区的规划、建设和管理；区域内的社会事务分别由上海市金山区人民政府和上海市奉贤区人民政府负责。"]
    b = blocks(year, "管委会", "sh", t3, tpl, 8110, title=[f"{ag}2023年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}（以下简称“管委会”）", year, "https://sciph.sh.gov.cn", "021-67120000", tpl),
               six_extra=["管委会会同金山区、奉贤区两区政府办公室，建立园区跨区事项信息公开协调机制，"
                          "在上海市金山区人民政府和上海市奉贤区人民政府门户网站同步转载园区规划、环评公示等信息。"],
               signoff=[ag, "2024年1月22日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市"], year, "department", "tsv", "2024-01-22"), tpl, t2, t3, t4,
           "Park 管委会 of the city (派出机构 of 上海市人民政府) whose area lies in two districts, 金山区 and 奉贤区: "
           "department (README: a development-zone 管委会 is a department of its city), region [上海市] only. Neither "
           "金山区 nor 奉贤区 (both named with their governments three times) is its county: it belongs to neither. "
           "2021 form, year 2023.")


# ---------------------------------------------------------------- AE11 上海 虹口区教育局: title names the year twice
def ae11():
    name = "sh_district_bureau_title_year_twice_niandu_fabu_word_html_hongkou_jiaoyu_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8111, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 3, 18), lic=47, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 1, 0)})
    ag = "上海市虹口区教育局"
    title = f"{ag}2022年度政府信息公开工作年度报告（2023年1月发布）"
    b = blocks(year, "区教育局", "sh", t3, tpl, 8111, title=[title],
               intro=P.std_intro(f"{ag}（以下简称“区教育局”）", year, "https://www.shhk.gov.cn", "021-65071234", tpl),
               six_extra=["区教育局2023年政务公开工作要点已于2023年3月另行公布；2021年度报告提出的整改事项已全部完成。"],
               signoff=[ag, "2023年1月20日"])
    text = word_html(title, b, tpl, t2, t3, t4)
    finish(name, "html", text, meta(ag, ["上海市", None, "虹口区"], year, "department", "html-word-mso", "2023-01-20"),
           tpl, t2, t3, t4,
           "District bureau: department, region [上海市, null, 虹口区]. The title names two years: `2022年度…年度报告"
           "（2023年1月发布）`; the year covered is 2022 (年度, and the statistics period), 2023 is the publication month. "
           "Section 六 also names 2023 and 2021. Word HTML, 2021 form.")


# ---------------------------------------------------------------- AE12 福建 沙县区: report covering two years 2020—2021
def ae12():
    name = "fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8112, tpl, scale=0.8)
    t2 = t2_21(norm=(5, 2, 23), lic=6431, pen=812, coe=17, fee=0)
    t4 = mk_t4({"admin_review": (3, 1, 0, 0), "litigation_direct": (1, 0, 1, 0)})
    ag = "三明市沙县区人民政府"
    extra = ["2021年2月，经国务院批准，撤销沙县，设立三明市沙县区。原沙县人民政府2020年度政府信息公开工作年度报告未单独发布，"
             "本报告合并反映2020年度和2021年度的工作情况，表中数据为两个年度的合计数。"]
    b = blocks(year, "区政府", "fj", t3, tpl, 8112, title=[f"{ag}2020—2021年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}办公室", year, "http://www.fjsx.gov.cn", "0598-5821234", tpl,
                                 period="自2020年1月1日起至2021年12月31日止"),
               signoff=[ag, "2022年1月28日"])
    text = md_render(b, md_tables(tpl, t2, t3, t4))
    finish(name, "md", text, meta(ag, ["福建省", "三明市", "沙县区"], year, "county", "markdown", "2022-01-28"), tpl, t2, t3,
           t4,
           "District government, county, region [福建省, 三明市, 沙县区] (沙县 became 三明市沙县区 in February 2021). The "
           "title covers two years (`2020—2021年政府信息公开工作年度报告`), the statistics period runs from 2020-01-01 to "
           "2021-12-31, and the intro says the tables are the two years' sums. Judgement call on the year: the form has "
           "one year per report; a careful reader files it under 2021, the last year covered, the year of the body that "
           "signs it (the district exists only from 2021) and the slot it fills (published January 2022, when 2021 "
           "reports are due); the 2020 slot stays empty. The cells are printed as the two-year sums, since the report "
           "gives no split; a user comparing years must know they are two-year sums (the 2020 figures cannot be "
           "separated). Markdown, 2021 form.")


# ---------------------------------------------------------------- AE13 上海 嘉定区规划资源局: abbreviated running header, full sign-off
def ae13():
    name = "sh_district_bureau_running_header_abbrev_signoff_full_guihua_ziyuan_jiading_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8113, tpl, scale=0.7)
    t2 = t2_19(norm=(1, 1, 9), lic=(23, 0, 1432), oth=(8, -1, 611), pen=(14, 0, 58), coe=(0, 0, 0), fees=(2, 0),
               proc=(3, 96.3))
    t4 = mk_t4({"admin_review": (4, 0, 0, 1), "litigation_direct": (2, 0, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市嘉定区规划和自然资源局"
    hdr = "区规划资源局2019年政务公开年报"
    b = blocks(year, "本局", "sh", t3, tpl, 8113, title=[hdr, "嘉定区规划资源局2019年政府信息公开工作年度报告"],
               intro=P.std_intro("本局", year, "http://www.jiading.gov.cn", "021-59981234", tpl),
               six_extra=["本局按照上海市规划和自然资源局和上海市嘉定区人民政府办公室的要求开展政务公开工作。"],
               signoff=[ag, "2020年1月21日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    heads = {P.heading(i) for i in (2, 3, 5)}
    text = insert_before_headings(text, heads, ["", "- {n} -", "", hdr])
    finish(name, "txt", text, meta(ag, ["上海市", None, "嘉定区"], year, "department", "tsv-pdf-headers", "2020-01-21"),
           tpl, t2, t3, t4,
           "District bureau: department, region [上海市, null, 嘉定区]. The PDF's running page header "
           "`区规划资源局2019年政务公开年报` (no district, 规划资源局 for 规划和自然资源局, 政务公开年报 for the title) is the "
           "first line and recurs after each `- N -` footer; the title is `嘉定区规划资源局2019年…` (no 上海市, still "
           "abbreviated); the 编制 sentence says only 本局; the full name 上海市嘉定区规划和自然资源局 is only in the sign-off. "
           "Section 六 names 上海市规划和自然资源局 (the city bureau). 2019 form, negative change -1.")


# ---------------------------------------------------------------- AE14 福建 瀛洲街道: 【栏目】 title, 党政综合办公室 compiles
def ae14():
    name = "fj_street_office_bracket_column_label_title_dangzheng_zonghe_ban_bianzhi_yingzhou_taijiang_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8114, tpl, scale=0.25, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(1, 12.8))
    t4 = mk_t4({})
    ag = "福州市台江区瀛洲街道办事处"
    off = "瀛洲街道党政综合办公室"
    b = blocks(year, "街道", "fj", t3, tpl, 8114, title=["【政务公开】瀛洲街道2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(off, year, "http://www.tj.gov.cn", "0591-83281234", tpl),
               six_extra=[f"联系方式：{off}，地址：福州市台江区瀛洲路96号，电话：0591-83281234。"],
               review_sentence="2020年，街道未发生因政府信息公开引起的行政复议、行政诉讼案件。",
               signoff=[ag, "2021年1月15日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "福州市", "台江区", "瀛洲街道"], year, "township", "tsv", "2021-01-15"),
           tpl, t2, t3, t4,
           "Street office: township, region [福建省, 福州市, 台江区, 瀛洲街道]. The title carries the portal column in "
           "brackets and then the bare street name: `【政务公开】瀛洲街道2020年…` (the bracket is the 栏目, no body; no "
           "district, city or 办事处 after it); the 编制 sentence and the 联系方式 line name 瀛洲街道党政综合办公室 (the street's "
           "internal office); only the sign-off prints the full 福州市台江区瀛洲街道办事处. A reader takes the signing "
           "body and its place from the sign-off. 2019 form, tables 2/4 almost all 0.")


FX = [ae01, ae02, ae03, ae04, ae05, ae06, ae07, ae08, ae09, ae10, ae11, ae12, ae13, ae14]
