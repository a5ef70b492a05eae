"""Report metadata: made-up reports of every kind of agency, plus the five landing samples."""

from __future__ import annotations

import datetime
import json
import unicodedata
from pathlib import Path

import opencc
import pytest

from transforms.metadata import ReportMetadata, detect_report_year, extract_metadata

ROOT = Path(__file__).resolve().parents[1]
BODY = "\n\n一、总体情况\n\n本年度,本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n"


def report(head: str, tail: str = "") -> str:
    return head + BODY + tail


@pytest.mark.parametrize(
    "head, agency, level, region",
    [
        ("中宁县2019年政府信息公开工作年度报告", "中宁县人民政府", "county", ("宁夏回族自治区", "中卫市", "中宁县", None)),
        ("中卫市 2020 年政府信息公开工作年度报告", "中卫市人民政府", "prefecture", ("宁夏回族自治区", "中卫市", None, None)),
        ("宁夏回族自治区2020年政府信息公开工作年度报告", "宁夏回族自治区人民政府", "province",
         ("宁夏回族自治区", None, None, None)),
        ("宁夏2020年政府信息公开工作年度报告", "宁夏回族自治区人民政府", "province", ("宁夏回族自治区", None, None, None)),
        ("宁夏回族自治区人民政府办公厅2020年政府信息公开工作年度报告", "宁夏回族自治区人民政府办公厅", "department",
         ("宁夏回族自治区", None, None, None)),
        ("中卫市教育局2021年政府信息公开工作年度报告", "中卫市教育局", "department", ("宁夏回族自治区", "中卫市", None, None)),
        ("永宁县胜利乡人民政府 2019 年政府信息公开工作年度报告", "永宁县胜利乡人民政府", "township",
         ("宁夏回族自治区", "银川市", "永宁县", "胜利乡")),
        ("永宁县胜利乡2019年政府信息公开工作年度报告", "永宁县胜利乡人民政府", "township",
         ("宁夏回族自治区", "银川市", "永宁县", "胜利乡")),
        ("国家发展和改革委员会2019年政府信息公开工作年度报告", "国家发展和改革委员会", "department", (None,) * 4),
        ("教育部2020年政府信息公开工作年度报告", "教育部", "department", (None,) * 4),
        ("浙江省财政厅2021年政府信息公开工作年度报告", "浙江省财政厅", "department", ("浙江省", None, None, None)),
        ("北京市朝阳区人民政府2020年政府信息公开工作年度报告", "北京市朝阳区人民政府", "county",
         ("北京市", None, "朝阳区", None)),
        ("北京市朝阳区建外街道办事处2020年政府信息公开工作年度报告", "北京市朝阳区建外街道办事处", "township",
         ("北京市", None, "朝阳区", "建外街道")),
        ("杭州市西湖区北山街道2021年政府信息公开工作年度报告", "杭州市西湖区北山街道办事处", "township",
         ("浙江省", "杭州市", "西湖区", "北山街道")),
        ("广州市天河区人民政府办公室2019年度政府信息公开工作报告", "广州市天河区人民政府办公室", "department",
         ("广东省", "广州市", "天河区", None)),
        ("长沙县政府2019年政府信息公开工作年度报告", "长沙县人民政府", "county", ("湖南省", "长沙市", "长沙县", None)),
        ("西安市政府办公厅2019年政府信息公开工作年度报告", "西安市人民政府办公厅", "department",
         ("陕西省", "西安市", None, None)),
        ("仙桃市人民政府2020年政府信息公开工作年度报告", "仙桃市人民政府", "county", ("湖北省", None, "仙桃市", None)),
        ("# 2019年深圳市南山区政府信息公开工作年度报告", "深圳市南山区人民政府", "county",
         ("广东省", "深圳市", "南山区", None)),
        ("东莞市虎门镇人民政府2020年政府信息公开工作年度报告", "东莞市虎门镇人民政府", "township",
         ("广东省", "东莞市", None, "虎门镇")),
        ("某某县城关镇人民政府2019年政府信息公开工作年度报告", "某某县城关镇人民政府", "township", (None,) * 4),
        ("永宁县卫生健康局2019年政府信息公开工作年度报告", "永宁县卫生健康局", "department",
         ("宁夏回族自治区", "银川市", "永宁县", None)),
    ],
)
def test_agency_level_and_region(head, agency, level, region):
    meta = extract_metadata(report(head))
    assert meta.agency_name == agency
    assert meta.admin_level == level
    assert (meta.region_province, meta.region_city, meta.region_county, meta.region_township) == region


def test_title_split_over_two_lines():
    meta = extract_metadata(report("同心县人民政府办公室\n\n2019 年政府信息公开工作年度报告"))
    assert meta.title == "同心县人民政府办公室2019年政府信息公开工作年度报告"
    assert meta.agency_name == "同心县人民政府办公室"
    assert meta.report_year == 2019


