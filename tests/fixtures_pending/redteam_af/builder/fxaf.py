"""redteam_af fixtures: reports drafted in an online document tool and published as its markdown / HTML export."""
from afhelp import *  # noqa


def setup(seed, tpl, year, ag, we, flavor, url, phone, signoff, t4rows, scale=1.0, orgs=True, compiler=None, **kw):
    t3 = gen_t3(seed, tpl, scale=scale, orgs=orgs)
    t4 = mk_t4(t4rows)
    b = blocks(year, we, flavor, t3, tpl, seed, title=[f"{ag}{year}年政府信息公开工作年度报告"],
               intro=P.std_intro(compiler or ag, year, url, phone, tpl), signoff=signoff, **kw)
    return t3, t4, b


def spans3(tpl, t2, t3, t4, blanks=(), t2b=()):
    return t2_spans(tpl, t2, blanks=t2b), t3_spans(tpl, t3, blanks=blanks), t4_spans(t4, blanks=blanks)


# ---------------------------------------------------------------- AF01 飞书 markdown export: HTML tables with <br>
def af01():
    name = "lark_md_html_tables_br_in_cells_xuhui_2022"
    tpl, year = "2021", 2022
    ag = "上海市徐汇区人民政府"
    t2 = t2_21(norm=(4, 1, 37), lic=21874, pen=3105, coe=28, fee=0)
    t3, t4, b = setup(10101, tpl, year, ag, "区政府", "sh", "https://www.xuhui.gov.cn", "021-64872222",
                      [ag, "2023年1月16日"], {"admin_review": (6, 1, 0, 2), "litigation_direct": (2, 0, 1, 0)},
                      scale=2.0, compiler=f"{ag}办公室")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)

    def td(cell, r0, c0):
        t = br(cell["t"], 9) if cell["k"] == "lab" else cell["t"]
        return f"<td{span_attrs(cell)}>{t}</td>"
    tab = lambda rows: "<table>\n" + "\n".join(html_generic(rows, td)) + "\n</table>"
    tables = {"t2": tab(s2), "t3": tab(s3), "t4": tab(s4)}
    text = emit(b, tables, title="# {}", h="# {}", sign="{}") + "\n"
    fin(name, "md", text, meta(ag, ["上海市", None, "徐汇区"], year, "county", "lark-md", "2023-01-16"), tpl, t2, t3,
        t4, "飞书 (Lark) docs 'export as Markdown': every heading `# `, paragraphs plain, and each table with merged "
            "cells emitted as raw `<table>` HTML (no thead, one `<tr>` per line) with colspan/rowspan as drawn. Long "
            "label cells keep the editor's soft line breaks as `<br>` every 9 characters (`（本列数据的勾稽关系为：<br>…`, "
            "`2.其他法律行政法规<br>禁止公开`): a reader joins them. Every cell printed; 规章 row blank (null).")


# ---------------------------------------------------------------- AF02 飞书 grid markdown: merged cells repeated
def af02():
    name = "lark_grid_md_merged_repeated_br_gulou_office_fuzhou_2020"
    tpl, year = "2019", 2020
    ag = "福州市鼓楼区人民政府办公室"
    t2 = t2_19(norm=(2, 2, 19), lic=(31, 2, 1204), oth=(8, -1, 342), pen=(12, 0, 87), coe=(3, 0, 9), fees=(2, 0),
               proc=(6, 48.6))
    t3, t4, b = setup(10102, tpl, year, ag, "区政府办公室", "fj", "http://www.gl.gov.cn", "0591-87531234",
                      [ag, "2021年1月25日"], {"admin_review": (1, 0, 0, 0)}, scale=0.7, orgs=False,
                      compiler=f"{ag}（以下简称“区政府办”）")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": grid_md(s2, "repeat", 10), "t3": grid_md(s3, "repeat", 10), "t4": grid_md(s4, "repeat", 10)}
    text = emit(b, tables, title="# {}", h="## {}", sign="{}") + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "福州市", "鼓楼区"], year, "department", "lark-md", "2021-01-25"), tpl, t2,
        t3, t4, "飞书 docs export through the grid-markdown path (feishu2md style): pipe tables, first row is the "
            "header, and every merged cell's text REPEATED in each grid position it covers, across and down "
            "(第二十条第（一）项 ×4, 申请人情况 ×7, 三、本年度办理结果 in 20 rows, 行政复议 ×5, the (八)/(九) second metric "
            "twice: `本年增/减 | 本年增/减` is one value). Labels over 10 characters carry `<br>`. 2019 form, -1 change "
            "printed as `-1`. Every cell printed.")


