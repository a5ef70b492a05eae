"""Metadata on titles and agencies in every shape, as families of generated variants.

Every family renders the same facts (agency, year, region, level) into many document shapes:
title lines (year first, split, prefixed), page headers, crawler dumps with a header block and a
one-line body, compiled-by sentences, sign-offs; plus place-only titles, abbreviations, OCR slips
in place names, sentences that are no agency, and numbers inside names. Each text goes through
normalisation first, as in the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from transforms.gazetteer import divisions
from transforms.metadata import extract_metadata
from transforms.normalise import normalise_text


@dataclass(frozen=True)
class Body:
    """A reporting body: how a title prints it, its full name, level and region."""

    title_name: str
    full: str
    level: str
    region: tuple[str | None, str | None, str | None, str | None]


BODIES = [
    Body("沭阳县", "沭阳县人民政府", "county", ("江苏省", "宿迁市", "沭阳县", None)),
    Body("南平市人民政府办公室", "南平市人民政府办公室", "department", ("福建省", "南平市", None, None)),
    Body("上海市徐汇区教育局", "上海市徐汇区教育局", "department", ("上海市", None, "徐汇区", None)),
    Body("晋江市安海镇", "晋江市安海镇人民政府", "township", ("福建省", "泉州市", "晋江市", "安海镇")),
    Body("南京市玄武区梅园新村街道", "南京市玄武区梅园新村街道办事处", "township",
         ("江苏省", "南京市", "玄武区", "梅园新村街道")),
    Body("江苏省财政厅", "江苏省财政厅", "department", ("江苏省", None, None, None)),
    Body("天津市人民政府办公厅", "天津市人民政府办公厅", "department", ("天津市", None, None, None)),
    Body("环县", "环县人民政府", "county", ("甘肃省", "庆阳市", "环县", None)),
    Body("国家税务总局", "国家税务总局", "department", (None, None, None, None)),
    Body("国家税务总局上海市税务局", "国家税务总局上海市税务局", "department", ("上海市", None, None, None)),
    Body("上海海关", "上海海关", "department", ("上海市", None, None, None)),
    Body("泉州台商投资区", "泉州台商投资区管理委员会", "department", ("福建省", "泉州市", None, None)),
]


def body_text(year: int, province: str = "江苏省") -> str:
    """A report body with decoys: quoted regulations naming other bodies, other years, a contact office."""
    return (
        f"根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《{province}人民政府办公厅关于做好{year + 1}年"
        f"政务公开工作的通知》要求,现公布本年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
        "如对本报告有疑问,请与本机关政务公开办公室联系(电话:0000-1234567)。\n"
        f"一、总体情况\n{year}年,本机关认真贯彻落实《条例》,全年主动公开政府信息1234条。\n"
        "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n规范性文件\t3\t1\t12\n"
        "三、收到和处理政府信息公开申请情况\n本年度收到申请25件,均按时答复。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议和行政诉讼。\n"
        "五、存在的主要问题及改进情况\n公开内容有待进一步丰富。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。"
    )


def one_line(text: str) -> str:
    return " ".join(x.strip() for x in text.splitlines() if x.strip())


def crawler_header(title: str, agency: str, year: int) -> str:
    return (f"标题:{title}\n发布时间:{year + 1}-01-20 09:30\n文号:\n发布机构:{agency}\n栏目:政府信息公开年报\n"
            f"原文链接:http://www.example.gov.cn/art/{year + 1}/1/20/art_1.html\n==== 正文 ====\n")


GENERIC = "{y}年度政府信息公开工作年度报告"

# name → render(body, year, province) -> raw text. Title shapes print the body as a title does;
# the other shapes carry a generic title and name the body only where the shape says.
SHAPES = {
    "title_line": lambda b, y, p: f"{b.title_name}{y}年政府信息公开工作年度报告\n\n" + body_text(y, p),
    "title_spaced": lambda b, y, p: f"{b.title_name} {y} 年度政府信息公开工作报告\n" + body_text(y, p),
    "year_first": lambda b, y, p: f"{y}年{b.title_name}政府信息公开工作年度报告\n" + body_text(y, p),
    "year_first_split": lambda b, y, p: f"{y} 年{b.title_name}政府信息公开\n工作年度报告\n\n" + body_text(y, p),
    "prefix_ascii": lambda b, y, p: f"标题:{b.title_name}{y}年度政府信息公开工作报告\n" + body_text(y, p),
    "prefix_fullwidth": lambda b, y, p: f"标题：{b.title_name}{y}年政府信息公开工作年度报告\n" + body_text(y, p),
    "page_header_unit": lambda b, y, p: (f"单位:{b.full}\n{GENERIC.format(y=y)}\n" + body_text(y, p)
                                         + f"\n- 2 -\n单位:{b.full}\n"),
    "crawler_lines_header": lambda b, y, p: (crawler_header(GENERIC.format(y=y), b.full, y)
                                             + one_line(body_text(y, p))),
    "crawler_all_one_line": lambda b, y, p: one_line(crawler_header(GENERIC.format(y=y), b.full, y)
                                                     + body_text(y, p)),
    "crawler_title_in_body": lambda b, y, p: (crawler_header(f"{b.title_name}{y}年政府信息公开工作年度报告", "", y)
                                              + one_line(f"{b.title_name}{y}年政府信息公开工作年度报告 "
                                                         + body_text(y, p))),
    "crawler_no_title_field": lambda b, y, p: one_line(
        f"发布时间:{y + 1}-01-20 栏目:年报 ==== 正文 ==== {b.title_name}{y}年政府信息公开工作年度报告 " + body_text(y, p)),
    "markdown_bold_heading": lambda b, y, p: f"# **{b.title_name}{y}年政府信息公开工作年度报告**\n\n" + body_text(y, p),
    "title_with_glued_date": lambda b, y, p: (f"{b.title_name}{y}年政府信息公开工作年度报告 发布日期:{y + 1}-01-20"
                                              f" 来源:本站\n" + body_text(y, p)),
    "issued_by_notice": lambda b, y, p: (f"{p}人民政府办公厅关于印发{b.title_name}{y}年政府信息公开工作年度报告的通知\n"
                                         + body_text(y, p)),
    "grid_tsv": lambda b, y, p: (f"索引号\t000014349/{y + 1}-00012\t分类\t年度报告\n发布机构\t{b.full}\t发文日期\t"
                                 f"{y + 1}-01-20\n名称\t{GENERIC.format(y=y)}\n" + body_text(y, p)),
    "grid_markdown": lambda b, y, p: (f"| 索引号 | 000014349 | 分类 | 年度报告 |\n|---|---|---|---|\n"
                                      f"| 发布机构 | {b.full} | 发文日期 | {y + 1}-01-20 |\n\n"
                                      f"{GENERIC.format(y=y)}\n" + body_text(y, p)),
    "chrome_site_owner": lambda b, y, p: (f"主办单位:{p}人民政府办公厅 承办单位:{p}大数据中心\n发布机构:{b.full}\n"
                                          f"{GENERIC.format(y=y)}\n" + body_text(y, p)),
    "year_line_above": lambda b, y, p: f"{y}年度\n{b.title_name}政府信息公开工作年度报告\n" + body_text(y, p),
    "site_name_above": lambda b, y, p: (f"{p}人民政府门户网站\n{b.title_name}{y}年政府信息公开工作年度报告\n"
                                        + body_text(y, p)),
    "site_name_above_generic": lambda b, y, p: (f"{p}人民政府门户网站\n{GENERIC.format(y=y)}\n" + body_text(y, p)
                                                + f"\n{b.full}\n{y + 1}年1月20日"),
    "compiled_by": lambda b, y, p: (GENERIC.format(y=y) + f"\n本报告由{b.full}根据《条例》要求编制。\n"
                                    + body_text(y, p)),
    "compiled_by_inline": lambda b, y, p: (GENERIC.format(y=y) + "\n" + body_text(y, p).replace(
        "要求,现公布本年度报告", f"要求,由{b.full}会同有关单位编制本报告")),
    "compiled_this_report": lambda b, y, p: (GENERIC.format(y=y) + "\n" + body_text(y, p).replace(
        "要求,现公布本年度报告", f"要求,{b.full}编制了本报告")),
    "signoff_lines": lambda b, y, p: (GENERIC.format(y=y) + "\n" + body_text(y, p)
                                      + f"\n\n{b.full}\n{y + 1}年1月20日\n"),
    "signoff_one_line": lambda b, y, p: one_line(GENERIC.format(y=y) + "\n" + body_text(y, p)
                                                 + f"\n{b.full}\n{y + 1}年1月20日"),
    # a title broken inside the name, a blank line between (PDF text of a wrapped title)
    "title_broken_in_name": lambda b, y, p: (f"{b.title_name[:max(1, len(b.title_name) // 2)]}\n\n"
                                             f"{b.title_name[max(1, len(b.title_name) // 2):]}{y}年政府信息公开工作年度报告\n\n"
                                             + body_text(y, p)),
    # last year's title left on this year's report: the statistics period says which year it covers
    "stale_title_year": lambda b, y, p: f"{b.title_name}{y - 1}年政府信息公开工作年度报告\n\n" + body_text(y, p),
    # PDF text: the compiled-by sentence wrapped at the page width, page numbers around the sign-off
    "compiled_by_wrapped": lambda b, y, p: (GENERIC.format(y=y) + f"\n按照《条例》规定,本报告由{b.full}根据本单位{y}年度\n"
                                            "政府信息公开工作情况编制而成。\n" + body_text(y, p)),
    "signoff_page_numbers": lambda b, y, p: (GENERIC.format(y=y) + "\n" + body_text(y, p)
                                             + f"\n\n{b.full}\n2\n{y + 1}年1月20日\n3\n"),
    "signoff_then_chrome": lambda b, y, p: (GENERIC.format(y=y) + "\n" + one_line(body_text(y, p))
                                            + f" {b.full} {y + 1}年1月20日 (此件公开发布)"),
}
PROVINCE = {"江苏省", "福建省", "上海市", "天津市", "甘肃省"}


def _cases():
    years = (2019, 2021, 2024, 2020)
    for i, b in enumerate(BODIES):
        province = b.region[0] or "江苏省"
        for j, (shape, render) in enumerate(SHAPES.items()):
            year = years[(i + j) % len(years)]
            yield pytest.param(b, year, render(b, year, province), id=f"{b.full}-{shape}-{year}")


@pytest.mark.parametrize("body, year, raw", list(_cases()))
def test_agency_year_region_level_in_every_shape(body: Body, year: int, raw: str):
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == body.full
    assert meta.report_year == year
    assert meta.admin_level == body.level
    assert (meta.region_province, meta.region_city, meta.region_county, meta.region_township) == body.region
    assert not [f for f in meta.findings if f[0].startswith("agency_")]


def test_published_date_from_crawler_header_and_signoff():
    b = BODIES[1]
    for shape in ("crawler_lines_header", "crawler_all_one_line", "signoff_lines", "signoff_one_line"):
        meta = extract_metadata(normalise_text(SHAPES[shape](b, 2020, "福建省")).text)
        assert meta.report_year == 2020, shape
        assert meta.published_date is not None and meta.published_date.isoformat() == "2021-01-20", shape


# ---------------------------------------------------------------- place-only titles


@pytest.mark.parametrize(
    "place, printed, agency, level",
    [
        ("平潭综合实验区", "平潭综合实验区管理委员会(以下简称“实验区管委会”)", "平潭综合实验区管理委员会", "county"),
        ("平潭综合实验区", "", "平潭综合实验区管理委员会", "county"),
        ("某某经济开发区", "某某经济开发区管委会", "某某经济开发区管委会", "department"),
        ("某某高新区", "", "某某高新区管理委员会", "department"),
        ("两江新区", "两江新区管理委员会", "两江新区管理委员会", "department"),
        ("阿拉善盟", "阿拉善盟行政公署", "阿拉善盟行政公署", "prefecture"),
        ("中宁县", "本报告由中宁县人民政府办公室编制", "中宁县人民政府", "county"),
        ("城关镇", "", "城关镇人民政府", "township"),
        ("某某乡", "", "某某乡人民政府", "township"),
        ("某某街道", "", "某某街道办事处", "township"),
        ("晋江市安海镇", "", "晋江市安海镇人民政府", "township"),
        ("宁夏", "", "宁夏回族自治区人民政府", "province"),
    ],
)
def test_title_naming_only_a_place(place, printed, agency, level):
    for shape in ("title_line", "year_first", "year_first_split", "prefix_fullwidth", "crawler_title_in_body",
                  "crawler_no_title_field", "issued_by_notice"):
        raw = SHAPES[shape](Body(place, "", "", (None,) * 4), 2019, "福建省")
        raw = raw.replace("现公布本年度报告。", f"现公布本年度报告。{printed}。" if printed else "现公布本年度报告。")
        meta = extract_metadata(normalise_text(raw).text)
        assert (meta.agency_name, meta.admin_level, meta.report_year) == (agency, level, 2019), shape


def test_zone_named_after_a_county_takes_its_region():
    raw = SHAPES["title_line"](Body("平潭综合实验区", "", "", (None,) * 4), 2019, "福建省")
    meta = extract_metadata(normalise_text(raw).text)
    assert (meta.region_province, meta.region_city, meta.region_county) == ("福建省", "福州市", "平潭县")


# ---------------------------------------------------------------- abbreviations

ABBREVIATIONS = [
    ("科委", "科学技术委员会"),
    ("人社局", "人力资源和社会保障局"),
    ("发改委", "发展和改革委员会"),
    ("住建局", "住房和城乡建设局"),
    ("卫健委", "卫生健康委员会"),
    ("医保局", "医疗保障局"),
    ("文旅局", "文化和旅游局"),
]
PLACES = [  # (place printed in the title, place printed with the full name, region)
    ("市", "苏州市", ("江苏省", "苏州市", None)),
    ("区", "上海市徐汇区", ("上海市", None, "徐汇区")),
    ("县", "沭阳县", ("江苏省", "宿迁市", "沭阳县")),
    ("泉州市", "泉州市", ("福建省", "泉州市", None)),
]


@pytest.mark.parametrize("abbr, full", ABBREVIATIONS)
@pytest.mark.parametrize("title_place, full_place, region", PLACES)
def test_abbreviation_gets_the_full_name_the_report_prints(abbr, full, title_place, full_place, region):
    for shape in ("title_line", "year_first", "prefix_ascii", "crawler_title_in_body",
                  "crawler_no_title_field"):
        raw = SHAPES[shape](Body(title_place + abbr, "", "", (None,) * 4), 2020, region[0])
        raw = raw.replace("现公布本年度报告。", f"现公布本年度报告。{full_place}{full}(以下简称“{title_place}{abbr}”)"
                                            f"高度重视政务公开工作。")
        meta = extract_metadata(normalise_text(raw).text)
        assert meta.agency_name == full_place + full, shape
        assert meta.admin_level == "department", shape
        assert (meta.region_province, meta.region_city, meta.region_county) == region, shape


# short forms that carry no place of their own, defined once in the report (…（以下简称“区府办”）)
DEFINED_SHORT = [
    ("区府办", "上海市嘉定区人民政府办公室", ("上海市", None, "嘉定区")),
    ("区政府", "福州市鼓楼区人民政府", ("福建省", "福州市", "鼓楼区")),
    ("省财政厅", "江苏省财政厅", ("江苏省", None, None)),
    ("县政府办", "沭阳县人民政府办公室", ("江苏省", "宿迁市", "沭阳县")),
]


@pytest.mark.parametrize("short, full, region", DEFINED_SHORT)
@pytest.mark.parametrize("shape", ["title_line", "year_first", "prefix_ascii", "crawler_lines_header", "signoff_lines"])
def test_a_short_form_the_report_defines_gets_its_full_name(short, full, region, shape):
    raw = SHAPES[shape](Body(short, short, "", (None,) * 4), 2021, region[0])
    raw = raw.replace("现公布本年度报告。", f"{full}(以下简称“{short}”)编制本报告。")
    if shape in ("crawler_lines_header", "signoff_lines"):
        raw = raw.replace(GENERIC.format(y=2021), f"{short}2021年政府信息公开工作年度报告")
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == full, shape
    assert (meta.region_province, meta.region_city, meta.region_county) == region, shape


# a body printed in the title without the places above it, and in full elsewhere (the sign-off)
PLACELESS = [
    ("周庄镇", "昆山市周庄镇人民政府", ("江苏省", "苏州市", "昆山市", "周庄镇")),
    ("安海镇人民政府", "晋江市安海镇人民政府", ("福建省", "泉州市", "晋江市", "安海镇")),
    ("教育局", "上海市徐汇区教育局", ("上海市", None, "徐汇区", None)),
]


@pytest.mark.parametrize("title_name, full, region", PLACELESS)
@pytest.mark.parametrize("where", ["signoff", "compiled_by"])
def test_a_name_without_its_places_gets_the_fuller_form_the_report_prints(title_name, full, region, where):
    raw = SHAPES["title_line"](Body(title_name, "", "", (None,) * 4), 2020, region[0])
    if where == "signoff":
        raw += f"\n\n{full}\n2021年1月20日\n"
    else:
        raw = raw.replace("现公布本年度报告。", f"现公布本年度报告。本报告由{full}编制。")
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == full, where
    assert (meta.region_province, meta.region_city, meta.region_county, meta.region_township) == region, where


def test_a_name_without_its_places_printed_under_two_places_is_kept():
    raw = SHAPES["title_line"](Body("周庄镇", "", "", (None,) * 4), 2020, "江苏省")
    raw += "\n\n昆山市周庄镇人民政府与江阴市周庄镇人民政府开展交流。\n"
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == "周庄镇人民政府"


@pytest.mark.parametrize("abbr, full", ABBREVIATIONS[:4])
def test_abbreviation_without_a_printed_full_name_is_kept(abbr, full):
    raw = SHAPES["title_line"](Body("泉州市" + abbr, "", "", (None,) * 4), 2020, "福建省")
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == "泉州市" + abbr


# ---------------------------------------------------------------- OCR slips in place names


def _near_names(name: str, province_code: str) -> set[str]:
    """Brute force: county names (any county suffix) in the province one stem character from `name`."""
    out = set()
    for d in divisions():
        if d.level == "province" or d.code[:2] != province_code:
            continue
        forms = {d.name}
        if d.level == "county" and d.short_name:
            forms |= {d.short_name + s for s in "县区市旗"}
        for f in forms:
            if len(f) == len(name) and f != name and f[-1] == name[-1]:
                if sum(a != b for a, b in zip(f, name)) == 1:
                    out.add(d.code)
    return out


def _known(name: str) -> bool:
    return any(d.name == name or (d.short_name and d.level == "county" and name[:-1] == d.short_name)
               or (d.short_name and d.level != "county" and name == d.short_name) for d in divisions())


def _ocr_cases(limit: int = 24):
    by_code = {d.code: d for d in divisions()}
    counties = [d for d in divisions() if d.level == "county" and d.type == "县" and len(d.name) == 3]
    found = 0
    for d in counties[::37]:
        for slip in "口日木土":
            bad = slip + d.name[1:]
            if _known(bad) or _near_names(bad, d.code[:2]) != {d.code}:
                continue
            province = by_code[d.code[:2] + "0000"].name
            found += 1
            yield pytest.param(d, bad, province, id=f"{bad}->{d.name}")
            break
        if found >= limit:
            return


@pytest.mark.parametrize("county, slip, province", list(_ocr_cases()))
def test_ocr_slip_in_a_county_name_is_corrected_with_a_finding(county, slip, province):
    raw = f"{slip}人民政府2021年政府信息公开工作年度报告\n" + body_text(2021, province)
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name == county.name + "人民政府"
    assert meta.region_county == county.name and meta.region_province == province
    assert [f[0] for f in meta.findings] == ["place_name_corrected"]


def test_ocr_slip_near_several_counties_is_settled_by_the_name_printed_elsewhere():
    # 沐阳县 is one character from 沭阳县, 泗阳县 and 射阳县, all in 江苏省
    base = "沐阳县人民政府2021年政府信息公开工作年度报告\n" + body_text(2021, "江苏省")
    fixed = extract_metadata(normalise_text(base.replace("联系(", "联系,网站为沭阳县人民政府门户网站(")).text)
    assert fixed.agency_name == "沭阳县人民政府"
    assert fixed.region_city == "宿迁市"
    assert [f[0] for f in fixed.findings] == ["place_name_corrected"]
    kept = extract_metadata(normalise_text(base).text)
    assert kept.agency_name == "沐阳县人民政府"  # still ambiguous: kept as printed, nothing corrected
    assert not [f for f in kept.findings if f[0] == "place_name_corrected"]


def test_known_names_and_zones_are_never_corrected():
    for title in ("泰州高新区2020年政府信息公开工作年度报告", "高港区2020年政府信息公开工作年度报告",
                  "某某县2020年政府信息公开工作年度报告"):
        meta = extract_metadata(normalise_text(title + "\n" + body_text(2020)).text)
        assert not [f for f in meta.findings if f[0] == "place_name_corrected"], title


# ---------------------------------------------------------------- sentences are never agencies

NOT_AGENCIES = [
    "根据《中华人民共和国政府信息公开条例》和《上海市人民政府",
    "根据《条例》规定,现将本区",
    "关于印发",
    "我局",
    "本机关",
    "各区县",
    "按照上级要求我市",
    "现将我单位",
]


@pytest.mark.parametrize("junk", NOT_AGENCIES)
@pytest.mark.parametrize("layout", ["own_line", "title_prefix", "one_line"])
def test_a_sentence_is_never_an_agency(junk, layout):
    title = f"{junk}{{y}}年政府信息公开工作年度报告" if layout == "title_prefix" else GENERIC
    head = (junk + "\n" if layout == "own_line" else "") + title.format(y=2019)
    raw = head + "\n" + body_text(2019, "上海市")
    if layout == "one_line":
        raw = one_line(junk + " " + raw)
    meta = extract_metadata(normalise_text(raw).text)
    assert meta.agency_name is None
    assert meta.admin_level is None
    kinds = [(f[0], f[1]) for f in meta.findings]
    assert kinds in ([("agency_missing", "warning")], [("agency_doubtful", "warning")])


def test_doubtful_agency_names_what_was_rejected():
    meta = extract_metadata(normalise_text("根据条例规定我区2019年政府信息公开工作年度报告\n" + body_text(2019)).text)
    assert meta.agency_name is None
    assert meta.findings[0][:2] == ("agency_doubtful", "warning")
    assert "根据条例规定我区" in meta.findings[0][2]


# ---------------------------------------------------------------- the report year


@pytest.mark.parametrize("number", [2008, 2012, 2015, 2018, 2022])
@pytest.mark.parametrize("year", [2019, 2020, 2023])
def test_a_number_inside_the_name_is_not_the_year(number, year):
    for head in (f"小{number}县{year}年政府信息公开工作年度报告", f"{year}年小{number}县政府信息公开工作年度报告",
                 f"标题:第{number}号开发区{year}年度政府信息公开工作报告"):
        meta = extract_metadata(normalise_text(head + "\n" + body_text(year)).text)
        assert meta.report_year == year, head


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2024])
@pytest.mark.parametrize("shape", ["crawler_lines_header", "crawler_all_one_line", "signoff_lines",
                                   "signoff_one_line"])
def test_year_is_the_year_covered_not_the_year_published(year, shape):
    raw = SHAPES[shape](BODIES[0], year, "江苏省")
    assert extract_metadata(normalise_text(raw).text).report_year == year
    undated = raw.replace(f"{year}年度政府信息公开", "政府信息公开")  # only the statistics period names it
    assert extract_metadata(normalise_text(undated).text).report_year == year


def test_year_printed_first_in_chinese_numerals_split_over_two_lines():
    raw = "二〇二一年福州市人民政府办公厅政府信息公开\n工作年度报告\n" + body_text(2021, "福建省")
    meta = extract_metadata(normalise_text(raw).text)
    assert (meta.agency_name, meta.report_year) == ("福州市人民政府办公厅", 2021)


@pytest.mark.parametrize("year_line", ["二〇二三年度", "2023年度", "二〇二三年"])
def test_year_alone_on_the_first_of_three_title_lines_with_the_period_in_chinese_numerals(year_line):
    body = body_text(2023, "上海市").replace("自2023年1月1日起至2023年12月31日止", "自二〇二三年一月一日起至二〇二三年十二月三十一日止")
    raw = f"{year_line}\n崇明区新村乡人民政府\n政府信息公开工作年度报告\n" + body.replace("2023年,", "二〇二三年,")
    meta = extract_metadata(normalise_text(raw).text)
    assert (meta.agency_name, meta.report_year, meta.region_township) == ("崇明区新村乡人民政府", 2023, "新村乡")
    undated = "崇明区新村乡人民政府\n政府信息公开工作年度报告\n" + body  # only the period names the year
    assert extract_metadata(normalise_text(undated).text).report_year == 2023


# ---------------------------------------------------------------- size


def test_five_megabyte_one_line_dump_reads_head_and_tail_only():
    filler = "表格单元 0 0 0 0 0 0 0 规范性文件 3 2 5 " * 200_000
    raw = (crawler_header(GENERIC.format(y=2022), "宜昌市人民政府办公室", 2022)
           + one_line(body_text(2022, "湖北省")) + " " + filler + " 宜昌市人民政府办公室 2023年1月20日")
    assert len(raw) > 5_000_000 and raw.count("\n") < 10
    meta = extract_metadata(raw)
    assert (meta.agency_name, meta.report_year, meta.admin_level) == ("宜昌市人民政府办公室", 2022, "department")
    assert meta.published_date.isoformat() == "2023-01-20"


def test_management_committee_abbreviation_gets_the_printed_full_name():
    raw = "苏州工业园区管委会2020年政府信息公开工作年度报告\n" + body_text(2020).replace(
        "现公布本年度报告。", "现公布本年度报告。苏州工业园区管理委员会高度重视政务公开。")
    assert extract_metadata(normalise_text(raw).text).agency_name == "苏州工业园区管理委员会"
    kept = "苏州工业园区管委会2020年政府信息公开工作年度报告\n" + body_text(2020)
    assert extract_metadata(normalise_text(kept).text).agency_name == "苏州工业园区管委会"


@pytest.mark.parametrize("date_line", ["2021年1月", "二〇二一年一月", "2021 年 1 月 20 日", "(2021-01-20)"])
def test_signoff_dated_to_the_month_or_day_names_the_body(date_line):
    raw = GENERIC.format(y=2020) + "\n" + body_text(2020) + f"\n\n南平市人民政府办公室\n{date_line}\n(此件公开发布)\n"
    meta = extract_metadata(normalise_text(raw).text)
    assert (meta.agency_name, meta.report_year) == ("南平市人民政府办公室", 2020)


@pytest.mark.parametrize("agency", ["贵阳市公安局", "六枝特区公安局", "南宁市教育局", "徐汇区财政局", "苏州市民政局"])
@pytest.mark.parametrize("verb", ["现公布", "特此公布", "现予公布", "发布"])
def test_an_opening_verb_never_joins_a_full_agency_name(agency, verb):
    text = f"{agency}\n2022年政府信息公开工作年度报告\n\n根据条例规定,{verb}{agency}2022年政府信息公开工作年度报告。\n"
    assert extract_metadata(text).agency_name == agency


@pytest.mark.parametrize("agency", ["成都市双流区黄甲街道办事处", "宜春市樟树市新城街道办事处", "南京市玄武区人民政府"])
@pytest.mark.parametrize("cut", [2, 5, 9, 12])
def test_a_title_wrapped_by_pdf_text_wins_over_a_later_line_quoting_it(agency, cut):
    """A PDF title wrapped inside its topic words, and the opening sentence wrapped inside the name."""
    title = f"{agency} 2019 年政府信息公开工作年度报告"
    head, tail = title[: len(title) - cut], title[len(title) - cut :]
    text = (f"{head}\n{tail}\n根据《中华人民共和国政府信息公开条例》规定，现公布{agency[:-5]}\n"
            f"{agency[-5:]}2019年政府信息公开工作年度报告。本报告所列数据的统计期限自2019年1月1日起。\n")
    meta = extract_metadata(text)
    assert meta.agency_name == agency and meta.report_year == 2019
