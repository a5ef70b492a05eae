"""Split a normalised annual report into its six numbered sections and detect its template.

Input is the canonical text form produced by ``transforms.normalise`` (simplified characters,
NFKC width, markdown markers removed, tables as tab-separated lines or ``|`` pipe rows).

How the split works, and why:

1. Every line is examined for a *heading candidate*. A line is never a candidate if it is a
   table row (contains a tab or starts with ``|``): tables restart their own numbering
   (table 3 rows are "一、本年新收…", "四、结转下年度…") and must not cut the narrative.
2. A candidate is *strong* when a known title variant for section N sits at the start of the
   line, after an optional Chinese numeral ("一、", "一.", "一 ", "第一部分"). With a numeral the
   title may be glued to its body ("一、总体情况2020年,…"); without one the line must consist
   of the title alone, so a sentence that merely mentions a title is not a heading.
   A candidate is *weak* when a short numbered line (no sentence punctuation) contains a
   keyword of section N ("五、工作中的不足和下一步打算") - real reports reword titles a lot.
3. Candidates are scored (title strength, agreement of the printed numeral with N or with the
   pre-2019 numbering, whether a body follows) and the best chain that increases both in
   document position and in section number is chosen by dynamic programming. This resolves
   duplicates (table of contents, repeated headings, sub-headings that reuse a title) without
   trusting any single line.
4. Strong numbered candidates for a section number the chain did not use are added back as
   out-of-order sections, with a finding; every section number still absent is reported
   missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.labels import SECTION_TITLES

from transforms.tables.grid import is_table_line  # one definition of a table row for every layer

__all__ = ["Section", "SectionSplit", "split_sections", "detect_template"]


@dataclass(frozen=True)
class Section:
    """One report section.

    ``start`` is the offset of the heading's first printed character (numbering included) and
    ``end`` the offset where the next chosen heading's line begins (or ``len(text)``), so
    ``text[start:end]`` holds heading plus body. ``title`` is the title as printed (without
    numbering), ``text`` the body without the heading and without surrounding blank lines
    (tabs of table rows are kept: they are empty cells).
    """

    section_no: int
    title: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SectionSplit:
    """Result of :func:`split_sections`: sections in document order, missing section numbers
    (ascending) and findings as ``(check_name, message)`` pairs."""

    sections: list[Section]
    missing: list[int]
    findings: list[tuple[str, str]]


# --------------------------------------------------------------------------------------------
# Vocabulary. Matching aliases live here (labels.py keeps only the canonical titles).
# --------------------------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# Pre-2019 reports (国办发〔2008〕 era template) number their sections differently: a fee section
# (四、政府信息公开的收费及减免情况) sits between 依申请 and 行政复议, so sections 4-6 of the
# warehouse model are printed as 五、六、七. A numeral matching this numbering is not an error.
_LEGACY_NUMERAL = {1: 1, 2: 2, 3: 3, 4: 5, 5: 6, 6: 7}

_YEAR = r"(?:\d{4}\s*年\s*(?:度)?)?"
_AGENCY_WORK = r"(?:政府信息公开|政务公开)?(?:工作)?"

# Strong title variants, matched at the start of the title part of a line. Optional pieces
# are greedy so the longest printed title is taken before the glued body starts.
_STRONG: dict[int, re.Pattern[str]] = {
    1: re.compile(
        _YEAR + _AGENCY_WORK
        + r"(?:总体(?:公开)?(?:工作)?(?:情况|概况)(?:概述)?|总体概述|概述|概况|基本情况)"
    ),
    2: re.compile(
        _YEAR + r"(?:主动公开政府信息(?:工作)?(?:的)?(?:工作)?情况|主动公开(?:政府信息)?(?:工作)?情况)"
    ),
    3: re.compile(
        _YEAR
        + r"(?:(?:收到|受理)(?:和|及|与)?(?:处理|办理)(?:政府信息)?公开申请(?:的)?(?:情况)?"
        r"|依申请公开政府信息(?:和不予公开政府信息)?(?:的)?(?:办理)?情况"
        r"|依申请公开(?:工作)?(?:办理)?情况)"
    ),
    4: re.compile(
        _YEAR
        + r"(?:因?政府信息公开(?:申请)?(?:的)?)?(?:申请)?行政复议[、,和及与]?(?:提起)?行政诉讼(?:的)?(?:情况)?"
    ),
    5: re.compile(
        _YEAR + _AGENCY_WORK
        + r"(?:中)?(?:存在(?:的)?)?(?:主要)?(?:问题|不足)(?:和|及|与|以及)(?:改进|整改)(?:的)?(?:情况|措施|方向|计划)?"
    ),
    6: re.compile(r"其他需要(?:报告|说明)的(?:事项|情况)|其他需(?:要)?报告(?:的)?事项|其他事项"),
}

# Table 4's top header row as text: its two group names and nothing else.
_TABLE4_HEADER = re.compile(r"\s*行政复议\s*[、,，]?\s*行政诉讼\s*")

# Keywords for weak candidates (short numbered lines only).
_WEAK: dict[int, re.Pattern[str]] = {
    1: re.compile(r"总体|概述|概况"),
    2: re.compile(r"主动公开"),
    3: re.compile(r"依申请|公开申请|收到和处理"),
    4: re.compile(r"复议|诉讼"),
    5: re.compile(r"问题|不足|改进|整改"),
    6: re.compile(r"其他"),
}

# Row labels of tables 2 and 3 that carry their own "一、二、三、四、" numbering. In a
# tab-less rendering (e.g. PDF text) they would otherwise look like numbered headings.
# Matched at the start of the title part with whitespace removed (OCR splits cells: "本年 度办 理").
_TABLE_LABEL = re.compile(r"本年新收|上年结转|本年度办理|结转下年|申请人情况|第二十条")

_NUMBERING = re.compile(
    r"(?:第(?P<part>[一二三四五六七八九十])部分"
    r"|[(（](?P<pcn>[一二三四五六七八九十])[)）]"
    r"|(?P<cn>[一二三四五六七八九十])(?![一二三四五六七八九十〇零年月日])"
    r"|(?P<ar>\d{1,2})(?=\s*[、.]))"
    r"(?P<sep>\s*[、.,:]\s*|\s+|)"
)
_LEAD_MARKERS = re.compile(r"[\s#*>]*")
_PAREN_NUMBERED = re.compile(r"[(（][一二三四五六七八九十][)）]")
_TRAIL = " \t\r*。.:;,"
# A body glued to a title must not continue a list of titles ("总体情况、主动公开…").
_LIST_CONTINUATION = re.compile(r"^\s*(?:[、,]|和|及|与|以及|等)")
_SENTENCE_PUNCT = re.compile(r"[。;,!?]")

_WEAK_MAX_LEN = 30

_S_STRONG, _S_WEAK = 3.0, 1.5
_B_NUMERAL_OK, _B_NUMERAL_LEGACY, _B_NUMERAL_OTHER, _B_UNNUMBERED = 1.0, 0.5, -0.5, -0.5
_B_HAS_BODY = 0.5
_MIN_BODY_CHARS = 10


@dataclass(frozen=True)
class _Cand:
    line_start: int  # offset of the line
    head_start: int  # offset of the first printed character (numbering included)
    title_start: int
    title_end: int  # body starts here (glued text or next line)
    section_no: int
    numeral: int | None  # Chinese numeral printed before the title (None: absent or arabic)
    strong: bool
    base: float


def _iter_lines(text: str):
    """Yield (line_start_offset, line_without_newline)."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1