# ---------------------------------------------------------------- AF03 语雀 lake markdown: anchors, :::tips, colspan HTML
def af03():
    name = "yuque_lake_md_anchors_tips_colspan_html_xuanwu_jiaoyu_nanjing_2021"
    tpl, year = "2021", 2021
    ag = "南京市玄武区教育局"
    t2 = t2_21(norm=(3, 0, 22), lic=146, pen=0, coe=0, fee=0)
    t3, t4, b = setup(10103, tpl, year, ag, "区教育局", "js", "http://www.njxw.gov.cn", "025-84631234",
                      [ag, "2022年1月20日"], {}, scale=0.8)
    s2, s3, s4 = spans3(tpl, t2, t3, t4)

    def td(cell, r0, c0):
        w = 120 * cell["cs"]
        return (f'<td{span_attrs(cell)} style="width: {w}px;"><span style="color: rgb(38, 38, 38);">'
                f'{H.escape(cell["t"], quote=False)}</span></td>')
    tab = lambda rows, k: (f'<table id="{hid(name, k)}" class="ne-table" style="width: 1800px;">\n<tbody>\n'
                           + "\n".join(html_generic(rows, td, tr=lambda r, i: f"<tr style=\"height: 33px;\">{i}</tr>"))
                           + "\n</tbody>\n</table>")
    tables = {"t2": tab(s2, 2), "t3": tab(s3, 3), "t4": tab(s4, 4)}
    state = {"i": 0}

    def hook(i, blk):
        if blk[0] in ("h", "h3", "title"):
            state["i"] += 1
            a = f'<a name="u{hid(name, "a", state["i"])}"></a>'
            return a
        if blk[0] == "t3":
            return (":::tips\n本表数据统计口径：按申请件数统计，同一申请人就多个事项提出申请的按一件统计；"
                    "本年度无跨年度办结后撤回的申请。\n:::")
        if blk[0] == "sign" and blk[1] == ag:
            return ":::info\n如对本报告有疑问，请与玄武区教育局办公室联系。\n:::"
    text = emit(b, tables, title="# {}", h="## {}", h3="### {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["江苏省", "南京市", "玄武区"], year, "department", "yuque-md", "2022-01-20"), tpl,
        t2, t3, t4, "语雀 (Yuque) lake→markdown export: an `<a name=\"u…\"></a>` anchor line before every heading "
            "(title `#`, sections `##`), `:::tips` / `:::info` callout blocks (one above table 3 with a counting note, "
            "no numbers), and tables with merged cells as one-`<tr>`-per-line HTML `<table class=\"ne-table\">` whose "
            "cells hold `<td colspan rowspan style=\"width: …px;\"><span style=\"color: rgb(38, 38, 38);\">…`. "
            "No review/litigation: table 4 all 0. Every cell printed.")


# ---------------------------------------------------------------- AF04 语雀 pipe tables, merged cells left empty
def af04():
    name = "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019"
    tpl, year = "2019", 2019
    ag = "苏州市姑苏区平江街道办事处"
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(3, 0, 41), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(2, 11.8))
    t3, t4, b = setup(10104, tpl, year, ag, "平江街道", "js", "http://www.gusu.gov.cn", "0512-67271234",
                      [ag, "2020年1月31日"], {}, scale=0.25, orgs=False)
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": grid_md(s2, "first", 99), "t3": grid_md(s3, "first", 99), "t4": grid_md(s4, "first", 99)}
    tips_n = t3["new_received"]["total"]

    def hook(i, blk):
        if blk[0] in ("h", "title"):
            return f'<a name="{hid(name, i)}"></a>'
        if blk[0] == "t2":
            return (":::tips\n本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，"
                    "表中相应栏目为0。\n:::")
        if blk[0] == "t3":
            return f":::warning\n{year}年共受理申请{tips_n}件，均在法定期限内答复。\n:::"
    text = emit(b, tables, title="# {}", h="## {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["江苏省", "苏州市", "姑苏区", "平江街道"], year, "township", "yuque-md",
                               "2020-01-31"), tpl, t2, t3, t4,
        "语雀 lake markdown, simple-table path: pipe tables where a merged cell's text is in its top-left position "
        "and the covered positions are EMPTY (so 三、本年度办理结果 only on the 予以公开 row; `（三）不予公开` only on "
        "its first row). Anchors `<a name=\"…\"></a>` before headings; `:::tips` above table 2 says the 0s are "
        "structural, `:::warning` above table 3 repeats the received total (agrees with the table). 街道, nearly all "
        "0, no org applicants. Every cell printed.")


