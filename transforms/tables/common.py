"""Shared types for the table parsers: parsed cells, findings, and label matching."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field

from rapidfuzz.distance.LCSseq import similarity as _lcs

from transforms.tables.grid import lcs_len

Key = tuple[str, str]


@dataclass
class ParsedCell:
    """A cell's value and where it came from (`cell_source` in the contract)."""

    value: float | None
    source: str  # printed | blank | derived | narrative | missing
    # first and last line (in the table's text) of the row the cell was read from; None when unknown.
    # Not compared: the same value read from another line is the same cell.
    lines: tuple[int, int] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Finding:
    """A per-report quality finding raised while parsing."""

    check_name: str
    severity: str  # 'error' | 'warning'
    message: str


@dataclass
class TableParse:
    """The cells of one report table, whether the table was found, and what was noticed."""

    cells: dict[Key, ParsedCell] = field(default_factory=dict)
    found: bool = False
    findings: list[Finding] = field(default_factory=list)
    # row code → the digits of a row printed glued (crawler text): whatever the sums later pin in that
    # row must still be a reading of these digits
    glued: dict[str, str] = field(default_factory=dict)
    # the glued rows read with blank cells that printed nothing (`000010` over seven columns)
    glued_blanks: set[str] = field(default_factory=set)
    # row code → the printed 法人或其他组织 cell of a table 3 that merges the five organisation columns:
    # whatever the sums pin in those five cells must add up to it
    org_sums: dict[str, float] = field(default_factory=dict)


# The fuzzy pass compares a key with at most this many characters of the label. Every label the
# parsers pass is one table row's label: the longest printed template label with its numbering and
# the 2019 note (区分处理的，只计这一情形，不计其他情形) is under 60 characters, and the longest in all
# fixtures and test runs (a box-drawing rule line of a PDF table) is 107. A longer "label" is a
# paragraph or junk glued into a cell; capping the window keeps a 1,000-character label as cheap as
# a short one. The exact pass still sees the whole label (a substring test is linear and in C).
FUZZY_WINDOW = 256
# Bounded memo: (label, keys, exclude) → code. Entries hold references to the key dicts, so an
# id() can never be reused by another dict while its entry lives; key dicts are module constants
# and are never mutated.
_MEMO_SIZE = 8192
_memo: OrderedDict = OrderedDict()


def match_label(label: str, keys: dict[str, tuple[str, ...]], exclude: dict[str, tuple[str, ...]] | None = None):
    """Best code for a row label: exact key phrases win (longest first), then near misses.

    A near miss tolerates one dropped or wrong character in a key of five or more characters,
    which is what OCR does to labels; shorter keys must match exactly (or, in a short label, with
    one wrong character: :func:`_one_char_off`). Ties go to the first code in ``keys`` order.

    Exact phrases are looked up first; the fuzzy pass (LCS length through rapidfuzz, the same
    number as ``grid.lcs_len``) runs only when no phrase occurs in the label, on the first
    ``FUZZY_WINDOW`` characters. Results are memoised per (label, keys, exclude).
    """
    memo_key = (label, id(keys), id(exclude))
    hit = _memo.get(memo_key)
    if hit is not None and hit[0] is keys and hit[1] is exclude:
        _memo.move_to_end(memo_key)
        return hit[2]
    code = _match_label(label, keys, exclude)
    _memo[memo_key] = (keys, exclude, code)
    if len(_memo) > _MEMO_SIZE:
        try:
            _memo.popitem(last=False)
        except KeyError:  # pragma: no cover - another thread emptied it
            pass
    return code


_SPACE_RUN = re.compile(r"\s+")


def _match_label(label: str, keys: dict[str, tuple[str, ...]], exclude: dict[str, tuple[str, ...]] | None):
    compact = _SPACE_RUN.sub("", label)
    if not compact:
        return None
    allowed = [(code, phrases) for code, phrases in keys.items()
               if not (exclude and any(x in compact for x in exclude.get(code, ())))]
    # Exact pass: any phrase inside the label scores 2 + len/100, above every near miss (<= 1).
    best, best_score = None, 0.0
    for code, phrases in allowed:
        for k in phrases:
            if k in compact and 2.0 + len(k) / 100 > best_score:
                best, best_score = code, 2.0 + len(k) / 100
    if best is not None:
        return best
    # Fuzzy pass, only when no phrase occurs exactly.
    window = compact[:FUZZY_WINDOW]
    bare = _NUMBERING.sub("", compact)
    for code, phrases in allowed:
        for k in phrases:
            n = len(k)
            if n >= 5:
                same = _lcs(k, window, score_cutoff=n - 1)
                score = same / n if same >= n - 1 else 0.0
            elif _one_off_bare(k, bare):
                score = (n - 1) / n
            else:
                continue
            if score > best_score:
                best, best_score = code, score
    return best


_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）.、]?")


def _one_char_off(key: str, label: str) -> bool:
    """A short key with one wrong character (规草 for 规章, 行政许口 for 行政许可).

    Two-character keys must make up the whole label, so a single shared character is not a match.
    """
    return _one_off_bare(key, _NUMBERING.sub("", label))


def _one_off_bare(key: str, bare: str) -> bool:
    """:func:`_one_char_off` on a label whose leading numbering is already removed."""
    if len(key) == 2:
        windows = [bare] if len(bare) == 2 else []
    elif len(key) >= 3 and len(bare) <= len(key) + 4:
        # only in short labels: in a long one a one-off window is usually another word (本年新制作 ≠ 本年新收)
        windows = [bare[i : i + len(key)] for i in range(len(bare) - len(key) + 1)]
    else:
        windows = []
    return any(sum(a != b for a, b in zip(key, w)) == 1 for w in windows)


def count_cell(cell) -> ParsedCell:
    """A count cell: printed non-negative integers; blanks stay blank; anything else is missing."""
    if cell is None or cell.kind == "text":
        return ParsedCell(None, "missing")
    if cell.kind == "blank":
        return ParsedCell(None, "blank")
    if cell.value is None or cell.value < 0 or cell.value != int(cell.value) or cell.unit or cell.value >= 2**53:
        return ParsedCell(None, "missing")  # past 2**53 a float is no exact count (and past 2**63 no Int64)
    return ParsedCell(cell.value, "printed")


def at_lines(cells, *rows) -> None:
    """Record on each cell the lines of the row(s) it was read from: a grid row is its own line; a plain
    row may have taken its numbers from the line above or its label's last line (so both count)."""
    if not rows:
        return
    first = min(r.line_no - (1 if r.shape == "plain" else 0) for r in rows)
    span = (first, max(max(r.line_no, getattr(r, "_last_line", r.line_no)) for r in rows))
    for c in cells:
        if c is not None:
            c.lines = span


def unreadable_cells(table: str, row: str, cells, parsed) -> list[Finding]:
    """A finding for each cell that printed something but yielded no number (never dropped silently)."""
    out = []
    for c, p in zip(cells, parsed):
        if c is not None and c.raw.strip() and c.kind != "blank" and p.value is None:
            out.append(Finding("cell_unreadable", "warning", f"{table} row {row}: cell '{c.raw.strip()[:30]}' is not a count; left null"))
    return out
