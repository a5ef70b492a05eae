"""Gazetteer: the divisions table's coverage and resolve_region on made-up agency names."""

from __future__ import annotations

from collections import Counter

import pytest

from transforms.gazetteer import (
    Region,
    county_by_stem,
    divisions,
    find_places,
    one_character_away,
    resolve_region,
)


def test_table_covers_every_level():
    counts = Counter(d.level for d in divisions())
    assert counts["province"] == 34
    assert 330 <= counts["prefecture"] <= 340
    assert counts["county"] >= 2800


def test_every_parent_exists_and_is_one_level_up():
    by_code = {d.code: d for d in divisions()}
    for d in divisions():
        if d.level == "province":
            assert d.parent_code == ""
        else:
            parent = by_code[d.parent_code]
            assert parent.level in ({"province"} if d.level == "prefecture" else {"province", "prefecture"})


def test_ningxia_prefectures_and_counties():
    by_name = {d.name: d for d in divisions() if d.code.startswith("64")}
    prefectures = {d.name for d in by_name.values() if d.level == "prefecture"}
    assert prefectures == {"银川市", "石嘴山市", "吴忠市", "固原市", "中卫市"}
    assert by_name["中宁县"].parent_code == by_name["中卫市"].code
    assert by_name["盐池县"].parent_code == by_name["吴忠市"].code
    assert by_name["同心县"].parent_code == by_name["吴忠市"].code
    assert by_name["永宁县"].parent_code == by_name["银川市"].code


@pytest.mark.parametrize(
    "text, expected",
    [
        ("中宁县", Region("宁夏回族自治区", "中卫市", "中宁县")),
        ("中卫市", Region("宁夏回族自治区", "中卫市")),
        ("宁夏", Region("宁夏回族自治区")),
        ("银川", Region("宁夏回族自治区", "银川市")),
        ("宁夏回族自治区人民政府办公厅", Region("宁夏回族自治区")),
        ("永宁县胜利乡人民政府", Region("宁夏回族自治区", "银川市", "永宁县", "胜利乡")),
        ("中卫市人民政府办公室", Region("宁夏回族自治区", "中卫市")),
        ("浙江省财政厅", Region("浙江省")),
        ("北京市朝阳区人民政府", Region("北京市", None, "朝阳区")),
        ("长春市朝阳区人民政府", Region("吉林省", "长春市", "朝阳区")),
        ("吉林省朝阳区", Region("吉林省", "长春市", "朝阳区")),
        ("朝阳区人民政府", Region()),  # several cities have one: never guess
        ("鼓楼区财政局", Region()),
        ("福州市鼓楼区财政局", Region("福建省", "福州市", "鼓楼区")),
        ("吉林", Region("吉林省")),  # 吉林省 or 吉林市: only the province is certain
        ("海南", Region("海南省")),
        ("海南州人民政府", Region("青海省", "海南藏族自治州")),
        ("湘西州民政局", Region("湖南省", "湘西土家族苗族自治州")),
        ("仙桃市人民政府", Region("湖北省", None, "仙桃市")),
        ("上海市浦东新区人民政府", Region("上海市", None, "浦东新区")),
        ("重庆市渝中区人民政府", Region("重庆市", None, "渝中区")),
        ("东莞市虎门镇人民政府", Region("广东省", "东莞市", None, "虎门镇")),
        ("北京市朝阳区建外街道办事处", Region("北京市", None, "朝阳区", "建外街道")),
        ("杭州市西湖区北山街道办事处", Region("浙江省", "杭州市", "西湖区", "北山街道")),
        ("乐东县人民政府", Region("海南省", None, "乐东黎族自治县")),  # 自治县 written short
        ("密云县人民政府", Region("北京市", None, "密云区")),  # the name before 县改区
        ("国家税务总局宁夏回族自治区税务局", Region("宁夏回族自治区")),
        ("国家发展和改革委员会", Region()),
        ("教育部", Region()),
        ("国务院台湾事务办公室", Region()),
        ("某某县住房和城乡建设局", Region()),
        ("永宁县住房和城乡建设局", Region("宁夏回族自治区", "银川市", "永宁县")),
        ("广东省深圳市南山区人民政府", Region("广东省", "深圳市", "南山区")),
        ("四川省凉山彝族自治州西昌市人民政府", Region("四川省", "凉山彝族自治州", "西昌市")),
        ("内蒙古自治区阿拉善盟行政公署", Region("内蒙古自治区", "阿拉善盟")),
    ],
)
def test_resolve_region(text, expected):
    assert resolve_region(text) == expected


def test_context_settles_an_ambiguous_county():
    body = "2020年,北京市朝阳区认真贯彻落实北京市政务公开工作要点。"
    assert resolve_region("朝阳区人民政府", context=body) == Region("北京市", None, "朝阳区")


def test_context_without_a_parent_leaves_it_open():
    assert resolve_region("朝阳区人民政府", context="本区认真贯彻落实条例。") == Region()


def test_first_place_wins_over_an_unrelated_later_one():
    assert resolve_region("中卫市人民政府关于银川市") == Region("宁夏回族自治区", "中卫市")


def test_find_places_takes_longest_names():
    surfaces = [m.surface for m in find_places("宁夏回族自治区中卫市中宁县")]
    assert surfaces == ["宁夏回族自治区", "中卫市", "中宁县"]


def test_resolving_repeatedly_gives_the_same_region():
    # no timing is asserted (tests run on busy machines); the indexes are built once and reused
    first = resolve_region("宁夏回族自治区永宁县胜利乡人民政府2019年政府信息公开工作年度报告")
    assert all(resolve_region("宁夏回族自治区永宁县胜利乡人民政府") == first for _ in range(100))
    assert first == Region("宁夏回族自治区", "银川市", "永宁县", "胜利乡")


@pytest.mark.parametrize(
    "name, province, expected",
    [
        ("沐阳县", "江苏省", {"沭阳县", "泗阳县", "射阳县"}),  # three near names: the caller must narrow
        ("沭阳县", "江苏省", set()),  # a known name is never "near" anything
        ("沐阳县", None, set()),  # no province: no guess
        ("沐阳县", "浙江省", {"平阳县", "松阳县"}),
        ("中宇县", "宁夏回族自治区", {"中宁县"}),
        ("襄樊市", "湖北省", {"襄阳市"}),  # a renamed city reads as its successor
    ],
)
def test_one_character_away(name, province, expected):
    assert {surface for surface, _ in one_character_away(name, province)} == expected


def test_county_by_stem_finds_the_county_a_zone_is_named_after():
    assert [d.name for d in county_by_stem("平潭综合实验区")] == ["平潭县"]
    assert county_by_stem("苏州工业园区") == []  # 苏州 is a prefecture, not a county
    assert {d.name for d in county_by_stem("朝阳新区")} >= {"朝阳区", "朝阳县"}
