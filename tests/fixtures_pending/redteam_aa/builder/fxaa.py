"""redteam_aa fixtures: real PDF files as other producers draw them (上海 / 福建 / 江苏)."""
from core import *  # noqa
from spans import t2_spans, t3_spans, t4_spans
from lhelp import t2_21, t2_19, meta, t2_blank_keys, KANGXI, COMPAT, SUPP
import kprose as P
import pdfaa

CONGRESS = {2019: "党的十九大和十九届二中、三中、四中全会精神", 2020: "党的十九大和十九届二中、三中、四中、五中全会精神",
            2021: "党的十九大和十九届历次全会精神"}
FR = {"t2": [3.1, 2.3, 2.3, 2.3], "t3": [1.25, 1.3, 2.6] + [0.9] * 7, "t4": [1] * 15}
SZ = {"t2": 8.5, "t3": 7.2, "t4": 7}


def blocks(year, we, flavor, t3, tpl, seed, **kw):
    b = P.blocks(year, we, flavor, t3, tpl, seed, **kw)
    if year in CONGRESS:
        b = [(blk[0], blk[1].replace("党的二十大精神", CONGRESS[year])) + blk[2:]
             if blk[0] in ("p", "h3") and isinstance(blk[1], str) else blk for blk in b]
    return b


def make(name, tpl, year, t2, t3, t4, ag, region, level, flavor, we, url, phone, sign_date, pub, opt, shape, notes,
         title=None, short=None, six=(), extra_intro=(), fr=None, sz=None, seed=0, tounicode=None, sign=None):
    title = title or f"{ag}{year}年政府信息公开工作年度报告"
    b = blocks(year, we, flavor, t3, tpl, seed, title=[title],
               intro=P.std_intro(f"{ag}（以下简称“{short or we}”）", year, url, phone, tpl),
               extra_intro=extra_intro, six_extra=six, signoff=sign or [ag, sign_date])
    fr = dict(FR, **(fr or {}))
    sz = dict(SZ, **(sz or {}))
    tabs = {"t2": (t2_spans(tpl, t2), fr["t2"], sz["t2"]), "t3": (t3_spans(tpl, t3), fr["t3"], sz["t3"]),
            "t4": (t4_spans(t4), fr["t4"], sz["t4"])}
    pdfaa.TOUNI.clear()
    pdfaa.TOUNI.update({ord(k): ord(v) for k, v in (tounicode or {}).items()})
    data = pdfaa.build(b, tabs, opt, title)
    pdfaa.TOUNI.clear()
    assert len(data) < 150_000, (name, len(data))
    tr = truth(meta(ag, region, year, level, shape, pub), tpl, t2, t3, t4, t2_blanks=t2_blank_keys(t2), notes=notes)
    write(name, "pdf", data, tr)


FX = []


def fx(f):
    FX.append(f)
    return f


# ---------------------------------------------------------------- AA01 江苏 南京市鼓楼区人民政府: borders as thin filled rectangles
@fx
def aa01():
    tpl, year = "2021", 2022
    t3 = gen_t3(9101, tpl, scale=2.2)
    t2 = t2_21(norm=(6, 2, 41), lic=1863, pen=412, coe=9, fee=0)
    t4 = mk_t4({"admin_review": (3, 1, 0, 1), "litigation_direct": (2, 0, 1, 0), "litigation_after_review": (1, 0, 0, 0)})
    make("js_district_pdf_word_borders_filled_rects_gulou_nanjing_2022", tpl, year, t2, t3, t4, "南京市鼓楼区人民政府",
         ["江苏省", "南京市", "鼓楼区"], "county", "js", "区政府", "http://www.njgl.gov.cn", "025-83218000",
         "2023年1月18日", "2023-01-18", {"border": "rect"}, "pdf-word-filled-rect-borders",
         "Word's PDF export: every table rule is a thin filled rectangle (re f, 0.5 pt), no stroked line anywhere. "
         "Cell text is centred; the grid is only visible as filled boxes. 2021 form, all cells printed.", seed=9101)


