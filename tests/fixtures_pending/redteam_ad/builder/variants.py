"""Black-box variants of some redteam_ad fixtures (not part of the set): each is a fixture with ONE new-media /
messaging artefact undone, to tell from the outside which artefact loses the cells or the metadata. The truth is
unchanged in every variant (the undone artefact never carried a cell value; for the struck-value variants the struck
old value is removed, the new value kept). Writes to argv[1] (default /tmp/redteam_ad_variants); score with
`PYTHONPATH=. .venv/bin/python scripts/redteam_score.py /tmp/redteam_ad_variants`."""
import re
import shutil
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent
OUT = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/redteam_ad_variants")

FUQ = "fj_county_city_gov_wechat_copied_text_cell_per_line_zwsp_emoji_fuqing_2020"
SIJ = "sh_town_gov_wechat_copied_text_xiazhuan_page_markers_zwsp_in_number_sijing_songjiang_2021"
WUJ = "js_district_bureau_email_reply_quoted_report_signature_other_body_wujiang_jyj_2021"
HUI = "js_district_gov_forwarded_email_double_quoted_flowed_wrap_huishan_wuxi_2019"
GUL = "js_district_gov_weibo_long_post_topics_mentions_rows_as_text_gulou_nanjing_2020"
SIM = "fj_district_office_md_strikethrough_corrections_gengzheng_note_siming_xiamen_2022"
QZ = "fj_city_gov_weibo_article_combining_strike_digits_gengzheng_quanzhou_2022"
HJ = "js_district_office_wechat_chat_quote_blocks_superseded_table4_hanjiang_yangzhou_2020"


def unquote(s):
    return re.sub(r"(?m)^(> ?)+", "", s)


def unflow(s):
    return re.sub(r" \n", " ", s)


def drop_old_t4(s):
    i = s.index("第二十条第（九）项")  # skip table 2
    a = s.index("行政复议", s.index("四、政府信息公开行政复议", i) + 12)
    b = s.index("孙主任", a)
    return s[:a] + s[b:]


V = [  # (variant stem, fixture stem, ext, transform)
    ("v01_fuqing_zwsp_removed", FUQ, "txt", lambda s: s.replace("\u200b", "")),
    ("v02_fuqing_pre_title_lines_removed", FUQ, "txt", lambda s: s.split("\n", 4)[4]),
    ("v03_fuqing_zwsp_and_pre_title_removed", FUQ, "txt", lambda s: s.split("\n", 4)[4].replace("\u200b", "")),
    ("v04_fuqing_heading_triangle_removed", FUQ, "txt", lambda s: re.sub(r"(?m)^▲", "", s)),
    ("v05_sijing_heading_check_removed", SIJ, "txt", lambda s: re.sub(r"(?m)^✅", "", s)),
    ("v06_wujiang_quote_prefix_removed", WUJ, "txt", unquote),
    ("v07_huishan_quote_prefix_removed", HUI, "txt", unquote),
    ("v08_huishan_unquoted_and_unwrapped", HUI, "txt", lambda s: unflow(unquote(s))),
    ("v09_gulou_applicant_names_removed", GUL, "txt",
     lambda s: re.sub(r"(自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计)(\d+)", r"\2", s)),
    ("v10_gulou_title_on_own_line", GUL, "txt",
     lambda s: s.replace("#政务公开# #鼓楼区2020年政府信息公开年报# 【", "【").replace("】 @南京发布", "】\n@南京发布")),
    ("v11_siming_struck_values_removed", SIM, "md", lambda s: re.sub(r"~~\d+~~ ", "", s)),
    ("v12_quanzhou_struck_digits_removed", QZ, "txt", lambda s: re.sub(r"(\d\u0336)+ ", "", s)),
    ("v13_hanjiang_old_table4_removed", HJ, "txt", drop_old_t4),
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
        print("wrote", stem)
