"""Black-box variants of redteam_af fixtures (temporary copies, not in the set): writes them to the folder given
as argv[1]; score that folder with scripts/redteam_score.py. Each variant = (tag, fixture stem, edit)."""
import re
import shutil
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1])
OUT.mkdir(parents=True, exist_ok=True)
F = lambda s: re.sub(r'<font color="#[0-9A-Fa-f]{6}">(.*?)</font>', r"\1", s)


def tables_only(fn):
    def g(s):
        return "\n".join(fn(l) if l.startswith("|") else l for l in s.split("\n"))
    return g


def prose_only(fn):
    def g(s):
        return "\n".join(l if l.startswith("|") else fn(l) for l in s.split("\n"))
    return g


V = [
    ("v01_no_tips", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: re.sub(r":::tips\n.*?\n:::\n\n", "", s, flags=re.S)),
    ("v02_tips_no_zero", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: s.replace("表中相应栏目为0。", "表中相应栏目无数据。")),
    ("v03_tips_as_para", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: s.replace(":::tips\n", "").replace("\n:::\n", "\n")),
    ("v04_no_font_prose", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020", prose_only(F)),
    ("v05_no_font_tables", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020", tables_only(F)),
    ("v06_no_font", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020", F),
    ("v07_no_font_headings_only", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020",
     lambda s: re.sub(r'### <font color="#000000">(.*?)</font>', r"### \1", s)),
    ("v08_no_font_title", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023",
     lambda s: re.sub(r'^# <font color="#C00000">(.*?)</font>', r"# \1", s)),
    ("v09_no_font_tables", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023", tables_only(F)),
    ("v10_no_font_headings", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023",
     lambda s: re.sub(r'(#+) <font color="#[0-9A-F]{6}">(.*?)</font>', r"\1 \2", s)),
    ("v11_no_font", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023", F),
    ("v12_font_no_quotes", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023",
     lambda s: re.sub(r'<font color="(#[0-9A-F]{6})">', r"<font color=\1>", s)),
    ("v13_tips_no_guifan_word", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: s.replace("本街道不具有规章、规范性文件制定权，", "")),
    ("v14_tips_guifan_only", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: s.replace("本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，表中相应栏目为0。",
                         "本街道不具有规范性文件制定权。")),
    ("v15_no_red_note", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020",
     lambda s: s.replace('<font color="#D83931">（以下数据已经镇党政办复核）</font>\n\n', "")),
    ("v16_named_colours", "dingtalk_md_font_tags_red_corrections_hutang_wujin_2020",
     lambda s: re.sub(r'<font color="#[0-9A-F]{6}">', '<font color="gray">', s)),
    ("v17_zero_cells_only_font", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023",
     lambda s: s.replace('<font color="#1F2329">', "").replace("</font> |", " |").replace(
         '0 |', '<font color="#8F959E">0</font> |') if False else re.sub(r'<font color="#1F2329">(\d+(?:\.\d+)?)</font>', r"\1", s)),
    ("v18_sentence_above_t2_lark2021", "lark_grid_md_merged_empty_br_labels_xinluo_wjj_longyan_2022",
     lambda s: s.replace("## 二、主动公开政府信息情况\n\n", "## 二、主动公开政府信息情况\n\n本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，表中相应栏目为0。\n\n", 1)),
    ("v19_sentence_above_t2_notion2019", "notion_md_pipe_header_row_aside_callouts_huli_xiamen_2020",
     lambda s: s.replace("# 二、主动公开政府信息情况\n\n", "# 二、主动公开政府信息情况\n\n本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，表中相应栏目为0。\n\n", 1)),
    ("v20_tips_after_t2", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: re.sub(r"(:::tips\n.*?\n:::\n\n)(.*?)(\n\n<a name)", r"\2\n\n\1\3".replace("\n\n\\3", "\\3"), s, count=1, flags=re.S)),
    ("v21_short_sentence", "yuque_lake_md_pipe_empty_merges_tips_numbers_pingjiang_gusu_2019",
     lambda s: s.replace("本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，表中相应栏目为0。", "本街道无行政许可事项。")),
    ("v22_sentence_above_t2_gdocs", "gdocs_html_span_runs_td_class_colspan_rowspan_kunshan_2021",
     lambda s: s.replace('主动公开政府信息情况</span></h1>', '主动公开政府信息情况</span></h1><p class="c5"><span class="c3">本街道不具有规章、规范性文件制定权，行政许可、行政处罚、行政强制事项由区级部门实施，表中相应栏目为0。</span></p>', 1)),
    ("v23_tencent_digit_runs", "tencent_docs_html_data_attrs_colgroup_pudong_fgw_2022",
     lambda s: re.sub(r'<span data-text="true">(\d{2,})</span>',
                      lambda m: "".join(f'<span data-text="true">{d}</span>' for d in m.group(1)), s)),
    ("v24_notion_csv_no_links", "notion_md_csv_linked_inlined_property_lines_jiangninglu_jingan_2023",
     lambda s: re.sub(r"^\[表.*?\.csv\)\n\n", "", s, flags=re.M)),
    ("v25_dingtalk_font_span_style", "dingtalk_md_font_color_numbers_grey_zeros_fuqing_2023",
     lambda s: re.sub(r'<font color="(#[0-9A-F]{6})">(.*?)</font>', r'<span style="color:\1">\2</span>', s)),
]
for tag, stem, fn in V:
    for src in SRC.glob(stem + ".*"):
        if src.suffix == ".json":
            shutil.copy(src, OUT / f"{tag}.json")
        else:
            (OUT / f"{tag}{src.suffix}").write_text(fn(src.read_text(encoding="utf-8")), encoding="utf-8")
print(f"{len(V)} variants in {OUT}")
