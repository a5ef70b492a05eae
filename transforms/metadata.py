"""Report metadata from normalised report text: title, agency, report year, publication date, region.

Input is the canonical text form (simplified characters, NFKC width, markup removed). Every rule
works on the report's own wording; nothing is keyed to particular agencies or files.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from transforms import gazetteer
from transforms.tables.grid import is_table_line

FIRST_YEAR = 2008  # the disclosure regulation took effect on 2008-05-01
_HEAD_LINES = 15  # the title is among the first non-empty lines
_TAIL_LINES = 8  # a signature date is among the last non-empty lines

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "[〇○零一二三四五六七八九]{4}"
_YEAR = rf"(?:(?:19|20)\d{{2}}|{_CN_YEAR})"
_TOPIC = r"(?:政府信息公开|政务公开|信息公开)"
_TITLE_RE = re.compile(rf"{_TOPIC}.{{0,16}}?(?:年度报告|工作报告|年报|报告)")
_TITLE_YEAR_RE = re.compile(rf"({_YEAR})(?:年度|年)?(?=.{{0,24}}?{_TOPIC})")
_TITLE_LATE_YEAR_RE = re.compile(rf"({_YEAR})年")  # 政务公开2022年度工作报告
_NOT_TITLE_RE = re.compile(r"当前位置|首页|>|»|。|《.*》")
_SPACE_RE = re.compile(r"[ \u3000]+")
_PERIOD_RE = re.compile(
    r"统计(?:期限|期间|时限|时段|区间|范围|时间|周期)[^。\n]{0,16}?(\d{4})年(\d{1,2})月(\d{1,2})日"
    r"(?:起)?(?:至|到|-|—|~|～)(\d{4})年(\d{1,2})月(\d{1,2})日"
)
_LOOSE_YEAR_RE = re.compile(r"(?<![\d〔\[(])((?:19|20)\d{2})年(?!\d{1,2}月)")
_BODY_TITLE_RE = re.compile(rf"《([^《》\n]{{2,60}}?)\s*{_YEAR}\s*年度?\s*{_TOPIC}")

_CN_NUM = r"[〇○零一二三四五六七八九十]"
_DATE = (
    rf"(?:(\d{{4}})\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
    rf"|(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})"
    rf"|({_CN_YEAR})年({_CN_NUM}{{1,2}})月({_CN_NUM}{{1,3}})日)"
)
_DATE_LINE_RE = re.compile(rf"^[(\[]?\s*{_DATE}\s*[)\]]?$")
_DATE_FIELD_RE = re.compile(rf"(?:发布日期|发布时间|成文日期|公开日期|发文日期|印发日期)\s*:?\s*{_DATE}")
_DATE_LINE_FIELD_RE = re.compile(rf"^(?:日期|时间)\s*:\s*{_DATE}")

_ORGAN_SUFFIX_RE = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|办事处|委员会|管委会|局|厅|部|署|委|办|院|会|中心|所|站|队|处|馆|社|行)$"
)
# A township name is only taken when the body's own name follows (乡村振兴局 is not a 乡).
_TOWNSHIP_NAME_RE = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:乡|镇|街道)(?=人民政府|政府|办事处|$)")
_AGENCY_JUNK_RE = re.compile(r"^(?:关于|《|“|\"|附件\d*[:]?)+|(?:关于|的|《|》|”|\"|:|-|—)+$")


@dataclass(frozen=True)
class ReportMetadata:
    """Title, agency, covered year, publication date, region and level of one report."""

    title: str | None
    agency_name: str | None
    report_year: int | None
    published_date: datetime.date | None
    region_province: str | None
    region_city: str | None
    region_county: str | None
    region_township: str | None
    admin_level: str | None  # 'province' | 'prefecture' | 'county' | 'township' | 'department'


def extract_metadata(text: str) -> ReportMetadata:
    """Read the metadata of one report from its normalised text (missing fields are None)."""
    lines = _nonempty_lines(text)
    title = find_title(lines)
    year = detect_report_year(text)
    agency = _agency(title, lines, text)
    level = admin_level_of(agency) if agency else None
    region = gazetteer.resolve_region(agency or title or "", context=text[:3000])
    township = region.township if level == "township" else None
    return ReportMetadata(
        title=title,
        agency_name=agency,
        report_year=year,
        published_date=detect_published_date(text, year),
        region_province=region.province,
        region_city=region.city,
        region_county=region.county,
        region_township=township,
        admin_level=level,
    )


# ---------------------------------------------------------------- lines and title


def _nonempty_lines(text: str) -> list[str]:
    out = []
    for raw in text.splitlines():
        line = raw.strip().lstrip("#>").strip().strip("*").strip()
        if line:
            out.append(line)
    return out


def _compact(s: str) -> str:
    """Drop spaces between non-ASCII characters (titles print '中宁县 2019 年')."""
    s = _SPACE_RE.sub(" ", s.strip())
    return re.sub(r" (?![A-Za-z])|(?<![A-Za-z]) ", "", s)


def find_title(lines: list[str]) -> str | None:
    """The report's title from its first non-empty lines, joining an agency line printed above it."""
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if is_table_line(line):
            continue  # a metadata grid (索引号 / 分类: …年度报告) or a table row is never the title
        cand = _compact(line).strip("《》")
        if len(cand) > 80 or _NOT_TITLE_RE.search(cand) or not _TITLE_RE.search(cand):
            continue
        if i > 0 and _agency_part(cand) is None:
            cand = _join_title_lines(lines[max(0, i - 2) : i], cand)
        return cand
    # a title broken inside its topic words (2019年政府信息公开 / 工作年度报告): join short lines
    for i in range(min(len(lines), _HEAD_LINES)):
        for k in (2, 3):
            parts = [_compact(x) for x in lines[i : i + k]]
            if len(parts) < k or any(len(p) > 40 or is_table_line(p) or _NOT_TITLE_RE.search(p) for p in parts):
                continue
            cand = "".join(parts)
            if _TITLE_RE.search(cand) and not _TITLE_RE.search(parts[-2]):
                return _join_title_lines(lines[max(0, i - 2) : i], cand) if _agency_part(cand) is None else cand
    return None


