"""Report metadata from normalised report text: title, agency, report year, publication date, region.

Input is the canonical text form (simplified characters, NFKC width, markup removed). Every rule
works on the report's own wording; nothing is keyed to particular agencies or files.

Only a bounded head and tail of the text are read (a crawler dump may be one 5 MB line), and
line breaks are a help, never a requirement: long lines are cut into sentence segments.
Every regex is linear (bounded quantifiers, no nested repetition).
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from transforms import gazetteer
from transforms.tables.grid import is_table_line

FIRST_YEAR = 2008  # the disclosure regulation took effect on 2008-05-01
_HEAD_LINES = 15  # the title is among the first non-empty lines
_TAIL_LINES = 8  # a signature date is among the last non-empty lines
_HEAD_CHARS = 6000  # metadata is read from this much of the start …
_TAIL_CHARS = 2000  # … and this much of the end, whatever the text's length
_SEGMENT_CHARS = 160  # a longer line is cut into sentences (one-line crawler dumps)
_MAX_AGENCY = 40

Finding = tuple[str, str, str]  # (check_name, severity, message)

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# (a Latin O typed for 〇 is as common as 〇 itself: 二O一九年; NFKC makes the full-width Ｏ one too)
_CN_YEAR = "(?=[〇○零O一二三四五六七八九]{0,3}[一二三四五六七八九])[〇○零O一二三四五六七八九]{4}"
_YEAR = rf"(?:(?:19|20)\d{{2}}|{_CN_YEAR})"
_TOPIC = r"(?:政府信息公开|政务公开|信息公开)"
_TITLE_RE = re.compile(rf"{_TOPIC}.{{0,16}}?(?:年度报告|工作报告|年报|报告)")
# The covered year in a title is followed by 年 (a number inside a name, 小2015县, is not).
_TITLE_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})\s?(?:年度|年)(?=.{{0,24}}?{_TOPIC})")
_TITLE_BARE_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})(?={_TOPIC})")  # 2019政府信息公开…
_TITLE_LATE_YEAR_RE = re.compile(rf"(?<!\d)({_YEAR})年")  # 政务公开2022年度工作报告
_ABOUT_RE = re.compile(r"关于(?:印发|公布|发布|公开|转发)?")
_NOT_TITLE_RE = re.compile(r"当前位置|首页|>|»|。|《[^》]{0,80}》")
_YEAR_LINE_RE = re.compile(rf"^{_YEAR}年度?$")
_TITLE_PREFIX_RE = re.compile(r"^(?:(?:文章标题|信息名称|公开事项名称|标题|题目|名称|主题)\s?:\s?)?"
                              r"(?:(?:转发|回复|答复|Fwd?|FW|Re|RE)\s?:\s?)*"
                              # a compilation's part or entry number before a report's title (第二部分, 二、)
                              r"(?:第[一二三四五六七八九十\d]{1,3}(?:部分|篇|章)\s?|[一二三四五六七八九十]{1,3}、(?=\S{2,40}?\d{4}年))?")
# A post's hashtags and mentions (#政务公开# … @南京发布): never part of a title.
# (a line's first tag may have lost its opening # to the markdown pass: `政务公开# #…#`)
_POST_TAGS_RE = re.compile(r"^[^#\s]{1,20}#(?=\s)|#[^#\n]{1,40}#|@[^\s@#]{1,30}")
_SPACE_RE = re.compile(r"[ \u3000]+")


@lru_cache(maxsize=16)
def _unspaced(s: str) -> str:
    """`s` without its spaces: the head, the tail and both together are read so several times a report."""
    return _SPACE_RE.sub("", s)
_SEGMENT_CUT_RE = re.compile(r"(?<=[。!?;])|={3,}|\s{2,}|\t|\|")
_PERIOD_RE = re.compile(
    r"统计(?:期限|期间|时限|时段|区间|范围|时间|周期)[^。\n]{0,16}?(\d{4})年(\d{1,2})月(\d{1,2})日"
    r"(?:起)?(?:至|到|-|—|~|～)(\d{4})年(\d{1,2})月(\d{1,2})日"
)
_LOOSE_YEAR_RE = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})年(?!\d{1,2}月)")
_BODY_TITLE_RE = re.compile(rf"《([^《》\n]{{2,60}}?) ?{_YEAR} ?年度? ?{_TOPIC}[^《》\n]{{0,24}}》")

_CN_NUM = r"[〇○零一二三四五六七八九十]"
_DATE = (
    rf"(?:(\d{{4}})\s?年\s?(\d{{1,2}})\s?月\s?(\d{{1,2}})\s?日"
    rf"|(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})"
    rf"|({_CN_YEAR})年({_CN_NUM}{{1,2}}|元)月({_CN_NUM}{{1,3}})日)"
)
# a weekday printed with a date: 2021年1月25日（星期一）, 发布时间：星期一 2021年1月25日
_WEEKDAY = r"(?:[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?)"
_DATE_RE = re.compile(_DATE)
# a sign-off dated to the month only
_MONTH_LINE_RE = re.compile(rf"^(?:\d{{4}}|{_CN_YEAR})年(?:\d{{1,2}}|{_CN_NUM}{{1,2}})月$")
_DATE_LINE_RE = re.compile(rf"^[(\[]?\s?{_DATE}\s?[)\]]?\s?{_WEEKDAY}?$")
_DATE_FIELD_RE = re.compile(rf"(?:发布日期|发布时间|成文日期|公开日期|发文日期|印发日期)\s?:?\s?(?:{_WEEKDAY}\s?)?{_DATE}")
_DATE_LINE_FIELD_RE = re.compile(rf"^(?:日期|时间)\s?:\s?{_DATE}")

# Header fields of a saved web page or a page header (标题: / 发布机构: / 单位: …), on their own
# lines or glued into one line: a value ends where the next known key starts.
_FIELD_KEYS = (
    "文章标题|信息名称|标题|题目|名称|发布机构|发文机关|发布单位|发文单位|公开单位|公开主体|信息来源|来源|单位|"
    "发布时间|发布日期|发文日期|成文日期|公开日期|生成日期|文号|发文字号|索引号|栏目|所属栏目|主题分类|分类|原文链接|链接|网址|"
    "浏览次数|字号|有效性|关键词|主题词"
)
# key: value, or a metadata grid's key cell then value cell (TSV or markdown pipes). The site's
# own 主办单位/承办单位 in the page chrome is not the report's body.
_FIELD_RE = re.compile(
    rf"(?<!主办)(?<!承办)(?<!协办)(?<!技术支持)({_FIELD_KEYS})(?: ?: ?|\t| ?\| ?)([^\n\t|]{{0,100}}?)"
    rf"(?= ?(?:(?:{_FIELD_KEYS}) ?:|={{3}}|[\n\t|]|\s{{2}}|$))"
)
_AGENCY_FIELDS = ("发布机构", "发文机关", "发布单位", "发文单位", "单位", "公开单位", "公开主体", "来源", "信息来源")
_TITLE_FIELDS = ("标题", "文章标题", "信息名称", "题目", "名称")
_BODY_START_RE = re.compile(r"={3,}|一、\s?总体情况|一、\s?概述")
# 本报告…由XX(根据…)编制 / XX编制了本报告: the clause naming who compiled the report. The verb is
# found first; the clause before it (to the last punctuation, at most 60 characters) names the body.
_COMPILE_VERB_RE = re.compile(r"编制|制作|编写|起草|编撰|撰写|制定|发布|公布")
_THIS_REPORT_RE = re.compile(r"了?(?:本|此)(?:年度)?(?:报告|年报)")
_CLAUSE_BREAK_RE = re.compile(r"[\s,。;:、《》“”()]")
_SENTENCE_BREAK_RE = re.compile(r"[。;!?\n]")
_CLAUSE_STOP_RE = re.compile(r"负责|牵头|汇总|组织|统一|会同|依据|根据|按照|结合|对照|在|于|对")
_LEADING_FUNCTION_RE = re.compile(r"^(?:现|特|并|已|均|经|由|是|为|将|我们|今)+")

_ORGAN_SUFFIX_RE = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|办事处|委员会|管委会|局|厅|部|署|委|办|院|会|中心|所|站|队|处|馆|社|行|大学|学校|海关|台)$"
)
# A development zone's body is its management committee (苏州工业园区 → …管理委员会).
_ZONE_SUFFIX_RE = re.compile(
    r"(?:开发区|实验区|试验区|示范区|新区|园区|工业园|产业园|高新区|保税区|自贸区|合作区|功能区|管理区|度假区|风景区|旅游区|投资区|港区)$"
)
# A place that is not in the table but ends like one (某某县, 小2015县); 城乡/乡镇 are words, not places.
_PLACE_LIKE_RE = re.compile(r"^[\u4e00-\u9fff\d]{1,12}?(?:自治区|自治州|自治县|地区|省|市|县|区|旗|州|盟)$")
_TOWN_LIKE_RE = re.compile(r"^[\u4e00-\u9fff\d]{1,16}?(?:街道|镇|乡)$")
_NOT_PLACE_WORD_RE = re.compile(r"报告|年度|公开|工作|情况|城乡|乡镇|全[省市县区]|本[省市县区镇乡]|各[省市县区]|我[省市县区]|该[省市县区]")
# A township name is only taken when the body's own name follows (乡村振兴局 is not a 乡).
_TOWNSHIP_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:乡|镇|街道)(?=人民政府|政府|办事处|$)")
_AGENCY_JUNK_RE = re.compile(r"^(?:关于|《|“|\"|【|附件\d{0,2}:?|一图(?:读懂|看懂|速览|了解)|图解)+|(?:关于|的|《|》|”|\"|:|-|—)+$")
# What never sits in a body's name: sentence punctuation, quotation or book-title marks, verbs of a sentence.
_NOT_AGENCY_RE = re.compile(r"[。,;:!?、《》“”\"'<>\[\]{}]|根据|按照|依据|关于|为了|以下|本报告|本机关|现将|的|网站|http|www")
_SELF_REFERENCE_RE = re.compile(r"^(?:我|本|该|全|各|此|其)")
_UNKNOWN_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:县|区|市|旗)")
_GENERIC_PLACE_RE = re.compile(r"开发|高新|园|新区|保税|实验|试验|示范|经济|工业|管理|城区|郊区|市区|辖区|矿区|景区|社区|片区|小区|山区|林区|全|本|各|该|我")
# Printed forms of a place's own body, preferred over the default suffix when the report prints one.
_PLACE_BODY_FORMS = ("人民政府", "行政公署", "管理委员会", "管委会", "街道办事处", "办事处")
# An abbreviated body name (科委, 人社局, 发改委) ends in one of these; the full name ends in the value.
_ABBREV_SUFFIX = {"委": "委员会", "局": "局", "办": "办公室", "厅": "厅"}
_GENERIC_LEVEL_RE = re.compile(r"^(?:省|市|区|县|州|旗)")


@dataclass(frozen=True)
class ReportMetadata:
    """Title, agency, covered year, publication date, region and level of one report.

    `findings` lists what a reader should know about how the metadata was read
    (check_name, severity, message): agency_missing, agency_doubtful, place_name_corrected,
    title_year_conflict.
    """

    title: str | None
    agency_name: str | None
    report_year: int | None
    published_date: datetime.date | None
    region_province: str | None
    region_city: str | None
    region_county: str | None
    region_township: str | None
    admin_level: str | None  # 'province' | 'prefecture' | 'county' | 'township' | 'department'
    findings: list[Finding] = field(default_factory=list, compare=False, hash=False)


@dataclass(frozen=True)
class _View:
    """The bounded parts of a report that metadata is read from."""

    head: str
    tail: str
    head_lines: list[str]
    tail_lines: list[str]
    fields: dict[str, str]

    @property
    def printed(self) -> str:
        """Head and tail together: where printed full names are looked up."""
        return self.head + "\n" + self.tail


def _view(text: str) -> _View:
    head = text[:_HEAD_CHARS]
    tail = text[-_TAIL_CHARS:] if len(text) > _HEAD_CHARS else ""
    if tail and len(text) > _HEAD_CHARS + _TAIL_CHARS:
        tail = tail.partition("\n")[2] if "\n" in tail[:400] else tail  # drop a cut first line
    tail_lines = _nonempty_lines(tail or text[-_TAIL_CHARS:])
    return _View(head, tail, _nonempty_lines(head), tail_lines, _fields(head))


def extract_metadata(text: str) -> ReportMetadata:
    """Read the metadata of one report from its normalised text (missing fields are None)."""
    view = _view(text)
    findings: list[Finding] = []
    title = find_title(view.head_lines) or _field_title(view)
    year = _detect_year(view, title, findings)
    agency = _agency(title, view, findings)
    if agency:
        agency = _correct_place(agency, view, findings)
    level = admin_level_of(agency) if agency else None
    region = gazetteer.resolve_region(_region_name(agency) if agency else title or "", context=view.head[:3000])
    if agency and region == gazetteer.Region():
        zone = _zone_county(agency, view)
        if zone is not None:
            region, level = gazetteer.resolve_region(zone.name, context=view.head[:3000]), (
                "county" if _TERRITORIAL_ZONE_RE.search(agency) else level)
        elif _ZONE_BODY_RE.search(agency):
            # a zone's body named by the zone alone (洋山特殊综合保税区管理局): a department of its
            # city, and the city is known without a name only for a municipality the report is of
            province = _context_province(view.head[:3000])
            if province in _MUNICIPALITIES:
                region = gazetteer.resolve_region(province)
    if agency and region == gazetteer.Region():
        region = _unnamed_region(agency, view)
    township = region.township if level == "township" else None
    return ReportMetadata(
        title=title,
        agency_name=agency,
        report_year=year,
        published_date=_published_date(view, year),
        region_province=region.province,
        region_city=region.city,
        region_county=region.county,
        region_township=township,
        admin_level=level,
        findings=findings,
    )


# A city bureau's branch named after one of the city's districts (上海市公安局浦东分局, 南京市公安局鼓楼分局).
_DISTRICT_BRANCH_RE = re.compile(r"(?P<body>[\u4e00-\u9fff]{2,16}?局)(?P<short>[\u4e00-\u9fff]{2,3})分局$")


def _region_name(agency: str) -> str:
    """The name the region is read from: a street office under its government (南京市鼓楼区人民政府
    宁海路街道办事处) lies where the street is (南京市鼓楼区宁海路街道办事处); a city bureau's branch
    named after a district of that city (上海市公安局浦东分局) lies in the district."""
    cut = agency.find("人民政府")
    if cut > 0 and _STREET_OFFICE_RE.match(agency[cut + 4 :]) and _place_prefix_len(agency[:cut]) == cut:
        return agency[:cut] + agency[cut + 4 :]
    places = _place_prefix_len(agency)
    m = _DISTRICT_BRANCH_RE.match(agency, places) if places else None
    if m:
        city = gazetteer.resolve_region(agency[:places])
        for suffix in ("新区", "区", "县", "市"):
            name = m.group("short") + suffix
            if not gazetteer.is_known_name(name):
                continue
            region = gazetteer.resolve_region(agency[:places] + name)
            if region.county and region.province == city.province and (city.city is None or region.city == city.city):
                return agency[:places] + name
    return agency


# ---------------------------------------------------------------- lines, fields and title


def _nonempty_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("#>").strip().strip("*").strip()
        if not line:
            continue
        if len(line) <= _SEGMENT_CHARS:
            out.append(line)
            continue
        out.extend(s.strip() for s in _SEGMENT_CUT_RE.split(line) if s and s.strip())
    return out


def _fields(head: str) -> dict[str, str]:
    """Header fields before the body starts (first value of each key)."""
    start = _BODY_START_RE.search(head)
    block = head[: start.start()] if start else head[:1500]
    out: dict[str, str] = {}
    for m in _FIELD_RE.finditer(block[:3000]):
        value = m.group(2).strip()
        if value:
            out.setdefault(m.group(1), value)
    return out


def _field_title(view: _View) -> str | None:
    for key in _TITLE_FIELDS:
        value = view.fields.get(key)
        if value and _TITLE_RE.search(value):
            return _compact(value).strip("《》")
    return None


def _compact(s: str) -> str:
    """Drop spaces between non-ASCII characters (titles print '中宁县 2019 年')."""
    s = _SPACE_RE.sub(" ", s.strip())
    return re.sub(r" (?![A-Za-z])|(?<![A-Za-z]) ", "", s)


_COMPILATION_TAIL_RE = re.compile(r"^\s?(?:汇编|合集|选编|汇总|一览|目录|合订本)")


def _title_candidate(line: str) -> str | None:
    """The title in a line: the whole line, or (in a long line) the stretch ending at 报告."""
    if "#" in line or "@" in line:
        line = _POST_TAGS_RE.sub(" ", line)
    cand = _TITLE_PREFIX_RE.sub("", _compact(line)).strip("《》")
    if len(cand) > 80:
        m = _TITLE_RE.search(cand, 0, 160)
        if not m or m.start() > 60:
            return None
        start = max((cand.rfind(c, 0, m.start()) for c in ">»|:]】 "), default=-1) + 1
        cand = _TITLE_PREFIX_RE.sub("", cand[start : m.end()]).strip("《》")
    m = _TITLE_RE.search(cand) if len(cand) <= 80 else None
    if m is None or _NOT_TITLE_RE.search(cand[: m.end()]):
        return None
    rest = cand[m.end() :]
    if _COMPILATION_TAIL_RE.match(rest):
        return None  # 各街道2020年度…年度报告一览 / …汇编: the title of a compilation, not of its reports
    if len(rest) > 14 or re.search(r"[:。]|发布|日期|来源|浏览", rest):
        cand = cand[: m.end()]  # 发布日期:… or a source glued after the title
    elif _NOT_TITLE_RE.search(rest):
        return None
    return cand


def find_title(lines: list[str]) -> str | None:
    """The report's title from its first non-empty lines, joining an agency line printed above it.

    The earliest title wins, whether printed on one line or broken inside its topic words over two
    or three short lines (2019年政府信息公开 / 工作年度报告, or a PDF title wrapped inside 年度报告): a
    later line that merely quotes the title (现公布…年度报告) must not win over the title itself.
    """
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if is_table_line(line):
            continue  # a metadata grid (索引号 / 分类: …年度报告) or a table row is never the title
        cand = _title_candidate(line)
        if cand is None:
            broken = _broken_title_at(lines, i)
            if broken is not None:
                return _year_line_above(lines, i, broken)
            continue
        part = _agency_part(cand) if i > 0 else ""
        if i > 0 and part is None:
            cand = _join_title_lines(lines[max(0, i - 2) : i], cand)
        elif i > 0 and (_place_prefix_len(part) == 0 or _NATIONAL_RE.match(_compact(lines[i - 1]))):
            # a title broken inside the agency's name (昆山市市场监督管 / 理局2021年…, 国家税务总局 /
            # 上海市税务局2024年…): the line above completes it when the joined name starts with a
            # place or a national organ and the fragment alone does not
            joined = _join_title_lines(lines[max(0, i - 1) : i], cand)
            joined_part = _agency_part(joined) if joined != cand else None
            if joined_part and (_place_prefix_len(joined_part) > 0 or _NATIONAL_RE.match(joined_part)):
                cand = joined
        return _year_line_above(lines, i, cand)
    return None


def _year_line_above(lines: list[str], i: int, cand: str) -> str:
    """The title with the year printed on a line of its own above it (2025年 / 某某市…年度报告)."""
    if _title_year(cand):
        return cand
    for j in range(i - 1, max(-1, i - 3), -1):  # above the lines the title already joined
        if _YEAR_LINE_RE.match(_compact(lines[j])):
            return _compact(lines[j]) + cand if cand.startswith("".join(_compact(x) for x in lines[j + 1 : i])) else cand
    return cand


_BARE_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")
_YEARLESS_NIAN_RE = re.compile(r"[^\d年](?=年度?(?:政府信息公开|政务公开|信息公开))")


def _broken_title_at(lines: list[str], i: int) -> str | None:
    """A title that starts on line i and is broken over 2 or 3 short lines, else None."""
    for k in (2, 3):
        parts = [_TITLE_PREFIX_RE.sub("", _compact(x)) for x in lines[i : i + k]]
        if len(parts) < k or any(len(p) > 40 or is_table_line(p) or _NOT_TITLE_RE.search(p) for p in parts):
            continue
        cand = "".join(parts)
        years = [j for j, x in enumerate(parts) if j > 0 and _BARE_YEAR_RE.match(x)]
        if len(years) == 1 and not _title_year(cand):
            # the year set in another font or size is a line of its own in a PDF's text (…人民政府年政府
            # 信息公开工作年度报 / 2021 / 告): it belongs before the title's 年 that has no year
            rest = "".join(x for j, x in enumerate(parts) if j != years[0])
            at = _YEARLESS_NIAN_RE.search(rest)
            if at is not None:
                cand = rest[: at.start() + 1] + parts[years[0]] + rest[at.start() + 1:]
        if _TITLE_RE.search(cand) and not any(_TITLE_RE.search(p) for p in parts):
            if _agency_part(cand) is None:
                return _join_title_lines(lines[max(0, i - 2) : i], cand)
            return cand
    return None


# a national organ, or a national zone named with its province: 中国(上海)自由贸易试验区 (NFKC parentheses)
_NATIONAL_RE = re.compile(r"^(?:国家|中国|中华人民共和国|国务院|中共中央)(?:\([\u4e00-\u9fff]{2,4}\))?[\u4e00-\u9fff]{0,18}$")


def _join_title_lines(above: list[str], cand: str) -> str:
    """A title printed over two or three lines: join the lines above when they name the body
    (绵阳市人民政府 / 2019年 / 政府信息公开工作年度报告)."""
    own = _agency_part(cand)
    for k in (1, 2):
        parts = [_compact(x) for x in above[-k:]] if len(above) >= k else None
        if not parts or any(_NOT_TITLE_RE.search(p) or len(p) > 40 or re.search(r"[,;:]", p) for p in parts):
            continue
        joined = "".join(parts) + cand
        if own and cand.startswith(own) and "".join(parts).endswith(own):
            # a header line with the body's full name over a title that repeats its short name
            # (中华人民共和国厦门海事局 / 厦门海事局2021年…): the name once
            joined = "".join(parts) + cand[len(own):]
        part = _agency_part(joined)
        named = part is not None and canonical_agency(part) is not None
        if named and (_looks_like_agency(parts[0]) or _title_year(joined)):
            return joined
    return cand


def _title_year(title: str) -> re.Match[str] | None:
    return _TITLE_YEAR_RE.search(title) or _TITLE_BARE_YEAR_RE.search(title)


def _agency_part(title: str) -> str | None:
    """The text naming the agency in a title: before the year, or between the year and the topic."""
    m = _title_year(title)
    topic = re.search(_TOPIC, title)
    if m and m.start() > 0:
        raw = title[: m.start()]
    elif m:
        raw = title[m.end() : topic.start()] if topic and topic.start() > m.end() else ""
    else:
        raw = title[: topic.start()] if topic else ""
    raw = _YEAR_RANGE_START_RE.sub("", _COLUMN_LABEL_RE.sub("", raw))
    about = _ABOUT_RE.search(raw)
    if about:  # XX办公室关于印发XX县2019年…的通知: the report is the one named after 关于
        raw = raw[about.end() :] or raw[: about.start()]
    raw = _AGENCY_JUNK_RE.sub("", raw).strip()
    if raw.endswith("人民"):  # '…县人民政府信息公开…': the topic swallowed 政府
        raw = raw[:-2]
    return raw or None


# A title covering two years (沙县区人民政府2020—2021年…): the first year and its dash are not the name's.
_YEAR_RANGE_START_RE = re.compile(rf"{_YEAR}\s?(?:年度?)?\s?[—–\-~～至到]+\s?$")
# A portal's column label before the title (【政务公开】瀛洲街道2020年…): not the name's.
_COLUMN_LABEL_RE = re.compile(r"^(?:【[^】]{1,30}】|\[[^\]]{1,30}\])\s*")
# 联系方式：厦门市集美区市场监督管理局办公室，…: the body a report gives as its contact, when nothing else names it.
_CONTACT_RE = re.compile(r"联系(?:方式|单位|部门|地址)?\s?[:：]\s?([\u4e00-\u9fff()（）]{4,40}?)(?=[,，;；。\s(（]|地址|电话|$)")


def _contact_body(view: _View) -> str | None:
    """The body named in a 联系方式/联系单位 line (its 办公室 or 政务公开 office stands for the body itself)."""
    for text in (view.head, view.tail):
        for m in _CONTACT_RE.finditer(_SPACE_RE.sub("", text)):
            name = re.sub(r"(?:办公室|办公厅|政务公开(?:办公室|办|科|处)|综合科|法规科)$", "", m.group(1))
            if _ORGAN_SUFFIX_RE.search(name) and _place_prefix_len(name) > 0:
                return name
    return None


def _looks_like_agency(s: str) -> bool:
    return 2 <= len(s) <= _MAX_AGENCY and not _NOT_AGENCY_RE.search(s) and (
        bool(_ORGAN_SUFFIX_RE.search(s)) or _place_prefix_len(s) == len(s)
    )


# ---------------------------------------------------------------- year


def _to_year(s: str) -> int:
    return int(s) if s.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in s))


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= datetime.date.today().year


def detect_report_year(text: str) -> int | None:
    """The year a report covers: from its title, else its statistics period, else its opening lines."""
    # (the year is read from the head alone: the view's tail is not built)
    head = text[:_HEAD_CHARS]
    view = _View(head, "", _nonempty_lines(head), [], _fields(head))
    return _detect_year(view, find_title(view.head_lines) or _field_title(view))


def _detect_year(view: _View, title: str | None, findings: list[Finding] | None = None) -> int | None:
    """The title's year, else the statistics period's, else the opening lines'. A period that spans
    one whole calendar year outranks a title naming another year (a title copied from last year's
    report): the report covers the period's year, and a finding says so."""
    titled, period = _year_from_title(title), _year_from_period(view.head, whole_year=True)
    if titled is not None and period is not None and period != titled:
        if findings is not None:
            findings.append(("title_year_conflict", "warning",
                             f"the title names {titled} but the statistics period is all of {period}; "
                             f"the report is filed under {period}"))
        return period
    for year in (titled, _year_from_period(view.head), _year_from_opening(view.head_lines)):
        if year is not None:
            return year
    year = _year_from_overview(view.head)
    if year is not None and findings is not None:
        findings.append(("report_year_from_body", "warning",
                         f"neither the title nor a statistics period names the year; {year} is read from the "
                         "first sentence of 一、总体情况"))
    return year


