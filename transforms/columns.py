"""Space-aligned tables whose blank cells print as nothing: each number goes to its column by position.

`pdftotext -layout` (and every tool that lays a PDF page out in characters) prints a table's
columns with spaces only, and an empty cell as more spaces. A row of table 3 with blank 科研机构 and
社会公益组织 cells then shows five numbers for seven columns, and only where each number stands
tells which cell is blank. Once normalising collapses the spaces, that is lost for good.

So this pass runs first, on the text as the file holds it. Under a header whose words are the
template's column names (自然人 … 总计, 结果维持 … 总计) each column has an anchor: the centre of its
header word. The numbers under the header are matched to those anchors with one offset for the
whole block (numbers are right-aligned, centred or left-aligned the same way in every row), and a
row that printed fewer numbers than there are columns gets a `-` in each blank cell, the blank mark
the template itself uses: `一、本年新收…  77  16  -  -  4  5  102`. The row stays plain text, so
every reading of laid-out text (wrapped labels, numbers on a label's last line) still applies, and
the blank cells are null, or pinned by the table's identities, downstream.

It changes nothing unless at least 90 % of the block's numbers sit under a column, one placement
does it best, and some row has blank cells; otherwise the text is left as it is. Two placements
tie when a column at either end is blank in every row: the template's sums (a 总计 holds the
columns left of it) and, failing those, numbers right under their header words decide, or
nothing is changed. Positions are measured the ways a layout tool may count: by display width (a
CJK character is two columns; quotes and other East Asian ambiguous characters one, or two) and
by characters (a CJK character is one, its width still two), and the reading that places more
numbers is used.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from transforms.memo import remember
from transforms.tables.grid import ROW_NUMBER

__all__ = ["align_space_columns"]

# The leaf column names of the request table (3) and the review/litigation table (4), as the
# template prints them; a header word that begins one of them (`社会公益` over `组织`) is its anchor.
_COLUMN_NAMES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
                 "结果维持", "结果纠正", "其他结果", "尚未审结")
# Table 2's columns, in both forms: a block of one to three of them under each 第二十条 marker.
_DISCLOSURE_NAMES = ("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                     "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量",
                     "采购项目数量", "采购总金额")
_TO_SIMPLE = str.maketrans("業機構會組織務總計結糾審數廢現處決費額採購項", "业机构会组织务总计结纠审数废现处决费额采购项")
_PREFIXES = frozenset(name[:k] for name in _COLUMN_NAMES for k in range(2, len(name) + 1))
_DISCLOSURE_PREFIXES = frozenset(name[:k] for name in _DISCLOSURE_NAMES for k in range(2, len(name) + 1))

_TOKEN = re.compile(r"[^ \u3000\f\t]+")
_NUMBER = re.compile(r"[-+]?(?:[\d０-９]{1,3}(?:[,，][\d０-９]{3})+|[\d０-９]+)(?:[.．][\d０-９]+)?")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MARK = re.compile(r"[-—–―/／]+")
# Lines between the header and the numbers that may hold no number (label tails, page breaks).
_MAX_GAP_LINES = 30
# Share of a block's numbers that must sit under a column before any row is rewritten.
_MIN_FIT = 0.9
_TOLERANCE = 1.0
# No template table has more columns than table 4's fifteen; more anchors, a longer run of numbers
# or a longer block is not one of them (and would make the search quadratic on hostile input).
_MAX_COLUMNS = 20
_MAX_BLOCK_LINES = 400
_MAX_HEADER_LINES = 8


@lru_cache(maxsize=4096)
def _widths(ch: str) -> tuple[int, int]:
    """Display columns of a character: East Asian ambiguous ones (“ ” … ①) as one, and as two."""
    eaw = unicodedata.east_asian_width(ch)
    return (2, 2) if eaw in "WF" else (1, 2) if eaw == "A" else (1, 1)


# The ways of counting columns: display width (ambiguous characters narrow, then wide), characters.
_METRICS = (0, 1, 2)


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # index in the line
    end: int
    col: tuple[float, float, float]  # first column, in each of the _METRICS
    width: tuple[int, int, int]  # its width in columns, per metric (by characters: the narrow display width)


@lru_cache(maxsize=16384)
def _text_widths(text: str) -> tuple[int, int]:
    """(narrow, wide) display width of a token's text (`_widths` summed)."""
    wn = ww = 0
    for ch in text:
        a, b = _widths(ch)
        wn += a
        ww += b
    return wn, ww


