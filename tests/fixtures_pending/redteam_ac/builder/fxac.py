"""redteam_ac fixtures: TABLES THAT CAME FROM A SPREADSHEET (CSV exports with quoted multi-line cells and
`"1,296"`, TSV copies with merged cells unmerged and filled, floats `12.0`/`0.00`, currency cells, formulas left as
text and Excel errors where a total should be, hidden helper columns and rows, scientific notation, pasted column
letters and row numbers, sheet-name lines, trailing empty columns, Excel clipboard / save-as-web-page HTML with
x:num / x:fmla / mso- styles) on complete 上海 / 福建 / 江苏 reports."""
import csv
import html as H
import io
import re
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans, expand_first, expand_repeat
from lhelp import t2_21, t2_19, meta, t2_blank_keys, GOUJI
from fxl1 import render
from fxm1 import body_html, tabs
from fxq import blocks, md
import kprose as P


# ---------------------------------------------------------------- tokenised tables: every value cell carries its key
def tok(k):
    return "\x01" + k + "\x02"


TOK = re.compile("\x01([^\x02]*)\x02")


def tokens(t2, t3, t4):
    T2 = {i: {m: (None if v is None else tok(f"table2.{i}.{m}")) for m, v in row.items()} for i, row in t2.items()}
    T3 = {r: {c: tok(f"table3.{r}.{c}") for c in row} for r, row in t3.items()}
    T4 = {k: {r: tok(f"table4.{k}.{r}") for r in row} for k, row in t4.items()}
    return T2, T3, T4


def lookup(t2, t3, t4):
    def val(key):
        t, a, b = key.split(".")
        return {"table2": t2, "table3": t3, "table4": t4}[t][a][b]
    return val


def L(c):
    s = ""
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


def sub_grid(grid, F, row0=1, col0=0):
    """replace tokens; F(key, sheet_row, sheet_col_index) -> text"""
    out = []
    for ri, r in enumerate(grid):
        out.append([TOK.sub(lambda m: F(m.group(1), row0 + ri, col0 + ci), c) for ci, c in enumerate(r)])
    return out


def sub_spans(rows, F):
    return [[dict(c, t=TOK.sub(lambda m: F(m.group(1), 0, 0), c["t"])) for c in r] for r in rows]


def formatter(val, over=None, num=None):
    """over: key -> text or callable(row, col) ; num: value -> text."""
    over = over or {}
    num = num or fmt

    def F(key, r, c):
        if key in over:
            o = over[key]
            return o(r, c) if callable(o) else o
        return num(val(key))
    return F


def rowsum(r, c):
    return f"=SUM({L(c - 6)}{r}:{L(c - 1)}{r})"


def thousands(v):
    if isinstance(v, float):
        return f"{v:,.2f}"
    return f"{v:,}"


def flt1(v):
    return f"{float(v):.1f}"


def flt2(v):
    return f"{float(v):.2f}"


def csv_text(grid, extra_cols=0, quote_all=False, width=None):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    W = (width or max(len(r) for r in grid)) + extra_cols
    for r in grid:
        w.writerow(list(r) + [""] * (W - len(r)))
    return buf.getvalue().rstrip("\n")


def tsv_keep(grid):
    return "\n".join("\t".join(r) for r in grid)


def with_letters(grid, row0=1, tab="\t"):
    """Excel's column letters above and row numbers down the left, copied along with the cells."""
    W = max(len(r) for r in grid)
    out = [[""] + [L(i) for i in range(W)]]
    for i, r in enumerate(grid):
        out.append([str(row0 + i)] + list(r) + [""] * (W - len(r)))
    return out


# ---------------------------------------------------------------- Excel clipboard / save-as-web-page HTML
XL_CSS = """<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
.xl65
	{mso-style-parent:style0;
	font-family:宋体;
	mso-font-charset:134;
	text-align:center;
	vertical-align:middle;
	border:.5pt solid windowtext;
	white-space:normal;}
.xl66
	{mso-style-parent:style0;
	mso-number-format:General;
	text-align:center;
	border:.5pt solid windowtext;}
.xl67
	{mso-style-parent:style0;
	mso-number-format:"0\\.00";
	text-align:right;
	border:.5pt solid windowtext;}
.xl68
	{mso-style-parent:style0;
	mso-number-format:"\\#\\,\\#\\#0";
	border:.5pt solid windowtext;}
.xl69
	{mso-style-parent:style0;
	mso-number-format:"\\0022¥\\0022\\#\\,\\#\\#0\\.00";
	border:.5pt solid windowtext;}
.xl70
	{mso-style-parent:style0;
	mso-number-format:"0\\.0000E\\+00";
	border:.5pt solid windowtext;}
-->
</style>"""


def xl_td(c, num_attr):
    a = ""
    if c["rs"] > 1:
        a += f" rowspan={c['rs']}"
    if c["cs"] > 1:
        a += f" colspan={c['cs']}"
    t = c["t"]
    if c["k"] != "num":
        inner = H.escape(t, quote=False).replace("\n", "<br>\n  ") if t else ""
        return f"<td class=xl65{a} x:str>{inner}</td>" if t else f"<td class=xl65{a}>&nbsp;</td>"
    return num_attr(c, a)


