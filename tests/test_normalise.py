"""Tests for transforms.normalise: every pass on its own, with inputs that must NOT change, and
the whole pass over the sample corpus."""

from __future__ import annotations

import dataclasses
import re
import time
from pathlib import Path

import pytest

from transforms.normalise import (
    TRADITIONAL_THRESHOLD,
    TW_PHRASES,
    NormalisedText,
    canonical_width,
    collapse_cjk_whitespace,
    detect_script,
    normalise_text,
    remove_page_debris,
    remove_web_chrome,
    strip_markdown,
    to_simplified,
    traditional_ratio,
)

ROOT = Path(__file__).resolve().parents[1]
LANDING = ROOT / "warehouse" / "landing"
SAMPLES = sorted(LANDING.glob("*.txt"))


def _seed(prefix: str) -> str:
    """Text of the sample report whose file name starts with ``prefix``."""
    (path,) = [p for p in SAMPLES if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


# A digit-free paragraph of ~300 characters: page-sized gaps between debris in synthetic docs.
FILLER = "全县各级行政机关认真贯彻落实政府信息公开条例，坚持以公开为常态、不公开为例外。" * 8


def _paged(*pieces: str) -> str:
    """Join pieces with two filler paragraphs (~600 characters, one printed page) between them."""
    return "\n".join(p + FILLER + FILLER for p in pieces)


# ---------------------------------------------------------------------------------------------
# to_simplified
# ---------------------------------------------------------------------------------------------


def test_t2s_characters():
    assert to_simplified("鹽池縣人民政府辦公室") == "盐池县人民政府办公室"


@pytest.mark.parametrize(
    "traditional, expected",
    [
        ("最佳化營商環境", "优化营商环境"),
        ("加強網際網路政府信息公開平臺建設", "加强互联网政府信息公开平台建设"),
        ("通過政府入口網站向社會公開", "通过政府门户网站向社会公开"),
        ("設立「規範性檔案」專欄", "设立「规范性文件」专栏"),
        ("整理形成《行政規範性檔案彙編》", "整理形成《行政规范性文件汇编》"),
        ("解讀各類政策性檔案27個", "解读各类政策性文件27个"),
        ("公開政策檔案260件", "公开政策文件260件"),
        ("配備印表機和公開檔案存放專櫃", "配备打印机和公开文件存放专柜"),
        ("重大行政決策程式的要求", "重大行政决策程序的要求"),
        ("規範公開程式", "规范公开程序"),
        ("政務大廳各接待視窗", "政务大厅各接待窗口"),
        ("網路輿情", "网络舆情"),
        ("資訊公開", "信息公开"),
        ("回響迅速", "响应迅速"),
        ("公開職責和許可權", "公开职责和权限"),
        ("人民民眾的安全感", "人民群众的安全感"),
        ("機構職能、機構設定等信息", "机构职能、机构设置等信息"),
        ("數位政府", "数字政府"),
        ("軟體和硬體", "软件和硬件"),
        ("視訊會議", "视频会议"),
    ],
)
def test_taiwan_phrases_in_converted_reports(traditional, expected):
    assert to_simplified(traditional, source_script="traditional") == expected


@pytest.mark.parametrize(
    "traditional, expected",
    [
        ("檔案館新接收進館檔案997卷", "档案馆新接收进馆档案997卷"),  # archives stay archives
        ("縣檔案局", "县档案局"),
        ("幹部人事檔案審核", "干部人事档案审核"),
        ("檔案工作", "档案工作"),
        ("方程式", "方程式"),  # mainland words containing 程式
        ("避免程式化", "避免程式化"),
        ("行政許可權", "行政许可权"),  # a real mainland term
        ("保留兩位小數位", "保留两位小数位"),
        ("軟體動物", "软体动物"),
        ("群眾", "群众"),  # plain t2s, 群众 is not touched
        ("邀請民眾代表", "邀请民众代表"),  # 民众 is fine mainland wording and stays
    ],
)
def test_taiwan_phrases_leave_real_words_alone(traditional, expected):
    assert to_simplified(traditional, source_script="traditional") == expected


def test_context_sensitive_phrases_only_for_traditional_sources():
    simplified = "政务资讯栏目引起强烈回响,档案存放规范,网路由运营商提供"
    assert to_simplified(simplified) == simplified
    # Unambiguous Taiwan words are undone whatever the source script.
    assert to_simplified("网站最佳化") == "网站优化"


def test_to_simplified_detects_script_when_not_given():
    assert to_simplified("加強網路安全，規範公開程式。") == "加强网络安全，规范公开程序。"


def test_to_simplified_is_identity_on_simplified_seed():
    text = canonical_width(_seed("002"))
    assert to_simplified(text) == text


def test_phrase_table_entries_are_well_formed():
    for pattern, repl, tier, _note in TW_PHRASES:
        assert tier in {"always", "traditional"}, pattern
        assert re.compile(pattern).sub(repl, "") == ""


# ---------------------------------------------------------------------------------------------
# traditional_ratio / detect_script
# ---------------------------------------------------------------------------------------------


def test_traditional_ratio_bounds():
    assert traditional_ratio("") == 0.0
    assert traditional_ratio("2019 abc") == 0.0
    assert traditional_ratio("政府信息公开工作年度报告") == 0.0
    assert traditional_ratio("著名") == 0.0  # t2s keeps 著名: not a traditional character here
    assert traditional_ratio("國會") == 1.0
    assert traditional_ratio("報告abc") == pytest.approx(0.5)


def test_detect_script_on_seeds():
    assert detect_script(_seed("001")) == "traditional"
    for prefix in ("000", "002", "003", "004"):
        assert detect_script(_seed(prefix)) == "simplified"
    assert traditional_ratio(_seed("001")) > 2 * TRADITIONAL_THRESHOLD


def test_detect_script_tolerates_a_few_variants():
    # One stray traditional character (OCR variant) in a simplified report is not a script.
    assert detect_script("本年增/滅" + "政府信息公开工作" * 10) == "simplified"


# ---------------------------------------------------------------------------------------------
# canonical_width
# ---------------------------------------------------------------------------------------------


def test_canonical_width_full_width_to_ascii():
    assert canonical_width("２０１９年，共５件（含ＡＢＣ）；占１００％！？：") == "2019年,共5件(含ABC);占100%!?:"


def test_canonical_width_keeps_chinese_punctuation():
    text = "一、总体情况。《条例》“五公开”〔2019〕【字体】"
    assert canonical_width(text) == text


def test_canonical_width_spaces_line_ends_and_controls():
    assert canonical_width("a\u3000b\xa0c\u200bd\ufeff") == "a b cd"
    assert canonical_width("一\r\n二\r三\n") == "一\n二\n三\n"
    assert canonical_width("政\x00府") == "政府"
    assert canonical_width("第一页\f第二页") == "第一页\n第二页"
    assert canonical_width("规章\t0\t0\t0\t\t") == "规章\t0\t0\t0\t\t"


def test_canonical_width_keeps_circled_numbers_as_markers():
    assert canonical_width("①加强②完善") == "(1)加强(2)完善"


# ---------------------------------------------------------------------------------------------
# strip_markdown
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "md, plain",
    [
        ("# 中卫市人民政府办公室", "中卫市人民政府办公室"),
        ("### **(一)扎实推进政府信息公开。**", "(一)扎实推进政府信息公开。"),
        ("## 一、总体情况 ##", "一、总体情况"),
        ("一是**聚焦热点领域**。", "一是聚焦热点领域。"),
        ("一是__机制更加健全__。", "一是机制更加健全。"),
        ("一是*提高站位*。", "一是提高站位。"),
        ("依托nx\\_zws平台", "依托nx_zws平台"),
        ("网站(<http://www.nxzw.gov.cn>)查阅", "网站(http://www.nxzw.gov.cn)查阅"),
        ("- (二)加强信息内容建设。", "(二)加强信息内容建设。"),
        ("- 2. 严格落实公开属性确认制度。", "2. 严格落实公开属性确认制度。"),
        ("* 加强培训", "加强培训"),
        ("有**职能机构、有分管领导", "有职能机构、有分管领导"),  # bold closed on another line
        ("详见[政府网站](http://x.gov.cn)", "详见政府网站(http://x.gov.cn)"),
    ],
)
def test_strip_markdown(md, plain):
    assert strip_markdown(md) == plain