# Each line's tokens, memoised by its text (template lines repeat from report to report; the
# tokens are never changed by their readers). Cleared whole when full, like grid's cell memo.
_TOKEN_MEMO: dict[str, list[_Token]] = {}
_TOKEN_MEMO_SIZE = 16384


def _tokens(line: str) -> list[_Token]:
    got = _TOKEN_MEMO.get(line)
    if got is None:
        got = remember(_TOKEN_MEMO, _TOKEN_MEMO_SIZE, line, _read_tokens(line))
    return got


def _read_tokens(line: str) -> list[_Token]:
    # The gaps between tokens hold only what _TOKEN splits on: a space or a tab is one column in
    # every metric, U+3000 two, a form feed none (and no character either).
    out = []
    narrow = wide = 0
    feeds = 0  # form feeds before the current position
    last = 0
    for m in _TOKEN.finditer(line):
        start, end = m.span()
        if start > last:
            f = line.count("\f", last, start)
            g = start - last - f + line.count("\u3000", last, start)
            narrow += g
            wide += g
            feeds += f
        text = m.group(0)
        wn, ww = _text_widths(text)
        out.append(_Token(text, start, end, (narrow, wide, start - feeds), (wn, ww, wn)))
        narrow += wn
        wide += ww
        last = end
    return out


def _number_run(tokens: list[_Token], line: str) -> int | None:
    """Index of the first token of the line's trailing run of numbers, or None: the run must hold
    two numbers or follow a label (a bare `2` is a page number). A number right after a label that
    overflows its cell (`2.其他法律行政法规禁 1  0 …`) is a cell too; where it stands says which.
    After a label, the blank marks the row prints (`-`, `—`, `/`) are cells of the run too, so a
    row that marks some blank cells and leaves others empty keeps its marks where they stand."""
    k = len(tokens)
    while k > 0 and _NUMBER.fullmatch(tokens[k - 1].text):
        k -= 1
    if k == len(tokens) or (k == 0 and len(tokens) < 2):
        return None
    m = k
    while m > 0 and (_NUMBER.fullmatch(tokens[m - 1].text) or _MARK.fullmatch(tokens[m - 1].text)):
        m -= 1
    return m if m > 0 and m < k else k


def _anchor_words(tokens: list[_Token]) -> list[_Token]:
    return [t for t in tokens if len(t.text) >= 2 and _is_anchor_text(t.text)]


@lru_cache(maxsize=16384)
def _is_anchor_text(text: str) -> bool:
    return text.translate(_TO_SIMPLE) in _PREFIXES or _disclosure_word(text)


def _disclosure_word(text: str) -> bool:
    s = text.translate(_TO_SIMPLE).replace("／", "/")
    return s in _DISCLOSURE_PREFIXES or s.split("(")[0].split("（")[0] in _DISCLOSURE_PREFIXES


def _cluster(words: list[tuple[float, str]]) -> tuple[list[float], frozenset[int]]:
    """Header word centres within a column of each other are one anchor (a name wrapped over lines);
    with the anchors that are a 总计 column."""
    groups: list[list[tuple[float, str]]] = []
    for c, w in sorted(words):
        if groups and c - groups[-1][-1][0] <= 1.5:
            groups[-1].append((c, w))
        else:
            groups.append([(c, w)])
    centres = [sum(c for c, _ in g) / len(g) for g in groups]
    totals = frozenset(i for i, g in enumerate(groups) if any(w.translate(_TO_SIMPLE) == "总计" for _, w in g))
    return centres, totals


_FULL_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _value(text: str) -> float | None:
    try:
        return float(text.translate(_FULL_DIGITS).replace(",", "").replace("，", ""))
    except ValueError:
        return None