def xl_table(rows, num_attr, hidden_col=None, hidden_rows=(), ncols=None, sheet=None):
    """rows: span rows whose num cells carry (display, x:num, x:fmla, x:err, class) in c['x'].
    hidden_col: list of texts for a hidden first column (one per row) ; hidden_rows: {index: [cells]} rows
    inserted with display:none before row index."""
    out = ["<!--StartFragment-->" if sheet is None else f"<!--表：{sheet}-->",
           "<table border=0 cellpadding=0 cellspacing=0 width=1040 style='border-collapse:\n collapse;table-layout:fixed;width:780pt'>"]
    if hidden_col is not None:
        out.append(" <col width=0 style='display:none;mso-width-source:userset;mso-width-alt:0'>")
    out.append(f" <col width=104 span={ncols or 10} style='mso-width-source:userset;mso-width-alt:3328;width:78pt'>")
    for i, r in enumerate(rows):
        if i in dict(hidden_rows):
            out.append(" <tr height=0 style='display:none'>")
            if hidden_col is not None:
                out.append("  <td class=xl66 style='display:none'></td>")
            out += [f"  {x}" for x in dict(hidden_rows)[i]]
            out.append(" </tr>")
        out.append(" <tr height=38 style='mso-height-source:userset;height:28.5pt'>")
        if hidden_col is not None:
            h = hidden_col[i]
            out.append(f"  <td class=xl66 style='display:none'{' x:num' if h.isdigit() else ''}>{h}</td>")
        out += ["  " + xl_td(c, num_attr) for c in r]
        out.append(" </tr>")
    out += ["</table>", "<!--EndFragment-->" if sheet is None else ""]
    return "\n".join(x for x in out if x != "")


def xl_num_default(c, a):
    x = c.get("x")
    if x is None:
        return f"<td class=xl66{a} x:num>{c['t']}</td>"
    disp, attrs, cls = x
    return f"<td class={cls}{a}{attrs}>{disp}</td>"


def xl_spans(rows, keys, X):
    """attach Excel attributes to the num cells of span rows, in order: X(key) -> (display, attrs, class)."""
    it = iter(keys)
    out = []
    for r in rows:
        nr = []
        for c in r:
            if c["k"] == "num":
                nr.append(dict(c, x=X(next(it))))
            else:
                nr.append(c)
        out.append(nr)
    rest = list(it)
    assert not rest, rest
    return out


def keys_t3(tpl):
    return [f"table3.{code}.{c}" for code, *_ in t3_rows(tpl) for c in COLS]


def keys_t4():
    return [f"table4.{k}.{r}" for k in CASES for r in RES]


def keys_t2(tpl, t2):
    return [f"table2.{code}.{m}" for head, hdr, items, metrics in t2_spec(tpl) for code, _ in items
            for m in metrics]


def xl_page(title, body, sheets=("Sheet1",)):
    ws = "\n".join(f"   <x:ExcelWorksheet>\n    <x:Name>{s}</x:Name>\n    <x:WorksheetOptions>\n"
                   "     <x:DefaultRowHeight>285</x:DefaultRowHeight>\n     <x:Selected/>\n"
                   "    </x:WorksheetOptions>\n   </x:ExcelWorksheet>" for s in sheets)
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\n"
            "xmlns:x=\"urn:schemas-microsoft-com:office:excel\"\nxmlns=\"http://www.w3.org/TR/REC-html40\">\n\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<meta name=ProgId content=Excel.Sheet>\n"
            "<meta name=Generator content=\"Microsoft Excel 15\">\n"
            f"<title>{title}</title>\n" + XL_CSS +
            "\n<!--[if gte mso 9]><xml>\n <x:ExcelWorkbook>\n  <x:ExcelWorksheets>\n" + ws +
            "\n  </x:ExcelWorksheets>\n  <x:WindowHeight>12540</x:WindowHeight>\n  <x:WindowWidth>28800</x:WindowWidth>\n"
            " </x:ExcelWorkbook>\n</xml><![endif]-->\n</head>\n\n<body link=\"#0563C1\" vlink=\"#954F72\">\n"
            + body + "\n</body>\n\n</html>\n")


# ---------------------------------------------------------------- one report
def build(name, ext, tpl, year, t2, t3, t4, tables, ag, we, flavor, region, level, pub, url, phone, shape, notes,
          seed, intro_ag=None, small=True, blanks=(), t2_hide=(), extra=None, html=None, t2_sentence=None,
          t3_sentence=None, t4_sentence=None):
    title = f"{ag}{year}年政府信息公开工作年度报告"
    b = blocks(year, we, flavor, t3, tpl, seed, title=[title], small=small, t3_sentence=t3_sentence,
               t2_sentence=t2_sentence,
               intro=P.std_intro(intro_ag or f"{ag}（以下简称“{we}”）", year, url, phone, tpl),
               signoff=[ag, f"{pub[:4]}年{int(pub[5:7])}月{int(pub[8:10])}日"], review_sentence=t4_sentence)
    if ext == "html":
        text = html(title, body_html(b, tables, title_tag="p class=MsoTitle"))
    else:
        kw = dict(tfmt="# {}", hfmt="## {}", sep="\n\n") if ext == "md" else {}
        text = render(b, tables, **kw) + "\n"
    assert "\x01" not in text
    t2_truth = {i: dict(row) for i, row in t2.items()}
    for k in t2_hide:
        i, m = k.split(".")
        t2_truth[i][m] = None
    tr = truth(meta(ag, region, year, level, shape, pub), tpl, t2_truth, t3, t4, blanks=blanks,
               t2_blanks=t2_blank_keys(t2_truth), notes=notes, extra=extra)
    write(name, ext, text, tr)


def sheet_block(name, body, blank_after=False):
    return name + "\n" + body + ("\n" if blank_after else "")


GOUJI_CSV = "（本列数据的勾稽关系为:第一项加第二项之和,\n等于第三项加第四项之和）"
G_PART_NL = "（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）"


def relabel(grid, m):
    return [[m.get(c, c) for c in r] for r in grid]


def sheet_rows(grid):
    return grid