# A line's candidates, memoised by its text (template lines recur from report to report), held
# with offsets from the line's start and placed at the line's offset when handed out.
_CANDS_MEMO: dict[str, tuple] = {}
_CANDS_MEMO_SIZE = 32768


def _line_candidates(line_start: int, line: str) -> list[_Cand]:
    """Heading candidates of one line (possibly several section numbers for one line)."""
    got = _CANDS_MEMO.get(line)
    if got is None:
        got = tuple((c.head_start, c.title_start, c.title_end, c.section_no, c.numeral, c.strong, c.base)
                    for c in _read_line_candidates(0, line))
        if len(_CANDS_MEMO) >= _CANDS_MEMO_SIZE:
            _CANDS_MEMO.clear()
        _CANDS_MEMO[line] = got
    if not got:
        return []
    return [_Cand(line_start, line_start + h, line_start + t, line_start + e, sec, num, strong, base)
            for h, t, e, sec, num, strong, base in got]


def _read_line_candidates(line_start: int, line: str) -> list[_Cand]:
    if not line.strip() or is_table_line(line):
        return []
    lead = _LEAD_MARKERS.match(line).end()
    content = line[lead:].rstrip("\r")
    num_m = _NUMBERING.match(content)
    numeral: int | None = None
    rest_off = 0
    paren = False
    if num_m and (num_m.group("part") or num_m.group("pcn") or num_m.group("cn") or num_m.group("ar")):
        # Arabic numbering ("2.主动公开情况") is how body sub-items are numbered, so it earns
        # no numeral bonus and is treated like an unnumbered line (title alone required).
        if not num_m.group("ar"):
            numeral = _CN_DIGITS[num_m.group("part") or num_m.group("pcn") or num_m.group("cn")]
        rest_off = num_m.end()
        # （二）主动公开政府信息情况: bracketed numerals usually number a section's sub-items, so they
        # head a section only with the section's own full title (no reworded, weak candidates)
        paren = bool(num_m.group("pcn"))
        has_sep = bool(num_m.group("sep")) or bool(num_m.group("part")) or paren
    else:
        num_m = None
        has_sep = False
    rest = content[rest_off:]
    if _TABLE_LABEL.match(re.sub(r"\s", "", rest[:_WEAK_MAX_LEN])):
        return []
    head_start = line_start + lead
    title_abs = head_start + rest_off
    out: list[_Cand] = []
    strong_secs: set[int] = set()
    for sec, pat in _STRONG.items():
        m = pat.match(rest)
        if not m:
            continue
        tail = rest[m.end():]
        tail_clean = tail.strip(_TRAIL)
        if numeral is not None:
            # Numbered: the body may be glued to the title, but not a continued list of titles.
            if tail_clean and _LIST_CONTINUATION.match(tail):
                continue
        elif tail_clean:
            # Unnumbered or arabic-numbered: only a line that is the title alone is a heading.
            continue
        if num_m is not None and not has_sep and numeral is not None and tail_clean:
            # "一总体情况…" without a separator is accepted only as a title-only line.
            continue
        if paren and tail_clean:
            continue  # `（一）主动公开情况。全年…` is a sub-item with its text; a bracketed heading stands alone
        strong_secs.add(sec)
        out.append(_Cand(line_start, head_start, title_abs, title_abs + m.end(), sec,
                         numeral, True, _S_STRONG))
    if numeral is not None and has_sep and not paren:
        title = rest.strip(_TRAIL)
        if title and len(title) <= _WEAK_MAX_LEN and not _SENTENCE_PUNCT.search(title):
            for sec, pat in _WEAK.items():
                # A reworded heading is trusted only when its numeral fits the section: short
                # numbered lines with a keyword are otherwise common body sub-items.
                if (sec in strong_secs or numeral not in (sec, _LEGACY_NUMERAL[sec])
                        or not pat.search(title)):
                    continue
                out.append(_Cand(line_start, head_start, title_abs, line_start + len(line), sec,
                                 numeral, False, _S_WEAK))
    return out


