"""redteam_t fixtures: metadata of 上海 / 福建 / 江苏 bodies that are not a 人民政府 / 局 / 委员会 (消防, 交警, 分局,
监督所, 档案馆, 公积金中心, 医保事务中心, 调查队, 海事局, 气象局, 水利工程管理处, 保税区管理局, 联合信访局, 残联)."""
import html as H
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import html_tab, body_html, page, tabs
from fxq import blocks, md_tables, tsv_tables, html_tables, finish
import kprose as P


def oneline(header_lines, b, tables):
    """Crawler dump: a few `key：value` header lines, then the whole body on one line (cells split by spaces)."""
    body = render(b, tables)
    body = " ".join(x for x in body.replace("\t", " ").split("\n") if x.strip())
    while "  " in body:
        body = body.replace("  ", " ")
    return "\n".join(header_lines) + "\n正文：\n" + body + "\n"


def word_html(title, b, tpl, t2, t3, t4):
    """A Word 'save as web page' paste: MsoNormal paragraphs, mso spans, <o:p>, MsoNormalTable tables."""
    sp = "<span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-bidi-font-family:Arial'>{}<span lang=EN-US><o:p></o:p></span></span>"
    cell = lambda t: "<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt'>" + t + "</span></p>"
    attrs = " class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'"
    tabs_ = {"t2": html_tab(t2_spans(tpl, t2), attrs=attrs, numfmt=cell, lab=lambda t: cell(H.escape(t, quote=False))),
             "t3": html_tab(t3_spans(tpl, t3), attrs=attrs, numfmt=cell, lab=lambda t: cell(H.escape(t, quote=False))),
             "t4": html_tab(t4_spans(t4), attrs=attrs, numfmt=cell, lab=lambda t: cell(H.escape(t, quote=False)))}
    out = []
    for blk in b:
        k = blk[0]
        if k in tabs_:
            out.append(tabs_[k])
        elif k == "title":
            out.append("<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;"
                       "font-family:方正小标宋简体'>" + H.escape(blk[1], quote=False) + "</span></b></p>")
        elif k == "h":
            out.append("<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>" + P.heading(blk[1])
                       + "</span></p>")
        elif k == "sign":
            out.append("<p class=MsoNormal align=right style='text-align:right'>" + sp.format(H.escape(blk[1], quote=False)) + "</p>")
        else:
            out.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                       + sp.format(H.escape(blk[1], quote=False)) + "</p>")
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\">\n<head>\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n"
            f"<meta name=Generator content=\"Microsoft Word 15\">\n<title>{title}</title>\n"
            "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->\n"
            "<style>p.MsoNormal{margin:0cm;text-align:justify;font-size:10.5pt}</style>\n</head>\n"
            "<body lang=ZH-CN style='tab-interval:21.0pt'>\n<div class=WordSection1>\n" + "\n".join(out) + "\n</div>\n</body>\n</html>\n")


# ---------------------------------------------------------------- T1 福建 福州市鼓楼区消防救援大队: title without the city, 来源 names the 支队
def t01():
    name = "fj_fire_brigade_dadui_title_no_city_source_zhidui_gulou_fuzhou_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7201, tpl, scale=0.25, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=17, pen=43, coe=6, fee=0)
    t4 = mk_t4({})
    ag = "福州市鼓楼区消防救援大队"
    six = ["大队按照福州市消防救援支队和福建省消防救援总队的统一部署，在福州市鼓楼区人民政府门户网站和“福州消防”微信公众号"
           "同步公开消防行政许可、消防监督检查和火灾事故调查信息。"]
    b = blocks(year, "大队", "fj", t3, tpl, 7201, title=[], small=True,
               intro=P.std_intro(f"{ag}（以下简称“大队”）", year, "http://www.gl.gov.cn", "0591-87531119", tpl),
               six_extra=six, signoff=[ag, "2023年1月16日"])
    title = "鼓楼区消防救援大队2022年政府信息公开工作年度报告"
    head = ('<div class="crumb">首页 &gt; 政务公开 &gt; 部门信息公开 &gt; 消防救援大队 &gt; 年度报告</div>\n'
            f'<h1 class="title">{title}</h1>\n<div class="info">发布时间：2023-01-16　来源：福州市消防救援支队　浏览次数：128</div>')
    text = page(title + "_福州市鼓楼区人民政府", head, body_html(b, html_tables(tpl, t2, t3, t4), title_tag="h1"),
                '<div class="foot">主办：福州市鼓楼区人民政府办公室</div>')
    finish(name, "html", text, meta(ag, ["福建省", "福州市", "鼓楼区"], year, "department", "html", "2023-01-16"),
           tpl, t2, t3, t4,
           "A 消防救援大队 (county-level fire and rescue brigade; vertically led by the 支队/总队 but serving the district): "
           "department of 鼓楼区, region [福建省, 福州市, 鼓楼区] (judgement call: it serves the district government, as "
           "a department-like body). The title and <title> print `鼓楼区消防救援大队` without the city (鼓楼区 exists in 福州, "
           "南京, 徐州, 开封); the 编制 sentence and sign-off print 福州市鼓楼区消防救援大队; the page's 来源 line names the "
           "上级 福州市消防救援支队 (not the author) and the page <title> ends _福州市鼓楼区人民政府. Portal HTML, 2021 form, "
           "only natural persons and 商业企业/法律服务机构 applied; table 4 all 0.")


