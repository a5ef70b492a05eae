"""redteam_z fixtures: AGGREGATE ROWS AND COLUMNS a report adds to the official form (小计 rows per table-3 group, the
group sum on the group label's own line, 法人或其他组织小计 columns, table-2 合计/小计 rows, table-4 行政诉讼合计 group
and 合计 column, 本年办结 / 办结率 rows, (七)总计 repeated as 合计/总数), on complete 上海 / 福建 / 江苏 reports."""
from core import *  # noqa
from lhelp import t2_21, t2_19, meta, t2_blank_keys
from fxl1 import render
from fxm1 import body_html, page, tabs
from fxq import blocks, md
from zgrid import t3_grid_z, t4_grid_z, t2_grid_z, grid_html, banjie, rate, rowvals
import kprose as P


def build(name, shape, tpl, year, t2, t3, t4, g2, g3, g4, ag, we, flavor, region, level, pub, url, phone, notes,
          seed, signoff=None, intro_ag=None, small=False, t3_sentence=None, t4_sentence=None, portal=None):
    title = f"{ag}{year}年政府信息公开工作年度报告"
    b = blocks(year, we, flavor, t3, tpl, seed, title=[title], small=small, t3_sentence=t3_sentence,
               intro=P.std_intro(intro_ag or f"{ag}（以下简称“{we}”）", year, url, phone, tpl),
               signoff=signoff or [ag, pub[:4] + "年" + str(int(pub[5:7])) + "月" + str(int(pub[8:10])) + "日"],
               review_sentence=t4_sentence)
    if shape == "tsv":
        ext, text = "txt", render(b, {"t2": tabs(g2), "t3": tabs(g3), "t4": tabs(g4)}) + "\n"
    elif shape == "md":
        ext, text = "md", render(b, {"t2": md(g2), "t3": md(g3), "t4": md(g4)}, tfmt="# {}", hfmt="## {}",
                                  sep="\n\n") + "\n"
    else:
        ext = "html"
        tabsd = {"t2": grid_html(g2), "t3": grid_html(g3, th_rows=3), "t4": grid_html(g4, th_rows=3)}
        head = (f'<div class="crumb">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>\n<h1 class="title">{title}</h1>\n'
                f'<div class="info">发布日期：{pub}　信息来源：{portal or ag}</div>')
        text = page(f"{title}_{portal or ag}", head, body_html(b[1:], tabsd), '<div class="foot">版权所有</div>')
    tr = truth(meta(ag, region, year, level, f"{shape}-aggregates", pub), tpl, t2, t3, t4,
               t2_blanks=t2_blank_keys(t2), notes=notes + " Every form cell is printed; nothing is derived; the added "
               "sums are printed numbers that are not form cells.")
    write(name, ext, text, tr)


# ---------------------------------------------------------------- Z01 上海 徐汇区人民政府: 小计 row after each group (TSV)
def z01():
    tpl, year, seed = "2021", 2022, 9301
    t3 = gen_t3(seed, tpl, scale=1.4)
    t2 = t2_21(norm=(3, 1, 46), lic=187, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (4, 1, 0, 1), "litigation_direct": (2, 0, 1, 0)})
    g3 = t3_grid_z(tpl, t3, sub="after", groups=("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"))
    build("sh_district_gov_t3_xiaoji_row_after_each_group_xuhui_2022", "tsv", tpl, year, t2, t3, t4,
          t2_grid("2021", t2), g3, t4_grid(t4), "上海市徐汇区人民政府", "区政府", "sh", ["上海市", None, "徐汇区"],
          "county", "2023-01-16", "https://www.xuhui.gov.cn", "021-64872222",
          "Table 3 (2021 form) has a `小计` row (label in the third label column) after the last sub-row of each of "
          "the groups （三）不予公开, （四）无法提供, （五）不予处理 and （六）其他处理, holding the group's column sums. "
          "The 小计 rows are not form rows; the sub-rows are the cells.", seed,
          intro_ag="上海市徐汇区人民政府办公室")


