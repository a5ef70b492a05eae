"""Arithmetic repair: the tables' own sums pin down blank or lost cells, and expose contradictions.

Each constraint is a linear equation over cells (Σ left = Σ right). Unknown cells (blank or
missing) start as [0, ∞) and the bounds are narrowed by interval propagation until nothing
changes; an unknown whose bounds meet is `derived`. A printed contradiction stays as printed,
becomes a warning finding, and its equation is not used. An equation that cannot hold with the
unknowns' bounds is dropped with every equation that shares an unknown with it: a cell two sums
would fix differently is not derived, nor anything through it. A number is never invented.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from transforms.labels import APPLICANT_CODES, APPLICANT_PARTS, CASE_TYPE_CODES, OUTCOME_CODES, REVIEW_RESULT_CODES
from transforms.tables.common import Finding, Key, ParsedCell
from transforms.tables.glue import agrees
from transforms.tables.request_handling import result_rows

KNOWN = ("printed", "derived", "narrative")
UNRELIABLE_AFTER = 3  # failing sums in one table before its reading is treated as suspect
# Cells it takes to be in every failing sum of a suspect table before its reading is taken for a misreading
# (rows or columns shifted, a column read as a row): a report's own typos break a few sums through a few
# cells (a wrong total, a digit slipped), and its cells stay as printed.
MISREAD_COVER = 7


@dataclass(frozen=True)
class Equation:
    """Σ left = Σ right over cell keys, with a name a person can read in a finding."""

    name: str
    left: tuple[Key, ...]
    right: tuple[Key, ...]


def request_equations(cells: dict[Key, ParsedCell]) -> list[Equation]:
    """Table 3 rules: row totals, the (七)总计 column sums, and 新收+结转 = 总计+结转下年度."""
    return list(_request_equations(frozenset(o for o, _ in cells)))


@lru_cache(maxsize=256)
def _request_equations(rows: frozenset[str]) -> tuple[Equation, ...]:
    """`request_equations` of a table with these rows (they alone decide it; Equations are frozen)."""
    outcomes = sorted(rows, key=OUTCOME_CODES.index)  # template order, not insertion order
    eqs = [
        Equation(f"table3 {o}: total = sum of applicant columns", ((o, "total"),), tuple((o, a) for a in APPLICANT_PARTS))
        for o in outcomes
    ]
    if "total_processed" in outcomes and "granted" in outcomes:
        results = result_rows(outcomes)
        eqs += [
            Equation(f"table3 {a}: (七)总计 = sum of outcome rows", (("total_processed", a),), tuple((r, a) for r in results))
            for a in APPLICANT_CODES
        ]
    if {"new_received", "carried_over", "total_processed", "carried_forward"} <= set(outcomes):
        eqs += [
            Equation(
                f"table3 {a}: 新收 + 上年结转 = 总计 + 结转下年度",
                (("new_received", a), ("carried_over", a)),
                (("total_processed", a), ("carried_forward", a)),
            )
            for a in APPLICANT_CODES
        ]
    return tuple(eqs)


def review_equations(cells: dict[Key, ParsedCell]) -> list[Equation]:
    """Table 4 rule: each case type's total is the sum of its four results."""
    return [
        Equation(f"table4 {c}: total = sum of results", ((c, "total"),), tuple((c, r) for r in REVIEW_RESULT_CODES[:-1]))
        for c in CASE_TYPE_CODES
        if (c, "total") in cells
    ]


def equations_hold(cells: dict[Key, ParsedCell], equations: list[Equation]) -> bool:
    """True when every equation whose cells are all known holds (used to filter glued readings)."""
    for eq in equations:
        keys = eq.left + eq.right
        if all(k in cells and cells[k].source in KNOWN for k in keys):
            if abs(sum(cells[k].value for k in eq.left) - sum(cells[k].value for k in eq.right)) > 1e-9:
                return False
    return True


# At most this many cells are taken for OCR misreads in one table; more failing sums than that is a
# misread table, not a misread digit.
MAX_MISREADS = 3