def _feasible(rows: list[list[_Token]], placed: list, totals: frozenset[int]) -> bool:
    """Whether every row keeps the template's sums under a placement: a 总计 cell holds the columns
    left of it back to the previous 总计 (all printed: equal; some blank: at least their sum)."""
    for row, cols in zip(rows, placed):
        if cols is None:
            continue
        cells = {c: _value(t.text) for t, c in zip(row, cols)}
        start = 0
        for t in sorted(totals):
            total = cells.get(t)
            parts = [cells.get(c) for c in range(start, t)]
            if total is not None:
                known = sum(v for v in parts if v is not None)
                if known > total + 1e-6 or (all(v is not None for v in parts) and abs(known - total) > 1e-6):
                    return False
            start = t + 1
    return True


def _place(refs: list[float], anchors: list[float], d: float) -> tuple[list[int], float] | None:
    """The anchor of each number (refs in order) at offset d, or None when one is not under a column."""
    got, residual = [], 0.0
    n = len(anchors)
    prev = -1
    for r in refs:
        x = r - d
        i = bisect_left(anchors, x)
        # the nearer of anchors i-1 and i (i-1 on a tie)
        if i == 0:
            best = 0
        elif i == n or abs(anchors[i - 1] - x) <= abs(anchors[i] - x):
            best = i - 1
        else:
            best = i
        off = abs(anchors[best] - x)
        if off > _TOLERANCE or best <= prev:
            return None
        got.append(best)
        prev = best
        residual += off
    return got, residual


def _block_layout(rows: list[list[_Token]], anchors_by_metric: list[tuple]) -> tuple[list, int] | None:
    """The column of every number in `rows` (one token list per line; None for a line that does not
    fit) and the number of columns, or None when no single offset places at least `_MIN_FIT` of
    them, or two offsets place them in different columns equally well.

    Two placements tie when a column at either end is blank in every row: a number may then stand
    under its header word or under the next one. A placement that breaks a row's sums (a 总计 less
    than its parts) drops out; of those left, only numbers printed right under the centre of their
    header words (within a quarter of a column), against rivals a whole column off (three quarters or
    more), break the tie; otherwise the text is left as it is.
    """
    total = sum(len(r) for r in rows)
    found = _placements(rows, anchors_by_metric)
    if not found:
        return None
    most = max(v[0] for v in found.values())
    if most < _MIN_FIT * total:
        return None
    tied = {k: v for k, v in found.items() if v[0] == most}
    keeping = {k: v for k, v in tied.items() if _feasible(rows, k[1], anchors_by_metric[k[0]][1])}
    tied = keeping or tied
    (metric, placed), (_f, _r, off) = max(tied.items(), key=lambda kv: (kv[1][1], -kv[1][2]))
    rivals = [v[2] for (_m, p), v in tied.items() if p != placed]
    if rivals and not (off <= 0.25 and min(rivals) >= 0.75):
        return None  # two placements fit every number: no guess
    return [list(p) if p is not None else None for p in placed], len(anchors_by_metric[metric][0])


# The placements a block's number positions and anchors allow (what `_block_layout` searches; the
# texts of the numbers play no part in it): the same table laid out the same way recurs from report to
# report. Bounded memo by (positions, anchors); the dicts it returns are only read.
_PLACEMENTS_MEMO: dict[tuple, dict] = {}
_PLACEMENTS_MEMO_SIZE = 2048


def _placements(rows: list[list[_Token]], anchors_by_metric: list[tuple]) -> dict[tuple, list]:
    key = (tuple(tuple((t.col, t.width) for t in r) for r in rows), tuple(tuple(a) for a, _t in anchors_by_metric))
    got = _PLACEMENTS_MEMO.get(key)
    if got is None:
        got = remember(_PLACEMENTS_MEMO, _PLACEMENTS_MEMO_SIZE, key, _search_placements(rows, anchors_by_metric))
    return got