def _numeral_bonus(c: _Cand) -> float:
    if c.numeral is None:
        return _B_UNNUMBERED
    if c.numeral == c.section_no:
        return _B_NUMERAL_OK
    if c.numeral == _LEGACY_NUMERAL[c.section_no]:
        return _B_NUMERAL_LEGACY
    return _B_NUMERAL_OTHER


def _best_chain(cands: list[_Cand], scores: list[float]) -> list[int]:
    """Indices of the max-score chain strictly increasing in line and in section number.

    Linear in the number of candidates: for each section number we keep the best chain ending
    with it among earlier lines. Ties keep the earliest candidate, so a repeated heading's
    second copy stays in the body of the first one instead of swallowing it.
    """
    best_end: dict[int, tuple[float, int]] = {}  # section_no -> (chain score, candidate index)
    best = [0.0] * len(cands)
    prev = [-1] * len(cands)
    k = 0
    while k < len(cands):
        line = cands[k].line_start
        group = []
        while k < len(cands) and cands[k].line_start == line:
            group.append(k)
            k += 1
        for i in group:  # predecessors only from earlier lines
            preds = [v for sec, v in best_end.items() if sec < cands[i].section_no]
            best[i] = scores[i]
            if preds:  # scores are all positive, so extending a chain always pays
                sc, j = max(preds, key=lambda v: (v[0], -v[1]))
                best[i], prev[i] = sc + scores[i], j
        for i in group:
            sec = cands[i].section_no
            if sec not in best_end or best[i] > best_end[sec][0]:
                best_end[sec] = (best[i], i)
    if not best_end:
        return []
    end = max(best_end.values(), key=lambda v: (v[0], -v[1]))[1]
    chain = []
    while end != -1:
        chain.append(end)
        end = prev[end]
    return chain[::-1]


def _clean_body(body: str) -> str:
    """Drop punctuation glued after the title and blank lines around the body.

    Not a plain ``strip()``: leading/trailing tabs of a table row are empty cells that the
    table parsers need to keep the grid aligned.
    """
    lines = body.split("\n")
    lines[0] = lines[0].lstrip(_TRAIL)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(line.rstrip("\r") for line in lines)


