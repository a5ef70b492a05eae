"""redteam_x fixtures 8-14: Textract cell lists, PP-Structure, Unstructured.io dumps, LLM transcripts."""
import json
from xhelp import *  # noqa
from lhelp import t2_21, t2_19, meta, GOUJI
from fxq import blocks


def lines_of(text, w):
    return wrap_w(text, w)


# ---------------------------------------------------------------- X8 Textract: every grid cell listed, words in the centre child
def textract_table(n, page, rows):
    occ, cells, nr, nc = occupancy(rows)
    home = {}
    for cid, (cell, r0, c0) in enumerate(cells):
        home[cid] = (r0 + (cell["rs"] - 1) // 2, c0 + (cell["cs"] - 1) // 2)
    out = [f"Table {n} (page {page}): {nr} rows x {nc} columns"]
    for r in range(nr):
        for c in range(nc):
            cid = occ[(r, c)]
            t = cells[cid][0]["t"] if home[cid] == (r, c) else ""
            out.append(f"row {r + 1} col {c + 1}: {t}".rstrip())
    merged = [f"rows {r0 + 1}-{r0 + cell['rs']} cols {c0 + 1}-{c0 + cell['cs']}" for cell, r0, c0 in cells
              if cell["rs"] > 1 or cell["cs"] > 1]
    out.append("Merged cells: " + "; ".join(merged))
    return "\n".join(out)


def x08():
    name = "textract_cell_list_centre_child_text_moling_street_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9108, tpl, scale=0.3, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=12, coe=0, fee=0)
    t4 = mk_t4({})
    ag = "南京市江宁区秣陵街道办事处"
    b = blocks(year, "街道", "js", t3, tpl, 9108, title=[ag, "2022年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“街道”）", year, "http://www.jiangning.gov.cn", "025-52112345", tpl),
               signoff=[ag, "2023年1月16日"])
    tables = {"t2": textract_table(1, 2, t2_spans(tpl, t2)), "t3": textract_table(2, 3, t3_spans(tpl, t3)),
              "t4": textract_table(3, 4, t4_spans(t4))}
    pg = [1]

    def wrapped(s):
        return "\n".join(lines_of(s, 70))

    def hook(i, blk):
        if blk[0] == "h" and blk[1] in (1, 2, 3, 4):
            pg[0] += 1
            return f"- {pg[0] - 1} -\n\n=== Page {pg[0]} ==="
    body = emit(b, tables, p="{}", sep="\n", hook=hook)
    body = "\n".join(wrapped(x) if not (x.startswith("row ") or x.startswith("Table ") or x.startswith("Merged"))
                     else x for x in body.split("\n"))
    text = "=== Page 1 ===\n" + body + f"\n- {pg[0]} -\n"
    fin(name, "txt", text, meta(ag, ["江苏省", "南京市", "江宁区", "秣陵街道"], year, "township", "textract-cells",
                               "2023-01-16"), tpl, t2, t3, t4,
        "AWS Textract AnalyzeDocument (TABLES) dumped by a script: `=== Page N ===`, the LINE blocks one per printed "
        "line (prose hard-wrapped at 35 characters), page numbers `- N -`; every table as `Table n (page p): R rows x C "
        "columns`, then EVERY grid cell `row r col c: text` in order, covered cells of a merged cell included and "
        "empty, then `Merged cells: rows a-b cols c-d; …`. As Textract does, the words of a merged cell land in the "
        "child cell where they were printed, the CENTRE of the span: 三、本年度办理结果 at row 14 col 1, 申请人情况 at row 1 "
        "col 7, the 2021 table-2 values in col 3 of their colspan-3 (cols 2 and 4 empty), 行政诉讼 at row 1 col 10, 结果维持 "
        "(rowspan 2) in row 2. Title on two lines. Street office, only natural persons and 商业企业/法律服务机构 applied; "
        "table 4 all 0.")


# ---------------------------------------------------------------- X9 PP-Structure res.txt: one dict per layout region
def x09():
    name = "ppstructure_res_dicts_table_html_ocr_label_zhujiajiao_town_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9109, tpl, scale=0.35, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(4, 0, 126), pen=(2, 0, 17), coe=(0, 0, 0), fees=(0, 0),
               proc=(2, 36.8))
    t4 = mk_t4({})
    ag = "上海市青浦区朱家角镇人民政府"
    b = blocks(year, "镇政府", "sh", t3, tpl, 9109, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“镇政府”）", year, "https://www.shqp.gov.cn", "021-59241234", tpl),
               signoff=[ag, "2021年1月25日"])
    cnt = [0]

    def bbox():
        cnt[0] += 1
        x = int(hexid(name, cnt[0], n=6), 16)
        a, bb = 88 + x % 40, 120 + (x >> 6) % 1900
        return [a, bb, a + 1300 + x % 60, bb + 40 + (x >> 3) % 300]

    def region(kind, text, w=36):
        bx = bbox()
        res = []
        for j, ln in enumerate(lines_of(text, w * 2) if kind != "table" else []):
            y = bx[1] + 46 * j
            res.append({"text": ln, "confidence": round(0.9 + (int(hexid(name, ln, n=4), 16) % 99) / 1000, 4),
                        "text_region": [[bx[0], y], [bx[2], y], [bx[2], y + 38], [bx[0], y + 38]]})
        return repr({"type": kind, "bbox": bx, "img_idx": 0, "res": res})

    def table(rows):
        def tag(r, cell):
            return "td"
        h = html_part(rows).replace("（三）不予公开", "（三）不子公开")
        first = h.index("</tr>") + 5
        html = ("<html><body><table><thead>" + h[:first] + "</thead><tbody>" + h[first:] + "</tbody></table></body></html>")
        occ, cells, nr, nc = occupancy(rows)
        cb = []
        for cell, r0, c0 in cells:
            x0, y0 = 3 + 61 * c0, 2 + 38 * r0
            x1, y1 = x0 + 61 * cell["cs"], y0 + 38 * cell["rs"]
            cb.append([x0, y0, x1, y0, x1, y1, x0, y1])
        return repr({"type": "table", "bbox": bbox(), "img_idx": 0, "res": {"cell_bbox": cb, "html": html}})
    tables = {"t2": table(t2_spans(tpl, t2)), "t3": table(t3_spans(tpl, t3)), "t4": table(t4_spans(t4))}
    out = []
    pg = 1
    for blk in b:
        k = blk[0]
        if k in tables:
            out.append(tables[k])
        elif k == "title":
            out.append(region("title", blk[1], 18))
        elif k == "h":
            if blk[1] in (1, 2, 3, 5):
                out.append(region("footer", f"-{pg}-"))
                pg += 1
                out.append("")
                out.append(f"----- page {pg} -----")
            out.append(region("title", P.heading(blk[1])))
        else:
            out.append(region("text", blk[1]))
    out.append(region("figure", ""))
    text = f"----- page 1 -----\n" + "\n".join(out) + "\n"
    fin(name, "txt", text, meta(ag, ["上海市", None, "青浦区", "朱家角镇"], year, "township", "ppstructure-res",
                               "2021-01-25"), tpl, t2, t3, t4,
        "PaddleOCR PP-Structure (v2) `res_0.txt` as saved by `save_structure_res`: one Python-repr dict per layout "
        "region, in reading order: `{'type': 'text'|'title'|'footer'|'figure', 'bbox': […], 'img_idx': 0, 'res': "
        "[{'text': line, 'confidence': 0.9xx, 'text_region': [[x, y], …]}, …]}` (prose split into OCR lines, each with "
        "its confidence and box), and `{'type': 'table', …, 'res': {'cell_bbox': [[8 numbers] per cell], 'html': "
        "'<html><body><table><thead>…</thead><tbody>…'}}` with the official rowspan/colspan and the first row in "
        "<thead>. The coordinates and confidences are numbers that are not cells. One OCR misreading in a table label: "
        "`（三）不子公开` (予→子). Page markers `----- page N -----`. Town government; table 4 all 0.")