# ---------------------------------------------------------------- AF05 Notion export: CSV tables linked and inlined
def af05():
    name = "notion_md_csv_linked_inlined_property_lines_jiangninglu_jingan_2023"
    tpl, year = "2021", 2023
    ag = "上海市静安区江宁路街道办事处"
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t3, t4, b = setup(10105, tpl, year, ag, "江宁路街道", "sh", "https://www.jingan.gov.cn", "021-62181234",
                      [ag, "2024年1月22日"], {"admin_review": (0, 0, 0, 1)}, scale=0.5, orgs=False)
    blanks = {"table3.granted.commercial_enterprise", "table3.carried_forward.total"}
    s2, s3, s4 = spans3(tpl, t2, t3, t4, blanks=blanks)
    names = {"t2": "表一 主动公开政府信息情况", "t3": "表二 收到和处理政府信息公开申请情况",
             "t4": "表三 政府信息公开行政复议、行政诉讼情况"}

    def tab(k, rows):
        fn = f"{names[k]} {hid(name, k, n=32)}.csv"
        link = f"[{names[k]}]({fn.replace(' ', '%20')})"
        return link + "\n\n" + notion_csv(rows)
    tables = {k: tab(k, r) for k, r in (("t2", s2), ("t3", s3), ("t4", s4))}
    pid = hid(name, "page", n=32)

    def hook(i, blk):
        if blk[0] == "title":
            return None
    text = emit(b, tables, title="# {}", h="## {}", hook=hook)
    text = text.replace(f"# {ag}{year}年政府信息公开工作年度报告",
                        f"# {ag}{year}年政府信息公开工作年度报告\n\n创建时间: 2024年1月10日 09:12\n标签: 政务公开, 年报", 1)
    text += "\n"
    fin(name, "md", text, meta(ag, ["上海市", None, "静安区", "江宁路街道"], year, "township", "notion-md",
                               "2024-01-22"), tpl, t2, t3, t4,
        "Notion 'Export as Markdown & CSV': the page's property lines (创建时间, 标签) under the title; each table is a "
        "Notion database, so the markdown holds only a link `[表二 …](表二%20…%20<32 hex id>.csv)`, and the user "
        "pasted each CSV's content after its link (csv.writer quoting: fields with commas or quotes are quoted). "
        "The tables are numbered 表一/表二/表三 (the official 2/3/4). Merged cells: text top-left, covered fields "
        "empty. Two fields are empty in the CSV (the author never filled them): 予以公开/商业企业 (derived from the "
        "row total) and 结转下年度/总计 (derived). Table 2 all 0.", blanks=blanks)


# ---------------------------------------------------------------- AF06 Notion simple tables, <aside> callouts
def af06():
    name = "notion_md_pipe_header_row_aside_callouts_huli_xiamen_2020"
    tpl, year = "2019", 2020
    ag = "厦门市湖里区人民政府"
    t2 = t2_19(norm=(5, 5, 63), lic=(42, 3, 8231), oth=(19, -2, 1873), pen=(37, 1, 2406), coe=(6, 0, 118),
               fees=(4, -1), proc=(23, 1342.75))
    t3, t4, b = setup(10106, tpl, year, ag, "湖里区人民政府", "fj", "http://www.huli.gov.cn", "0592-5701234",
                      [ag, "2021年1月28日"], {"admin_review": (4, 1, 1, 0), "litigation_direct": (1, 0, 0, 1),
                                              "litigation_after_review": (1, 0, 0, 0)}, scale=1.6,
                      compiler=f"{ag}办公室")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": grid_md(s2, "first", 999), "t3": grid_md(s3, "first", 999), "t4": grid_md(s4, "first", 999)}

    def hook(i, blk):
        if blk[0] == "t3":
            return "<aside>\n💡 依申请公开数据来源于区政府信息公开申请登记系统，截至2020年12月31日。\n\n</aside>"
        if blk[0] == "t4":
            return "<aside>\n📌 行政复议、行政诉讼数据包括以区政府为被申请人、被告的全部案件。\n\n</aside>"
    text = emit(b, tables, title="# {}", h="# {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "厦门市", "湖里区"], year, "county", "notion-md", "2021-01-28"), tpl,
        t2, t3, t4, "Notion markdown export of simple tables (not databases): pipe tables whose first row is the "
            "header separator row (Notion has no merges: top-left text, covered positions empty), `<aside>` callouts "
            "with an emoji before tables 3 and 4 (no numbers but the date), every heading `# `. 2019 form with -2/-1 "
            "changes. Every cell printed.")


