"""The report year and the publication date in every shape publishers print them (red-team AR).

A report whose year is not read is rejected at landing (`no_report_year`) and every cell it holds is
lost, so the year must come from wherever a careful reader finds it: a title in Chinese numerals
with a Latin O for 〇 (二O一九年度), a title that gives only its statistics period as dotted dates
(（2023.1.1—2023.12.31）), or no year in the title at all, where 一、总体情况 opens with it
(`2020年，区政府办公室…`, with a finding). Dates carry a weekday (2021年1月25日（星期一）,
发布时间：星期一 2021年1月25日) or 元月 (二零二二年元月十八日). Townships whose name holds 和
(和平桥街道, 太和镇) keep their township.

Each family renders the same facts into every shape, over several bodies and years, and checks
the metadata layer and the landing's year guess (which must agree).
"""

from __future__ import annotations

import datetime

import pytest

from transforms.landing import guess_year
from transforms.metadata import extract_metadata
from transforms.normalise import normalise_text

CN = dict(zip("0123456789", "〇一二三四五六七八九"))


def cn_year(y: int, zero: str = "〇") -> str:
    return "".join(CN[d] for d in str(y)).replace("〇", zero)


def cn_small(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 31 → 三十一."""
    if n < 10:
        return CN[str(n)]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else CN[str(tens)]) + "十" + (CN[str(units)] if units else "")


BODIES = [
    ("厦门市湖里区人民政府办公室", "department", ("福建省", "厦门市", "湖里区", None)),
    ("上海市闵行区七宝镇人民政府", "township", ("上海市", None, "闵行区", "七宝镇")),
    ("苏州市吴中区交通运输局", "department", ("江苏省", "苏州市", "吴中区", None)),
    ("昆山市人民政府", "county", ("江苏省", "苏州市", "昆山市", None)),
]


def body(year: int, opening: str | None = None) -> str:
    """A report body whose prose names other years (last year's figures, next year's plans)."""
    opening = opening if opening is not None else f"{year}年，本机关认真贯彻落实《条例》。"
    return (
        f"一、总体情况\n{opening}与{year - 1}年相比，主动公开信息增加12条。\n"
        "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n规范性文件\t3\t1\t12\n"
        "三、收到和处理政府信息公开申请情况\n本年度收到申请25件，均按时答复。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议和行政诉讼。\n"
        f"五、存在的主要问题及改进情况\n{year + 1}年，将进一步丰富公开内容，到{year + 2}年实现全覆盖。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。\n"
    )


def _intro(y: int) -> str:
    return "本报告根据《中华人民共和国政府信息公开条例》要求编制。本报告所列数据的统计期限为本年度1月1日至12月31日。\n"


# shape -> (agency, year, published date) -> raw text
YEAR_SHAPES = {
    "latin_o_title": lambda a, y, d: (f"{a}{cn_year(y, 'O')}年度政府信息公开工作年度报告\n" + _intro(y) + body(y)
                                      + f"\n{a}\n{cn_year(d.year, 'O')}年{cn_small(d.month)}月{cn_small(d.day)}日\n"),
    "fullwidth_o_title": lambda a, y, d: (f"{a}{cn_year(y, 'Ｏ')}年政府信息公开工作年度报告\n" + _intro(y) + body(y)),
    "circle_title": lambda a, y, d: (f"{a}{cn_year(y, '○')}年度政府信息公开工作年度报告\n" + _intro(y) + body(y)),
    "dotted_period_title": lambda a, y, d: (f"{a}政府信息公开工作年度报告（{y}.1.1—{y}.12.31）\n"
                                            f"本报告数据统计期限为{y}.1.1—{y}.12.31。\n" + body(y, "本年，本机关认真贯彻落实《条例》。")),
    "slashed_period": lambda a, y, d: (f"{a}政府信息公开工作年度报告\n统计区间：{y}/01/01-{y}/12/31\n"
                                       + body(y, "本年，本机关认真贯彻落实《条例》。")),
    "period_unprefixed": lambda a, y, d: (f"{a}政府信息公开工作年度报告\n本报告所列数据自{y}年1月1日起至{y}年12月31日止。\n"
                                          + body(y, "本年，本机关认真贯彻落实《条例》。")),
    # a PDF line broken inside the period, and the text layer's paragraphs in another order (the title last)
    "period_wrapped_title_last": lambda a, y, d: (body(y, "本年，本机关认真贯彻落实《条例》。") + f"本报告由{a}编制。本报告所列数据的统计期限自"
                                                  f"{y}年1月1日起至\n{y}年12月31日止。\n{a}政府信息公开工作年度报告\n"),
    "year_only_in_overview": lambda a, y, d: (f"{a}政府信息公开工作年度报告\n发布日期：{d.isoformat()}\n" + _intro(y)
                                              + body(y)),
    "overview_year_yilai": lambda a, y, d: (f"{a}政府信息公开工作年度报告\n" + _intro(y)
                                            + body(y, f"{y}年以来，本机关认真贯彻落实《条例》。")),
    "overview_numbered_first_part": lambda a, y, d: (f"{a}政府信息公开工作年度报告\n" + _intro(y) + body(
        y, f"（一）主动公开\n{y}年，本机关主动公开政府信息1234条。")),
}


def _cases():
    years = (2019, 2020, 2022, 2023)
    for i, (agency, level, region) in enumerate(BODIES):
        for j, (shape, render) in enumerate(YEAR_SHAPES.items()):
            year = years[(i + j) % len(years)]
            pub = datetime.date(year + 1, 1, 10 + i + j)
            yield pytest.param(agency, level, region, year, shape, render(agency, year, pub), id=f"{agency}-{shape}-{year}")


@pytest.mark.parametrize("agency, level, region, year, shape, raw", list(_cases()))
def test_the_year_is_read_wherever_a_reader_finds_it(agency, level, region, year, shape, raw):
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.report_year == year
    assert guess_year(raw) == year  # the landing files it under the same year, so it is not rejected
    assert meta.agency_name == agency
    assert (meta.region_province, meta.region_city, meta.region_county, meta.region_township) == region
    # a year read from the prose alone is said
    assert any(f[0] == "report_year_from_body" for f in meta.findings) == ("overview" in shape)


def test_no_year_anywhere_is_still_no_year():
    # a title without a year, no period, and prose whose first sentence has none: nothing is guessed
    raw = "某某区人民政府办公室政府信息公开工作年度报告\n" + body(2020, "本年，本机关认真贯彻落实《条例》。").replace("2021年，", "明年，")
    assert extract_metadata(normalise_text(raw).text).report_year is None
    # a range that is not one calendar year names no year on its own
    raw2 = "某某区人民政府办公室政府信息公开工作年度报告（2022.7.1—2023.6.30）\n" + body(2020, "本年，本机关认真贯彻落实《条例》。")
    assert extract_metadata(normalise_text(raw2).text).report_year != 2022


DATE_SHAPES = {
    "weekday_after_signoff": lambda d: f"{d.year}年{d.month}月{d.day}日（星期{'一二三四五六日'[d.weekday()]}）",
    "weekday_in_field": lambda d: None,  # the header field, below
    "yuanyue_cn": lambda d: f"{cn_year(d.year, '零')}年元月{cn_small(d.day)}日",
    "cn_with_latin_o": lambda d: f"{cn_year(d.year, 'O')}年{cn_small(d.month)}月{cn_small(d.day)}日",
    "lunar_line_below": lambda d: f"{d.year}年{d.month}月{d.day}日\n（农历腊月十三）",
}


@pytest.mark.parametrize("shape", sorted(DATE_SHAPES))
@pytest.mark.parametrize("year", [2019, 2021, 2023])
def test_the_publication_date_in_every_shape(shape: str, year: int):
    agency = "福安市人民政府办公室"
    pub = datetime.date(year + 1, 1, 18)
    if shape == "weekday_in_field":
        head = f"发布时间：星期{'一二三四五六日'[pub.weekday()]} {pub.year}年{pub.month}月{pub.day}日 10:26\n"
        raw = head + f"{agency}{year}年政府信息公开工作年度报告\n" + _intro(year) + body(year) + f"\n{agency}\n"
    else:
        raw = (f"{agency}{year}年政府信息公开工作年度报告\n" + _intro(year) + body(year)
               + f"\n{agency}\n{DATE_SHAPES[shape](pub)}\n")
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.report_year == year
    assert meta.published_date == pub


@pytest.mark.parametrize("township, county_text, region", [
    ("和平桥街道", "南通市崇川区", ("江苏省", "南通市", "崇川区", "和平桥街道")),
    ("太和镇", "南平市延平区", ("福建省", "南平市", "延平区", "太和镇")),
    ("和平镇", "南平市邵武市", ("福建省", "南平市", "邵武市", "和平镇")),
])
def test_a_township_whose_name_holds_he_keeps_its_township(township, county_text, region):
    suffix = "办事处" if township.endswith("街道") else "人民政府"
    agency = f"{county_text}{township}{suffix}"
    raw = f"{agency}2022年政府信息公开工作年度报告\n" + _intro(2022) + body(2022)
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == agency and meta.admin_level == "township"
    assert (meta.region_province, meta.region_city, meta.region_county, meta.region_township) == region
    # 住房和城乡建设局 is still no township (和 inside a department's name)
    raw = f"{county_text}住房和城乡建设局2022年政府信息公开工作年度报告\n" + _intro(2022) + body(2022)
    assert extract_metadata(normalise_text(raw).text).region_township is None