def split_sections(text: str) -> SectionSplit:
    """Split normalised report text into sections 1-6.

    Returns the sections in document order (text before the first heading - title,
    preamble - belongs to none), the section numbers not found, and findings:
    ``section_missing``, ``section_out_of_order``, ``section_duplicate``,
    ``section_number_mismatch`` and ``section_empty``. See the module docstring for rules.
    """
    cands: list[_Cand] = []
    for line_start, line in _iter_lines(text):
        cands.extend(_line_candidates(line_start, line))

    # A heading followed directly by another candidate (e.g. a table of contents) is less
    # likely to be the real one than a heading with a body.
    line_starts = sorted({c.line_start for c in cands})
    next_line = {s: (line_starts[k + 1] if k + 1 < len(line_starts) else len(text))
                 for k, s in enumerate(line_starts)}
    scores = []
    for c in cands:
        body = text[c.title_end:next_line[c.line_start]]
        has_body = len(re.sub(r"\s", "", body)) >= _MIN_BODY_CHARS
        scores.append(c.base + _numeral_bonus(c) + (_B_HAS_BODY if has_body else 0.0))

    chain = _best_chain(cands, scores)
    chosen: list[_Cand] = [cands[i] for i in chain]
    findings: list[tuple[str, str]] = []

    used_lines = {c.line_start for c in chosen}
    used_secs = {c.section_no for c in chosen}
    # Out-of-order sections: a numbered strong heading for a section the chain could not use.
    recovered: dict[int, tuple[float, _Cand]] = {}
    for c, s in zip(cands, scores):
        if (c.strong and c.numeral is not None and c.section_no not in used_secs
                and c.line_start not in used_lines):
            if c.section_no not in recovered or s > recovered[c.section_no][0]:
                recovered[c.section_no] = (s, c)
    taken_lines = set(used_lines)
    for sec in sorted(recovered):
        c = recovered[sec][1]
        if c.line_start in taken_lines:
            continue
        taken_lines.add(c.line_start)
        chosen.append(c)
        findings.append(("section_out_of_order",
                         f"section {sec} {SECTION_TITLES[sec]} appears out of the template order"))
    chosen.sort(key=lambda c: c.line_start)
    final_secs = {c.section_no for c in chosen}

    # Strong headings for a section already placed elsewhere: duplicates worth a look.
    for c in cands:
        if c.strong and c.line_start not in taken_lines and c.section_no in final_secs:
            printed = text[c.head_start:c.title_end].strip()
            if _TABLE4_HEADER.fullmatch(printed):
                continue  # table 4's own column header (行政复议 | 行政诉讼) read as one line, not a heading
            if _PAREN_NUMBERED.match(printed):
                continue  # （一）主动公开政府信息情况 beside 二、主动公开…: a sub-item named like a section
            findings.append(("section_duplicate",
                             f"section {c.section_no} {SECTION_TITLES[c.section_no]}: another heading "
                             f"'{printed}' at offset {c.head_start} was left in the body"))

    sections: list[Section] = []
    for k, c in enumerate(chosen):
        end = chosen[k + 1].line_start if k + 1 < len(chosen) else len(text)
        title = text[c.title_start:c.title_end].strip(_TRAIL)
        body = _clean_body(text[c.title_end:end])
        sections.append(Section(c.section_no, title, body, c.head_start, end))
        if c.numeral is not None and c.numeral not in (c.section_no, _LEGACY_NUMERAL[c.section_no]):
            findings.append(("section_number_mismatch",
                             f"section {c.section_no} {SECTION_TITLES[c.section_no]} is printed with "
                             f"number {c.numeral}"))
        if not body:
            findings.append(("section_empty",
                             f"section {c.section_no} {SECTION_TITLES[c.section_no]} "
                             "has a heading but no text"))

    missing = [n for n in SECTION_TITLES if n not in final_secs]
    for n in missing:
        findings.append(("section_missing", f"section {n} {SECTION_TITLES[n]} not found"))
    return SectionSplit(sections=sections, missing=missing, findings=findings)


# --------------------------------------------------------------------------------------------
# Template detection
# --------------------------------------------------------------------------------------------

# OCR confuses 增/減 with look-alikes; fold them before matching.
_OCR_FOLD = str.maketrans({"増": "增", "曾": "增", "滅": "减", "減": "减", "咸": "减"})