# ---------------------------------------------------------------- Google Docs HTML
GD_STYLE = ('<style type="text/css">ol{margin:0;padding:0}table td,table th{padding:0}.c2{padding-top:0pt;'
            'padding-bottom:0pt;line-height:1.0;text-align:center}.c3{color:#000000;font-weight:400;'
            'text-decoration:none;vertical-align:baseline;font-size:10.5pt;font-family:"SimSun";font-style:normal}'
            '.c12{border-right-style:solid;border-bottom-color:#000000;border-top-width:1pt;vertical-align:middle}'
            '.c5{padding-top:0pt;padding-bottom:0pt;line-height:1.5;text-indent:32pt;text-align:justify}'
            '.c9{font-size:16pt;font-family:"SimHei";font-weight:700}.c14{border-spacing:0;border-collapse:collapse;'
            'margin-right:auto}.c6{height:21pt}.c8{height:10.5pt}.c15{background-color:#ffffff;max-width:451.4pt;'
            'padding:72pt 72pt 72pt 72pt}.title{padding-top:0pt;color:#000000;font-size:26pt}</style>')


def gdocs(b, tabs, name, lang_title, tail=""):
    out = []
    k = {"i": 0}

    def hidp():
        k["i"] += 1
        return "h." + hid(name, k["i"], n=12)
    for blk in b:
        t = blk[0]
        if t in tabs:
            out.append(tabs[t])
        elif t == "title":
            out.append(f'<p class="c10 title" id="{hidp()}"><span class="c9">{blk[1]}</span></p>')
        elif t == "h":
            out.append(f'<h1 class="c4" id="{hidp()}"><span class="c9">{P.heading(blk[1])}</span></h1>')
        elif t == "h3":
            out.append(f'<h2 class="c4" id="{hidp()}"><span class="c11">{blk[1]}</span></h2>')
        elif t == "sign":
            out.append(f'<p class="c13"><span class="c3">{blk[1]}</span></p>')
        else:
            out.append('<p class="c5">' + "".join(f'<span class="c{3 if j % 2 == 0 else 7}">{x}</span>'
                                                 for j, x in enumerate(runs(blk[1]))) + "</p>")
        out.append('<p class="c1"><span class="c3"></span></p>') if t in tabs else None
    return ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">' + GD_STYLE
            + f'<title>{lang_title}</title></head><body class="c15 doc-content">' + "".join(out) + tail + "</body></html>")


def gd_table(rows, marks=None):
    """marks: {(r0, c0): (ref_id, label)}: a Google Docs comment or footnote anchor after the cell's run."""
    marks = marks or {}

    def td(cell, r0, c0):
        t = cell["t"]
        if cell["k"] == "lab" and "（" in t and t.startswith("（") and "）" in t and len(t) > 6:
            j = t.index("）") + 1
            inner = f'<span class="c3">{t[:j]}</span><span class="c3 c16">{t[j:]}</span>'
        elif t == "":
            inner = '<span class="c3"></span>'
        else:
            inner = f'<span class="c3">{t}</span>'
        cls = "c2 c8" if t == "" else "c2"
        if (r0, c0) in marks:
            ref, lab = marks[(r0, c0)]
            inner += f'<sup><a href="#{ref}" id="{ref.replace("cmnt", "cmnt_ref").replace("ftnt", "ftnt_ref")}">{lab}</a></sup>'
        return f'<td class="c12" colspan="{cell["cs"]}" rowspan="{cell["rs"]}"><p class="{cls}">{inner}</p></td>'
    return ('<table class="c14">' + "".join(html_generic(rows, td, tr=lambda r, i: f'<tr class="c6">{i}</tr>'))
            + "</table>")


