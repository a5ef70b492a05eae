"""Random but arithmetically consistent truths, in the format of tests/fixtures/shapes/*.json.

Agencies at every level (province governments, 省XX厅, 市人民政府, 县/区人民政府, 区XX局, 镇人民政府,
街道办事处) across every province of the shipped gazetteer. Magnitudes are realistic: most cells are 0,
新收 is heavy-tailed and scales with the level. Every table identity holds. A few cells are printed blank
only where the identities pin them; their values are listed in `derived`.
"""

from __future__ import annotations

import csv
import math
import random
from collections import Counter
from functools import lru_cache
from pathlib import Path

from transforms.labels import APPLICANT_PARTS, OTHER_SPLIT, OUTCOME_CODES, RESULT_ROWS_COMMON

DIVISIONS = Path(__file__).resolve().parent.parent / "data" / "divisions.csv"

DEPARTMENTS = ["市场监督管理局", "自然资源局", "教育局", "卫生健康局", "人力资源和社会保障局", "住房和城乡建设局", "司法局",
               "财政局", "生态环境局", "交通运输局", "农业农村局", "民政局", "文化和旅游局", "应急管理局", "医疗保障局",
               "人民政府办公室", "发展和改革局", "公安局", "水利局", "退役军人事务局"]
PROVINCE_DEPTS = ["交通运输厅", "教育厅", "民政厅", "财政厅", "司法厅", "自然资源厅", "生态环境厅", "商务厅", "水利厅",
                  "农业农村厅", "文化和旅游厅", "人力资源和社会保障厅", "住房和城乡建设厅", "人民政府办公厅"]
MUNICIPAL_DEPTS = ["教育委员会", "交通委员会", "民政局", "财政局", "司法局", "生态环境局", "商务委员会", "水务局"]
TOWNS = ["城关镇", "新城街道", "东城街道", "西城街道", "南关街道", "北关街道", "和平街道", "解放街道", "新华街道", "长安镇",
         "永安镇", "太平镇", "龙泉镇", "青山镇", "白沙镇", "石桥镇", "马集镇", "黄庄镇", "李家镇", "红星乡", "双河乡",
         "柳林镇", "桥头镇", "大王庄乡", "清河街道"]
RESULT_WEIGHTS = {"granted": 40, "partially_granted": 8, "withheld_state_secret": 0.3, "withheld_prohibited_by_law": 0.8,
                  "withheld_three_safeties": 0.5, "withheld_third_party": 1.5, "withheld_internal_affairs": 1.2,
                  "withheld_process_info": 1.5, "withheld_enforcement_file": 0.6, "withheld_admin_query": 1.0,
                  "unavailable_not_held": 20, "unavailable_needs_creation": 3, "unavailable_unclear": 2,
                  "not_processed_petition": 3, "not_processed_duplicate": 2, "not_processed_publication": 0.6,
                  "not_processed_excessive": 0.6, "not_processed_confirmation": 0.5, "other": 5,
                  "other_no_correction": 3, "other_unpaid_fee": 0.3, "other_misc": 3}
APPLICANT_WEIGHTS = [80, 12, 1, 1, 2, 4]
SCALE = {"province": 400, "prefecture": 150, "county": 40, "township": 3, "department": 20}


@lru_cache(maxsize=1)
def _gazetteer():
    rows = list(csv.DictReader(DIVISIONS.open(encoding="utf-8")))
    by_code = {r["code"]: r for r in rows}
    names = Counter(r["name"] for r in rows)
    provinces = [r for r in rows if r["level"] == "province" and r["type"] != "特别行政区"]
    prefectures = [r for r in rows if r["level"] == "prefecture"]
    counties = [r for r in rows if r["level"] == "county"]
    return by_code, names, provinces, prefectures, counties


def _chain(code: str) -> list[dict]:
    by_code = _gazetteer()[0]
    out, r = [], by_code.get(code)
    while r is not None:
        out.append(r)
        r = by_code.get(r["parent_code"]) if r["parent_code"] else None
    return out[::-1]


def _region(chain: list[dict]) -> list:
    prov = chain[0]["name"]
    pref = next((r["name"] for r in chain if r["level"] == "prefecture"), None)
    county = next((r["name"] for r in chain if r["level"] == "county"), None)
    if county:
        return [prov, pref, county]
    return [prov, pref] if pref else [prov]


