"""Bring a raw annual report to the canonical text form every downstream regex is written for.

Canonical form (docs/architecture.md): simplified characters, NFKC width, no markdown markers,
no website chrome, no page-number debris, no stray spaces inside Chinese text, and tables
(tab-separated lines or ``| a | b |`` pipe rows) left intact.

All functions here are pure (str in, str out) and line-oriented where structure matters. A line
is a *table row* when it contains a tab or starts with ``|`` (the same test ``transforms.sections``
uses); the structural passes (debris, whitespace, bullets, headings) never touch table rows.

Order in :func:`normalise_text` and why:

0. Before anything changes a character, the passes that read the file's own layout: zero-width
   characters go (a WeChat copy's U+200B before a number would hide a cell line), :func:`unquote_email`
   (a report quoted in an e-mail, `> ` before each line, soft wraps joined),
   :func:`transforms.reflow.restore_line_breaks` (a file flattened to one line gets its headings
   and table rows back while every space is still one the file holds), `_strip_stray_trailing_tabs`
   (a tab after a prose or heading line's text makes no table row), :func:`csv_tables_to_tabs`
   (tables saved as CSV, split on ASCII commas before full-width commas become ASCII),
   :func:`strip_sheet_frame` (a pasted spreadsheet's column letters and row numbers) and
   :func:`transforms.columns.align_space_columns` (a space-aligned table's blank cells get a `-`,
   placed by where the row's numbers stand, before whitespace is collapsed).
1. :func:`canonical_width` - everything after it can assume ASCII digits/punctuation and LF; then
   :func:`strip_line_bullets` (▲/✅/emoji before a heading's words).
2. script detection on that text (the share of characters ``t2s`` would change).
3. :func:`to_simplified` - so that chrome and debris rules are written in simplified only, and
   the debris rule's measure-word list (个 件 项 次 ...) matches; then :func:`unname_cells` (a row written
   as `LABEL：自然人8｜商业企业2｜…`, each number named by its column, becomes the form's tab-separated row).
4. :func:`remove_web_chrome` - before markdown, so lines are still in their original shape.
5. :func:`strip_markdown` - ``**`` markers would otherwise sit between a page number and the
   characters around it.
6. :func:`remove_page_debris` - before whitespace collapsing, so "信息7 期" (a real count with a
   space) stays distinguishable from page debris, and bare page-number lines are still bare.
7. :func:`collapse_cjk_whitespace`, then :func:`transforms.reflow.reflow_long_lines` (one-line
   crawler dumps with no layout left), then blank-line tidying.
"""

from __future__ import annotations

import csv
import html
import re
from bisect import bisect_left

from transforms.columns import align_cell_lines, align_space_columns
from transforms.reflow import SECTION_LINE_START, reflow_long_lines, restore_line_breaks
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from transforms.tables.grid import is_table_line  # one definition of a table row for every layer

__all__ = [
    "NormalisedText",
    "TRADITIONAL_THRESHOLD",
    "TW_PHRASES",
    "to_simplified",
    "traditional_ratio",
    "detect_script",
    "canonical_width",
    "strip_markdown",
    "remove_page_debris",
    "remove_web_chrome",
    "collapse_cjk_whitespace",
    "normalise_text",
]

# ---------------------------------------------------------------------------------------------
# Character classes shared by several passes
# ---------------------------------------------------------------------------------------------

# CJK unified ideographs (basic block + extension A + compatibility block).
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_NON_CJK_RUN_RE = re.compile(f"[^{_CJK}]+")
# Chinese punctuation that survives NFKC (full-width ，：（）；！？％ become ASCII and are listed
# separately where they matter).
_CJK_PUNCT = "、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛“”‘’…—·～"




# ---------------------------------------------------------------------------------------------
# Script conversion
# ---------------------------------------------------------------------------------------------

# Above this share of t2s-changed CJK characters a text is called traditional. Simplified reports
# measure ~0.000-0.001 (an odd OCR variant), traditional ones 0.25-0.40; a half-and-half page
# still lands well above 0.10.
TRADITIONAL_THRESHOLD = 0.10


class _LastConverted:
    """An OpenCC converter that remembers its last two conversions: a report's text is converted
    twice in a row (its script is measured, then it is simplified), as is a file's head in the
    landing guess. The output is OpenCC's own."""

    def __init__(self, cc) -> None:
        self._cc = cc
        self._last: list[tuple[str, str]] = []

    def convert(self, text: str) -> str:
        for src, out in self._last:
            if src is text or src == text:
                return out
        out = self._cc.convert(text)
        self._last = [(text, out)] + self._last[:1]
        return out


@lru_cache(maxsize=1)
def _t2s():
    """The OpenCC t2s converter, built once on first use (import stays cheap)."""
    import opencc

    return _LastConverted(opencc.OpenCC("t2s"))


# Taiwan-style wording produced when a mainland report was machine-converted to traditional
# script for a website (OpenCC s2twp-like). Plain t2s only changes characters, so these phrases
# survive it; we map them back AFTER t2s, which is why every pattern is in simplified script.
# We do NOT use OpenCC tw2sp: it also maps 档案→文件 blindly and turns 档案馆 into 文件馆.
#
# Each entry: (regex, replacement, tier, note).
#   tier "always": the left side is never written in mainland simplified text, so mapping it is
#                  safe for every report.
#   tier "traditional": the left side is also ordinary mainland wording (资讯, 回响, 档案 ...);
#                  it is mapped only when the report's source script was traditional, i.e. when
#                  it probably went through a mainland→Taiwan converter.
TW_PHRASES: tuple[tuple[str, str, str, str], ...] = (
    # --- unambiguous Taiwan vocabulary -------------------------------------------------------
    ("最佳化", "优化", "always", "s2twp: 优化→最佳化 (优化营商环境)"),
    ("网际网路", "互联网", "always", "s2twp: 互联网→网际网路; must precede 网路→网络"),
    ("入口网站", "门户网站", "always", "s2twp: 门户网站→入口网站"),
    ("印表机", "打印机", "always", ""),
    ("列印", "打印", "always", "TW verb for 打印"),
    ("伺服器", "服务器", "always", ""),
    ("介面", "界面", "always", "TW form; mainland writes 界面"),
    ("部落格", "博客", "always", ""),
    ("智慧财产权", "知识产权", "always", ""),
    ("人工智慧", "人工智能", "always", ""),
    ("奈米", "纳米", "always", ""),
    ("滑鼠", "鼠标", "always", ""),
    ("硬碟", "硬盘", "always", ""),
    ("光碟", "光盘", "always", ""),
    # --- context-sensitive: only for traditional-script sources ------------------------------
    # 档案 is both "document/file" (TW rendering of 文件) and "archives" (档案馆, 人事档案). Only
    # contexts where it can only mean 文件 are mapped; anything followed by 馆/局/室/库/处/科
    # (archive institutions) is left alone.
    ("((?:行政)?规范性)档案(?![馆局室库处科])", r"\1文件", "traditional", "规范性文件, 行政规范性文件"),
    ("(?<=政策)(性?)档案(?![馆局室库处科])", r"\1文件", "traditional", "政策文件, 政策性文件"),
    ("(?<=红头|上级|印发|下发|转发|公文|会议|配套)档案(?![馆局室库处科])", "文件", "traditional",
     "verbs/nouns that only ever take 文件 (印发文件, 红头文件, 会议文件)"),
    ("(?<=公开)档案(?![馆局室库处科])", "文件", "traditional",
     "公开档案存放专柜 = 公开文件. Known miss: '档案馆公开档案N卷' would become 公开文件"),
    ("档案(?=存放|汇编|解读|起草|精神)", "文件", "traditional", "文件存放/文件汇编/文件解读/文件精神"),
    # 程序 (procedure AND software program in mainland usage) became 程式 in TW conversion, so
    # mapping back is right in both senses (程式设计 → 程序设计 is the mainland term). Mainland
    # itself writes 程式 only in 方程式 (equation) and 程式化 (formulaic): excluded.
    ("(?<!方)程式(?!化)", "程序", "traditional", "决策程序, 规范公开程序"),
    ("视窗", "窗口", "traditional", "s2twp: 窗口→视窗 (办事窗口); mainland 视窗 = the OS brand"),
    ("网路", "网络", "traditional", "mainland text can contain 管网+路由 etc., hence traditional only"),
    ("资讯", "信息", "traditional", "mainland also says 政务资讯; only undo it for converted text"),
    ("回响", "响应", "traditional", "s2twp: 响应→回响 (回响迅速); mainland 回响 = echo"),
    ("(?<!行政)许可权", "权限", "traditional", "s2twp: 权限→许可权; 行政许可权 is a real term"),
    ("人民民众", "人民群众", "traditional",
     "s2twp: 群众→民众. Lone 民众 is fine mainland wording and stays; 人民民众 never is"),
    ("机构设定", "机构设置", "traditional", "s2twp: 设置→设定; only the fixed term is undone"),
    ("(?<!小)数位", "数字", "traditional", "数位化/数位政府 = 数字化; 小数位 (decimal places) stays"),
    ("资料库", "数据库", "traditional", "mainland 资料库 exists, hence traditional only"),
    ("软体(?!动物)", "软件", "traditional", "软体动物 (molluscs) stays"),
    ("硬体", "硬件", "traditional", ""),
    ("视讯", "视频", "traditional", "视讯会议 → 视频会议"),
    ("简讯", "短信", "traditional", ""),
    ("宽频", "宽带", "traditional", ""),
    ("登入", "登录", "traditional", ""),
)


