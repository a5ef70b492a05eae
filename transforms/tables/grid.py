"""Turn table text of any shape into rows of (label, value cells).

Tables reach us as tab-separated lines (PDF text, rendered HTML), markdown pipe rows, or plain
lines with space-separated numbers. Every parser in this package reads rows through here, so a
new text shape is taught once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.memo import remember

_CJK = r"\u3400-\u9fff"
_CJK_RE = re.compile(f"[{_CJK}]")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
BLANK_TOKENS = {"", "/", "\\", "—", "——", "-", "--", "–", "－", "无", "空", "/ ", "—/—", "―", "――", "‒", "‐", "‑", "暂无",
                "--/--", "-/-", ":unselected:", ":selected:"}  # (the last two: Azure DI's checkbox marks)


@dataclass(frozen=True)
class Cell:
    """One table cell: its raw text and what it holds."""

    raw: str
    kind: str  # 'number' | 'blank' | 'text'
    value: float | None = None
    unit: str | None = None  # '亿元' | '万元' | '元' | None


@dataclass
class Row:
    """A table line: the label text (all text cells joined) and the value cells after the label."""

    line_no: int
    label: str
    values: list[Cell] = field(default_factory=list)
    pre_values: list[Cell] = field(default_factory=list)  # value-like cells before the label
    shape: str = "plain"  # 'tsv' | 'pipe' | 'plain'
    raw: str = ""


_NUMBER = re.compile(r"^(?P<sign>减少?|增加?|[-+])?\s*(?P<num>\d+(?:\.\d+)?)\s*"
                     r"(?P<unit>亿元|万元|元|亿|万|[件项个条起次宗例份家]|[(（][件项个条起次宗例份家][)）])?$")
_CN_ZERO = {"〇", "零", "○"}
# A footnote mark after a number (`12*`, `46※`, `1注`, `5注1`, `8（注）`): the cell is the number; the mark
# points to a note under the table. (Circled ①–⑳ go earlier, in normalise.drop_footnote_marks.)
_FOOTNOTE_TAIL = re.compile(r"(?<=\d)\s?(?:[*＊※#＃△▲☆★†‡§]{1,3}|[(（]?注\d{0,2}[)）]?|\[\d{1,2}\])$")
# A note in brackets after a count (`18（20.9%）`, `14（-1）` against last year, `0（持平）`, `3（正在办理）`,
# `34(1)` from a ⑴ footnote mark): the cell is the count. Not a money unit in brackets (`12（万元）`).
_NOTE_TAIL = re.compile(r"(?<=\d)\s?[(（](?:[+\-]?\d+(?:\.\d+)?%?|[^()（）]{0,30}[\u4e00-\u9fff][^()（）]{0,30})[)）]$")
# Words printed in the 增/减 column for "no change": a stated zero, not a blank.
_NO_CHANGE = {"持平", "无增减", "不变", "无变化"}


# OCR reads 0 as O and 1 as l or I; inside a numeric cell those letters are digits.
_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_OCR_CELL = re.compile(r"[\dOolI]+(?:,\d{3})*(?:\.\d+)?")


# A token of digits mixed with Latin letters or marks, between spaces (OCR: `llS8`, `8S`, `15?06`).
# Normalising drops the space between a label and its number, so a CJK character also bounds one.
_MIXED_TOKEN = re.compile(r"(?<![^\s\u3400-\u9fff])(?=[OolISB?？]*\d)[\dOolISB?？]*[OolISB?？][\dOolISB?？]*"
                          r"(?![^\s\u3400-\u9fff])")
_OCR_MORE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "B": "8"})


def _ocr_mixed(m: re.Match[str]) -> str:
    """An OCR'd number with look-alike letters (llS8 → 1158, 8S → 85); any other mix (15?06, a
    letter no digit looks like) is one unreadable cell, never the digits left of it."""
    fixed = m.group(0).translate(_OCR_MORE)
    return fixed if fixed.isdigit() else "■"


def ocr_digits(s: str) -> str:
    """'l3' → '13', 'O' → '0', '1O' → '10' when the whole token is digits and look-alike letters."""
    if _OCR_CELL.fullmatch(s) and (any(ch.isdigit() for ch in s) or len(s) <= 2):
        return s.translate(_OCR_DIGITS)
    return s


_SPACED_THOUSANDS = re.compile(r"(?:减少?|增加?|[-+])?\d{1,3}(?: \d{3})+(?:\.\d+)?(?:亿元|万元|元)?")


_SIGN_SPACE = re.compile(r"^(减少?|增加?)\s+")
_SCIENTIFIC = re.compile(r"\d+(?:\.\d+)?[Ee]\+?\d{1,2}")
_MATH_SIGN = re.compile(r"^([-+])\s+(?=\d)")
_COMMA_THOUSANDS = re.compile(r"(?:减少?|增加?|[-+])?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*\S*")
# raw cell text → (kind, value, unit): the same few cell texts ("0", "", "12") recur in every table.
# Each call still gets a Cell object of its own (readers map cells to their rows by identity).
_CELL_MEMO: dict[str, tuple[str, float | None, str | None]] = {}
_CELL_MEMO_SIZE = 65536


def parse_cell(raw: str) -> Cell:
    """Classify one cell: a number (with sign words and units), a blank mark, or text."""
    got = _CELL_MEMO.get(raw)
    if got is None:
        got = remember(_CELL_MEMO, _CELL_MEMO_SIZE, raw, _classify(raw))
    return Cell(raw, *got)


def cell_kind(raw: str) -> str:
    """`parse_cell(raw).kind`, without building the Cell (a test of many cells, such as "any number?")."""
    got = _CELL_MEMO.get(raw)
    if got is None:
        got = remember(_CELL_MEMO, _CELL_MEMO_SIZE, raw, _classify(raw))
    return got[0]


def _classify(raw: str) -> tuple[str, float | None, str | None]:
    """`parse_cell`'s reading of a cell text: (kind, value, unit)."""
    s = ocr_digits(raw.replace("\u00a0", " ").strip())
    if len(s) > 2 and s[0] == "$" == s[-1]:
        s = _MATH_SIGN.sub(r"\1", s.strip("$").strip())  # a number as inline math (`$-2$`, `$- 1$`: MinerU)
    if s in ("0.", "O.", "o."):
        s = "0"  # an OCR'd zero with a speck after it; no row is numbered 0, so it is no item number
    if s in BLANK_TOKENS:
        return ("blank", None, None)
    if s in _NO_CHANGE or s in _CN_ZERO or s in ("±0", "+-0", "+/-0"):
        return ("number", 0.0, None)
    if s[:1] in _CN_NUMERAL and (v := cn_count(s)) is not None:
        return ("number", float(v), None)  # a count in Chinese numerals (`二十八`, `一〇五`)
    if s[:1] in "¥￥" and len(s) > 1:
        s = s[1:].lstrip()  # a spreadsheet's currency format (`¥634.08`): the amount in the column's unit
    if (sci := _SCIENTIFIC.fullmatch(s)) is not None:
        return ("number", float(sci.group(0)), None)  # a spreadsheet's scientific format (`2.4031E+04`)
    s = _SIGN_SPACE.sub(r"\1", s)
    if _COMMA_THOUSANDS.fullmatch(s):
        s = s.replace(",", "")  # thousands separators
    elif _SPACED_THOUSANDS.fullmatch(s):
        s = s.replace(" ", "")  # a space for the separator, inside one cell (2 093, 3 456.78)
    m = _NUMBER.match(s)
    if m is None and _FOOTNOTE_TAIL.search(s):
        m = _NUMBER.match(_FOOTNOTE_TAIL.sub("", s))  # `12*`, `46※`, `1注`: the number, its note below
    if m is None and (note := _NOTE_TAIL.search(s)) and not re.search("[元万亿]", note.group(0)):
        m = _NUMBER.match(s[:note.start()])
    if m:
        value = float(m.group("num"))
        sign = m.group("sign") or ""
        if sign.startswith("减") or sign == "-":
            value = -value
        unit = {"亿": "亿元", "万": "万元"}.get(m.group("unit"), m.group("unit"))
        unit = unit if unit in ("亿元", "万元", "元") else None
        return ("number", value, unit)
    return ("text", None, None)