# ---------------------------------------------------------------- AA02 上海 嘉定区安亭镇: dashed rules
@fx
def aa02():
    tpl, year = "2019", 2020
    t3 = gen_t3(9102, tpl, scale=0.5, orgs=False)
    t2 = t2_19(norm=(0, 0, 3), lic=(2, 0, 14), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(2, 36.5))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    make("sh_town_pdf_dashed_rules_2019_form_anting_jiading_2020", tpl, year, t2, t3, t4, "上海市嘉定区安亭镇人民政府",
         ["上海市", None, "嘉定区", "安亭镇"], "township", "sh", "镇政府", "https://www.jiading.gov.cn", "021-59577000",
         "2021年1月25日", "2021-01-25", {"border": "dashed"}, "pdf-dashed-rules",
         "Every table rule is a dashed stroke (d [2.2 1.6]), as some WPS templates draw them; 2019 form, a town "
         "government; only natural persons and 商业企业/法律服务机构 applied.", seed=9102)


# ---------------------------------------------------------------- AA03 福建 长乐区政府办: double rules + running header/footer
@fx
def aa03():
    tpl, year = "2021", 2021
    t3 = gen_t3(9103, tpl, scale=0.8)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"litigation_direct": (0, 0, 0, 1)})
    ag = "福州市长乐区人民政府办公室"
    make("fj_district_office_pdf_double_rules_running_header_changle_2021", tpl, year, t2, t3, t4, ag,
         ["福建省", "福州市", "长乐区"], "department", "fj", "区政府办", "http://www.fzcl.gov.cn", "0591-28822000",
         "2022年1月20日", "2022-01-20",
         {"border": "double", "running": f"{ag}政府信息公开工作年度报告"}, "pdf-double-rules-running-header",
         "Table rules drawn as double lines (two 0.35 pt strokes 1.8 pt apart). Every page has a running header "
         "`福州市长乐区人民政府办公室政府信息公开工作年度报告` with a rule under it and a footer `第 N 页 共 M 页`; "
         "the footer and header fall between the tables' pages. The office's own report: department of 长乐区. "
         "Table 2 all 0 (the office issues no licences or penalties).", seed=9103, short="区政府办")


# ---------------------------------------------------------------- AA04 江苏 吴江区盛泽镇: shading only, no rules
@fx
def aa04():
    tpl, year = "2021", 2023
    t3 = gen_t3(9104, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(1, 0, 4), lic=57, pen=0, coe=0, fee=0)
    t4 = mk_t4({})
    make("js_town_pdf_shaded_rows_no_rules_shengze_wujiang_2023", tpl, year, t2, t3, t4, "苏州市吴江区盛泽镇人民政府",
         ["江苏省", "苏州市", "吴江区", "盛泽镇"], "township", "js", "镇政府", "http://www.wujiang.gov.cn", "0512-63550000",
         "2024年1月22日", "2024-01-22", {"border": "shade"}, "pdf-shaded-rows-no-rules",
         "Tables have no rules at all: header cells are filled blue-grey, table rows alternate light-grey fills and the "
         "merged group labels of table 3 are filled pale blue. Only the fills separate the cells. Town government, "
         "2021 form; table 4 all 0.", seed=9104)


# ---------------------------------------------------------------- AA05 上海 长宁区华阳路街道: whitespace-aligned tables
@fx
def aa05():
    tpl, year = "2019", 2019
    t3 = gen_t3(9105, tpl, scale=0.35, orgs=False, carry=False)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(1, 12.8))
    t4 = mk_t4({})
    make("sh_street_pdf_no_rules_radicals_supplement_tounicode_huayanglu_changning_2019", tpl, year, t2, t3, t4,
         "上海市长宁区华阳路街道办事处", ["上海市", None, "长宁区", "华阳路街道"], "township", "sh", "街道办事处",
         "https://www.shcn.gov.cn", "021-62523000", "2020年3月16日", "2020-03-16", {"border": "none"},
         "pdf-no-rules-radicals-tounicode",
         "Tables drawn with no rules and no fills: the columns are only whitespace-aligned text (centred in the "
         "invisible cells). The font's ToUnicode maps some characters to radical code points: Kangxi radicals "
         "(⼀⼆⼈⾃⾏⽂…, NFKC folds them back) and CJK Radicals Supplement ⻓ (长), ⻔ (门), ⻅ (见), which NFKC does not "
         "fold: the agency name reads 上海市⻓宁区华阳路街道办事处 in the text layer (title, 编制 sentence, sign-off). "
         "A reader of the page writes 长宁区. 2019 form, street office; table 2 only procurement; table 4 all 0.",
         seed=9105, short="街道", tounicode=dict(KANGXI, **SUPP))