# ---------------------------------------------------------------- AC01 上海 徐汇区人民政府: CSV export, quoted multi-line cells, "1,296"
def ac01():
    tpl, year, seed = "2021", 2022, 9501
    t3 = gen_t3(seed, tpl, scale=2.0)
    t2 = t2_21(norm=(7, 2, 113), lic=12960, pen=2417, coe=38, fee=0)
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (3, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    F = formatter(lookup(t2, t3, t4), num=thousands)
    lab = {GOUJI: GOUJI_CSV, G_PART: G_PART_NL, "3.危及“三安全一稳定”": '3.危及"三安全一稳定"'}
    g2 = sub_grid(expand_first(t2_spans(tpl, T2)), F)
    g3 = relabel(sub_grid(expand_first(t3_spans(tpl, T3)), F), lab)
    g4 = sub_grid(expand_first(t4_spans(T4)), F)
    tables = {"t2": "表2-主动公开政府信息情况.csv\n" + csv_text(g2, extra_cols=4),
              "t3": "表3-收到和处理政府信息公开申请情况.csv\n" + csv_text(g3, extra_cols=4),
              "t4": "表4-政府信息公开行政复议、行政诉讼情况.csv\n" + csv_text(g4, extra_cols=4)}
    build("sh_district_gov_csv_export_quoted_multiline_thousands_xuhui_2022", "txt", tpl, year, t2, t3, t4, tables,
          "上海市徐汇区人民政府", "区政府", "sh", ["上海市", None, "徐汇区"], "county", "2023-01-30",
          "https://www.xuhui.gov.cn", "021-64872222", "csv-export",
          "Plain text report whose three tables are the CSV exports of the office's workbook (one file per sheet, "
          "each introduced by its file name line, e.g. `表3-收到和处理政府信息公开申请情况.csv`). Merged cells export as "
          "the text in the first cell and empty fields after it, and every row carries four trailing empty fields "
          "(`,,,,`) from a formatted range to the right. Quoted cells: the 勾稽关系 header holds an ASCII comma AND a "
          "line break (`\"（本列数据的勾稽关系为:第一项加第二项之和,⏎等于第三项加第四项之和）\"`), the （二）部分公开 "
          "label holds a line break, 3.危及\"三安全一稳定\" has ASCII quotes doubled by CSV (`\"3.危及\"\"三安全一稳定\"\"\"`), "
          "and numbers of 1000 and more keep their thousands separator and are quoted (`\"12,960\"`, `\"2,417\"`). "
          "Every cell is printed; truth reads the CSV as a spreadsheet would.", seed, intro_ag="上海市徐汇区人民政府办公室",
          small=False)


# ---------------------------------------------------------------- AC02 福建 莆田 城厢区政府办: TSV copy, merged cells unmerged and filled, floats
def ac02():
    tpl, year, seed = "2019", 2020, 9502
    t3 = gen_t3(seed, tpl, scale=1.1)
    t2 = t2_19(norm=(3, 3, 41), lic=(58, 2, 736), oth=(12, 0, 154), pen=(26, -2, 318), coe=(4, 0, 11), fees=(2, 0),
               proc=(6, 85.3))
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    F = formatter(val, num=lambda v: flt2(v) if isinstance(v, float) else flt1(v))
    F4 = formatter(val, num=flt2)
    tables = {"t2": tabs(sub_grid(expand_repeat(t2_spans(tpl, T2)), F)),
              "t3": tabs(sub_grid(expand_repeat(t3_spans(tpl, T3)), F)),
              "t4": tabs(sub_grid(expand_repeat(t4_spans(T4)), F4))}
    build("fj_district_office_tsv_merged_filled_floats_chengxiang_putian_2020", "txt", tpl, year, t2, t3, t4, tables,
          "莆田市城厢区人民政府办公室", "区政府办", "fj", ["福建省", "莆田市", "城厢区"], "department", "2021-01-25",
          "http://www.pt.gov.cn/cxq", "0594-2296000", "tsv-span-filled-floats",
          "2019 form. The three tables were copied out of a WPS 表格 sheet after 取消合并单元格并填充内容: every merged "
          "cell's text is repeated in each cell it covered (一、/二、/四、 row labels three times across the label columns, 三、本年度办理结果 in all 19 "
          "outcome rows, （一）予以公开 / （二） / （六） / （七） twice across the two sub-label columns, （三）不予公开 in its 8 rows, 申请人情况 in 7 columns, "
          "法人或其他组织 in 5, 自然人 and 总计 twice down, the 勾稽关系 cell 3×3; in table 2 each 第二十条 head over its "
          "columns, and the 收费 本年增/减 and 采购总金额 headers and values twice, since they span two columns; in table 4 行政复议 ×5, 行政诉讼 ×10, "
          "未经复议直接起诉/复议后起诉 ×5, each 结果维持… header of 行政复议 twice down). The value cells are formatted "
          "with one decimal (`12.0`, `-2.0`, `0.0`), money with two (`85.30`), table 4 with two (`0.00`). A value "
          "repeated by the fill is one value. Every cell is printed.", seed, intro_ag="莆田市城厢区人民政府办公室")


# ---------------------------------------------------------------- AC03 江苏 南京 鼓楼区市场监管局: TSV with column letters and row numbers
def ac03():
    tpl, year, seed = "2021", 2021, 9503
    t3 = gen_t3(seed, tpl, scale=1.4)
    t2 = t2_21(norm=(2, 0, 17), lic=4812, pen=1306, coe=57, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 0), "litigation_direct": (1, 1, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    F = formatter(lookup(t2, t3, t4), num=thousands)
    tables = {"t2": "Sheet1\n" + tsv_keep(with_letters(sub_grid(expand_first(t2_spans(tpl, T2)), F))),
              "t3": "Sheet2\n" + tsv_keep(with_letters(sub_grid(expand_first(t3_spans(tpl, T3)), F))),
              "t4": "Sheet3\n" + tsv_keep(with_letters(sub_grid(expand_first(t4_spans(T4)), F)))}
    build("js_district_bureau_tsv_column_letters_row_numbers_gulou_nanjing_scjg_2021", "txt", tpl, year, t2, t3, t4,
          tables, "南京市鼓楼区市场监督管理局", "本局", "js", ["江苏省", "南京市", "鼓楼区"], "department",
          "2022-01-20", "http://www.njgl.gov.cn", "025-83700000", "tsv-with-sheet-headers",
          "2021 form. Each table was copied together with the spreadsheet's own frame: a sheet-tab line (`Sheet1`, "
          "`Sheet2`, `Sheet3`), then the column-letter row (`\\tA\\tB\\tC…`, with an empty first cell) and, in front of "
          "every row, its row number (1, 2, 3 … 28 in table 3). So table 3's 一、本年新收 row reads "
          "`4\\t一、本年新收政府信息公开申请数量\\t\\t\\t<自然人>…`, with the row number 4 in front of the label, and "
          "table 4's data row starts with `4`. Rows are padded to the full width with empty cells (merged cells "
          "export as text + empties). Numbers of 1000 and more keep their separator (`4,812`, `1,306`). The letters "
          "and row numbers are not cells of the form; every form cell is printed.", seed, small=False)


def t3_fmla(tpl, row0, part0, rows=True, colsum=True):
    """Excel formulas of table 3's 总计 column (row sums) and （七）总计 row (column sums); row0 = sheet row of
    一、本年新收, part0 = column index of 自然人."""
    codes = [c for c, *_ in t3_rows(tpl)]
    outs = outcome_codes(tpl)
    f = {}
    for i, code in enumerate(codes):
        r = row0 + i
        if rows:
            f[f"table3.{code}.total"] = f"=SUM({L(part0)}{r}:{L(part0 + 5)}{r})"
    r1, r2 = row0 + codes.index(outs[0]), row0 + codes.index(outs[-1])
    if colsum:
        for j, c in enumerate(COLS):
            f[f"table3.total_processed.{c}"] = f"=SUM({L(part0 + j)}{r1}:{L(part0 + j)}{r2})"
    return f


def xl_X(val, fmla=(), err=(), cls_big="xl68", fee_cls=None):
    fmla = dict(fmla)
    err = dict(err)

    def X(key):
        v = val(key)
        if key in err:
            return (err[key], f' x:err="{err[key]}"', "xl66")
        if v is None:
            return ("", "", "xl66")
        extra = f' x:fmla="{fmla[key]}"' if key in fmla else ""
        if fee_cls and key in fee_cls:
            cls, disp = fee_cls[key]
            return (disp, f' x:num="{v}"' + extra, cls)
        if isinstance(v, float):
            return (f"{v:.2f}", f' x:num="{v}"' + extra, "xl67")
        if abs(v) >= 1000:
            return (f"{v:,}", f' x:num="{v}"' + extra, cls_big)
        return (str(v), (f' x:num="{v}"' if extra else " x:num") + extra, "xl66")
    return X


# ---------------------------------------------------------------- AC04 上海 黄浦区卫健委: Excel clipboard HTML, x:num/x:fmla, hidden 序号 column
def ac04():
    tpl, year, seed = "2019", 2019, 9504
    t3 = gen_t3(seed, tpl, scale=1.3)
    t2 = t2_19(norm=(1, 1, 12), lic=(31, 0, 2963), oth=(6, 1, 88), pen=(19, 0, 1207), coe=(0, 0, 0), fees=(0, 0),
               proc=(4, 218.5))
    t4 = mk_t4({"admin_review": (2, 1, 0, 0), "litigation_direct": (1, 0, 0, 1)})
    val = lookup(t2, t3, t4)
    X = xl_X(val, fmla=t3_fmla(tpl, 4, 4))
    r2 = xl_spans(t2_spans(tpl, t2), keys_t2(tpl, t2), X)
    r3 = xl_spans(t3_spans(tpl, t3), keys_t3(tpl), X)
    r4 = xl_spans(t4_spans(t4), keys_t4(), X)
    h2 = ["序号", ""] + [str(i) for i in range(1, 3)] + ["", ""] + ["3", "4"] + ["", ""] + ["5", "6"] + ["", "", "7",
                                                                                                   "", "", "8"]
    assert len(h2) == len(r2), (len(h2), len(r2))
    h3 = ["序号", "", ""] + [str(i) for i in range(1, len(r3) - 2)]
    tables = {"t2": xl_table(r2, xl_num_default, hidden_col=h2, ncols=4),
              "t3": xl_table(r3, xl_num_default, hidden_col=h3, ncols=10),
              "t4": xl_table(r4, xl_num_default, ncols=15)}
    build("sh_district_commission_excel_clipboard_html_hidden_xuhao_fmla_huangpu_weijian_2019", "html", tpl, year,
          t2, t3, t4, tables, "上海市黄浦区卫生健康委员会", "区卫生健康委", "sh", ["上海市", None, "黄浦区"],
          "department", "2020-01-21", "https://www.shhuangpu.gov.cn", "021-33134800", "excel-html-clipboard",
          "HTML page whose head is Excel's (xmlns:x, ProgId Excel.Sheet, the xl65…xl70 mso- number formats, an "
          "ExcelWorkbook xml island) and whose tables were pasted from the workbook (`<!--StartFragment-->`, "
          "`class=xl66 x:num`, `x:str` labels, rowspan/colspan kept). Tables 2 and 3 carry a HIDDEN first column "
          "(序号 1, 2, 3 …: `<col style='display:none'>` and `<td style='display:none'>`), which the printed sheet "
          "does not show. Table 3's 总计 column and （七）总计 row are formulas (`x:num=\"14\" x:fmla=\"=SUM(E6:J6)\"`), "
          "shown with their values. Numbers of 1000 and more print `2,963` (`x:num=\"2963\"`, format #,##0); the "
          "procurement amount prints `218.50` (`x:num=\"218.5\"`, format 0.00). Truth = the displayed values; every "
          "cell is printed.", seed, html=lambda title, body: xl_page(title, body, ("表2", "表3", "表4")))


# ---------------------------------------------------------------- AC05 福建 厦门 思明区鹭江街道: visible 序号 column, =SUM text, #REF!
def ac05():
    tpl, year, seed = "2021", 2023, 9505
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(0, 0, 2), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    over = {"table3.granted.total": rowsum, "table3.total_processed.natural_person": "#REF!",
            "table4.admin_review.total": lambda r, c: f"=SUM(A{r}:D{r})"}
    F = formatter(val, over=over)
    g3 = expand_first(t3_spans(tpl, T3))
    g3 = [["序号" if i == 0 else ""] + r if i < 3 else [str(i - 2)] + r for i, r in enumerate(g3)]
    g2 = expand_first(t2_spans(tpl, T2))
    n = 0
    g2x = []
    for r in g2:
        if r[0] in ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"):
            n += 1
            g2x.append([str(n)] + r)
        else:
            g2x.append(["序号" if r[0] == "信息内容" else ""] + r)
    tables = {"t2": tabs(sub_grid(g2x, F)), "t3": tabs(sub_grid(g3, F)),
              "t4": tabs(sub_grid(expand_first(t4_spans(T4)), F))}
    blanks = [k for k in over if k.startswith(("table3", "table4"))]
    build("fj_street_office_tsv_xuhao_column_sum_formula_ref_error_lujiang_siming_2023", "txt", tpl, year, t2, t3,
          t4, tables, "厦门市思明区鹭江街道办事处", "本街道", "fj", ["福建省", "厦门市", "思明区", "鹭江街道"],
          "township", "2024-01-19", "http://www.siming.gov.cn", "0592-2024000", "tsv-formula-text",
          "TSV copied from a sheet whose formula cells were pasted as text, 2021 form, a small street office (no "
          "organisation applicants but 商业企业 and 法律服务机构). Tables 2 and 3 keep a visible 序号 column on the left "
          "(1 … 25 down table 3's data rows, 1 … 6 down table 2's item rows). Three cells show no value: table 3 "
          "（一）予以公开/总计 is the formula text `=SUM(E6:J6)`, （七）总计/自然人 is `#REF!`, and table 4 行政复议 总计 is "
          "`=SUM(A4:D4)`. Each is the one unknown of a row or column identity, so all three are derived (row sum, "
          "column sum, group sum); their printed cells are null.", seed, blanks=blanks,
          intro_ag="厦门市思明区鹭江街道办事处")


# ---------------------------------------------------------------- AC06 江苏 常熟市人民政府: CSV, scientific notation, #VALUE! in table 2
def ac06():
    tpl, year, seed = "2019", 2019, 9506
    t3 = gen_t3(seed, tpl, scale=2.5)
    t2 = t2_19(norm=(4, 4, 96), lic=(112, 3, 1296), oth=(23, 0, 2150), pen=(67, -4, 24031), coe=(11, 0, 138),
               fees=(6, 0), proc=(19, 1200.0))
    t4 = mk_t4({"admin_review": (5, 1, 1, 0), "litigation_direct": (2, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    over = {"table2.admin_penalty.decisions": "2.4031E+04", "table2.centralized_procurement.procurement_amount_wan_yuan":
            "1.2E+03", "table2.other_admin_services.decisions": "#VALUE!"}
    F = formatter(lookup(t2, t3, t4), over=over, num=thousands)
    tables = {"t2": csv_text(sub_grid(expand_first(t2_spans(tpl, T2)), F)),
              "t3": csv_text(sub_grid(expand_first(t3_spans(tpl, T3)), F)),
              "t4": csv_text(sub_grid(expand_first(t4_spans(T4)), F))}
    build("js_county_city_gov_csv_scientific_notation_value_error_changshu_2019", "txt", tpl, year, t2, t3, t4, tables,
          "常熟市人民政府", "市政府", "js", ["江苏省", "苏州市", "常熟市"], "county", "2020-01-23",
          "http://www.changshu.gov.cn", "0512-52737000", "csv-scientific",
          "2019 form, CSV bodies pasted into the text (merged cells = text + empty fields; `\"1,296\"` and `\"2,150\"` "
          "quoted because of their separators). Excel's narrow columns turned two table-2 amounts into scientific "
          "notation: 行政处罚 处理决定数量 `2.4031E+04` (= 24031, all five digits shown) and 政府集中采购 采购总金额 "
          "`1.2E+03` (= 1200 万元 as printed; the sheet shows no more digits, so the printed value is what a reader "
          "writes). 其他对外管理服务事项 处理决定数量 is `#VALUE!`: table 2 has no identity and the prose does not state "
          "it, so it is honestly unknown: null, not derived. Every other cell is printed.", seed,
          t2_hide=["other_admin_services.decisions"], intro_ag="常熟市人民政府办公室", small=False)


# ---------------------------------------------------------------- AC07 上海 嘉定区江桥镇: markdown of a sheet with letters and row numbers
def ac07():
    tpl, year, seed = "2021", 2021, 9507
    t3 = gen_t3(seed, tpl, scale=0.7, orgs=False)
    t2 = t2_21(norm=(0, 0, 4), lic=0, pen=12, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 1, 0, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    F = formatter(lookup(t2, t3, t4), num=lambda v: f"{float(v):.1f}" if v is not None else "")
    tables = {"t2": "**Sheet1**\n\n" + md(with_letters(sub_grid(expand_first(t2_spans(tpl, T2)), F))),
              "t3": "**Sheet2**\n\n" + md(with_letters(sub_grid(expand_first(t3_spans(tpl, T3)), F))),
              "t4": "**Sheet3**\n\n" + md(with_letters(sub_grid(expand_first(t4_spans(T4)), F)))}
    build("sh_town_gov_md_sheet_letters_row_numbers_floats_jiangqiao_jiading_2021", "md", tpl, year, t2, t3, t4,
          tables, "上海市嘉定区江桥镇人民政府", "本镇", "sh", ["上海市", None, "嘉定区", "江桥镇"], "township",
          "2022-01-18", "https://www.jiading.gov.cn", "021-69130000", "md-sheet-frame",
          "Markdown, 2021 form. Each table is a markdown rendering of a spreadsheet screenshot-to-table tool: a "
          "bold sheet-tab line (`**Sheet1**` …), then a markdown table whose header row is the column letters "
          "(`| | A | B | C | … |`) and whose first column is the sheet's row number (1, 2, 3 …), so the form's own "
          "header rows are body rows 1–3 of table 3 and the 一、本年新收 row is row 4. Every value is a one-decimal "
          "float (`3.0`, `0.0`). Letters and row numbers are not form cells; every form cell is printed.", seed)


# ---------------------------------------------------------------- AC08 福建 泉州市人民政府: Excel HTML, ¥ fee, #REF! in table 4, hidden check row
def ac08():
    tpl, year, seed = "2021", 2022, 9508
    t3 = gen_t3(seed, tpl, scale=3.2)
    t2 = t2_21(norm=(9, 3, 187), lic=1296, pen=0, coe=0, fee=634.08)
    t4 = mk_t4({"admin_review": (11, 2, 1, 3), "litigation_direct": (6, 1, 2, 2), "litigation_after_review": (3, 0, 1, 1)})
    val = lookup(t2, t3, t4)
    err = {"table4.litigation_direct.total": "#REF!"}
    X = xl_X(val, err=err, fee_cls={"table2.admin_fees.fee_amount_wan_yuan": ("xl69", "¥634.08")})
    r2 = xl_spans(t2_spans(tpl, t2), keys_t2(tpl, t2), X)
    r3 = xl_spans(t3_spans(tpl, t3), keys_t3(tpl), X)
    r4 = xl_spans(t4_spans(t4), keys_t4(), X)
    # hidden check row after （七）总计: new + carried - processed - forward, per column (all 0)
    codes = [c for c, *_ in t3_rows(tpl)]
    i_tot = 3 + codes.index("total_processed") + 1  # the span row after （七）总计 (四、结转下年度)
    rn, rc, rt, rf = (4 + codes.index(x) for x in ("new_received", "carried_over", "total_processed", "carried_forward"))
    rf += 1  # the hidden row itself sits above 四、结转下年度
    chk = ["<td class=xl65 colspan=3 x:str>校验（应为0）</td>"] + [
        f"<td class=xl66 x:num=\"0\" x:fmla=\"={L(c)}{rn}+{L(c)}{rc}-{L(c)}{rt}-{L(c)}{rf}\">0</td>"
        for c in range(3, 10)]
    tables = {"t2": xl_table(r2, xl_num_default, ncols=4),
              "t3": xl_table(r3, xl_num_default, hidden_rows=[(i_tot, chk)], ncols=10),
              "t4": xl_table(r4, xl_num_default, ncols=15)}
    build("fj_city_gov_excel_html_yuan_fee_ref_error_hidden_check_row_quanzhou_2022", "html", tpl, year, t2, t3, t4,
          tables, "泉州市人民政府", "市政府", "fj", ["福建省", "泉州市"], "prefecture", "2023-01-28",
          "http://www.quanzhou.gov.cn", "0595-22180000", "excel-html-errors",
          "Excel-headed HTML, 2021 form, a city government with larger counts. Table 2's 行政事业性收费 cell is "
          "currency-formatted: it prints `¥634.08` (`x:num=\"634.08\"`, format \"¥\"#,##0.00) under the header "
          "本年收费金额（单位：万元）, so it is 634.08 万元. 行政许可 prints `1,296`. Table 3 holds a HIDDEN row (`<tr "
          "style='display:none'>`) between （七）总计 and 四、结转下年度继续办理: `校验（应为0）` with seven formula zeros; it "
          "is not a row of the form and the printed sheet does not show it. Table 4's 未经复议直接起诉 总计 is the error "
          "`#REF!` (`x:err`): its four parts are printed, so it is derived (9). All other cells are printed.", seed,
          blanks=list(err), intro_ag="泉州市人民政府办公室", small=False,
          html=lambda title, body: xl_page(title, body, ("表2主动公开", "表3依申请公开", "表4复议诉讼", "校验")))


# ---------------------------------------------------------------- AC09 江苏 无锡 滨湖区政府办: CSV with every field quoted, "634.08 万元", 0.00
def ac09():
    tpl, year, seed = "2019", 2020, 9509
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_19(norm=(2, 2, 35), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(14, 634.08))
    t4 = mk_t4({"admin_review": (1, 0, 0, 1)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    over = {"table2.centralized_procurement.procurement_amount_wan_yuan": "634.08 万元"}
    F = formatter(val, over=over)
    F4 = formatter(val, num=flt2)
    tables = {"t2": "Sheet1\n" + csv_text(sub_grid(expand_first(t2_spans(tpl, T2)), F), extra_cols=4, quote_all=True)
              + "\n",
              "t3": "Sheet2\n" + csv_text(sub_grid(expand_first(t3_spans(tpl, T3)), F), extra_cols=4, quote_all=True)
              + "\n",
              "t4": "Sheet3\n" + csv_text(sub_grid(expand_first(t4_spans(T4)), F4), extra_cols=4, quote_all=True)
              + "\n"}
    build("js_district_office_csv_all_quoted_trailing_fields_wan_yuan_text_binhu_wuxi_2020", "txt", tpl, year, t2, t3,
          t4, tables, "无锡市滨湖区人民政府办公室", "区政府办", "js", ["江苏省", "无锡市", "滨湖区"], "department",
          "2021-01-28", "http://www.wxbh.gov.cn", "0510-85500000", "csv-quote-all",
          "2019 form. The tables are CSV written with every field quoted (`\"规章\",\"\",\"\",\"\",…`, `\"0\"`), each "
          "preceded by a sheet line (`Sheet1` …) and followed by an empty line, every row padded with four trailing "
          "empty quoted fields. 政府集中采购 采购总金额 was typed as text `\"634.08 万元\"` (= 634.08). Table 4's cells are "
          "formatted `0.00` / `1.00`. Most of table 2 is 0 (an office with no licensing or penalty powers). Every "
          "cell is printed.", seed, intro_ag="无锡市滨湖区人民政府办公室")


# ---------------------------------------------------------------- AC10 上海 奉贤区教育局: TSV with the hidden helper columns copied along
def ac10():
    tpl, year, seed = "2021", 2023, 9510
    t3 = gen_t3(seed, tpl, scale=1.5)
    t2 = t2_21(norm=(3, 1, 26), lic=214, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (0, 0, 1, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    F = formatter(val, num=lambda v: flt1(v) if v is not None else "")
    F2 = formatter(val)
    g3 = expand_first(t3_spans(tpl, T3))
    g3 = [[str(i + 1)] + r + (["核对"] if i == 1 else [""] if i < 3 else ["0"]) for i, r in enumerate(g3)]
    g4 = expand_first(t4_spans(T4))
    g4 = [[str(i + 1)] + r + (["核对"] if i == 1 else [""] if i < 3 else ["0"]) for i, r in enumerate(g4)]
    g2 = expand_first(t2_spans(tpl, T2))
    g2 = [[str(i + 1)] + r for i, r in enumerate(g2)]
    tables = {"t2": tsv_keep(sub_grid(g2, F2)), "t3": tsv_keep(sub_grid(g3, F)), "t4": tsv_keep(sub_grid(g4, F2))}
    build("sh_district_bureau_tsv_hidden_helper_columns_copied_hedui_fengxian_jiaoyu_2023", "txt", tpl, year, t2, t3,
          t4, tables, "上海市奉贤区教育局", "区教育局", "sh", ["上海市", None, "奉贤区"], "department", "2024-01-24",
          "https://www.fengxian.gov.cn", "021-57420000", "tsv-helper-columns",
          "2021 form. The office's sheet has two helper columns that are hidden when it prints the report, and the "
          "TSV copy took them along: on the LEFT an unlabelled row counter (1, 2, 3 … down every row of each table, "
          "header rows included), and on the RIGHT of tables 3 and 4 a `核对` column (header on the second header "
          "row) holding `0` in every data row (总计 minus the parts). Neither is a form column: the first number of "
          "each table-3 row is its row counter, the last its check. Table-3 values are one-decimal floats (`5.0`). "
          "Every form cell is printed.", seed, small=False)


# ---------------------------------------------------------------- AC11 福建 福州 仓山区城门镇: fenced CSV in markdown, （七）总计 row of formulas
def ac11():
    tpl, year, seed = "2019", 2019, 9511
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(3, 0, 27), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(2, 16.4))
    t4 = mk_t4({})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    fm = t3_fmla(tpl, 4, 3, rows=False)
    over = {k: v for k, v in fm.items()}
    F = formatter(val, over=over, num=lambda v: flt2(v) if isinstance(v, float) else str(v))
    lab = {GOUJI: GOUJI_CSV}
    tables = {"t2": "**表2**\n\n```csv\n" + csv_text(sub_grid(expand_first(t2_spans(tpl, T2)), F), extra_cols=2)
              + "\n```",
              "t3": "**表3**\n\n```csv\n" + csv_text(relabel(sub_grid(expand_first(t3_spans(tpl, T3)), F), lab),
                                                    extra_cols=2) + "\n```",
              "t4": "**表4**\n\n```csv\n" + csv_text(sub_grid(expand_first(t4_spans(T4)), F), extra_cols=2) + "\n```"}
    build("fj_town_gov_md_fenced_csv_zongji_row_formula_text_chengmen_cangshan_2019", "md", tpl, year, t2, t3, t4,
          tables, "福州市仓山区城门镇人民政府", "本镇", "fj", ["福建省", "福州市", "仓山区", "城门镇"], "township",
          "2020-01-17", "http://www.fzcangshan.gov.cn", "0591-83460000", "md-fenced-csv",
          "Markdown, 2019 form, a small town. Each table is a fenced ```csv block under a bold sheet name (`**表3**`), "
          "each row with two trailing empty fields. The 勾稽关系 header cell is quoted and holds an ASCII comma and a "
          "line break. Table 3's whole （七）总计 row was exported as formula text (`=SUM(D6:D24)` … `=SUM(J6:J24)`), "
          "so all seven of its cells are null on the page and derived from the column sums (they also satisfy 新收 + "
          "上年结转 = 总计 + 结转). Table 4 is all 0 (no review or litigation). Amount `16.40`.", seed, blanks=list(over),
          intro_ag="福州市仓山区城门镇人民政府")


# ---------------------------------------------------------------- AC12 江苏 扬州市人民政府: Excel HTML, scientific, #VALUE!, formulas shown
def ac12():
    tpl, year, seed = "2021", 2021, 9512
    t3 = gen_t3(seed, tpl, scale=2.8)
    t2 = t2_21(norm=(11, 4, 203), lic=24031, pen=0, coe=6, fee=0)
    t4 = mk_t4({"admin_review": (8, 1, 2, 1), "litigation_direct": (4, 1, 0, 1), "litigation_after_review": (2, 0, 0, 0)})
    val = lookup(t2, t3, t4)
    err = {"table2.admin_coercion.decisions": "#VALUE!"}
    X = xl_X(val, fmla=t3_fmla(tpl, 4, 3), err=err,
             fee_cls={"table2.admin_licensing.decisions": ("xl70", "2.4031E+04")})
    r2 = xl_spans(t2_spans(tpl, t2), keys_t2(tpl, t2), X)
    r3 = xl_spans(t3_spans(tpl, t3), keys_t3(tpl), X)
    r4 = xl_spans(t4_spans(t4), keys_t4(), X)
    tables = {"t2": xl_table(r2, xl_num_default, ncols=4, sheet="表2"),
              "t3": xl_table(r3, xl_num_default, ncols=10, sheet="表3"),
              "t4": xl_table(r4, xl_num_default, ncols=15, sheet="表4")}
    build("js_city_gov_excel_html_scientific_value_error_fmla_yangzhou_2021", "html", tpl, year, t2, t3, t4, tables,
          "扬州市人民政府", "市政府", "js", ["江苏省", "扬州市"], "prefecture", "2022-01-27", "http://www.yangzhou.gov.cn",
          "0514-87368000", "excel-html-scientific",
          "Excel-headed HTML (xmlns:x, mso-number-format classes, ExcelWorkbook island), 2021 form, a city "
          "government. 行政许可 本年处理决定数量 is in a scientific-format cell (class xl70): it prints `2.4031E+04` "
          "(`x:num=\"24031\"`), i.e. 24031. 行政强制 prints the error `#VALUE!` (`x:err`): table 2 has no identity "
          "and the prose does not give it, so it is null and not derived (honestly unknown). Table 3's 总计 column "
          "and （七）总计 row are formulas shown with their values (`x:fmla`); they are printed cells. Each table "
          "fragment is introduced by an HTML comment with its sheet name.", seed, t2_hide=["admin_coercion.decisions"],
          intro_ag="扬州市人民政府办公室", small=False,
          html=lambda title, body: xl_page(title, body, ("表2", "表3", "表4")))


# ---------------------------------------------------------------- AC13 上海 青浦区人民政府: CSV, every 总计 a formula text, #REF! pair in table 4
def ac13():
    tpl, year, seed = "2019", 2020, 9513
    t3 = gen_t3(seed, tpl, scale=1.8)
    t2 = t2_19(norm=(5, 5, 77), lic=(86, 2, 3418), oth=(14, -1, 392), pen=(41, 0, 1875), coe=(6, 0, 44), fees=(4, -1),
               proc=(23, 1486.2))
    t4 = mk_t4({"admin_review": (5, 0, 2, 1), "litigation_direct": (3, 1, 0, 0), "litigation_after_review": (1, 0, 1, 0)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    over = {k: (lambda f: (lambda r, c: f))(v) for k, v in t3_fmla(tpl, 4, 3, colsum=False).items()}
    over.update({"table4.litigation_direct.total": lambda r, c: f"=SUM(F{r}:I{r})",
                 "table4.litigation_after_review.total": lambda r, c: f"=SUM(K{r}:N{r})",
                 "table4.admin_review.other": "#REF!", "table4.admin_review.total": "#REF!"})
    F = formatter(val, over=over, num=thousands)
    tables = {"t2": csv_text(sub_grid(expand_first(t2_spans(tpl, T2)), F), extra_cols=4),
              "t3": csv_text(sub_grid(expand_first(t3_spans(tpl, T3)), F), extra_cols=4),
              "t4": csv_text(sub_grid(expand_first(t4_spans(T4)), F), extra_cols=4)}
    blanks = sorted(over)
    build("sh_district_gov_csv_total_column_formula_text_ref_pair_qingpu_2020", "txt", tpl, year, t2, t3, t4, tables,
          "上海市青浦区人民政府", "区政府", "sh", ["上海市", None, "青浦区"], "county", "2021-02-02",
          "https://www.shqp.gov.cn", "021-59728000", "csv-formula-text",
          "2019 form, CSV bodies with four trailing empty fields per row. The office exported the sheet with "
          "formulas shown, so table 3's whole 总计 column is text (`=SUM(D4:I4)` … `=SUM(D26:I26)`): every one is "
          "null on the page and derived from its row's six printed parts. Table 4's two 行政诉讼 总计 are `=SUM(F4:I4)` "
          "and `=SUM(K4:N4)` (derived). 行政复议 其他结果 AND 行政复议 总计 are both `#REF!`: one identity with two "
          "unknowns, not pinned, so both stay null and are not derived (honestly unknown). Table 2 is printed in "
          "full (`\"3,418\"` etc.; 本年增/减 `-1`).", seed, blanks=blanks, intro_ag="上海市青浦区人民政府办公室",
          small=False)


# ---------------------------------------------------------------- AC14 福建 南平 建阳区发改局: TSV, ¥ amount, trailing tabs, filled table-4 header
def ac14():
    tpl, year, seed = "2019", 2020, 9514
    t3 = gen_t3(seed, tpl, scale=0.9)
    t2 = t2_19(norm=(2, 2, 19), lic=(17, 1, 342), oth=(5, 0, 61), pen=(3, 0, 7), coe=(0, 0, 0), fees=(1, 0),
               proc=(9, 1286.5))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    T2, T3, T4 = tokens(t2, t3, t4)
    val = lookup(t2, t3, t4)
    over = {"table2.centralized_procurement.procurement_amount_wan_yuan": "¥1,286.50"}
    F = formatter(val, over=over, num=lambda v: flt1(v) if isinstance(v, int) and v != 0 else fmt(v))
    g2 = relabel(sub_grid(expand_first(t2_spans(tpl, T2)), F), {"采购总金额": "采购总金额（万元）"})
    g3 = sub_grid(expand_first(t3_spans(tpl, T3)), F)
    g4 = sub_grid(expand_repeat(t4_spans(T4)), F)
    tables = {"t2": "表2\t\t\t\t\t\t\n" + "\n".join("\t".join(r + [""] * 3) for r in g2),
              "t3": "表3\t\t\t\t\t\t\t\t\t\t\t\t\n" + "\n".join("\t".join(r + [""] * 3) for r in g3),
              "t4": "表4\n" + "\n".join("\t".join(r + [""] * 3) for r in g4)}
    build("fj_district_bureau_tsv_yuan_amount_trailing_tabs_filled_t4_header_jianyang_fgj_2020", "txt", tpl, year,
          t2, t3, t4, tables, "南平市建阳区发展和改革局", "本局", "fj", ["福建省", "南平市", "建阳区"], "department",
          "2021-01-26", "http://www.jianyang.gov.cn", "0599-5832000", "tsv-currency-trailing",
          "2019 form, TSV with a sheet-name line (`表2`, `表3`, `表4`, some followed by stray tabs) and three trailing "
          "empty columns on every row (`\\t\\t\\t`). Table 2's 采购总金额（万元） header carries its unit and the cell "
          "is currency-formatted `¥1,286.50` (= 1286.5 万元). Non-zero counts are one-decimal floats (`17.0`, "
          "`342.0`), zeros print `0`. Table 4's merged headers were unmerged and filled (行政复议 ×5, 行政诉讼 ×10, "
          "未经复议直接起诉 ×5, 复议后起诉 ×5, 结果维持… twice down under 行政复议). Every cell is printed.", seed,
          intro_ag="南平市建阳区发展和改革局")


FX = [ac01, ac02, ac03, ac04, ac05, ac06, ac07, ac08, ac09, ac10, ac11, ac12, ac13, ac14]