def pick_agency(rng: random.Random) -> tuple[str, list, str]:
    """(agency name, region [province, city, county, township], admin_level)."""
    _, names, provinces, prefectures, counties = _gazetteer()
    kind = rng.choices(["province", "province_dept", "prefecture", "prefecture_dept", "county", "county_dept",
                        "township"], weights=[3, 5, 10, 12, 25, 25, 20])[0]
    if kind.startswith("province"):
        p = rng.choice(provinces)
        if kind == "province":
            return p["name"] + "人民政府", [p["name"]], "province"
        dept = rng.choice(MUNICIPAL_DEPTS if p["type"] == "直辖市" else PROVINCE_DEPTS)
        return p["name"] + dept, [p["name"]], "department"
    if kind.startswith("prefecture"):
        r = rng.choice(prefectures)
        chain = _chain(r["code"])
        gov = r["name"] + ("行政公署" if r["type"] in ("地区", "盟") else "人民政府")
        if kind == "prefecture":
            return gov, _region(chain), "prefecture"
        return r["name"] + rng.choice(DEPARTMENTS), _region(chain), "department"
    r = rng.choice(counties)
    chain = _chain(r["code"])
    parent = chain[-2] if len(chain) > 1 else None
    prefix = ""
    if parent is not None and (names[r["name"]] > 1 or r["type"] == "市辖区" or rng.random() < 0.4):
        prefix = parent["name"]  # 绵阳市涪城区…, 上海市徐汇区…: needed when the county name is not unique
    base = prefix + r["name"]
    region = _region(chain)
    if kind == "county":
        return base + "人民政府", region, "county"
    if kind == "county_dept":
        return base + rng.choice(DEPARTMENTS), region, "department"
    town = rng.choice(TOWNS)
    name = base + town + ("办事处" if town.endswith("街道") else "人民政府")
    return name, region + [town], "township"


_GS_B = (math.e + 0.7) / math.e
_GS_INV = 1.0 / 0.7
_GS_AM1 = 0.7 - 1.0


def _gamma07(random) -> float:
    """random.Random.gammavariate(0.7, 1.0) inlined (CPython's algorithm GS, the same draws and floats;
    a test compares them): it is called about 40 times per report."""
    while True:
        p = _GS_B * random()
        if p <= 1.0:
            x = p ** _GS_INV
            if random() <= math.exp(-x):
                return x
        else:
            x = -math.log((_GS_B - p) / 0.7)
            if random() <= x ** _GS_AM1:
                return x


def _split(n: int, weights: list[float], rng: random.Random) -> list[int]:
    """n split into len(weights) non-negative parts, random around the weights (Dirichlet-like)."""
    if n == 0:
        return [0] * len(weights)
    draw = rng.random
    w = [x * _gamma07(draw) if x > 0 else 0.0 for x in weights]
    s = sum(w)
    if s == 0:
        w, s = list(weights), sum(weights)
    raw = [n * x / s for x in w]
    out = [int(x) for x in raw]
    rest = n - sum(out)
    if rest > 0:
        order = sorted(range(len(raw)), key=lambda i: raw[i] - out[i], reverse=True)
        for i in order[:rest]:
            out[i] += 1
    return out


def _heavy(rng: random.Random, scale: float, zero: float = 0.1) -> int:
    if rng.random() < zero:
        return 0
    return int(math.exp(rng.gauss(math.log(scale), 1.1)))