# ---------------------------------------------------------------- Z02 福建 福州 鼓楼区政府办: 小计 row BEFORE the sub-rows (md)
def z02():
    tpl, year, seed = "2019", 2020, 9302
    t3 = gen_t3(seed, tpl, scale=0.9)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(6, 214.8))
    t4 = mk_t4({"admin_review": (1, 0, 0, 0)})
    g3 = t3_grid_z(tpl, t3, sub="before", groups=("（三）不予公开", "（四）无法提供", "（五）不予处理"))
    build("fj_district_office_t3_xiaoji_row_before_subrows_gulou_fuzhou_2020", "md", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "福州市鼓楼区人民政府办公室", "区政府办", "fj", ["福建省", "福州市", "鼓楼区"],
          "department", "2021-01-26", "http://www.gl.gov.cn", "0591-87535000",
          "Markdown, 2019 form. In table 3 each of （三）, （四）, （五） opens with a row `（三）不予公开 | 小计 | …` "
          "holding the group's sums, then the sub-rows with their numbered labels; （六）其他处理 is one row (2019), so "
          "it has no 小计. A reader who took the first row of a group as its first sub-row (1.属于国家秘密, "
          "1.本机关不掌握…, 1.信访举报投诉类申请) would shift every sub-row by one.", seed)


# ---------------------------------------------------------------- Z03 江苏 南京 玄武区人民政府: group sum on the group label's line (HTML)
def z03():
    tpl, year, seed = "2021", 2021, 9303
    t3 = gen_t3(seed, tpl, scale=1.1)
    t2 = t2_21(norm=(2, 0, 31), lic=96, pen=4, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 1, 0), "litigation_direct": (1, 0, 0, 1), "litigation_after_review": (1, 0, 0, 0)})
    g3 = t3_grid_z(tpl, t3, sub="parent", groups=("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"))
    build("js_district_gov_t3_group_sum_on_group_label_line_html_xuanwu_2021", "html", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "南京市玄武区人民政府", "区政府", "js", ["江苏省", "南京市", "玄武区"],
          "county", "2022-01-21", "http://www.njxw.gov.cn", "025-83630000",
          "Portal HTML with every grid position its own cell (no spans). In table 3 the group labels （三）不予公开, "
          "（四）无法提供, （五）不予处理 and （六）其他处理 stand on a line of their own that carries the group's sums "
          "(`（三）不予公开 | 2 | 0 | …`), and the sub-rows follow with their labels in the third label column only.",
          seed, intro_ag="南京市玄武区人民政府办公室")


# ---------------------------------------------------------------- Z04 上海 静安区教育局: parent-line sums + 法人小计 column before 总计 (TSV)
def z04():
    tpl, year, seed = "2019", 2019, 9304
    t3 = gen_t3(seed, tpl, scale=1.0)
    t2 = t2_19(norm=(2, 2, 17), lic=(6, 0, 312), oth=(3, 0, 45), pen=(4, 0, 2), coe=(0, 0, 0), fees=(0, 0),
               proc=(14, 386.25))
    t4 = mk_t4({"admin_review": (1, 1, 0, 0), "litigation_direct": (1, 0, 0, 0)})
    g3 = t3_grid_z(tpl, t3, sub="parent", groups=("（三）不予公开", "（五）不予处理"), orgsub="before_total")
    build("sh_district_bureau_t3_parent_sums_faren_xiaoji_column_jingan_jiaoyu_2019", "tsv", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "上海市静安区教育局", "区教育局", "sh", ["上海市", None, "静安区"],
          "department", "2020-01-20", "https://www.jingan.gov.cn", "021-33372000",
          "TSV, 2019 form. Table 3 has an 11th number column: `小计` under 法人或其他组织, between 其他 and 总计 (sum "
          "of the five organisation columns), in every row. The （三）不予公开 and （五）不予处理 labels stand on their "
          "own line carrying the group sums; （四）无法提供 is printed as usual.", seed)