# 一、总体情况 opens with the year it reports on: `2020年，区政府办公室…`, `2020年以来`, `2020年度，`.
_OVERVIEW_RE = re.compile(r"总体情况[\s:：]{0,4}(?:[（(]?[一1][）)]?[^。\n]{0,16}?[\s:：。]{0,3})?"
                          r"(?<!\d)((?:19|20)\d{2})\s?年度?(?:[，,]|以来|是|全年|我|本|共)")


def _year_from_overview(head: str) -> int | None:
    """The year the 总体情况 section's first sentence starts with; None when it starts otherwise."""
    m = _OVERVIEW_RE.search(_unspaced(head))
    year = int(m.group(1)) if m else None
    return year if year is not None and _plausible(year) else None


def _year_from_title(title: str | None) -> int | None:
    if not title:
        return None
    for pattern in (_TITLE_YEAR_RE, _TITLE_BARE_YEAR_RE, _TITLE_LATE_YEAR_RE):
        for m in pattern.finditer(title):
            year = _to_year(m.group(1))
            if _plausible(year):
                return year
    return None


_CN_DATE_RE = re.compile(rf"({_CN_YEAR})年({_CN_NUM}{{1,2}}|元)月({_CN_NUM}{{1,3}})日")


def _cn_small(s: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 三十一 → 31, 〇九 → 9, 元 (元月) → 1."""
    if s == "元":
        return 1
    if "十" not in s:
        return _to_year(s)
    tens, _, units = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _digit_dates(s: str) -> str:
    """Dates written in Chinese numerals (二〇二三年一月一日) in digits (2023年1月1日)."""
    if "〇" not in s and "○" not in s and "零" not in s and "O" not in s:
        return s  # every Chinese-numeral year has a zero in it (二〇二三)
    return _CN_DATE_RE.sub(lambda m: f"{_to_year(m.group(1))}年{_cn_small(m.group(2))}月{_cn_small(m.group(3))}日", s)


# One whole calendar year written as a range anywhere (（2023.1.1—2023.12.31）, 自2023年1月1日起至2023年12月31日止):
# the year beyond doubt, with or without a 统计期限 before it.
_WHOLE_YEAR_RE = re.compile(
    r"(?<!\d)(\d{4})(?:年0?1月0?1日|[.．/-]0?1[.．/-]0?1(?!\d|[.．/]\d))(?:起)?(?:至|到|-|—|–|~|～|－)+"
    r"(\d{4})(?:年12月31日|[.．/-]12[.．/-]31(?!\d|[.．/]\d))")


def _year_from_period(head: str, whole_year: bool = False) -> int | None:
    flat = _digit_dates(_unspaced(head)).replace("\n", "")  # (a PDF line may break inside the period)
    m = _PERIOD_RE.search(flat)
    if not m:
        w = next((w for w in _WHOLE_YEAR_RE.finditer(flat) if w.group(1) == w.group(2)), None)
        year = int(w.group(1)) if w else None
        return year if year is not None and _plausible(year) else None
    start, end = int(m.group(1)), int(m.group(4))
    if whole_year and not (start == end and (m.group(2), m.group(3), m.group(5), m.group(6)) == ("1", "1", "12", "31")):
        return None  # only 1月1日 … 12月31日 of one year names the year beyond doubt
    year = end if int(m.group(5)) == 12 else start  # a period ending 12-31 names its year
    return year if _plausible(year) else None


def _year_from_opening(lines: list[str]) -> int | None:
    """The one year clearly dominating the first lines; None when it is not clear."""
    head = _SPACE_RE.sub("", "\n".join(lines[:_HEAD_LINES]))[:1500]
    counts = Counter(int(y) for y in _LOOSE_YEAR_RE.findall(head) if _plausible(int(y)))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# ---------------------------------------------------------------- publication date


def detect_published_date(text: str, report_year: int | None = None) -> datetime.date | None:
    """The date printed with the signature at the end, or in a 发布日期/日期 field; else None."""
    return _published_date(_view(text), report_year)


def _published_date(view: _View, report_year: int | None) -> datetime.date | None:
    head, tail = view.head_lines[:20], view.tail_lines[-_TAIL_LINES:]
    candidates = [m for line in reversed(tail) if (m := _DATE_LINE_RE.match(_SPACE_RE.sub("", line)))]
    candidates += [m for _, m in _signed_dates(view.tail_lines)]
    candidates += [m for line in head + tail
                   if (m := _DATE_FIELD_RE.search(line) or _DATE_LINE_FIELD_RE.match(line))]
    for m in candidates:
        date = _to_date(m)
        if date and _plausible_publication(date, report_year):
            return date
    return None


def _to_date(m: re.Match[str]) -> datetime.date | None:
    g = m.groups()[-9:]
    try:
        if g[0] or g[3]:
            y, mo, d = (int(x) for x in (g[0:3] if g[0] else g[3:6]))
        else:
            y, mo, d = _to_year(g[6]), _cn_number(g[7]), _cn_number(g[8])
        return datetime.date(y, mo, d)
    except (ValueError, KeyError):
        return None


def _cn_number(s: str) -> int:
    """一 .. 三十一 as int (元, as in 元月, is 1)."""
    if s == "元":
        return 1
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _plausible_publication(date: datetime.date, report_year: int | None) -> bool:
    if not FIRST_YEAR <= date.year or date > datetime.date.today():
        return False
    return report_year is None or report_year <= date.year <= report_year + 3


# ---------------------------------------------------------------- agency and level


def _agency(title: str | None, view: _View, findings: list[Finding]) -> str | None:
    """The reporting body, from the first source that names one well-formed.

    Sources: the title, a header field (发布机构: / 单位: …), 本报告由…编制, the line under the
    title, the title quoted in the opening, the sign-off at the end.
    """
    title_part = _agency_part(title) if title else None
    sources = [
        ("the title", title_part),
        *((f"the {key}: field", view.fields.get(key)) for key in _AGENCY_FIELDS),
        ("the 本报告由…编制 sentence", _compiled_by(view)),
        ("the line under the title", _line_below_title(title, view.head_lines)),
        ("the title quoted in the opening", _agency_in_opening(view.head)),
        ("the sign-off", _signature(view.tail_lines)),
        ("the 联系方式 line", _contact_body(view)),
    ]
    rejected: list[str] = []
    partial: str | None = None
    # the bodies the report names as its publisher, compiler or signatory: an abbreviation elsewhere
    # (a title's 市场监管局经开区分局) is completed from these
    signed = [canonical_agency(_without_party_organ(raw)) for where, raw in sources[1:]
              if raw and where != "the title quoted in the opening"]
    for where, raw in sources:
        if not raw:
            continue
        raw = _without_party_organ(raw)
        agency = canonical_agency(raw)
        if agency is None:
            rejected.append(f"{raw[:60]!r} ({where})")
            continue
        agency = _first_of_two_names(agency)
        if where == "the title" and agency != _expand_government(_compact(raw)):
            agency = _printed_place_body(raw, agency, view)
        agency = _spelled_out_by_signer(_full_name(agency, view), signed)
        if _place_prefix_len(agency) == 0 and _GENERIC_LEVEL_RE.match(agency):
            partial = partial or agency  # 县政务公开办公室, 区人社局: a later source may name it in full
            continue
        return agency
    if partial:
        return partial
    if rejected:
        findings.append(("agency_doubtful", "warning",
                         "no agency name could be read: " + "; ".join(rejected[:3])
                         + " is not a body's name"))
    else:
        findings.append(("agency_missing", "warning",
                         "no agency name could be read from the title, header fields, opening or sign-off"))
    return None


# 中共南京市秦淮区委办公室 (、) 南京市秦淮区人民政府办公室: a Party office reporting jointly with a government one
_PARTY_ORGAN_RE = re.compile(r"^中共[\u4e00-\u9fff]{2,20}?(?:委员会|委|工委)(?:办公室|办公厅)?[\s、,,和与及]*")


_WRAPPED_LINE_RE = re.compile(r"(?<=[\u4e00-\u9fff\d,、(（“])\n(?=[\u4e00-\u9fff\d(（“])")


def _first_of_two_names(name: str) -> str:
    """A body with a second name (挂牌: 南京市市场监督管理局 南京市知识产权局, the two printed side by side or on
    two lines of the sign-off) is read by its first name, as a name in brackets is: the second begins with
    the same place as the first, right after a body's ending."""
    places = _place_prefix_len(name)
    if not places:
        return name
    place = name[:places]
    k = name.find(place, places + 2)
    while k > 0:
        if _ORGAN_SUFFIX_RE.search(name[:k]) and _ORGAN_SUFFIX_RE.search(name):
            return name[:k]
        k = name.find(place, k + 1)
    return name


def _without_party_organ(raw: str) -> str:
    """A joint Party and government office as the government body: the disclosure regulation binds
    administrative organs, so their report is the government office's. Only when the Party organ is
    a body of its own (its 办公室, or a name set apart by 、/和): 中共无锡市委无锡市人民政府信访局 is one
    joint body, named in full."""
    m = _PARTY_ORGAN_RE.match(_compact(raw))
    if m and not (m.group(0).rstrip(" \u3000、,，和与及").endswith(("办公室", "办公厅"))
                  or m.group(0) != m.group(0).rstrip(" \u3000、,，和与及")):
        return raw
    rest = _compact(raw)[m.end():] if m else ""
    if rest and _place_prefix_len(rest) and canonical_agency(rest):
        return rest  # a second body named in full after the Party one (never 宣传部 of 中共某市委宣传部)
    return raw


def _compiled_by(view: _View) -> str | None:
    """The body named as the report's compiler (本报告由…编制, …编制了本报告), head first."""
    for part in (view.head, view.tail):
        part = _unspaced(part)
        if "以下简称" in part:
            part = _SHORT_FOR_STRIP_RE.sub("", part)
        part = _WRAPPED_LINE_RE.sub("", part)  # PDF text wraps the sentence anywhere: 本报告由某区人民政府 / 根据…编制
        part = _masked(part)
        for m in _COMPILE_VERB_RE.finditer(part):
            window = _SENTENCE_BREAK_RE.split(part[max(0, m.start() - 80) : m.start()])[-1]
            if "由" in window:  # 由XX根据《条例》要求编制: the body follows 由, up to the next clause word
                chunk = _CLAUSE_BREAK_RE.split(window[window.index("由") + 1 :])[0]
            elif _THIS_REPORT_RE.match(part, m.end()):  # XX编制了本报告
                chunk = _CLAUSE_BREAK_RE.split(window)[-1]
            else:
                continue
            stop = _CLAUSE_STOP_RE.search(chunk, 2)
            agency = _trim_to_agency(_unmasked(chunk[: stop.start()] if stop else chunk), from_left=True)
            if agency:
                return agency
    return None


def _line_below_title(title: str | None, lines: list[str]) -> str | None:
    """A body named on its own line just under a title that names none (PDF cover pages)."""
    if not title:
        return None
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if title.endswith(_TITLE_PREFIX_RE.sub("", _compact(line)).strip("《》")):
            for below in lines[i + 1 : i + 3]:
                if _looks_like_agency(_compact(below)):
                    return _compact(below)
            return None
    return None


def _agency_in_opening(head: str) -> str | None:
    m = _BODY_TITLE_RE.search(_SPACE_RE.sub("", head[:1500]))
    return _AGENCY_JUNK_RE.sub("", m.group(1)) if m else None


_PAGE_NUMBER_LINE_RE = re.compile(r"^[-—–\s]*\d{1,3}[-—–\s]*$|^第\d{1,3}页(?:共\d{1,3}页)?$|^\d{1,3}/\d{1,3}$")


def _signature(lines: list[str]) -> str | None:
    """The body signing the report: the line above a trailing date line, or a body and date in one segment."""
    tail = [x for x in lines[-_TAIL_LINES - 4:] if not _PAGE_NUMBER_LINE_RE.match(x)][-_TAIL_LINES:]  # PDF page numbers
    for i in range(len(tail) - 1, 0, -1):
        line = _SPACE_RE.sub("", tail[i])
        if _DATE_LINE_RE.match(line) or _MONTH_LINE_RE.match(line):
            above = _compact(tail[i - 1])
            if _looks_like_agency(above):
                return above
            break
    for agency, _ in _signed_dates(lines):
        return agency
    return None


def _signed_dates(lines: list[str]) -> list[tuple[str, re.Match[str]]]:
    """(body, date) pairs printed together at the end (…事项无。平潭综合实验区管理委员会2020年1月15日)."""
    out = []
    for seg in reversed(lines[-_TAIL_LINES:]):
        seg = _compact(seg)
        for m in reversed(list(_DATE_RE.finditer(seg))):
            after = seg[m.end() :]
            if after and not re.match(r"^[)\]\s]{0,3}(?:$|\(|[^\u4e00-\u9fff])", after):
                continue
            agency = _trim_to_agency(seg[max(0, m.start() - _MAX_AGENCY) : m.start()])
            if agency:
                out.append((agency, m))
        if out:
            break
    return out


# 中国(上海)自由贸易试验区: the province in parentheses is part of the name, not a break in a clause
_NAMED_PROVINCE_RE = re.compile(r"中国\(([\u4e00-\u9fff]{2,4})\)")
_MASKED_PROVINCE_RE = re.compile("中国\x00([\u4e00-\u9fff]{2,4})\x01")


def _masked(s: str) -> str:
    return _NAMED_PROVINCE_RE.sub("中国\x00\\1\x01", s) if "中国(" in s else s


def _unmasked(s: str) -> str:
    return _MASKED_PROVINCE_RE.sub(r"中国(\1)", s) if "\x00" in s else s


def _trim_to_agency(chunk: str, from_left: bool = False) -> str | None:
    """The longest tail of `chunk` that is a body's name, starting at a break or at a place name.

    With `from_left` the chunk is a clause's subject (现由…): leading function words are dropped.
    """
    chunk = _unmasked(re.split(r"[。,;:!?、)》”\s]", _masked(chunk))[-1])
    if from_left:
        places = gazetteer.find_places(chunk)
        if not places or places[0].start > 0:
            chunk = _LEADING_FUNCTION_RE.sub("", chunk)
    if _looks_like_agency(chunk) and canonical_agency(chunk):
        return chunk
    for m in gazetteer.find_places(chunk):
        rest = chunk[m.start :]
        if _looks_like_agency(rest) and canonical_agency(rest):
            return rest
    return None


_FORMER_FIRST_RE = re.compile(r"^原[\u4e00-\u9fff]{2,30}?[(（]现(?:为|名)?([\u4e00-\u9fff]{2,30})[)）]$")


def canonical_agency(raw: str) -> str | None:
    """The full name of a body as printed: a bare place becomes its 人民政府 (街道 → 办事处, a zone →
    管理委员会); anything that does not end in a body's form is no agency (None)."""
    name = _expand_government(_AGENCY_JUNK_RE.sub("", _compact(raw)))
    renamed = _FORMER_FIRST_RE.match(name)
    if renamed:
        name = renamed.group(1)  # 原连江县农业局（现连江县农业农村局）: the body as it is now
    if not 2 <= len(name) <= _MAX_AGENCY or _NOT_AGENCY_RE.search(name):
        return None
    place_len = _place_prefix_len(name)
    if not place_len and _SELF_REFERENCE_RE.match(name):
        return None  # 我局, 本机关, 各区县: the report speaking of itself or of many bodies
    if place_len == len(name):
        return _expand_short_places(name) + ("办事处" if name.endswith("街道") else "人民政府")
    if _ZONE_SUFFIX_RE.search(name):
        return name + "管理委员会"
    if _TOWN_LIKE_RE.match(name) and not _NOT_PLACE_WORD_RE.search(name):
        return name + ("办事处" if name.endswith("街道") else "人民政府")
    if _ORGAN_SUFFIX_RE.search(name):
        return name  # as printed (上海海关, 苏州工业园区管委会); _full_name expands what the report prints in full
    if _PLACE_LIKE_RE.match(name) and not _NOT_PLACE_WORD_RE.search(name):
        return name + "人民政府"  # a place missing from the table (某某县)
    return None


# What follows a short place name inside a proper name rather than after a place (a zone, a road).
_PROPER_NOUN_TAIL_RE = re.compile(r"(?:工业园|开发区|高新|经济技术|经济开发|新区|园区|保税|自贸|综合保税|东路|西路|南路|北路|路|大街)")


def _expand_government(name: str) -> str:
    """'中卫市政府办' → '中卫市人民政府办公室'; a place's bare 政府 is its 人民政府."""
    name = re.sub(r"政府办$", "政府办公室", name)
    return re.sub(r"(?<=[省市县区旗州盟乡镇])政府", "人民政府", name)


def _printed_place_body(raw: str, default: str, view: _View) -> str:
    """A title naming only a place: the body's name as the report prints it, if it does."""
    printed = _expand_government(_compact(raw))
    added = next((s for s in ("管理委员会", "人民政府", "办事处") if default.endswith(s) and not printed.endswith(s)), "")
    place = default[: len(default) - len(added)]
    if not added or len(place) < 2:
        return default
    pattern = re.compile(re.escape(place) + "(" + "|".join(_PLACE_BODY_FORMS) + ")")
    counts = Counter(m.group(1) for m in pattern.finditer(_unspaced(view.printed)))
    if not counts:
        return default
    best = max(counts.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    if best == "管委会" and counts.get("管理委员会"):
        best = "管理委员会"
    if best == "办事处" and not place.endswith("街道"):
        return default
    return place + best


# 上海市嘉定区人民政府办公室（以下简称“区府办”）: a body's name and the short form the report uses
_SHORT_FOR_RE = re.compile(r"([\u4e00-\u9fff]{4,40})[(（]以下简称[:：]?[“\"‘]?([\u4e00-\u9fff]{2,10})[”\"’]?[)）]")
_SHORT_FOR_STRIP_RE = re.compile(r"[(（]以下简称[^()（）]{0,24}[)）]")


def _defined_short_forms(printed: str) -> dict[str, str]:
    """Short form → the full body name the report defines it as (only names that are bodies)."""
    out: dict[str, str] = {}
    if "以下简称" not in printed:
        return out  # (the pattern needs it; the scan for 4–40 ideographs before it is costly)
    for m in _SHORT_FOR_RE.finditer(printed):
        full = _trim_to_agency(m.group(1))
        if full and canonical_agency(full) and _place_prefix_len(full):
            out.setdefault(m.group(2), canonical_agency(full))
    return out


def _full_name(agency: str, view: _View) -> str:
    """An abbreviated body (市科委, 区人社局, …管委会) becomes the full name the report prints: the
    one it defines (…（以下简称“区府办”）), else one spelled out with the same characters; a name
    without its place (周庄镇人民政府) gains the places the report prints right before it."""
    printed = _unspaced(view.printed)
    defined = _defined_short_forms(printed)
    if agency in defined:
        return defined[agency]
    agency = _abbreviation_spelled_out(agency, printed)
    return _with_printed_places(agency, printed)


# A vertically managed national organ printed before its local bureau (国家税务总局福清市税务局).
_NATIONAL_ORGAN_BEFORE_RE = re.compile(r"(?:国家|中国)[\u4e00-\u9fff]{1,10}?(?:总局|局|署)$")
# A street office is the district (county) government's own agency: 南京市鼓楼区人民政府宁海路街道办事处.
_STREET_OFFICE_RE = re.compile(r"^[\u4e00-\u9fff]{1,10}?街道(?:办事处)?$")


def _prefix_before(printed: str, start: int, agency: str) -> str:
    """The part of one full name printed right before `agency`: places (昆山市 before 周庄镇人民政府),
    places and their 人民政府 before a street office (南京市鼓楼区人民政府 before 宁海路街道办事处), or
    the national organ above a local bureau (国家税务总局 before 福清市税务局); else ''."""
    prefix = _place_before(printed, start, "")
    if prefix and _place_prefix_len(prefix + agency) >= len(prefix):
        at = start - len(prefix)  # (国家税务总局 before 上海市 before 浦东新区税务局: the whole name)
        m = _NATIONAL_ORGAN_BEFORE_RE.search(printed, max(0, at - 14), at) if printed.startswith(prefix, at) else None
        return m.group(0) + prefix if m else prefix
    if _STREET_OFFICE_RE.match(agency) and printed.endswith("人民政府", 0, start):
        places = _place_before(printed, start - 4, "")
        if places and _place_prefix_len(places) == len(places):
            return places + "人民政府"
    if _place_prefix_len(agency):
        m = _NATIONAL_ORGAN_BEFORE_RE.search(printed, max(0, start - 14), start)
        if m:
            return m.group(0)
    return ""


def _with_printed_places(agency: str, printed: str) -> str:
    """A body printed without the places above it (周庄镇人民政府, and 昆山市周庄镇人民政府 in the
    sign-off): the one fuller form the report prints, when its prefix is nothing but places (or a
    street office's government, or a local bureau's national organ: see `_prefix_before`)."""
    if len(agency) < 3:
        return agency
    fuller: Counter[str] = Counter()
    start = printed.find(agency)
    while start >= 0:
        prefix = _prefix_before(printed, start, agency)
        if prefix:
            fuller[prefix + agency] += 1
        start = printed.find(agency, start + 1)
    if len(fuller) != 1:
        return agency  # none, or several different places: keep what was printed
    return next(iter(fuller))


def _abbreviation_spelled_out(agency: str, printed: str) -> str:
    """市科委 → 市科学技术委员会 when the report spells the name out."""
    if agency.endswith("管委会") and agency[:-3] + "管理委员会" in printed:
        agency = agency[:-3] + "管理委员会"
    place_len = _place_prefix_len(agency)
    if place_len and not _PROPER_NOUN_TAIL_RE.match(agency, place_len):
        expanded = _expand_short_places(agency[:place_len]) + agency[place_len:]
        if expanded != agency and expanded in printed:  # 宁夏财政厅 printed in full as 宁夏回族自治区财政厅
            agency, place_len = expanded, _place_prefix_len(expanded)
    generic = _GENERIC_LEVEL_RE.match(agency) if place_len == 0 else None
    if generic:
        place_len = generic.end()
    body = agency[place_len:]
    if not 2 <= len(body) <= 4 or body[-1] not in _ABBREV_SUFFIX or body.endswith(("人民政府", "委员会")):
        return agency
    gap = r"[^\W\d_局厅委办部处署]{0,6}?"
    pattern = re.compile(re.escape(body[0]) + "".join(gap + re.escape(c) for c in body[1:-1]) + gap
                         + re.escape(_ABBREV_SUFFIX[body[-1]]))
    counts: Counter[str] = Counter()
    for m in pattern.finditer(printed):
        full_body = m.group(0)
        if len(full_body) <= len(body) or body in full_body:
            continue  # a full name never holds its abbreviation whole (公布贵阳市公安局 is no 公安局)
        full = _place_before(printed, m.start(), agency[:place_len]) + full_body
        if full in printed:  # never a name printed nowhere (福清市 + 国家税务总局's 税务总局)
            counts[full] += 1
    if not counts:
        return agency
    ranked = counts.most_common(2)
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return agency  # two different full names printed as often: keep what the title prints
    return ranked[0][0]


_WHOLE_BODY_RE = re.compile(r"(?:人民政府|政府|办公室|办公厅|委员会|办事处|中心|局|厅|处|街道|镇|乡)$")


def _is_abbreviation_of(short: str, full: str) -> bool:
    """`short` keeps `full`'s place, first and last characters and drops only characters in
    between, in order (淮安市市场监管局经开区分局 ⊂ 淮安市市场监督管理局经济技术开发区分局)."""
    if len(full) <= len(short) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    place_len = _place_prefix_len(short)
    if place_len != _place_prefix_len(full) or not full.startswith(short[:place_len]):
        return False  # the same places (a county's 人民政府 is not one of its towns')
    j = place_len
    for k in range(place_len, len(short)):  # a subsequence, each character matched as early as it can
        found = full.find(short[k], j)
        if found < 0 or (found > j and _WHOLE_BODY_RE.search(short, 0, k)):
            return False  # characters added after a whole body's name make another body (人民政府|政务公开办公室)
        if found > j and not _IDEOGRAPHS_RE.fullmatch(full, j, found):
            return False  # only words are spelled out: a digit inside a name is page debris (海淀区3教育)
        j = found + 1
    return j == len(full)  # not a name followed by more (…管理局 | 经济技术开发区分局 is its branch)


_IDEOGRAPHS_RE = re.compile(r"[\u3400-\u9fff]+")


def _names_in_full(short: str, full: str) -> bool:
    """`full` is `short` spelled out (`_is_abbreviation_of`) or, when `short` names no place, `short`
    (spelled out or not) after the places or the national zone above it (管理委员会, 临港新片区管委会
    in 中国(上海)自由贸易试验区临港新片区管理委员会)."""
    if _is_abbreviation_of(short, full) or _short_place_abbreviation(short, full):
        return True
    joint = _PARTY_ORGAN_RE.match(full)
    if joint and joint.end() < len(full) and not _PARTY_ORGAN_RE.match(short) and _names_in_full(short, full[joint.end():]):
        return True  # 无锡市信访局 is the 中共无锡市委无锡市人民政府信访局 the report signs with
    if _place_prefix_len(short) or _NATIONAL_RE.match(short) or _GENERIC_LEVEL_RE.match(short):
        return False
    for i in range(2, len(full) - len(short) + 1):
        rest, above = full[i:], full[:i]
        if not rest.startswith(short[:2]) or not (rest == short or _is_abbreviation_of(short, rest)):
            continue
        if _NATIONAL_RE.match(above) or _place_prefix_len(above) == len(above):
            return True
    return False


def _short_place_abbreviation(short: str, full: str) -> bool:
    """`short` is `full` with its places printed short (苏州 for 苏州市, 闵行区 for 上海市闵行区, 昆山 for
    昆山市) and its body's name abbreviated by dropping characters, in order, keeping the last
    (苏州交警支队 ⊂ 苏州市公安局交通警察支队, 闵行区卫健委监督所, 昆山气象局)."""
    full_place = _place_prefix_len(full)
    if not full_place or len(full) - full_place < 2:
        return False
    places, body = full[:full_place], full[full_place:]
    forms = set()
    for j in range(full_place):
        tail = places[j:]
        if j == 0 or _place_prefix_len(tail) == len(tail):
            forms.add(tail)
            if len(tail) >= 3 and tail[-1] in "市县区":
                forms.add(tail[:-1])
    for form in sorted(forms, key=len, reverse=True):
        rest = short[len(form):]
        if form == places or not short.startswith(form) or len(rest) < 2 or rest[-1] != body[-1]:
            continue
        j = 0
        for ch in rest:
            j = body.find(ch, j) + 1
            if j == 0:
                break
        else:
            return True
    return False


def _spelled_out_by_signer(agency: str, signed: list[str | None]) -> str:
    """An abbreviated name (淮安市市场监管局经开区分局, 临港新片区管委会) or a bare one (管理委员会)
    becomes the full name the report prints as its publisher, compiler or signatory, when exactly
    one such name spells it out."""
    fuller = {s for s in signed if s and s != agency and _names_in_full(agency, s)}
    return fuller.pop() if len(fuller) == 1 else agency


def _place_before(text: str, end: int, printed_place: str) -> str:
    """The places printed right before a full body name (苏州市), when they agree with the
    abbreviation's own place (市, 徐汇区); else the abbreviation's place."""
    before = text[max(0, end - 15) : end]
    for start in range(len(before)):
        cand = before[start:]
        if _place_prefix_len(cand) != len(cand):
            continue
        agrees = cand.endswith(printed_place) if len(printed_place) == 1 else printed_place in cand
        if not printed_place or agrees:
            return cand
    return printed_place


def _correct_place(agency: str, view: _View, findings: list[Finding]) -> str:
    """An OCR slip in a place name (沐阳县): the one division one character away in the same province.

    Several near names (射阳县, 泗阳县, 沭阳县) are narrowed to the ones the report prints
    elsewhere; a name that stays ambiguous is kept as printed.
    """
    pos = _place_prefix_len(agency)
    m = _UNKNOWN_PLACE_RE.match(agency, pos)
    if not m or _GENERIC_PLACE_RE.search(m.group(0)) or gazetteer.is_known_name(m.group(0)):
        return agency
    province = _province_of_prefix(agency[:pos]) or _context_province(view.head[:3000])
    near = gazetteer.one_character_away(m.group(0), province)
    if len({d.code for _, d in near}) > 1:
        printed = view.printed
        near = [(s, d) for s, d in near if s in printed or d.name in printed]
    if len({d.code for _, d in near}) != 1:
        return agency
    fixed = near[0][0]
    findings.append(("place_name_corrected", "warning",
                     f"{m.group(0)} is not a known division; read as {fixed} ({province}), "
                     "one character away"))
    return agency[: m.start()] + fixed + agency[m.end() :]


# A comprehensive zone governs a territory (平潭综合实验区 for 平潭县); a park (开发区, 园区) is a body within one.
_ZONE_BODY_RE = re.compile(_ZONE_SUFFIX_RE.pattern[:-1] + r"(?:管理委员会|管委会|管理局|管理办公室)$")
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
_TERRITORIAL_ZONE_RE = re.compile(r"(?:实验区|试验区|示范区|新区)(?:管理委员会|管委会)$")


# A body named by a county without its 市/县 (张家港海关, 中华人民共和国张家港海关) or a body the report calls a
# government's 派出机构 (莆田市人民政府的派出机构).
_NATIONAL_PREFIX_RE = re.compile(r"^(?:中华人民共和国|国家税务总局)")
_PARENT_GOVERNMENT_RE = re.compile(r"([\u4e00-\u9fff]{2,16}?(?:省|市|区|县))人民政府(?:的|设立的)?派出机构")


def _unnamed_region(agency: str, view: _View) -> gazetteer.Region:
    """The region of a body whose name holds no full place name: the one county whose short name begins it
    (within the report's province when several do), else the government the report says it is a
    派出机构 of; an empty region when neither says."""
    stem = _NATIONAL_PREFIX_RE.sub("", agency)
    counties = gazetteer.county_by_stem(stem)
    if len(counties) > 1:
        province = _context_province(view.head[:3000])
        counties = [d for d in counties if gazetteer.province_of(d) == province]
    if len(counties) == 1:
        return gazetteer.resolve_region(counties[0].name, context=view.head[:3000])
    parents = {m.group(1) for m in _PARENT_GOVERNMENT_RE.finditer(view.head[:3000])}
    if len(parents) == 1:
        return gazetteer.resolve_region(parents.pop(), context=view.head[:3000])
    if _TOWNSHIP_BODY_RE.match(agency):
        # a township's government named without its county (霍口畲族乡人民政府): the one county whose
        # government the report names, if the township lies in it
        found = set()
        for m in _COUNTY_GOVERNMENT_RE.finditer(_unspaced(view.printed)):
            region = gazetteer.resolve_region(m.group(1) + agency)
            if region.county and region.township:
                found.add(region)
        if len(found) == 1:
            return found.pop()
    return gazetteer.Region()


_TOWNSHIP_BODY_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:乡|镇)人民政府$|^[\u4e00-\u9fff]{1,8}?街道办事处$")
_COUNTY_GOVERNMENT_RE = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:县|市|区))人民政府")