_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "║": "|", "｜": "|"})
# A ruled line of a box-drawn table (DOC→TXT converters): only rule characters and spaces.
_BOX_RULE = re.compile(r"^[\s─━═┄┅┈┉┼╋╬├┤┣┫┌┐└┘┏┓┗┛┬┴┳┻╔╗╚╝╠╣╦╩+\-|│┃║]+$")


_BARS = "|│┃║｜"  # the characters _BOX_BARS reads as `|`
_OTHER_BAR = re.compile("[│┃║｜]")


def is_table_line(line: str) -> bool:
    """True for a line that is a table row in TSV, pipe or box-drawing form (never a heading or prose)."""
    if "\t" in line:
        return True
    s = line.strip()
    # s.translate(_BOX_BARS) starts with `|` and holds two or more: without building the translation
    return bool(s) and s[0] in _BARS and (s.count("|") + s.count("│") + s.count("┃") + s.count("║")
                                          + s.count("｜")) >= 2


def split_cells(line: str) -> tuple[list[str], str]:
    """Split a line into raw cells and name its shape."""
    s = line.rstrip("\n")
    if _OTHER_BAR.search(s):  # translate only a line that has a box bar (the translation is costly)
        s = s.translate(_BOX_BARS)
    st = s.strip()
    if st.startswith("|") and st.count("|") >= 2:
        inner = st[1:-1] if st.endswith("|") else st[1:]
        return [c.strip() for c in inner.split("|")], "pipe"
    if "\t" in s:
        return [c.strip() for c in s.split("\t")], "tsv"
    return [st], "plain"