# ---------------------------------------------------------------- T2 江苏 苏州市公安局交通警察支队: title abbreviation 苏州交警支队
def t02():
    name = "js_traffic_police_zhidui_title_abbrev_jiaojing_suzhou_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7202, tpl, scale=1.4)
    t2 = t2_19(norm=(0, 0, 0), lic=(6, 0, 18342), oth=(3, 0, 2716), pen=(12, 1, 1204871), coe=(4, 0, 38612),
               fees=(0, 0), proc=(3, 412.8))
    t4 = mk_t4({"admin_review": (14, 2, 0, 3), "litigation_direct": (3, 0, 1, 2), "litigation_after_review": (1, 0, 0, 1)})
    ag = "苏州市公安局交通警察支队"
    six = ["支队在苏州市公安局的统一领导下开展政务公开工作，按照苏州市公安局政务公开工作要点，在“苏州市公安局”门户网站"
           "交警专栏公开道路交通管理信息；苏州市人民政府办公室对支队政务公开工作进行了年度考核。"]
    b = blocks(year, "支队", "js", t3, tpl, 7202, title=["苏州交警支队2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“支队”）", year, "http://gaj.suzhou.gov.cn", "0512-65225110", tpl),
               six_extra=six, signoff=[ag, "2021年1月25日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市"], year, "department", "tsv", "2021-01-25"), tpl, t2, t3, t4,
           "A city 公安局's 交通警察支队 (a body of the city 公安局): department of 苏州市, region [江苏省, 苏州市]. The title "
           "prints the everyday abbreviation `苏州交警支队` (no 市, 交警 for 交通警察, no 公安局); the full name is in the 编制 "
           "sentence and the sign-off. The body names 苏州市公安局 three times and 苏州市人民政府办公室. 2019 form with very "
           "large 行政处罚 decisions (1204871) and busy table 4.")