@lru_cache(maxsize=1)
def _compiled_phrases():
    """TW_PHRASES compiled once; the list order is the application order."""
    return tuple((re.compile(p), r, tier) for p, r, tier, _note in TW_PHRASES)


@lru_cache(maxsize=2)
def _phrase_screen(traditional: bool) -> re.Pattern:
    """One search for every phrase `to_simplified` applies (the 'always' ones, and for a traditional
    source the others too): when it finds none, no phrase replacement changes the text."""
    return re.compile("|".join(f"(?:{rx.pattern})" for rx, _repl, tier in _compiled_phrases()
                               if tier == "always" or traditional))


def to_simplified(text: str, source_script: str | None = None) -> str:
    """OpenCC t2s, then undo Taiwan-style wording from TW_PHRASES.

    The context-sensitive phrase entries are applied only for traditional sources; pass
    ``source_script`` if already known, else it is detected from ``text``.
    """
    if not text:
        return text
    conv = None
    if source_script is None:
        ratio, conv = _ratio_and_conversion(text)  # (the script's test converts the text already)
        source_script = "traditional" if ratio > TRADITIONAL_THRESHOLD else "simplified"
    out = conv if conv is not None else _t2s().convert(text)
    if not _phrase_screen(source_script == "traditional").search(out):
        return out  # (no phrase below occurs: none of them changes anything)
    for rx, repl, tier in _compiled_phrases():
        if tier == "always" or source_script == "traditional":
            out = rx.sub(repl, out)
    return out


def traditional_ratio(text: str) -> float:
    """Share of CJK ideographs that OpenCC t2s would change (0.0 when there are none)."""
    return _ratio_and_conversion(text)[0]


def _ratio_and_conversion(text: str) -> tuple[float, str | None]:
    """`traditional_ratio` and the text's t2s conversion it measured (None when it had none to make)."""
    if not _CJK_RE.search(text):
        return 0.0, None
    conv = _t2s().convert(text)
    if conv == text:
        return 0.0, conv  # nothing to convert (no ideograph to count: the share is 0 whatever their number)
    cjk = _NON_CJK_RUN_RE.sub("", text)  # the ideographs only (one string, not a list of them)
    if len(conv) == len(text):
        # t2s is length-preserving in practice, so a positional comparison keeps its
        # phrase-level decisions (著名 stays 著名, 乾隆 stays 乾隆). Equal blocks are skipped at C
        # speed; only blocks that differ are compared character by character.
        changed = 0
        for i in range(0, len(text), 4096):
            a, b = text[i : i + 4096], conv[i : i + 4096]
            if a != b:
                changed += sum(1 for x, y in zip(a, b) if x != y and _CJK_RE.match(x))
    else:  # pragma: no cover - defensive: fall back to character-level conversion
        conv_char = _t2s().convert
        changed = sum(1 for ch in cjk if conv_char(ch) != ch)
    return changed / len(cjk), conv


def detect_script(text: str) -> str:
    """'traditional' when traditional_ratio exceeds TRADITIONAL_THRESHOLD, else 'simplified'."""
    return "traditional" if traditional_ratio(text) > TRADITIONAL_THRESHOLD else "simplified"


# ---------------------------------------------------------------------------------------------
# Width, spaces and line ends
# ---------------------------------------------------------------------------------------------

# Zero-width characters and the BOM carry nothing; they split words for every regex.
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# C0 controls other than tab/LF (CR and FF are handled before this); NUL is the common one.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Remaining Unicode spaces that NFKC leaves alone or that appear after it.
_ODD_SPACE_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# NFKC turns ① into a bare "1", which reads as a number (and as page debris when glued to
# text). Keep the enumeration marker as "(1)" instead.
_CIRCLED = {chr(0x2460 + i): f"({i + 1})" for i in range(20)}
_CIRCLED_RE = re.compile("[\u2460-\u2473]")


# CJK Radicals Supplement code points that a PDF font without a ToUnicode map gives for whole
# characters (`上海市⻓宁区`): NFKC maps only ⺟ and ⻳, so the standalone simplified (and a few
# traditional) radicals are mapped here to the character they draw. Component-only radicals
# (⺰ 纟, ⻈ 讠, ⻐ 钅) are left alone: no text prints them on their own.
_RADICALS = str.maketrans({
    "⺁": "厂", "⺠": "民", "⺩": "王", "⻄": "西", "⻅": "见",
    "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长", "⻔": "门",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马",
    "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄",
    "⻪": "黾", "⻫": "齐", "⻬": "齐", "⻭": "齿", "⻮": "齿", "⻯": "龙", "⻰": "龙",
    "⻲": "龟",
})
_RADICAL_RE = re.compile("[⺀-⻿]")


# A minus sign printed as −, –, — or ﹣ before a number that starts a cell (`–6`, `−2` in a 增/减
# column), never a dash between two numbers (2019–2020) or after a word.
_MINUS_RE = re.compile("(?<![^\\s|(])[\u2212\u2013\u2014\u2012\ufe63](?=\\d)")
_MINUS_CHAR_RE = re.compile("[\u2212\u2013\u2014\u2012\ufe63]")
# Any character the control, zero-width or circled-number pass changes.
_DROPPED_OR_CIRCLED_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad\u2460-\u2473]")


