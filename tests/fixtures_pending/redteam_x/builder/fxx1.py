"""redteam_x fixtures 1-7: MinerU, docling (markdown and DocTags), Marker, Azure Document Intelligence."""
from xhelp import *  # noqa
from lhelp import t2_21, t2_19, meta
from fxq import blocks


def img(name, i):
    return f"![](images/{hexid(name, i)}.jpg)"


# ---------------------------------------------------------------- X1 MinerU: table 3 cut by the page into two <table>s
def x01():
    name = "mineru_t3_two_tables_page_cut_images_minhang_2022"
    tpl, year = "2021", 2022
    t3 = gen_t3(9101, tpl, scale=2.2)
    t2 = t2_21(norm=(5, 2, 48), lic=18342, pen=2716, coe=41, fee=0)
    t4 = mk_t4({"admin_review": (7, 1, 0, 2), "litigation_direct": (3, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    ag = "上海市闵行区人民政府"
    b = blocks(year, "区政府", "sh", t3, tpl, 9101, title=[f"{ag}2022年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "https://www.shmh.gov.cn", "021-64121234", tpl),
               signoff=[ag, "2023年1月18日"])
    s3 = t3_spans(tpl, t3)
    cut = 3 + 2 + 2 + 5          # page 4 ends after （三）5.属于三类内部事务信息
    tab = lambda rows, r0=0, r1=None: "<table>" + html_part(rows, r0, r1) + "</table>"
    tables = {"t2": tab(t2_spans(tpl, t2)),
              "t3": tab(s3, 0, cut) + "\n\n" + img(name, "p5") + "\n\n" + tab(s3, cut),
              "t4": tab(t4_spans(t4))}

    def hook(i, blk):
        if blk[0] == "title":
            return img(name, "emblem")
        if blk[0] == "sign" and blk[1] == ag:
            return img(name, "seal")
    text = emit(b, tables, title="# {}", h="# {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["上海市", None, "闵行区"], year, "county", "mineru-md", "2023-01-18"), tpl, t2, t3,
        t4, "MinerU markdown (2.x style: every heading `# `, tables as bare one-line `<table>` HTML without <html><body>, "
            "page images as `![](images/<sha256>.jpg)`: an emblem above the title, the seal above the sign-off). Table 3 "
            "runs over a page break, and MinerU emits one table per page: the first <table> has the header and rows up "
            "to （三）5; the second (after the next page's image) starts at （三）6 with two EMPTY continuation cells "
            "(rowspan 15 for 三、本年度办理结果, rowspan 3 for （三）不予公开) and no header. Every cell printed.")


# ---------------------------------------------------------------- X2 MinerU: table 4 only as an image; $-2$ formulas
def x02():
    name = "mineru_t4_image_only_formula_minus_changle_office_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9102, tpl, scale=0.6, orgs=False)
    t2 = t2_19(norm=(1, 1, 9), lic=(14, -2, 312), oth=(6, 0, 87), pen=(3, -1, 26), coe=(0, 0, 0), fees=(2, 0),
               proc=(4, 63.5))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    ag = "福州市长乐区人民政府办公室"
    b = blocks(year, "区政府办公室", "fj", t3, tpl, 9102, title=[f"{ag}2020年政府信息公开工作年度报告"], small=True,
               intro=P.std_intro(f"{ag}（以下简称“区政府办公室”）", year, "http://www.fzcl.gov.cn", "0591-28812345", tpl),
               review_sentence="本年度区政府办公室政府信息公开行政复议、行政诉讼情况见下表。",
               signoff=[ag, "2021年1月26日"])
    num = lambda s: "$-{}$".format(s[1:]) if s.startswith("-") and s != "-1" else ("$- 1$" if s == "-1" else s)
    rows2 = [[dict(c, t=num(c["t"])) if c["k"] == "num" else c for c in r] for r in t2_spans(tpl, t2)]
    tab = lambda rows: "<html><body><table>" + html_part(rows, esc=False) + "</table></body></html>"
    tables = {"t2": tab(rows2), "t3": tab(t3_spans(tpl, t3)),
              "t4": img(name, "t4") + "\n\n政府信息公开行政复议、行政诉讼情况统计表"}
    text = emit(b, tables, title="# {}", h="# {}") + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "福州市", "长乐区"], year, "department", "mineru-md", "2021-01-26"), tpl,
        t2, t3, t4, "MinerU markdown, 2019 form. Table 2's negative 本年增/减 came out of the formula model as inline "
            "LaTeX: `$-2$` (行政许可) and `$- 1$` with a space (行政处罚); truth -2 and -1. Table 4 was not recognised: "
            "MinerU kept only its image `![](images/…jpg)` and the caption line under it, so all 15 table-4 cells are "
            "lost. The prose says only `见下表`, so nothing pins them: table4 is null (not derived). Tables 2 and 3 are "
            "one-line `<html><body><table>` blocks with the official spans.", t4_null=True)


# ---------------------------------------------------------------- X3 docling markdown: spans repeated, tabulate padding
def x03():
    name = "docling_md_spans_repeated_padded_image_comments_wujiang_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(9103, tpl, scale=1.3)
    t2 = t2_19(norm=(2, 2, 31), lic=(48, 3, 9214), oth=(17, -1, 2318), pen=(29, 0, 1027), coe=(5, 0, 64),
               fees=(3, -1), proc=(11, 1286.37))
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (2, 0, 0, 1)})
    ag = "苏州市吴江区人民政府"
    b = blocks(year, "区政府", "js", t3, tpl, 9103, title=[f"{ag}2019年政府信息公开工作年度报告"], sub_style="heading",
               intro=P.std_intro(f"{ag}办公室", year, "http://www.wujiang.gov.cn", "0512-63982345", tpl),
               signoff=[ag, "2020年1月20日"])
    tables = {"t2": pipe(expand_repeat(t2_spans(tpl, t2)), pad=True),
              "t3": pipe(expand_repeat(t3_spans(tpl, t3)), pad=True),
              "t4": pipe(expand_repeat(t4_spans(t4)), pad=True)}

    def hook(i, blk):
        if blk[0] == "title" or (blk[0] == "sign" and blk[1] == ag):
            return "<!-- image -->"
    text = emit(b, tables, title="## {}", h="## {}", h3="## {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["江苏省", "苏州市", "吴江区"], year, "county", "docling-md", "2020-01-20"), tpl, t2,
        t3, t4, "docling `export_to_markdown`, 2019 form: every heading (title, 一…六, （一）…) is `## `; pictures are "
            "`<!-- image -->`; tables in tabulate github style padded with spaces (widths by len(), so CJK columns look "
            "ragged), the first row is the header. Every merged cell's text is REPEATED in every grid position it "
            "covers, across and down: the 3x3 勾稽关系 note ×9, 申请人情况 ×7, 法人或其他组织 ×5, 三、本年度办理结果 in 20 "
            "rows, group labels in each of their rows, 一、/二、/四、 ×3, 第二十条第（X）项 ×4, the (八)/(九) second metric "
            "×2 (`本年增/减 | 本年增/减`, `-1 | -1` one value), 行政复议 ×5, 行政诉讼 ×10. Negative changes -1.")