# A value run in plain text: optional sign word, digits with internal '-' or '.', optional money unit.
_RUN = re.compile(r"(?:(?:减少?|增加?)\s*)?[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.\-]\d+)*)(?:亿元|万元|元)?")
_SIGN_WORD = re.compile(r"^(?:增加?|减少?)\s*")
_OCR_TOKEN = re.compile(r"(?<![A-Za-z\d])[\dOlI]*[OlI][\dOlI]*(?![A-Za-z\d])")
# The rulings of a scanned table as OCR reads them into a row's text.
_SCAN_RULING = re.compile(r"[丨|｜!！\[\]【】]")
# (a bracket only standing alone: `规章[1]` and markdown links keep theirs)
_SCAN_ODD_RULING = re.compile(r"[丨!！]|(?<!\S)[\[\]【】](?!\S)")
_DIGIT_RUN = re.compile(r"\d+")
_LONE_BAR_LETTER = re.compile(r"(?<!\S)[lI](?!\S)")
_RUN_OR_BLANK = re.compile(_RUN.pattern + r"|(?<![^\s\t])(?:/|—+|–|－|-)(?=\s|$)|持平|无增减|无变化")
# A glyph OCR could not read, standing where a cell is: no CJK, at most two characters.
_ILLEGIBLE = re.compile(r"\s+[^\s\u3400-\u9fff\d]{1,2}\s+")
_CJK_CHAR = re.compile(r"[ \u3000]?[\u3400-\u9fff]")
_BLANK_WORDS = re.compile(r"\s+(?:(?:暂无|无|空|―+)\s+)+")
# A number followed by one of these is prose ("5件", "2019年"), not a table cell.
_PROSE_UNIT = set("件项个条次人家名期年月日号份篇批场类处所户位天余多%万亿元")