# ---------------------------------------------------------------- T3 上海 上海市公安局浦东分局, Word-pasted HTML
def t03():
    name = "sh_police_fenju_word_html_shi_gonganju_mentions_pudong_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7203, tpl, scale=2.0)
    t2 = t2_19(norm=(0, 0, 0), lic=(9, 0, 4312), oth=(2, 0, 86219), pen=(21, 0, 31047), coe=(6, 0, 2215), fees=(0, 0),
               proc=(5, 836.4))
    t4 = mk_t4({"admin_review": (6, 1, 0, 2), "litigation_direct": (2, 0, 0, 1)})
    ag = "上海市公安局浦东分局"
    extra = ["根据上海市公安局和上海市浦东新区人民政府关于做好2020年政府信息公开工作年度报告的要求，编制本报告。"]
    six = ["分局按照上海市公安局政务公开工作要点和上海市浦东新区人民政府办公室的部署，在“上海公安”门户网站和浦东新区"
           "人民政府门户网站同步公开户政、出入境、治安管理等办事指南；上海市公安局对分局政务公开工作开展了专项督查。"]
    b = blocks(year, "分局", "sh", t3, tpl, 7203, title=[f"{ag}2020年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(f"{ag}（以下简称“分局”）", year, "http://gaj.sh.gov.cn", "021-28951110", tpl),
               six_extra=six, signoff=[ag, "2021年1月27日"])
    text = word_html(f"{ag}2020年政府信息公开工作年度报告", b, tpl, t2, t3, t4)
    finish(name, "html", text, meta(ag, ["上海市", None, "浦东新区"], year, "department", "html-word-mso", "2021-01-27"),
           tpl, t2, t3, t4,
           "A 分局 of the 上海市公安局 for a district (in 上海 the 区公安分局 is also a 区政府组成部门): department, region "
           "[上海市, null, 浦东新区]. Judgement call: the redteam_q rule (a 分局 for a development zone ends at the city) "
           "does not apply, because 浦东新区 is a district and the 分局 serves its government. Word 'save as web page' HTML "
           "(MsoNormal, mso spans, <o:p>, MsoNormalTable). The title names the body in full; the body names 上海市公安局 "
           "four times and 上海市浦东新区人民政府 twice. 2019 form, large numbers.")


# ---------------------------------------------------------------- T4 上海 闵行区卫健委监督所, one-line crawler dump
def t04():
    name = "sh_health_inspection_suo_oneline_fabujigou_benso_minhang_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7204, tpl, scale=0.3, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(8, 0, 412), coe=(1, 0, 3), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "上海市闵行区卫生健康委员会监督所"
    six = ["本所在上海市闵行区卫生健康委员会的领导下开展卫生监督信息公开，按照上海市卫生健康委员会监督所的业务指导，"
           "在闵行区人民政府门户网站公开卫生行政处罚信息。"]
    b = blocks(year, "本所", "sh", t3, tpl, 7204, title=["闵行区卫健委监督所2019年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro("本所", year, "http://www.shmh.gov.cn", "021-64123456", tpl), six_extra=six,
               signoff=[ag, "2020年1月21日"])
    hdr = ["标题：闵行区卫健委监督所2019年政府信息公开工作年度报告", f"发布机构：{ag}", "发布日期：2020-01-21",
           "索引号：MH2601200100-2020-0003"]
    text = oneline(hdr, b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["上海市", None, "闵行区"], year, "department", "crawler-oneline", "2020-01-21"),
           tpl, t2, t3, t4,
           "A 卫生健康委员会监督所 (卫生监督所, a public institution under the district health commission that enforces "
           "health law): department of 闵行区, region [上海市, null, 闵行区]. One-line crawler dump: 标题/发布机构/发布日期/索引号 "
           "header lines, then the whole report on one line, cells split by spaces. The title is the abbreviation "
           "`闵行区卫健委监督所`; the 编制 sentence says only 由本所编制; the full name is in 发布机构 and the sign-off. The "
           "body names 上海市闵行区卫生健康委员会 (its parent, not the author) and 上海市卫生健康委员会监督所. 2019 form, "
           "many zeros, only natural persons and 商业企业/法律服务机构 applied.")


# ---------------------------------------------------------------- T5 江苏 南京市档案馆, markdown, sign-off date only
def t05():
    name = "js_archives_guan_md_signoff_date_only_nanjing_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(7205, tpl, scale=0.8)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "南京市档案馆"
    six = ["我馆按照国家档案局、江苏省档案馆和南京市人民政府办公厅的要求，开放到期档案12860件，在南京市档案馆网站"
           "“开放档案目录”专栏公布；南京市档案局对档案开放审核工作进行了指导。"]
    b = blocks(year, "我馆", "js", t3, tpl, 7205, title=[f"{ag}2023年度政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://daj.nanjing.gov.cn", "025-84123456", tpl), six_extra=six,
               signoff=["2024年1月19日"])
    text = render(b, md_tables(tpl, t2, t3, t4), tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["江苏省", "南京市"], year, "department", "markdown", "2024-01-19"), tpl, t2, t3,
           t4, "A city 档案馆 (a public institution, 参公管理, that publishes under the 条例): department of 南京市, region "
               "[江苏省, 南京市]. Title `南京市档案馆2023年度…` (年度 after the year); 编制 sentence names it; the sign-off is "
               "only a date (no body). The body names 国家档案局, 江苏省档案馆 (another 档案馆), 南京市人民政府办公厅 and "
               "南京市档案局. Table 2 all 0, table 4 all 0; markdown.")


