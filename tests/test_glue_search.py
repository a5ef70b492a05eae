"""The glued-row search keeps exactly the choices under which every table-3 identity holds.

`_consistent_choices` prunes with forward bounds; these tests compare it with checking every
combination outright, on random tables with known, unread and null cells, so the pruning can only
ever make the search faster, never change what survives.
"""

from __future__ import annotations

import random
from itertools import product

from transforms.labels import APPLICANT_CODES, APPLICANT_PARTS
from transforms.repair import request_equations
from transforms.tables.common import ParsedCell, TableParse
from transforms.tables.request_handling import _consistent_choices, _full

ORDER = ["new_received", "carried_over", "granted", "partially_granted", "total_processed", "carried_forward"]
KNOWN = ("printed", "derived", "narrative")


def _row(rng: random.Random, null_p: float) -> tuple[ParsedCell, ...]:
    parts = [rng.choice([0, 0, 1, 2, 3]) for _ in APPLICANT_PARTS]
    vals = parts + [sum(parts) + rng.choice([0, 0, 0, 1])]
    return tuple(ParsedCell(None, "missing") if rng.random() < null_p else ParsedCell(float(v), "printed")
                 for v in vals)


def _brute(readings, multi, out) -> set[tuple]:
    cells = _full(ORDER) | out.cells
    # the identities the search is about: those with a cell in an uncertain row (the others are fixed)
    eqs = [eq for eq in request_equations(cells) if any(k[0] in multi for k in eq.left + eq.right)]
    ok = set()
    for combo in product(*(readings[c] for c in multi)):
        vals = {k: (c.value if c.source in KNOWN else None) for k, c in cells.items()}
        for code, rd in zip(multi, combo):
            for a, c in zip(APPLICANT_CODES, rd):
                vals[(code, a)] = c.value if c.source in KNOWN else None
        if all(any(vals.get(k) is None for k in eq.left + eq.right)
               or abs(sum(vals[k] for k in eq.left) - sum(vals[k] for k in eq.right)) <= 1e-9 for eq in eqs):
            ok.add(tuple(id(r) for r in combo))
    return ok


def test_search_keeps_exactly_the_consistent_choices() -> None:
    rng = random.Random(20261204)
    checked = 0
    for trial in range(300):
        null_p = rng.choice([0.0, 0.0, 0.05, 0.2])
        multi = rng.sample(ORDER, rng.randint(1, 4))
        out = TableParse(found=True)
        for code in ORDER:
            if code not in multi and rng.random() < 0.8:
                for a, c in zip(APPLICANT_CODES, _row(rng, null_p)):
                    out.cells[(code, a)] = c
        readings = {code: [_row(rng, null_p) for _ in range(rng.randint(1, 4))] for code in multi}
        got = {tuple(id(r) for r in s) for s in _consistent_choices(readings, list(multi), ORDER, out)}
        assert got == _brute(readings, multi, out), f"trial {trial}"
        checked += bool(got)
    assert checked > 20  # the random tables do have consistent choices to find