# ---------------------------------------------------------------- X4 docling DocTags (SmolDocling / OTSL tokens)
def otsl(rows, hdr_rows, loc):
    occ, cells, nr, nc = occupancy(rows)
    out = [f"<otsl>{loc}"]
    for r in range(nr):
        s = ""
        for c in range(nc):
            cell, r0, c0 = cells[occ[(r, c)]]
            if (r0, c0) == (r, c):
                if not cell["t"]:
                    s += "<ecel>"
                elif r < hdr_rows:
                    s += "<ched>" + cell["t"]
                elif cell["k"] == "lab":
                    s += "<rhed>" + cell["t"]
                else:
                    s += "<fcel>" + cell["t"]
            elif r == r0:
                s += "<lcel>"
            elif c == c0:
                s += "<ucel>"
            else:
                s += "<xcel>"
        out.append(s + "<nl>")
    return "".join(out) + "</otsl>"


def x04():
    name = "docling_doctags_otsl_tokens_zhenjiang_2021"
    tpl, year = "2021", 2021
    t3 = gen_t3(9104, tpl, scale=3.0)
    t2 = t2_21(rules=(1, 0, 12), norm=(9, 4, 86), lic=24618, pen=3172, coe=208, fee=46.8)
    t4 = mk_t4({"admin_review": (11, 2, 1, 3), "litigation_direct": (6, 1, 0, 4), "litigation_after_review": (2, 0, 0, 1)})
    ag = "镇江市人民政府"
    b = blocks(year, "市政府", "js", t3, tpl, 9104, title=[f"{ag}2021年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.zhenjiang.gov.cn", "0511-84412345", tpl),
               signoff=[ag, "2022年1月24日"])
    cnt = [0]

    def loc():
        cnt[0] += 1
        x = int(hexid(name, cnt[0], n=6), 16)
        a, bb = 40 + x % 30, 30 + (x >> 5) % 420
        return f"<loc_{a}><loc_{bb}><loc_{a + 380 + x % 40}><loc_{bb + 12 + (x >> 9) % 30}>"
    tables = {"t2": otsl(t2_spans(tpl, t2), 0, loc()), "t3": otsl(t3_spans(tpl, t3), 3, loc()),
              "t4": otsl(t4_spans(t4), 3, loc())}
    page = [1]

    def hook(i, blk):
        if blk[0] == "h" and blk[1] in (1, 2, 4):
            page[0] += 1
            return (f"<page_footer>{loc()}- {page[0] - 1} -</page_footer>\n<page_break>\n"
                    f"<page_header>{loc()}{ag}2021年政府信息公开工作年度报告</page_header>")
    text = "<doctag>" + emit(b, tables, title="<title>{L}{}</title>".replace("{L}", "\x00"),
                             h="<section_header_level_1>\x00{}</section_header_level_1>",
                             h3="<section_header_level_2>\x00{}</section_header_level_2>",
                             p="<text>\x00{}</text>", sign="<text>\x00{}</text>", sep="\n", hook=hook) + "\n</doctag>\n"
    while "\x00" in text:
        text = text.replace("\x00", loc(), 1)
    fin(name, "txt", text, meta(ag, ["江苏省", "镇江市"], year, "prefecture", "doctags", "2022-01-24"), tpl, t2, t3,
        t4, "docling DocTags (SmolDocling output) saved as text: `<doctag>`, `<title>`, `<section_header_level_1>`, "
            "`<text>`, `<page_header>`/`<page_footer>`/`<page_break>`, every element prefixed by four `<loc_N>` "
            "coordinate tokens (numbers that are not cells). Tables are OTSL: `<ched>` column-header cell, `<rhed>` "
            "row-header cell, `<fcel>` data cell, `<ecel>` empty, `<lcel>` merged with the left cell, `<ucel>` merged "
            "with the cell above, `<xcel>` both, `<nl>` end of row. So the 2021 table-2 values are `<fcel>24618"
            "<lcel><lcel>` (one value), 三、本年度办理结果 is one `<rhed>` followed by `<ucel>` in 21 rows. 规章 printed "
            "(1/0/12), fee 46.8 万元. Prefecture-level city government.")