def _zone_county(agency: str, view: _View) -> gazetteer.Division | None:
    """The county a zone is named after (平潭综合实验区 → 平潭县), when the stem names one county."""
    if not re.search(r"(?:管理委员会|管委会)$", agency):
        return None
    counties = gazetteer.county_by_stem(agency)
    if len(counties) > 1:
        province = _context_province(view.head[:3000])
        counties = [d for d in counties if gazetteer.province_of(d) == province]
    return counties[0] if len(counties) == 1 else None


def _province_of_prefix(prefix: str) -> str | None:
    if not prefix:
        return None
    return gazetteer.resolve_region(prefix).province


def _context_province(text: str) -> str | None:
    """The province most of the unambiguous place names in the text belong to."""
    counts: Counter[str] = Counter()
    for m in gazetteer.find_places(text):
        provinces = {gazetteer.province_of(d) for d in m.candidates}
        if len(provinces) == 1:
            counts[provinces.pop()] += 1
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


def _place_prefix_len(name: str) -> int:
    """Length of the leading run of place names (plus a township name right after them).

    Each place must sit below the one before it: 湖南 after 徐汇区 is part of 湖南路, not a province.
    """
    pos, rank = 0, -1
    for m in gazetteer.find_places(name):
        if m.start != pos:
            break
        level = _LEVEL_RANK.get(m.candidates[0].level, 3) if m.candidates else 3
        if level < rank:
            break
        pos, rank = m.end, level
    if pos:
        t = _TOWNSHIP_NAME_RE.match(name, pos)
        if t:
            pos = t.end()
    return pos