@pytest.mark.parametrize(
    "text",
    [
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "| 规范性文件 | 5 | 5 | 5 |",
        "| | | | |",
        "规章\t0\t0\t0\t\t\t",
        "\t\t3. 危及\"三安全一稳定\"\t0\t0",
        "- 3 -",  # a page footer, not a bullet
        "7*24小时在线服务,3*5米展板",  # arithmetic, not emphasis
        "开展#政务公开#话题讨论",  # hashtag
        "#政务公开#话题",
        "2019年-2020年",
        "a_b_c 与 __init__",
    ],
)
def test_strip_markdown_leaves_alone(text):
    assert strip_markdown(text) == text


def test_strip_markdown_pipe_tables():
    md = "| 规章 | 0 |\n|------|:---:|\n| **合计** | 5 |\n| a \\| b | 1 |"
    assert strip_markdown(md) == "| 规章 | 0 |\n| 合计 | 5 |\n| a \\| b | 1 |"


def test_strip_markdown_horizontal_rule_dropped():
    assert strip_markdown("一、总体情况\n---\n二、主动公开") == "一、总体情况\n二、主动公开"


# ---------------------------------------------------------------------------------------------
# remove_page_debris
# ---------------------------------------------------------------------------------------------


def test_page_numbers_glued_into_words_are_removed():
    doc = _paged("推进管理、服2务公开,", "重大3建设项目,", "完善严5谨规范,", "不6断提升,", "办复率均7为百分之百,")
    out = remove_page_debris(doc)
    for word in ("服务公开", "重大建设项目", "严谨规范", "不断提升", "均为百分之百"):
        assert word in out
    assert not any(ch.isdigit() for ch in out)