def canonical_width(text: str) -> str:
    """NFKC (full-width digits/Latin/，：（）；！？％ → ASCII), LF line ends, plain spaces, no NULs.

    Chinese-only punctuation (、。《》“”【】〔〕) is left as NFKC leaves it; ①-⑳ become (1)-(20); a
    standalone CJK radical (⻓ U+2ED3) becomes the character it draws (长).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Form feed is the PDF page break; a line break keeps the page's last line separate.
    text = text.replace("\f", "\n").replace("\v", "\n")
    if _DROPPED_OR_CIRCLED_RE.search(text):  # (one scan for the three passes; most texts need none)
        text = _CONTROL_RE.sub("", text)
        text = _ZERO_WIDTH_RE.sub("", text)
        text = _CIRCLED_RE.sub(lambda m: _CIRCLED[m.group(0)], text)
    text = unicodedata.normalize("NFKC", text)
    if _RADICAL_RE.search(text):
        text = text.translate(_RADICALS)
    if _MINUS_CHAR_RE.search(text):  # (a plain class finds the signs faster than the lookbehind)
        text = _MINUS_RE.sub("-", text)
    return _ODD_SPACE_RE.sub(" ", text)


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------

_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|(?=[^\s#]))")
_BARE_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]*$")
# A closing "  ##" after a heading is removed by _strip_heading_tail (rstrip-based, linear): the
# regex r"[ \t]+#+[ \t]*$" retried its space run from every position (quadratic on long blanks).
# Possessive runs: no run can give characters back to a neighbour that could use them (blanks,
# pipes, colons and dashes alternate), so this matches exactly the lines the backtracking form
# matched, without its quadratic retries over long blank runs.
_PIPE_SEPARATOR_RE = re.compile(r"^\s*+\|?\s*+:?-{2,}+:?\s*+(\|\s*+:?-{2,}+:?\s*+)*+\|?\s*+$")
_HRULE_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_BULLET_RE = re.compile(r"^[ \t]*[-*+•●▪◆■][ \t]+")
_BLOCKQUOTE_RE = re.compile(r"^[ \t]*>+[ \t]?")
# **bold**, __bold__ and ~~strike~~ are found by _strip_delimited (linear) instead of one regex each:
# a lazy r"\*\*(?=\S)(.+?)(?<=\S)\*\*" retries from every unclosed ** to the end of the line
# (quadratic: 47 s on a 103 KB line), and the __bold__ regex with two lazy runs around a CJK
# character was cubic. Each delimiter has an opening and a closing test (zero-width, so
# overlapping runs such as *** are all seen):
#   **bold**: "**" then a non-space; closed by "**" after a non-space; the shortest such span
#             on the line (text inside is kept, the markers go).
_BOLD_STAR_OPEN_RE = re.compile(r"(?=\*\*\S)")
_BOLD_STAR_CLOSE_RE = re.compile(r"(?<=\S)(?=\*\*)")
#   __bold__: only around Chinese text, so identifiers such as __init__ or a__b__c are left
#             alone: no letter/digit/_ outside either marker, and a CJK character inside.
_BOLD_UNDER_OPEN_RE = re.compile(r"(?<![A-Za-z0-9_])(?=__\S)")
_BOLD_UNDER_CLOSE_RE = re.compile(r"(?<=\S)(?=__(?![A-Za-z0-9_]))")
# Single-star emphasis; an ASCII letter/digit on either side means arithmetic ("7*24") instead.
_EM_STAR_RE = re.compile(r"(?<![A-Za-z0-9*\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![A-Za-z0-9*])")
#   ~~strike~~: like **bold**, but the struck span goes with its markers (a value the report withdrew:
#             `~~12~~ 13` is 13).
_STRIKE_OPEN_RE = re.compile(r"(?=~~\S)")
_STRIKE_CLOSE_RE = re.compile(r"(?<=\S)(?=~~)")
# Characters without which _strip_inline_markdown changes nothing: ![ ]( < ** __ ~~ * \\ (and
# NUL, which its unescaping step turns into a backslash).
_MARKUP_CHAR_RE = re.compile(r"[!\[\]<*_~\\\x00]")
_ESCAPE_RE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{}~])")
_ESCAPED_BACKSLASH_RE = re.compile(r"\\\\")
_AUTOLINK_RE = re.compile(
    r"<((?:https?|ftp)://[^<>\s]+|mailto:[^<>\s]+|www\.[^<>\s]+|[\w.+-]+@[\w-]+\.[\w.-]+)>"
)
# ![alt](src) and [text](url "title") are found by _strip_images / _replace_links, which read the
# same matches as r"!\[[^\]\n]*\]\([^)\n]*\)" and r"\[([^\]\n]*)\]\(([^)\s]+)(?:\s+\"[^\"\n]*\")?\)"
# left to right, but find each terminator once (those regexes rescanned to the end of the line
# from every "[" when no terminator came: quadratic on "[[[[" or "[a]([a](...").
_LABEL_END_RE = re.compile(r"[\]\n]")
_IMAGE_SRC_END_RE = re.compile(r"[)\n]")
_URL_END_RE = re.compile(r"[)\s]")
_NON_SPACE_RE = re.compile(r"\S")
_TITLE_END_RE = re.compile(r"[\"\n]")


class _Next:
    """First match of ``rx`` in ``text`` at or after a position; cached, so a run of queries with
    rising positions scans the text once."""

    __slots__ = ("text", "rx", "frm", "at_")

    def __init__(self, text: str, rx: re.Pattern):
        self.text, self.rx, self.frm, self.at_ = text, rx, 0, -1

    def at(self, i: int) -> int:
        if not (self.frm <= i <= self.at_):
            m = self.rx.search(self.text, i)
            self.frm, self.at_ = i, (m.start() if m else len(self.text))
        return self.at_


def _strip_images(line: str) -> str:
    """Remove ``![alt](src)`` (alt and src without ] ) or a line break)."""
    if "](" not in line or "![" not in line:
        return line
    n, out, pos = len(line), [], 0
    label_end, src_end = _Next(line, _LABEL_END_RE), _Next(line, _IMAGE_SRC_END_RE)
    p = line.find("![")
    while p != -1:
        q = label_end.at(p + 2)
        if q + 1 < n and line[q] == "]" and line[q + 1] == "(":
            r = src_end.at(q + 2)
            if r < n and line[r] == ")":
                out.append(line[pos:p])
                pos = r + 1
                p = line.find("![", pos)
                continue
        p = line.find("![", p + 1)
    return "".join(out) + line[pos:] if out else line


def _replace_links(line: str) -> str:
    """``[text](url)`` and ``[text](url "title")`` → :func:`_link_text` (no ] or line break in the
    text, no ) or blank in the url, no " or line break in the title)."""
    if "](" not in line:
        return line
    n, out, pos = len(line), [], 0
    label_end, url_end = _Next(line, _LABEL_END_RE), _Next(line, _URL_END_RE)
    non_space, title_end = _Next(line, _NON_SPACE_RE), _Next(line, _TITLE_END_RE)
    p = line.find("[")
    while p != -1:
        end = None
        q = label_end.at(p + 1)
        if q + 1 < n and line[q] == "]" and line[q + 1] == "(":
            u = q + 2
            r = url_end.at(u)
            if r > u and r < n:
                if line[r] == ")":
                    end = r + 1
                else:  # a blank: only a "title" may follow
                    w = non_space.at(r)
                    if w < n and line[w] == '"':
                        t = title_end.at(w + 1)
                        if t + 1 < n and line[t] == '"' and line[t + 1] == ")":
                            end = t + 2
        if end is None:
            p = line.find("[", p + 1)
            continue
        out.append(line[pos:p])
        out.append(_link_text(line[p + 1 : q], line[u:r]))
        pos = end
        p = line.find("[", pos)
    return "".join(out) + line[pos:] if out else line


def _strip_delimited(line: str, marker: str, open_rx: re.Pattern, close_rx: re.Pattern, cjk_inside: bool,
                     keep: bool = True) -> str:
    """Remove paired ``marker``s around a span, keeping the span (or, without ``keep``, dropping it with
    them); linear in ``len(line)``.

    The same matches, left to right, as ``marker(?=\\S)(.+?)(?<=\\S)marker`` (with a CJK
    character required inside when ``cjk_inside``): from an opening at p, the span ends at the
    first closing at or after p+3 (and after the first CJK character) on the same line. When an
    opening finds no closing, no later opening on that line can (its candidates are a subset), so
    the rest of the line is skipped instead of rescanned.
    """
    if marker not in line:
        return line
    starts = [m.start() for m in open_rx.finditer(line)]
    if not starts:
        return line
    ends = [m.start() for m in close_rx.finditer(line)]
    width, n = len(marker), len(line)
    out: list[str] = []
    pos = i = j = 0
    nl = cjk = -1  # cached: next line break / CJK character at or after the last body start
    while i < len(starts):
        p = starts[i]
        if p < pos:
            i += 1
            continue
        body = p + width
        if nl < body:
            nl = line.find("\n", body)
            nl = n if nl == -1 else nl
        lo = body + 1  # a span holds at least one character
        if cjk_inside:
            if cjk < body:
                m = _CJK_RE.search(line, body)
                cjk = m.start() if m else n
            lo = max(lo, cjk + 1)
        j = bisect_left(ends, lo, j)
        if j < len(ends) and ends[j] < nl:
            e = ends[j]
            out.append(line[pos:p])
            if keep:
                out.append(line[body:e])
            pos = e + width
            i += 1
        else:
            i = bisect_left(starts, nl, i + 1)
    if not out:
        return line
    out.append(line[pos:])
    return "".join(out)


def _strip_heading_tail(text: str) -> str:
    """What ``re.sub(r"[ \t]+#+[ \t]*$", "", text)`` returns, in linear time: the closing #-run
    of an ATX heading goes with the blanks before and after it (a line break at the end stays)."""
    body, nl = (text[:-1], "\n") if text.endswith("\n") else (text, "")
    tail = body.rstrip(" \t")
    hashes = tail.rstrip("#")
    if len(hashes) == len(tail):
        return text
    kept = hashes.rstrip(" \t")
    if len(kept) == len(hashes):
        return text
    return kept + nl


def _link_text(label: str, url: str) -> str:
    """[text](url) → text(url); [](url) or [url](url) → url - the URL is kept, not the syntax."""
    label = label.strip()
    if not label or label == url:
        return url
    return f"{label}({url})"


def _strip_inline_markdown(line: str, table_row: bool) -> str:
    """Emphasis, escapes, links on one line; in pipe rows an escaped \\| stays escaped."""
    if not _MARKUP_CHAR_RE.search(line):
        return line  # every step below needs one of these characters (most lines have none)
    line = _strip_images(line)
    line = _replace_links(line)
    line = _AUTOLINK_RE.sub(r"\1", line)
    line = _strip_delimited(line, "**", _BOLD_STAR_OPEN_RE, _BOLD_STAR_CLOSE_RE, cjk_inside=False)
    line = _strip_delimited(line, "__", _BOLD_UNDER_OPEN_RE, _BOLD_UNDER_CLOSE_RE, cjk_inside=True)
    line = _strip_delimited(line, "~~", _STRIKE_OPEN_RE, _STRIKE_CLOSE_RE, cjk_inside=False, keep=False)
    line = _EM_STAR_RE.sub(r"\1", line)
    # An unmatched ** (bold opened on one line, closed on another) carries nothing.
    line = line.replace("**", "")
    # Unescape; "\|" inside a pipe row must stay, or the cell would split in two.
    line = _ESCAPED_BACKSLASH_RE.sub("\x00", line)
    line = _ESCAPE_RE.sub(r"\1", line)
    if not table_row:
        line = line.replace("\\|", "|")
    return line.replace("\x00", "\\")


# Lines without any of these are left as they are by strip_markdown: a heading's #, a rule's or a
# bullet's first character, a quote's >, a pipe separator's start (|, :, -), after blanks, and the
# characters of inline markup (`_MARKUP_CHAR_RE`).
_MARKDOWN_HINT_RE = re.compile(r"^\s*[-*_#+•●▪◆■>|:]|[!\[\]<*_~\\\x00]", re.M)


