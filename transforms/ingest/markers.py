"""Is a decoded text a disclosure report, and which year does it cover (the landing's guess)."""

from __future__ import annotations

import re
import unicodedata

_WS_RE = re.compile(r"\s+")
# Taiwan-style converters write 資訊 for 信息 (政府資訊公開).
_DISCLOSURE_RE = re.compile("(?:信息|資訊|资讯)公[开開]")
_REPORT_RE = re.compile("[报報]告")
_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "000123456789")
_CN_YEAR_RE = re.compile("[〇零○一二三四五六七八九]{4}(?=\\s*年)")
_YEAR_RES = [
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:的\s*)?(?:政\s*府\s*)?(?:信\s*息|資\s*訊|资\s*讯)\s*公\s*[开開]"),
    re.compile(r"((?:19|20)\d{2})\s*年\s*度?[^\n]{0,30}?年\s*度\s*[报報]\s*告"),
]


def is_report_text(text: str) -> bool:
    """True when the text carries the markers of a disclosure report: 信息公开/信息公開/資訊公開 and
    报告/報告 (whitespace ignored, since extracted text often spaces out characters)."""
    return _has_markers(unicodedata.normalize("NFKC", text))


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