def _plain_segments(s: str) -> list[tuple[str, list[str]]] | None:
    """Split a plain line into (label, value tokens) segments, or None when it reads as prose.

    Crawler text glues rows together (`…公开2000002(三)不予公开1.属于国家秘密0000000`): each
    run of values closes a segment, and a single digit right before `.`/`、` and a label's first
    character is the next row's item number, not a value (`16、(二)…` keeps its 16: an item number
    is followed by its label's text, never by a bracket).
    """
    segments: list[tuple[str, list[str]]] = []
    label, tokens, pos = "", [], 0
    for m in _RUN_OR_BLANK.finditer(s):
        tok = m.group(0)
        after = s[m.end() : m.end() + 1]
        if tok[-1].isdigit() and after in (".", "、") and _CJK_CHAR.match(s, m.end() + 1):
            tok = tok[:-1]  # the last digit numbers the next row ("…00000002.重复申请")
            if not re.search(r"\d", tok):
                continue  # only an item number: it stays in the next label's text
        elif after in _PROSE_UNIT and not tok.endswith("元"):
            return None
        between = s[pos : m.start()]
        if tokens and between in ("", ",") and tokens[-1][-1:].isdigit() and (tok[-1:].isdigit() or tok.endswith("元")):
            # no separator at all: one glued run of several cells (356+312784, 612增加51893);
            # sign words become the sign they mean so the glue reader can place them
            tokens[-1] += between + _SIGN_WORD.sub(lambda w: "+" if w.group(0)[0] == "增" else "-", tok.strip())
            pos = m.start() + len(tok)
            continue
        if tokens and _ILLEGIBLE.fullmatch(between):
            tokens.append(between.strip())  # an unreadable cell (■, ?) between values keeps its place
        elif tokens and _BLANK_WORDS.fullmatch(between):
            tokens += between.split()  # blank words between a row's values (`13 0 无 暂无 1`) are its blank cells
        elif between.strip():
            if tokens:
                segments.append((label, tokens))
                label, tokens = "", []
            label += between
        tokens.append(tok.strip())
        pos = m.start() + len(tok)
    tail = s[pos:]
    if tokens:
        segments.append((label, tokens))
        label = ""
    if (label + tail).strip():
        segments.append((label + tail, []))
    return [(lab.strip(), toks) for lab, toks in segments if lab.strip() or toks]


_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN_POSITIONAL = re.compile(r"(?:([一二两三四五六七八九])千)?[零〇]?(?:([一二两三四五六七八九])百)?[零〇]?"
                            r"(?:([一二三四五六七八九])?(十))?([一二三四五六七八九])?")
_CN_DIGITS = re.compile("[〇零○一二三四五六七八九]{2,6}")
_CN_NUMERAL = frozenset("〇零○一二两三四五六七八九十")


def cn_count(s: str) -> int | None:
    """A count written in Chinese numerals (`二十八`, `一百零五`, `一〇五`, `三`), else None."""
    if not s or len(s) > 8:
        return None
    if _CN_DIGITS.fullmatch(s) and "十" not in s:
        return int("".join(str(_CN_DIGIT[ch]) for ch in s)) if s[0] not in "〇零○" else None
    m = _CN_POSITIONAL.fullmatch(s)
    if m is None or not any(m.groups()):
        return None
    qian, bai, shi, ten, ge = m.groups()
    return (_CN_DIGIT[qian] * 1000 if qian else 0) + (_CN_DIGIT[bai] * 100 if bai else 0) + (
        (_CN_DIGIT[shi] if shi else 1) * 10 if ten else 0) + (_CN_DIGIT[ge] if ge else 0)


_NUMBER_LED = re.compile(r"\s*[-+]?\d")
# A spreadsheet's formula left as text (`=SUM(D4:I4)`) or its error value (`#REF!`) where a number should
# be: a value cell the row cannot read, in its column, never a label or a remark.
_SHEET_CELL = re.compile(r"\s*(?:=\s*[A-Za-z]|#(?:REF!|VALUE!|DIV/0!|N/A|NAME\?|NUM!|NULL!|SPILL!|CALC!))")