# ---------------------------------------------------------------- Z05 福建 厦门 思明区人民政府: 法人或其他组织小计 column BEFORE the five (md)
def z05():
    tpl, year, seed = "2021", 2023, 9305
    t3 = gen_t3(seed, tpl, scale=1.5)
    t2 = t2_21(norm=(1, 2, 24), lic=263, pen=17, coe=2, fee=0)
    t4 = mk_t4({"admin_review": (3, 0, 1, 1), "litigation_direct": (1, 1, 0, 1), "litigation_after_review": (0, 0, 1, 0)})
    g3 = t3_grid_z(tpl, t3, orgsub="before_orgs", orgsub_label="法人或其他组织小计")
    build("fj_district_gov_t3_faren_xiaoji_column_before_orgs_siming_xiamen_2023", "md", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "厦门市思明区人民政府", "区政府", "fj", ["福建省", "厦门市", "思明区"],
          "county", "2024-01-19", "http://www.siming.gov.cn", "0592-2891000",
          "Markdown, 2021 form. Table 3 has a column `法人或其他组织小计` between 自然人 and the five organisation "
          "columns (商业企业 … 其他) in every row, the sum of the five; 法人或其他组织 heads the five only. Rows are the "
          "form's.", seed, intro_ag="厦门市思明区人民政府办公室")


# ---------------------------------------------------------------- Z06 江苏 苏州 吴江区市场监管局: t2 小计 + 合计 rows, t4 行政诉讼合计 group (HTML)
def z06():
    tpl, year, seed = "2019", 2020, 9306
    t3 = gen_t3(seed, tpl, scale=0.8)
    t2 = t2_19(norm=(1, 1, 9), lic=(42, 3, 2816), oth=(11, 0, 384), pen=(36, -2, 417), coe=(6, 0, 23), fees=(2, 0),
               proc=(8, 96.5))
    t4 = mk_t4({"admin_review": (2, 1, 0, 1), "litigation_direct": (3, 0, 1, 1), "litigation_after_review": (1, 1, 0, 0)})
    build("js_district_bureau_t2_xiaoji_heji_rows_t4_susong_heji_group_wujiang_2020", "html", tpl, year, t2, t3, t4,
          t2_grid_z(tpl, t2, subtotals=True, bottom="合计"), t3_grid(tpl, t3), t4_grid_z(t4, litsum=True),
          "苏州市吴江区市场监督管理局", "区市场监管局", "js", ["江苏省", "苏州市", "吴江区"], "department", "2021-01-29",
          "http://www.wujiang.gov.cn", "0512-63982000",
          "Portal HTML, 2019 form, no spans. Table 2 has a `小计` row after 其他对外管理服务事项 and after 行政强制 (sums "
          "of the group's 上一年项目数量 / 本年增/减 / 处理决定数量), and a bottom row `合计` with the sum of the four 处理决定"
          "数量 in the last column. Table 4 has a third 行政诉讼 group `行政诉讼合计` (five columns: the sums of the two "
          "litigation groups) after 复议后起诉.", seed)


# ---------------------------------------------------------------- Z07 上海 闵行 七宝镇: 本年办结 row before (七) + t4 合计 column (TSV)
def z07():
    tpl, year, seed = "2021", 2021, 9307
    t3 = gen_t3(seed, tpl, scale=0.4, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=12, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (1, 0, 0, 0), "litigation_direct": (0, 0, 0, 1)})
    g3 = t3_grid_z(tpl, t3, extra=[("-total_processed", ["", "本年办结", ""], banjie(t3, tpl))])
    build("sh_town_t3_benian_banjie_row_t4_heji_column_qibao_minhang_2021", "tsv", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid_z(t4, total_col=True), "上海市闵行区七宝镇人民政府", "镇政府", "sh",
          ["上海市", None, "闵行区", "七宝镇"], "township", "2022-01-25", "https://www.shmh.gov.cn", "021-64191000",
          "TSV, 2021 form. Table 3 has a row `本年办结` (group label column) between the last （六） sub-row and "
          "（七）总计, printing the same numbers as （七）总计 (予以公开 + … + 其他). Table 4 has a 16th column `合计` at "
          "the far right: the sum of the three 总计 (1 + 0 + 1 = 2).", seed, small=True)