# ---------------------------------------------------------------- AA06 福建 晋江市: every character its own text object
@fx
def aa06():
    tpl, year = "2019", 2020
    t3 = gen_t3(9106, tpl, scale=3.0)
    t2 = t2_19(norm=(11, 11, 87), lic=(326, 4, 20571), oth=(58, -2, 3311), pen=(412, 0, 2876), coe=(36, 0, 41),
               fees=(17, -1), proc=(64, 2873.46))
    t4 = mk_t4({"admin_review": (4, 1, 2, 0), "litigation_direct": (3, 0, 1, 2), "litigation_after_review": (1, 0, 0, 0)})
    make("fj_county_city_pdf_per_char_text_objects_justified_jinjiang_2020", tpl, year, t2, t3, t4, "晋江市人民政府",
         ["福建省", "泉州市", "晋江市"], "county", "fj", "市政府", "http://www.jinjiang.gov.cn", "0595-85682000",
         "2021年1月26日", "2021-01-26", {"perchar": True}, "pdf-per-char-text-objects",
         "Every character (prose, headings, title, table labels and every digit of every number) is its own text "
         "object (BT /F Tf x y Td (c) Tj ET); prose lines are justified by spreading the characters, so the gaps "
         "between characters vary line by line. Multi-digit cells such as 20571 and 2873.46 are separate digit "
         "objects. 2019 form with negative 本年增/减 (-2, -1).", seed=9106, short="市政府")


# ---------------------------------------------------------------- AA07 江苏 江阴市教育局: Kangxi radicals in the text layer
@fx
def aa07():
    tpl, year = "2021", 2022
    t3 = gen_t3(9107, tpl, scale=0.9)
    t2 = t2_21(norm=(2, 1, 9), lic=214, pen=3, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (0, 1, 0, 0)})
    km = {k: v for k, v in KANGXI.items() if k in "一二八人入十工大子方日月文行生用力金立面目自"}
    make("js_county_bureau_pdf_kangxi_radicals_text_layer_jiangyin_2022", tpl, year, t2, t3, t4, "江阴市教育局",
         ["江苏省", "无锡市", "江阴市"], "department", "js", "市教育局", "http://www.jiangyin.gov.cn", "0510-86861000",
         "2023年1月16日", "2023-01-16", {}, "pdf-kangxi-tounicode",
         "The page shows normal glyphs, but the font's ToUnicode CMap maps " + "".join(km)
         + " to the Kangxi-radical code points " + "".join(km.values())
         + " (what a font whose ToUnicode was built from the radical glyph names gives). So the text layer reads "
           "⼀、总体情况, ⾃然⼈, ⾏政许可, 本年新收政府信息公开申请数量 stays clean but 三、本年度办理结果 has none, "
           "（⼀）予以公开, ⼆、上年结转…, 收到和处理政府信息公开申请情况 etc. Truth is what the page shows.",
         seed=9107, short="市教育局", tounicode=km)


# ---------------------------------------------------------------- AA08 福建 思明区卫健局: CJK compatibility ideographs
@fx
def aa08():
    tpl, year = "2019", 2019
    t3 = gen_t3(9108, tpl, scale=0.7)
    t2 = t2_19(norm=(1, 1, 6), lic=(18, 2, 731), oth=(4, 0, 96), pen=(22, 0, 154), coe=(3, 0, 0), fees=(2, 0),
               proc=(9, 412.35))
    t4 = mk_t4({"admin_review": (1, 0, 1, 0)})
    cm = dict(COMPAT)
    make("fj_district_bureau_pdf_cjk_compat_ideographs_rect_borders_siming_2019", tpl, year, t2, t3, t4,
         "厦门市思明区卫生健康局", ["福建省", "厦门市", "思明区"], "department", "fj", "区卫健局", "http://www.siming.gov.cn",
         "0592-2033000", "2020年1月20日", "2020-01-20", {"border": "rect"}, "pdf-cjk-compat-tounicode",
         "The text layer carries CJK compatibility ideographs for " + "".join(cm) + " (U+F9D1 六, U+F967 不, U+F9B2 零, "
         "U+F9E4 理, U+F9DD 利, U+F961 率): 不予公开, （六）其他处理, 不予处理, 办理结果, 六、其他需要报告的事项 all carry them. "
         "Borders are thin filled rectangles (Word export). 2019 form.", seed=9108, short="区卫健局", tounicode=cm)


