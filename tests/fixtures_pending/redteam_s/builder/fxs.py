"""redteam_s fixtures: decoys and extra content around the official tables (上海 / 福建 / 江苏), on complete reports.

Every decoy number is invented and is NOT a cell of this report's own tables 2/3/4; the truth holds only those."""
import html as H
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first, C, N
from lhelp import *  # noqa
from fxl1 import render
from fxm1 import html_tab, body_html, page, tabs
from lay import T3Layout, t4_layout, t2_layout, line
from render import dwidth, wrap_w
import kprose as P

CONGRESS = {2019: "党的十九大和十九届二中、三中、四中全会精神", 2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
            2021: "党的十九大和十九届历次全会精神"}


def blocks(year, we, flavor, t3, tpl, seed, **kw):
    b = P.blocks(year, we, flavor, t3, tpl, seed, **kw)
    if year in CONGRESS:
        b = [(blk[0], blk[1].replace("党的二十大精神", CONGRESS[year])) + blk[2:]
             if blk[0] in ("p", "h3") and isinstance(blk[1], str) else blk for blk in b]
    return b


def pos(b, kind, n=None):
    for i, blk in enumerate(b):
        if blk[0] == kind and (n is None or blk[1] == n):
            return i
    raise KeyError((kind, n))


def before(b, kind, new, n=None):
    i = pos(b, kind, n)
    b[i:i] = new


def after(b, kind, new, n=None):
    i = pos(b, kind, n) + 1
    b[i:i] = new


def md(grid):
    w = max(len(r) for r in grid)
    rows = [r + [""] * (w - len(r)) for r in grid]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * w]
    out += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(out)


def prev_of(cur, seed, tpl, scale=1.0, orgs=True):
    """A consistent previous-year table 3 whose 结转下年度 equals this year's 上年结转 column by column."""
    p = gen_t3(seed, tpl, scale=scale, orgs=orgs)
    for c in PARTS:
        p["carried_forward"][c] = cur["carried_over"][c]
        p["new_received"][c] = p["total_processed"][c] + p["carried_forward"][c] - p["carried_over"][c]
        if p["new_received"][c] < 0:
            p["carried_over"][c] -= p["new_received"][c]
            p["new_received"][c] = 0
    for r in p:
        p[r]["total"] = sum(p[r][c] for c in PARTS)
    check_t3(p, tpl)
    return p


def signed(d):
    return f"+{d}" if d > 0 else ("0" if d == 0 else str(d))


def pct(a, b):
    return f"{(a - b) * 100 / b:.1f}%" if b else "—"


def finish(name, ext, text, m, tpl, t2, t3, t4, notes, blanks=()):
    tr = truth(m, tpl, t2, t3, t4, blanks=blanks, t2_blanks=t2_blank_keys(t2), notes=notes)
    write(name, ext, text, tr)


def row_index(rows, code, tpl):
    """index in t3_spans rows (3 header rows) of a table-3 row code."""
    return 3 + [c for c, *_ in t3_rows(tpl)].index(code)


# ---------------------------------------------------------------- Word-pasted HTML
WSPAN = "font-size:16.0pt;font-family:仿宋_GB2312;mso-ascii-font-family:'Times New Roman';mso-hansi-font-family:'Times New Roman'"