def _row(line_no: int, cells: list[Cell], shape: str, raw: str) -> Row:
    texts = [i for i, c in enumerate(cells) if c.kind == "text" and not _SHEET_CELL.match(c.raw)]
    if texts and any(c.kind == "number" for c in cells[: texts[0]]) and not any(
        c.kind == "number" for c in cells[texts[-1] + 1 :]
    ):
        # label printed after its numbers (PDF tools that reverse column order)
        label = " ".join(cells[i].raw.strip() for i in texts)
        return Row(line_no, label, cells[: texts[0]], [], shape, raw)
    nums = [i for i, c in enumerate(cells) if c.kind == "number"]
    if texts and nums and texts[0] < nums[0] and texts[-1] > nums[-1]:
        # text after the numbers is a remark column (备注), not part of the label; a cell that starts
        # like a number (`1〇9`, a misread) is a value cell the row cannot read, which stays in place
        first_num = nums[0]
        lead = [i for i in texts if i < first_num]
        label = " ".join(cells[i].raw.strip() for i in lead if cells[i].raw.strip())
        tail = next(i for i in texts if i > nums[-1])
        if _NUMBER_LED.match(cells[tail].raw) and all(cells[i].kind != "text" or _NUMBER_LED.match(cells[i].raw)
                                                      for i in range(tail, len(cells))):
            tail = len(cells)
        return Row(line_no, label, cells[lead[-1] + 1 : tail], [], shape, raw)
    last_text = max(texts, default=-1)
    label = " ".join(c.raw.strip() for c in cells[: last_text + 1] if c.kind == "text" and c.raw.strip())
    pre = [c for c in cells[: last_text + 1] if c.kind == "number"]
    return Row(line_no, label, cells[last_text + 1 :], pre, shape, raw)


# Two or more counts with a unit each, ending the line, separated by spaces or only by their units
# (normalising removes a space between a CJK unit and a digit: `数量68件75件143件`).
# (possessive, and starting only after a character that cannot continue the run: linear on any line)
_COUNTED_TAIL = re.compile(r"(?<![\d\s件项个条])(?:\s*+\d++[件项个条]){2,}+\s*+$")


_CELL_NUMBER_THEN_LABEL = re.compile(r"^\s*((?:减少?|增加?|[-+])?(?:\d{1,3}(?:[, ]\d{3})+|\d+)(?:\.\d+)?\s?(?:件|项|个|条|万元|元)?)\s+(\D.*)$")


_INCREASE_SLASH = re.compile(r"增\s*[/／]\s*$")


def _cell_numbers(cell: str) -> list[str]:
    """A grid cell holding several numbers apart (OCR'd rows whose rulings were lost: `75 l8 l l 6 3`)
    as one cell per number; any other cell as it is (`2 093` is one number with a spaced separator)."""
    tokens = cell.split()
    if len(tokens) < 2 or _SPACED_THOUSANDS.fullmatch(cell.strip()):
        return [cell]
    fixed = [t.translate(_OCR_MORE) if _MIXED_TOKEN.fullmatch(t) else ocr_digits(t) for t in tokens]
    if all(_PLAIN_NUMBER.fullmatch(t) for t in fixed):
        return fixed
    return [cell]


_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")


def _second_label(cells: list[Cell]) -> int | None:
    """Index of a second row's label in a grid line: a text cell of two CJK characters or more with
    numbers both before it (after the first label) and after it; None when there is none."""
    first = next((i for i, c in enumerate(cells) if c.kind == "text"), None)
    if first is None:
        return None
    seen_number = False
    for i in range(first + 1, len(cells)):
        c = cells[i]
        if c.kind == "number":
            seen_number = True
        elif c.kind == "text" and seen_number and len(_CJK_RE.findall(c.raw)) >= 2 \
                and any(x.kind == "number" for x in cells[i + 1:]):
            return i
    return None


# A line's rows, memoised by its text: template lines (labels, headers, all-zero rows) recur in
# every report and every table reader reads them again. Held as (label, values, pre_values, shape)
# and handed out as new Rows with their own lists, so a reader that changes a Row changes no other.
_ROWS_MEMO: dict[str, list[tuple]] = {}
_ROWS_MEMO_SIZE = 32768


