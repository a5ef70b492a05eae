"""What every reader returns, and the error a reader raises for a file it cannot read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Reading:
    """A document read to text (the text shape of docs/architecture.md: tables as TSV rows).

    `notes` are 'check_name: message' strings about repairs or losses (the file is still read);
    pages are separated by form feeds ('\\f') so a page number can be derived from an offset.
    `complete` is False for a reader's `probe` (the landing scan's cheap look: enough text to tell a
    report and its year, not the table cells); the raw stage always reads in full.
    """

    text: str
    source_format: str
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)
    pages: int | None = None
    complete: bool = True


class ReaderError(ValueError):
    """A file of a known format that cannot be read (encrypted, corrupt, no text, no converter)."""

    def __init__(self, check_name: str, message: str) -> None:
        super().__init__(message)
        self.check_name = check_name


_CJK = "\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RE = re.compile(f"[{_CJK}]")


def _no_space(a: str, b: str) -> bool:
    """True when two wrapped pieces join without a space: a CJK character on either side, or
    digits on both (a number wrapped inside a narrow cell)."""
    if not a or not b:
        return True
    x, y = a[-1], b[0]
    return bool(_CJK_RE.match(x) or _CJK_RE.match(y)) or (x.isdigit() and y.isdigit())


def join_wrapped(pieces: list[str]) -> str:
    """Join the lines of a wrapped cell: no space between CJK characters, one space elsewhere."""
    out = ""
    for piece in (p.strip() for p in pieces):
        if not piece:
            continue
        out = piece if not out else (out + piece if _no_space(out, piece) else f"{out} {piece}")
    return out


def cell_text(raw: str | None) -> str:
    """A table cell's text as one TSV field: wrapped lines joined, tabs become spaces."""
    if not raw:
        return ""
    return join_wrapped(raw.replace("\t", " ").replace("\r", "\n").split("\n"))