def af07():
    name = "gdocs_html_span_runs_td_class_colspan_rowspan_kunshan_2021"
    tpl, year = "2021", 2021
    ag = "昆山市人民政府"
    t2 = t2_21(norm=(6, 3, 51), lic=34217, pen=6128, coe=203, fee=0)
    t3, t4, b = setup(10107, tpl, year, ag, "市政府", "js", "http://www.ks.gov.cn", "0512-57301234",
                      [ag, "2022年1月21日"], {"admin_review": (9, 2, 1, 3), "litigation_direct": (4, 1, 0, 2),
                                              "litigation_after_review": (2, 0, 0, 1)}, scale=3.0,
                      compiler=f"{ag}办公室")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tabs = {"t2": gd_table(s2, {(6, 1): ("cmnt1", "[a]")}), "t3": gd_table(s3, {(3, 9): ("cmnt2", "[b]")}),
            "t4": gd_table(s4, {(3, 4): ("cmnt3", "[c]")})}
    com = [("cmnt1", "[a]", f"许可科：原填{t2['admin_licensing']['decisions'] + 1306}件，已剔除撤回件，以本表为准。"),
           ("cmnt2", "[b]", f"请核对登记台账，初稿为{t3['new_received']['total'] + 2}件。"),
           ("cmnt3", "[c]", f"法制科确认：含{year - 1}年受理、本年审结的1件。")]
    tail = "".join(f'<div class="c17"><p class="c2"><a href="#{r.replace("cmnt", "cmnt_ref")}" id="{r}">{l}</a>'
                   f'<span class="c3">{t}</span></p></div>' for r, l, t in com)
    text = gdocs(b, tabs, name, f"{year}年政府信息公开工作年度报告（定稿）", tail) + "\n"
    fin(name, "html", text, meta(ag, ["江苏省", "苏州市", "昆山市"], year, "county", "gdocs-html", "2022-01-21"), tpl,
        t2, t3, t4, "Google Docs 'Download → Web page (.html)': one line, a `<style>` block of generated classes, "
            "`<title>` is the doc's file name (`2021年政府信息公开工作年度报告（定稿）`, no agency), title as "
            "`<p class=\"c10 title\">`, headings `<h1 id=\"h.…\">`, every paragraph split into `<span class=\"c3\">` / "
            "`c7` runs, tables `<table class=\"c14\">` where EVERY td prints `colspan=\"N\" rowspan=\"N\"` (also 1) and "
            "every cell is a `<p class=\"c2\"><span class=\"c3\">…`; `（三）不予公开`-style labels are split into two runs; "
            "an empty `<p class=\"c1\">` after each table. The draft's reviewer comments were exported: anchors "
            "`<sup><a href=\"#cmnt1\">[a]</a></sup>` after three cells (行政许可 decisions, 新收/总计, 行政复议/总计) and "
            "the comment texts at the end in `<div class=\"c17\">`, holding other numbers (`原填…件`, `初稿为…件`). The "
            "rendered doc shows `34217[a]`; the cell is 34217 and the comments are not cells. 县级市 government. "
            "Every cell printed.")


def af08():
    name = "gdocs_html_empty_p_cells_blank_derived_jinjiang_scjg_2020"
    tpl, year = "2019", 2020
    ag = "晋江市市场监督管理局"
    t2 = t2_19(norm=(1, 1, 14), lic=(27, 0, 6318), oth=(4, 1, 212), pen=(43, -3, 1587), coe=(11, 0, 96),
               fees=(1, 0), proc=(9, 216.4))
    t3, t4, b = setup(10108, tpl, year, ag, "市市场监管局", "fj", "http://www.jinjiang.gov.cn", "0595-85681234",
                      [ag, "2021年1月29日"], {"admin_review": (3, 0, 1, 1), "litigation_direct": (1, 1, 0, 0)},
                      scale=1.2)
    blanks = {"table3.withheld_state_secret.total", "table4.litigation_direct.total",
              "table3.carried_over.legal_service_org"}
    s2, s3, s4 = spans3(tpl, t2, t3, t4, blanks=blanks)
    tabs = {"t2": gd_table(s2), "t3": gd_table(s3), "t4": gd_table(s4)}
    text = gdocs(b, tabs, name, f"晋江市场监管局{year}年报") + "\n"
    fin(name, "html", text, meta(ag, ["福建省", "泉州市", "晋江市"], year, "department", "gdocs-html", "2021-01-29"),
        tpl, t2, t3, t4, "Google Docs HTML as af07, 2019 form. Three cells the drafter left empty are empty "
            "`<p class=\"c2 c8\"><span class=\"c3\"></span></p>` cells: 属于国家秘密/总计 (derived 0 from the row), "
            "上年结转/法律服务机构 (derived from the row total) and 未经复议直接起诉/总计 (derived from its four results). "
            "`<title>` is the file name `晋江市场监管局2020年报`.", blanks=blanks)


# ---------------------------------------------------------------- 腾讯文档 docx→HTML: data- attributes, colgroup
def tx_table(rows, tid, widths):
    occ, cells, nr, nc = occupancy(rows)
    cg = "<colgroup>" + "".join(f'<col style="width: {widths[c % len(widths)]}px;">' for c in range(nc)) + "</colgroup>"

    def td(cell, r0, c0):
        t = H.escape(cell["t"], quote=False)
        return (f'<td data-cell-id="{hid(tid, r0, c0)}" data-row="{r0}" data-col="{c0}"{span_attrs(cell)} '
                f'data-rowspan="{cell["rs"]}" data-colspan="{cell["cs"]}"><div class="text-block" '
                f'data-block-type="paragraph" data-align="center"><span data-text="true">{t}</span></div></td>')
    body = "\n".join(html_generic(rows, td, tr=lambda r, i: f'<tr data-row-index="{r}">{i}</tr>'))
    return (f'<table data-table-id="{tid}" class="doc-table" style="table-layout: fixed; border-collapse: collapse;">'
            f"\n{cg}\n<tbody>\n{body}\n</tbody>\n</table>")