def word_cell(c, w=60):
    t = c["t"]
    a = f' width="{w * c["cs"]}" valign="center"'
    if c["rs"] > 1:
        a += f' rowspan="{c["rs"]}"'
    if c["cs"] > 1:
        a += f' colspan="{c["cs"]}"'
    a += (' style="width:{0}.0pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;'
          'padding:0cm 5.4pt 0cm 5.4pt"').format(w * c["cs"] * 3 // 4)
    if t:
        lang = ' lang="EN-US"' if c["k"] == "num" else ""
        inner = (f'<span{lang} style="font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体">'
                 f'{H.escape(t, quote=False)}<o:p></o:p></span>')
    else:
        inner = '<span lang="EN-US" style="font-size:10.5pt"><o:p>&nbsp;</o:p></span>'
    return (f'<td{a}><p class="MsoNormal" align="center" style="text-align:center;mso-line-height-rule:exactly;'
            f'line-height:14.0pt">{inner}</p></td>')


def word_tab(rows):
    out = ['<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;'
           'border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt">']
    for i, row in enumerate(rows):
        out.append(f'<tr style="mso-yfti-irow:{i};height:20.0pt">' + "".join(word_cell(c) for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def word_p(t, kind="p"):
    t = H.escape(t, quote=False)
    if kind == "title":
        return (f'<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;'
                f'font-family:方正小标宋简体">{t}</span></b><span lang="EN-US"><o:p></o:p></span></p>')
    if kind == "h":
        return (f'<p class="MsoNormal" style="text-indent:32.0pt"><b><span style="font-size:16.0pt;font-family:黑体;'
                f'mso-hansi-font-family:黑体">{t}</span></b><span lang="EN-US"><o:p></o:p></span></p>')
    if kind == "sign":
        return (f'<p class="MsoNormal" align="right" style="text-align:right"><span style="{WSPAN}">{t}</span>'
                '<span lang="EN-US"><o:p></o:p></span></p>')
    return (f'<p class="MsoNormal" style="text-indent:32.0pt;mso-char-indent-count:2.0"><span style="{WSPAN}">{t}'
            '</span><span lang="EN-US" style="font-size:16.0pt"><o:p></o:p></span></p>')


def word_html(b, tables, title):
    out = ['<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w="urn:schemas-microsoft-com:office:word">',
           '<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
           '<meta name="ProgId" content="Word.Document"><meta name="Generator" content="Microsoft Word 15">',
           f"<title>{title}</title>",
           "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->",
           "<style>p.MsoNormal{margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;}</style>",
           '</head><body lang="ZH-CN" style="tab-interval:21.0pt">', '<div class="WordSection1">']
    for blk in b:
        k = blk[0]
        if k in tables:
            out.append(tables[k])
            out.append('<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>')
        elif k == "title":
            out.append(word_p(blk[1], "title"))
        elif k == "h":
            out.append(word_p(P.heading(blk[1]), "h"))
        elif k == "h3":
            out.append(word_p(blk[1], "h"))
        elif k == "sign":
            out.append(word_p(blk[1], "sign"))
        else:
            out.append(word_p(blk[1]))
    out.append("</div></body></html>\n")
    return "\n".join(out)


# ---------------------------------------------------------------- pdftotext -layout document (any table key)
def layout_doc(b, tables, running, title_lines, width=80, page_len=46):
    out = []
    for t in title_lines:
        out.append((line([(width // 2, t, "c")]), True))
    out.append(("", True))
    for blk in b:
        k = blk[0]
        if k == "title":
            continue
        if k in tables:
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
    pg, n, res = 1, 0, []
    for text, ok in out:
        if n >= page_len and ok:
            res.extend(["", "", line([(width // 2, f"- {pg} -", "c")]), "\f" + line([(width // 2, running, "c")]), ""])
            pg += 1; n = 0
        res.append(text); n += 1
    res += ["", "", line([(width // 2, f"- {pg} -", "c")])]
    return "\n".join(res) + "\n"


def layout_grid(grid, xs, aligns):
    """lines of a plain decoy table: xs = anchor x per column, aligns 'l'/'r'/'c'."""
    return [line([(x, c, a) for x, c, a in zip(xs, r, aligns)]) for r in grid]


# ================================================================ S01 上海 静安区: 上年/本年/同比 table before table 3
def s01():
    name = "sh_district_prev_year_compare_table_before_t3_jingan_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(8101, tpl, scale=2.0)
    pv = prev_of(t3, 8191, tpl, scale=1.7)
    t2 = t2_21(norm=(4, 2, 37), lic=15847, pen=2316, coe=41, fee=0)
    t4 = mk_t4({"admin_review": (6, 1, 0, 2), "litigation_direct": (3, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市静安区人民政府"
    rows = [("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
            ("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开"),
            ("unavailable_not_held", "1.本机关不掌握相关政府信息"), ("total_processed", "（七）总计"),
            ("carried_forward", "四、结转下年度继续办理")]
    g = [["项目", "2022年", "2023年", "同比增减", "增减幅度"]]
    for code, lab in rows:
        a, c = pv[code]["total"], t3[code]["total"]
        g.append([lab, str(a), str(c), signed(c - a), pct(c, a)])
    n, a = t3["new_received"]["total"], pv["new_received"]["total"]
    decoy = [("p", f"2023年，区政府共新收政府信息公开申请{n}件，较2022年的{a}件{'增长' if n >= a else '下降'}"
                   f"{abs(n - a) * 100 / a:.1f}%。近两年申请办理情况对比如下："),
             ("raw", tabs(g)),
             ("p", "本年度政府信息公开申请情况统计如下：")]
    b = blocks(year, "区政府", "sh", t3, tpl, 8101, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro("上海市静安区人民政府办公室", year, "https://www.jingan.gov.cn", "021-62891234", tpl),
               signoff=[ag, "2024年1月19日"])
    after(b, "h", decoy, 2)
    text = render(b, {"t2": tabs(expand_first(t2_spans(tpl, t2))), "t3": tabs(expand_first(t3_spans(tpl, t3))),
                      "t4": tabs(expand_first(t4_spans(t4)))}) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "静安区"], year, "county", "tsv", "2024-01-19"), tpl, t2, t3,
           t4, "Section 三 opens with a 2022-vs-2023 comparison table (项目 / 2022年 / 2023年 / 同比增减 / 增减幅度) whose "
               "row labels are the table-3 labels (一、本年新收…, 二、上年结转…, （一）予以公开, （二）部分公开, "
               "1.本机关不掌握…, （七）总计, 四、结转下年度…), then the official table 3. The 2023 column equals this "
               "year's 总计 column; the 2022 column and the 同比 columns are decoys (signed +N, percentages). "
               "Truth = the official table only. TSV.")


# ================================================================ S02 福建 厦门市生态环境局: 比上年增减 column in t3, 备注 in t4 (HTML)
def s02():
    name = "fj_city_bureau_t3_bishangnian_col_t4_beizhu_xiamen_sthjj_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8102, tpl, scale=0.8)
    pv = prev_of(t3, 8192, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 1, 19), lic=743, pen=286, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (2, 1, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    ag = "厦门市生态环境局"
    r3 = t3_spans(tpl, t3)
    r3[0].append(C("比上年增减", 3, 1))
    for i, (code, *_r) in enumerate(t3_rows(tpl)):
        r3[3 + i].append(N(signed(t3[code]["total"] - pv[code]["total"])))
    r4 = t4_spans(t4)
    r4[0].append(C("备注", 3, 1))
    r4[3].append(C("行政复议含上年结转1件；诉讼1件已审结"))
    tables = {"t2": html_tab(t2_spans(tpl, t2)), "t3": html_tab(r3), "t4": html_tab(r4)}
    b = blocks(year, "我局", "fj", t3, tpl, 8102, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(ag, year, "http://sthjj.xm.gov.cn", "0592-5181234", tpl), signoff=[ag, "2023年1月16日"])
    title = f"{ag}2022年政府信息公开工作年度报告"
    head = ('<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>\n'
            f'<div class="info">发布时间：2023-01-16　来源：{ag}</div>')
    text = page(title, head, body_html(b, tables, title_tag="h1"), '<div class="foot">厦门市生态环境局 版权所有</div>')
    finish(name, "html", text, meta(ag, ["福建省", "厦门市"], year, "department", "html", "2023-01-16"), tpl, t2, t3, t4,
           "Clean HTML with the official rowspan/colspan. Table 3 has an 8th number column 比上年增减 (rowspan-3 header "
           "right of 总计) with signed differences (+3, -2, 0) against 2022: not a cell. Table 4 has a 备注 column "
           "whose text holds numbers (含上年结转1件；诉讼1件已审结). Truth = the 7 applicant columns and the 15 table-4 cells.")


# ================================================================ S03 江苏 如皋市: footnote marks in cells, 注： lines with numbers (TSV, 2019)
def s03():
    name = "js_county_city_footnote_marks_zhu_lines_rugao_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8103, tpl, scale=1.5)
    t2 = t2_19(norm=(6, 6, 48), lic=(214, -6, 9325), oth=(87, 3, 2146), pen=(163, 0, 1874), coe=(21, -1, 66),
               fees=(9, 0), proc=(48, 6231.7))
    t4 = mk_t4({"admin_review": (3, 1, 0, 0), "litigation_direct": (1, 0, 1, 0)})
    ag = "如皋市人民政府"
    g2 = expand_first(t2_spans(tpl, t2))
    for r in g2:
        if r[0] == "行政许可":
            r[3] += "①"
        if r[0] == "政府集中采购":
            r[2] += "*"
    g3 = expand_first(t3_spans(tpl, t3))
    marks = {("new_received", 3): "①", ("granted", 9): "*", ("not_processed_duplicate", 9): "注",
             ("total_processed", 9): "*"}
    for i, (code, *_r) in enumerate(t3_rows(tpl)):
        for (c, j), m in marks.items():
            if c == code:
                g3[3 + i][j] += m
    lic = t2["admin_licensing"]["decisions"]
    n_web = max(1, t3["new_received"]["natural_person"] * 2 // 3)
    z2 = (f"注：①行政许可处理决定数量含“不见面审批”办件{lic * 7 // 10}件、承诺制办件{lic // 9}件；*政府集中采购总金额"
          f"单位为万元，含跨年度项目3个、金额412.5万元。")
    z3 = (f"注：①其中通过“如皋市政府信息公开申请平台”在线提交{n_web}件、信函申请{max(0, t3['new_received']['natural_person'] - n_web)}件；"
          f"*含2019年结转至本年度办结的申请{t3['carried_over']['total']}件；“注”为同一申请人就同一事项重复提出的申请，"
          f"已按规定告知。")
    b = blocks(year, "市政府", "js", t3, tpl, 8103, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro("如皋市人民政府办公室", year, "http://www.rugao.gov.cn", "0513-87511234", tpl),
               signoff=[ag, "2021年1月26日"])
    after(b, "t2", [("p", z2)])
    after(b, "t3", [("p", z3)])
    after(b, "t4", [("p", "注：行政复议纠错1件为2019年受理、2020年作出决定；行政诉讼其他结果1件为原告撤诉。")])
    text = render(b, {"t2": tabs(g2), "t3": tabs(g3), "t4": tabs(expand_first(t4_spans(t4)))}) + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "南通市", "如皋市"], year, "county", "tsv", "2021-01-26"), tpl, t2, t3,
           t4, "Footnote marks glued to printed cells: table 2 行政许可 处理决定数量 `N①`, 政府集中采购 采购总金额 `6231.7*`; "
               "table 3 新收.自然人 `N①`, 予以公开.总计 `N*`, 重复申请.总计 `N注`, （七）总计.总计 `N*`. Each cell's value "
               "is the number without the mark. 注： lines under every table contain other numbers (在线提交, 信函, "
               "不见面审批, 412.5 万元, 2019年结转…) that are not cells. 2019 form, TSV.")


# ================================================================ S04 上海 普陀区市场监管局: 主动公开 channel table + 培训/平台 tables around t2 (md)
def s04():
    name = "sh_district_bureau_channel_training_tables_around_t2_putuo_scjgj_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8104, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(0, 1, 6), lic=6382, pen=1147, coe=23, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "上海市普陀区市场监督管理局"
    ch = [["公开渠道", "本年公开信息条数", "其中政策文件", "其中政策解读"],
          ["区政府门户网站", "1523", "12", "9"], ["“上海普陀”政务微博", "864", "6", "6"],
          ["“普陀市场监管”微信公众号", "1207", "9", "11"], ["“一网通办”普陀频道", "318", "0", "0"],
          ["合计", "3912", "27", "26"]]
    tr = [["类别", "次数", "参训人次"], ["政务公开业务培训", "4", "186"], ["依申请公开专题培训", "2", "47"],
          ["保密审查培训", "1", "38"], ["合计", "7", "271"]]
    pf = [["平台建设事项", "数量"], ["政府信息公开专栏栏目", "26"], ["新增或调整栏目", "3"], ["政务新媒体账号", "2"],
          ["政务公开专区（窗口）", "1"]]
    b = blocks(year, "区市场监管局", "sh", t3, tpl, 8104, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区市场监管局”）", year, "https://www.shpt.gov.cn", "021-52561234", tpl),
               signoff=[ag, "2022年1月21日"])
    after(b, "h", [("p", "2021年，区市场监管局通过各渠道主动公开政府信息情况如下："), ("raw", md(ch)),
                   ("p", "主动公开政府信息情况（按《中华人民共和国政府信息公开工作年度报告格式》统计）：")], 1)
    after(b, "t2", [("p", "本年度政务公开培训和平台建设情况如下："), ("raw", md(tr)), ("raw", md(pf))])
    tables = {"t2": md(expand_first(t2_spans(tpl, t2))), "t3": md(expand_first(t3_spans(tpl, t3))),
              "t4": md(expand_first(t4_spans(t4)))}
    text = render(b, tables, tfmt="# {}", hfmt="## {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["上海市", None, "普陀区"], year, "department", "markdown", "2022-01-21"), tpl, t2,
           t3, t4, "Section 二 opens with a 主动公开 by-channel table (门户网站 / 政务微博 / 微信公众号 / 一网通办, 合计 "
                   "3912 条) BEFORE table 2; after table 2 come a 培训 table (次数 / 参训人次, 合计 7 / 271) and a "
                   "平台建设 table (栏目 26 …). None is table 2. Only natural persons, 商业企业 and 法律服务机构 applied "
                   "(many zero columns). Markdown pipes.")


# ================================================================ S05 福建 永春县: 附件 with the previous year's tables 3 and 4 (pdftotext -layout)
def s05():
    name = "fj_county_appendix_prev_year_t3_t4_layout_yongchun_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8105, tpl, scale=1.1)
    pv = prev_of(t3, 8195, tpl, scale=1.3)
    t2 = t2_21(norm=(3, 0, 22), lic=4318, pen=512, coe=17, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 1, 0), "litigation_direct": (0, 0, 0, 1)})
    t4p = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    ag = "永春县人民政府"
    tables = {"t2": t2_layout(tpl, t2), "t3": T3Layout(tpl, t3).header() + T3Layout(tpl, t3).body(),
              "t4": t4_layout(t4), "a3": T3Layout(tpl, pv).header() + T3Layout(tpl, pv).body(), "a4": t4_layout(t4p)}
    b = blocks(year, "县政府", "fj", t3, tpl, 8105, title=[],
               intro=P.std_intro("永春县人民政府办公室", year, "http://www.fjyc.gov.cn", "0595-23881234", tpl),
               signoff=[ag, "2023年1月29日"])
    b += [("p", "附件：永春县人民政府2021年政府信息公开工作年度报告（收到和处理政府信息公开申请情况、"
                "行政复议和行政诉讼情况）数据表，供对比参考"),
          ("p", "附表1  2021年度收到和处理政府信息公开申请情况"), ("a3",),
          ("p", "附表2  2021年度政府信息公开行政复议、行政诉讼情况"), ("a4",)]
    title = f"{ag}2022年政府信息公开工作年度报告"
    text = layout_doc(b, tables, title, [title])
    finish(name, "txt", text, meta(ag, ["福建省", "泉州市", "永春县"], year, "county", "pdftotext-layout", "2023-01-29"),
           tpl, t2, t3, t4,
           "pdftotext -layout of a county report. After the sign-off an 附件 reprints the PREVIOUS year's (2021) table "
           "3 and table 4 in exactly the same layout (same labels, same header), captioned 附表1/附表2 2021年度…. Its "
           "结转下年度 column equals this year's 上年结转 (so the two tables are consistent, and both obey every "
           "identity). Truth = this year's tables in sections 三 and 四 only.")


# ================================================================ S06 江苏 徐州 云龙区教育局: 附件 with a 下属单位's own tables (Word HTML)
def s06():
    name = "js_district_bureau_subunit_annex_same_tables_word_html_yunlong_jyj_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8106, tpl, scale=0.7)
    t3s = gen_t3(8196, tpl, scale=0.3, orgs=False)
    t2 = t2_21(norm=(2, 0, 11), lic=96, pen=0, coe=0, fee=0)
    t2s = t2_21(norm=(0, 0, 1), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    t4s = mk_t4({})
    ag = "徐州市云龙区教育局"
    sub = "徐州市云龙区教师发展中心"
    tables = {"t2": word_tab(t2_spans(tpl, t2)), "t3": word_tab(t3_spans(tpl, t3)), "t4": word_tab(t4_spans(t4)),
              "s2": word_tab(t2_spans(tpl, t2s)), "s3": word_tab(t3_spans(tpl, t3s)), "s4": word_tab(t4_spans(t4s))}
    b = blocks(year, "区教育局", "js", t3, tpl, 8106, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区教育局”）", year, "http://www.xzyl.gov.cn", "0516-83801234", tpl),
               six_extra=[f"区教育局所属事业单位{sub}的政府信息公开情况见附件。"], signoff=[ag, "2022年1月24日"])
    b += [("title", "附件"), ("title", f"{sub}2021年政府信息公开情况统计表"),
          ("p", "一、主动公开政府信息情况"), ("s2",), ("p", "二、收到和处理政府信息公开申请情况"), ("s3",),
          ("p", "三、政府信息公开行政复议、行政诉讼情况"), ("s4",)]
    text = word_html(b, tables, f"{ag}2021年政府信息公开工作年度报告")
    finish(name, "html", text, meta(ag, ["江苏省", "徐州市", "云龙区"], year, "department", "word-html", "2022-01-24"),
           tpl, t2, t3, t4,
           "Word 'Save as Web Page' HTML (MsoNormal, mso- styles, <o:p>, rowspan/colspan). After the sign-off an 附件 "
           f"prints the statistics of a 下属单位 ({sub}) in the same three official forms, under headings 一/二/三 "
           "that look like section headings (一、主动公开政府信息情况 …). Truth = the bureau's own tables only. "
           "Sub-unit tables: 1 规范性文件 in force, 2-3 applications, no review/litigation.")


# ================================================================ S07 上海 金山区: 街镇汇总表 in the same table-3 form after the own tables (TSV, 2019)
def s07():
    name = "sh_district_towns_summary_t3_form_after_own_tables_jinshan_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8107, tpl, scale=1.4)
    tw = gen_t3(8197, tpl, scale=1.9)
    t2 = t2_19(norm=(5, 5, 29), lic=(186, 4, 11236), oth=(74, 0, 3318), pen=(138, -2, 2471), coe=(19, 0, 43),
               fees=(6, -1), proc=(37, 5127.4))
    t4 = mk_t4({"admin_review": (4, 0, 1, 1), "litigation_direct": (2, 1, 0, 0)})
    ag = "上海市金山区人民政府"
    towns = ["朱泾镇", "枫泾镇", "张堰镇", "亭林镇", "吕巷镇", "廊下镇", "金山卫镇", "漕泾镇", "山阳镇", "石化街道"]
    # split the summary's 新收/办结/结转 totals over the towns (deterministic)
    import random
    rnd = random.Random(8197)

    def split(n, k):
        cuts = sorted(rnd.randint(0, n) for _ in range(k - 1))
        return [b - a for a, b in zip([0] + cuts, cuts + [n])]
    cols = {k: split(tw[k]["total"], len(towns)) for k in ("new_received", "carried_over", "carried_forward")}
    nr_, co_, cf_ = cols["new_received"], cols["carried_over"], cols["carried_forward"]
    for i in range(len(towns)):  # no town carries forward more than it had: move the excess to the biggest town
        ex = cf_[i] - (nr_[i] + co_[i])
        if ex > 0:
            cf_[i] -= ex
            j = max(range(len(towns)), key=lambda k: nr_[k] + co_[k] - cf_[k])
            cf_[j] += ex
    tg = [["街镇", "本年新收申请", "上年结转", "本年办结", "结转下年度", "行政复议", "行政诉讼"]]
    for i, t in enumerate(towns):
        nr, co, cf = cols["new_received"][i], cols["carried_over"][i], cols["carried_forward"][i]
        tg.append([t, str(nr), str(co), str(nr + co - cf), str(cf), "0", "1" if i == 3 else "0"])
    tg.append(["合计", str(tw["new_received"]["total"]), str(tw["carried_over"]["total"]),
               str(tw["total_processed"]["total"]), str(tw["carried_forward"]["total"]), "0", "1"])
    assert sum(int(r[3]) for r in tg[1:-1]) == tw["total_processed"]["total"]
    b = blocks(year, "区政府", "sh", t3, tpl, 8107, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro("上海市金山区人民政府办公室", year, "https://www.jinshan.gov.cn", "021-57921234", tpl),
               six_extra=["按照上海市人民政府办公厅要求，区政府办公室对全区9个镇、1个街道的政府信息公开年度报告进行了汇总，"
                          "全区各街镇政府信息公开申请办理情况汇总如下（各街镇年度报告另行发布）："],
               signoff=[ag, "2021年1月27日"])
    i = pos(b, "p", b[pos(b, "h", 5) + 2][1]) + 1
    b[i:i] = [("p", "附表1：2020年金山区各街镇收到和处理政府信息公开申请情况汇总表"),
              ("raw", tabs(expand_first(t3_spans(tpl, tw)))),
              ("p", "附表2：2020年金山区各街镇政府信息公开申请办理情况"), ("raw", tabs(tg))]
    text = render(b, {"t2": tabs(expand_first(t2_spans(tpl, t2))), "t3": tabs(expand_first(t3_spans(tpl, t3))),
                      "t4": tabs(expand_first(t4_spans(t4)))}) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "金山区"], year, "county", "tsv", "2021-01-27"), tpl, t2, t3, t4,
           "A 区政府 report that, in section 六 after its own tables, prints the towns' 汇总表 in the full official "
           "table-3 form (same header, same 22 rows, obeys every identity, bigger numbers) and a town-by-town table "
           "(朱泾镇 … 石化街道: 新收 / 上年结转 / 办结 / 结转 / 复议 / 诉讼, with 合计). Truth = the district's own "
           "table 3 in section 三. 2019 form, TSV.")


# ================================================================ S08 福建 漳州 龙文区: t4 with an extra 行政复议 sub-column, t3 其中 row (TSV, 2019)
def s08():
    name = "fj_district_t4_review_subsplit_col_t3_qizhong_row_longwen_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8108, tpl, scale=0.9)
    t2 = t2_19(norm=(1, 1, 14), lic=(96, 2, 2873), oth=(31, 0, 704), pen=(57, 0, 388), coe=(6, 0, 9), fees=(2, 0),
               proc=(14, 862.35))
    t4 = mk_t4({"admin_review": (2, 2, 0, 1), "litigation_direct": (1, 0, 0, 1)})
    sub_corr = 1
    ag = "漳州市龙文区人民政府"
    r3 = t3_spans(tpl, t3)
    web = {c: t3["new_received"][c] * 3 // 5 for c in PARTS}
    web["total"] = sum(web.values())
    r3.insert(4, [C("其中：通过网络申请", 1, 3)] + [N(str(web[c])) for c in COLS])
    r4 = [[C("行政复议", 1, 6), C("行政诉讼", 1, 10)],
          [C("结果维持", 2), C("结果纠正", 2), C("其中：责令重新答复", 2), C("其他结果", 2), C("尚未审结", 2), C("总计", 2),
           C("未经复议直接起诉", 1, 5), C("复议后起诉", 1, 5)],
          [C(x) for x in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]]
    v = t4_vals(t4)
    r4.append([N(x) for x in v[:2]] + [N(str(sub_corr))] + [N(x) for x in v[2:]])
    b = blocks(year, "区政府", "fj", t3, tpl, 8108, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro("漳州市龙文区人民政府办公室", year, "http://www.lwq.gov.cn", "0596-2671234", tpl),
               signoff=[ag, "2021年1月25日"])
    text = render(b, {"t2": tabs(expand_first(t2_spans(tpl, t2))), "t3": tabs(expand_first(r3)),
                      "t4": tabs(expand_first(r4))}) + "\n"
    finish(name, "txt", text, meta(ag, ["福建省", "漳州市", "龙文区"], year, "county", "tsv", "2021-01-25"), tpl, t2, t3,
           t4, "Table 3 has an extra row `其中：通过网络申请` right after 一、本年新收 (7 numbers, each ≤ the 新收 cell): "
               "not a row of the template. Table 4's 行政复议 group has SIX columns: 结果维持 / 结果纠正 / "
               f"其中：责令重新答复 ({sub_corr}, a part of 结果纠正) / 其他结果 / 尚未审结 / 总计, so the data row has 16 "
               "numbers. The four official results still sum to 总计 (2+2+0+1=5); the sub-column is no cell. 2019 form.")


# ================================================================ S09 江苏 无锡市: one-line crawler dump, prose with 上年/同比 numbers (2019)
def s09():
    name = "js_city_crawler_oneline_prose_yoy_numbers_wuxi_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(8109, tpl, scale=2.6)
    pv = prev_of(t3, 8199, tpl, scale=2.2)
    t2 = t2_19(norm=(11, 11, 86), lic=(428, 12, 23761), oth=(163, -4, 8436), pen=(392, 7, 5218), coe=(46, 0, 137),
               fees=(14, -2), proc=(211, 48316.2))
    t4 = mk_t4({"admin_review": (7, 2, 1, 1), "litigation_direct": (4, 0, 2, 1), "litigation_after_review": (2, 0, 0, 1)})
    ag = "无锡市人民政府"
    n, pn = t3["new_received"]["total"], pv["new_received"]["total"]
    g = t3["granted"]["total"]; pg = pv["granted"]["total"]
    lic = t2["admin_licensing"]["decisions"]
    rv = t4["admin_review"]["total"]
    prose3 = (f"2020年，市政府全年受理政府信息公开申请{n}件，较上年（{pn}件）{'增长' if n >= pn else '下降'}"
              f"{abs(n - pn) * 100 / pn:.0f}%；其中予以公开{g}件（上年{pg}件），同比{'增加' if g >= pg else '减少'}"
              f"{abs(g - pg)}件。申请人中自然人占{t3['new_received']['natural_person'] * 100 // n}%。")
    prose2 = (f"全年作出行政许可处理决定{lic}件，比上年的{lic - 1317}件增加1317件；行政处罚决定"
              f"{t2['admin_penalty']['decisions']}件，同比下降4.6%。")
    prose4 = f"全年发生政府信息公开行政复议{rv}件，较上年增加3件；行政诉讼案件与上年持平。"
    b = blocks(year, "市政府", "js", t3, tpl, 8109, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro("无锡市人民政府办公室", year, "http://www.wuxi.gov.cn", "0510-81821234", tpl),
               signoff=[ag, "2021年1月28日"])
    before(b, "t2", [("p", prose2)])
    before(b, "t3", [("p", prose3)])
    before(b, "t4", [("p", prose4)])

    def flat(rows):
        return " ".join(c for r in expand_first(rows) for c in r if c)
    tables = {"t2": flat(t2_spans(tpl, t2)), "t3": flat(t3_spans(tpl, t3)), "t4": flat(t4_spans(t4))}
    body = render(b, tables, sep=" ")
    hdr = [f"标题:{ag}2020年政府信息公开工作年度报告", "发布时间:2021-01-28", "文号:", f"发布机构:{ag}",
           "栏目:政府信息公开年度报告", "原文链接:http://www.wuxi.gov.cn/doc/2021/01/28/3181234.shtml", "==== 正文 ===="]
    text = "\n".join(hdr) + "\n" + body + "\n"
    finish(name, "txt", text, meta(ag, ["江苏省", "无锡市"], year, "prefecture", "crawler-oneline", "2021-01-28"), tpl,
           t2, t3, t4, "Crawler dump: 标题:/发布时间:/发布机构: header, then the whole report on ONE line, table cells "
                       "separated by single spaces. Right before each table a prose sentence gives this year's total "
                       "next to LAST year's (全年受理…件，较上年（N件）增长…%; 其中予以公开…件（上年N件）; 许可…比上年的N件增加; "
                       "复议…较上年增加3件) and percentages. The prose's this-year numbers agree with the tables; the "
                       "上年 numbers are decoys. 2019 form, city level.")


# ================================================================ S10 上海 青浦区朱家角镇: 说明 rows inside tables 2 and 3, 平台 table (HTML, 2019)
def s10():
    name = "sh_town_shuoming_rows_inside_tables_zhujiajiao_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(8110, tpl, scale=0.4, orgs=False)
    t2 = t2_19(norm=(0, 0, 3), lic=(4, 0, 127), oth=(11, 1, 2318), pen=(6, 0, 42), coe=(0, 0, 0), fees=(0, 0),
               proc=(9, 374.6))
    t4 = mk_t4({})
    ag = "上海市青浦区朱家角镇人民政府"
    r2 = t2_spans(tpl, t2)
    r2.append([C("说明：本镇2019年对外管理服务事项由上年的11项调整为12项；集中采购金额含2018年结转项目2个、38.5万元。", 1, 4)])
    r3 = t3_spans(tpl, t3)
    nn = t3["new_received"]["total"]
    r3.append([C(f"说明：本年度新收申请{nn}件中，当面申请{nn // 3}件、网络申请{nn - nn // 3 - 1 if nn > 1 else 0}件、"
                 f"信函申请{1 if nn > 1 else 0}件；上年结转申请均已于2019年3月前办结。", 1, 10)])
    r4 = t4_spans(t4)
    r4.append([C("说明：本年度未发生政府信息公开行政复议、行政诉讼案件（上年度行政复议1件）。", 1, 15)])
    pf = [[C("平台建设"), C("栏目数"), C("更新信息（条）")], [C("青浦区政府门户网站朱家角镇专栏"), N("18"), N("412")],
          [C("“朱家角”微信公众号"), N("6"), N("655")], [C("政务公开专区"), N("1"), N("—")]]
    tables = {"t2": html_tab(r2), "t3": html_tab(r3), "t4": html_tab(r4), "pf": html_tab(pf)}
    b = blocks(year, "镇政府", "sh", t3, tpl, 8110, title=[f"{ag}2019年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "https://www.shqp.gov.cn", "021-59241234", tpl), signoff=[ag, "2020年1月20日"])
    before(b, "h", [("p", "政府信息公开平台建设情况："), ("pf",)], 1)
    title = f"{ag}2019年政府信息公开工作年度报告"
    head = ('<div class="crumb">青浦区人民政府 &gt; 政务公开 &gt; 街镇信息公开 &gt; 朱家角镇</div>\n'
            '<div class="info">发布日期：2020-01-20　信息来源：朱家角镇</div>')
    text = page(title, head, body_html(b, tables, title_tag="h2"), "")
    finish(name, "html", text, meta(ag, ["上海市", None, "青浦区", "朱家角镇"], year, "township", "html", "2020-01-20"),
           tpl, t2, t3, t4,
           "HTML with the official spans. Each table ends with a 说明 row: one cell spanning the table (colspan 4 / 10 "
           "/ 15) whose text holds numbers (11项调整为12项, 38.5万元; 当面/网络/信函 counts; 上年度行政复议1件). "
           "A 平台建设 table (栏目数 / 更新信息) sits at the end of section 一, before table 2. Table 4 is all 0 and "
           "the 说明 says so. Only natural persons, 商业企业, 法律服务机构 (and maybe none) applied. 2019 form.")


# ================================================================ S11 福建 福鼎市: t2 with 比上年增减 column + 平台建设 table after it (md)
def s11():
    name = "fj_county_city_t2_bishangnian_col_platform_table_fuding_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(8111, tpl, scale=1.0)
    t2 = t2_21(norm=(3, 1, 27), lic=5216, pen=698, coe=31, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 1), "litigation_after_review": (0, 0, 1, 0)})
    ag = "福鼎市人民政府"
    d = {"normative_documents": "+1", "admin_licensing": "+412", "admin_penalty": "-57", "admin_coercion": "+6",
         "admin_fees": "0"}
    g2 = []
    for head, hdr, items, metrics in t2_spec(tpl):
        g2.append([head, "", "", "", ""])
        if len(hdr) == 4:
            g2.append(list(hdr) + ["比上年增减"])
        else:
            g2.append([hdr[0], hdr[1], "", "", "比上年增减"])
        for code, lab in items:
            vals = [fmt(t2[code][m]) for m in metrics]
            if len(vals) == 1:
                vals += ["", ""]
            g2.append([lab] + vals + [d.get(code, "")])
    pf = [["平台", "栏目（个）", "本年发布信息（条）", "比上年增减"], ["福鼎市人民政府门户网站", "42", "6318", "+524"],
          ["“福鼎发布”微信公众号", "8", "1472", "-36"], ["“闽政通”福鼎专区", "5", "213", "+18"]]
    b = blocks(year, "市政府", "fj", t3, tpl, 8111, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro("福鼎市人民政府办公室", year, "http://www.fuding.gov.cn", "0593-7831234", tpl),
               signoff=[ag, "2024年1月26日"])
    after(b, "t2", [("p", "政府信息公开平台建设情况统计："), ("raw", md(pf))])
    tables = {"t2": md(g2), "t3": md(expand_first(t3_spans(tpl, t3))), "t4": md(expand_first(t4_spans(t4)))}
    text = render(b, tables, tfmt="# {}", hfmt="**{}**", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["福建省", "宁德市", "福鼎市"], year, "county", "markdown", "2024-01-26"), tpl, t2,
           t3, t4, "Table 2 (2021 form) has a fifth column 比上年增减 on every block (+1, +412, -57, +6, 0; empty for "
                   "规章): it is no metric of the template and must be dropped; the single-value blocks keep their "
                   "value in column 2 with two empty columns. Right after table 2 a 平台建设 table (栏目 / 本年发布信息 / "
                   "比上年增减) with numbers. Markdown pipes, county-level city.")


# ================================================================ S12 江苏 常熟 虞山街道: 按季度 table before t3 (pdftotext -layout)
def s12():
    name = "js_street_quarterly_table_before_t3_layout_yushan_changshu_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8112, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=38, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "常熟市虞山街道办事处"
    import random
    rnd = random.Random(8112)

    def q4(n):
        cuts = sorted(rnd.randint(0, n) for _ in range(3))
        return [b - a for a, b in zip([0] + cuts, cuts + [n])]
    rows = [("新收申请", t3["new_received"]["total"]), ("办结申请", t3["total_processed"]["total"]),
            ("其中予以公开", t3["granted"]["total"]), ("其中本机关不掌握", t3["unavailable_not_held"]["total"])]
    qg = [["项目", "第一季度", "第二季度", "第三季度", "第四季度", "合计"]]
    for lab, n in rows:
        qg.append([lab] + [str(x) for x in q4(n)] + [str(n)])
    xs = [2, 26, 36, 46, 56, 66]
    ql = layout_grid(qg, xs, ["l", "r", "r", "r", "r", "r"])
    tables = {"t2": t2_layout(tpl, t2), "t3": T3Layout(tpl, t3).header() + T3Layout(tpl, t3).body(),
              "t4": t4_layout(t4), "q": ql}
    b = blocks(year, "街道", "js", t3, tpl, 8112, title=[], small=True,
               intro=P.std_intro(ag, year, "http://www.changshu.gov.cn", "0512-52771234", tpl),
               review_sentence="2022年，街道未发生政府信息公开行政复议、行政诉讼案件。", signoff=[ag, "2023年1月17日"])
    after(b, "h", [("p", "2022年各季度政府信息公开申请办理情况如下表："), ("q",),
                   ("p", "全年收到和处理政府信息公开申请情况见下表：")], 2)
    title = f"{ag}2022年政府信息公开工作年度报告"
    text = layout_doc(b, tables, title, [ag, "2022年政府信息公开工作年度报告"])
    finish(name, "txt", text, meta(ag, ["江苏省", "苏州市", "常熟市", "虞山街道"], year, "township", "pdftotext-layout",
                                   "2023-01-17"), tpl, t2, t3, t4,
           "pdftotext -layout of a street office of a 县级市. Section 三 opens with a quarterly table (项目 / 第一…第四季度 "
           "/ 合计) whose rows are 新收申请 / 办结申请 / 其中予以公开 / 其中本机关不掌握: the 合计 column equals the "
           "table-3 总计 cells, the quarter columns are decoys placed where table 3's applicant columns would be. "
           "Then the official table 3. Only three applicant types; table 4 all 0.")


# ================================================================ S13 上海 杨浦区卫健委: t3 占比 column + 其中 row inside the outcome block (TSV)
def s13():
    name = "sh_district_commission_t3_zhanbi_col_qizhong_row_yangpu_wjw_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(8113, tpl, scale=1.3)
    t2 = t2_21(norm=(1, 2, 9), lic=3864, pen=417, coe=2, fee=0)
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    ag = "上海市杨浦区卫生健康委员会"
    r3 = t3_spans(tpl, t3)
    tp = t3["total_processed"]["total"]
    r3[0].append(C("占比（%）", 3, 1))
    for i, (code, *_r) in enumerate(t3_rows(tpl)):
        v = "—" if code in ("new_received", "carried_over", "carried_forward") else \
            f"{t3[code]['total'] * 100 / tp:.1f}" if tp else "0"
        r3[3 + i].append(N(v))
    gi = row_index(r3, "granted", tpl)
    r3[gi][0]["rs"] += 1
    cov = {c: t3["granted"][c] // 2 for c in PARTS}
    cov["total"] = sum(cov.values())
    r3.insert(gi + 1, [C("其中：涉及疫情防控信息", 1, 2)] + [N(str(cov[c])) for c in COLS] + [N("—")])
    b = blocks(year, "区卫健委", "sh", t3, tpl, 8113, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区卫健委”）", year, "https://www.shyp.gov.cn", "021-65431234", tpl),
               signoff=[ag, "2023年1月18日"])
    text = render(b, {"t2": tabs(expand_first(t2_spans(tpl, t2))), "t3": tabs(expand_first(r3)),
                      "t4": tabs(expand_first(t4_spans(t4)))}) + "\n"
    finish(name, "txt", text, meta(ag, ["上海市", None, "杨浦区"], year, "department", "tsv", "2023-01-18"), tpl, t2, t3,
           t4, "Table 3 has an 8th column 占比（%）(each outcome's share of (七)总计, one decimal; — for 一/二/四) and an "
               "extra row `其中：涉及疫情防控信息` between （一）予以公开 and （二）部分公开 (7 numbers, each about half of "
               "予以公开, plus —), inside the 三、本年度办理结果 block (its rowspan grows by one). Neither is a cell; "
               "（二）部分公开 must still get its own numbers. TSV, 2021 form with the three （六） sub-rows.")


FX = [s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13]

# ================================================================ S14 福建 福州 仓山区城门镇: table 4 with a 2020 row above the 2021 row (md)
def s14():
    name = "fj_town_t4_two_year_rows_md_chengmen_cangshan_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(8114, tpl, scale=0.4, orgs=False)
    t2 = t2_21(norm=(0, 0, 2), lic=17, pen=9, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 1, 0, 0)})
    t4p = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (1, 0, 0, 0)})
    ag = "福州市仓山区城门镇人民政府"
    g4 = [["年度"] + r for r in expand_first(t4_spans(t4))]
    for r in g4[1:3]:
        r[0] = ""
    g4[3][0] = "2020年"
    g4[3][1:] = t4_vals(t4p)
    g4.append(["2021年"] + t4_vals(t4))
    b = blocks(year, "城门镇", "fj", t3, tpl, 8114, title=[f"{ag}2021年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(ag, year, "http://www.fzcangshan.gov.cn", "0591-83451234", tpl),
               review_sentence="2021年，城门镇发生因政府信息公开引起的行政复议1件（结果纠正），未发生行政诉讼；为便于对比，"
                               "下表同时列出2020年数据。",
               signoff=[ag, "2022年1月20日"])
    tables = {"t2": md(expand_first(t2_spans(tpl, t2))), "t3": md(expand_first(t3_spans(tpl, t3))), "t4": md(g4)}
    text = render(b, tables, tfmt="# {}", hfmt="### {}", sep="\n\n") + "\n"
    finish(name, "md", text, meta(ag, ["福建省", "福州市", "仓山区", "城门镇"], year, "township", "markdown",
                                  "2022-01-20"), tpl, t2, t3, t4,
           "Table 4 has a first column 年度 and TWO data rows: `2020年` (last year's 15 values: review 2 upheld, one "
           "direct suit upheld) above `2021年` (this year's: review 1 corrected, nothing else). The prose before the "
           "table states this year's figures (行政复议1件（结果纠正）, no suit) and says 2020 is printed for comparison. "
           "Truth = the 2021 row. Town of a 福州 district; markdown pipes; few applicants.")


FX.append(s14)