def ocr_misreads(cells: dict[Key, ParsedCell], equations: list[Equation]) -> list[Finding]:
    """Cells of an OCR'd table that a misread digit explains (in place: they become missing, so the
    sums may pin them again, or not). A printed cell is taken only when two or more of the sums that
    fail with every cell known meet in it, and only when every failing sum holds exactly one such
    cell: a row and a column that both fail meet in one cell (OCR read 9 as 6), and nothing else
    is doubted. A report read from text keeps a printed contradiction as printed; OCR's own errors
    are not the report's."""
    failed = []
    for eq in equations:
        keys = eq.left + eq.right
        if all(k in cells and cells[k].source == "printed" for k in keys):
            if abs(sum(cells[k].value for k in eq.left) - sum(cells[k].value for k in eq.right)) > 1e-9:
                failed.append(keys)
    if len(failed) < 2:
        return []
    count: dict[Key, int] = {}
    for keys in failed:
        for k in set(keys):
            count[k] = count.get(k, 0) + 1
    suspects = {k for k, n in count.items() if n >= 2}
    if not suspects or len(suspects) > MAX_MISREADS or any(len(suspects & set(keys)) != 1 for keys in failed):
        return []
    out = []
    for k in sorted(suspects):
        printed = cells[k].value
        cells[k] = ParsedCell(None, "missing")
        out.append(Finding("ocr_misread_suspected", "warning",
                           f"{'.'.join(k)}: OCR read {printed:g}, which {count[k]} of the table's sums reject; "
                           "left to the sums (derived when they pin it)"))
    return out


def repair(cells: dict[Key, ParsedCell], equations: list[Equation]) -> list[Finding]:
    """Fill what the equations pin down (in place) and return findings for contradictions."""
    findings: list[Finding] = []
    failing: list[Equation] = []
    active = []
    get = cells.get
    for eq in equations:
        keys = eq.left + eq.right
        held = [get(k) for k in keys]
        if not all(held):  # (a cell missing from the table: a ParsedCell is always true)
            continue
        if all(c.source in KNOWN for c in held):
            lhs = sum(cells[k].value for k in eq.left)
            rhs = sum(cells[k].value for k in eq.right)
            if abs(lhs - rhs) > 1e-9:
                failing.append(eq)
                findings.append(
                    Finding("arithmetic_contradiction", "warning", f"{eq.name}: printed {lhs:g} vs {rhs:g} (difference {lhs - rhs:g})")
                )
            continue
        active.append(eq)
    while True:
        bounds, bad = _propagate(cells, active)
        if bad is None:
            break
        failing.append(bad)
        active.remove(bad)
        findings.append(Finding("arithmetic_contradiction", "warning", f"{bad.name}: cannot hold with the printed cells; not used"))
        # Its unknown cells are ones the table's sums would fix two different ways: none of them is
        # derived, and nothing through them (dropping only this sum would let the other one decide).
        conflicted = {k for k in bad.left + bad.right if cells[k].source not in KNOWN}
        active = [eq for eq in active if not conflicted & set(eq.left + eq.right)]
    if len(findings) >= UNRELIABLE_AFTER:
        # Many failing sums mean the columns or rows were probably misread, not that the report
        # is inconsistent: deriving from them would spread the error, so nothing is derived.
        table = equations[0].name.split()[0] if equations else "table"
        if _one_line(failing) or _cover(failing) < MISREAD_COVER:
            findings.append(Finding("table_unreliable", "error",
                                    f"{table}: {len(findings)} of its sums fail; cells kept as read, nothing derived"))
            return findings
        suspect = sorted({k for eq in failing for k in eq.left + eq.right if cells[k].source == "printed"})
        read = ", ".join(f"{'.'.join(k)}={cells[k].value:g}" for k in suspect)
        for k in suspect:
            cells[k] = ParsedCell(None, "missing")
        findings.append(Finding("table_unreliable", "error",
                                f"{table}: {len(findings)} of its sums fail across rows and columns, so its rows or "
                                f"columns were probably misread; the {len(suspect)} cell(s) of those sums are left "
                                f"null (read as {read}), nothing derived"))
        return findings
    for key, (lo, hi) in bounds.items():
        if lo == hi and cells[key].source not in KNOWN:
            cells[key] = ParsedCell(float(lo), "derived")
    return findings


def _cover(failing: list[Equation]) -> int:
    """How many cells, chosen greedily, are in every failing sum between them (a few typos break few)."""
    left = [set(eq.left + eq.right) for eq in failing]
    n = 0
    while left:
        count: dict = {}
        for keys in left:
            for k in keys:
                count[k] = count.get(k, 0) + 1
        best = max(sorted(count), key=count.get)
        left = [keys for keys in left if best not in keys]
        n += 1
    return n