# ---------------------------------------------------------------- X10 Unstructured.io: `Category: text`, Table as one-line HTML
def unstructured_html(rows, hdr):
    g = expand_first(rows)
    th = "".join("<tr>" + "".join(f"<th>{H.escape(c, quote=False)}</th>" for c in r) + "</tr>" for r in g[:hdr])
    td = "".join("<tr>" + "".join(f"<td>{H.escape(c, quote=False)}</td>" for c in r) + "</tr>" for r in g[hdr:])
    return "<table>" + (f"<thead>{th}</thead>" if hdr else "") + f"<tbody>{td}</tbody></table>"


def x10():
    name = "unstructured_category_lines_table_html_no_spans_jianyang_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(9110, tpl, scale=1.0)
    t2 = t2_21(norm=(3, 1, 29), lic=3127, pen=418, coe=12, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (0, 0, 1, 0)})
    ag = "南平市建阳区人民政府"
    b = blocks(year, "区政府", "fj", t3, tpl, 9110, title=[f"{ag}2021年政府信息公开工作年度报告"], sub_style="heading",
               intro=P.std_intro(f"{ag}办公室", year, "http://www.jianyang.gov.cn", "0599-5812345", tpl),
               signoff=[ag, "2022年1月21日"])
    tables = {"t2": "Table: " + unstructured_html(t2_spans(tpl, t2), 0),
              "t3": "Table: " + unstructured_html(t3_spans(tpl, t3), 3),
              "t4": "Table: " + unstructured_html(t4_spans(t4), 3)}
    pg = [1]

    def hook(i, blk):
        if blk[0] == "h" and blk[1] in (1, 2, 3, 4):
            pg[0] += 1
            return f"PageNumber: {pg[0] - 1}\nPageBreak: \nHeader: {ag}2021年政府信息公开工作年度报告"
    text = emit(b, tables, title="Title: {}", h="Title: {}", h3="ListItem: {}", p="NarrativeText: {}",
                sign="UncategorizedText: {}", sep="\n", hook=hook) + f"\nPageNumber: {pg[0]}\n"
    fin(name, "txt", text, meta(ag, ["福建省", "南平市", "建阳区"], year, "county", "unstructured-lines", "2022-01-21"),
        tpl, t2, t3, t4,
        "Unstructured.io `partition_pdf(strategy=\"hi_res\", infer_table_structure=True)` dumped as "
        "`f\"{el.category}: {el.text}\"`, one element per line, tables as `Table: ` + `metadata.text_as_html` (one line). "
        "The table HTML has NO rowspan/colspan: every merged cell's text sits in its first cell and the covered cells "
        "are empty `<td></td>`; table 3/4 header rows are `<th>` in a `<thead>`, table 2 has no thead. Section headings "
        "are `Title:`, the （一）… sub-headings `ListItem:`, the sign-off `UncategorizedText:`, page furniture "
        "`PageNumber: N`, `PageBreak: ` and `Header: <title>` (the running header holds the year). All cells printed.")