# ---------------------------------------------------------------- Z08 福建 泉州 晋江市人民政府: 本年办结数量 + 办结率 rows at the bottom (TSV)
def z08():
    tpl, year, seed = "2019", 2019, 9308
    t3 = gen_t3(seed, tpl, scale=2.2)
    t2 = t2_19(rules=(0, 0, 0), norm=(4, 4, 52), lic=(212, 6, 18534), oth=(64, -3, 4120), pen=(85, 0, 1462),
               coe=(14, 0, 57), fees=(9, -1), proc=(63, 12864.3))
    t4 = mk_t4({"admin_review": (6, 1, 2, 1), "litigation_direct": (3, 1, 0, 2), "litigation_after_review": (2, 0, 0, 1)})
    g3 = t3_grid_z(tpl, t3, extra=[("carried_forward", ["本年办结数量", "", ""], banjie(t3, tpl)),
                                   ("carried_forward", ["办结率", "", ""], rate(t3))])
    # order: 四、结转 → 本年办结数量 → 办结率 (the second insert lands right after 四 too, so swap)
    k = [i for i, r in enumerate(g3) if r[0] == "本年办结数量"][0]
    j = [i for i, r in enumerate(g3) if r[0] == "办结率"][0]
    if j < k:
        g3[j], g3[k] = g3[k], g3[j]
    r = rate(t3)
    build("fj_county_city_gov_t3_banjie_banjielv_rows_bottom_jinjiang_2019", "tsv", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "晋江市人民政府", "市政府", "fj", ["福建省", "泉州市", "晋江市"],
          "county", "2020-01-22", "http://www.jinjiang.gov.cn", "0595-85682000",
          "TSV, 2019 form, larger numbers. Table 3 ends with two added rows after 四、结转下年度继续办理: `本年办结数量` "
          "(the （七）总计 numbers again) and `办结率` (percentages `95.7%`, `—` where nothing was received). "
          f"The prose says 办结率{r[6]}.", seed, intro_ag="晋江市人民政府办公室",
          t3_sentence=f"全年政府信息公开申请办结率{r[6]}，详见下表。")


# ---------------------------------------------------------------- Z09 江苏 无锡 梁溪区崇安寺街道: 合计 row repeating (七) at the end + t2 合计 (md)
def z09():
    tpl, year, seed = "2021", 2022, 9309
    t3 = gen_t3(seed, tpl, scale=0.5, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=7, coe=1, fee=0)
    t4 = mk_t4({})
    g3 = t3_grid_z(tpl, t3, extra=[("carried_forward", ["合计", "", ""], rowvals(t3["total_processed"], None))])
    build("js_street_t3_heji_row_repeats_total_t2_heji_row_chonganshi_liangxi_2022", "md", tpl, year, t2, t3, t4,
          t2_grid_z(tpl, t2, bottom="合计"), g3, t4_grid(t4), "无锡市梁溪区崇安寺街道办事处", "街道", "js",
          ["江苏省", "无锡市", "梁溪区", "崇安寺街道"], "township", "2023-01-30", "http://www.wxlx.gov.cn", "0510-82720000",
          "Markdown, 2021 form, small numbers. Table 3 ends with a row `合计` (after 四、结转下年度继续办理) that repeats "
          "the （七）总计 numbers. Table 2 ends with a row `合计` holding 许可 + 处罚 + 强制 = 8 in the first value "
          "column, under the 本年收费金额 header of the row above. Fee is 0; table 4 all 0.", seed, small=True)


