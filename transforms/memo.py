"""The bounded memo of the readers' pure functions of a text: a dict capped at a size, cleared whole when full.

The readers memoise by line, cell or attribute text (template lines, cells and Word styles recur
from report to report). A hit is the plain dict's own `get`, inline at the caller; a miss stores
its result through `remember`, which clears the memo first when it is full (no LRU bookkeeping
on any call). The values are cached results: a caller must not change them.
"""

from __future__ import annotations

from typing import TypeVar

V = TypeVar("V")


def remember(memo: dict, size: int, key, value: V) -> V:
    """Store `value` under `key` (the whole memo is cleared first when it holds `size` entries); returns `value`."""
    if len(memo) >= size:
        memo.clear()
    memo[key] = value
    return value