# ---------------------------------------------------------------- X11 Unstructured: Table element's plain text (cells joined by spaces)
def x11():
    name = "unstructured_table_text_flattened_spaces_changting_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9111, tpl, scale=0.7)
    t2 = t2_19(norm=(2, 2, 13), lic=(23, 1, 1438), oth=(9, 0, 264), pen=(14, -2, 389), coe=(2, 0, 7), fees=(1, 0),
               proc=(5, 127.4))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "长汀县人民政府"
    b = blocks(year, "县政府", "fj", t3, tpl, 9111, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.changting.gov.cn", "0597-6812345", tpl),
               signoff=[ag, "2021年1月27日"])

    def flat(rows):
        return " ".join(c for r in expand_first(rows) for c in r if c)
    tables = {"t2": "Table: " + flat(t2_spans(tpl, t2)), "t3": "Table: " + flat(t3_spans(tpl, t3)),
              "t4": "Table: " + flat(t4_spans(t4))}
    text = emit(b, tables, title="Title: {}", h="Title: {}", p="NarrativeText: {}", sign="NarrativeText: {}",
                sep="\n") + "\n"
    fin(name, "txt", text, meta(ag, ["福建省", "龙岩市", "长汀县"], year, "county", "unstructured-text", "2021-01-27"),
        tpl, t2, t3, t4,
        "Unstructured.io dump `f\"{el.category}: {el.text}\"` WITHOUT text_as_html: a Table element's text is its cells' "
        "text joined by single spaces in row order, empty cells dropped. So table 3 is one line `Table: （本列…） 申请人情况 "
        "自然人 法人或其他组织 总计 商业企业 … 一、本年新收政府信息公开申请数量 31 6 0 0 2 1 40 二、…`. Every table-3 and "
        "table-4 cell is printed (no blanks), and every row has its 7 numbers in form order, so a reader recovers all "
        "of them; in table 2 the whole 规章 row is blank (its truth is null) and the label is directly followed by "
        "the next label. Negative change -2.")