def test_ambiguous_county_settled_by_the_body():
    text = "朝阳区人民政府2020年政府信息公开工作年度报告\n\n2020年,北京市朝阳区深入推进政务公开。" + BODY
    meta = extract_metadata(text)
    assert (meta.region_province, meta.region_county) == ("北京市", "朝阳区")


def test_ambiguous_county_without_context_is_left_open():
    meta = extract_metadata(report("朝阳区人民政府2020年政府信息公开工作年度报告"))
    assert meta.agency_name == "朝阳区人民政府"
    assert meta.admin_level == "county"
    assert meta.region_province is None and meta.region_county is None


def test_county_wide_report_keeps_the_title_agency():
    text = report("中宁县 2019 年政府信息公开工作年度报告\n\n本报告由中宁县人民政府办公室汇总编制。")
    assert extract_metadata(text).agency_name == "中宁县人民政府"


def test_agency_from_the_quoted_title_when_the_title_lacks_it():
    head = "2019年政府信息公开工作年度报告\n\n根据条例,《某某市统计局2019年政府信息公开工作年度报告》现予公布。"
    meta = extract_metadata(report(head))
    assert meta.agency_name == "某某市统计局"
    assert meta.admin_level == "department"


def test_agency_from_the_signature_when_nothing_else_names_it():
    meta = extract_metadata(report("2019年政府信息公开工作年度报告", "\n\n中卫市生态环境局\n\n2020年1月20日\n"))
    assert meta.agency_name == "中卫市生态环境局"
    assert meta.published_date == datetime.date(2020, 1, 20)


@pytest.mark.parametrize(
    "head, year",
    [
        ("中宁县2019年政府信息公开工作年度报告", 2019),
        ("某某市 2019 年度政府信息公开工作报告", 2019),
        ("# 某某县人民政府 2018年 政府信息公开工作年度报告", 2018),
        ("2021年某某市政府信息公开工作年度报告", 2021),
        ("某某县二〇一九年政府信息公开工作年度报告", 2019),
        ("某某县2020年政府信息公开工作年度报告\n某某县2020年政府信息公开工作年度报告", 2020),
        ("某某区政务公开2022年度工作报告", 2022),
        ("某某区1998年政府信息公开工作年度报告", None),  # before the regulation: no guess
    ],
)
def test_report_year_from_title(head, year):
    assert detect_report_year(report(head)) == year


def test_report_year_published_next_year_is_still_the_covered_year():
    text = report("某某县2020年政府信息公开工作年度报告", "\n\n某某县人民政府\n\n2021年1月15日\n")
    meta = extract_metadata(text)
    assert meta.report_year == 2020
    assert meta.published_date == datetime.date(2021, 1, 15)


def test_report_year_from_statistics_period():
    text = "政府信息公开工作年度报告\n\n本报告所列数据统计期限为 2019 年 1 月 1 日至 2019 年 12 月 31 日。" + BODY
    assert detect_report_year(text) == 2019


def test_report_year_from_opening_lines():
    text = "政府信息公开工作年度报告\n\n2018年,本县深入推进政务公开。\n2018年全县共公开信息3000条。" + BODY
    assert detect_report_year(text) == 2018


def test_report_year_none_when_unclear():
    text = "政府信息公开工作年度报告\n\n2018年开始建设平台,2019年完成。" + BODY
    assert detect_report_year(text) is None


@pytest.mark.parametrize(
    "tail, date",
    [
        ("\n\n某某县人民政府办公室\n\n2021年1月29日\n\n(此件公开发布)", datetime.date(2021, 1, 29)),
        ("\n\n某某县人民政府\n2021 年 2 月 3 日", datetime.date(2021, 2, 3)),
        ("\n\n某某县人民政府\n二〇二一年一月二十九日", datetime.date(2021, 1, 29)),
        ("\n\n某某县人民政府\n(2021-03-01)", datetime.date(2021, 3, 1)),
        ("\n\n发布日期:2021-01-20", datetime.date(2021, 1, 20)),
        ("", None),
        ("\n\n某某县人民政府\n2018年1月29日", None),  # before the covered year: not this report's date
    ],
)
def test_published_date(tail, date):
    meta = extract_metadata(report("某某县2020年政府信息公开工作年度报告", tail))
    assert meta.published_date == date


def test_published_date_field_at_the_top():
    text = "某某市2020年政府信息公开工作年度报告\n来源:某某市人民政府 发布日期:2021-01-28 浏览次数:100" + BODY
    assert extract_metadata(text).published_date == datetime.date(2021, 1, 28)


def test_body_dates_are_not_publication_dates():
    text = report("某某县2019年政府信息公开工作年度报告\n\n统计期限为2019年1月1日至2019年12月31日。")
    assert extract_metadata(text).published_date is None


def test_empty_text():
    meta = extract_metadata("")
    assert meta == ReportMetadata(None, None, None, None, None, None, None, None, None)
    assert [(f[0], f[1]) for f in meta.findings] == [("agency_missing", "warning")]


