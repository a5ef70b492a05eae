"""Is a decoded text a disclosure report, and which year does it cover (the landing's guess)."""

from __future__ import annotations

import re
import unicodedata

_WS_RE = re.compile(r"\s+")
# Taiwan-style converters write 資訊 for 信息 (政府資訊公開).
_DISCLOSURE_RE = re.compile("(?:信息|資訊|资讯)公[开開]")
_REPORT_RE = re.compile("[报報]告")
_CN_DIGITS = str.maketrans("〇零○O一二三四五六七八九", "0000123456789")
_CN_YEAR_RE = re.compile("(?=[〇零○O一二三四五六七八九]{0,3}[一二三四五六七八九])[〇零○O一二三四五六七八九]{4}(?=\\s*年)")
_YEAR_RES = [
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:的\s*)?(?:政\s*府\s*)?(?:信\s*息|資\s*訊|资\s*讯)\s*公\s*[开開]"),
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?[^\n]{0,30}?年\s*度\s*[报報]\s*告"),
]


def is_report_text(text: str) -> bool:
    """True when the text carries the markers of a disclosure report: 信息公开/信息公開/資訊公開 and
    报告/報告 (whitespace ignored, since extracted text often spaces out characters). NFKC only
    maps compatibility forms onto these characters, never away from them: markers found in the
    text as it is are there after NFKC too, so the whole-text NFKC is paid only when they are not."""
    return _has_markers(text) or _has_markers(unicodedata.normalize("NFKC", text))


def _has_markers(nfkc: str) -> bool:
    if "告" not in nfkc or "公" not in nfkc:
        return False  # both markers need these (removing whitespace makes none)
    if _DISCLOSURE_RE.search(nfkc) and _REPORT_RE.search(nfkc):
        return True  # (a marker printed without spaces inside is there once the spaces go too)
    flat = _WS_RE.sub("", nfkc)
    return bool(_DISCLOSURE_RE.search(flat) and _REPORT_RE.search(flat))


def guess_year(text: str) -> int | None:
    """Fallback year detector: the first 'NNNN年(度)(政府)信息公开' (or '...年度报告') on NFKC
    text, with Chinese-numeral years (二〇一九年) converted. None when nothing matches."""
    return _guess_year_nfkc(unicodedata.normalize("NFKC", text))


def _guess_year_nfkc(text: str) -> int | None:
    text = _CN_YEAR_RE.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    for rx in _YEAR_RES:
        m = rx.search(text)
        if m:
            return int(m.group(1))
    return None


# Documents that carry the markers but are no government body's annual report under the 条例: another
# kind of document (a 工作要点, a 指南, a notice 关于…的通知, a 总结, a 公报, a 说明) when no line of the text is an
# annual report's title; or the disclosure report of a body outside the government (a university, a
# hospital, a company: 高等学校 / 医疗卫生 / 公共企事业单位 rules, their own tables), whose title never says
# 政府信息公开. Read as reports, their prose would fill the form's cells with numbers it never had.
_REPORT_TITLE_RE = re.compile(r"信息公[开開][^\n]{0,12}?(?:年度[报報]告|年[报報]|工作[报報]告)")
_NOTICE_RE = re.compile(r"^关于.{2,60}(?:通知|公告|通报|批复|函)$")
_OTHER_KIND_RE = re.compile(r"(?:工作要点|要点|实施方案|指南|通知|公告|通报|目录|办法|规定|工作总结|总结|公报|说明|清单)$")
_OUTSIDE_GOVERNMENT_RE = re.compile(r"(?:大学|学院|学校|中学|小学|幼儿园|医院|卫生院|有限公司|集团)(?=\s*(?:\d{4}|[(（]|[-—~～]|学年|年度|信息公[开開]))")
_GOVERNMENT_ORGAN_RE = re.compile(r"人民政府|政府|局|委员会|管委会|办公室|办公厅|厅|办事处")
_TITLE_PUNCT_RE = re.compile(r"[\s　]+|[。.:：]+$")


def not_a_disclosure_report(nfkc: str) -> str | None:
    """Why a text with the report markers is still no annual disclosure report of a government body (see
    above), or None. Looks at the text's short lines: its title and its first lines."""
    lines = [_TITLE_PUNCT_RE.sub("", x) for x in nfkc[:20000].split("\n")]
    short = [x for x in lines if 4 <= len(x) <= 80]
    titles = [x for x in short if _REPORT_TITLE_RE.search(x) and not _NOTICE_RE.match(x)]
    first = next((x for x in short[:15] if "公开" in x or "公開" in x), None)
    other = bool(first) and (_NOTICE_RE.match(first) is not None or _OTHER_KIND_RE.search(first) is not None)
    if other and not _FIRST_SECTION_RE.search(nfkc):
        # (a notice that carries the report, 关于公布《…年度报告》的通知 over its text, has the report's first
        # section; one listing the year's reports names them, but holds none)
        return f"a document of another kind ({first[:40]}), not an annual disclosure report; not read"
    if titles:
        title = titles[0]
        m = _OUTSIDE_GOVERNMENT_RE.search(title)
        if m and "政府信息公开" not in title and "政府信息公開" not in title \
                and not _GOVERNMENT_ORGAN_RE.search(title, 0, m.start()):
            return (f"the disclosure report of a body outside the government ({title[:40]}): its own rules and "
                    "tables, not the State Council form; not read")
    return None


_FIRST_SECTION_RE = re.compile(r"^[ \t#*]*(?:(?:[一1][、.．]|（一）|\(一\)|第一部分)[ \t]*)?(?:总体情况|總體情況)", re.M)