def _search_placements(rows: list[list[_Token]], anchors_by_metric: list[tuple]) -> dict[tuple, list]:
    found: dict[tuple, list] = {}  # (metric, placement) → [fitted, -residual, smallest |d| / spacing]
    # A metric that counts this block's columns as an earlier one does (the same anchors and number
    # positions: no ambiguous-width character, say) only finds what the earlier one found again:
    # the same placements with the same scores, which change nothing below. It is skipped.
    done: set[tuple] = set()
    for metric, (anchors, _totals) in enumerate(anchors_by_metric):
        if len(anchors) < 2:
            continue
        spacing = min(b - a for a, b in zip(anchors, anchors[1:]))
        for ref in ("right", "centre", "left"):
            if ref == "right":
                refs = [[t.col[metric] + t.width[metric] for t in r] for r in rows]
            elif ref == "centre":
                refs = [[t.col[metric] + t.width[metric] / 2 for t in r] for r in rows]
            else:
                refs = [[t.col[metric] for t in r] for r in rows]
            seen = (tuple(anchors), tuple(map(tuple, refs)))
            if seen in done:
                continue
            done.add(seen)
            offsets: dict[float, int] = {}
            # only anchors less than spacing + 1/4 from x can give |d| < spacing (rounding to the
            # half moves d by 1/4 at most); a whole column of margin, and the anchors in order
            reach = spacing + 1.0
            for line in refs:
                for x in line:
                    for a in anchors[bisect_left(anchors, x - reach):bisect_right(anchors, x + reach)]:
                        d = round((x - a) * 2) / 2
                        if abs(d) < spacing:
                            offsets[d] = offsets.get(d, 0) + 1
            for d in sorted(offsets, key=lambda k: -offsets[k])[:6]:
                placed, fitted, residual = [], 0, 0.0
                for line in refs:
                    p = _place(line, anchors, d)
                    placed.append(tuple(p[0]) if p else None)
                    if p:
                        fitted += len(line)
                        residual += p[1]
                key = (metric, tuple(placed))
                got = found.get(key)
                if got is None or (fitted, -residual) > (got[0], got[1]):
                    found[key] = [fitted, -residual, min(abs(d) / spacing, got[2] if got else 1.0)]
                else:
                    got[2] = min(got[2], abs(d) / spacing)
    return found


def _header_anchors(lines: list[str], toks: "_LazyTokens", start: int) -> tuple[list[tuple], int]:
    """Anchors (per metric) of the header zone starting at line `start`, and the line after it: the
    zone runs to the first number row, within `_MAX_HEADER_LINES` lines (a header over no numbers
    is no table)."""
    words: list[_Token] = []
    i = start
    while i < len(lines) and i - start < _MAX_HEADER_LINES and _number_run(toks[i], lines[i]) is None:
        found = _anchor_words(toks[i])
        if len(found) >= 2:
            words += found
        i += 1
    if i - start >= _MAX_HEADER_LINES:
        return [([], frozenset()) for _ in _METRICS], i
    return [_cluster([(t.col[m] + t.width[m] / 2, t.text) for t in words]) for m in _METRICS], i


# A header line names two columns or more; only lines with one of these are tokenised to find out.
_HEADER_HINT = re.compile("自然|商业|商業|科研|社会|社會|法律|总计|總計|结果|結果|尚未|本年|现行|現行|对外|對外|上一年|处理|處理|采购|採購")