# ---------------------------------------------------------------- AA09 上海 青浦区: diagonal watermark 仅供参考 over the tables
@fx
def aa09():
    tpl, year = "2021", 2021
    t3 = gen_t3(9109, tpl, scale=1.6)
    t2 = t2_21(norm=(4, 3, 27), lic=2410, pen=1377, coe=52, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 1, 1), "litigation_direct": (1, 1, 0, 1), "litigation_after_review": (0, 0, 1, 0)})
    make("sh_district_pdf_diagonal_watermark_over_tables_qingpu_2021", tpl, year, t2, t3, t4, "上海市青浦区人民政府",
         ["上海市", None, "青浦区"], "county", "sh", "区政府", "https://www.shqp.gov.cn", "021-59732000",
         "2022年1月27日", "2022-01-27", {"watermark": ("仅供参考", 2)}, "pdf-diagonal-watermark",
         "Each page that holds a table carries two diagonal (35°) grey semi-transparent `仅供参考` watermarks, drawn "
         "after (on top of) the page content, 54 pt, crossing the table cells. The watermark characters are real text "
         "in the text layer; they are not part of any cell.", seed=9109)


# ---------------------------------------------------------------- AA10 福建 龙岩市: red seal over the sign-off, letter-spaced text
@fx
def aa10():
    tpl, year = "2021", 2023
    t3 = gen_t3(9110, tpl, scale=2.6)
    t2 = t2_21(rules=(1, 0, 23), norm=(9, 4, 112), lic=6, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (5, 2, 1, 0), "litigation_direct": (3, 1, 0, 2), "litigation_after_review": (2, 0, 0, 1)})
    ag = "龙岩市人民政府"
    make("fj_city_pdf_red_seal_over_signoff_char_spacing_longyan_2023", tpl, year, t2, t3, t4, ag,
         ["福建省", "龙岩市"], "prefecture", "fj", "市政府", "http://www.longyan.gov.cn", "0597-2300000",
         "2024年1月29日", "2024-01-29", {"seal": ag, "tc": True}, "pdf-seal-char-spacing",
         "A red round seal (PNG image with alpha, star and the ring text 龙岩市人民政府) is drawn over the sign-off "
         "name and date. The title is letter-spaced (Tc 3) and every prose line is justified with char spacing (Tc) "
         "in one text object per line, so gaps between characters are wider than the glyphs' own advance. "
         "Prefecture-level city; 规章 row printed (1/0/23).", seed=9110)


# ---------------------------------------------------------------- AA11 上海 浦东新区发改委: two-column prose
@fx
def aa11():
    tpl, year = "2021", 2022
    t3 = gen_t3(9111, tpl, scale=1.4)
    t2 = t2_21(norm=(3, 1, 16), lic=388, pen=14, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 0, 1)})
    make("sh_district_commission_pdf_two_column_prose_pudong_fgw_2022", tpl, year, t2, t3, t4,
         "上海市浦东新区发展和改革委员会", ["上海市", None, "浦东新区"], "department", "sh", "区发展改革委",
         "https://www.pudong.gov.cn", "021-28282000", "2023年1月30日", "2023-01-30", {"twocol": True},
         "pdf-two-column-prose",
         "The prose is set in two columns (newspaper style): the text runs down the left column and continues at the "
         "top of the right one, so a line-by-line reading across the page interleaves two sentences and puts "
         "section headings beside unrelated text. Each table is full width on a page of its own, prose continues "
         "in two columns below it.", seed=9111, short="区发展改革委")