# ---------------------------------------------------------------- X5 Marker: page separators, span anchors, split table
def x05():
    name = "marker_page_separators_split_t3_first_row_header_siming_2020"
    tpl, year = "2019", 2020
    t3 = gen_t3(9105, tpl, scale=1.6)
    t2 = t2_19(norm=(3, 3, 44), lic=(62, 0, 11873), oth=(24, 2, 3026), pen=(35, -4, 2412), coe=(8, 0, 97),
               fees=(0, 0), proc=(16, 842.6))
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (1, 1, 0, 0), "litigation_after_review": (0, 0, 0, 1)})
    ag = "厦门市思明区人民政府"
    b = blocks(year, "区政府", "fj", t3, tpl, 9105, title=[f"{ag}2020年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.siming.gov.cn", "0592-2891234", tpl),
               signoff=[ag, "2021年1月22日"])

    def br(g):
        return [[c if len(c) <= 14 or not c.strip() else "<br>".join(wrap_w(c, 28)) for c in r] for r in g]
    g3 = br(expand_first(t3_spans(tpl, t3)))
    cut = 3 + 2 + 2 + 8 + 1      # page 3 ends after （四）1.本机关不掌握相关政府信息
    tables = {"t2": pipe(br(expand_first(t2_spans(tpl, t2)))),
              "t3": pipe(g3[:cut]) + "\n\n{3}------------------------------------------------\n\n"
                    + pipe(g3[cut:]),
              "t4": pipe(br(expand_first(t4_spans(t4))))}
    hstyle = {0: "## {}", 1: "### {}", 2: "**{}**", 3: "#### {}", 4: "## {}", 5: "{}"}
    page = [0]

    def hook(i, _blk):
        blk = b[i]
        pre = []
        if blk[0] == "title" or (blk[0] == "h" and blk[1] in (1, 2, 3, 5)):
            if blk[0] != "title":
                page[0] = {1: 1, 2: 2, 3: 4, 5: 5}[blk[1]]
                pre.append(f"{{{page[0]}}}------------------------------------------------")
            pre.append(f'<span id="page-{page[0]}-{i % 7}"></span>')
        return "\n\n".join(pre) if pre else None
    b2 = []
    for blk in b:
        if blk[0] == "h":
            b2.append(("p", hstyle[blk[1]].format(P.heading(blk[1]))))
        else:
            b2.append(blk)
    text = "{0}------------------------------------------------\n\n" + emit(b2, tables, title="# {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["福建省", "厦门市", "思明区"], year, "county", "marker-md", "2021-01-22"), tpl, t2,
        t3, t4, "Marker with `--paginate_output`: pages start with `{N}` + 48 dashes, `<span id=\"page-N-M\"></span>` "
            "anchors before headings; heading levels guessed wrongly (一 `##`, 二 `###`, 三 bold only, 四 `####`, 五 `##`, "
            "六 plain text). Pipe tables, merged text in the top-left cell only, long labels/headers wrapped with `<br>`. "
            "Table 3 is cut by the `{3}----` page separator after （四）1; Marker makes the first row of every table its "
            "header, so the continuation's first DATA row (（四）2.没有现成信息需要另行制作) sits above a `|---|` line. "
            "Every cell printed; negative 本年增/减 -4 and 2.")