def strip_markdown(text: str) -> str:
    """Remove markdown markers (headings, bold/em, escapes, autolinks, bullets, rules).

    Pipe-table rows keep their pipes and cells (only ``|---|`` separator rows are dropped) and
    tab-separated rows keep their tabs.
    """
    if not _MARKDOWN_HINT_RE.search(text):
        return text
    out: list[str] = []
    for line in text.split("\n"):
        if not _MARKDOWN_HINT_RE.search(line):
            out.append(line)  # (no test below can change it)
            continue
        if is_table_line(line):
            if "|" in line and _PIPE_SEPARATOR_RE.match(line) and "\t" not in line:
                continue  # |---|---| carries no data
            m = _HEADING_RE.match(line)
            if m and m.group(0)[-1] in " \t" and not line.startswith("|"):
                line = line[m.end():]  # a heading a flattened file left on its table's first row
            out.append(_strip_inline_markdown(line, table_row=True))
            continue
        if _HRULE_RE.match(line):
            continue
        if _BARE_HEADING_RE.match(line):
            out.append("")  # `##` with no title (a flattened file's heading mark split from its text)
            continue
        m = _HEADING_RE.match(line)
        # "#政务公开#" is a hashtag, not a heading: a heading without a space after the #s is
        # accepted only when no other # follows on the line.
        if m and (m.group(0)[-1] in " \t" or "#" not in line[m.end():]):
            line = _strip_heading_tail(line[m.end():])
        # Bullets only in front of real text: "- 3 -" is a page footer, "-5" a number.
        if _BULLET_RE.match(line) and _CJK_RE.search(line):
            line = _BULLET_RE.sub("", line, count=1)
        if line.lstrip().startswith(">") and _CJK_RE.search(line):
            line = _BLOCKQUOTE_RE.sub("", line, count=1)
        out.append(_strip_inline_markdown(line, table_row=False))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Page-number debris
# ---------------------------------------------------------------------------------------------

# Characters that, right after a number, make it a quantity rather than a page number. A page
# break can of course also fall before one of these characters; those cases are lost (missed
# debris is a cosmetic defect, a deleted count is a data error).
_UNIT_CHARS = set(
    "个件条项次人名家期年月日号万亿千百元角余多份篇批场类处所户位天周时分秒岁届轮台辆套张本册"
    "卷盒页部座栋间亩吨米倍成级星层组支只起宗例股块种栏版季点票封回章节款方宿床线路室站村乡镇"
    "县区市省库遍趟首幅员团队班门单对大"
)
# Two-character units whose first character is too common to exclude on its own.
_UNIT_WORDS = ("小时", "公里", "公顷", "公斤", "平方", "分钟", "千米", "千克", "毫米", "兆瓦", "学时", "课时",
               "工作日", "百分点")
# Characters and words that, right before a number, introduce a quantity, an ordinal or a label.
_PREFIX_CHARS = set("第共约近达计超逾每仅只占余前后至到增减降升有和及与或等各为图表附序编码号型级率对")
_PREFIX_WORDS = ("附件", "附表", "附图", "序号", "编号", "热线", "电话", "尾号", "代码", "版本", "标准")
# Emergency/service hotlines look exactly like unit-less 3-digit runs between characters.
_HOTLINES = {110, 112, 114, 119, 120, 122, 999}
# Page numbers are positive, have no leading zero and stay below this in these reports.
_MAX_PAGE = 500
# A page holds at least / at most this many characters of extracted text (tables included);
# consecutive page numbers further apart (per page) than MAX, or closer than MIN, are not a
# page sequence.
_MIN_CHARS_PER_PAGE = 80
_MAX_CHARS_PER_PAGE = 5000
_CHAIN_WINDOW = 200

