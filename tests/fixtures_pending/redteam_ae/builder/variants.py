"""Black-box variants of the redteam_ae fixtures (not part of the set): python3 variants.py OUTDIR
Each variant copies one built fixture with string replacements in the report (and, where the truth changes, in
its JSON), into OUTDIR/<variant>/, so that `scripts/redteam_score.py OUTDIR/<variant>` scores it alone."""
import json
import sys
from pathlib import Path

SET = Path(__file__).resolve().parents[1]
J = "fj_district_bureau_title_image_only_agency_only_in_lianxi_line_jimei_2020"
V = {
    # (stem, [(old, new, count or 0 for all)], {truth key: new value})
    "v03_bianzhi_full": (J, [("由本局编制", "由厦门市集美区市场监督管理局编制", 1)], {}),
    "v03_lianxi_without_bangongshi": (J, [("市场监督管理局办公室，", "市场监督管理局，", 1)], {}),
    "v03_lianxi_danwei_line": (J, [("<p>联系方式：厦门市集美区市场监督管理局办公室，", "<p>联系单位：厦门市集美区市场监督管理局；", 1)], {}),
    "v03_lianxi_in_intro": (J, [("12月31日止。</p>", "12月31日止。联系方式：厦门市集美区市场监督管理局办公室，电话：0592-6068321。</p>", 1)], {}),
    "v01_bianzhi_quzhengfu": ("sh_district_gov_title_signoff_letter_spaced_jingan_2021",
                              [("由静安区人民政府编制", "由区政府编制", 1)], {}),
    "v01_title_one_spaced_line": ("sh_district_gov_title_signoff_letter_spaced_jingan_2021",
                                  [("上 海 市 静 安 区 人 民 政 府\n2 0 2 1", "上 海 市 静 安 区 人 民 政 府 2 0 2 1", 1)], {}),
    "v01_ideographic_spaces": ("sh_district_gov_title_signoff_letter_spaced_jingan_2021",
                               [("上 海 市 静 安 区 人 民 政 府", "上　海　市　静　安　区　人　民　政　府", 0)], {}),
    "v02_signoff_date_only": ("js_district_gov_title_three_lines_midword_old_wujiangshi_footer_wujiang_2019",
                              [("苏州市吴江区人民政府\n2020年1月20日\n", "2020年1月20日\n", 1)], {}),
    "v02_break_inside_place": ("js_district_gov_title_three_lines_midword_old_wujiangshi_footer_wujiang_2019",
                               [("苏州市吴江区人\n民政府2019年政府信息公开工\n作年度报告",
                                 "苏州市吴\n江区人民政府2019年政府信\n息公开工作年度报告", 1)], {}),
    "v02_signoff_old_name": ("js_district_gov_title_three_lines_midword_old_wujiangshi_footer_wujiang_2019",
                             [("苏州市吴江区人民政府\n2020年1月20日\n", "吴江市人民政府\n2020年1月20日\n", 1),
                              ("苏州市吴江区人\n民政府", "吴江区人\n民政府", 1)], {}),
    "v05_title_full": ("js_district_gov_renamed_haimenshi_to_haimenqu_2020_old_name_contact_haimen_2020",
                       [("海门区人民政府2020年", "南通市海门区人民政府2020年", 1)], {}),
    "v05_signoff_short": ("js_district_gov_renamed_haimenshi_to_haimenqu_2020_old_name_contact_haimen_2020",
                          [("\n南通市海门区人民政府\n2021年", "\n海门区人民政府\n2021年", 1)], {}),
    "v06_bracket_full_portal_signoff_date": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020",
                                             [("【长宁区人民政府门户网站】", "【上海市长宁区人民政府门户网站】", 0),
                                              ("\n上海市长宁区新华路街道办事处\n2021年", "\n2021年", 1)], {}),
    "v06_bracket_portal_only_title_line": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020",
                                           [("标题：【长宁区人民政府门户网站】新华路街道办事处2020年政府信息公开工作年度报告\n",
                                             "", 1),
                                            ("来源：长宁区人民政府门户网站\n", "", 1)], {}),
    "v11_no_period": ("sh_district_bureau_title_year_twice_niandu_fabu_word_html_hongkou_jiaoyu_2022",
                      [("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。", "", 1)], {}),
    "v11_fabu_first": ("sh_district_bureau_title_year_twice_niandu_fabu_word_html_hongkou_jiaoyu_2022",
                       [("上海市虹口区教育局2022年度政府信息公开工作年度报告（2023年1月发布）",
                         "（2023年1月发布）上海市虹口区教育局2022年度政府信息公开工作年度报告", 0),
                        ("本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。", "", 1)], {}),
    "v12_range_hyphen": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                         [("2020—2021年政府", "2020-2021年政府", 1)], {}),
    "v12_range_zhi": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                      [("2020—2021年政府", "2020年至2021年政府", 1)], {}),
    "v12_range_niandu": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                         [("2020—2021年政府", "2020—2021年度政府", 1)], {}),
    "v12_bianzhi_gov": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                        [("由三明市沙县区人民政府办公室编制", "由三明市沙县区人民政府编制", 1)], {}),
    "v12_single_year_title": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                              [("2020—2021年政府", "2021年政府", 1)], {}),
    "v13_no_title_line": ("sh_district_bureau_running_header_abbrev_signoff_full_guihua_ziyuan_jiading_2019",
                          [("嘉定区规划资源局2019年政府信息公开工作年度报告\n", "", 1)], {}),
    "v13_signoff_date_only": ("sh_district_bureau_running_header_abbrev_signoff_full_guihua_ziyuan_jiading_2019",
                              [("\n上海市嘉定区规划和自然资源局\n2020年", "\n2020年", 1)],
                              {"agency": "嘉定区规划资源局"}),
    "v14_signoff_date_only": ("fj_street_office_bracket_column_label_title_dangzheng_zonghe_ban_bianzhi_yingzhou_taijiang_2020",
                              [("\n福州市台江区瀛洲街道办事处\n2021年", "\n2021年", 1)], {"agency": None}),
    "v09_signoff_one_line": ("js_district_joint_body_zhengwu_fuwu_ban_dashuju_ju_word_html_huishan_wuxi_2019",
                             [("无锡市惠山区政务服务管理办公室<span lang=EN-US><o:p></o:p></span></span></p>\n"
                               "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt;"
                               "font-family:仿宋_GB2312;mso-bidi-font-family:Arial'>（无锡市惠山区大数据管理局）",
                               "无锡市惠山区政务服务管理办公室（无锡市惠山区大数据管理局）", 1)], {}),
    "v09_title_full_joint": ("js_district_joint_body_zhengwu_fuwu_ban_dashuju_ju_word_html_huishan_wuxi_2019",
                             [("惠山区政务服务管理办公室（惠山区大数据管理局）2019年",
                               "无锡市惠山区政务服务管理办公室（无锡市惠山区大数据管理局）2019年", 0)], {}),
    "v07_english_above": ("fj_district_gov_english_title_line_under_chinese_md_siming_xiamen_2021",
                          [("# 厦门市思明区人民政府2021年政府信息公开工作年度报告\n\nAnnual Report on Government Information "
                            "Disclosure of the People's Government of Siming District, Xiamen (2021)\n",
                            "Annual Report on Government Information Disclosure of the People's Government of Siming "
                            "District, Xiamen (2021)\n\n# 厦门市思明区人民政府2021年政府信息公开工作年度报告\n", 1)], {}),
    "v08_bare_town_title": ("js_town_gov_dangzhengban_fabu_lianxi_html_mudu_wuzhong_2022",
                            [("吴中区木渎镇人民政府2022年", "木渎镇2022年", 0)], {}),
    "v04_signoff_gov": ("js_district_gov_title_gov_signed_and_compiled_by_bangongshi_md_gulou_nanjing_2021",
                        [("\n\n南京市鼓楼区人民政府办公室\n\n2022年", "\n\n南京市鼓楼区人民政府\n\n2022年", 1)], {}),
    "v10_abbrev_title": ("sh_park_guanweihui_spans_jinshan_fengxian_two_districts_chemical_industry_2023",
                         [("上海化学工业区管理委员会2023年", "上海化工区管委会2023年", 1)], {}),
    "v04_office_title_broken_after_zhengfu": (
        "js_district_gov_title_gov_signed_and_compiled_by_bangongshi_md_gulou_nanjing_2021",
        [("# 南京市鼓楼区人民政府2021年政府信息公开工作年度报告", "# 南京市鼓楼区人民政府\n\n# 办公室2021年政府信息公开工作年度报告", 1)],
        {"agency": "南京市鼓楼区人民政府办公室", "admin_level": "department"}),
    "v04_office_title_broken_plain_lines": (
        "js_district_gov_title_gov_signed_and_compiled_by_bangongshi_md_gulou_nanjing_2021",
        [("# 南京市鼓楼区人民政府2021年政府信息公开工作年度报告", "南京市鼓楼区人民政府\n办公室2021年政府信息公开\n工作年度报告", 1)],
        {"agency": "南京市鼓楼区人民政府办公室", "admin_level": "department"}),
    "v05_haimenshi_2019_before_rename": (
        "js_district_gov_renamed_haimenshi_to_haimenqu_2020_old_name_contact_haimen_2020",
        [("2020年6月，经国务院批准，撤销县级海门市，设立南通市海门区，以原海门市的行政区域为海门区的行政区域。"
          "本报告统计数据包括原海门市人民政府2020年1月至6月期间的政府信息公开工作情况。\n", "", 1),
         ("原海门市人民政府门户网站已整合为南通市海门区人民政府门户网站，原网址继续保留访问。\n", "", 1),
         ("南通市海门区人民政府", "海门市人民政府", 0), ("海门区人民政府", "海门市人民政府", 0), ("海门区", "海门市", 0),
         ("2020", "2019", 0), ("2021年1月29日", "2020年1月29日", 0), ("五中全会", "四中全会", 0)],
        {"agency": "海门市人民政府", "year": 2019}),
    "v10_sutongxi_park": ("sh_park_guanweihui_spans_jinshan_fengxian_two_districts_chemical_industry_2023",
                          [("上海化学工业区管理委员会", "江苏南通苏锡通科技产业园区管理委员会", 0),
                           ("上海化学工业区", "苏锡通科技产业园区", 0),
                           ("上海市金山区", "南通市通州区", 0), ("上海市奉贤区", "南通市海门区", 0),
                           ("金山区", "通州区", 0), ("奉贤区", "海门区", 0), ("上海市人民政府", "南通市人民政府", 0)],
                          {"agency": "江苏南通苏锡通科技产业园区管理委员会", "region": ["江苏省", "南通市"]}),
    "v12_range_two_niandu": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                             [("2020—2021年政府", "2020年度、2021年度政府", 1)], {}),
    "v01_spaced_title_three_lines_midword": ("sh_district_gov_title_signoff_letter_spaced_jingan_2021",
                                             [("上 海 市 静 安 区 人 民 政 府\n2 0 2 1 年 政 府 信 息 公 开 工 作 年 度 报 告",
                                               "上 海 市 静 安 区 人 民\n政 府 2 0 2 1 年 政 府 信 息 公 开 工\n作 年 度 报 告", 1)], {}),
    "v03_img_alt_title": (J, [('alt=""', 'alt="厦门市集美区市场监督管理局2020年政府信息公开工作年度报告"', 1)], {}),
    "v03_lianxi_before_sign": (J, [('<p style="text-align:right">2021年1月22日</p>',
                                    '<p>联系单位：厦门市集美区市场监督管理局</p>\n<p style="text-align:right">2021年1月22日</p>', 1)], {}),
    "v12_range_bracket_after": ("fj_district_gov_report_covers_two_years_2020_2021_new_district_md_shaxian_sanming_2021",
                                [("人民政府2020—2021年政府信息公开工作年度报告", "人民政府政府信息公开工作年度报告（2020—2021年）", 1)], {}),
    "v03_site_name_page_title": (J, [("<title>政府信息公开年度报告 - 政府信息公开专栏</title>", "<title>厦门市集美区人民政府</title>", 1)], {}),
    "v03_site_name_page_title_bianzhi_full": (J, [("<title>政府信息公开年度报告 - 政府信息公开专栏</title>", "<title>厦门市集美区人民政府</title>", 1),
                                                  ("由本局编制", "由厦门市集美区市场监督管理局编制", 1)], {}),
    "v06_bracket_section_label": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020",
                                  [("【长宁区人民政府门户网站】", "【街道信息公开】", 0)], {}),
    "v06_bracket_zhengwu_gongkai": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020", [("【长宁区人民政府门户网站】", "【政务公开】", 0)], {}),
    "v06_bracket_niandu_baogao": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020", [("【长宁区人民政府门户网站】", "【年度报告】", 0)], {}),
    "v06_ascii_brackets_portal": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020", [("【长宁区人民政府门户网站】", "[长宁区人民政府门户网站]", 0)], {}),
    "v06_portal_suffix": ("sh_street_office_portal_bracket_title_header_lines_xinhualu_changning_2020", [("【长宁区人民政府门户网站】新华路街道办事处2020年政府信息公开工作年度报告",
                                 "新华路街道办事处2020年政府信息公开工作年度报告【长宁区人民政府门户网站】", 0)], {}),
}


def main(out):
    out = Path(out)
    for vname, (stem, reps, tfix) in V.items():
        src = next(p for p in SET.glob(stem + ".*") if p.suffix != ".json")
        text = src.read_text(encoding="utf-8")
        for old, new, n in reps:
            assert old in text or not n, (vname, old)
            text = text.replace(old, new, n) if n else text.replace(old, new)
        tr = json.loads((SET / f"{stem}.json").read_text(encoding="utf-8"))
        tr.update(tfix)
        d = out / vname
        d.mkdir(parents=True, exist_ok=True)
        (d / src.name).write_text(text, encoding="utf-8")
        (d / f"{stem}.json").write_text(json.dumps(tr, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