# ---------------------------------------------------------------- X6 Marker: two rows merged into one pipe row with <br>
def x06():
    name = "marker_rows_merged_br_in_cells_chongming_jiaoyu_2023"
    tpl, year = "2021", 2023
    t3 = gen_t3(9106, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 0, 17), lic=436, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_after_review": (0, 0, 0, 1)})
    ag = "上海市崇明区教育局"
    b = blocks(year, "区教育局", "sh", t3, tpl, 9106, title=[f"{ag}2023年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}（以下简称“区教育局”）", year, "https://www.shcm.gov.cn", "021-69612345", tpl),
               signoff=[ag, "2024年1月19日"])
    g = expand_first(t3_spans(tpl, t3))
    codes = [c for c, *_ in t3_rows(tpl)]
    merge = [("withheld_state_secret", "withheld_prohibited_by_law"), ("withheld_three_safeties", "withheld_third_party"),
             ("unavailable_needs_creation", "unavailable_unclear"), ("other_no_correction", "other_unpaid_fee")]
    out = g[:3]
    i = 0
    data = g[3:]
    while i < len(data):
        c = codes[i]
        if any(c == a for a, _ in merge):
            r1, r2 = data[i], data[i + 1]
            out.append([x if not y else (y if not x else f"{x}<br>{y}") for x, y in zip(r1, r2)])
            i += 2
        else:
            out.append(data[i]); i += 1
    g4 = expand_first(t4_spans(t4))
    g4 = [g4[0], [f"{x}<br>{y}" if x and y else (x or y) for x, y in zip(g4[1], g4[2])], g4[3]]
    tables = {"t2": pipe(expand_first(t2_spans(tpl, t2))), "t3": pipe(out), "t4": pipe(g4)}
    text = emit(b, tables, title="# {}", h="## {}") + "\n"
    fin(name, "md", text, meta(ag, ["上海市", None, "崇明区"], year, "department", "marker-md", "2024-01-19"), tpl, t2,
        t3, t4, "Marker markdown whose table model merged pairs of thin rows: four table-3 pipe rows hold TWO form rows, "
            "label `1.属于国家秘密<br>2.其他法律行政法规禁止公开` and every number cell `a<br>b` (first row's value, then "
            "the second's); also （三）3+4, （四）2+3, （六）1+2. Table 4's two lower header rows are merged the same way "
            "(`结果维持<br>` / `未经复议直接起诉<br>结果维持`). A reader sees every value, so all are truth; the 19 printed "
            "table-3 rows become 15 pipe rows.")