def line_rows(line_no: int, line: str) -> list[Row]:
    """The rows of one line: one for TSV and pipe lines, one or more for plain (maybe glued) text."""
    got = _ROWS_MEMO.get(line)
    if got is None:
        got = remember(_ROWS_MEMO, _ROWS_MEMO_SIZE, line,
                       [(r.label, r.values, r.pre_values, r.shape) for r in _line_rows(line_no, line)])
    return [Row(line_no, label, list(values), list(pre), shape, line) for label, values, pre, shape in got]


def _line_rows(line_no: int, line: str) -> list[Row]:
    if not line.strip() or _PIPE_SEPARATOR.match(line.strip()) or _BOX_RULE.match(line.strip()):
        return []
    if ("\t" not in line and _SCAN_ODD_RULING.search(line) and len(_SCAN_RULING.findall(line)) >= 2
            and len(_DIGIT_RUN.findall(line)) >= 2):
        # an OCR'd row of a ruled scan: its rulings came out as 丨 | ! [ ] (no markdown pipe row prints
        # 丨 or ! between its cells) and as lone l / I, as likely rulings as a 1. They only part cells; a
        # lone l / I is dropped (a 1 it was leaves the row a cell short, which the table's sums may
        # place), never read as a 1 where a ruling was
        line = _LONE_BAR_LETTER.sub(" ", _SCAN_RULING.sub(" ", line)).strip()
    raw_cells, shape = split_cells(line)
    if shape != "plain":
        if any(" " in c for c in raw_cells):
            raw_cells = [t for c in raw_cells for t in _cell_numbers(c)]
        cells = [parse_cell(c) for c in raw_cells]
        out = []
        while (k := _second_label(cells)) is not None:
            # rows run together on one grid line (`行政处罚⇥356⇥-11⇥1 874 行政强制⇥24⇥0⇥61`): a label
            # after a row's numbers opens the next row; a number before it in its cell ends the row
            head = _CELL_NUMBER_THEN_LABEL.match(cells[k].raw)
            if head:
                out.append(_row(line_no, cells[:k] + [parse_cell(head.group(1))], shape, line))
                cells = [parse_cell(head.group(2))] + cells[k + 1:]
            else:
                out.append(_row(line_no, cells[:k], shape, line))
                cells = cells[k:]
        return out + [_row(line_no, cells, shape, line)]
    text = line.strip()
    if _MIXED_TOKEN.search(text):
        text = _MIXED_TOKEN.sub(_ocr_mixed, text)
    if "|" in text and len(re.findall(r"\d+", text)) >= 2:
        text = text.replace("|", " ")  # a pipe row that lost its leading pipe: pipes part cells, never are one
    if len(re.findall(r"\d+", text)) >= 2:  # a number row: O/l/I tokens are OCR digits, 〇/零 alone are 0
        text = _OCR_TOKEN.sub(lambda m: ocr_digits(m.group(0)), text)
        text = re.sub(r"(?<=\s)[〇零○](?=\s|$)", "0", text)

    m = _COUNTED_TAIL.search(text)
    if m and not re.search(r"[，。；：,;]", text[: m.start()]):
        # a table row printed with its unit on every cell (`…申请数量 5件 3件 8件`): the units go
        text = text[: m.start()] + re.sub(r"(?<=\d)[件项个条]\s*", " ", m.group(0))
    segments = _plain_segments(text)
    if segments is None:  # prose: a label with no values
        return [Row(line_no, line.strip(), [], [], "plain", line)]
    out = []
    for lab, toks in segments:
        if toks and toks[0].startswith("减") and _INCREASE_SLASH.search(lab):
            lab, toks = lab + "减", [toks[0][1:].strip()] + toks[1:]  # 本年增/减3: the 减 ends the header
        out.append(Row(line_no, lab, [parse_cell(t) for t in toks], [], "plain", line))
    return out


