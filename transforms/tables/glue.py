"""Digits glued together without separators (crawler text): every way to read them, nothing chosen.

`454545` in a three-column row could be 45|45|45 or 4|545|45; the callers filter the readings
with the table's arithmetic and the report's prose, and leave cells null where readings differ.
"""

from __future__ import annotations

import re
from itertools import combinations

GLUED = re.compile(r"[-+]?\d+(?:[.,\-+]\d+)*")
MAX_READINGS = 50_000
# No cell of these tables is longer than this ("1,234,567.89"): a longer digit run is not one cell.
MAX_CELL_CHARS = 14


def is_glued(raw: str, width: int) -> bool:
    """A single plain-text token with at least one digit per column, for a row of several columns."""
    s = raw.strip()
    return width > 1 and bool(GLUED.fullmatch(s)) and sum(ch.isdigit() for ch in s) >= width


# Readings memoised by their arguments (the same glued runs, all-zero rows above all, recur from
# report to report); each caller gets its own list. Bounded by entries and by the readings held
# (about 100k tuples, a few tens of MB at most): cleared whole when either is full.
_READINGS_MEMO: dict[tuple, list | None] = {}
_READINGS_MEMO_SIZE = 4096
_READINGS_MEMO_TUPLES = 100_000
_readings_held = 0


def readings(token: str, width: int, signed: frozenset[int] = frozenset(),
             decimal: frozenset[int] = frozenset(), dash_blank: bool = False) -> list[tuple[float | None, ...]] | None:
    """Every split of `token` into `width` numbers (`_readings`), memoised."""
    global _readings_held
    key = (token, width, signed, decimal, dash_blank)
    if key in _READINGS_MEMO:
        got = _READINGS_MEMO[key]
    else:
        got = _readings(token, width, signed, decimal, dash_blank)
        size = len(got) if got is not None else 0
        if size <= _READINGS_MEMO_TUPLES // 10:
            if len(_READINGS_MEMO) >= _READINGS_MEMO_SIZE or _readings_held + size > _READINGS_MEMO_TUPLES:
                _READINGS_MEMO.clear()
                _readings_held = 0
            _READINGS_MEMO[key] = got
            _readings_held += size
    return None if got is None else list(got)


def _readings(token: str, width: int, signed: frozenset[int], decimal: frozenset[int],
              dash_blank: bool) -> list[tuple[float | None, ...]] | None:
    """Every split of `token` into `width` numbers (no leading zeros; '-'/'+' only start a signed
    column, '.' only inside a decimal column, ',' only as a thousands separator; with `dash_blank`,
    a lone '-' is a blank cell, read as None). None when there are more than `MAX_READINGS`: the
    enumeration was cut off, which callers must report as such, never as "no reading".

    Linear in the token: a split is built column by column from the positions that can still
    finish the row (a dynamic programme over position × column, each cell at most
    `MAX_CELL_CHARS` long), so a run of 120 zeros or a 5 MB digit run costs no more than its
    length, and only feasible readings are ever enumerated.
    """
    s = token.strip()
    n = len(s)
    if width < 1 or width > n or n > width * MAX_CELL_CHARS:
        return []
    parts_at: dict[tuple[int, int], list[tuple[int, float | None]]] = {}

    def parts(pos: int, col: int) -> list[tuple[int, float | None]]:
        key = (pos, col)
        if key not in parts_at:
            opts = []
            for end in range(pos + 1, min(n, pos + MAX_CELL_CHARS) + 1):
                p = s[pos:end]
                if dash_blank and p == "-":
                    opts.append((end, None))  # 150-200 may be 150 | - | 200 with the 增/减 cell blank
                    continue
                v = _number(p, col in signed, col in decimal)
                if v is not None:
                    opts.append((end, v))
            parts_at[key] = opts
        return parts_at[key]

    # can[col] = positions from which columns col.. can consume the rest of the token exactly
    can: list[set[int]] = [set() for _ in range(width + 1)]
    can[width] = {n}
    for col in range(width - 1, -1, -1):
        lo, hi = max(0, n - (width - col) * MAX_CELL_CHARS), n - (width - col)
        for pos in range(lo, hi + 1):
            if any(end in can[col + 1] for end, _ in parts(pos, col)):
                can[col].add(pos)
    if 0 not in can[0]:
        return []
    out: list[tuple[float | None, ...]] = []
    stack: list[tuple[int, int, tuple]] = [(0, 0, ())]
    while stack:
        pos, col, vals = stack.pop()
        if col == width:
            out.append(vals)
            if len(out) > MAX_READINGS:
                return None
            continue
        for end, v in reversed(parts(pos, col)):
            if end in can[col + 1]:
                stack.append((end, col + 1, (*vals, v)))
    return out


_INT = re.compile(r"0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+")
_DEC = re.compile(r"(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)\.\d+")


def _number(p: str, signed: bool, decimal: bool) -> float | None:
    neg = p.startswith("-")
    sign = p[:1] in "-+" and p[:1] != ""
    body = p[1:] if sign else p
    if sign and not signed:
        return None
    if not body or "-" in body or "+" in body:
        return None
    if "." in body:
        if not decimal or not _DEC.fullmatch(body):
            return None
    elif not _INT.fullmatch(body):
        return None
    value = float(body.replace(",", ""))
    if sign and value == 0:
        return None
    return -value if neg else value


def agrees(token: str, width: int, fixed: dict[int, float], blanks: bool = False) -> bool:
    """Whether some split of `token` into `width` unsigned whole numbers has `fixed[col]` in each
    fixed column (a dynamic programme over position × column: no split is enumerated). With
    `blanks`, a column may also be a blank cell that printed nothing (any value fits it)."""
    s = token.strip()
    n = len(s)
    if width < 1 or (width > n and not blanks) or n > width * MAX_CELL_CHARS:
        return False
    reach = {0}
    for col in range(width):
        want = fixed.get(col)
        nxt = set(reach) if blanks else set()
        for pos in reach:
            for end in range(pos + 1, min(n, pos + MAX_CELL_CHARS) + 1):
                v = _number(s[pos:end], False, False)
                if v is not None and (want is None or v == want):
                    nxt.add(end)
        reach = nxt
        if not reach:
            return False
    return n in reach


def placements(cells: list, width: int):
    """Every order-preserving placement of a short row's surviving cells among `width` columns
    (None in the columns left empty): the readings of a row that lost cells we cannot locate."""
    for slots in combinations(range(width), len(cells)):
        row = [None] * width
        for c, i in zip(cells, slots):
            row[i] = c
        yield row


def agreement(candidates: list[tuple]) -> list:
    """Per position: the value all candidates share, else None."""
    if not candidates:
        return []
    first = candidates[0]
    return [v if all(c[i] == v for c in candidates) else None for i, v in enumerate(first)]
