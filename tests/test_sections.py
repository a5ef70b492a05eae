"""Tests for transforms.sections: section splitting and template detection.

Input is simulated normalisation (OpenCC t2s + NFKC + crude removal of markdown markers), since
the real normaliser is written separately; the splitter must work on that canonical form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import opencc
import pytest

from transforms.labels import SECTION_TITLES
from transforms.sections import Section, SectionSplit, detect_template, split_sections

ROOT = Path(__file__).resolve().parents[1]
LANDING = ROOT / "warehouse" / "landing"
TRUTH = ROOT / "tests" / "fixtures" / "truth"
SAMPLES = sorted(p.stem for p in TRUTH.glob("*.json"))

_CC = opencc.OpenCC("t2s")


def norm(text: str) -> str:
    """Crude stand-in for transforms.normalise: t2s, NFKC, page breaks as line breaks, strip #/** markers."""
    text = unicodedata.normalize("NFKC", _CC.convert(text)).replace("\f", "\n")
    text = re.sub(r"(?m)^[ \t]*#+[ \t]*", "", text)
    return text.replace("**", "")


def nos(split: SectionSplit) -> list[int]:
    return [s.section_no for s in split.sections]


def by_no(split: SectionSplit) -> dict[int, Section]:
    return {s.section_no: s for s in split.sections}


def checks(split: SectionSplit) -> list[str]:
    return [c for c, _ in split.findings]


# Tables in the two layouts the normaliser leaves: TSV lines and markdown pipe rows.
TABLE2_2019 = "\n".join([
    "第二十条第(一)项\t\t\t",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t0\t0\t0",
    "规范性文件\t2\t2\t2",
    "第二十条第(五)项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政许可\t1\t0\t5",
    "第二十条第(九)项\t\t\t",
    "信息内容\t采购项目数量\t采购总金额\t",
    "政府集中采购\t0\t0\t",
])
TABLE3_2019 = "\n".join([
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t",
    "一、本年新收政府信息公开申请数量\t\t3\t0\t0\t0\t0\t0\t3",
    "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
    "三、本年度办理结果\t(一)予以公开\t3\t0\t0\t0\t0\t0\t3",
    "\t(六)其他处理\t\t0\t0\t0\t0\t0\t0\t0",
    "\t(七)总计\t\t3\t0\t0\t0\t0\t0\t3",
    "四、结转下年度继续办理\t\t0\t0\t0\t0\t0\t0\t0",
])
TABLE4 = "\n".join([
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
    "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0",
])
BODY = "本年度各项工作有序推进,信息公开质量持续提升。"


def report(headings: list[str | None] | None = None, bodies: dict[int, str] | None = None,
           preamble: str = "某县2020年政府信息公开工作年度报告\n\n根据条例规定编制本报告。") -> str:
    """A synthetic report: a preamble, then headings[i] followed by a body for section i+1.

    A heading of None drops that section (heading and body).
    """
    if headings is None:
        headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    default = {1: BODY, 2: TABLE2_2019, 3: TABLE3_2019, 4: TABLE4, 5: BODY, 6: "无。"}
    default.update(bodies or {})
    parts = [preamble]
    for n, h in enumerate(headings, start=1):
        if h is not None:
            parts += [h, default[n]]
    return "\n\n".join(parts) + "\n"


# ------------------------------------------------------------------------------------------
# Sample reports
# ------------------------------------------------------------------------------------------