# ---------------------------------------------------------------- T6 福建 厦门市住房公积金中心, decoy 管理委员会
def t06():
    name = "fj_housing_fund_centre_decoy_guanweihui_xiamen_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7206, tpl, scale=0.9)
    t2 = t2_19(norm=(3, 3, 27), lic=(0, 0, 0), oth=(14, 2, 418631), pen=(2, 0, 11), coe=(0, 0, 0), fees=(0, 0),
               proc=(6, 215.7))
    t4 = mk_t4({"litigation_direct": (0, 0, 1, 0)})
    ag = "厦门市住房公积金中心"
    extra = ["厦门市住房公积金管理委员会是住房公积金管理的决策机构，厦门市住房公积金中心负责住房公积金的管理运作。"
             "根据厦门市住房公积金管理委员会第十七次全体会议审议通过的年度工作安排，开展政务公开工作。"]
    six = ["中心按照福建省住房和城乡建设厅、厦门市人民政府办公厅的部署，公开《厦门市住房公积金2020年年度报告》，"
           "该报告经厦门市住房公积金管理委员会审议后另行发布。"]
    b = blocks(year, "中心", "fj", t3, tpl, 7206, title=[f"{ag}2020年政府信息公开工作年度报告"], extra_intro=extra,
               intro=P.std_intro(ag, year, "http://gjj.xm.gov.cn", "0592-12329", tpl), six_extra=six,
               signoff=[ag, "2021年1月18日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "厦门市"], year, "department", "tsv", "2021-01-18"), tpl, t2, t3, t4,
           "A 住房公积金中心 (厦门's real name has no 管理: 厦门市住房公积金中心): department of 厦门市, region "
           "[福建省, 厦门市]. The first lines name 厦门市住房公积金管理委员会 (the decision body, a 管理委员会 that is "
           "not a development-zone 管委会 and not the author) twice before the 编制 sentence, and section 六 once more. "
           "2019 form, other_admin_services 418631 (公积金 business).")


# ---------------------------------------------------------------- T7 上海 奉贤区医疗保障事务中心: title year only, 发布机构 line
def t07():
    name = "sh_medical_insurance_affairs_centre_title_year_only_fabujigou_fengxian_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7207, tpl, scale=0.4)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "上海市奉贤区医疗保障事务中心"
    six = ["本中心是上海市奉贤区医疗保障局所属事业单位，按照上海市奉贤区医疗保障局和上海市医疗保险事业管理中心的要求，"
           "做好医保经办信息公开；上海市奉贤区医疗保障局的年度报告另行发布。"]
    b = blocks(year, "本中心", "sh", t3, tpl, 7207, title=["2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro("本中心", year, "https://www.fengxian.gov.cn", "021-57412345", tpl), six_extra=six,
               signoff=[ag, "2023年1月20日"])
    pre = ["发布机构：上海市奉贤区医疗保障事务中心", "生成日期：2023-01-20", "公开方式：主动公开"]
    text = "\n".join(pre) + "\n" + render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "奉贤区"], year, "department", "tsv", "2023-01-20"), tpl, t2, t3,
           t4, "A 医疗保障事务中心 (事业单位 of the district 医疗保障局): department of 奉贤区. The title is only "
               "`2022年政府信息公开工作年度报告`; the 编制 sentence says 由本中心编制; the full name is in a 上海 portal "
               "`发布机构：` line above the title and in the sign-off. Section 六 names 上海市奉贤区医疗保障局 twice (its "
               "parent, which publishes its own report) and 上海市医疗保险事业管理中心. Tables 2 and 4 all 0.")


