"""Digits glued together without separators (crawler text): every way to read them, nothing chosen.

`454545` in a three-column row could be 45|45|45 or 4|545|45; the callers filter the readings
with the table's arithmetic and the report's prose, and leave cells null where readings differ.
"""

from __future__ import annotations

import re
from itertools import combinations

GLUED = re.compile(r"-?\d+(?:[.\-]\d+)*")
MAX_READINGS = 50_000


def is_glued(raw: str, width: int) -> bool:
    """A single plain-text token with at least one digit per column, for a row of several columns."""
    s = raw.strip()
    return width > 1 and bool(GLUED.fullmatch(s)) and sum(ch.isdigit() for ch in s) >= width


def readings(token: str, width: int, signed: frozenset[int] = frozenset(),
             decimal: frozenset[int] = frozenset(), dash_blank: bool = False) -> list[tuple[float | None, ...]] | None:
    """Every split of `token` into `width` numbers (no leading zeros; '-' only starts a signed column,
    '.' only inside a decimal column; with `dash_blank`, a lone '-' is a blank cell, read as None).
    None when there are too many to be useful."""
    s = token.strip()
    n = len(s)
    if width > n:
        return []
    out: list[tuple[float, ...]] = []
    # cut points between characters; width-1 cuts among n-1 gaps
    gaps = range(1, n)
    count = 0
    for cuts in combinations(gaps, width - 1):
        count += 1
        if count > MAX_READINGS * 20:
            return None
        bounds = (0, *cuts, n)
        parts = [s[bounds[i] : bounds[i + 1]] for i in range(width)]
        vals = []
        for i, p in enumerate(parts):
            if dash_blank and p == "-":
                vals.append(None)  # 150-200 may be 150 | - | 200 with the 增/减 cell left blank
                continue
            v = _number(p, i in signed, i in decimal)
            if v is None:
                break
            vals.append(v)
        else:
            out.append(tuple(vals))
            if len(out) > MAX_READINGS:
                return None
    return out


def _number(p: str, signed: bool, decimal: bool) -> float | None:
    neg = p.startswith("-")
    body = p[1:] if neg else p
    if neg and not signed:
        return None
    if not body or "-" in body:
        return None
    if "." in body:
        if not decimal or not re.fullmatch(r"(0|[1-9]\d*)\.\d+", body):
            return None
    elif not re.fullmatch(r"0|[1-9]\d*", body):
        return None
    if neg and float(body) == 0:
        return None
    return -float(body) if neg else float(body)


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