def _table3(rng: random.Random, level: str, split_other: bool, new_t: int | None = None,
            carried: list[int] | None = None) -> dict:
    """Table 3; `new_t` (新收 total) and `carried` (上年结转 per applicant part) are drawn unless given."""
    scale = SCALE[level]
    if new_t is None:
        new_t = _heavy(rng, scale, zero=0.12)
    if carried is None:
        carried_t = _heavy(rng, max(1.0, new_t * 0.06), zero=0.5) if new_t else 0
    new = _split(new_t, APPLICANT_WEIGHTS, rng)
    if carried is None:
        carried = _split(carried_t, APPLICANT_WEIGHTS, rng)
    results = [c for c in RESULT_ROWS_COMMON] + (OTHER_SPLIT if split_other else ["other"])
    active = {c: (rng.random() < 0.35 + 0.6 * (RESULT_WEIGHTS[c] >= 3)) for c in results}
    weights = [RESULT_WEIGHTS[c] if active[c] else 0 for c in results]
    if not any(weights):
        weights[0] = 1
    t3 = {c: {} for c in ["new_received", "carried_over"] + results + ["total_processed", "carried_forward"]}
    fwd_share = rng.choice([0, 0, 0.03, 0.08, 0.15])
    for j, a in enumerate(APPLICANT_PARTS):
        inflow = new[j] + carried[j]
        fwd = min(inflow, int(inflow * fwd_share * rng.uniform(0.0, 2.0) + rng.random()))
        parts = _split(inflow - fwd, weights, rng)
        t3["new_received"][a], t3["carried_over"][a] = new[j], carried[j]
        for c, v in zip(results, parts):
            t3[c][a] = v
        t3["total_processed"][a] = inflow - fwd
        t3["carried_forward"][a] = fwd
    for row in t3.values():
        row["total"] = sum(row.values())  # the rows hold APPLICANT_PARTS only at this point
    return t3


def _table4(rng: random.Random, level: str) -> dict:
    out = {}
    for case, scale in (("admin_review", 0.12), ("litigation_direct", 0.08), ("litigation_after_review", 0.05)):
        n = _heavy(rng, max(1.0, SCALE[level] * scale), zero=0.5)
        parts = _split(n, [6, 1, 2, 1.5], rng)
        out[case] = dict(zip(["upheld", "corrected", "other", "pending"], parts), total=n)
    return out


def _table2(rng: random.Random, level: str, template: str) -> dict:
    s = SCALE[level]

    def dec():
        return _heavy(rng, s * 30, zero=0.3)

    money = round(math.exp(rng.gauss(math.log(s * 20), 1.3)), rng.choice([0, 1, 2])) if rng.random() < 0.7 else 0
    if template == "2019":
        nd = _heavy(rng, max(1, s / 20), zero=0.4)
        t2 = {"rules": {"new_made": 0, "new_published": 0, "total_published": 0},
              "normative_documents": {"new_made": nd, "new_published": nd, "total_published": nd + _heavy(rng, s / 4, 0.2)}}
        if level == "province":
            r = _heavy(rng, 3, 0.3)
            t2["rules"] = {"new_made": r, "new_published": r, "total_published": r + _heavy(rng, 40, 0.1)}
        for item in ("admin_licensing", "other_admin_services", "admin_penalty", "admin_coercion"):
            prev = _heavy(rng, s, zero=0.3)
            t2[item] = {"prev_year_items": prev, "change": rng.choice([0, 0, 0, rng.randint(-min(prev, 20), 20)]),
                        "decisions": dec()}
        prev = _heavy(rng, 3, zero=0.5)
        t2["admin_fees"] = {"prev_year_items": prev, "change": rng.choice([0, 0, -min(prev, 1), 1])}
        t2["centralized_procurement"] = {"procurement_items": _heavy(rng, s / 2, zero=0.3),
                                         "procurement_amount_wan_yuan": float(money)}
        if not t2["centralized_procurement"]["procurement_items"]:
            t2["centralized_procurement"]["procurement_amount_wan_yuan"] = 0.0
        return t2
    issued = _heavy(rng, max(1, s / 20), zero=0.4)
    t2 = {"rules": {"issued": 0, "repealed": 0, "in_force": 0},
          "normative_documents": {"issued": issued, "repealed": _heavy(rng, 1, 0.6),
                                  "in_force": issued + _heavy(rng, s / 4, 0.2)}}
    if level == "province":
        r = _heavy(rng, 3, 0.3)
        t2["rules"] = {"issued": r, "repealed": _heavy(rng, 1, 0.5), "in_force": r + _heavy(rng, 40, 0.1)}
    for item in ("admin_licensing", "admin_penalty", "admin_coercion"):
        t2[item] = {"decisions": dec()}
    t2["admin_fees"] = {"fee_amount_wan_yuan": float(money) if rng.random() < 0.5 else 0.0}
    return t2


