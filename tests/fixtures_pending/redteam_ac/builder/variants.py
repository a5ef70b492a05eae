"""Black-box variants of some redteam_ac fixtures (not part of the set): each is a fixture with ONE spreadsheet
artefact undone, to tell from the outside which artefact loses the cells. The truth is unchanged in every variant
(the undone artefact never carried a cell value). Writes to argv[1] (default /tmp/redteam_ac_variants); score with
`PYTHONPATH=. .venv/bin/python scripts/redteam_score.py /tmp/redteam_ac_variants`."""
import re
import shutil
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/redteam_ac_variants")

V = [  # (variant stem, fixture stem, ext, transform)
    ("v01_qingpu_formula_text_emptied", "sh_district_gov_csv_total_column_formula_text_ref_pair_qingpu_2020", "txt",
     lambda s: re.sub(r"=SUM\([A-Z]+\d+:[A-Z]+\d+\)", "", s)),
    ("v02_qingpu_ref_emptied_too", "sh_district_gov_csv_total_column_formula_text_ref_pair_qingpu_2020", "txt",
     lambda s: re.sub(r"=SUM\([A-Z]+\d+:[A-Z]+\d+\)", "", s).replace("#REF!", "")),
    ("v03_lujiang_t4_formula_emptied", "fj_street_office_tsv_xuhao_column_sum_formula_ref_error_lujiang_siming_2023",
     "txt", lambda s: s.replace("=SUM(A4:D4)", "")),
    ("v04_lujiang_all_formula_error_emptied",
     "fj_street_office_tsv_xuhao_column_sum_formula_ref_error_lujiang_siming_2023", "txt",
     lambda s: s.replace("=SUM(A4:D4)", "").replace("=SUM(E6:J6)", "").replace("#REF!", "")),
    ("v05_quanzhou_ref_cell_emptied", "fj_city_gov_excel_html_yuan_fee_ref_error_hidden_check_row_quanzhou_2022",
     "html", lambda s: s.replace(' x:err="#REF!">#REF!<', '>&nbsp;<')),
    ("v06_quanzhou_yuan_sign_dropped", "fj_city_gov_excel_html_yuan_fee_ref_error_hidden_check_row_quanzhou_2022",
     "html", lambda s: s.replace(">¥634.08<", ">634.08<")),
    ("v07_gulou_letters_line_dropped", "js_district_bureau_tsv_column_letters_row_numbers_gulou_nanjing_scjg_2021",
     "txt", lambda s: re.sub(r"(?m)^\tA\tB\t.*\n", "", s)),
    ("v08_gulou_row_numbers_dropped", "js_district_bureau_tsv_column_letters_row_numbers_gulou_nanjing_scjg_2021",
     "txt", lambda s: re.sub(r"(?m)^\d+\t", "", s)),
    ("v09_fengxian_left_counter_dropped",
     "sh_district_bureau_tsv_hidden_helper_columns_copied_hedui_fengxian_jiaoyu_2023", "txt",
     lambda s: re.sub(r"(?m)^\d+\t", "", s)),
    ("v10_fengxian_hedui_column_dropped",
     "sh_district_bureau_tsv_hidden_helper_columns_copied_hedui_fengxian_jiaoyu_2023", "txt",
     lambda s: re.sub(r"(?m)\t(0|核对|)$", "", s)),
    ("v11_jianyang_yuan_sign_dropped",
     "fj_district_bureau_tsv_yuan_amount_trailing_tabs_filled_t4_header_jianyang_fgj_2020", "txt",
     lambda s: s.replace("¥1,286.50", "1,286.50")),
    ("v12_jianyang_plain_amount",
     "fj_district_bureau_tsv_yuan_amount_trailing_tabs_filled_t4_header_jianyang_fgj_2020", "txt",
     lambda s: s.replace("¥1,286.50", "1286.50")),
    ("v13_changshu_value_error_emptied", "js_county_city_gov_csv_scientific_notation_value_error_changshu_2019", "txt",
     lambda s: s.replace("#VALUE!", "")),
    ("v14_changshu_scientific_written_out", "js_county_city_gov_csv_scientific_notation_value_error_changshu_2019",
     "txt", lambda s: s.replace("2.4031E+04", "24031").replace("1.2E+03", "1200")),
    ("v15_jiangqiao_row_numbers_dropped", "sh_town_gov_md_sheet_letters_row_numbers_floats_jiangqiao_jiading_2021",
     "md", lambda s: re.sub(r"(?m)^\| \d+ \| ", "| ", s).replace("|  | A | B |", "| A | B |")),
]

if __name__ == "__main__":
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for stem, src, ext, f in V:
        s = (SRC / f"{src}.{ext}").read_text(encoding="utf-8")
        t = f(s)
        assert t != s, stem
        (OUT / f"{stem}.{ext}").write_text(t, encoding="utf-8")
        shutil.copy(SRC / f"{src}.json", OUT / f"{stem}.json")
    print(f"wrote {len(V)} variants to {OUT}")