def test_page_numbers_with_padding_spaces_are_removed():
    out = remove_page_debris(_paged("推进服 2 务公开", "重大 3 建设"))
    assert "服务公开" in out and "重大建设" in out


# Real numbers from the seed corpus and typical report wording. Each is embedded in a document
# that DOES contain a genuine page-number sequence, so the rule is active while they pass.
REAL_NUMBERS = [
    "共召开22次政府常务会议",
    "向1046人(次)档案利用者提供",
    "全年网上办理各类事项6.7万余件",
    "2019年,全县",
    "政务公开工作第3期",
    "开展督查共3次",
    "向县领导报送舆情信息7 期",
    "街道办等31家单位",
    "采用IPV6临时方案",
    "4-5 月份组织开展",
    "其中1个乡镇",
    "汇总12个乡镇",
    "累计查询12000余人次",
    "处理决定 52772 项",
    "办结率100%",
    "拨打110报警",
    "公开政策文件260件",
    "附件1关于",
    "排名全区第2位",
    "提高3倍",
    "连续3年",
    "开展1对1帮扶",
    "建设5G基站",
    "共发布各类信息15800余条",
    "24小时巡检",
    "邮编:755100",
]


@pytest.mark.parametrize("text", REAL_NUMBERS)
def test_real_numbers_survive(text):
    doc = _paged("服2务", "重大3建设", text, "严5谨", "不6断")
    out = remove_page_debris(doc)
    assert text in out
    assert "服务" in out and "重大建设" in out and "严谨" in out and "不断" in out


def test_table_rows_are_never_touched():
    rows = ["规章\t服2务\t0", "| 重大3建设 | 5 |", "行政许可\t246\t减 45\t52772"]
    doc = _paged(rows[0] + "\n", rows[1] + "\n", "严5谨", "不6断", rows[2] + "\n")
    out = remove_page_debris(doc).split("\n")
    for row in rows:
        assert row in out


def test_a_lone_candidate_is_kept():
    # One unit-less number between characters could be a real number: no sequence, no removal.
    doc = _paged("推进服2务公开")
    assert remove_page_debris(doc) == doc