def tx_doc(b, tabs, name, title):
    out = []
    for i, blk in enumerate(b):
        t = blk[0]
        bid = hid(name, i, n=10)
        if t in tabs:
            out.append(f'<div class="block table-block" data-block-id="{bid}" data-block-type="table">{tabs[t]}</div>')
        elif t == "title":
            out.append(f'<h1 data-block-id="{bid}" data-block-type="heading1" data-align="center">'
                       f'<span data-text="true">{blk[1]}</span></h1>')
        elif t == "h":
            out.append(f'<h2 data-block-id="{bid}" data-block-type="heading2"><span data-text="true">'
                       f'{P.heading(blk[1])}</span></h2>')
        elif t == "h3":
            out.append(f'<h3 data-block-id="{bid}" data-block-type="heading3"><span data-text="true">{blk[1]}'
                       "</span></h3>")
        else:
            al = ' data-align="right"' if t == "sign" else ""
            out.append(f'<p data-block-id="{bid}" data-block-type="paragraph"{al}><span data-text="true">{blk[1]}'
                       "</span></p>")
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{title}</title>\n<meta name="generator" content="Tencent Docs">\n</head>\n'
            '<body>\n<div class="doc-content" data-doc-type="doc">\n' + "\n".join(out) + "\n</div>\n</body>\n</html>\n")


def af09():
    name = "tencent_docs_html_data_attrs_colgroup_pudong_fgw_2022"
    tpl, year = "2021", 2022
    ag = "上海市浦东新区发展和改革委员会"
    t2 = t2_21(norm=(2, 1, 17), lic=418, pen=12, coe=0, fee=0)
    t3, t4, b = setup(10109, tpl, year, ag, "区发展改革委", "sh", "https://www.pudong.gov.cn", "021-28281234",
                      [ag, "2023年1月19日"], {"admin_review": (1, 0, 0, 0)}, scale=0.9,
                      compiler=f"{ag}（以下简称“区发展改革委”）")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tabs = {"t2": tx_table(s2, hid(name, 2), [180, 110]), "t3": tx_table(s3, hid(name, 3), [90, 90, 160, 70]),
            "t4": tx_table(s4, hid(name, 4), [60])}
    text = tx_doc(b, tabs, name, f"{ag}{year}年政府信息公开工作年度报告 - 腾讯文档")
    fin(name, "html", text, meta(ag, ["上海市", None, "浦东新区"], year, "department", "tencent-docs-html",
                                 "2023-01-19"), tpl, t2, t3, t4,
        "腾讯文档 online doc exported/saved as HTML: every block a `data-block-id` / `data-block-type` element, "
        "headings h1/h2, tables `<table data-table-id>` with `<colgroup>` of pixel widths, every td carrying "
        "data-cell-id/data-row/data-col and BOTH real colspan/rowspan (only when >1) and `data-rowspan`/`data-colspan` "
        "(always, also 1); cell text inside `<div data-block-type=\"paragraph\"><span data-text=\"true\">`. `<title>` "
        "ends with ` - 腾讯文档`. Every cell printed.")


# ---------------------------------------------------------------- 金山文档 / WPS 云文档 HTML
def wps_table(rows, tid):
    occ, cells, nr, nc = occupancy(rows)
    cg = "<colgroup>" + "".join(f'<col width="{96 if c < 3 else 64}">' for c in range(nc)) + "</colgroup>"

    def td(cell, r0, c0):
        t = H.escape(cell["t"], quote=False)
        st = "text-align:center;vertical-align:middle;" if cell["k"] == "num" else "vertical-align:middle;"
        return (f'<td{span_attrs(cell)} style="{st}" data-wps-cell="{r0}:{c0}"><p class="wps-p" '
                f'data-pid="{hid(tid, r0, c0, n=6)}"><span style="font-family:仿宋_GB2312;font-size:12pt">{t}'
                "</span></p></td>")
    body = "".join(html_generic(rows, td, tr=lambda r, i: f'<tr style="height:24pt">{i}</tr>'))
    return f'<table class="wps-table" border="1" cellspacing="0" data-wps-id="{tid}">{cg}<tbody>{body}</tbody></table>'


