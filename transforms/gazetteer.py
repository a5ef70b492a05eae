"""China's administrative divisions and a resolver from agency names / titles to a Region.

The table (`data/divisions.csv`, see `data/DIVISIONS_SOURCE.md`) holds every province-,
prefecture- and county-level unit with its parent. Townships are not listed; they are read by
pattern right after a resolved county. Indexes are built once, on first use.

Municipalities (北京市 …) and county-level units directly under a province (仙桃市, 济源市,
海南's counties, 新疆's 兵团 cities) have no prefecture: their Region has `city=None`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_PATH = Path(__file__).parent / "data" / "divisions.csv"
LEVELS = ("province", "prefecture", "county")

# A county renamed 县→区/市 keeps its stem, and 自治县 are often written 'stem+县' (乐东县).
_COUNTY_VARIANT_SUFFIXES = ("县", "区", "市", "旗")
# Taiwan/HK/Macau short forms also occur in ministry names (国务院台湾事务办公室).
_NO_SHORT_FORM = {"710000", "810000", "820000"}
_TOWNSHIP_RE = re.compile(
    r"([\u4e00-\u9fff]{1,8}?(?:街道|乡|镇))(?=人民政府|政府|办事处|街道办(?!事处)|党委|\s|\d|$|[,(、])"
)  # 嘉定镇街道办事处 is the office of 嘉定镇街道, not a 街道办事处 of 嘉定镇
# A township-looking match that is really part of a word (城乡建设, 各乡镇).
_TOWNSHIP_STOP = re.compile(r"[和及与各全局委办部厅署]|人民|^乡镇$")
# 和 is in many township names (和平镇, 太和镇, 和平桥街道): with the township's own office after it, it is one
_TOWNSHIP_STOP_BEFORE_OFFICE = re.compile(r"[及与各全局委办部厅署]|人民|^乡镇$")
_TOWNSHIP_OFFICE_RE = re.compile(r"人民政府|政府|办事处|街道办")


@dataclass(frozen=True)
class Region:
    """Where an agency sits: names of its province, prefecture, county and township (or None)."""

    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None


@dataclass(frozen=True)
class Division:
    """One row of the divisions table."""

    code: str
    name: str
    short_name: str
    level: str
    type: str
    parent_code: str


@dataclass(frozen=True)
class PlaceMatch:
    """A place name found in a text: its span, surface form and candidate divisions."""

    start: int
    end: int
    surface: str
    candidates: tuple[Division, ...]
    is_full_name: bool


class _Index:
    """Lookup tables over the divisions, built once."""

    def __init__(self, rows: list[Division]):
        self.by_code = {d.code: d for d in rows}
        self.children: dict[str, list[Division]] = {}
        for d in rows:
            self.children.setdefault(d.parent_code, []).append(d)
        self.full: dict[str, list[Division]] = {}
        self.short: dict[str, list[Division]] = {}
        for d in rows:
            self.full.setdefault(d.name, []).append(d)
        for d in rows:
            for key in self._short_keys(d):
                if key not in self.full:  # an exact full name always wins
                    self.short.setdefault(key, []).append(d)
        self.max_len = max(len(k) for k in [*self.full, *self.short])
        # first character → the lengths (≥ 2, longest first) of the names that start with it, so a
        # scan tries only lengths some name has at each position (the same longest match)
        lengths: dict[str, set[int]] = {}
        for k in [*self.full, *self.short]:
            if len(k) >= 2:
                lengths.setdefault(k[0], set()).add(len(k))
        self.lengths_at = {ch: tuple(sorted(v, reverse=True)) for ch, v in lengths.items()}

    @staticmethod
    def _short_keys(d: Division) -> list[str]:
        if not d.short_name or d.code in _NO_SHORT_FORM:
            return []
        if d.level == "county":
            return [d.short_name + s for s in _COUNTY_VARIANT_SUFFIXES if d.short_name + s != d.name]
        return [d.short_name]

    def children_by_short(self) -> dict[str, list[Division]]:
        """Divisions by their bare short name (built on first use)."""
        if not hasattr(self, "_by_short"):
            table: dict[str, list[Division]] = {}
            for d in self.by_code.values():
                if d.short_name:
                    table.setdefault(d.short_name, []).append(d)
            self._by_short = table
        return self._by_short

    def ancestors(self, d: Division) -> list[Division]:
        """The division and its parents, deepest first."""
        chain = [d]
        while chain[-1].parent_code:
            chain.append(self.by_code[chain[-1].parent_code])
        return chain


@lru_cache(maxsize=1)
def _index() -> _Index:
    with DATA_PATH.open(encoding="utf-8", newline="") as f:
        rows = [Division(**r) for r in csv.DictReader(f)]
    return _Index(rows)


def divisions() -> list[Division]:
    """All divisions in the table (province, prefecture and county level)."""
    return list(_index().by_code.values())


def division_by_code(code: str) -> Division | None:
    """The division with this 6-digit code, if any."""
    return _index().by_code.get(code)


def find_places(text: str) -> list[PlaceMatch]:
    """Place names in `text`, scanned left to right taking the longest name at each position."""
    return list(_find_places(text))


@lru_cache(maxsize=8192)
def _find_places(text: str) -> tuple[PlaceMatch, ...]:
    """`find_places`, memoised (metadata asks for the places of the same short strings again and again)."""
    idx = _index()
    found: list[PlaceMatch] = []
    i, n = 0, len(text)
    while i < n:
        match = _longest_at(idx, text, i, n)
        if match is None:
            i += 1
            continue
        found.append(_narrow_short(match, text))
        i = match.end
    return tuple(found)


def _narrow_short(match: PlaceMatch, text: str) -> PlaceMatch:
    """Settle a short form shared by a province and a prefecture (海南 / 海南州) by the next char."""
    levels = {d.level for d in match.candidates}
    if match.is_full_name or "province" not in levels or len(levels) == 1:
        return match
    wants_prefecture = text[match.end : match.end + 1] in ("州", "市", "盟", "地")
    keep = tuple(d for d in match.candidates if (d.level == "province") != wants_prefecture)
    return PlaceMatch(match.start, match.end, match.surface, keep or match.candidates, False)


def _longest_at(idx: _Index, text: str, i: int, n: int) -> PlaceMatch | None:
    for length in idx.lengths_at.get(text[i], ()):
        if length > n - i:
            continue
        key = text[i : i + length]
        if key in idx.full:
            return PlaceMatch(i, i + length, key, tuple(idx.full[key]), True)
        if key in idx.short:
            return PlaceMatch(i, i + length, key, tuple(idx.short[key]), False)
    return None


def resolve_region(name_text: str, context: str | None = None) -> Region:
    """The most specific division named in `name_text`, with its parents filled in.

    Ambiguous names are settled by other places in `name_text` and then in `context`;
    whatever stays ambiguous is left None (the common part of the candidates is kept).
    """
    match, chosen = _resolve(name_text, context)
    if not chosen:
        return Region()
    region = _common_region(chosen)
    township = _township_after(name_text, match, chosen)
    return Region(region.province, region.city, region.county, township)


def _resolve(text: str, context: str | None) -> tuple[PlaceMatch | None, list[Division]]:
    """The winning match and its still-possible divisions."""
    idx = _index()
    matches = find_places(text)
    if not matches:
        return None, []
    scored = [(_support(idx, d, matches), -pos, d, m) for pos, m in enumerate(matches) for d in m.candidates]
    best = max(s[:2] for s in scored)
    tied = [(d, m) for s, p, d, m in scored if (s, p) == best]
    match = tied[0][1]
    chosen = [d for d, _ in tied]
    if len(chosen) > 1 and context:
        chosen = _prefer_by_context(idx, chosen, find_places(context))
    return match, chosen


def _support(idx: _Index, d: Division, matches: list[PlaceMatch]) -> int:
    """How many matches name this division or one of its parents."""
    lineage = {a.code for a in idx.ancestors(d)}
    return sum(1 for m in matches if any(c.code in lineage for c in m.candidates))


def _prefer_by_context(idx: _Index, chosen: list[Division], context: list[PlaceMatch]) -> list[Division]:
    """Keep the candidates whose parents the context mentions most, if that is decisive."""
    scores = {d.code: _support(idx, d, [m for m in context if d not in m.candidates]) for d in chosen}
    top = max(scores.values())
    winners = [d for d in chosen if scores[d.code] == top]
    return winners if top > 0 else chosen


def _common_region(chosen: list[Division]) -> Region:
    """Fill levels top-down while every candidate agrees; stop at the first disagreement."""
    idx = _index()
    regions = [_region_of(idx, d) for d in chosen]
    fields: list[str | None] = []
    for level in range(3):
        values = {r[level] for r in regions}
        if len(values) != 1:
            break
        fields.append(values.pop())
    fields += [None] * (3 - len(fields))
    return Region(*fields)


def _region_of(idx: _Index, d: Division) -> tuple[str | None, str | None, str | None]:
    by_level = {a.level: a.name for a in idx.ancestors(d)}
    return by_level.get("province"), by_level.get("prefecture"), by_level.get("county")


def _township_after(text: str, match: PlaceMatch | None, chosen: list[Division]) -> str | None:
    """A 乡/镇/街道 name right after the resolved county (or a prefecture with no counties)."""
    if match is None or len(chosen) != 1 or not _can_have_township(chosen[0]):
        return None
    m = _TOWNSHIP_RE.match(text, match.end)
    if m is None:
        return None
    stop = _TOWNSHIP_STOP_BEFORE_OFFICE if _TOWNSHIP_OFFICE_RE.match(text, m.end()) else _TOWNSHIP_STOP
    if stop.search(m.group(1)):
        return None
    return m.group(1)


def _can_have_township(d: Division) -> bool:
    # 东莞市, 中山市, 儋州市, 嘉峪关市 administer towns directly.
    return d.level == "county" or (d.level == "prefecture" and not _index().children.get(d.code))


def level_of(region: Region) -> str | None:
    """The level of the most specific field set: 'township', 'county', 'prefecture' or 'province'."""
    for level, value in (("township", region.township), ("county", region.county),
                         ("prefecture", region.city), ("province", region.province)):
        if value:
            return level
    return None


@lru_cache(maxsize=1)
def _one_off_index() -> dict[str, tuple[tuple[str, Division], ...]]:
    """Every prefecture/county full name with one stem character masked (short forms are left out:
    富阳县 for 富阳区 would make every slip look ambiguous)."""
    idx = _index()
    out: dict[str, dict[tuple[str, str], tuple[str, Division]]] = {}
    for d in idx.by_code.values():
        if d.level == "province":
            continue
        for i in range(len(d.name) - 1):  # the suffix (县/区/市/旗/州…) is never the OCR slip
            out.setdefault(d.name[:i] + "\0" + d.name[i + 1 :], {})[(d.name, d.code)] = (d.name, d)
    return {k: tuple(v.values()) for k, v in out.items()}


def is_known_name(name: str) -> bool:
    """True when `name` is a division's full name or one of its accepted short forms."""
    idx = _index()
    return name in idx.full or name in idx.short


def one_character_away(name: str, province: str | None) -> list[tuple[str, Division]]:
    """Names in `province` that differ from `name` in one stem character, with their division.

    Meant for OCR slips (沐阳县 → 沭阳县). Empty when `name` is itself known or no province is given.
    """
    if not province or len(name) < 3 or is_known_name(name):
        return []
    table = _one_off_index()
    idx = _index()
    found: dict[tuple[str, str], tuple[str, Division]] = {}
    for i in range(len(name) - 1):
        for surface, d in table.get(name[:i] + "\0" + name[i + 1 :], ()):
            if _region_of(idx, d)[0] == province:
                found[(surface, d.code)] = (surface, d)
    return list(found.values())


def province_of(d: Division) -> str | None:
    """The name of the province a division belongs to (itself for a province)."""
    return _region_of(_index(), d)[0]


def county_by_stem(name: str) -> list[Division]:
    """Counties whose short name begins `name` (平潭综合实验区 → 平潭县), longest stem first."""
    idx = _index()
    for length in range(min(6, len(name)), 1, -1):
        hits = [d for d in idx.children_by_short().get(name[:length], []) if d.level == "county"]
        if hits:
            return hits
    return []