# ---------------------------------------------------------------- X7 Azure DI markdown: :unselected: for some zeros
def x07():
    name = "azure_di_md_th_pagebreak_comments_unselected_zeros_xuanwu_2019"
    tpl, year = "2019", 2019
    t3 = gen_t3(9107, tpl, scale=1.1)
    t2 = t2_19(norm=(1, 1, 22), lic=(31, 1, 6312), oth=(12, 0, 1843), pen=(18, -2, 731), coe=(3, 0, 12), fees=(0, 0),
               proc=(7, 318.25))
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    ag = "南京市玄武区人民政府"
    b = blocks(year, "区政府", "js", t3, tpl, 9107, title=[f"{ag}2019年政府信息公开工作年度报告"],
               intro=P.std_intro(f"{ag}办公室", year, "http://www.njxw.gov.cn", "025-84412345", tpl),
               signoff=[ag, "2020年1月21日"])
    lost = ["table3.withheld_state_secret.research_institution", "table3.withheld_three_safeties.social_welfare_org",
            "table3.not_processed_publication.other_org", "table3.carried_over.research_institution",
            "table4.litigation_after_review.pending"]
    for k in lost:
        _, r, c = k.split(".")
        assert (t3 if k.startswith("table3") else t4)[r][c] == 0, k
    hdr3 = lambda r, cell: "th" if r < 3 else "td"
    hdr4 = lambda r, cell: "th" if r < 3 else "td"
    tab = lambda rows, tag: "<table>\n" + html_part(rows, tag=tag, nl="\n").replace("</tr><tr>", "</tr>\n<tr>") + "\n</table>"
    s3 = t3_spans(tpl, t3, blank=":unselected:", blanks=lost)
    s4 = t4_spans(t4, blank=":unselected:", blanks=lost)
    tables = {"t2": tab(t2_spans(tpl, t2), lambda r, c: "td"), "t3": tab(s3, hdr3), "t4": tab(s4, hdr4)}
    pg = [1]

    def hook(i, blk):
        if blk[0] == "h" and blk[1] in (1, 2, 3, 5):
            pg[0] += 1
            return (f'<!-- PageFooter="- {pg[0] - 1} -" -->\n<!-- PageBreak -->\n'
                    f'<!-- PageHeader="{ag}2019年政府信息公开工作年度报告" -->\n<!-- PageNumber="{pg[0]}" -->')
        if blk[0] == "p" and blk[1].startswith("（二）依申请公开"):
            return ":selected:"
    text = emit(b, tables, title="# {}", h="## {}", hook=hook) + "\n"
    fin(name, "md", text, meta(ag, ["江苏省", "南京市", "玄武区"], year, "county", "azure-di-md", "2020-01-21"), tpl,
        t2, t3, t4, "Azure AI Document Intelligence prebuilt-layout, markdown output: `# ` title, `## ` sections, "
            "`<!-- PageHeader=… -->`, `<!-- PageFooter=\"- N -\" -->`, `<!-- PageNumber=\"N\" -->`, `<!-- PageBreak -->`, "
            "tables as multi-line HTML with `<th>` header cells and rowspan/colspan. The selection-mark model read five "
            "printed `0`s (small round glyphs in a thin font) as empty check boxes, so those cells hold `:unselected:` "
            "and lost their value: 属于国家秘密/科研机构, 危及“三安全一稳定”/社会公益组织, 要求提供公开出版物/其他, "
            "上年结转/科研机构 and 复议后起诉/尚未审结. Each is pinned back to 0 by its row or group sum (derived). A "
            "stray `:selected:` line stands before （二）依申请公开.", blanks=lost)


FX = [x01, x02, x03, x04, x05, x06, x07]