def _one_line(failing: list[Equation]) -> bool:
    """True when one row or one column of the table is in every failing sum: the report's own arithmetic is
    off along that line (a 总计 row copied from another, last year's column), which a misreading that shifted
    rows or columns does not look like."""
    rows = cols = None
    for eq in failing:
        keys = eq.left + eq.right
        r, c = {k[0] for k in keys}, {k[1] for k in keys}
        rows = r if rows is None else rows & r
        cols = c if cols is None else cols & c
    return bool(rows) or bool(cols)


def glued_digits_hold(cells: dict[Key, ParsedCell], glued: dict[str, str],
                      org_sums: dict[str, float] | None = None, blanks: set[str] = frozenset()) -> list[Finding]:
    """A row printed as glued digits whose known cells (some pinned by the sums or the prose) are no
    reading of its digits, or a row of a table that merges the organisation columns whose five
    organisation cells, all pinned, do not add up to its printed 法人或其他组织 cell: the sums that
    pinned them are broken in this report, so every derived cell of the table goes back to unknown
    (in place). A number the print contradicts is never given. The rows in `blanks` were read with
    blank cells that printed nothing: their digits fill the other cells."""
    bad = []
    for code, digits in glued.items():
        fixed = {j: cells[(code, a)].value for j, a in enumerate(APPLICANT_CODES)
                 if (code, a) in cells and cells[(code, a)].source in KNOWN}
        if fixed and not agrees(digits, len(APPLICANT_CODES), fixed, blanks=code in blanks):
            bad.append(code)
    for code, printed in (org_sums or {}).items():
        orgs = [cells.get((code, a)) for a in APPLICANT_PARTS[1:]]
        if all(c is not None and c.source in KNOWN for c in orgs) and abs(sum(c.value for c in orgs) - printed) > 1e-9:
            bad.append(code)
    if not bad:
        return []
    derived = [k for k, c in cells.items() if c.source == "derived"]
    for k in derived:
        cells[k] = ParsedCell(None, "missing")
    return [Finding("glued_derived_contradicts_digits" if code in glued else "derived_contradicts_printed_sum",
                     "warning",
                     (f"table 3 row {code}: what the sums pin is no reading of its digits '{glued[code][:40]}'"
                      if code in glued else f"table 3 row {code}: the organisation cells the sums pin do not add "
                                            f"up to its printed 法人或其他组织 {org_sums[code]:g}")
                     + f"; the table's sums are broken, so its {len(derived)} derived cell(s) are left null")
            for code in bad]


def _propagate(cells, equations):
    """Narrow [lo, hi] for unknown cells; return the bounds, or the first equation that fails."""
    bounds: dict[Key, list[float]] = {}
    for eq in equations:
        for k in eq.left + eq.right:
            c = cells[k]
            bounds[k] = [c.value, c.value] if c.source in KNOWN else [0.0, math.inf]
    # Each equation's two sides with, for every key, the bounds of the other keys on its side
    # (built once: the sums below add the same numbers in the same order as a fresh list would).
    plan = []
    for eq in equations:
        for side, other in ((eq.left, eq.right), (eq.right, eq.left)):
            far = [bounds[x] for x in other]
            plan.append((eq, far, not set(side) & set(other),
                         [(bounds[k], [bounds[x] for x in side if x != k]) for k in side]))
    for _ in range(200):
        changed = False
        for eq, far, apart, near in plan:
            if apart:  # no key on both sides: the far side's sums stay put while this side narrows
                far_lo = sum([f[0] for f in far])
                far_hi = sum([f[1] for f in far])
            for b, others in near:
                if apart:
                    lo = far_lo - sum([o[1] for o in others])
                    hi = far_hi - sum([o[0] for o in others])
                else:
                    lo = sum([f[0] for f in far]) - sum([o[1] for o in others])
                    hi = sum([f[1] for f in far]) - sum([o[0] for o in others])
                if not math.isnan(lo) and lo > b[0] + 1e-9:
                    b[0], changed = lo, True
                if not math.isnan(hi) and hi < b[1] - 1e-9:
                    b[1], changed = hi, True
                if b[0] > b[1] + 1e-9:
                    return bounds, eq
        if not changed:
            break
    return bounds, None
