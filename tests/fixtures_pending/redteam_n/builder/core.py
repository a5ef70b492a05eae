"""redteam_l builder core (copied from redteam_k, which copied redteam_j; adds tpl "2021s" = 2021 form with one （六） row): consistent data, canonical grids, truth with blanks + derived (own solver)."""
from __future__ import annotations
import itertools, json, random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent
COLS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
        "legal_service_org", "other_org", "total"]
PARTS = COLS[:6]
RES = ["upheld", "corrected", "other", "pending", "total"]
CASES = ["admin_review", "litigation_direct", "litigation_after_review"]

WITHHELD = [("withheld_state_secret", "1.属于国家秘密"), ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("withheld_three_safeties", "3.危及“三安全一稳定”"), ("withheld_third_party", "4.保护第三方合法权益"),
            ("withheld_internal_affairs", "5.属于三类内部事务信息"), ("withheld_process_info", "6.属于四类过程性信息"),
            ("withheld_enforcement_file", "7.属于行政执法案卷"), ("withheld_admin_query", "8.属于行政查询事项")]
UNAV = [("unavailable_not_held", "1.本机关不掌握相关政府信息"), ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_unclear", "3.补正后申请内容仍不明确")]
NOTP = [("not_processed_petition", "1.信访举报投诉类申请"), ("not_processed_duplicate", "2.重复申请"),
        ("not_processed_publication", "3.要求提供公开出版物"), ("not_processed_excessive", "4.无正当理由大量反复申请"),
        ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息")]
OTHER21 = [("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
           ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
           ("other_misc", "3.其他")]
G_PART = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"


def t3_rows(tpl):
    """[(code, l0, l1, l2)] canonical 3-label-column form (group labels on the group's first row only)."""
    r = [("new_received", "一、本年新收政府信息公开申请数量", "", ""),
         ("carried_over", "二、上年结转政府信息公开申请数量", "", ""),
         ("granted", "三、本年度办理结果", "（一）予以公开", ""),
         ("partially_granted", "", G_PART, "")]
    for grp, items in (("（三）不予公开", WITHHELD), ("（四）无法提供", UNAV), ("（五）不予处理", NOTP)):
        for i, (c, lab) in enumerate(items):
            r.append((c, "", grp if i == 0 else "", lab))
    if tpl == "2021":
        for i, (c, lab) in enumerate(OTHER21):
            r.append((c, "", "（六）其他处理" if i == 0 else "", lab))
    else:
        r.append(("other", "", "（六）其他处理", ""))
    r.append(("total_processed", "", "（七）总计", ""))
    r.append(("carried_forward", "四、结转下年度继续办理", "", ""))
    return r


def outcome_codes(tpl):
    return [c for c, *_ in t3_rows(tpl)][2:-2]


T2_2021 = [("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            [("rules", "规章"), ("normative_documents", "行政规范性文件")], ["issued", "repealed", "in_force"]),
           ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("admin_licensing", "行政许可")], ["decisions"]),
           ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
            [("admin_penalty", "行政处罚"), ("admin_coercion", "行政强制")], ["decisions"]),
           ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("admin_fees", "行政事业性收费")],
            ["fee_amount_wan_yuan"])]
T2_2019 = [("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            [("rules", "规章"), ("normative_documents", "规范性文件")], ["new_made", "new_published", "total_published"]),
           ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            [("admin_licensing", "行政许可"), ("other_admin_services", "其他对外管理服务事项")],
            ["prev_year_items", "change", "decisions"]),
           ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            [("admin_penalty", "行政处罚"), ("admin_coercion", "行政强制")], ["prev_year_items", "change", "decisions"]),
           ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"], [("admin_fees", "行政事业性收费")],
            ["prev_year_items", "change"]),
           ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额"], [("centralized_procurement", "政府集中采购")],
            ["procurement_items", "procurement_amount_wan_yuan"])]


def t2_spec(tpl):
    return T2_2019 if tpl == "2019" else T2_2021


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, float):
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        return s
    return str(v)