# ---------------------------------------------------------------- blanks pinned by the identities

def identities(t3: dict, t4: dict) -> list[tuple[list[str], list[str]]]:
    """(left keys, right keys) with sum(left) == sum(right)."""
    ids = []
    for c, row in t3.items():
        ids.append(([f"table3.{c}.{a}" for a in APPLICANT_PARTS], [f"table3.{c}.total"]))
    results = [c for c in t3 if c not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    for a in APPLICANT_PARTS + ["total"]:
        ids.append(([f"table3.{c}.{a}" for c in results], [f"table3.total_processed.{a}"]))
        ids.append(([f"table3.new_received.{a}", f"table3.carried_over.{a}"],
                    [f"table3.total_processed.{a}", f"table3.carried_forward.{a}"]))
    for case in t4:
        ids.append(([f"table4.{case}.{r}" for r in ("upheld", "corrected", "other", "pending")], [f"table4.{case}.total"]))
    return ids


def pinned(known: dict, unknown: set, ids) -> dict:
    """Values the identities fix for `unknown` keys, given `known` (README rule: one unknown fixes it;
    unknowns that must sum to 0 are all 0)."""
    known, unknown, fixed = dict(known), set(unknown), {}
    changed = True
    while changed and unknown:
        changed = False
        for left, right in ids:
            ul = [k for k in left if k in unknown]
            ur = [k for k in right if k in unknown]
            if not ul and not ur:
                continue
            diff = sum(known[k] for k in right if k not in unknown) - sum(known[k] for k in left if k not in unknown)
            if len(ul) + len(ur) == 1:
                k = (ul + ur)[0]
                v = diff if ul else -diff
            elif not ur and diff == 0:
                v = 0
                for k in ul:
                    known[k], fixed[k] = 0, 0
                    unknown.discard(k)
                changed = True
                continue
            elif not ul and diff == 0:
                for k in ur:
                    known[k], fixed[k] = 0, 0
                    unknown.discard(k)
                changed = True
                continue
            else:
                continue
            known[k], fixed[k] = v, v
            unknown.discard(k)
            changed = True
    return fixed


def _blank_some(truth: dict, rng: random.Random) -> None:
    t3, t4 = truth["table3"], truth["table4"]
    cells = {f"table3.{c}.{a}": v for c, row in t3.items() for a, v in row.items()}
    cells.update({f"table4.{c}.{r}": v for c, row in t4.items() for r, v in row.items()})
    mode = rng.choice(["zeros", "zero_row", "one_total"])
    if mode == "zero_row":
        rows = [c for c, row in t3.items() if row["total"] == 0 and c not in ("total_processed",)]
        cand = [f"table3.{rng.choice(rows)}.{a}" for a in APPLICANT_PARTS + ["total"]] if rows else []
    elif mode == "one_total":
        cand = [rng.choice([k for k in cells if k.endswith(".total")])]
    else:
        zeros = [k for k, v in cells.items() if v == 0]
        cand = rng.sample(zeros, k=min(len(zeros), rng.randint(1, 6)))
    if not cand:
        return
    unknown = set(cand)
    known = {k: v for k, v in cells.items() if k not in unknown}
    fixed = pinned(known, unknown, identities(t3, t4))
    for k in cand:
        if k in fixed and fixed[k] == cells[k]:
            _, row, col = k.split(".")
            truth[k.split(".")[0]][row][col] = None
            truth["derived"][k] = cells[k]


def _report(rng: random.Random, year: int, agency: str, region: list, level: str, notes: str,
            new_t: int | None = None, carried: list[int] | None = None) -> dict:
    template = "2021" if year >= 2021 else "2019"
    split_other = template == "2021" and rng.random() < 0.9
    t3 = _table3(rng, level, split_other, new_t, carried)
    truth = {
        "agency": agency, "region": region, "year": year, "admin_level": level, "template": template,
        "script": "simplified", "table_shape": None, "sections_present": [1, 2, 3, 4, 5, 6],
        "table2": _table2(rng, level, template), "table3": t3, "table4": _table4(rng, level),
        "derived": {}, "source_inconsistencies": [],
        "narrative": {},
        "published_date": f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(10, 28):02d}",
        "notes": notes,
    }
    if rng.random() < 0.7:
        truth["narrative"]["applications_received"] = t3["new_received"]["total"]
        truth["narrative"]["applications_carried_over"] = t3["carried_over"]["total"]
    if rng.random() < 0.6:
        truth["narrative"]["active_disclosure_items"] = _heavy(rng, SCALE[level] * 30, zero=0)
    return truth