# ---------------------------------------------------------------- AA12 江苏 海门区三厂街道: numbers right-aligned far from labels
@fx
def aa12():
    tpl, year = "2021", 2021
    t3 = gen_t3(9112, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 0, 2), lic=31, pen=8, coe=0, fee=1.35)
    t4 = mk_t4({})
    ag = "南通市海门区三厂街道办事处"
    make("js_street_pdf_numbers_right_aligned_far_running_footer_sanchang_haimen_2021", tpl, year, t2, t3, t4, ag,
         ["江苏省", "南通市", "海门区", "三厂街道"], "township", "js", "街道办事处", "http://www.haimen.gov.cn",
         "0513-82211000", "2022年1月24日", "2022-01-24",
         {"numright": True, "running": "三厂街道办事处政务公开"}, "pdf-numbers-right-aligned",
         "Every number sits against its cell's right edge. In table 2 the single 本年处理决定数量 / 收费金额 value spans "
         "the three value columns, so 31, 8, 0 and 1.35 stand about 300 pt to the right of their labels (a "
         "layout reader sees label … long gap … number). A running header `三厂街道办事处政务公开` with a rule and a "
         "footer `第 N 页 共 M 页` on every page. Fee 1.35 万元.", seed=9112, short="街道")


# ---------------------------------------------------------------- AA13 福建 福安市: searchable scan with OCR errors in the prose
@fx
def aa13():
    tpl, year = "2019", 2020
    t3 = gen_t3(9113, tpl, scale=1.1)
    t2 = t2_19(norm=(3, 3, 45), lic=(211, 6, 4381), oth=(37, 0, 612), pen=(95, -3, 802), coe=(12, 0, 19), fees=(8, 0),
               proc=(23, 956.2))
    t4 = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_direct": (1, 0, 0, 0)})
    ocr = [("公开", "公幵"), ("信息", "信患"), ("已", "己"), ("工作", "工做"), ("查询", "査询"), ("监督", "监昝")]
    make("fj_county_city_pdf_searchable_scan_invisible_ocr_layer_fuan_2020", tpl, year, t2, t3, t4, "福安市人民政府",
         ["福建省", "宁德市", "福安市"], "county", "fj", "市政府", "http://www.fuan.gov.cn", "0593-6382000",
         "2021年1月29日", "2021-01-29", {"scan": (110, ocr), "ocr_blocks": True}, "pdf-searchable-scan",
         "A searchable scan: every page is a 110 dpi black-and-white page image, with an invisible OCR text layer (text render "
         "mode 3) laid over it. The OCR layer is exact in the title, headings, tables and sign-off, but the prose "
         "paragraphs carry OCR errors (公幵, 信患, 己, 工做, 査询, 监昝). As Tesseract does with wide-gapped tables, the "
         "OCR layer's table text is written block by block (column by column, top to bottom, in the content stream) "
         "with baselines jittered by up to 0.6 pt; every word sits at its right place on the page. Truth is the "
         "printed page.", seed=9113)


# ---------------------------------------------------------------- AA14 江苏 扬州市市场监管局: tiled 内部资料 watermark + dashed rules
@fx
def aa14():
    tpl, year = "2019", 2019
    t3 = gen_t3(9114, tpl, scale=1.3)
    t2 = t2_19(norm=(2, 2, 14), lic=(46, 3, 18432), oth=(12, 0, 2210), pen=(88, 2, 1634), coe=(21, 0, 97),
               fees=(4, -1), proc=(17, 634.08))
    t4 = mk_t4({"admin_review": (6, 1, 0, 1), "litigation_direct": (2, 0, 0, 1), "litigation_after_review": (1, 1, 0, 0)})
    make("js_city_bureau_pdf_tiled_watermark_neibu_ziliao_yangzhou_scj_2019", tpl, year, t2, t3, t4,
         "扬州市市场监督管理局", ["江苏省", "扬州市"], "department", "js", "市市场监管局", "http://www.yangzhou.gov.cn",
         "0514-87340000", "2020年1月21日", "2020-01-21", {"watermark": ("内部资料 注意保存", 3), "border": "stroke"},
         "pdf-tiled-watermark",
         "Three diagonal `内部资料 注意保存` watermarks (40 pt, 35°, grey, semi-transparent) over every table page, drawn "
         "on top of the cells; the watermark's characters include none of the table's digits. 2019 form, city bureau, "
         "large 处理决定数量 (18432).", seed=9114, short="市市场监管局")