# ---------------------------------------------------------------- T8 福建 国家统计局泉州调查队, portal HTML on the city site
def t08():
    name = "fj_nbs_survey_team_portal_tongjiju_decoy_quanzhou_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(7208, tpl, scale=0.2, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(1, 12.5))
    t4 = mk_t4({})
    ag = "国家统计局泉州调查队"
    extra = ["国家统计局泉州调查队是国家统计局派出机构，由国家统计局福建调查总队直接管理。"]
    six = ["我队按照国家统计局和国家统计局福建调查总队的部署发布住户调查、价格调查等统计数据，与泉州市统计局"
           "联合发布《泉州统计年鉴》；统计数据同时在泉州市人民政府门户网站公开。"]
    b = blocks(year, "我队", "fj", t3, tpl, 7208, title=[], extra_intro=extra, small=True,
               intro=P.std_intro(ag, year, "http://www.quanzhou.gov.cn", "0595-22581234", tpl), six_extra=six,
               signoff=[ag, "2020年1月17日"])
    title = f"{ag}2019年政府信息公开工作年度报告"
    head = ('<div class="crumb">首页 &gt; 政务公开 &gt; 中央驻泉单位 &gt; 国家统计局泉州调查队</div>\n'
            f'<h2>{title}</h2>\n<div class="info">发布时间：2020-01-17　来源：国家统计局泉州调查队</div>')
    text = page(title + "_泉州市人民政府", head, body_html(b, html_tables(tpl, t2, t3, t4), title_tag="h2"),
                '<div class="foot">泉州市人民政府办公室主办</div>')
    finish(name, "html", text, meta(ag, ["福建省", "泉州市"], year, "department", "html", "2020-01-17"), tpl, t2, t3, t4,
           "A 国家统计局XX调查队 (派出机构 of 国家统计局, managed by the 福建调查总队, serving the city): department, region "
           "[福建省, 泉州市] (judgement call: a vertically managed body takes the region it serves, like the redteam_q "
           "税务局). The name starts with 国家统计局 and has no 市 (泉州调查队). Portal page of 泉州市人民政府 (breadcrumb "
           "中央驻泉单位, <title> suffix, footer); prose names 国家统计局, 国家统计局福建调查总队, 泉州市统计局. 2019 form, "
           "almost all zeros.")


