"""Metadata of bodies whose title prints a short or wrapped name (red-team wave Q), as families.

Four families, each rendered into several report shapes and run through normalisation first:
- a vertically managed bureau titled by its local name (福清市税务局 for 国家税务总局福清市税务局):
  the agency is the name the report prints, never one spliced together from two names;
- a street office printed as its district government's agency (南京市鼓楼区人民政府宁海路街道办事处);
- a title's abbreviation (市场监管局, 经开区, 管委会) spelled out by the publisher, compiler or sign-off;
- a title wrapped inside the body's name (中国(上海)自由贸易试验区临港新片区 / 管理委员会2022年…).

Agency names are stored in the normalised text's one width (NFKC: `(上海)`, not `（上海）`).
"""

from __future__ import annotations

import pytest

from transforms.metadata import extract_metadata
from transforms.normalise import normalise_text


def body_text(year: int, province: str) -> str:
    """A report body whose prose names other bodies (superiors, a site, a national organ)."""
    return (
        f"本报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《{province}人民政府办公厅关于做好"
        f"{year + 1}年政务公开工作的通知》要求编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
        f"一、总体情况\n{year}年,我单位认真贯彻落实《条例》,全年主动公开政府信息321条。\n"
        "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n规范性文件\t3\t1\t12\n"
        "三、收到和处理政府信息公开申请情况\n本年度收到申请12件,均按时答复。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n本年度无行政复议和行政诉讼。\n"
        "五、存在的主要问题及改进情况\n公开内容有待进一步丰富。\n"
        "六、其他需要报告的事项\n本年度未收取信息处理费。"
    )


def report(title: str, year: int, province: str, *, compiled: str = "", source: str = "", signed: str = "",
           prose: str = "") -> str:
    head = f"{title}\n" + (f"来源:{source}发布时间:{year + 1}-01-19\n" if source else "")
    body = body_text(year, province)
    if compiled:
        body = body.replace("要求编制。", f"要求,由{compiled}编制。", 1)
    if prose:
        body = body.replace("本年度未收取信息处理费。", "本年度未收取信息处理费。\n" + prose)
    return head + body + (f"\n{signed}\n{year + 1}年1月19日\n" if signed else f"\n{year + 1}年1月19日\n")


def meta(raw: str):
    n = normalise_text(raw)
    return extract_metadata(n.text), n.text


def region(m) -> tuple:
    return (m.region_province, m.region_city, m.region_county, m.region_township)


# ---------------------------------------------------------------- 1. no name printed nowhere

VERTICAL = [
    ("福清市税务局", "国家税务总局福清市税务局", "福建省", ("福建省", "福州市", "福清市", None)),
    ("上海市税务局", "国家税务总局上海市税务局", "上海市", ("上海市", None, None, None)),
    ("南京市鼓楼区税务局", "国家税务总局南京市鼓楼区税务局", "江苏省", ("江苏省", "南京市", "鼓楼区", None)),
    ("沭阳县税务局", "国家税务总局沭阳县税务局", "江苏省", ("江苏省", "宿迁市", "沭阳县", None)),
]
NATIONAL_PROSE = "我局按照国家税务总局、国家税务总局{p}税务局的统一部署推进政务公开。"
WHERE = ["compiled", "source", "signed", "all"]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("short,full,province,reg", VERTICAL)
def test_a_vertical_bureau_titled_by_its_local_name_is_the_full_name_printed(short, full, province, reg, where):
    kw = {k: full for k in ("compiled", "source", "signed")} if where == "all" else {where: full}
    for year, title in ((2020, f"{short}2020年政府信息公开工作年度报告"), (2022, f"{short}\n2022年度政府信息公开工作年度报告")):
        m, text = meta(report(title, year, province, prose=NATIONAL_PROSE.format(p=province), **kw))
        assert m.agency_name == full, (title, where)
        assert region(m) == reg and m.admin_level == "department"