# ---------------------------------------------------------------- Z10 上海 长宁区卫健委: 小计 rows (group column) + 法人小计 column (HTML)
def z10():
    tpl, year, seed = "2021", 2023, 9310
    t3 = gen_t3(seed, tpl, scale=1.2)
    t2 = t2_21(norm=(1, 0, 14), lic=1432, pen=86, coe=3, fee=0)
    t4 = mk_t4({"admin_review": (2, 0, 0, 0), "litigation_after_review": (1, 0, 0, 0)})
    g3 = t3_grid_z(tpl, t3, sub="after_l1", groups=("（三）不予公开", "（四）无法提供", "（五）不予处理"),
                   orgsub="before_total")
    build("sh_district_commission_t3_group_xiaoji_and_faren_xiaoji_html_changning_2023", "html", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "上海市长宁区卫生健康委员会", "区卫生健康委", "sh",
          ["上海市", None, "长宁区"], "department", "2024-01-24", "https://www.shcn.gov.cn", "021-22050000",
          "Portal HTML, 2021 form, no spans. Table 3 has both: a row `（三）不予公开小计` (in the group column) after "
          "the eight sub-rows, likewise `（四）无法提供小计` and `（五）不予处理小计`; and a `小计` column under "
          "法人或其他组织 between 其他 and 总计. The cross cells (小计 row × 小计 column) are printed too.", seed)


# ---------------------------------------------------------------- Z11 福建 漳州市人民政府: t4 行政诉讼合计 + t2 合计 after 行政强制 (TSV)
def z11():
    tpl, year, seed = "2021", 2021, 9311
    t3 = gen_t3(seed, tpl, scale=2.5)
    t2 = t2_21(rules=(2, 1, 23), norm=(14, 6, 187), lic=0, pen=0, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (12, 2, 3, 2), "litigation_direct": (4, 1, 2, 3), "litigation_after_review": (3, 0, 1, 2)})
    build("fj_city_gov_t4_susong_heji_group_t2_heji_after_coercion_zhangzhou_2021", "tsv", tpl, year, t2, t3, t4,
          t2_grid_z(tpl, t2, after_coercion="合计"), t3_grid(tpl, t3), t4_grid_z(t4, litsum=True), "漳州市人民政府",
          "市政府", "fj", ["福建省", "漳州市"], "prefecture", "2022-01-28", "http://www.zhangzhou.gov.cn", "0596-2592000",
          "TSV, 2021 form, 地级市 government. Table 4 has a third litigation group `行政诉讼合计` (five columns, the sums "
          "7, 1, 3, 5, 16) after 复议后起诉. Table 2 has a row `合计` after 行政强制 holding 处罚 + 强制 (0 here: a "
          "city government decides none itself). 规章 printed (2, 1, 23).", seed, intro_ag="漳州市人民政府办公室")


# ---------------------------------------------------------------- Z12 江苏 常州 武进区政府办: 总数 row before 四 + 办结率 row (md)
def z12():
    tpl, year, seed = "2019", 2020, 9312
    t3 = gen_t3(seed, tpl, scale=1.3)
    t2 = t2_19(norm=(0, 0, 0), lic=(0, 0, 0), oth=(0, 0, 0), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0), proc=(11, 352.07))
    t4 = mk_t4({"admin_review": (2, 0, 0, 1), "litigation_direct": (1, 0, 0, 0)})
    g3 = t3_grid_z(tpl, t3, extra=[("total_processed", ["", "总数", ""], rowvals(t3["total_processed"], None)),
                                   ("carried_forward", ["办结率", "", ""], rate(t3, nd=2))])
    build("js_district_office_t3_zongshu_row_banjielv_row_wujin_changzhou_2020", "md", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "常州市武进区人民政府办公室", "区政府办", "js", ["江苏省", "常州市", "武进区"],
          "department", "2021-01-27", "http://www.wj.gov.cn", "0519-86310000",
          "Markdown, 2019 form. Table 3 has a row `总数` (group column) right after （七）总计 repeating its numbers, "
          "and a last row `办结率` (`93.75%`-style percentages, `—` for empty columns) after 四、结转下年度继续办理.", seed)


