"""Shared types for the table parsers: parsed cells, findings, and label matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms.tables.grid import lcs_len

Key = tuple[str, str]


@dataclass
class ParsedCell:
    """A cell's value and where it came from (`cell_source` in the contract)."""

    value: float | None
    source: str  # printed | blank | derived | narrative | missing


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


def match_label(label: str, keys: dict[str, tuple[str, ...]], exclude: dict[str, tuple[str, ...]] | None = None):
    """Best code for a row label: exact key phrases win (longest first), then near misses.

    A near miss tolerates one dropped or wrong character in a key of five or more characters,
    which is what OCR does to labels; shorter keys must match exactly.
    """
    compact = re.sub(r"\s+", "", label)
    if not compact:
        return None
    best, best_score = None, 0.0
    for code, phrases in keys.items():
        if exclude and any(x in compact for x in exclude.get(code, ())):
            continue
        for k in phrases:
            if k in compact:
                score = 2.0 + len(k) / 100
            elif len(k) >= 5:
                hit = lcs_len(k, compact)
                score = hit / len(k) if hit >= len(k) - 1 else 0.0
            elif _one_char_off(k, compact):
                score = (len(k) - 1) / len(k)
            else:
                score = 0.0
            if score > best_score:
                best, best_score = code, score
    return best


_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）.、]?")


def _one_char_off(key: str, label: str) -> bool:
    """A short key with one wrong character (规草 for 规章, 行政许口 for 行政许可).

    Two-character keys must make up the whole label, so a single shared character is not a match.
    """
    bare = _NUMBERING.sub("", label)
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
    if cell.value is None or cell.value < 0 or cell.value != int(cell.value) or cell.unit:
        return ParsedCell(None, "missing")
    return ParsedCell(cell.value, "printed")


def unreadable_cells(table: str, row: str, cells, parsed) -> list[Finding]:
    """A finding for each cell that printed something but yielded no number (never dropped silently)."""
    out = []
    for c, p in zip(cells, parsed):
        if c is not None and c.raw.strip() and c.kind != "blank" and p.value is None:
            out.append(Finding("cell_unreadable", "warning", f"{table} row {row}: cell '{c.raw.strip()[:30]}' is not a count; left null"))
    return out