@pytest.mark.parametrize("short,full,province,reg", VERTICAL)
def test_a_short_title_beside_the_national_organ_never_becomes_a_name_printed_nowhere(short, full, province, reg):
    # the report prints 国家税务总局 and the local bureau's short name, never the full local name
    m, text = meta(report(f"{short}2020年政府信息公开工作年度报告", 2020, province,
                          prose="我局按照国家税务总局的统一部署,在国家税务总局网站公开本报告。"))
    assert m.agency_name == short
    assert m.agency_name in text
    assert not m.agency_name.endswith("总局")


@pytest.mark.parametrize("title,printed", [
    ("市发改委", "本委为苏州市发展和改革委员会的内设机构联系单位。"),
    ("区人社局", "国家人力资源和社会保障总局"),  # no such body; the spelled-out guess must be printed
])
def test_every_agency_read_is_printed_in_the_report(title, printed):
    m, text = meta(report(f"{title}2021年政府信息公开工作年度报告", 2021, "江苏省", prose=printed))
    assert m.agency_name is None or m.agency_name in text


# ---------------------------------------------------------------- 2. street office under its government

STREETS = [
    ("南京市鼓楼区人民政府宁海路街道办事处", "宁海路街道", "江苏省", ("江苏省", "南京市", "鼓楼区", "宁海路街道")),
    ("上海市黄浦区人民政府外滩街道办事处", "外滩街道", "上海市", ("上海市", None, "黄浦区", "外滩街道")),
    ("南京市玄武区人民政府梅园新村街道办事处", "梅园新村街道", "江苏省", ("江苏省", "南京市", "玄武区", "梅园新村街道")),
    ("苏州市姑苏区人民政府平江街道办事处", "平江街道办事处", "江苏省", ("江苏省", "苏州市", "姑苏区", "平江街道")),
]


@pytest.mark.parametrize("title_name", ["short", "full", "generic"])
@pytest.mark.parametrize("full,short,province,reg", STREETS)
def test_a_street_office_printed_under_its_district_government_is_one_body(full, short, province, reg, title_name):
    name = {"short": short, "full": full, "generic": ""}[title_name]
    raw = report(f"{name}2021年政府信息公开工作年度报告", 2021, province, compiled=full, signed=full,
                 source=short, prose=f"街道在{full[:full.index('人民政府') + 4]}门户网站设置街道信息公开专栏。")
    m, _ = meta(raw)
    assert m.agency_name == full
    assert region(m) == reg
    assert m.admin_level == "township"


def test_a_district_government_is_not_read_as_its_street_office():
    raw = report("南京市鼓楼区人民政府2021年政府信息公开工作年度报告", 2021, "江苏省", signed="南京市鼓楼区人民政府",
                 prose="南京市鼓楼区人民政府宁海路街道办事处按要求公开了街道信息。")
    m, _ = meta(raw)
    assert m.agency_name == "南京市鼓楼区人民政府"
    assert m.admin_level == "county" and region(m) == ("江苏省", "南京市", "鼓楼区", None)


# ---------------------------------------------------------------- 3. abbreviations spelled out by the signer

ABBREVIATED = [
    ("淮安市市场监管局经开区分局", "淮安市市场监督管理局经济技术开发区分局", "江苏省", ("江苏省", "淮安市", None, None)),
    ("南京市市场监管局", "南京市市场监督管理局", "江苏省", ("江苏省", "南京市", None, None)),
    ("福州市人社局", "福州市人力资源和社会保障局", "福建省", ("福建省", "福州市", None, None)),
    ("沭阳县发改局", "沭阳县发展和改革局", "江苏省", ("江苏省", "宿迁市", "沭阳县", None)),
]


@pytest.mark.parametrize("where", ["compiled", "signed", "source"])
@pytest.mark.parametrize("abbr,full,province,reg", ABBREVIATED)
def test_an_abbreviated_title_gets_the_full_name_the_report_signs_with(abbr, full, province, reg, where):
    for title in (f"{abbr}2020年政府信息公开工作年度报告", f"{abbr}\n2020年政府信息公开工作年度报告"):
        m, text = meta(report(title, 2020, province, **{where: full}))
        assert m.agency_name == full, (title, where)
        assert region(m) == reg and m.admin_level == "department"