def test_decreasing_numbers_are_not_a_page_sequence():
    doc = _paged("甲9乙", "丙5丁", "戊2己")
    assert remove_page_debris(doc) == doc


def test_numbers_too_close_together_are_not_pages():
    doc = "按照一2二三四五六七八九十3甲乙丙丁4戊己庚辛" + FILLER
    assert remove_page_debris(doc) == doc


@pytest.mark.parametrize(
    "footer", ["- 3 -", "— 12 —", "第 3 页 / 共 12 页", "第3页", "共12页 第3页", "3/12", "Page 3 of 12"]
)
def test_footer_lines_are_removed(footer):
    doc = f"一、总体情况\n{footer}\n二、主动公开"
    assert remove_page_debris(doc) == "一、总体情况\n二、主动公开"


def test_bare_page_number_lines_in_sequence_are_removed():
    doc = _paged("", "\n2\n", "\n3\n", "\n4\n")
    out = remove_page_debris(doc)
    assert not any(line.strip().isdigit() for line in out.split("\n"))


def test_number_only_lines_of_a_dumped_table_are_kept():
    doc = _paged("规章\n0\n2\n5\n", "规范性文件\n3\n4\n7\n")
    assert remove_page_debris(doc) == doc


# ---------------------------------------------------------------------------------------------
# remove_web_chrome
# ---------------------------------------------------------------------------------------------


def test_trailing_link_blocks_are_removed():
    body = "政务公开工作取得实效。"
    assert remove_web_chrome(f"{body}\n\n相关词条\n\n热门词条\n\n联络我们") == f"{body}\n"
    assert remove_web_chrome(f"{body}\n相關詞條\n政务公开 年度报告\n聯絡我們\n地址:县行政中心") == body
    assert remove_web_chrome(f"{body}\n联系我们\n电话:0955-1234567\n邮箱:a@b.cn") == body


@pytest.mark.parametrize(
    "chrome",
    [
        "当前位置:首页 > 政务公开 > 年度报告",
        "您现在的位置: 首页 >> 信息公开",
        "首页 > 政府信息公开 > 年度报告",
        "分享到: 微信 微博 QQ空间",
        "【字体:大 中 小】",
        "[ 打印本页 ] [ 关闭窗口 ]",
        "打印本页 | 关闭窗口",
        "【字體:大 中 小】 【列印本頁】 【關閉視窗】".replace("列印本頁", "打印本页"),
        "版权所有:中卫市人民政府办公室 宁ICP备05000000号",
        "浏览次数: 1234",
    ],
)
def test_chrome_lines_are_removed(chrome):
    doc = f"一、总体情况\n{chrome}\n二、主动公开"
    assert remove_web_chrome(doc) == "一、总体情况\n二、主动公开"


def test_font_widget_on_a_metadata_line_is_cut_not_the_line():
    out = remove_web_chrome("发布时间:2021-01-29 来源:县政府办 【字体:大 中 小】\n正文")
    assert out == "发布时间:2021-01-29 来源:县政府办 \n正文"


@pytest.mark.parametrize(
    "text",
    [
        "如有疑问,请联系我们的政务公开办公室。",
        "分享经验做法,推动工作开展。",
        "微信",  # a lone cell of a PDF table, not a share bar
        "中",
        "打印",
        "加强网站栏目建设,设置打印本页功能的说明见附件。",
        "规章\t相关词条\t0",
    ],
)
def test_chrome_rules_leave_body_alone(text):
    doc = f"一、总体情况\n{text}\n二、主动公开"
    assert remove_web_chrome(doc) == doc


def test_trailer_heading_followed_by_body_only_drops_the_heading():
    doc = "联系我们\n二、主动公开政府信息情况。本年度共发布信息1000条,其中政府网站发布800条,微信公众号发布200条。"
    assert remove_web_chrome(doc) == doc.split("\n", 1)[1]