def gen_t3(seed, tpl, scale=1.0, orgs=True, carry=True):
    """Consistent table 3: random outcome counts per applicant column."""
    rnd = random.Random(seed)
    outs = outcome_codes(tpl)
    weight = {"granted": 6, "partially_granted": 2, "unavailable_not_held": 4, "withheld_process_info": 1,
              "withheld_third_party": 1, "withheld_internal_affairs": 1, "unavailable_unclear": 1.5,
              "not_processed_petition": 1, "not_processed_duplicate": 1, "withheld_admin_query": 0.6,
              "other": 1, "other_misc": 1, "other_no_correction": 0.8, "unavailable_needs_creation": 0.6,
              "withheld_enforcement_file": 0.4, "not_processed_confirmation": 0.4, "withheld_state_secret": 0.15,
              "withheld_prohibited_by_law": 0.3, "other_unpaid_fee": 0.1, "not_processed_publication": 0.3,
              "not_processed_excessive": 0.2, "withheld_three_safeties": 0.2}
    colsize = {"natural_person": 30 * scale, "commercial_enterprise": 6 * scale, "research_institution": 0.3 * scale,
               "social_welfare_org": 0.4 * scale, "legal_service_org": 2 * scale, "other_org": 1.2 * scale}
    if not orgs:
        colsize.update(research_institution=0, social_welfare_org=0, other_org=0)
    t = {c: {} for c in ["new_received", "carried_over"] + outs + ["total_processed", "carried_forward"]}
    for col in PARTS:
        n = colsize[col]
        for o in outs:
            lam = n * weight.get(o, 0.3) / 22
            k = 0
            if lam > 0:
                # poisson-ish
                k = sum(1 for _ in range(int(lam * 3) + 1) if rnd.random() < lam / (int(lam * 3) + 1))
            t[o][col] = k
        tp = sum(t[o][col] for o in outs)
        co = rnd.choice([0, 0, 1, 2]) if carry and n >= 2 else 0
        cf = rnd.choice([0, 0, 1, 3]) if carry and n >= 2 else 0
        cf = min(cf, tp + co)
        t["total_processed"][col] = tp
        t["carried_over"][col] = co
        t["carried_forward"][col] = cf
        t["new_received"][col] = tp + cf - co
        if t["new_received"][col] < 0:
            t["carried_over"][col] += t["new_received"][col]
            t["new_received"][col] = 0
    for r in t:
        t[r]["total"] = sum(t[r][c] for c in PARTS)
    check_t3(t, tpl)
    return t


def check_t3(t, tpl):
    outs = outcome_codes(tpl)
    for r, row in t.items():
        assert row["total"] == sum(row[c] for c in PARTS), r
    for c in COLS:
        assert t["total_processed"][c] == sum(t[o][c] for o in outs), c
        assert t["new_received"][c] + t["carried_over"][c] == t["total_processed"][c] + t["carried_forward"][c], c
        for r in t:
            assert t[r][c] >= 0


def mk_t4(rows):
    """rows: {case: (upheld, corrected, other, pending)}"""
    t = {}
    for c in CASES:
        u, co, o, p = rows.get(c, (0, 0, 0, 0))
        t[c] = {"upheld": u, "corrected": co, "other": o, "pending": p, "total": u + co + o + p}
    return t


# ---------------------------------------------------------------- solver
def equations(tpl, has_t4=True):
    outs = outcome_codes(tpl)
    eqs = []  # list of ([(coef, key)], const) meaning sum coef*x = const
    rows = ["new_received", "carried_over"] + outs + ["total_processed", "carried_forward"]
    for r in rows:
        eqs.append(([(1, f"table3.{r}.{c}") for c in PARTS] + [(-1, f"table3.{r}.total")], 0))
    for c in COLS:
        eqs.append(([(1, f"table3.{o}.{c}") for o in outs] + [(-1, f"table3.total_processed.{c}")], 0))
        eqs.append(([(1, f"table3.new_received.{c}"), (1, f"table3.carried_over.{c}"),
                     (-1, f"table3.total_processed.{c}"), (-1, f"table3.carried_forward.{c}")], 0))
    if has_t4:
        for k in CASES:
            eqs.append(([(1, f"table4.{k}.{r}") for r in RES[:4]] + [(-1, f"table4.{k}.total")], 0))
    return eqs


def solve(known: dict, unknown: set, tpl, extra_eqs=(), big_ok=False, known_full=None):
    """Propagation + zero-sum rule + brute force on leftovers. Returns {key: value} for pinned unknowns."""
    eqs = equations(tpl) + list(extra_eqs)
    val = dict(known)
    unk = set(unknown)
    pinned = {}
    changed = True
    while changed:
        changed = False
        for terms, const in eqs:
            u = [(a, k) for a, k in terms if k in unk]
            if not u:
                continue
            rest = const - sum(a * val[k] for a, k in terms if k not in unk)
            if len(u) == 1:
                a, k = u[0]
                v = rest // a
                assert v * a == rest and v >= 0, (k, v)
                val[k] = v; pinned[k] = v; unk.discard(k); changed = True
            elif all(a == u[0][0] for a, _ in u) and rest == 0:
                for _, k in u:
                    val[k] = 0; pinned[k] = 0; unk.discard(k)
                changed = True
    if unk:
        lst = sorted(unk)
        if len(lst) > 8 and big_ok:  # caller has argued the leftovers are not pinned (column symmetry)
            return pinned, lst, None
        truthv = {k: known_full[k] for k in lst} if known_full else None
        assert truthv is not None, lst
        # for each leftover, look for a second non-negative solution (box of +-4 around the truth) differing in it
        rel = [(t, c) for t, c in eqs if any(k in unk for _, k in t)]
        free = []
        for k in lst:
            found = False
            for combo in itertools.product(range(-4, 5), repeat=len(lst)):
                vv = dict(val)
                vv.update({x: truthv[x] + d for x, d in zip(lst, combo)})
                if any(vv[x] < 0 for x in lst) or vv[k] == truthv[k]:
                    continue
                if all(sum(a * vv[q] for a, q in t) == c for t, c in rel):
                    found = True
                    break
            if found:
                free.append(k)
            else:
                raise AssertionError(f"leftover {k} may be pinned; check by hand")
        return pinned, free, None
    return pinned, [], 1