def wps_doc(b, tabs, name, title, app="金山文档"):
    out = []
    for i, blk in enumerate(b):
        t = blk[0]
        if t in tabs:
            out.append(tabs[t])
        elif t == "title":
            out.append(f'<p class="wps-p" style="text-align:center" data-heading="title"><span style="font-family:'
                       f'方正小标宋简体;font-size:22pt">{blk[1]}</span></p>')
        elif t == "h":
            out.append(f'<p class="wps-p" data-heading="1"><span style="font-family:黑体;font-size:16pt">'
                       f"{P.heading(blk[1])}</span></p>")
        elif t == "h3":
            out.append(f'<p class="wps-p" data-heading="2"><span style="font-family:楷体_GB2312;font-size:16pt">'
                       f"{blk[1]}</span></p>")
        else:
            al = "text-align:right;" if t == "sign" else "text-indent:2em;"
            out.append(f'<p class="wps-p" style="{al}"><span style="font-family:仿宋_GB2312;font-size:16pt">'
                       f"{blk[1]}</span></p>")
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="generator" content="'
            f'{app}"><title>{title}</title></head><body><div class="wps-doc" data-doc-id="{hid(name, n=16)}">'
            + "".join(out) + "</div></body></html>\n")


def af10():
    name = "kdocs_wps_html_colgroup_data_wps_cell_liangxi_wuxi_2019"
    tpl, year = "2019", 2019
    ag = "无锡市梁溪区人民政府"
    t2 = t2_19(norm=(3, 3, 26), lic=(36, 1, 5412), oth=(12, 0, 1036), pen=(28, -2, 1963), coe=(4, 0, 57),
               fees=(2, 0), proc=(14, 612.08))
    t3, t4, b = setup(10110, tpl, year, ag, "区政府", "js", "http://www.wxlx.gov.cn", "0510-81821234",
                      [ag, "2020年1月22日"], {"admin_review": (5, 1, 0, 1), "litigation_direct": (2, 0, 0, 0)},
                      scale=1.4, compiler=f"{ag}办公室")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tabs = {"t2": wps_table(s2, hid(name, 2)), "t3": wps_table(s3, hid(name, 3)), "t4": wps_table(s4, hid(name, 4))}
    text = wps_doc(b, tabs, name, f"梁溪区政府{year}年政府信息公开工作年度报告.docx")
    fin(name, "html", text, meta(ag, ["江苏省", "无锡市", "梁溪区"], year, "county", "kdocs-html", "2020-01-22"), tpl,
        t2, t3, t4, "金山文档 (WPS 云文档) 'export as HTML' of a docx draft: one line, `<meta name=\"generator\" "
            "content=\"金山文档\">`, `<title>` is the file name `梁溪区政府2019年…年度报告.docx`, headings are styled "
            "`<p data-heading>` (not h-tags), tables `<table class=\"wps-table\">` with `<colgroup><col width>` and "
            "`data-wps-cell=\"r:c\"` / `data-pid` attributes, every cell a `<p class=\"wps-p\"><span style=…>`. "
            "Every cell printed.")


def af14():
    name = "wps_cloud_html_generator_title_filename_yangzhou_office_2020"
    tpl, year = "2019", 2020
    ag = "扬州市人民政府办公室"
    t2 = t2_19(norm=(4, 4, 38), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(7, 183.25))
    t3, t4, b = setup(10114, tpl, year, ag, "市政府办公室", "js", "http://www.yangzhou.gov.cn", "0514-87361234",
                      [ag, "2021年1月27日"], {"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)},
                      scale=1.1, compiler=f"{ag}（以下简称“市政府办”）")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tabs = {"t2": wps_table(s2, hid(name, 2)), "t3": wps_table(s3, hid(name, 3)), "t4": wps_table(s4, hid(name, 4))}
    text = wps_doc(b, tabs, name, f"{year}年政务公开年报（市府办）", app="WPS Office")
    fin(name, "html", text, meta(ag, ["江苏省", "扬州市"], year, "department", "kdocs-html", "2021-01-27"), tpl,
        t2, t3, t4, "WPS 云文档 HTML export (generator `WPS Office`), same markup as af10, for a 地级市 政府办公室: "
            "`<title>` is `2020年政务公开年报（市府办）` (no agency), the body title prints the full name. Table 2 "
            "licensing/penalty/coercion/fees are all 0 (the 办公室 holds none). Every cell printed.")


# ---------------------------------------------------------------- 钉钉文档 markdown with <font color>
def font(s, c="#1F2329"):
    return f'<font color="{c}">{s}</font>' if s != "" else s


def ding_md(rows, mode="first", zero_grey=True, w=99):
    g = expand_repeat(rows) if mode == "repeat" else expand_first(rows)
    occ, cells, nr, nc = occupancy(rows)
    kinds = [[cells[occ[(r, c)]][0]["k"] for c in range(nc)] for r in range(nr)]
    out = []
    for r, row in enumerate(g):
        line = []
        for c, x in enumerate(row):
            if kinds[r][c] == "num" and x != "":
                line.append(font(x, "#8F959E" if (zero_grey and x == "0") else "#1F2329"))
            elif x:
                line.append(f"**{br(x, w)}**" if r < 3 and kinds[r][c] == "lab" and r == 0 else br(x, w))
            else:
                line.append("")
        out.append(line)
    return pipe(out, sep_after=0)


def af11():
    name = "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023"
    tpl, year = "2021", 2023
    ag = "福清市人民政府"
    t2 = t2_21(norm=(5, 2, 44), lic=28631, pen=4117, coe=86, fee=0)
    t3, t4, b = setup(10111, tpl, year, ag, "市政府", "fj", "http://www.fuqing.gov.cn", "0591-85221234",
                      [ag, "2024年1月26日"], {"admin_review": (7, 1, 0, 1), "litigation_direct": (3, 0, 1, 1),
                                              "litigation_after_review": (1, 1, 0, 0)}, scale=2.4,
                      compiler=f"{ag}办公室")
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": ding_md(s2), "t3": ding_md(s3), "t4": ding_md(s4)}
    text = emit(b, tables, title='# <font color="#C00000">{}</font>', h='## <font color="#245BDB">{}</font>',
                sign="{}") + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "福州市", "福清市"], year, "county", "dingtalk-md", "2024-01-26"), tpl,
        t2, t3, t4, "钉钉文档 (DingTalk docs) 'export as Markdown': title and section headings wrapped in "
            "`<font color=\"#…\">` (title red, sections blue), pipe tables with merged cells top-left only, the first "
            "header row in `**bold**`, and every number cell wrapped in `<font color=\"#1F2329\">` — zeros in grey "
            "`<font color=\"#8F959E\">0</font>`. The rendered doc shows the plain numbers. 县级市. Every cell printed.")