# ---------------------------------------------------------------- Z13 上海 嘉定区人民政府: t2 小计 rows + t4 合计 column (HTML)
def z13():
    tpl, year, seed = "2019", 2020, 9313
    t3 = gen_t3(seed, tpl, scale=1.8)
    t2 = t2_19(norm=(5, 5, 63), lic=(18, 0, 964), oth=(4, 1, 37), pen=(0, 0, 0), coe=(0, 0, 0), fees=(0, 0),
               proc=(21, 1840.6))
    t4 = mk_t4({"admin_review": (5, 1, 1, 0), "litigation_direct": (2, 0, 1, 1), "litigation_after_review": (1, 0, 0, 0)})
    build("sh_district_gov_t2_xiaoji_rows_t4_zongji_column_jiading_2020", "html", tpl, year, t2, t3, t4,
          t2_grid_z(tpl, t2, subtotals=True), t3_grid(tpl, t3), t4_grid_z(t4, total_col=True, total_label="复议诉讼合计"),
          "上海市嘉定区人民政府", "区政府", "sh", ["上海市", None, "嘉定区"], "county", "2021-01-28",
          "http://www.jiading.gov.cn", "021-59992000",
          "Portal HTML, 2019 form, no spans. Table 2 has a `小计` row after 其他对外管理服务事项 (22, 1, 1001) and "
          "after 行政强制 (0, 0, 0). Table 4 has a 16th column `复议诉讼合计` at the far right (7 + 4 + 1 = 12).", seed,
          intro_ag="上海市嘉定区人民政府办公室")


# ---------------------------------------------------------------- Z14 福建 武夷山 星村镇: (三) sums on its label line, (五)(六) 小计 after, 本年办结 (TSV)
def z14():
    tpl, year, seed = "2021", 2022, 9314
    t3 = gen_t3(seed, tpl, scale=0.6, orgs=False)
    t2 = t2_21(norm=(0, 0, 0), lic=0, pen=5, coe=0, fee=0)
    t4 = mk_t4({"admin_review": (0, 0, 1, 0)})
    g3 = t3_grid_z(tpl, t3, sub="parent", groups=("（三）不予公开",))
    g3b = t3_grid_z(tpl, t3, sub="after", groups=("（五）不予处理", "（六）其他处理"))
    # (三) from the parent-line grid, the rest from the 小计 grid: splice at the （四） group
    k1 = [i for i, r in enumerate(g3) if r[1] == "（四）无法提供"][0]
    k2 = [i for i, r in enumerate(g3b) if r[1] == "（四）无法提供"][0]
    g3 = g3[:k1] + g3b[k2:]
    k = [i for i, r in enumerate(g3) if r[0] == "四、结转下年度继续办理"][0]
    g3.insert(k + 1, ["本年办结", "", ""] + banjie(t3, tpl))
    build("fj_town_t3_parent_sum_and_xiaoji_mixed_banjie_xingcun_wuyishan_2022", "tsv", tpl, year, t2, t3, t4,
          t2_grid(tpl, t2), g3, t4_grid(t4), "武夷山市星村镇人民政府", "镇政府", "fj",
          ["福建省", "南平市", "武夷山市", "星村镇"], "township", "2023-01-18", "http://www.wys.gov.cn", "0599-5252000",
          "TSV, 2021 form, small numbers. Table 3 mixes two habits: （三）不予公开 stands on its own line with the group "
          "sums, （四） is as printed in the form, （五）不予处理 and （六）其他处理 end with a `小计` row; and after "
          "四、结转下年度继续办理 a row `本年办结` repeats the （七）总计 numbers.", seed, small=True)


FX = [z01, z02, z03, z04, z05, z06, z07, z08, z09, z10, z11, z12, z13, z14]