# A note printed under a table (`注：①本年新收申请中…`), and the lines it wraps onto: no row of the table.
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*\d?\s*[:：]")
# The item number that opens a table row: （三）, 2. or 2、, 四、 (one definition for every reader).
ROW_NUMBER = r"(?:[(（][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]{1,2}、)"
_NOTE_ENDS = re.compile(r"^\s*(?:" + ROW_NUMBER + r"|第[一二三四五六七八九十]+条)")


def rows_of(text: str) -> list[Row]:
    """All rows of a block of table text, in order (a note under a table is not read as rows)."""
    out: list[Row] = []
    in_note = False
    for i, line in enumerate(text.split("\n")):
        if _NOTE.match(line):
            in_note = True
            continue
        if in_note:
            if line.strip() and not is_table_line(line) and not _NOTE_ENDS.match(line):
                continue  # the note's next line
            in_note = False
        out += line_rows(i, line)
    return out


_PAGE_DASH = {"-", "—", "–", "－"}


def _page_number_after(cells: list[Cell]) -> bool:
    """Whether three plain cells read `- N -`, the way a page number is printed."""
    a, n, b = (c.raw.strip() for c in cells)
    return a in _PAGE_DASH and b in _PAGE_DASH and n.isdigit() and len(n) <= 3 and cells[1].kind == "number"


# A spreadsheet's check column copied after a table's last column (核对 / 校验 …: the sheet's own sum
# checks, 0 when they pass): no cell of the form.
_CHECK_HEADER = re.compile(r"^(?:核对|校验|校核|检查|验证|勾稽|差额|差异|检验)(?:结果|值|列)?$")


def check_columns(rows: list[Row]) -> int:
    """How many check columns a header row of `rows` ends with (0 when none)."""
    for r in rows:
        if r.shape == "plain" or any(c.kind == "number" for c in r.values):
            continue
        cells = [c.strip() for c in split_cells(r.raw)[0]]
        while cells and not cells[-1]:
            cells.pop()
        k = 0
        while cells and _CHECK_HEADER.match(re.sub(r"\s+", "", cells[-1])):
            cells.pop()
            k += 1
        if k:
            return k
    return 0


def without_check_cells(rows: list[Row], width: int) -> list[Row]:
    """`rows` with the cells of a table's check columns dropped from its grid rows of `width` cells plus
    the check cells (the rows themselves are not changed)."""
    k = check_columns(rows)
    if not k:
        return rows
    # a grid row with room for the check cells has them last (before them may be the label's padding)
    return [Row(r.line_no, r.label, r.values[:-k], r.pre_values, r.shape, r.raw)
            if r.shape != "plain" and len(r.values) >= width + k else r for r in rows]


def fit_values(values: list[Cell], width: int) -> tuple[list[Cell | None], str | None]:
    """Fit a row's value cells to `width` columns.

    Extra cells must be empty padding (trailing first, then leading); a short row lost cells
    on the left, where PDF extraction drops them when a label overflows (the total column at
    the right is kept). Returns the fitted cells (None = lost) and a note when cells were lost.
    """
    vals = list(values)
    if len(vals) > width and len(vals) >= 3 and _page_number_after(vals[-3:]):
        vals = vals[:-3]  # `… 0 0 5 - 2 -`: a flattened page's number follows its last row, and is no cell
    while len(vals) > width and vals and vals[-1].kind == "blank":
        vals.pop()  # grid padding, or an empty 备注 column ("—")
    while len(vals) > width and vals and vals[0].kind == "blank" and vals[0].raw.strip() == "":
        vals.pop(0)
    if len(vals) > width:
        return [None] * width, f"row has {len(vals)} value cells for {width} columns"
    if len(vals) < width:
        lost = width - len(vals)
        return [None] * lost + vals, f"row lost {lost} of {width} cells"
    return vals, None


def lcs_len(a: str, b: str) -> int:
    """Length of the longest common subsequence (labels tolerate OCR drops and swaps).

    rapidfuzz's bit-parallel LCS (C++): O(len(a) * len(b) / 64), the same number as the textbook
    dynamic programme."""
    from rapidfuzz.distance.LCSseq import similarity

    return similarity(a, b) if a and b else 0