# ---------------------------------------------------------------------------------------------
# collapse_cjk_whitespace
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spaced, collapsed",
    [
        ("中宁县 2019 年政府信息公开", "中宁县2019年政府信息公开"),
        ("共 5 件", "共5件"),
        ("33 个政 务新媒体", "33个政务新媒体"),
        ("余条, 其中, 政府网站", "余条,其中,政府网站"),
        ("(一) 主动公开方面", "(一)主动公开方面"),
        ("采购总金额 45996.82 万元", "采购总金额45996.82万元"),
        ("2019 年 1月 1 日", "2019年1月1日"),
        ("1. 属于国家秘密", "1.属于国家秘密"),
        ("  首尾空格  ", "首尾空格"),
        ("开展 “双随机” 抽查", "开展“双随机”抽查"),
    ],
)
def test_collapse_cjk_whitespace(spaced, collapsed):
    assert collapse_cjk_whitespace(spaced) == collapsed


@pytest.mark.parametrize(
    "text",
    [
        "3 2",
        "1, 2, 3",
        "100% 5",
        "TRS 互动平台",
        "行政许可\t246\t减 45\t52772\t\t",
        "| 信息内容 | 上一年 项目数量 | 本年增/减 |",
        "Windows Server",
    ],
)
def test_collapse_cjk_whitespace_leaves_alone(text):
    assert collapse_cjk_whitespace(text) == text


# ---------------------------------------------------------------------------------------------
# normalise_text
# ---------------------------------------------------------------------------------------------


def test_seed_001_traditional_web_text():
    result = normalise_text(_seed("001"))
    text = result.text
    assert result.source_script == "traditional"
    assert result.traditional_ratio > TRADITIONAL_THRESHOLD
    assert result.residual_traditional_ratio < 0.001
    for word in ("优化营商环境", "互联网", "门户网站", "规范性文件", "决策程序", "规范公开程序", "接待窗口",
                 "网络舆情", "打印机", "响应迅速", "职责和权限", "人民群众"):
        assert word in text, word
    for bad in ("最佳化", "网际网路", "入口网站", "规范性档案", "程式", "视窗", "网路", "印表机", "回响", "许可权"):
        assert bad not in text, bad
    # page numbers 2,3,5,6,7,11,12 glued into running text
    for fixed in ("服务“五公开”", "重大建设项目1174条", "不断提升", "严谨规范", "均为100%", "要求相比", "利益关系"):
        assert fixed in text, fixed
    for debris in ("服2务", "重大3建设", "不6断", "严5谨", "均7为", "要求11相比", "利益12关系"):
        assert debris not in text, debris
    # real numbers around them stay
    for real in ("召开政府常务会17次", "31家单位", "信息7期", "12000余人次", "2000余册", "120万元", "2008以来"):
        assert real in text, real
    # website chrome at the end is gone, the last body sentence is the last line
    for chrome in ("相关词条", "热门词条", "联络我们"):
        assert chrome not in text
    assert text.endswith("增强政务公开的实效性、时效性和针对性。")


def test_archives_stay_archives_in_a_converted_report():
    result = normalise_text("縣檔案館新接收進館檔案997卷。在政府入口網站設立「規範性檔案」專欄。" * 3)
    assert result.source_script == "traditional"
    assert "县档案馆新接收进馆档案997卷" in result.text
    assert "门户网站设立「规范性文件」专栏" in result.text


def test_seed_000_table_rows_pass_through():
    raw = _seed("000")
    out_lines = normalise_text(raw).text.split("\n")
    rows = [ln for ln in raw.split("\n") if "\t" in ln and "52772" in ln or ln.startswith("规章\t")]
    assert len(rows) == 2
    for row in rows:
        assert canonical_width(row) in out_lines


def test_seed_002_pipe_tables_survive():
    raw = _seed("002")
    out_lines = normalise_text(raw).text.split("\n")
    raw_rows = [ln for ln in raw.split("\n") if ln.startswith("|") and "---" not in ln]
    out_rows = [ln for ln in out_lines if ln.startswith("|")]
    assert out_rows == [canonical_width(r) for r in raw_rows]