# ---------------------------------------------------------------- X12 LLM (GPT-style) transcription: hyphen-joined headers, （续表）
def x12():
    name = "llm_md_hyphen_joined_headers_xubiao_split_changning_office_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9112, tpl, scale=1.5)
    t2 = t2_21(norm=(4, 1, 37), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (1, 0, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市长宁区人民政府办公室"
    b = blocks(year, "区政府办公室", "sh", t3, tpl, 9112, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区政府办公室”）", year, "https://www.shcn.gov.cn", "021-22051234", tpl),
               signoff=[ag, "2023年1月20日"])
    hdr = ["项目", "申请人情况 - 自然人", "申请人情况 - 法人或其他组织 - 商业企业", "申请人情况 - 法人或其他组织 - 科研机构",
           "申请人情况 - 法人或其他组织 - 社会公益组织", "申请人情况 - 法人或其他组织 - 法律服务机构",
           "申请人情况 - 法人或其他组织 - 其他", "申请人情况 - 总计"]
    rows = []
    for code, l0, l1, l2 in t3_rows(tpl):
        if code in ("new_received", "carried_over", "carried_forward"):
            lab = l0
        else:
            lab = " - ".join(x for x in ("三、本年度办理结果", l1 if l1 else None, l2 if l2 else None) if x)
        rows.append([lab] + [fmt(t3[code][c]) for c in COLS])
    # group label carried to sub-rows, as an LLM writes it
    grp = None
    for r, (code, l0, l1, l2) in zip(rows, t3_rows(tpl)):
        if l1:
            grp = l1
        if l2 and not l1:
            r[0] = f"三、本年度办理结果 - {grp} - {l2}"
    cut = 2 + 2 + 8
    rows = [[f"**{x}**" if r[0].endswith("（七）总计") and x else x for x in r] for r in rows]
    t3md = (pipe([hdr] + rows[:cut]) + "\n\n**（续表）**\n\n" + pipe([hdr] + rows[cut:]))
    t2md = pipe([["条款", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                 ["第二十条第（一）项", "规章", "", "", ""],
                 ["第二十条第（一）项", "行政规范性文件", "4", "1", "37"]]) + "\n\n" + pipe(
        [["条款", "信息内容", "本年处理决定数量"], ["第二十条第（五）项", "行政许可", "0"],
         ["第二十条第（六）项", "行政处罚", "0"], ["第二十条第（六）项", "行政强制", "0"]]) + "\n\n" + pipe(
        [["条款", "信息内容", "本年收费金额（单位：万元）"], ["第二十条第（八）项", "行政事业性收费", "0"]])
    h4 = ["行政复议 - 结果维持", "行政复议 - 结果纠正", "行政复议 - 其他结果", "行政复议 - 尚未审结", "行政复议 - 总计"]
    h4 += [f"行政诉讼 - {g} - {r}" for g in ("未经复议直接起诉", "复议后起诉")
           for r in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")]
    t4md = pipe([h4, t4_vals(t4)])
    tables = {"t2": t2md, "t3": t3md, "t4": t4md}
    pre = "以下是该 PDF 文件的完整转录，表格已整理为 Markdown 格式：\n\n---\n\n"
    post = ("\n\n---\n\n**说明：** 原文表格中的合并单元格已按“上级标题 - 下级标题”的方式展开；表三因跨页分为两部分，"
            "第二部分以“（续表）”标注。如需导出为 Excel 表格，请告诉我。\n")
    text = pre + emit(b, tables, title="# {}", h="## {}", sign="{}") + post
    fin(name, "md", text, meta(ag, ["上海市", None, "长宁区"], year, "department", "llm-md", "2023-01-20"), tpl, t2, t3,
        t4, "LLM (GPT-style) transcription of the PDF: preamble `以下是该 PDF 文件的完整转录…` and a closing `**说明：**` "
            "paragraph. Table 3 re-typed with ONE label column whose merged headers are spelled out with ` - `: "
            "`三、本年度办理结果 - （一）予以公开`, `三、本年度办理结果 - （三）不予公开 - 1.属于国家秘密`; one header row "
            "`申请人情况 - 法人或其他组织 - 商业企业` …; the （七）总计 row in bold. The table is split in two after "
            "（三）8 with `**（续表）**` and the header repeated. Table 2 re-typed as three small tables with a 条款 column; "
            "table 4 as ONE header row of 15 ` - `-joined names and one value row. 规章 blank. All other cells printed.")


# ---------------------------------------------------------------- X13 LLM transcription that summarised a row group
def x13():
    name = "llm_md_row_group_summarised_subtotal_fuding_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9113, tpl, scale=1.2)
    t2 = t2_19(norm=(3, 3, 26), lic=(37, 2, 4128), oth=(15, 0, 931), pen=(22, -1, 614), coe=(4, 0, 38), fees=(2, 0),
               proc=(9, 472.15))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 0)})
    ag = "福鼎市人民政府"
    b = blocks(year, "市政府", "fj", t3, tpl, 9113, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.fuding.gov.cn", "0593-7812345", tpl),
               signoff=[ag, "2021年1月28日"])
    npcodes = [c for c, _ in NOTP]
    sub = {c: sum(t3[r][c] for r in npcodes) for c in COLS}
    hdr = ["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    rows = []
    done = False
    for code, l0, l1, l2 in t3_rows(tpl):
        if code in npcodes:
            if not done:
                rows.append(["（五）不予处理（1–5项合计）"] + [fmt(sub[c]) for c in COLS])
                done = True
            continue
        lab = l0 if code in ("new_received", "carried_over", "carried_forward") else (
            f"{l1}：{l2}" if l1 and l2 else (l2 or l1))
        rows.append([lab] + [fmt(t3[code][c]) for c in COLS])
    rows.insert(2, ["**三、本年度办理结果**"] + [""] * 7)
    t3md = (pipe([hdr] + rows) + "\n\n> 注：为便于阅读，表中“（五）不予处理”的 5 个子项（信访举报投诉类申请、重复申请、"
            "要求提供公开出版物、无正当理由大量反复申请、要求行政机关确认或重新出具已获取信息）已合并为一行列示，"
            "数值为各子项之和。")
    t2rows = [["信息内容", "上一年项目数量 / 本年新制作数量", "本年增/减 / 本年新公开数量", "处理决定数量 / 对外公开总数量"]]
    for head, hh, items, metrics in t2_spec(tpl):
        for code, lab in items:
            t2rows.append([lab] + [fmt(t2[code][m]) for m in metrics] + [""] * (3 - len(metrics)))
    t2md = pipe(t2rows) + "\n\n> 注：原表按《条例》第二十条第（一）、（五）、（六）、（八）、（九）项分栏，各栏表头不同，此处合并列示；" \
                           "“政府集中采购”一行的两列分别为采购项目数量和采购总金额（万元）。"
    g4 = expand_first(t4_spans(t4))
    tables = {"t2": t2md, "t3": t3md, "t4": pipe(g4)}
    text = emit(b, tables, title="# {}", h="### {}") + "\n"
    blanks = {f"table3.{r}.{c}" for r in npcodes for c in COLS}
    fin(name, "md", text, meta(ag, ["福建省", "宁德市", "福鼎市"], year, "county", "llm-md", "2021-01-28"), tpl, t2, t3,
        t4, "LLM transcription that summarised a row group: the five （五）不予处理 rows are replaced by ONE row "
            "`（五）不予处理（1–5项合计）` holding their column sums, with a `> 注：` saying so. The 35 sub-row cells are "
            "lost (null). By the derivation rule, a column whose other outcome rows and （七）总计 are known leaves the "
            "five unknowns summing to a known number: where that is 0 they are all derived 0; where it is not (自然人, "
            "总计 and any column with a non-zero subtotal) they stay null (`not_pinned`). The summary row itself is not "
            "a form row. Other rows: one label column `（三）不予公开：1.属于国家秘密`, a bold `**三、本年度办理结果**` "
            "label-only row. Table 2 re-typed as ONE table whose header names both metric sets "
            "(`上一年项目数量 / 本年新制作数量`…), the rows keep form order; table 4 a plain pipe table.",
        blanks=blanks, big_ok=True)


# ---------------------------------------------------------------- X14 LLM answer with the tables as JSON in code fences
def x14():
    name = "llm_json_code_fences_tables_jiangyan_weijianwei_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(9114, tpl, scale=0.8)
    t2 = t2_21(norm=(1, 0, 6), lic=2314, pen=87, coe=3, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    ag = "泰州市姜堰区卫生健康委员会"
    b = blocks(year, "区卫健委", "js", t3, tpl, 9114, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区卫健委”）", year, "http://www.jiangyan.gov.cn", "0523-88212345", tpl),
               signoff=[ag, "2024年1月22日"])
    j2 = {"第二十条第（一）项": {"规章": {"本年制发件数": None, "本年废止件数": None, "现行有效件数": None},
                            "行政规范性文件": {"本年制发件数": 1, "本年废止件数": 0, "现行有效件数": 6}},
          "第二十条第（五）项": {"行政许可": {"本年处理决定数量": 2314}},
          "第二十条第（六）项": {"行政处罚": {"本年处理决定数量": 87}, "行政强制": {"本年处理决定数量": 3}},
          "第二十条第（八）项": {"行政事业性收费": {"本年收费金额（单位：万元）": 0}}}
    lab = {"natural_person": "自然人", "commercial_enterprise": "商业企业", "research_institution": "科研机构",
           "social_welfare_org": "社会公益组织", "legal_service_org": "法律服务机构", "other_org": "其他", "total": "总计"}
    recs = []
    grp = None
    for code, l0, l1, l2 in t3_rows(tpl):
        if l1:
            grp = l1
        item = l0 if code in ("new_received", "carried_over", "carried_forward") else (f"{grp}{l2}" if l2 else grp)
        recs.append({"项目": item, **{lab[c]: t3[code][c] for c in COLS}})
    j4 = {"行政复议": {r: t4["admin_review"][k] for k, r in zip(RES, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])},
          "行政诉讼": {g: {r: t4[cs][k] for k, r in zip(RES, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])}
                   for g, cs in (("未经复议直接起诉", "litigation_direct"), ("复议后起诉", "litigation_after_review"))}}
    js = lambda o: "```json\n" + json.dumps(o, ensure_ascii=False, indent=2) + "\n```"
    tables = {"t2": "表格内容如下（JSON 格式）：\n\n" + js({"主动公开政府信息情况": j2}),
              "t3": "表格内容如下（JSON 格式，每个对象对应表中一行）：\n\n" + js(recs),
              "t4": "表格内容如下（JSON 格式）：\n\n" + js(j4)}
    pre = "好的，下面是这份年度报告的全文整理。正文保留原文，表格按你的要求转换为 JSON。\n\n"
    post = "\n\n以上为全部内容。表中 `null` 表示原表该单元格为空。\n"
    text = pre + emit(b, tables, title="**{}**", h="**{}**") + post
    fin(name, "md", text, meta(ag, ["江苏省", "泰州市", "姜堰区"], year, "department", "llm-json", "2024-01-22"), tpl,
        t2, t3, t4, "LLM answer with the prose kept and every table turned into JSON inside ```json fences: table 2 as "
            "nested objects 条款 → 信息内容 → metric (规章 metrics `null`: blank in the original), table 3 as a list of "
            "row objects `{\"项目\": \"（三）不予公开1.属于国家秘密\", \"自然人\": 0, …, \"总计\": 0}` (group label glued in "
            "front of every sub-row; 三、本年度办理结果 left out), table 4 as `{\"行政复议\": {…}, \"行政诉讼\": "
            "{\"未经复议直接起诉\": {…}, \"复议后起诉\": {…}}}`. Headings and title in `**bold**` only. A chat preamble "
            "and closing line. All cells printed.")


FX = [x08, x09, x10, x11, x12, x13, x14]