class _LazyTokens:
    """Each line's tokens, read when first asked for (a tab line has none: it is a grid row already)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._got: dict[int, list[_Token]] = {}

    def __getitem__(self, i: int) -> list[_Token]:
        got = self._got.get(i)
        if got is None:
            line = self._lines[i]
            got = self._got[i] = [] if "\t" in line else _tokens(line)
        return got


_SCREEN_NAMES = ("自然人", "结果维持", "尚未", "数量", "件数")


def align_space_columns(text: str) -> str:
    """Print a `-` in each blank cell of the rows of each space-aligned table that left cells blank
    (module docstring); the rest of the text is returned as it is."""
    # (the names are simplified, and translating leaves simplified characters alone: a name the
    # text holds as it is is found without translating the whole text)
    if "  " not in text or not (any(name in text for name in _SCREEN_NAMES)
                                or any(name in text.translate(_TO_SIMPLE) for name in _SCREEN_NAMES)):
        return text
    lines = text.split("\n")
    toks = _LazyTokens(lines)
    out = list(lines)
    i = 0
    while i < len(lines):
        if not _HEADER_HINT.search(lines[i]) or len(_anchor_words(toks[i])) < 2 or _number_run(toks[i], lines[i]) is not None:
            i += 1
            continue
        words = _anchor_words(toks[i])
        if all(_disclosure_word(w.text) for w in words):
            i = _disclosure_block(lines, toks, out, i, words)
            continue
        anchors, j = _header_anchors(lines, toks, i)
        most = max(len(a[0]) for a in anchors)
        # tables 3 and 4 have seven and fifteen columns
        if not 5 <= most <= _MAX_COLUMNS:
            i = j
            continue
        # the block: number lines after the header, up to the next header or a long gap
        block: list[tuple[int, int]] = []
        gap = 0
        k = j
        while k < len(lines) and gap <= _MAX_GAP_LINES and k - j < _MAX_BLOCK_LINES:
            run = _number_run(toks[k], lines[k]) if toks[k] else None
            if run is not None and len(toks[k]) - run > _MAX_COLUMNS:
                run = None  # no row of these tables
            if run is None:
                if len(_anchor_words(toks[k])) >= 2:
                    break  # the next header (the table again after a page break, or table 4)
                gap += 1
            else:
                block.append((k, run))
                gap = 0
            k += 1
        if block:
            _rewrite(lines, toks, out, block, anchors)
        i = k
    return "\n".join(out)


# A table-2 block: its header line, then its one or two item rows, up to the next block.
_MAX_DISCLOSURE_ROWS = 8
_DISCLOSURE_BREAK = re.compile(r"第[二2][十1]\s*[十0-9一二三四五六七八九]*\s*条|信息内容|[一二三四五六七八九十]+、")


def _disclosure_block(lines: list[str], toks: "_LazyTokens", out: list[str], i: int, words: list[_Token]) -> int:
    """A table-2 block under a header line that names two or three of its columns (本年新制作数量 …,
    上一年项目数量 本年增/减 处理决定数量, 采购项目数量 采购总金额): its rows get their blank marks by
    where the numbers stand, as in tables 3 and 4. The block is the header line's own words (each
    block prints its own header) and the number rows after it, up to the next block's 第二十条
    marker or header; a block of one column has no blank to place. Returns the line after it."""
    anchors = [_cluster([(t.col[m] + t.width[m] / 2, t.text) for t in words]) for m in _METRICS]
    if not 2 <= max(len(a[0]) for a in anchors) <= 3:
        return i + 1
    block: list[tuple[int, int]] = []
    k = i + 1
    while k < len(lines) and k - i <= _MAX_DISCLOSURE_ROWS:
        line = lines[k]
        if _DISCLOSURE_BREAK.search(line) or _anchor_words(toks[k]):
            break
        run = _number_run(toks[k], line) if toks[k] else None
        if run is not None and run > 0 and len(toks[k]) - run <= 3:
            block.append((k, run))
        k += 1
    if block:
        _rewrite(lines, toks, out, block, anchors)
    return k


def _rewrite(lines: list[str], toks: _LazyTokens, out: list[str], block: list[tuple[int, int]],
             anchors: list[tuple]) -> None:
    rows = [toks[k][run:] for k, run in block]
    layout = _block_layout(rows, anchors)
    if layout is None:
        return
    placed, width = layout
    if not any(p is not None and len(p) < width for p in placed):
        return
    for (k, run), row, cols in zip(block, rows, placed):
        if cols is None or len(cols) == width:
            continue
        cells = [""] * width
        for t, c in zip(row, cols):
            cells[c] = t.text
        label = lines[k][: row[0].start].rstrip()
        out[k] = label + "  " + "  ".join(c or "-" for c in cells)
    if width == _REQUEST_COLUMNS:
        _blank_rows(lines, toks, out, block, width)


_REQUEST_COLUMNS = 7  # table 3: six applicant columns and 总计
# A label that opens a row of its own: an item number, after the vertical group label's fragments
# (`三`, `、`, `度办`, `（三）不予`) that share its line.
_OPENS_ROW = re.compile(r"^(?:\S{1,6}\s{2,})*" + ROW_NUMBER)


def _blank_rows(lines: list[str], toks: "_LazyTokens", out: list[str], block: list[tuple[int, int]],
                width: int) -> None:
    """In a table 3 that prints blank cells as nothing, a row whose every cell is blank is its label
    alone: it gets its blank marks too (`3.危及“三安全一稳定”  -  -  -  -  -  -  -`). Only a label
    that opens a numbered row and names one, whose wrapped lines (up to the next row, a blank line
    or the block's end) carry no number, is taken; a label whose numbers sit on a later line of
    its own (pdftotext prints a wrapped row's numbers on its last or middle line) is not blank."""
    from transforms.tables.request_handling import outcome_code

    runs = dict(block)
    first, last = block[0][0], block[-1][0]
    for i in range(first, last):
        line = lines[i]
        if i in runs or not line.strip() or "\t" in line or not _OPENS_ROW.match(line.strip()):
            continue
        code = outcome_code(line)
        if code is None or code == "other":
            continue  # (a bare （六）其他处理 heads its sub-rows in the 2021 form)
        blank = True
        for j in range(i + 1, last + 2):
            nxt = lines[j] if j < len(lines) else ""
            if not nxt.strip():
                break
            label = nxt[: toks[j][runs[j]].start] if j in runs else nxt
            opens = bool(_OPENS_ROW.match(label.strip())) if label.strip() else False
            other = outcome_code(label) if label.strip() else None
            if opens or (other is not None and other != code):
                break  # the next row: this one printed no number
            if j in runs:
                blank = False  # the row's numbers, on a later line of its label
                break
        if blank:
            out[i] = line.rstrip() + "  " + "  ".join(["-"] * width)


# ---- one line per cell, an empty line for an empty cell (Acrobat "Save as text") ----------------

_CELL_VALUE = re.compile(r"\s*" + _NUMBER.pattern + r"\s*")
_SENTENCE_END = re.compile(r"[。；;]\s*$")
_MAX_CELLS = 20


def _is_value(line: str) -> bool:
    return not line.strip() or bool(_CELL_VALUE.fullmatch(line))


def _is_row_label(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 80 and bool(_CJK.search(s)) and not _SENTENCE_END.search(s) and not _is_value(s)


def align_cell_lines(text: str) -> str:
    """Tables printed one line per cell, with an empty line for each empty cell, get each row on one
    line, its blank cells marked `-` (`规章`, ``, ``, `` → `规章  -  -  -`).

    Only rows of a width that rows printed with two numbers side by side (no empty line between
    them) show to be a row's width are joined: where empty lines merely part the cells (pdftotext
    without -layout puts one between every two), no two numbers ever touch and nothing changes.
    """
    if "\n\n" not in text.replace("\r", ""):
        return text
    lines = text.split("\n")
    runs: list[tuple[int, int, bool, bool]] = []  # (label line, run length, dense, has an empty line)
    i = 0
    while i < len(lines):
        if not _is_row_label(lines[i]):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and j - i - 1 <= _MAX_CELLS and _is_value(lines[j]):
            j += 1
        cells = [lines[k].strip() for k in range(i + 1, j)]
        if cells and j - i - 1 <= _MAX_CELLS and j < len(lines):  # a run the text's end cuts off is no row
            dense = any(a and b for a, b in zip(cells, cells[1:]))
            runs.append((i, len(cells), dense, "" in cells))
        i = j
    widths = {n for _i, n, dense, _e in runs if dense and n >= 2}
    if not widths or sum(dense for _i, _n, dense, _e in runs) < 3:
        return text
    out = list(lines)
    for i, n, _dense, empty in runs:
        if empty and n in widths:
            cr = "\r" if lines[i].endswith("\r") else ""
            cells = [lines[k].strip() or "-" for k in range(i + 1, i + 1 + n)]
            out[i] = lines[i].rstrip() + "  " + "  ".join(cells) + cr
            for k in range(i + 1, i + 1 + n):
                out[k] = None
    return "\n".join(x for x in out if x is not None)