# A 1-3 digit run directly between two ideographs, optionally with one space on each side
# (PDF extraction sometimes pads the page number).
_INLINE_PAGE_RE = re.compile(f"(?<=[{_CJK}])( ?)([1-9][0-9]{{0,2}})( ?)(?=[{_CJK}])")
# A line holding nothing but a number (candidate only; confirmed by the page sequence).
_BARE_NUMBER_LINE_RE = re.compile(r"^\s*([1-9][0-9]{0,2})\s*$")
# Unambiguous page footers, removed on sight (outside tables).
_FOOTER_RES = (
    re.compile(r"^\s*[-—–~·•]+\s*\d{1,3}\s*[-—–~·•]+\s*$"),  # - 3 -   — 3 —
    re.compile(r"^\s*第\s*\d{1,3}\s*页\s*[/,,、 ]?\s*(共\s*\d{1,3}\s*页)?\s*$"),  # 第 3 页 / 共 12 页
    re.compile(r"^\s*共\s*\d{1,3}\s*页\s*[/,,、 ]?\s*第\s*\d{1,3}\s*页\s*$"),  # 共 12 页 第 3 页
    re.compile(r"^\s*(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.IGNORECASE),
)
_PAGE_OF_RE = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")  # 3/12 (checked: 3 <= 12)


# What every footer pattern starts with, after blanks (one test for the five).
_FOOTER_START_RE = re.compile(r"\s*(?:[-—–~·•第共pP]|\d)")


def _is_footer(line: str) -> bool:
    """A line that can only be a printed page footer."""
    if not _FOOTER_START_RE.match(line):
        return False
    if any(rx.match(line) for rx in _FOOTER_RES):
        return True
    m = _PAGE_OF_RE.match(line)
    return bool(m) and 0 < int(m.group(1)) <= int(m.group(2))


@dataclass(frozen=True)
class _PageCandidate:
    pos: int  # character offset in the document (monotone with reading order)
    value: int
    line_no: int
    span: tuple[int, int] | None  # span within the line for inline debris; None = whole line
    anchor: bool = False  # a footer line's own number (`- 3 -`): certainly a page, removed anyway


def _inline_candidates(line: str, line_no: int, offset: int) -> list[_PageCandidate]:
    """Unit-less 1-3 digit runs glued between two ideographs on one non-table line."""
    found = []
    for m in _INLINE_PAGE_RE.finditer(line):
        value = int(m.group(2))
        if value > _MAX_PAGE or value in _HOTLINES:
            continue
        before, after = line[m.start() - 1], line[m.end():]
        if before in _PREFIX_CHARS or line[: m.start()].endswith(_PREFIX_WORDS):
            continue
        if after[:1] in _UNIT_CHARS or after.startswith(_UNIT_WORDS):
            continue
        # "信息7 期": a space on one side only is a typed quantity, not a padded page number.
        if bool(m.group(1)) != bool(m.group(3)):
            continue
        found.append(_PageCandidate(offset + m.start(), value, line_no, (m.start(), m.end())))
    return found


_FOOTER_PAGE_RE = re.compile(r"第\s*(\d{1,3})\s*页")


def _page_chain(cands: list[_PageCandidate]) -> list[_PageCandidate]:
    """Longest chain of candidates whose values rise with position at a plausible page length.

    Dynamic programming over candidates in document order: a candidate may follow another when
    its value is larger and (distance / value gap) lies within the chars-per-page bounds. The
    first page number must also be reachable: value <= 2 + pos / MIN_CHARS_PER_PAGE.
    """
    n = len(cands)
    best = [1] * n
    prev = [-1] * n
    # the document's last page may hold a line or two (a sign-off): into the last footer, no minimum
    last_anchor = max((k for k in range(n) if cands[k].anchor), default=-1)
    for j in range(n):
        cj = cands[j]
        if cj.value > 2 + cj.pos / _MIN_CHARS_PER_PAGE:
            best[j] = 0  # cannot be a page number this early in the document
            continue
        # Only the last _CHAIN_WINDOW candidates are considered as predecessors: keeps garbage
        # documents (thousands of candidates) linear while real page sequences are unaffected.
        for i in range(max(0, j - _CHAIN_WINDOW), j):
            ci = cands[i]
            if best[i] == 0 or ci.value >= cj.value:
                continue
            per_page = (cj.pos - ci.pos) / (cj.value - ci.value)
            low = 1 if j == last_anchor and cj.value == ci.value + 1 else _MIN_CHARS_PER_PAGE
            if low <= per_page <= _MAX_CHARS_PER_PAGE and best[i] + 1 > best[j]:
                best[j], prev[j] = best[i] + 1, i
    if not n or max(best) < 2:
        return []  # a lone candidate is indistinguishable from a real number: keep it
    j = max(range(n), key=lambda k: best[k])
    chain = []
    while j != -1:
        chain.append(cands[j])
        j = prev[j]
    return chain[::-1]


def _nearest_nonblank(lines: list[str], no: int, reach: int = 3, skip: frozenset[int] = frozenset()) -> list[int]:
    """The nearest non-blank line above and below line `no`, within `reach` lines (lines in `skip`
    are passed over as if absent)."""
    out = []
    for step in (-1, 1):
        k, seen = no + step, 0
        while 0 <= k < len(lines) and seen < reach:
            if k in skip:
                k += step
                continue
            seen += 1
            if lines[k].strip():
                out.append(k)
                break
            k += step
    return out


def _running_headers(lines: list[str], footers: set[int]) -> set[int]:
    """Lines of a running page header or footer: the same short text beside a page number (the
    nearest non-blank line above or below a dropped footer line) on two or more pages. Inside a
    table dumped one cell per line, such a line would be read as a cell and shift the rest."""
    if len(footers) < 2:
        return set()
    beside: dict[str, list[int]] = {}
    for f in footers:
        for k in _nearest_nonblank(lines, f):
            t = lines[k].strip()
            if k not in footers and t and len(t) <= 60 and not is_table_line(lines[k]) and not _MARKERS_ONLY_NUM.match(t):
                beside.setdefault(t, []).append(k)
    return {k for ks in beside.values() if len(set(ks)) >= 2 for k in ks}


_MARKERS_ONLY_NUM = re.compile(r"^[\d.,\s]+$")  # a number cell is never a running header
_DIGITS_ONLY_RE = re.compile(r"\s*[\d.,]+\s*")


def remove_page_debris(text: str) -> str:
    """Remove page footers and page numbers glued into running text (服2务 → 服务).

    Footer lines ("- 3 -", "第 3 页 / 共 12 页") always go, and so does a running header or footer
    printed beside them on two or more pages. Unit-less numbers between two ideographs and bare
    number lines go only when they form an increasing page sequence. Table rows are never touched.
    """
    lines = text.split("\n")
    cands: list[_PageCandidate] = []
    drop: set[int] = set()
    offset = 0
    numeric = [bool(_BARE_NUMBER_LINE_RE.match(ln)) for ln in lines]
    # any number-only line (0 included) marks a table dumped one cell per line
    digits_only = [bool(_DIGITS_ONLY_RE.fullmatch(ln)) for ln in lines]
    table = [is_table_line(ln) for ln in lines]
    footer = [not t and _is_footer(ln) for t, ln in zip(table, lines)]
    # a page break inside a table dumped one cell per line: its footer and running header lines are
    # passed over when looking at a number's neighbours (the cell after them is no page number)
    footers = {no for no, f in enumerate(footer) if f}
    furniture = frozenset(footers | _running_headers(lines, footers))
    # the lines that hold a digit run between ideographs, found in one pass over the text (a match
    # never spans a line break: its context on both sides is an ideograph)
    inline: set[int] = set()
    line_no, pos = 0, 0
    for m in _INLINE_PAGE_RE.finditer(text):
        line_no += text.count("\n", pos, m.start())
        pos = m.start()
        inline.add(line_no)
    for no, line in enumerate(lines):
        if not table[no]:
            if footer[no]:
                drop.add(no)
                m = _FOOTER_PAGE_RE.search(line) or re.search(r"\d{1,3}", line)
                if m:
                    cands.append(_PageCandidate(offset, int(m.group(1) if m.groups() else m.group(0)), no, None, True))
            elif numeric[no]:
                # A run of number-only lines is a table dumped one cell per line, not a footer; and a
                # number beside a page's footer is not its page number too (a page has one).
                # (the nearest non-blank line on each side: Word exports put a blank line between cells)
                near = _nearest_nonblank(lines, no, skip=furniture)
                if not any(digits_only[k] or footer[k] for k in near) and not any(
                        footer[k] for k in _nearest_nonblank(lines, no)):
                    cands.append(_PageCandidate(offset, int(lines[no].strip()), no, None))
            elif no in inline:
                cands.extend(_inline_candidates(line, no, offset))
        offset += len(line) + 1
    chain = _page_chain(cands)
    spans: dict[int, list[tuple[int, int]]] = {}
    for c in chain:
        if c.span is None:
            drop.add(c.line_no)
        else:
            spans.setdefault(c.line_no, []).append(c.span)
    drop |= _running_headers(lines, drop)
    if not drop and not spans:
        return text
    out = []
    for no, line in enumerate(lines):
        if no in drop:
            continue
        for start, end in sorted(spans.get(no, ()), reverse=True):
            line = line[:start] + line[end:]
        out.append(line)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Website chrome
# ---------------------------------------------------------------------------------------------

# Lines that head a trailing block of site navigation (tag clouds, related links, contact box).
_TRAILER_HEADINGS = {
    "相关词条", "热门词条", "联络我们", "联系我们", "相关链接", "相关文章", "相关新闻", "相关阅读",
    "相关推荐", "相关信息", "友情链接", "网站地图", "扫一扫在手机打开当前页", "扫一扫在手机上查看当前页面",
}
_BREADCRUMB_RE = re.compile(
    r"^\s*(?:当前位置|您的位置|你的位置|您当前的位置|您现在的位置|你现在的位置|当前所在位置|所在位置)\s*[:：]"
)
_BREADCRUMB_HOME_RE = re.compile(r"^\s*首页\s*(?:>|>>|»|›|/|→)")
_SHARE_RE = re.compile(r"^\s*(?:分享到|分享至|分享\s*[:：])")
_FONT_SIZE_RE = re.compile(r"[【\[(]\s*字[体體号號]\s*[:：]?\s*(?:[大中小]|默认|默認|\s|[|/,、])+\s*[】\])]")
# Print/close/favourite bars: a line made only of these tokens, with at least one of the
# unambiguous ones, is chrome. (A lone "微信" or "中" line can be a PDF table cell, so the weak
# tokens never condemn a line on their own.)
_STRONG_CHROME_TOKENS = {
    "打印本页", "打印此页", "关闭窗口", "关闭视窗", "关闭本页", "收藏本页", "加入收藏", "返回顶部", "保存本页",
    "FONTSIZE",  # placeholder left where a 【字体:大 中 小】 widget was
}
_WEAK_CHROME_TOKENS = {
    "打印", "关闭", "收藏", "返回", "保存", "字体", "字号", "大", "中", "小", "默认", "分享", "微信", "微博",
    "QQ空间", "QQ", "朋友圈", "扫一扫", "【", "】",
}
_TOKEN_SPLIT_RE = re.compile(r"[\s【】\[\]()|/·•,、:：]+")
_FOOTER_LINE_RE = re.compile(r"ICP备|公网安备|网站标识码|版权所有")
_COUNTER_LINE_RE = re.compile(
    r"^\s*(?:浏览次数|阅读次数|点击数|点击量|访问量|浏览量|阅读量)\s*[:：]?\s*\d*\s*次?\s*$"
)


def _is_chrome_line(key: str) -> bool:
    """Whole-line chrome: breadcrumb, share bar, print/close/font bar, site footer, counter."""
    s = key.strip()
    if not s:
        return False
    if _BREADCRUMB_RE.match(s) or _BREADCRUMB_HOME_RE.match(s) or _COUNTER_LINE_RE.match(s):
        return True
    if _SHARE_RE.match(s) and len(s) <= 60:
        return True
    if _FOOTER_LINE_RE.search(s) and len(s) <= 120:
        return True
    tokens = [t for t in _TOKEN_SPLIT_RE.split(_FONT_SIZE_RE.sub(" FONTSIZE ", s)) if t]
    return (
        bool(tokens)
        and all(t in _STRONG_CHROME_TOKENS or t in _WEAK_CHROME_TOKENS for t in tokens)
        and any(t in _STRONG_CHROME_TOKENS for t in tokens)
    )


_TRAILER_STRIP_RE = re.compile(r"[\s:：【】\[\]]")


def _is_trailer_heading(key: str) -> bool:
    """A line that is only a site-navigation heading such as 相关词条 or 联系我们."""
    return _TRAILER_STRIP_RE.sub("", key) in _TRAILER_HEADINGS


def _looks_like_body(line: str) -> bool:
    """Report content rather than a tag, link or address: a table row, a sentence, a long line."""
    s = line.strip()
    return is_table_line(line) or len(s) > 40 or "。" in s


# Every chrome test below needs one of these in the line (its simplified key, or the line itself for
# the font widget): 位置 ends each breadcrumb, 首页 the home trail, 分享 a share bar, the counter
# and footer words, a strong token (FONTSIZE stands for a 字体/字号 widget), or a trailer heading
# with the characters its test strips between its own. A text with none of them has no chrome.
_CHROME_HINT_RE = re.compile("|".join(
    ["位置", "首页", "分享", "次数", "点击", "访问量", "浏览量", "阅读量", "ICP备", "公网安备", "网站标识码", "版权所有",
     "字体", "字體", "字号", "字號"] + sorted(_STRONG_CHROME_TOKENS)
    + ["[\\s:：【】\\[\\]]*".join(map(re.escape, h)) for h in sorted(_TRAILER_HEADINGS)]))


def remove_web_chrome(text: str) -> str:
    """Drop website chrome lines/blocks: breadcrumbs, share/print/font bars, trailing link blocks.

    Only whole lines go (plus inline 【字体:大 中 小】 widgets); report sentences are never cut.
    """
    # Match on the simplified form so traditional pages (相關詞條, 關閉視窗) are caught too; t2s
    # never touches line breaks, so the lines stay aligned.
    simplified = _t2s().convert(text) if _CJK_RE.search(text) else text
    if not _CHROME_HINT_RE.search(simplified) and (simplified == text or not _CHROME_HINT_RE.search(text)):
        return text  # (no line can be chrome: the loops below would change nothing)
    lines = text.split("\n")
    keys = simplified.split("\n")
    if len(keys) != len(lines):  # pragma: no cover - defensive
        keys = [_t2s().convert(ln) for ln in lines]
    keep = [True] * len(lines)
    for i, (line, key) in enumerate(zip(lines, keys)):
        if is_table_line(line) or not key.strip():
            continue
        if _is_trailer_heading(key) or _is_chrome_line(key):
            keep[i] = False
        elif _FONT_SIZE_RE.search(line):
            lines[i] = _FONT_SIZE_RE.sub("", line)  # widget glued to a metadata line
    # A trailer heading followed only by short, sentence-less lines (tags, links, an address)
    # ends the document: drop everything from it on. Followed by a real paragraph, only the
    # heading line itself goes (above).
    for i, key in enumerate(keys):
        if keep[i] or not _is_trailer_heading(key):
            continue
        if not any(_looks_like_body(ln) for ln in lines[i + 1:] if ln.strip()):
            for k in range(i, len(lines)):
                keep[k] = False
            break
    return "\n".join(ln for ln, k in zip(lines, keep) if k)


# ---------------------------------------------------------------------------------------------
# Whitespace
# ---------------------------------------------------------------------------------------------

# "Chinese" side of a space: ideographs, Chinese punctuation, and the ASCII forms NFKC gave to
# full-width punctuation.
# The dash is left out: in a flattened table "1 — 2" is a value, a blank cell and a value, and
# collapsing its spaces would glue blanks and numbers into one run.
_CJK_PUNCT_NO_DASH = _CJK_PUNCT.replace("—", "")
_W = _CJK + re.escape(_CJK_PUNCT_NO_DASH) + re.escape(",:;()!?%\"")
# Left of a digit, "," "%" and "." are excluded so "3, 2" and "100% 5" never fuse into a number.
_W_BEFORE_DIGIT = _CJK + re.escape(_CJK_PUNCT_NO_DASH) + re.escape(":;()!?\"")
_SPACE_CJK_CJK_RE = re.compile(f"(?<=[{_W}]) +(?=[{_W}])")
_SPACE_CJK_DIGIT_RE = re.compile(f"(?<=[{_W_BEFORE_DIGIT}]) +(?=[0-9])")
# (never before a signed cell, `356 增3 12784`: the space is all that parts two cells)
_SPACE_DIGIT_CJK_RE = re.compile(f"(?<=[0-9]) +(?=[{_W}])(?!(?:增加?|减少?) ?[0-9])")
# "1. 属于国家秘密" → "1.属于国家秘密": a list-number dot before Chinese text.
_SPACE_LISTDOT_RE = re.compile(f"(?<=[0-9]\\.) +(?=[{_CJK}])")
_MULTI_SPACE_RE = re.compile(r" {2,}")


def collapse_cjk_whitespace(text: str) -> str:
    """Remove spaces inside Chinese text and between Chinese and numbers ("2019 年" → "2019年").

    Spaces between two numbers or two Latin words stay; table rows are not touched at all.
    Non-table lines are also stripped and inner space runs reduced to one.
    """
    out = []
    for line in text.split("\n"):
        if is_table_line(line):
            out.append(line)
            continue
        line = line.strip(" ")
        if " " in line:  # (every pass below removes or shortens a run of spaces: none, nothing to do)
            line = _MULTI_SPACE_RE.sub(" ", line)
            line = _SPACE_CJK_CJK_RE.sub("", line)
            line = _SPACE_CJK_DIGIT_RE.sub("", line)
            line = _SPACE_DIGIT_CJK_RE.sub("", line)
            line = _SPACE_LISTDOT_RE.sub("", line)
        out.append(line)
    return "\n".join(out)


_BLANK_RUN_RE = re.compile(r"\n(?:[ ]*\n){2,}")


def _tidy_blank_lines(text: str) -> str:
    """At most one blank line in a row; no leading/trailing blank lines."""
    return _BLANK_RUN_RE.sub("\n\n", text).strip("\n")


# ---------------------------------------------------------------------------------------------
# The whole pass
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NormalisedText:
    """Canonical text plus the script facts measured on the way."""

    text: str
    source_script: str  # 'simplified' | 'traditional'
    traditional_ratio: float  # measured on the input (after width normalisation)
    residual_traditional_ratio: float  # measured on the output; should be ~0
    # page (1-based) of each line of `text`, for input with form-feed page breaks (PDF, Word);
    # None when the input has no page break or a line's page cannot be traced exactly
    line_pages: tuple[int, ...] | None = None


# An HTML character reference left in plain text by a crawler or a copy-paste (&nbsp;, &ensp;, &#12288;).
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")


def decode_entities(text: str) -> str:
    """Decode HTML character references a text still holds (`&nbsp;` → a space), so they never
    stand between a label and its numbers; unknown names are left as printed."""
    if "&" not in text:
        return text
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


_CSV_NUMBER = re.compile(r"^\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*$")
_CSV_MIN_RUN = 3
_QUOTED_CSV = re.compile(r'^\s*"[^"\n]*"(?:,"[^"\n]*"){2,}\s*$')


def _csv_fields(line: str) -> list[str] | None:
    """The fields of a line that reads as a CSV table row, else None.

    A row has three or more fields, none longer than a label, and carries table evidence: an
    empty field (a blank cell or a merged cell's covered slot) or two number fields. Prose with
    ASCII commas (`2019年,共受理申请5件,已全部办结`) has neither.
    """
    if line.count(",") < 2 or "\t" in line or "|" in line:
        return None
    try:
        fields = next(csv.reader([line]))
    except (csv.Error, StopIteration):
        return None
    if len(fields) < 3 or any(len(f) > 80 for f in fields):
        return None
    if any(not f.strip() for f in fields) or sum(1 for f in fields if _CSV_NUMBER.match(f)) >= 2:
        return fields
    return None


def csv_tables_to_tabs(text: str) -> str:
    """Tables saved as CSV (`行政许可,"1,832",27,"41,386"`): runs of three or more consecutive CSV
    rows become tab-separated rows, quoted fields unquoted (their thousands commas stay in the cell)."""
    if text.count(",") < 2 * _CSV_MIN_RUN:
        return text
    lines = text.split("\n")
    fields = [_csv_fields(x) for x in lines]
    out = list(lines)
    changed = False
    i = 0
    while i < len(lines):
        if fields[i] is None:
            i += 1
            continue
        j = i
        while j < len(lines) and fields[j] is not None:
            j += 1
        if j - i >= _CSV_MIN_RUN or all(_QUOTED_CSV.match(lines[k]) for k in range(i, j)):
            # (a row every field of which is quoted is CSV however short its run: a page footer
            # between two rows of a table must not leave one of them to be read as prose)
            for k in range(i, j):
                out[k] = "\t".join(f.strip() for f in fields[k])
            changed = True
        i = j
    return "\n".join(out) if changed else text


# A spreadsheet pasted with its frame: a line of column letters (`\tA\tB\tC…`, `|  | A | B |…`), then each row
# led by its row number (`1\t…`, `| 1 | …`). The frame is no part of the table: a row number read as a cell
# would shift the row's numbers one column.
_SHEET_LETTERS = re.compile(r"^(?:\t?A\tB(?:\t[A-Z]{1,2})*|\|\s*\|\s*A\s*\|\s*B\s*(?:\|\s*[A-Z]{1,2}\s*)*\|)[ \t]*$")
_MD_RULE = re.compile(r"^\|[-:| ]+\|\s*$")


# A symbol or emoji bullet before a line's words (new-media copies: `▲三、收到和处理…`, `✅（一）主动公开`): no part
# of the heading or label it marks. ○ and ◯ stay (a zero in 二○二一年), as does anything before a digit.
_LINE_BULLET = re.compile("^[ \t]*(?:[\u2022\u25a0-\u25ca\u25cc-\u25ee\u25f0-\u27bf\u2b50\u2b55\U0001f300-\U0001faff]"
                          "\ufe0f?[ \t]*)+(?=[\u4e00-\u9fff(（])", re.M)


def strip_line_bullets(text: str) -> str:
    """Drop symbol and emoji bullets at the start of lines whose words follow them."""
    return _LINE_BULLET.sub("", text) if _LINE_BULLET.search(text) else text


# A table row written as a sentence naming each cell by its column (a post or a message:
# `（一）予以公开：自然人8｜商业企业2｜…｜总计11`, `行政复议：结果维持3，结果纠正1，…，总计4`). Each number is
# tied to its column's name, so the row is the form's row with those cells in the form's column order.
# (the columns of one table's rows in the form's order, how many a row must name)
_NAMED_COLUMNS = ((("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"), 4),
                  (("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"), 4),
                  (("本年新制作数量", "本年新公开数量", "对外公开总数量"), 2),
                  (("上一年项目数量", "本年增/减", "处理决定数量"), 2),
                  (("本年制发件数", "本年废止件数", "现行有效件数"), 2),
                  (("采购项目数量", "采购总金额"), 2))
_NAMED_ALIASES = {"社会组织": "社会公益组织", "合计": "总计"}
# (a column's name right before a number: in a table's own header a name is followed by the next name)
_NAMED_HINT = re.compile(r"(?:自然人|结果维持|上一年项目数量|本年新制作数量|本年制发件数|采购项目数量)[ \t]*[:：]?[ \t]*-?\d")
_NAMED_ROW = re.compile(r"^(?P<label>[^:：\t|，,。；;！!？?]{2,80}?)[ \t]*[:：](?P<cells>.+)$")
_NAMED_SEP = re.compile(r"[|｜，,、；;]")
_NAMED_CELL = re.compile(r"^(?P<name>[\u4e00-\u9fff][\u4e00-\u9fff/]{1,8})[ \t]*[:：]?[ \t]*(?P<num>-?\d[\d,]*(?:\.\d+)?)[ \t]*(?:件|个|次|条)?$")


def _named_row(label: str, pieces: list[str]) -> tuple[tuple[str, ...], str] | None:
    """(the columns, the tab-separated row) of a label and its `NAME number` pieces, or None when they are not
    one table's columns (see _NAMED_COLUMNS)."""
    cells = [_NAMED_CELL.match(x) for x in pieces]
    if not all(cells):
        return None
    named: dict[str, str] = {}
    for x in cells:
        name = _NAMED_ALIASES.get(x.group("name"), x.group("name"))
        if name in named:
            return None
        named[name] = x.group("num").replace(",", "")
    columns = next((cols for cols, least in _NAMED_COLUMNS if set(named) <= set(cols) and len(named) >= least), None)
    return None if columns is None else (columns, "\t".join([label.strip(), *(named.get(c, "") for c in columns)]))


def unname_cells(text: str) -> str:
    """`LABEL：自然人8｜商业企业2｜…｜总计11` → `LABEL<TAB>8<TAB>2<TAB>…<TAB>11`, each number in its column's slot
    (a column the row does not name is an empty cell). The same for a label line followed by one `NAME number`
    line per cell (a card layout: `<dt>LABEL</dt><dd><em>自然人</em><b>8</b></dd>…`). Only rows naming at least
    four distinct columns of one table (two of table 2's), every piece a column name and a number, are taken."""
    if not _NAMED_HINT.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    last: tuple[str, ...] | None = None  # the columns of the row converted last (a table-2 block's header)

    def put(row: tuple[tuple[str, ...], str]) -> None:
        nonlocal last
        columns, line = row
        if columns != last and columns in _HEADED_COLUMNS:
            out.append("\t".join(["信息内容", *columns]))  # table 2's blocks each print their columns' header
        out.append(line)
        last = columns

    no = 0
    while no < len(lines):
        line = lines[no]
        if "\t" not in line and _NAMED_HINT.search(line) and (m := _NAMED_ROW.match(line)):
            row = _named_row(m.group("label"), [x.strip(" \t") for x in _NAMED_SEP.split(m.group("cells").rstrip(" \t。;；"))])
            if row is not None:
                put(row)
                no += 1
                continue
        label = line.strip()
        if label and "\t" not in label and len(label) <= 80 and not _NAMED_CELL.match(label) and \
                not _COUNT_IN_LABEL.search(label) and no + 2 < len(lines) and _NAMED_CELL.match(lines[no + 1].strip()):
            end = no + 1
            while end < len(lines) and end - no <= 8 and _NAMED_CELL.match(lines[end].strip()):
                end += 1
            row = _named_row(label, [x.strip() for x in lines[no + 1:end]])
            if row is not None:
                put(row)
                no = end
                continue
        out.append(line)
        last = None if line.strip() else last
        no += 1
    return "\n".join(out) if out != lines else text


# A label line before a card's `NAME number` lines holds no count of its own (`全年收到申请41件，其中：` is prose);
# an ordinal's digits (`1.属于国家秘密`) are no count.
_COUNT_IN_LABEL = re.compile(r"\d+(?![.．、\d])")
_HEADED_COLUMNS = {cols for cols, least in _NAMED_COLUMNS if least == 2}


_QUOTED = re.compile(r"^[ \t]*>(?:[ ]?>)*[ ]?")
_QUOTED_MIN_LINES = 12


def unquote_email(text: str) -> str:
    """A report quoted in an e-mail reply or forward (`> ` or `> > ` before every line): the quote marks go, and
    a quoted line ending in a space (format=flowed, RFC 3676: a soft wrap) is joined with the next one."""
    if text.count("\n>") + text.count("\n >") < _QUOTED_MIN_LINES:
        return text
    lines = text.split("\n")
    marks = [_QUOTED.match(x) for x in lines]
    if sum(1 for m in marks if m) < _QUOTED_MIN_LINES:
        return text
    quoted = [line[m.end():] for line, m in zip(lines, marks) if m and line[m.end():].strip()]
    # soft wraps are the exception in a quotation; when most quoted lines end in blanks (trailing blanks
    # a copy added everywhere) no line is taken for a wrapped one
    flowed = sum(1 for x in quoted if x[-1:] in " \t") * 2 < len(quoted)
    out: list[str] = []
    joining = False
    for line, m in zip(lines, marks):
        body = line[m.end():] if m else line
        if joining and m:
            out[-1] += body
        else:
            out.append(body)
        joining = flowed and bool(m) and body.endswith(" ") and not body.endswith("  ") and bool(body.strip())
    return "\n".join(out)


# Inline markup an online editor leaves in a markdown or text export (钉钉 `<font color="#1F2329">12</font>`): the
# tags go, their text stays, and no digit of an attribute (`#245BDB`) is left to be read as a cell. Struck text
# (`<del>12</del>`) is a value the report withdrew: it goes with its tags (markdown's `~~12~~` goes in
# strip_markdown, the same way).
_STRUCK = re.compile(r"<(s|del|strike)\b[^<>]{0,200}>[^<>\n]{0,80}</\1\s*>", re.I)
_INLINE_TAG = re.compile(r"</?(?:font|span|strong|b|em|i|u|ins|mark|small|big|sup|sub)(?:\s[^<>\n]{0,300})?\s*/?>", re.I)


def strip_inline_markup(text: str) -> str:
    """Drop inline formatting tags (keeping their text) and struck-through text with its marks."""
    if "<" not in text:
        return text
    if "<s" in text or "<d" in text or "<S" in text or "<D" in text:
        text = _STRUCK.sub("", text)
    return _INLINE_TAG.sub("", text)


_ROW_COUNTER_MIN = 4
_LEADING_COUNTER = re.compile(r"^(\d{1,3})\t")


def strip_row_counters(text: str) -> str:
    """A sheet pasted with its row numbers but no letter line: a run of at least four consecutive tab lines led
    by 1, 2, 3 … loses that first cell (a counter is no cell of the form; read as one, it shifts the row)."""
    if "1\t" not in text:
        return text
    lines = text.split("\n")
    changed = False
    i = 0
    while i < len(lines):
        m = _LEADING_COUNTER.match(lines[i])
        if not m or m.group(1) != "1":
            i += 1
            continue
        j = i
        while j < len(lines) and (c := _LEADING_COUNTER.match(lines[j])) and int(c.group(1)) == j - i + 1:
            j += 1
        if j - i >= _ROW_COUNTER_MIN:
            for k in range(i, j):
                lines[k] = lines[k][lines[k].index("\t") + 1:]
            changed = True
        i = max(j, i + 1)
    return "\n".join(lines) if changed else text


def strip_sheet_frame(text: str) -> str:
    """Drop a pasted spreadsheet's column-letter line and the row number leading each of its rows (in place
    of the letters an empty line stays, so lines keep their numbers); rows numbered out of turn end it. Row
    numbers without a letter line: `strip_row_counters`."""
    if "A\tB" not in text and "| A |" not in text:
        return strip_row_counters(text)
    lines = text.split("\n")
    changed = False
    expect = None
    for i, line in enumerate(lines):
        if _SHEET_LETTERS.match(line):
            lines[i], expect, changed = "", 1, True
            continue
        if expect is None or not line.strip() or _MD_RULE.match(line):
            continue
        tab, pipe = f"{expect}\t", re.match(rf"\|\s*{expect}\s*\|", line)
        if line.startswith(tab):
            lines[i] = line[len(tab):]
        elif pipe:
            lines[i] = "|" + line[pipe.end():]
        else:
            expect = None
            continue
        expect += 1
    return strip_row_counters("\n".join(lines) if changed else text)


_TRAILING_ONLY_TABS = re.compile(r"^([^\t\n]*[^\s])[ \t]*\t[ \t]*$", re.M)


def _strip_stray_trailing_tabs(text: str) -> str:
    """Drop the tabs after a line's only text when no tab row stands beside it.

    A PDF or Word export pads prose and label lines with a tab, which would make them look like
    rows of a tab table. Inside a tab table (a neighbouring line has cells after a tab) the same
    line is a row whose other cells are empty (`第二十条第（一）项\t\t\t`): it keeps its tabs,
    unless it is a section heading (`三、收到和处理政府信息公开申请情况\t` just above its table).
    """
    if "\t" not in text or not _TRAILING_ONLY_TABS.search(text):
        return text
    lines = text.split("\n")
    out = list(lines)
    for no, line in enumerate(lines):
        m = _TRAILING_ONLY_TABS.match(line)
        if m and (SECTION_LINE_START.match(line)
                  or not any("\t" in lines[k].rstrip() for k in _nearest_nonblank(lines, no))):  # a tab with a cell after it
            out[no] = m.group(1)
    return "\n".join(out)


_TOKEN_RE = re.compile(r"[^\s]+")
_CJK_PAIR_RE = re.compile(r"([^\x00-\x7f\s])\1")  # a doubled CJK character or full-width mark


# A circled number right after a label's last character or a number, before a space or the line's
# end: a footnote mark (`行政许可③ 8614`), which NFKC would turn into a digit of the row.
# Parenthesised ⑴–⒇ and superscript digits (NFKC makes `34¹` the number 341) are marks the same way.
_MARKS = "\u2460-\u2473\u2474-\u2487\u2776-\u277f\u00b9\u00b2\u00b3\u2070\u2074-\u2079"
_FOOTNOTE_MARK_RE = re.compile(f"(?<=[{_CJK}0-9)）])(?:[\u2460-\u2487\u2776-\u277f]|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{{1,2}})"
                               f"(?=[ \t\u3000]|$)", re.M)
_ANY_MARK = re.compile(f"[{_MARKS}]")


# A sub-row's ordinal with a space before its mark (`4 .保护第三方合法权益`, `４ ．属于…`), or before the label when
# the mark is lost (`4 保护第三方合法权益`): the digit is the ordinal, no cell. Without a mark, only before the
# start of one of table 3's numbered sub-row labels.
_ORDINAL_SPACED = re.compile(r"^([ \t\u3000]*[0-9０-９]{1,2})[ \t\u3000]+(?=[.．、][ \t\u3000]*[\u4e00-\u9fff])", re.M)
_SUBROW_STARTS = ("属于|其他法律|危及|保护第三方|本机关不掌握|没有现成|补正后|信访|重复申请|要求提供|无正当理由|要求行政机关|"
                  "申请人无正当|申请人逾期|不予公开|不予处理|无法提供|予以公开|部分公开|其他[ \t]*$")
_ORDINAL_BARE = re.compile(f"^([ \t\u3000]*[1-9１-９])[ \t\u3000]+(?=(?:{_SUBROW_STARTS}))", re.M)
_ORDINAL_HINT = re.compile(r"^[ \t\u3000]*[0-9０-９]{1,2}[ \t\u3000]+[.．、\u4e00-\u9fff]", re.M)


def join_ordinal_marks(text: str) -> str:
    """`4 .保护…` → `4.保护…` and `4 保护第三方…` → `4.保护第三方…` at a line's start: a sub-row's ordinal whose mark
    a copy moved off (or lost) is still the ordinal, never a cell before the label."""
    if not _ORDINAL_HINT.search(text):
        return text
    text = _ORDINAL_SPACED.sub(r"\1", text)
    return _ORDINAL_BARE.sub(r"\1.", text)


def drop_footnote_marks(text: str) -> str:
    """`数量① 60 16` → `数量 60 16`, `34⑴`, `41¹` → `34`, `41`: the mark refers to a note under the
    table and is no cell."""
    return _FOOTNOTE_MARK_RE.sub("", text) if _ANY_MARK.search(text) else text


def undouble_fake_bold(text: str) -> str:
    """Lines printed twice over, character by character (a PDF's fake bold, drawn twice with an
    offset, that pdfplumber and other extractors read as doubled text: `（（七七））总总计计 112255`),
    read once: `（七）总计 125`. Only a line every token of which is doubled, holding four doubled CJK
    characters or marks or more, is taken; no normal line is like that."""
    if not _CJK_PAIR_RE.search(text):
        return text
    out = []
    for line in text.split("\n"):
        if len(_CJK_PAIR_RE.findall(line)) >= 4:
            tokens = _TOKEN_RE.findall(line)
            if tokens and all(len(t) % 2 == 0 and t[0::2] == t[1::2] for t in tokens):
                line = _TOKEN_RE.sub(lambda m: m.group(0)[0::2], line)
        out.append(line)
    return "\n".join(out)


_STRUCK_MARKS = "\u0336"
_STRUCK_RE = re.compile(r"[^\s\u0335\u0336\u0338][\u0335\u0336\u0338]+ ?")


def _passes(text: str) -> tuple[str, float, str]:
    """Every pass but the last blank-line tidy: (text, traditional ratio, script)."""
    # Zero-width characters (a WeChat copy puts U+200B before numbers) go before any layout pass looks
    # at a line: `\u200b37` on a line of its own is a cell, as `37` is.
    if _ZERO_WIDTH_RE.search(text):
        text = _ZERO_WIDTH_RE.sub("", text)
    if _STRUCK_MARKS in text or "\u0335" in text or "\u0338" in text:
        # struck-through text copied from an app or editor (`1̶5̶ 17`: each struck character followed by a
        # combining stroke overlay): deleted text, like <del>; the value is what follows it
        text = _STRUCK_RE.sub("", text)
    # Then, while every space in the text is one the file holds (no entity or ideographic space
    # has become one yet): a flattened file's headings and table rows get their lines back.
    text = unquote_email(text)
    text = strip_inline_markup(text)
    text = restore_line_breaks(text)
    text = _strip_stray_trailing_tabs(text)
    text = csv_tables_to_tabs(text)
    text = strip_sheet_frame(text)
    text = undouble_fake_bold(text)  # before the layout passes: a doubled row's numbers stand where single ones do
    text = drop_footnote_marks(text)  # before NFKC makes ③ a 3
    text = join_ordinal_marks(text)  # before the layout passes take `4 .保护…`'s ordinal for a cell
    text = align_space_columns(text)  # a space-aligned table's blank cells, while spaces still say where
    text = align_cell_lines(text)  # a table printed one line per cell, an empty line for an empty cell
    text = canonical_width(decode_entities(text))
    text = strip_line_bullets(text)
    ratio = traditional_ratio(text)
    script = "traditional" if ratio > TRADITIONAL_THRESHOLD else "simplified"
    text = to_simplified(text, source_script=script)
    text = unname_cells(text)  # (simplified column names)
    text = remove_web_chrome(text)
    text = strip_markdown(text)
    text = remove_page_debris(text)
    text = collapse_cjk_whitespace(text)
    text = reflow_long_lines(text)  # one-line crawler dumps get their line breaks back
    return text, ratio, script


def normalise_text(text: str) -> NormalisedText:
    """Apply every pass above, in the order documented in the module docstring."""
    raw = text
    text, ratio, script = _passes(raw)
    text = _tidy_blank_lines(text)
    return NormalisedText(
        text=text,
        source_script=script,
        traditional_ratio=ratio,
        residual_traditional_ratio=traditional_ratio(text),
        line_pages=line_pages(raw, text) if "\f" in raw else None,
    )


# A line of its own put at each page break while tracing pages: a private-use character that no
# pass changes, drops or treats as text, table row, footer or chrome.
PAGE_MARK = "\ue000"


def line_pages(raw: str, text: str) -> tuple[int, ...] | None:
    """The page (1-based, pages split by form feeds in `raw`) of each line of `text`, its normalised form.

    The passes run again with a marker line at each page break; the marker lines are then taken
    out (each one starts the next page) and the blank lines tidied as `_tidy_blank_lines` does.
    The trace is kept only when it rebuilds `text` exactly; otherwise (a pass that looked across a
    page break) None: a page is never guessed.
    """
    if PAGE_MARK in raw:
        return None
    marked, _, _ = _passes(raw.replace("\f", f"\n{PAGE_MARK}\n"))
    lines: list[str] = []
    pages: list[int] = []
    page = 1
    for line in marked.split("\n"):
        if line == PAGE_MARK:
            page += 1
        elif PAGE_MARK in line:
            return None
        else:
            lines.append(line)
            pages.append(page)
    lines, pages = _tidy_traced(lines, pages)
    return tuple(pages) if "\n".join(lines) == text else None


def _tidy_traced(lines: list[str], pages: list[int]) -> tuple[list[str], list[int]]:
    """`_tidy_blank_lines` on a list of lines, carrying each kept line's page."""
    out: list[str] = []
    out_pages: list[int] = []
    n, i = len(lines), 0
    while i < n:
        if i >= 1 and not lines[i].strip(" "):
            j = i
            while j < n - 1 and not lines[j].strip(" "):
                j += 1  # a run of blank lines each followed by a line break
            if j - i >= 2:
                out.append("")
                out_pages.append(pages[i])
                i = j
                continue
        out.append(lines[i])
        out_pages.append(pages[i])
        i += 1
    while len(out) > 1 and out[0] == "":
        out.pop(0)
        out_pages.pop(0)
    while len(out) > 1 and out[-1] == "":
        out.pop()
        out_pages.pop()
    return out, out_pages