def test_an_abbreviation_signed_by_two_different_full_names_is_kept():
    raw = report("南京市市场监管局2020年政府信息公开工作年度报告", 2020, "江苏省", compiled="南京市市场监督管理局",
                 signed="南京市市场安全监督管理局")
    m, _ = meta(raw)
    assert m.agency_name == "南京市市场监管局"


@pytest.mark.parametrize("title,signed", [
    ("同心县人民政府办公室", "同心县人民政府政务公开办公室"),  # an office inside the one the title names
    ("淮安市市场监督管理局", "淮安市市场监督管理局经济技术开发区分局"),  # a branch of the bureau
    ("南京市鼓楼区人民政府", "南京市鼓楼区人民政府宁海路街道办事处"),  # a street office of the government
])
def test_a_full_name_in_the_title_is_not_spelled_out_as_another_body(title, signed):
    m, _ = meta(report(f"{title}2020年政府信息公开工作年度报告", 2020, "江苏省", signed=signed))
    assert m.agency_name == title


def test_a_county_is_not_spelled_out_as_one_of_its_towns():
    raw = report("沭阳县人民政府2020年政府信息公开工作年度报告", 2020, "江苏省", signed="沭阳县钱集镇人民政府")
    m, _ = meta(raw)
    assert m.agency_name == "沭阳县人民政府" and m.admin_level == "county"


# ---------------------------------------------------------------- 4. a title wrapped inside the name

LINGANG = "中国(上海)自由贸易试验区临港新片区管理委员会"


@pytest.mark.parametrize("width", ["full", "half"])
@pytest.mark.parametrize("title", [
    "中国（上海）自由贸易试验区临港新片区\n管理委员会2022年度政府信息公开工作年度报告",
    "中国（上海）自由贸易试验区\n临港新片区管理委员会2022年度政府信息公开工作年度报告",
    "中国（上海）自由贸易试验区临港新片区管理委员会\n2022年度政府信息公开工作年度报告",
    "中国（上海）自由贸易试验区临港新片区管理委员会2022年度政府信息公开工作年度报告",
])
def test_a_title_wrapped_inside_a_zone_committee_name_is_the_whole_name(title, width):
    if width == "half":
        title = title.replace("（", "(").replace("）", ")")
    raw = report(title, 2022, "上海市", signed="中国（上海）自由贸易试验区临港新片区管理委员会",
                 prose="管委会与浦东新区人民政府、奉贤区人民政府、闵行区人民政府建立政务公开协同机制。")
    m, _ = meta(raw)
    assert m.agency_name == LINGANG
    assert region(m) == ("上海市", None, None, None) and m.admin_level == "department"


@pytest.mark.parametrize("title", ["管理委员会2022年度政府信息公开工作年度报告", "临港新片区管委会2022年度政府信息公开工作年度报告",
                                   "临港新片区管理委员会2022年度政府信息公开工作年度报告"])
@pytest.mark.parametrize("where", ["compiled", "signed"])
def test_a_zone_committee_named_short_in_the_title_gets_the_name_it_signs_with(title, where):
    m, _ = meta(report(title, 2022, "上海市", **{where: "中国（上海）自由贸易试验区临港新片区管理委员会"}))
    assert m.agency_name == LINGANG
    assert region(m) == ("上海市", None, None, None)


def test_page_debris_inside_a_signed_name_is_no_spelled_out_name():
    # a page number glued into the sign-off (北京市海淀区3教育委员会) is not the title's name spelled out
    from transforms.metadata import _is_abbreviation_of

    assert not _is_abbreviation_of("北京市海淀区教育委员会", "北京市海淀区3教育委员会")
    assert _is_abbreviation_of("淮安市市场监管局经开区分局", "淮安市市场监督管理局经济技术开发区分局")
