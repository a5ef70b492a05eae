"""Black-box probes of the redteam_ag fixtures (not part of the set): python3 variants.py OUTDIR
Each probe copies one built fixture with a change into OUTDIR/<probe>/ (truth unchanged: the change touches only
decoy text), so that `scripts/redteam_score.py OUTDIR/<probe>` scores it alone."""
import re
import shutil
import sys
from pathlib import Path

SET = Path(__file__).resolve().parents[1]
P09 = "fj_district_bureau_applicant_two_year_rows_before_t3_pie_t4_stacked_bar_haicang_fagai_2021"
P14 = "js_district_bureau_five_year_summary_seven_columns_t3_labels_before_t3_html_liangxi_zhujian_2023"
P12 = "js_city_gov_table2_infographic_last_year_figures_before_report_md_jiangyin_2022"


def only_last_year_row(s):  # ag09 keeping only the `2020年本年新收` decoy row
    return "\n".join(ln for ln in s.split("\n") if not ln.startswith("2021年本年新收"))


def six_columns(s):  # ag14 with the 比上年增减 column dropped: six number columns instead of seven
    return re.sub(r'(<table class="yoy".*?</table>)',
                  lambda m: re.sub(r"<td>[^<]*</td></tr>", "</tr>", m.group(1)), s, flags=re.S)


def bar_separator(s):  # ag12 with `一图读懂｜江阴市…` (a separator after 一图读懂)
    return s.replace("**一图读懂江阴市2022", "**一图读懂｜江阴市2022", 1)


V = {"v09_only_last_year_row": (P09, ".txt", only_last_year_row), "v14_six_columns": (P14, ".html", six_columns),
     "v12_infographic_title_separator": (P12, ".md", bar_separator)}

if __name__ == "__main__":
    out = Path(sys.argv[1])
    for v, (stem, ext, f) in V.items():
        d = out / v
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{stem}{ext}").write_text(f((SET / f"{stem}{ext}").read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copy(SET / f"{stem}.json", d / f"{stem}.json")
        print("wrote", d)
