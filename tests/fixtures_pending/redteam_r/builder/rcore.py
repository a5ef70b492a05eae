"""redteam_r core: printed tables that break the identities, truth as printed, derived only where no printed
identity is broken and no two identities disagree, source_inconsistencies listed from the printed numbers."""
import copy
import itertools
from core import *  # noqa

ROWNAME = {c: (l0 or l2 or l1) for tpl in ("2019", "2021") for c, l0, l1, l2 in t3_rows(tpl)}
COLNAME = dict(zip(COLS, ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]))
CASENAME = {"admin_review": "行政复议", "litigation_direct": "未经复议直接起诉", "litigation_after_review": "复议后起诉"}


def idents(tpl, rows_present=None):
    """[(kind, label, [(coef, key)])]: sum coef*x = 0."""
    outs = outcome_codes(tpl)
    rows = ["new_received", "carried_over"] + outs + ["total_processed", "carried_forward"]
    out = []
    for r in rows:
        out.append(("row", r, [(1, f"table3.{r}.{c}") for c in PARTS] + [(-1, f"table3.{r}.total")]))
    for c in COLS:
        out.append(("col", c, [(1, f"table3.{o}.{c}") for o in outs] + [(-1, f"table3.total_processed.{c}")]))
        out.append(("bal", c, [(1, f"table3.new_received.{c}"), (1, f"table3.carried_over.{c}"),
                               (-1, f"table3.total_processed.{c}"), (-1, f"table3.carried_forward.{c}")]))
    for k in CASES:
        out.append(("t4", k, [(1, f"table4.{k}.{r}") for r in RES[:4]] + [(-1, f"table4.{k}.total")]))
    return out


def flat(t3, t4):
    d = {}
    for r, row in t3.items():
        for c, v in row.items():
            d[f"table3.{r}.{c}"] = v
    if t4:
        for k, row in t4.items():
            for r, v in row.items():
                d[f"table4.{k}.{r}"] = v
    return d


def describe(kind, lab, terms, val):
    v = lambda k: val[k]
    if kind == "row":
        parts = [v(k) for a, k in terms if a == 1]
        return (f"table3 row {ROWNAME[lab]} ({lab}): the six applicant cells {'+'.join(map(str, parts))}={sum(parts)} "
                f"but 总计 is printed {v(f'table3.{lab}.total')}")
    if kind == "col":
        s = sum(v(k) for a, k in terms if a == 1)
        return (f"table3 column {COLNAME[lab]} ({lab}): the outcome rows sum to {s} but （七）总计 is printed "
                f"{v(f'table3.total_processed.{lab}')}")
    if kind == "bal":
        n, co = v(f"table3.new_received.{lab}"), v(f"table3.carried_over.{lab}")
        tp, cf = v(f"table3.total_processed.{lab}"), v(f"table3.carried_forward.{lab}")
        return (f"table3 column {COLNAME[lab]} ({lab}): 新收 {n} + 上年结转 {co} = {n + co} but （七）总计 {tp} + "
                f"结转下年度 {cf} = {tp + cf}")
    parts = [v(k) for a, k in terms if a == 1]
    return (f"table4.{lab} ({CASENAME[lab]}): 维持/纠正/其他/未审结 {'+'.join(map(str, parts))}={sum(parts)} but 总计 is "
            f"printed {v(f'table4.{lab}.total')}")


def analyse(printed: dict, tpl, unknown_extra=(), never=()):
    """printed: key -> value or None. Returns (broken descriptions, derived, contested)."""
    ids = idents(tpl)
    ids = [i for i in ids if all(k in printed for _, k in i[2])]
    unknown0 = {k for k, v in printed.items() if v is None} | set(unknown_extra)
    known0 = {k: v for k, v in printed.items() if k not in unknown0}
    broken = [i for i in ids if all(k in known0 for _, k in i[2]) and sum(a * known0[k] for a, k in i[2]) != 0]
    good = [i for i in ids if i not in broken]
    contested = set(never)  # printed but unreadable cells: null, never derived
    revealed = set()
    lab_key = lambda kind, lab: (kind, lab)
    while True:
        val = dict(known0)
        unk = set(unknown0)
        derived = {}
        changed = True
        while changed:
            changed = False
            cand = {}
            for kind, lab, terms in good:
                u = [(a, k) for a, k in terms if k in unk]
                if not u:
                    continue
                rest = -sum(a * val[k] for a, k in terms if k not in unk)
                if any(k in contested for _, k in u):
                    if len(u) == 1:
                        continue
                    continue
                if len(u) == 1:
                    a, k = u[0]
                    v = rest // a if rest % a == 0 else None
                    if v is None or v < 0:
                        revealed.add(lab_key(kind, lab))
                    cand.setdefault(k, set()).add(v)
                elif all(a == u[0][0] for a, _ in u) and rest == 0:
                    for _, k in u:
                        cand.setdefault(k, set()).add(0)
            for k, vs in cand.items():
                vs = {v for v in vs if v is not None and v >= 0}  # a negative reading shows that identity is broken
                if len(vs) == 1:
                    val[k] = derived[k] = vs.pop()
                    unk.discard(k)
                    changed = True
                else:
                    contested.add(k)
        # a derived value must not break an identity that is now fully known
        bad = set()
        for kind, lab, terms in good:
            if (kind, lab) in revealed:
                continue
            if all(k in val for _, k in terms) and sum(a * val[k] for a, k in terms) != 0:
                bad |= {k for _, k in terms if k in derived}
        if not bad:
            return ([describe(*i, known0) for i in broken], dict(sorted(derived.items())), contested,
                    sorted(f"{a}:{b}" for a, b in revealed))
        contested |= bad