def truth(meta: dict, tpl, t2, t3, t4, blanks=(), t2_blanks=(), notes="", extra=None, extra_eqs=(), big_ok=False):
    """blanks: keys 'table3.row.col' / 'table4.case.res' printed blank (null).  t2_blanks: 'item.metric'."""
    blanks = set(blanks)
    tb3 = {r: {c: (None if f"table3.{r}.{c}" in blanks else v) for c, v in row.items()} for r, row in t3.items()}
    tb4 = {k: {r: (None if f"table4.{k}.{r}" in blanks else v) for r, v in row.items()} for k, row in t4.items()}
    tb2 = {i: {m: (None if f"{i}.{m}" in t2_blanks else v) for m, v in row.items()} for i, row in t2.items()}
    known = {}
    for r, row in t3.items():
        for c, v in row.items():
            known[f"table3.{r}.{c}"] = v
    for k, row in t4.items():
        for r, v in row.items():
            known[f"table4.{k}.{r}"] = v
    for b in blanks:
        known.pop(b)
    full = dict(known)
    for b in blanks:
        _, a, c = b.split(".")
        full[b] = (t3 if b.startswith("table3") else t4)[a][c]
    pinned, free, nsol = solve(known, blanks, tpl, extra_eqs, big_ok, full)
    # sanity: pinned equals true values
    for k, v in pinned.items():
        full = t3 if k.startswith("table3") else t4
        _, a, b = k.split(".")
        assert full[a][b] == v, (k, v, full[a][b])
    d = dict(meta)
    d.update({"template": "2019" if tpl == "2019" else "2021", "table2": tb2, "table3": tb3, "table4": tb4,
              "derived": dict(sorted(pinned.items())), "source_inconsistencies": [], "notes": notes})
    if free:
        d["not_pinned"] = free
    if extra:
        d.update(extra)
    return d


META_KEYS = ["agency", "region", "year", "admin_level", "template", "script", "table_shape", "sections_present",
             "published_date"]


def write(name, ext, text, tr, encoding="utf-8", newline=None):
    p = OUT / f"{name}.{ext}"
    data = text.encode(encoding) if isinstance(text, str) else text
    p.write_bytes(data)
    order = {k: i for i, k in enumerate(META_KEYS + ["table2", "table3", "table4", "derived",
                                                      "source_inconsistencies", "notes"])}
    tr = dict(sorted(tr.items(), key=lambda kv: order.get(kv[0], 99)))
    (OUT / f"{name}.json").write_text(json.dumps(tr, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {p.name} ({len(data)} B), derived={len(tr['derived'])}")


# ---------------------------------------------------------------- canonical grids (list of rows of str cells)
def t2_grid(tpl, t2, blank="", blanks=()):
    g = []
    for head, hdr, items, metrics in t2_spec(tpl):
        g.append([head] + [""] * (len(hdr) - 1))
        g.append(list(hdr))
        for code, lab in items:
            g.append([lab] + [blank if f"{code}.{m}" in blanks else fmt(t2[code].get(m)) for m in metrics])
    return g


T3_HDR = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况", "", "", "", "", "", ""],
          ["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
          ["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]


def t3_grid(tpl, t3, blank="", blanks=()):
    g = [list(r) for r in T3_HDR]
    for code, l0, l1, l2 in t3_rows(tpl):
        g.append([l0, l1, l2] + [blank if f"table3.{code}.{c}" in blanks else fmt(t3[code][c]) for c in COLS])
    return g


T4_HDR = [["行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", ""],
          ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
          ["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]]


def t4_vals(t4, blank="", blanks=()):
    return [blank if f"table4.{k}.{r}" in blanks else fmt(t4[k][r]) for k in CASES for r in RES]


def t4_grid(t4, blank="", blanks=()):
    return [list(r) for r in T4_HDR] + [t4_vals(t4, blank, blanks)]


def tsv(grid):
    return "\n".join("\t".join(r) for r in grid)