def generate(n: int, seed: int, years=range(2019, 2025)):
    """n truths of independent reports, deterministic for `seed`."""
    rng = random.Random(seed)
    years = list(years)
    for i in range(n):
        year = rng.choice(years)
        agency, region, level = pick_agency(rng)
        truth = _report(rng, year, agency, region, level, f"synthetic report {i} (seed {seed})")
        if rng.random() < 0.3:
            _blank_some(truth, rng)
        yield truth


def generate_panel(n: int, seed: int, years=range(2019, 2025), breaks: float = 0.06):
    """n truths of agencies followed over consecutive report years (a panel), deterministic for `seed`.

    Each agency (distinct names, every level, from the gazetteer) reports in all the years or all but one
    (a run of consecutive years of `years`); its 新收 drifts from year to year (a log-normal random walk
    around its own scale) and its 上年结转 is the previous year's 结转下年度, applicant part by part, except
    in a few continuity breaks (a share `breaks` of the agency-year pairs, at least one when there is a
    pair and breaks > 0) where 上年结转 is restated by a small amount. Every report's own identities hold.
    The truth's `panel` entry names the agency's index and, for a break, both printed totals.
    Yields in year order, agencies in a fixed order within a year.
    """
    rng = random.Random(f"panel:{seed}")
    years = sorted(set(years))
    if not years:
        return
    plan: list[tuple[str, list, str, list[int], float]] = []  # agency, region, level, years, scale
    names: set[str] = set()
    total = 0
    while total < n:
        span = len(years) if len(years) < 3 or rng.random() < 0.5 else len(years) - 1
        start = rng.randint(0, len(years) - span)
        ys = years[start:start + span][: n - total]
        for _ in range(1000):
            agency, region, level = pick_agency(rng)
            if agency not in names:
                break
        else:
            raise ValueError(f"generate_panel: cannot find {len(names) + 1} distinct agency names")
        names.add(agency)
        plan.append((agency, region, level, ys, float(_heavy(rng, SCALE[level], zero=0.05))))
        total += len(ys)
    pairs = [(k, y) for k, (_, _, _, ys, _) in enumerate(plan) for y in ys[1:] if y - 1 in ys]
    n_breaks = min(len(pairs), max(1 if pairs and breaks > 0 else 0, round(breaks * len(pairs))))
    broken = set(rng.sample(pairs, n_breaks)) if n_breaks else set()
    scale = [p[4] for p in plan]
    carried_forward: dict[int, list[int]] = {}
    for y in years:
        for k, (agency, region, level, ys, _) in enumerate(plan):
            if y not in ys:
                continue
            new_t = 0 if scale[k] == 0 else int(round(scale[k] * math.exp(rng.gauss(0.0, 0.2))))
            scale[k] *= math.exp(rng.gauss(0.03, 0.15))
            prev = carried_forward.get(k) if y - 1 in ys else None
            carried = list(prev) if prev is not None else None
            note = f"synthetic panel report: agency {k}, {y} (seed {seed})"
            panel = {"agency": k, "continuity_break": None}
            if carried is not None and (k, y) in broken:
                delta = rng.randint(1, max(2, sum(carried) // 5 + 1))
                if carried[0] >= delta and rng.random() < 0.5:
                    delta = -delta
                carried[0] += delta
                panel["continuity_break"] = {"carried_over": sum(carried), "prev_carried_forward": sum(prev)}
                note += f"; continuity break: 上年结转 {sum(carried)} ≠ {y - 1} 结转下年度 {sum(prev)}"
            truth = _report(rng, y, agency, region, level, note, new_t=new_t, carried=carried)
            truth["panel"] = panel
            carried_forward[k] = [truth["table3"]["carried_forward"][a] for a in APPLICANT_PARTS]
            if rng.random() < 0.3:
                _blank_some(truth, rng)
            yield truth