def _join_title_lines(above: list[str], cand: str) -> str:
    """A title printed over two or three lines: join the lines above when they name the body
    (绵阳市人民政府 / 2019年 / 政府信息公开工作年度报告)."""
    for k in (1, 2):
        parts = [_compact(x) for x in above[-k:]] if len(above) >= k else None
        if not parts or any(_NOT_TITLE_RE.search(p) or len(p) > 40 or re.search(r"[,;:]", p) for p in parts):
            continue
        joined = "".join(parts) + cand
        if _agency_part(joined) is not None and (_looks_like_agency(parts[0]) or _TITLE_YEAR_RE.search(joined)):
            return joined
    return cand


def _agency_part(title: str) -> str | None:
    """The text naming the agency in a title: before the year, or between the year and the topic."""
    m = _TITLE_YEAR_RE.search(title)
    topic = re.search(_TOPIC, title)
    if m and m.start() > 0:
        raw = title[: m.start()]
    elif m:
        raw = title[m.end() : topic.start()] if topic and topic.start() > m.end() else ""
    else:
        raw = title[: topic.start()] if topic else ""
    raw = _AGENCY_JUNK_RE.sub("", raw).strip()
    if raw.endswith("人民"):  # '…县人民政府信息公开…': the topic swallowed 政府
        raw = raw[:-2]
    return raw or None


def _looks_like_agency(s: str) -> bool:
    return 2 <= len(s) <= 40 and not re.search(r"[。,;:]", s) and (
        bool(_ORGAN_SUFFIX_RE.search(s)) or _place_prefix_len(s) == len(s)
    )


# ---------------------------------------------------------------- year


def _to_year(s: str) -> int:
    return int(s) if s.isdigit() else int("".join(str(_CN_DIGITS[c]) for c in s))


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= datetime.date.today().year


def detect_report_year(text: str) -> int | None:
    """The year a report covers: from its title, else its statistics period, else its opening lines."""
    lines = _nonempty_lines(text)
    for finder in (_year_from_title, _year_from_period, _year_from_opening):
        year = finder(lines, text)
        if year is not None:
            return year
    return None