# ---------------------------------------------------------------- T9 福建 中华人民共和国厦门海事局: full name only in page headers and sign-off
def t09():
    name = "fj_maritime_bureau_full_name_in_page_header_only_xiamen_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7209, tpl, scale=0.6)
    t2 = t2_21(norm=(1, 0, 4), lic=3127, pen=286, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    ag = "中华人民共和国厦门海事局"
    six = ["我局按照交通运输部海事局的部署，在中华人民共和国福建海事局和厦门市人民政府的支持下推进海事政务公开，"
           "在“厦门海事”网站公开船舶检验、船员管理等信息。"]
    b = blocks(year, "我局", "fj", t3, tpl, 7209, title=["厦门海事局2021年政府信息公开工作年度报告"],
               intro=P.std_intro("厦门海事局", year, "https://www.xm.msa.gov.cn", "0592-12395", tpl), six_extra=six,
               signoff=[ag, "2022年1月21日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    text = ag + "\n" + text
    for i, h in ((2, "三、收到和处理政府信息公开申请情况"), (3, "四、政府信息公开行政复议、行政诉讼情况"),
                 (4, "五、存在的主要问题及改进情况")):
        text = text.replace("\n" + h + "\n", f"\n- {i} -\n{ag}\n{h}\n", 1)
    finish(name, "txt", text, meta(ag, ["福建省", "厦门市"], year, "department", "tsv-paged", "2022-01-21"), tpl, t2, t3,
           t4, "A 海事局 directly under 交通运输部 (vertically managed; its 辖区 is 厦门's waters): department, region "
               "[福建省, 厦门市] (judgement call: the city it serves). The title and the 编制 sentence print the short "
               "`厦门海事局`; the full name 中华人民共和国厦门海事局 is only in the page headers (first line and after "
               "each `- N -` footer) and the sign-off. Prose names 交通运输部海事局, 中华人民共和国福建海事局 (its 上级, "
               "also a full name with 中华人民共和国) and 厦门市人民政府.")


# ---------------------------------------------------------------- T10 江苏 昆山市气象局, Word HTML, 上级 气象局 decoys
def t10():
    name = "js_meteorological_bureau_title_no_shi_word_html_kunshan_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7210, tpl, scale=0.2, orgs=False)
    t2 = t2_19(norm=(0, 0, 1), lic=(2, 0, 14), oth=(1, 0, 6), pen=(1, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(0, 0))
    t4 = mk_t4({})
    ag = "昆山市气象局"
    extra = ["根据中国气象局和江苏省气象局关于政府信息公开工作年度报告的统一要求，以及苏州市气象局的工作部署，编制本报告。"]
    six = ["我局实行气象部门与地方人民政府双重领导、以气象部门领导为主的管理体制，按照苏州市气象局和昆山市人民政府办公室的"
           "要求，在昆山市人民政府门户网站和江苏省气象局网站公开防雷装置设计审核、气象灾害预警等信息。"]
    b = blocks(year, "我局", "js", t3, tpl, 7210, title=["昆山气象局2020年政府信息公开工作年度报告"], extra_intro=extra,
               small=True, intro=P.std_intro(ag, year, "http://www.ks.gov.cn", "0512-57512121", tpl), six_extra=six,
               signoff=[ag, "2021年1月15日"])
    text = word_html("昆山气象局2020年政府信息公开工作年度报告", b, tpl, t2, t3, t4)
    finish(name, "html", text, meta(ag, ["江苏省", "苏州市", "昆山市"], year, "department", "html-word-mso",
                                    "2021-01-15"), tpl, t2, t3, t4,
           "A county-level 气象局 (双重领导, vertically managed by 中国气象局): department of 昆山市 (县级市 of 苏州市), "
           "region [江苏省, 苏州市, 昆山市]. Word HTML. The title (first paragraph and <title>) prints `昆山气象局` (the everyday form without 市); the full name 昆山市气象局 is in the 编制 sentence and the sign-off. The first paragraph names 中国气象局, 江苏省气象局 and 苏州市气象局 "
           "before the 编制 sentence; section 六 names 苏州市气象局 and 江苏省气象局 again and 昆山市人民政府. 2019 form, "
           "mostly zeros.")


# ---------------------------------------------------------------- T11 江苏 江苏省秦淮河水利工程管理处: provincial 处 located in 南京
def t11():
    name = "js_provincial_water_works_chu_title_no_province_qinhuaihe_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7211, tpl, scale=0.2, orgs=False, carry=False)
    t2 = t2_21(norm=(0, 0, 0), lic=4, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "江苏省秦淮河水利工程管理处"
    extra = ["秦淮河水利工程管理处是江苏省水利厅直属事业单位，位于南京市，负责秦淮新河、武定门等水利枢纽工程的运行管理。"]
    six = ["我处按照江苏省水利厅的部署推进政务公开，与南京市水务局、南京市秦淮区人民政府建立防汛信息共享机制，"
           "在江苏省水利厅网站“直属单位信息公开”栏目发布信息。"]
    b = blocks(year, "我处", "js", t3, tpl, 7211, title=["秦淮河水利工程管理处2021年政府信息公开工作年度报告"],
               extra_intro=extra, small=True,
               intro=P.std_intro(ag, year, "http://jswater.jiangsu.gov.cn", "025-86581234", tpl), six_extra=six,
               signoff=[ag, "2022年1月14日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省"], year, "department", "tsv-zeros", "2022-01-14"), tpl, t2, t3, t4,
           "A 水利工程管理处 directly under the 江苏省水利厅 (a provincial 处, not a city one): department, region [江苏省] "
           "(judgement call: it belongs to the province, although it sits in 南京市). The title drops 江苏省 "
           "(`秦淮河水利工程管理处…`; 秦淮河 is no place name the divisions know); the full name is in the 编制 sentence and "
           "sign-off. Prose says it is located in 南京市 and names 南京市水务局 and 南京市秦淮区人民政府 (decoy city and "
           "district). Nearly all zeros, no carry-over.")


# ---------------------------------------------------------------- T12 上海 洋山特殊综合保税区管理局, in 浙江 geographically
def t12():
    name = "sh_bonded_zone_guanliju_decoy_zhejiang_lingang_yangshan_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(7212, tpl, scale=0.3)
    t2 = t2_19(norm=(2, 2, 5), lic=(4, 4, 37), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(2, 64.0))
    t4 = mk_t4({})
    ag = "洋山特殊综合保税区管理局"
    extra = ["洋山特殊综合保税区管理局是中国（上海）自由贸易试验区临港新片区管理委员会的派出机构。洋山特殊综合保税区由"
             "位于上海市浦东新区的芦潮港区域和位于浙江省舟山市嵊泗县的小洋山岛区域组成。"]
    six = ["管理局按照临港新片区管委会和上海海关的部署，与嵊泗县人民政府建立小洋山区域协同工作机制。"]
    b = blocks(year, "管理局", "sh", t3, tpl, 7212, title=[f"{ag}2020年政府信息公开工作年度报告"], extra_intro=extra,
               small=True, intro=P.std_intro(f"{ag}（以下简称“管理局”）", year, "https://www.lingang.gov.cn",
                                             "021-68281234", tpl), six_extra=six, signoff=[ag, "2021年1月26日"])
    text = render(b, md_tables(tpl, t2, t3, t4), tfmt="**{}**", hfmt="### {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["上海市"], year, "department", "markdown", "2021-01-26"), tpl, t2, t3, t4,
           "A 综合保税区管理局, 派出机构 of the 临港新片区管委会 (itself of the 上海市人民政府): department, region [上海市] "
           "(judgement call: the zone rule of the README, the parent committee's region; the name carries no place the "
           "divisions know). Decoys before the 编制 sentence: 上海市浦东新区 and 浙江省舟山市嵊泗县 (the zone's two parts) "
           "and the full-width-bracketed 中国（上海）…管理委员会; section 六 names 嵊泗县人民政府 and 上海海关. Bold title, "
           "### headings, markdown pipes, 2019 form.")


# ---------------------------------------------------------------- T13 江苏 中共无锡市委无锡市人民政府信访局, one-line dump, short title
def t13():
    name = "js_joint_party_gov_xinfangju_oneline_short_title_wuxi_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(7213, tpl, scale=0.5)
    t2 = t2_21(norm=(0, 1, 2), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    ag = "中共无锡市委无锡市人民政府信访局"
    six = ["我局按照江苏省信访局和无锡市人民政府办公室的部署，在无锡市人民政府门户网站公开信访事项办理程序；"
           "信访事项依照《信访工作条例》办理，不作为政府信息公开申请处理。"]
    b = blocks(year, "市信访局", "js", t3, tpl, 7213, title=["无锡市信访局2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“市信访局”）", year, "http://www.wuxi.gov.cn", "0512-12345", tpl),
               six_extra=six, signoff=[ag, "2023年1月28日"])
    hdr = ["标题：无锡市信访局2022年政府信息公开工作年度报告", f"发布机构：{ag}", "发布日期：2023-01-28"]
    text = oneline(hdr, b, tsv_tables(tpl, t2, t3, t4))
    finish(name, "txt", text, meta(ag, ["江苏省", "无锡市"], year, "department", "crawler-oneline", "2023-01-28"),
           tpl, t2, t3, t4,
           "A joint party-and-government body (市委市政府信访局, 合署): department of 无锡市, region [江苏省, 无锡市]. "
           "Judgement call: the agency is the full joint name as the 发布机构, 编制 sentence and sign-off print it "
           "(中共无锡市委无锡市人民政府信访局), not the title's short 无锡市信访局 and not 中共无锡市委 or 无锡市人民政府 "
           "(both are substrings of it). One-line crawler dump with 标题/发布机构/发布日期 header lines. 2021 form.")


# ---------------------------------------------------------------- T14 上海 静安区残疾人联合会 (群团), title 区残联
def t14():
    name = "sh_disabled_persons_federation_qunt_title_abbrev_canlian_jingan_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(7214, tpl, scale=0.3, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "上海市静安区残疾人联合会"
    six = ["区残联参照《中华人民共和国政府信息公开条例》开展信息公开，按照上海市残疾人联合会和静安区人民政府办公室的要求，"
           "在上海市静安区人民政府门户网站公开残疾人康复、就业补贴等政策。"]
    b = blocks(year, "区残联", "sh", t3, tpl, 7214, title=["静安区残联2021年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“区残联”）", year, "https://www.jingan.gov.cn", "021-62471234", tpl),
               six_extra=six, signoff=[ag, "2022年1月24日"])
    text = render(b, tsv_tables(tpl, t2, t3, t4)) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "静安区"], year, "department", "tsv-zeros", "2022-01-24"), tpl,
           t2, t3, t4,
           "A 残疾人联合会 (群团 body that publishes under the 条例 by reference): department of 静安区, region "
           "[上海市, null, 静安区] (judgement call: the contract has no level for 群团 bodies; `department` is the only "
           "non-territorial one). Title `静安区残联…` (残联 for 残疾人联合会, no 上海市); the full name is in the 编制 "
           "sentence and sign-off; section 六 names 上海市残疾人联合会 (the city federation). Tables 2 and 4 all 0.")


FX = [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14]