def test_markdown_seed_is_clean():
    text = normalise_text(_seed("004")).text
    assert "#" not in text and "**" not in text and "<http" not in text
    assert "\n一、总体情况\n" in text


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_normalise_is_idempotent(path):
    once = normalise_text(path.read_text(encoding="utf-8")).text
    assert normalise_text(once).text == once


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_normalise_keeps_every_table_cell_count(path):
    raw = canonical_width(path.read_text(encoding="utf-8"))
    out = normalise_text(path.read_text(encoding="utf-8")).text
    assert sum(ln.count("\t") for ln in raw.split("\n")) == sum(ln.count("\t") for ln in out.split("\n"))


def test_normalised_text_is_frozen():
    result = normalise_text("中宁县 2019 年")
    assert isinstance(result, NormalisedText)
    assert result.text == "中宁县2019年"
    assert result.source_script == "simplified"
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]


def test_empty_input():
    result = normalise_text("")
    assert result == NormalisedText("", "simplified", 0.0, 0.0)


def test_whole_sample_corpus_normalises():
    # Speed is measured by the benchmarks, never asserted (tests run on busy machines).
    for p in SAMPLES:
        out = normalise_text(p.read_text(encoding="utf-8"))
        assert out.text and out.residual_traditional_ratio < 0.01


def test_page_debris_is_linear_on_garbage():
    # Thousands of unit-less numbers between characters (OCR noise) must not go quadratic: the
    # chain only looks back a bounded window. A generous hang guard, not a timing assertion.
    garbage = "".join(f"甲{i % 300 + 1}乙" for i in range(20000))
    start = time.perf_counter()
    remove_page_debris(garbage)
    assert time.perf_counter() - start < 60


def test_a_one_cell_per_line_table_keeps_its_ones_between_zeros():
    text = "2.其他法律行政法规禁止公开\n0\n1\n0\n0\n0\n0\n1\n3.危及“三安全一稳定”\n0"
    assert remove_page_debris(text) == text


# ---------------------------------------------------------------------------------------------
# Linear markdown passes: the same results as the regexes they replaced (issue 8, item 1)
# ---------------------------------------------------------------------------------------------

from transforms import normalise as _nm  # noqa: E402

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# The original (super-linear) patterns, kept here as the specification.
_OLD_DELIMITED = {
    "**": (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), _nm._BOLD_STAR_OPEN_RE, _nm._BOLD_STAR_CLOSE_RE, False),
    "__": (re.compile(f"(?<![A-Za-z0-9_])__(?=\\S)([^\\n]*?[{_CJK_CLASS}][^\\n]*?)(?<=\\S)__(?![A-Za-z0-9_])"),
           _nm._BOLD_UNDER_OPEN_RE, _nm._BOLD_UNDER_CLOSE_RE, True),
    "~~": (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), _nm._STRIKE_OPEN_RE, _nm._STRIKE_CLOSE_RE, False),
}