def _year_from_title(lines: list[str], text: str) -> int | None:
    title = find_title(lines)
    if not title:
        return None
    for pattern in (_TITLE_YEAR_RE, _TITLE_LATE_YEAR_RE):
        for m in pattern.finditer(title):
            year = _to_year(m.group(1))
            if _plausible(year):
                return year
    return None


def _year_from_period(lines: list[str], text: str) -> int | None:
    m = _PERIOD_RE.search(_SPACE_RE.sub("", text[:6000]))
    if not m:
        return None
    start, end = int(m.group(1)), int(m.group(4))
    year = end if int(m.group(5)) == 12 else start  # a period ending 12-31 names its year
    return year if _plausible(year) else None


def _year_from_opening(lines: list[str], text: str) -> int | None:
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
    lines = _nonempty_lines(text)
    head, tail = lines[:20], lines[-_TAIL_LINES:]
    candidates = [m for line in reversed(tail) if (m := _DATE_LINE_RE.match(_SPACE_RE.sub("", line)))]
    candidates += [m for line in head + tail if (m := _DATE_FIELD_RE.search(line) or _DATE_LINE_FIELD_RE.match(line))]
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
    """一 .. 三十一 as int."""
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _plausible_publication(date: datetime.date, report_year: int | None) -> bool:
    if not FIRST_YEAR <= date.year or date > datetime.date.today():
        return False
    return report_year is None or report_year <= date.year <= report_year + 3


# ---------------------------------------------------------------- agency and level


def _agency(title: str | None, lines: list[str], text: str) -> str | None:
    """The reporting body: from the title, else the title quoted in the opening, else the signature."""
    sources = [_agency_part(title) if title else None, _line_below_title(title, lines), _agency_in_opening(text),
               _signature(lines)]
    for raw in sources:
        agency = canonical_agency(raw) if raw else None
        if agency:
            return agency
    return None


def _line_below_title(title: str | None, lines: list[str]) -> str | None:
    """A body named on its own line just under a title that names none (PDF cover pages)."""
    if not title:
        return None
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if title.endswith(_compact(line).strip("《》")):
            for below in lines[i + 1 : i + 3]:
                if _looks_like_agency(_compact(below)):
                    return _compact(below)
            return None
    return None


def _agency_in_opening(text: str) -> str | None:
    m = _BODY_TITLE_RE.search(_SPACE_RE.sub("", text[:1500]))
    return _AGENCY_JUNK_RE.sub("", m.group(1)) if m else None


def _signature(lines: list[str]) -> str | None:
    """The line just above a trailing date line, when it names a body."""
    tail = lines[-_TAIL_LINES:]
    for i in range(len(tail) - 1, 0, -1):
        if _DATE_LINE_RE.match(_SPACE_RE.sub("", tail[i])):
            above = _compact(tail[i - 1])
            return above if _looks_like_agency(above) else None
    return None


def canonical_agency(raw: str) -> str | None:
    """The full name of a body as printed in a title: a bare place becomes its 人民政府."""
    name = _expand_government(_compact(raw))
    if not 2 <= len(name) <= 40 or re.search(r"[。,;]", name):
        return None
    place_len = _place_prefix_len(name)
    if place_len == len(name):
        return _expand_short_places(name) + ("办事处" if name.endswith("街道") else "人民政府")
    if _ORGAN_SUFFIX_RE.search(name):
        if not place_len or _PROPER_NOUN_TAIL_RE.match(name[place_len:]):
            return name  # 苏州工业园区, 广州开发区, 南京东路: the short form is part of a proper name
        return _expand_short_places(name[:place_len]) + name[place_len:]
    return None


# What follows a short place name inside a proper name rather than after a place (a zone, a road).
_PROPER_NOUN_TAIL_RE = re.compile(r"(?:工业园|开发区|高新|经济技术|经济开发|新区|园区|保税|自贸|综合保税|东路|西路|南路|北路|路|大街)")


def _expand_government(name: str) -> str:
    """'中卫市政府办' → '中卫市人民政府办公室'; a place's bare 政府 is its 人民政府."""
    name = re.sub(r"政府办$", "政府办公室", name)
    return re.sub(r"(?<=[省市县区旗州盟乡镇])政府", "人民政府", name)


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