# Wording unique to each template's tables (matched on text with whitespace and pipes removed,
# because table cells are often split: "上一年 项目数量"). Body-prone words such as 政府集中采购
# (it appears in narrative text about procurement) are deliberately absent.
_KEYS_2019 = [
    re.compile(r"新制作数量"),
    re.compile(r"新公开数量"),
    re.compile(r"对外公开总数量"),
    re.compile(r"上一年项目数量"),
    re.compile(r"本年增/?减"),
    re.compile(r"第二十条第\(九\)项"),
    re.compile(r"采购项目数量|采购总金额"),
]
_KEYS_2021 = [
    re.compile(r"制发件数"),
    re.compile(r"废止件数"),
    re.compile(r"现行有效件数"),
    re.compile(r"本年处理决定数量"),
    re.compile(r"本年收费金额"),
    re.compile(r"逾期不补正"),
    re.compile(r"收费通知要求缴纳费用|逾期未按收费通知"),
]
# The notice a report cites for its form: weaker than the tables it prints (a 2022 report citing
# 〔2021〕30号 over the 2019 form's tables is 2019), so it only breaks a tie of the tables' wording.
_CITE_2019 = re.compile(r"〔2019〕60号")
_CITE_2021 = re.compile(r"〔2021〕30号")
_KEYS_LEGACY = [
    re.compile(r"主动公开政府信息的情况"),
    re.compile(r"依申请公开政府信息和不予公开政府信息的情况"),
    re.compile(r"政府信息公开的收费及减免情况|收费及减免情况"),
    re.compile(r"因政府信息公开申请(?:提起)?行政复议、?提起行政诉讼的情况"),
    re.compile(r"〔2008〕"),
]
_TABLE3_OTHER = re.compile(r"\(六\)其他处理")


def _template_scores(text: str) -> tuple[int, int, int]:
    flat = re.sub(r"[\s|]", "", text)
    if any(ch in flat for ch in "増曾滅減咸"):  # the keys of _OCR_FOLD (translating costs even when none is there)
        flat = flat.translate(_OCR_FOLD)
    s19 = sum(1 for p in _KEYS_2019 if p.search(flat))
    s21 = sum(1 for p in _KEYS_2021 if p.search(flat))
    legacy = sum(1 for p in _KEYS_LEGACY if p.search(flat))
    # Table 3 with an undivided (六)其他处理 row is the 2019 layout; the 2021 one splits it.
    if _TABLE3_OTHER.search(flat) and s21 == 0:
        s19 += 1
    return 2 * s19 + bool(_CITE_2019.search(flat)), 2 * s21 + bool(_CITE_2021.search(flat)), legacy


# "XX县2020年政府信息公开工作年度报告": the report year as printed in the title.
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:政府信息公开|政务公开)[^\n]{0,12}?年度报告")


def _title_year(text: str) -> int | None:
    # Only the head of the document: the body cites other years' reports.
    m = _TITLE_YEAR.search(text[:600])
    return int(m.group(1)) if m else None


def detect_template(text: str, report_year: int | None = None) -> str:
    """Return the report template: ``'2019'``, ``'2021'``, ``'legacy'`` or ``'unknown'``.

    Wording decides first: table 2/3 vocabulary of the 2019 template (国办公开办函〔2019〕60号:
    本年新制作数量, 上一年项目数量, 本年增/减, 第二十条第(九)项, undivided (六)其他处理) against the
    2021 one (〔2021〕30号: 本年制发件数, 现行有效件数, 本年处理决定数量, 本年收费金额, the split of
    (六) into 逾期不补正/缴纳费用/其他), then the pre-2019 section wording. Only when the wording
    says nothing does the year decide (<= 2018 -> legacy, 2019/2020 -> 2019, later -> unknown);
    ``report_year`` defaults to the year printed in the title ("…2020年政府信息公开工作年度报告").
    A 2021+ report printed with 2019 wording is therefore ``'2019'``. Ties between 2019 and
    2021 wording go by year (>= 2021 -> 2021, otherwise 2019).
    """
    s19, s21, legacy = _template_scores(text)
    if report_year is None:
        report_year = _title_year(text)
    if s19 or s21:
        if s21 > s19:
            return "2021"
        if s19 > s21:
            return "2019"
        return "2021" if report_year is not None and report_year >= 2021 else "2019"
    if legacy:
        return "legacy"
    if report_year is not None and report_year <= 2018:
        return "legacy"
    if report_year in (2019, 2020):
        # The 2019 template was the only one in force for 2019 and 2020 reports; from 2021 on
        # either layout occurs, so a report without tables stays unknown.
        return "2019"
    return "unknown"