@pytest.mark.parametrize("marker", list(_OLD_DELIMITED))
def test_delimited_markup_matches_the_original_regex(marker):
    import random

    old, open_rx, close_rx, cjk = _OLD_DELIMITED[marker]
    rnd = random.Random(ord(marker[0]))
    alphabet = ["*", "*", "_", "_", "~", "a", "1", "中", " ", "\n", "\u3000", marker, marker]
    for _ in range(20_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert _nm._strip_delimited(s, marker, open_rx, close_rx, cjk) == old.sub(r"\1", s), repr(s)
    for s in ["**公开**", "**a **b**", "__粗体__", "__init__", "a__中__b", "___中__", "~~删除~~线", "****", "**中\n中**"]:
        assert _nm._strip_delimited(s, marker, open_rx, close_rx, cjk) == old.sub(r"\1", s), repr(s)


def test_heading_tail_matches_the_original_regex():
    import random

    old = re.compile(r"[ \t]+#+[ \t]*$")
    rnd = random.Random(5)
    for _ in range(20_000):
        s = "".join(rnd.choice(" \t#a中\n#") for _ in range(rnd.randint(0, 10)))
        assert _nm._strip_heading_tail(s) == old.sub("", s), repr(s)


def _old_link_text(m):
    label, url = m.group(1).strip(), m.group(2)
    return url if not label or label == url else f"{label}({url})"


def test_images_links_and_pipe_separators_match_the_original_regexes():
    import random

    image = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
    link = re.compile(r"\[([^\]\n]*)\]\(([^)\s]+)(?:\s+\"[^\"\n]*\")?\)")
    pipe_sep = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
    rnd = random.Random(8)
    alphabet = ["[", "]", "(", ")", "!", "a", "中", " ", "\n", '"', "](", "![", "\t"]
    for _ in range(20_000):
        s = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert _nm._strip_images(s) == image.sub("", s), repr(s)
        assert _nm._replace_links(s) == link.sub(_old_link_text, s), repr(s)
    for _ in range(20_000):
        s = "".join(rnd.choice(["|", "-", "-", ":", " ", "\t", "a", "\n"]) for _ in range(rnd.randint(0, 14)))
        assert bool(_nm._PIPE_SEPARATOR_RE.match(s)) == bool(pipe_sep.match(s)), repr(s)
    for s in ['[公开](http://a.b "题") x', "![图](a.png)[链](u)", "[u](u)", "[](u)", "[a] (u)", "| --- | :-: |"]:
        assert _nm._replace_links(_nm._strip_images(s)) == link.sub(_old_link_text, image.sub("", s))


@pytest.mark.parametrize("line", [
    "[a](" * 25_000,  # quadratic with the backtracking link regex
    "[" * 100_000,
    "![" * 50_000,
    "|" + " " * 100_000 + "x",  # pipe-separator regex: quadratic over the blank run
    "**公开 " * 20_600,  # 103 KB of unclosed ** (47 s with the lazy regex)
    "__中 " * 2_150,  # 8.6 KB of __中 runs (cubic with the old __bold__ regex)
    "~~公开 " * 20_000,
    "# 标题" + " " * 100_000 + "x",  # a heading with a long blank run and no closing #s
])
def test_hostile_markdown_lines_are_handled(line):
    out = strip_markdown(line)  # completes (linear); only markup characters may go, never text
    plain = re.compile(r"[*_~#\s]")
    assert plain.sub("", out) == plain.sub("", line)


# --- HTML character references and cell-per-line Word exports (red-team set H) -------------------

@pytest.mark.parametrize("ref", ["&nbsp;", "&ensp;", "&emsp;", "&#160;", "&#xA0;", "&#12288;", "&thinsp;"])
def test_character_references_left_in_text_become_spaces(ref):
    out = normalise_text(f"（一）予以公开{ref}7{ref}1{ref}0\n").text
    assert "&" not in out and "予以公开" in out and "7" in out and "1" in out


def test_unknown_entity_names_stay_as_printed():
    assert "&foo123;" in normalise_text("报告 &foo123; 结束\n").text


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n \n"])
def test_a_table_dumped_one_cell_per_line_keeps_every_lone_number(gap):
    cells = ["（一）予以公开", "1", "2", "3", "4", "5", "6", "7", "（二）部分公开", "3", "1", "0", "0", "0", "0", "4"]
    out = normalise_text(gap.join(cells) + "\n").text
    assert [ln for ln in out.split("\n") if ln.strip().isdigit()] == [c for c in cells if c.isdigit()]


def test_a_page_break_inside_a_table_printed_one_cell_per_line_keeps_the_cell_after_it():
    # pdfminer boxes: one cell per line, an empty line between; a page's footer and running header
    # fall between two cells of a row. They go, and the cell after them is no page number.
    cells = "\n\n".join(["二、上年结转政府信息公开申请数量", "0", "2", "0", "0", "0", "0"])
    doc = ("某县人民政府\n\n一、总体情况\n" + "正文。\n" * 30 + "- 2 -\n某县人民政府\n" + "正文。\n" * 30
           + cells + "\n第3页 共9页\n某县人民政府\n\n2\n\n（一）予以公开\n\n32\n")
    out = remove_page_debris(doc).split("\n")
    assert "第3页 共9页" not in out and "- 2 -" not in out
    assert [x for x in out[out.index("二、上年结转政府信息公开申请数量"):] if x.strip()][:9] == [
        "二、上年结转政府信息公开申请数量", "0", "2", "0", "0", "0", "0", "2", "（一）予以公开"]