def af12():
    name = "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020"
    tpl, year = "2019", 2020
    ag = "常州市武进区湖塘镇人民政府"
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(6, 1, 214), pen=(2, 0, 31), coe=(0, 0, 0), fees=(0, 0),
               proc=(3, 27.9))
    t3, t4, b = setup(10112, tpl, year, ag, "湖塘镇", "js", "http://www.wj.gov.cn", "0519-86321234",
                      [ag, "2021年1月15日"], {}, scale=0.4, orgs=False)
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": ding_md(s2, zero_grey=False), "t3": ding_md(s3, zero_grey=False),
              "t4": ding_md(s4, zero_grey=False)}

    def hook(i, blk):
        if blk[0] == "t3":
            return '<font color="#D83931">（以下数据已经镇党政办复核）</font>'
    text = emit(b, tables, title="# {}", h='### <font color="#000000">{}</font>', hook=hook,
                p='<font color="#1F2329">{}</font>') + "\n"
    fin(name, "md", text, meta(ag, ["江苏省", "常州市", "武进区", "湖塘镇"], year, "township", "dingtalk-md",
                               "2021-01-15"), tpl, t2, t3, t4,
        "钉钉文档 markdown, 2019 form, for a 镇: every paragraph wrapped in `<font color=\"#1F2329\">…</font>`, "
        "section headings `### <font color=\"#000000\">…`, a red `<font color=\"#D83931\">` review note above table 3, "
        "all number cells in `<font>`. Mostly 0, no org applicants, no review or litigation. Every cell printed.")


# ---------------------------------------------------------------- AF13 飞书 grid markdown, merged cells left empty
def af13():
    name = "lark_grid_md_merged_empty_br_labels_xinluo_wjj_longyan_2022"
    tpl, year = "2021", 2022
    ag = "龙岩市新罗区卫生健康局"
    t2 = t2_21(norm=(1, 0, 9), lic=1873, pen=264, coe=3, fee=0)
    t3, t4, b = setup(10113, tpl, year, ag, "区卫生健康局", "fj", "http://www.xinluo.gov.cn", "0597-2301234",
                      [ag, "2023年1月30日"], {"admin_review": (1, 0, 0, 0)}, scale=0.6)
    s2, s3, s4 = spans3(tpl, t2, t3, t4)
    tables = {"t2": grid_md(s2, "first", 6), "t3": grid_md(s3, "first", 6), "t4": grid_md(s4, "first", 6)}
    text = emit(b, tables, title="# {}", h="## {}", h3="### {}") + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "龙岩市", "新罗区"], year, "department", "lark-md", "2023-01-30"), tpl,
        t2, t3, t4, "飞书 docs grid-markdown export with merged cells LEFT EMPTY in the covered positions (text "
            "top-left only), and narrow columns: every label over 6 characters broken with `<br>` "
            "(`1.申请人无正当<br>理由逾期不补正<br>…`, `（本列数据的<br>勾稽关系为：…`). 2021 form with three (六) rows. Every "
            "cell printed.")


FX = [af01, af02, af03, af04, af05, af06, af07, af08, af09, af10, af11, af12, af13, af14]