def test_findings_are_empty_when_the_agency_is_read():
    assert extract_metadata(report("中宁县2019年政府信息公开工作年度报告")).findings == []


def _samples():
    for path in sorted((ROOT / "warehouse" / "landing").glob("*.txt")):
        truth = ROOT / "tests" / "fixtures" / "truth" / (path.stem + ".json")
        yield pytest.param(path, truth, id=path.stem[:3])


@pytest.mark.parametrize("path, truth_path", list(_samples()))
def test_landing_samples_match_truth(path, truth_path):
    text = unicodedata.normalize("NFKC", opencc.OpenCC("t2s").convert(path.read_text(encoding="utf-8")))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    meta = extract_metadata(text)
    region = [r for r in (meta.region_province, meta.region_city, meta.region_county, meta.region_township) if r]
    assert meta.agency_name == truth["agency"]
    assert region == truth["region"]
    assert meta.report_year == truth["year"]
    assert meta.admin_level == truth["admin_level"]
    published = meta.published_date.isoformat() if meta.published_date else None
    assert published == truth.get("published_date")


def test_agency_on_the_line_below_a_title_that_names_none():
    m = extract_metadata("2022年度政府信息公开工作年度报告\n\n成都市武侯区教育局\n\n一、总体情况\n2022年,本局……")
    assert (m.agency_name, m.report_year, m.admin_level, m.region_county) == ("成都市武侯区教育局", 2022, "department", "武侯区")


# ---------------------------------------------------------------------------------------------
# The long tail of bodies (red-team AM): a body named by a county without its 市, a 派出机构, a township named
# without its county, a body with a second name, a renamed body, a national organ above a local bureau.
# ---------------------------------------------------------------------------------------------

def _report(title: str, body: str = "", sign: str = "") -> str:
    return (f"{title}\n{body}\n本报告根据《中华人民共和国政府信息公开条例》要求编制。\n一、总体情况\n本年度工作稳步推进。\n"
            f"六、其他需要报告的事项\n无。\n{sign}\n2022年1月20日\n")


@pytest.mark.parametrize("stem,city,county", [("张家港", "苏州市", "张家港市"), ("江阴", "无锡市", "江阴市"),
                                              ("晋江", "泉州市", "晋江市")])
def test_a_body_named_by_its_county_without_its_suffix_lies_there(stem: str, city: str, county: str) -> None:
    for name in (f"{stem}海关", f"中华人民共和国{stem}海关"):
        m = extract_metadata(_report(f"{name}2021年政府信息公开工作年度报告", sign=name))
        assert (m.agency_name, m.region_city, m.region_county) == (name, city, county), name


def test_a_body_its_report_calls_a_government_s_outpost_lies_in_that_government_s_place() -> None:
    body = "湄洲岛国家旅游度假区管理委员会是莆田市人民政府的派出机构。"
    m = extract_metadata(_report("湄洲岛国家旅游度假区管理委员会2023年政府信息公开工作年度报告", body))
    assert (m.region_province, m.region_city) == ("福建省", "莆田市")
    # two governments named as parents: none is chosen
    body2 = body + "原为仙游县人民政府的派出机构。"
    m2 = extract_metadata(_report("湄洲岛国家旅游度假区管理委员会2023年政府信息公开工作年度报告", body2))
    assert m2.region_city is None


def test_a_township_named_without_its_county_takes_the_county_its_report_names() -> None:
    body = "乡政府按照罗源县人民政府办公室的部署公开政府信息。"
    m = extract_metadata(_report("霍口畲族乡2021年政府信息公开工作年度报告", body))
    assert (m.region_county, m.region_township) == ("罗源县", "霍口畲族乡")


@pytest.mark.parametrize("joined", ["南京市市场监督管理局　南京市知识产权局", "南京市市场监督管理局南京市知识产权局"])
def test_a_body_with_a_second_name_is_read_by_its_first(joined: str) -> None:
    m = extract_metadata(_report(f"{joined}2021年政府信息公开工作年度报告"))
    assert m.agency_name == "南京市市场监督管理局"
    # one body whose name repeats its place is no pair
    m = extract_metadata(_report("上海市公安局浦东分局2021年政府信息公开工作年度报告"))
    assert m.agency_name == "上海市公安局浦东分局"


def test_a_body_renamed_is_read_as_it_is_now_and_a_local_bureau_keeps_its_national_organ() -> None:
    m = extract_metadata(_report("原连江县农业局（现连江县农业农村局）2019年政府信息公开工作年度报告"))
    assert m.agency_name == "连江县农业农村局"
    m = extract_metadata(_report("浦东新区税务局2021年政府信息公开工作年度报告",
                                 "本报告由国家税务总局上海市浦东新区税务局编制。", "国家税务总局上海市浦东新区税务局"))
    assert m.agency_name == "国家税务总局上海市浦东新区税务局"