def splits(digits, n=7, maxlen=4):
    """All ways to cut a digit string into n non-negative integers without leading zeros."""
    out = []

    def rec(i, acc):
        if len(acc) == n:
            if i == len(digits):
                out.append(tuple(acc))
            return
        left = n - len(acc)
        for L in range(1, maxlen + 1):
            if i + L > len(digits) or len(digits) - (i + L) < left - 1:
                break
            s = digits[i:i + L]
            if len(s) > 1 and s[0] == "0":
                break
            rec(i + L, acc + [int(s)])
    rec(0, [])
    return out


def glued_readings(t3p, tpl, rows):
    """For glued table-3 rows (the others read unambiguously), the joint splits that satisfy as many identities as
    the printed reading does. Returns {row: {col: value or None}} (None: the readings disagree) and the count."""
    cands = {r: splits("".join(fmt(t3p[r][c]) for c in COLS)) for r in rows}
    ids = idents(tpl)
    base = flat(t3p, None)

    def score(assign):
        val = dict(base)
        for r, tup in assign.items():
            for c, v in zip(COLS, tup):
                val[f"table3.{r}.{c}"] = v
        return sum(1 for kind, lab, terms in ids if kind != "t4" and sum(a * val[k] for a, k in terms) == 0)
    printed = {r: tuple(t3p[r][c] for c in COLS) for r in rows}
    target = score(printed)
    best = []
    for combo in itertools.product(*[cands[r] for r in rows]):
        assign = dict(zip(rows, combo))
        s = score(assign)
        assert s <= target, ("a misreading explains the table better than the print", assign)
        if s == target:
            best.append(assign)
    res = {}
    for r in rows:
        res[r] = {}
        for i, c in enumerate(COLS):
            vals = {a[r][i] for a in best}
            res[r][c] = vals.pop() if len(vals) == 1 else None
    return res, len(best), {r: len(cands[r]) for r in rows}


def make_truth(meta, tpl, t2, t3p, t4p, blanks=(), t2_blanks=(), extra_incons=(), notes="", unreadable=None, extra=None):
    """t3p/t4p: the PRINTED numbers (after the source's mistakes). blanks: keys printed blank. unreadable: keys whose
    printed digits cannot be read (glued, several readings): null, treated as unknown, never derived."""
    blanks = set(blanks)
    unreadable = dict(unreadable or {})
    pr = flat(t3p, t4p)
    for k in blanks:
        pr[k] = None
    for k in unreadable:
        pr[k] = None
    broken, derived, contested, revealed = analyse(pr, tpl, never=set(unreadable))
    contested -= set(unreadable)
    tb3 = {r: {c: pr[f"table3.{r}.{c}"] for c in row} for r, row in t3p.items()}
    tb4 = {k: {r: pr[f"table4.{k}.{r}"] for r in row} for k, row in t4p.items()} if t4p is not None else None
    tb2 = {i: {m: (None if f"{i}.{m}" in t2_blanks else v) for m, v in row.items()} for i, row in t2.items()}
    d = dict(meta)
    d.update({"template": "2019" if tpl == "2019" else "2021", "table2": tb2, "table3": tb3, "table4": tb4,
              "derived": derived, "source_inconsistencies": list(extra_incons) + broken, "notes": notes})
    if contested:
        d["not_derived"] = sorted(contested)
    if revealed:
        d["identities_unusable"] = revealed
    if extra:
        d.update(extra)
    return d


def printed_copy(t):
    return copy.deepcopy(t)