def _expand_short_places(place: str) -> str:
    """Bare short forms (宁夏, 银川) become full names; suffixed names are kept as printed.

    Expansion stops where the hierarchy breaks (湖南 after 徐汇区 is part of a street name).
    """
    out, pos, rank = [], 0, -1
    for m in gazetteer.find_places(place):
        level = _LEVEL_RANK.get(m.candidates[0].level, 3) if m.candidates else 3
        if m.start != pos or level < rank:
            break
        rank = level
        out.append(place[pos : m.start])
        unique = len(m.candidates) == 1 and m.candidates[0].level != "county"
        out.append(m.candidates[0].name if not m.is_full_name and unique else m.surface)
        pos = m.end
    out.append(place[pos:])
    return "".join(out)


def admin_level_of(agency: str) -> str | None:
    """'department' for any office or bureau; a place's 人民政府 (or 街道办事处) gets the place's level."""
    for suffix in ("人民政府", "办事处", "行政公署"):  # a 盟/地区's 行政公署 is its government
        if agency.endswith(suffix):
            place = agency[: -len(suffix)]
            if suffix == "办事处" and not place.endswith("街道"):
                return "department"
            return _level_of_place(place)
    return "department"


def _level_of_place(place: str) -> str | None:
    if re.search(r"(?:乡|镇|街道)$", place) and not gazetteer.find_places(place[-2:]):
        return "township"
    if place and _place_prefix_len(place) == len(place):
        return gazetteer.level_of(gazetteer.resolve_region(place)) or _level_by_suffix(place)
    return _level_by_suffix(place)


def _level_by_suffix(place: str) -> str | None:
    """A place missing from the table is judged by its suffix; a bare 市 could be either level."""
    for pattern, level in (
        (r"(?:省|自治区)$", "province"),
        (r"(?:州|盟|地区)$", "prefecture"),
        (r"(?:县|旗|区)$", "county"),
    ):
        if re.search(pattern, place):
            return level
    return None