def _sample(stem: str) -> tuple[str, dict]:
    """The sample's normalised text; a PDF or DOCX sample is read by its document reader."""
    src = next(LANDING.glob(f"{stem}.*"))
    if src.suffix == ".txt":
        raw = src.read_text(encoding="utf-8")
    else:
        from transforms.ingest.readers import read_document

        raw = read_document(src.read_bytes(), src.suffix)[0].text
    return norm(raw), json.loads((TRUTH / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_sections_present(stem):
    text, truth = _sample(stem)
    split = split_sections(text)
    assert sorted(nos(split)) == truth["sections_present"]
    assert split.missing == [n for n in range(1, 7) if n not in truth["sections_present"]]
    assert checks(split).count("section_missing") == len(split.missing)


@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_template(stem):
    text, truth = _sample(stem)
    assert detect_template(text) == truth["template"]
    assert detect_template(text, truth.get("year")) == truth["template"]


@pytest.mark.parametrize("stem", SAMPLES)
def test_sample_offsets_consistent(stem):
    text, _ = _sample(stem)
    split = split_sections(text)
    prev_end = None
    for s in split.sections:
        assert 0 <= s.start < s.end <= len(text)
        assert s.text and s.text in text[s.start:s.end]
        assert text[s.start:s.end].startswith(text[s.start:s.start + 1])
        assert s.title in text[s.start:s.end]
        if prev_end is not None:
            assert s.start >= prev_end
        prev_end = s.end
    # The preamble (title, legal basis) belongs to no section.
    assert split.sections[0].start > 0


def test_samples_glued_headings_split_title_from_body():
    # Any sample whose headings are glued to their text: title must stop where the body starts.
    found = 0
    for stem in SAMPLES:
        text, _ = _sample(stem)
        for s in split_sections(text).sections:
            line_end = text.find("\n", s.start)
            line = text[s.start:line_end if line_end != -1 else len(text)]
            if len(line) > 40:  # heading line carries body text
                found += 1
                assert s.title in SECTION_TITLES.values() or len(s.title) <= 20
                assert s.text.startswith(line[line.index(s.title) + len(s.title):].strip()[:10])
    assert found >= 2


def test_sample_tables_stay_inside_their_sections():
    for stem in SAMPLES:
        text, _ = _sample(stem)
        secs = by_no(split_sections(text))
        if 3 in secs:
            assert "结转下年度继续办理" in secs[3].text
        if 2 in secs:
            assert "第二十条第(一)项" in secs[2].text


# ------------------------------------------------------------------------------------------
# Title variants and numbering styles
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("no,title", [
    (1, "总体情况"), (1, "总体公开工作情况概述"), (1, "概述"), (1, "2020年政府信息公开工作总体情况"),
    (2, "主动公开政府信息情况"), (2, "主动公开政府信息的情况"),
    (3, "收到和处理政府信息公开申请情况"), (3, "依申请公开政府信息情况"),
    (4, "政府信息公开行政复议、行政诉讼情况"), (4, "政府信息公开行政复议和行政诉讼情况"),
    (4, "行政复议、行政诉讼情况"),
    (5, "存在的主要问题及改进情况"), (5, "存在主要问题及改进情况"), (5, "存在的主要问题及整改措施"),
    (5, "政府信息公开工作存在的主要问题及改进情况"), (5, "存在的问题和改进措施"),
    (6, "其他需要报告的事项"), (6, "其他需要报告的情况"),
])
def test_title_variants(no, title):
    headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[no - 1] = f"{'一二三四五六'[no - 1]}、{title}"
    split = split_sections(report(headings))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[no].title == title
    assert split.findings == []


@pytest.mark.parametrize("sep", ["、", ".", "．", " ", "  ", ". ", ",", ":"])
def test_numbering_separators(sep):
    headings = [norm(f"{'一二三四五六'[n - 1]}{sep}{SECTION_TITLES[n]}") for n in SECTION_TITLES]
    split = split_sections(report(headings))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert [s.title for s in split.sections] == list(SECTION_TITLES.values())


def test_missing_numbering_clear_title_lines():
    split = split_sections(report(list(SECTION_TITLES.values())))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert split.missing == []


def test_numbering_with_part_prefix():
    headings = [f"第{'一二三四五六'[n - 1]}部分 {SECTION_TITLES[n]}" for n in SECTION_TITLES]
    assert nos(split_sections(report(headings))) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("no,heading,title", [
    (1, "一、总体情况和工作亮点", "总体情况和工作亮点"),
    (4, "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼情况"),
    (6, "六、其他", "其他"),
])
def test_reworded_numbered_headings(no, heading, title):
    headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[no - 1] = heading
    split = split_sections(report(headings))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[no].title == title


def test_heading_with_unit_note():
    headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[1] = "二、主动公开政府信息情况(单位:件)"
    split = split_sections(report(headings))
    assert by_no(split)[2].title == "主动公开政府信息情况"
    assert by_no(split)[2].text.startswith("(单位:件)")


def test_ocr_spaced_table3_labels_are_not_headings():
    plain = "三、本年 度办 理结果\n(一)予以公开 3\n四、结转 下年度继续办理 0"
    split = split_sections(report(bodies={3: plain}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert split.findings == []


def test_reworded_numbered_heading_is_accepted():
    headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[4] = "五、工作中的不足和下一步打算"
    split = split_sections(report(headings))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[5].title == "工作中的不足和下一步打算"


# ------------------------------------------------------------------------------------------
# Heading shapes
# ------------------------------------------------------------------------------------------

def test_heading_glued_to_text():
    text = report(["一、总体情况2020年,盐池县持续推进政务公开。", None, None, None,
                   "五、存在的主要问题及改进情况2020 年,我县仍存在不足。", None],
                  bodies={1: "(一)主动公开。全年发布信息。", 5: "下一步将加强培训。"})
    split = split_sections(text)
    assert nos(split) == [1, 5]
    s1, s5 = by_no(split)[1], by_no(split)[5]
    assert s1.title == "总体情况"
    assert s1.text.startswith("2020年,盐池县")
    assert "(一)主动公开" in s1.text
    assert s5.title == "存在的主要问题及改进情况"
    assert s5.text.startswith("2020 年,我县")
    assert split.missing == [2, 3, 4, 6]


def test_glued_longest_title_wins():
    split = split_sections(report(["一、总体公开工作情况概述2019年全乡工作稳步推进。"] + [None] * 5))
    s = split.sections[0]
    assert s.title == "总体公开工作情况概述"
    assert s.text.startswith("2019年全乡")


def test_markdown_headings_after_normalisation():
    raw = report(["## 一、总体情况", "## **二、主动公开政府信息情况**", "### 三、收到和处理政府信息公开申请情况",
                  "#### 四、政府信息公开行政复议、行政诉讼情况", "**五、存在的主要问题及改进情况**",
                  "## 六、其他需要报告的事项"])
    split = split_sections(norm(raw))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[2].title == "主动公开政府信息情况"


def test_leftover_markdown_markers_tolerated():
    # If the normaliser ever leaves markers behind, headings are still found.
    raw = report(["## 一、总体情况", "**二、主动公开政府信息情况**", "### 三、收到和处理政府信息公开申请情况",
                  "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"])
    split = split_sections(raw)
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[2].title == "主动公开政府信息情况"


def test_heading_preceded_by_spaces():
    headings = [f"    {'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[0] = "\u3000\u3000一、总体情况"
    split = split_sections(norm(report(headings)))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    text = norm(report(headings))
    for s in split.sections:
        assert text[s.start] in "一二三四五六"


def test_heading_trailing_punctuation_not_in_title():
    split = split_sections(report(["一、总体情况:", "二、主动公开政府信息情况。", None, None, None, None]))
    assert [s.title for s in split.sections] == ["总体情况", "主动公开政府信息情况"]


def test_traditional_input_after_normalisation():
    raw = report(["一、總體情況", "二、主動公開政府信息情況", "三、收到和處理政府信息公開申請情況",
                  "四、政府信息公開行政復議、行政訴訟情況", "五、存在的主要問題及改進情況", "六、其他需要報告的事項"])
    assert nos(split_sections(norm(raw))) == [1, 2, 3, 4, 5, 6]


# ------------------------------------------------------------------------------------------
# Offsets and text
# ------------------------------------------------------------------------------------------

def test_offsets_and_bodies():
    text = report()
    split = split_sections(text)
    for k, s in enumerate(split.sections):
        assert text[s.start:].startswith(f"{'一二三四五六'[k]}、{s.title}")
        assert s.text == text[s.start:s.end].split("\n", 1)[1].strip("\n")
        if k + 1 < len(split.sections):
            assert s.end == split.sections[k + 1].start
    assert split.sections[-1].end == len(text)
    assert by_no(split)[6].text == "无。"


def test_preamble_is_not_a_section():
    text = report()
    split = split_sections(text)
    assert split.sections[0].start == text.index("一、总体情况")
    assert all("根据条例规定" not in s.text for s in split.sections)


def test_no_headings_at_all():
    split = split_sections("某单位2020年工作总结\n\n全年工作平稳。\n")
    assert split.sections == []
    assert split.missing == [1, 2, 3, 4, 5, 6]
    assert checks(split) == ["section_missing"] * 6


def test_body_keeps_empty_leading_and_trailing_table_cells():
    table = "\t\t自然人\t法人\n一、本年新收政府信息公开申请数量\t1\t0\t\t"
    split = split_sections(report(bodies={3: table}))
    assert by_no(split)[3].text == table


def test_empty_text():
    split = split_sections("")
    assert split.sections == [] and split.missing == [1, 2, 3, 4, 5, 6]


# ------------------------------------------------------------------------------------------
# Missing sections
# ------------------------------------------------------------------------------------------

def test_missing_sections_recorded_with_number_and_title():
    split = split_sections(report(["一、总体情况", "二、主动公开政府信息情况", None,
                                   "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", None]))
    assert nos(split) == [1, 2, 4, 5]
    assert split.missing == [3, 6]
    msgs = [m for c, m in split.findings if c == "section_missing"]
    assert len(msgs) == 2
    assert "3" in msgs[0] and SECTION_TITLES[3] in msgs[0]
    assert "6" in msgs[1] and SECTION_TITLES[6] in msgs[1]


def test_missing_section_body_goes_to_previous_section():
    text = report(["一、总体情况", "二、主动公开政府信息情况", None, None, None, None],
                  bodies={2: TABLE2_2019 + "\n\n" + TABLE3_2019})
    split = split_sections(text)
    assert nos(split) == [1, 2]
    assert "结转下年度继续办理" in by_no(split)[2].text


def test_empty_section_finding():
    text = "报告\n一、总体情况\n二、主动公开政府信息情况\n" + TABLE2_2019 + "\n"
    split = split_sections(text)
    assert nos(split) == [1, 2]
    assert ("section_empty" in checks(split))
    assert by_no(split)[1].text == ""


# ------------------------------------------------------------------------------------------
# Things that must NOT be headings
# ------------------------------------------------------------------------------------------

def test_table3_row_labels_are_not_headings_even_without_tabs():
    # PDF text extraction can lose the tabs: the row labels then stand alone on lines.
    plain_table3 = "\n".join(["一、本年新收政府信息公开申请数量 3", "二、上年结转政府信息公开申请数量 0",
                              "三、本年度办理结果", "(一)予以公开 3", "(六)其他处理 0", "四、结转下年度继续办理 0"])
    split = split_sections(report(bodies={3: plain_table3}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "四、结转下年度继续办理" in by_no(split)[3].text
    assert split.findings == []


def test_table2_article_lines_are_not_headings():
    plain_table2 = "第二十条第(一)项\n信息内容 本年新制作数量\n规章 0\n第二十条第(五)项\n行政许可 1"
    split = split_sections(report(bodies={2: plain_table2}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "第二十条第(五)项" in by_no(split)[2].text


def test_parenthesised_subheadings_are_not_headings():
    body1 = "\n".join(["概述全年工作。", "(一)主动公开政府信息情况", "发布信息100条。", "(二)依申请公开情况",
                       "受理申请3件。", "(三)政府信息管理情况", "(五)存在的主要问题及改进情况"])
    split = split_sections(report(bodies={1: body1}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "(二)依申请公开情况" in by_no(split)[1].text
    assert split.findings == []


def test_yi_shi_paragraphs_are_not_headings():
    body5 = "一是主动公开情况不够全面。\n二是依申请公开办理不够规范。\n三是其他需要报告的事项较少。"
    split = split_sections(report(bodies={5: body5}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[5].text == body5


def test_sentence_mentioning_titles_is_not_a_heading():
    pre = ("某县2020年政府信息公开工作年度报告\n\n本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
           "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。\n"
           "总体情况、主动公开政府信息情况等内容详见下文。")
    text = report(preamble=pre)
    split = split_sections(text)
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert split.sections[0].start == text.index("一、总体情况")
    assert split.findings == []


def test_sentence_starting_with_title_is_not_a_heading_without_numbering():
    body1 = "全年工作平稳。\n主动公开政府信息情况良好,全年发布信息100条。"
    split = split_sections(report([None, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                   "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                   "六、其他需要报告的事项"], preamble="报告\n" + body1))
    assert nos(split) == [2, 3, 4, 5, 6]
    assert split.sections[0].text.startswith("第二十条")


def test_numbering_restarting_inside_tsv_table_is_ignored():
    # Tables carrying section-like rows: a tab makes any line a table row.
    table = "一、总体情况\t1\t2\n二、主动公开政府信息情况\t3\t4\n五、存在的主要问题及改进情况\t0"
    split = split_sections(report(bodies={3: TABLE3_2019 + "\n" + table}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert table in by_no(split)[3].text
    assert split.findings == []


def test_numbering_restarting_inside_pipe_table_is_ignored():
    pipe = "\n".join(["| 一、本年新收政府信息公开申请数量 | 4 |", "|---|---|", "| 二、上年结转政府信息公开申请数量 | 0 |",
                      "| 四、政府信息公开行政复议、行政诉讼情况 | 0 |", "  | 五、存在的主要问题及改进情况 | |"])
    split = split_sections(report(bodies={3: pipe}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert pipe.strip() in by_no(split)[3].text


def test_arabic_numbered_subitem_does_not_beat_real_heading():
    body1 = "全年工作平稳。\n1.总体情况\n说明。\n2.主动公开情况\n发布信息100条。"
    split = split_sections(report(bodies={1: body1}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "2.主动公开情况" in by_no(split)[1].text
    assert by_no(split)[2].text.startswith("第二十条")


def test_chinese_numbered_subitems_inside_section_one_do_not_steal_sections():
    # Some reports number the sub-items of section 1 with 一、二、 and reuse section-like words.
    body1 = "\n".join(["全年工作平稳。", "一、主动公开情况", "发布信息100条。", "二、依申请公开情况",
                       "受理申请3件。", "三、政府信息管理", "完善制度。"])
    split = split_sections(report(bodies={1: body1}))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "二、依申请公开情况" in by_no(split)[1].text
    assert by_no(split)[2].text.startswith("第二十条")
    assert by_no(split)[3].text.startswith("(本列数据")


# ------------------------------------------------------------------------------------------
# Order anomalies
# ------------------------------------------------------------------------------------------

def test_sections_out_of_order_keep_document_order():
    text = "\n\n".join(["报告", "一、总体情况", BODY, "二、主动公开政府信息情况", TABLE2_2019,
                        "四、政府信息公开行政复议、行政诉讼情况", TABLE4,
                        "三、收到和处理政府信息公开申请情况", TABLE3_2019,
                        "五、存在的主要问题及改进情况", BODY, "六、其他需要报告的事项", "无。"])
    split = split_sections(text)
    assert nos(split) == [1, 2, 4, 3, 5, 6]
    assert split.missing == []
    assert "section_out_of_order" in checks(split)
    assert by_no(split)[4].text == TABLE4
    assert by_no(split)[3].text == TABLE3_2019


def test_duplicated_heading_keeps_first_and_reports():
    text = report(bodies={5: BODY + "\n\n五、存在的主要问题及改进情况\n" + "重复的内容。"})
    split = split_sections(text)
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert "重复的内容" in by_no(split)[5].text
    assert checks(split) == ["section_duplicate"]


def test_table_of_contents_is_skipped():
    toc = "目录\n" + "\n".join(f"{'一二三四五六'[n - 1]}、{t}" for n, t in SECTION_TITLES.items())
    text = report(preamble="某县2020年政府信息公开工作年度报告\n\n" + toc)
    split = split_sections(text)
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert by_no(split)[1].text == BODY
    assert by_no(split)[2].text == TABLE2_2019
    assert split.missing == []


def test_wrong_printed_number_is_reported():
    headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" for n in SECTION_TITLES]
    headings[5] = "八、其他需要报告的事项"
    split = split_sections(report(headings))
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    assert checks(split) == ["section_number_mismatch"]


# ------------------------------------------------------------------------------------------
# Legacy (pre-2019) reports: best effort mapping onto sections 1-6
# ------------------------------------------------------------------------------------------

LEGACY = "\n\n".join([
    "某市人民政府2015年政府信息公开工作年度报告",
    "一、概述", "本年度政府信息公开工作平稳推进。",
    "二、主动公开政府信息的情况", "全年主动公开政府信息1200条。",
    "三、依申请公开政府信息和不予公开政府信息的情况", "全年受理申请15件。",
    "四、政府信息公开的收费及减免情况", "未收取任何费用。",
    "五、因政府信息公开申请行政复议、提起行政诉讼的情况", "未发生行政复议。",
    "六、政府信息公开工作存在的主要问题及改进情况", "存在的问题是公开不够及时。",
    "七、其他需要报告的事项", "无。",
])


def test_legacy_sections_mapped():
    split = split_sections(LEGACY)
    assert nos(split) == [1, 2, 3, 4, 5, 6]
    secs = by_no(split)
    assert secs[4].title == "因政府信息公开申请行政复议、提起行政诉讼的情况"
    assert "未收取任何费用" in secs[3].text  # fee section has no slot: merged into section 3
    assert secs[6].text == "无。"
    assert split.findings == []  # legacy numbering (五、六、七) is not a mismatch


def test_legacy_template_detected():
    assert detect_template(LEGACY) == "legacy"
    assert detect_template(LEGACY, 2015) == "legacy"


# ------------------------------------------------------------------------------------------
# Template detection
# ------------------------------------------------------------------------------------------

TABLE2_2021 = "\n".join([
    "第二十条第(一)项\t\t\t",
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
    "规章\t0\t0\t0",
    "第二十条第(五)项\t\t",
    "信息内容\t本年处理决定数量",
    "行政许可\t10",
    "第二十条第(八)项\t",
    "信息内容\t本年收费金额(单位:万元)",
    "行政事业性收费\t0",
])
TABLE3_2021 = "\n".join([
    "三、本年度办理结果\t(一)予以公开\t3\t0\t0\t0\t0\t0\t3",
    "\t(六)其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
    "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0",
    "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0",
])


def test_template_2019():
    assert detect_template(report()) == "2019"


def test_template_2021():
    text = report(bodies={2: TABLE2_2021, 3: TABLE3_2021}, preamble="某县2021年政府信息公开工作年度报告")
    assert detect_template(text) == "2021"
    assert detect_template(text, 2022) == "2021"


def test_template_2021_table3_alone():
    assert detect_template(report(bodies={2: "无表格。", 3: TABLE3_2021}, preamble="报告")) == "2021"


def test_template_2021_pipe_tables():
    pipe = "\n".join("| " + " | ".join(line.split("\t")) + " |" for line in TABLE2_2021.split("\n"))
    assert detect_template(report(bodies={2: pipe, 3: "略"}, preamble="报告")) == "2021"


def test_template_2019_wording_wins_over_later_year():
    text = report(preamble="某县2022年政府信息公开工作年度报告")
    assert detect_template(text, 2022) == "2019"


def test_template_2019_ocr_garbled_and_split_cells():
    garbled = "\n".join([
        "信息内容\t上一年 项目数量\t本年増/滅\t处理决定数量",
        "行政许可\t246\t减 45\t52772",
        "信息内容\t本年新制作 数量\t本年新公开数量\t对外公开 总数量",
    ])
    assert detect_template("报告\n" + garbled) == "2019"


def test_template_2019_from_circular_reference_only():
    text = "按照(国办公开办函〔2019〕60号)要求编制本报告。\n一、总体情况\n全年工作平稳。"
    assert detect_template(text, 2023) == "2019"


def test_template_legacy_by_year_when_no_wording():
    text = "某县政府信息公开工作年度报告\n一、概述\n工作平稳。"
    assert detect_template(text, 2016) == "legacy"
    assert detect_template(text) == "unknown"


def test_template_year_from_title_when_no_tables():
    assert detect_template("某县2017年政府信息公开工作年度报告\n一、概述\n工作平稳。") == "legacy"
    assert detect_template("某县2020年政府信息公开工作年度报告\n一、总体情况\n工作平稳。") == "2019"
    assert detect_template("某县2023年政府信息公开工作年度报告\n一、总体情况\n工作平稳。") == "unknown"


def test_template_explicit_year_overrides_title_year():
    assert detect_template("某县2020年政府信息公开工作年度报告\n一、总体情况\n工作平稳。", 2016) == "legacy"


def test_template_unknown_without_clues():
    assert detect_template("一、总体情况\n全年工作平稳。\n五、存在的主要问题及改进情况\n不足。") == "unknown"
    assert detect_template("") == "unknown"


def test_template_procurement_word_in_body_alone_is_not_2019():
    # 政府集中采购 is common narrative wording in any era; it must not decide the template.
    assert detect_template("全年公开政府集中采购信息20条。") == "unknown"


# ------------------------------------------------------------------------------------------
# Exhaustive: every subset of present sections, with glued and unglued headings
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("glued", [False, True])
def test_every_subset_of_sections(glued):
    import itertools

    for r in range(0, 7):
        for present in itertools.combinations(range(1, 7), r):
            headings = [f"{'一二三四五六'[n - 1]}、{SECTION_TITLES[n]}" if n in present else None
                        for n in SECTION_TITLES]
            if glued:
                headings = [h + "本年度工作概况如下。" if h and h[0] in "一五六" else h for h in headings]
            split = split_sections(report(headings))
            assert nos(split) == list(present), present
            assert split.missing == [n for n in range(1, 7) if n not in present]
            assert [c for c in checks(split) if c != "section_missing"] == [], present


def test_sample_001_glued_headings():
    text, _ = _sample("001_a559ec8aedc07929")
    secs = by_no(split_sections(text))
    assert secs[1].title == "总体情况" and secs[1].text.startswith("2020 年,盐池县")
    assert secs[5].title == "存在的主要问题及改进情况" and secs[5].text.startswith("2020 年,我县")


def test_sample_004_markdown_headings():
    text, _ = _sample("004_9818ec0089dec13d")
    split = split_sections(text)
    assert [s.title for s in split.sections] == [
        "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况", "存在主要问题及改进情况", "其他需要报告的事项"]
    assert split.findings == []


def test_table4_header_row_read_as_one_line_is_no_second_heading():
    # a PDF table 4 drawn without rulings: its top header row 行政复议 | 行政诉讼 becomes one text line
    from transforms.sections import split_sections

    t = ("一、总体情况\n正文。\n二、主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况\n表\n"
         "四、政府信息公开行政复议、行政诉讼情况\n行政复议行政诉讼\n结果维持 结果纠正\n1 2\n"
         "五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n")
    assert not [f for f in split_sections(t).findings if f[0] == "section_duplicate"]


def test_bracketed_numerals_head_sections_only_as_full_titles_alone_on_their_line():
    # a report numbering its six sections （一）…（六） (red-team Y); its sub-items （一）主动公开情况。… are no headings
    text = ("某区2022年政府信息公开工作年度报告\n（一）总体情况\n（一）主动公开情况。全年主动公开政府信息100条。\n"
            "（二）主动公开政府信息情况\n正文二。\n（三）收到和处理政府信息公开申请情况\n正文三。\n"
            "（四）政府信息公开行政复议、行政诉讼情况\n正文四。\n（五）存在的主要问题及改进情况\n正文五。\n"
            "（六）其他需要报告的事项\n正文六。\n")
    got = split_sections(text)
    assert [s.section_no for s in got.sections] == [1, 2, 3, 4, 5, 6]
    assert "主动公开政府信息100条" in got.sections[0].text
    # without the section's own title, a bracketed line with its text glued on heads nothing
    sub = "一、总体情况\n（一）主动公开情况。全年主动公开政府信息100条。\n二、收到和处理政府信息公开申请情况\n正文。\n"
    assert [s.section_no for s in split_sections(sub).sections] == [1, 3]
