"""redteam_z grids: the official tables plus the aggregate rows/columns local offices add (小计, 合计, 本年办结, 办结率,
法人或其他组织小计, 行政诉讼合计). The added sums are printed but are not form cells."""
import html as H
from core import *  # noqa

ORG = PARTS[1:6]
GROUPS = {"（三）不予公开": [c for c, _ in WITHHELD], "（四）无法提供": [c for c, _ in UNAV],
          "（五）不予处理": [c for c, _ in NOTP], "（六）其他处理": [c for c, _ in OTHER21]}


def colsum(t3, codes):
    return {c: sum(t3[k][c] for k in codes) for c in COLS}


def rowvals(vals, orgsub):
    v = [fmt(vals[c]) for c in COLS]
    if orgsub:
        s = fmt(sum(vals[c] for c in ORG))
        v.insert(6 if orgsub == "before_total" else 1, s)
    return v


def t3_header(orgsub, orgsub_label="小计"):
    h = [list(r) for r in T3_HDR]
    if orgsub == "before_total":
        h[0].insert(9, ""); h[1].insert(9, ""); h[2].insert(9, orgsub_label)
    elif orgsub == "before_orgs":  # a column of its own, left of the five, under 申请人情况
        h[0].insert(4, ""); h[1].insert(4, orgsub_label); h[2].insert(4, "")
    return h


def t3_grid_z(tpl, t3, sub=None, groups=(), orgsub=None, orgsub_label="小计", extra=()):
    """sub: None | 'after' | 'before' | 'parent' | 'after_l1' (label '（三）不予公开小计' in the group column).
    extra: [(position, label_cells, values)] with position a row code: inserted AFTER that code's row
    ('-' + code: before it)."""
    g = t3_header(orgsub, orgsub_label)
    rows = t3_rows(tpl)
    out = []
    i = 0
    while i < len(rows):
        code, l0, l1, l2 = rows[i]
        grp = l1 if l1 in GROUPS and l1 in groups and (tpl == "2021" or l1 != "（六）其他处理") else None
        if grp:
            codes = GROUPS[grp]
            sub_rows = rows[i:i + len(codes)]
            s = rowvals(colsum(t3, codes), orgsub)
            body = [[c, a, b, d] for c, a, b, d in sub_rows]
            if sub == "after":
                body.append(["", "", "", "小计"] + [None] + s)
            elif sub == "after_l1":
                body.append(["", "", grp + "小计", ""] + [None] + s)
            elif sub == "before":
                body[0][2] = ""
                body.insert(0, ["", body[0][1], grp, "小计", None] + s)
                body[1][1] = ""
            elif sub == "parent":
                body[0][2] = ""
                body.insert(0, ["", body[0][1], grp, "", None] + s)
                body[1][1] = ""
            for r in body:
                if r[0]:
                    out.append((r[0], [r[1], r[2], r[3]] + rowvals(t3[r[0]], orgsub)))
                else:
                    out.append(("", r[1:4] + r[5:]))
            i += len(codes)
            continue
        out.append((code, [l0, l1, l2] + rowvals(t3[code], orgsub)))
        i += 1
    for pos, labs, vals in extra:
        before = pos.startswith("-")
        p = pos.lstrip("-")
        k = [j for j, (c, _) in enumerate(out) if c == p][0]
        out.insert(k if before else k + 1, ("", list(labs) + list(vals)))
    return g + [r for _, r in out]


def banjie(t3, tpl, orgsub=None):
    return rowvals(t3["total_processed"], orgsub)


def rate(t3, orgsub=None, nd=1, zero="—"):
    def one(tp, den):
        return f"{100 * tp / den:.{nd}f}%" if den else zero
    cols = list(COLS)
    vals = [one(t3["total_processed"][c], t3["new_received"][c] + t3["carried_over"][c]) for c in COLS]
    if orgsub:
        tp = sum(t3["total_processed"][c] for c in ORG)
        den = sum(t3["new_received"][c] + t3["carried_over"][c] for c in ORG)
        vals.insert(6 if orgsub == "before_total" else 1, one(tp, den))
    return vals


def t4_grid_z(t4, litsum=False, total_col=False, total_label="合计"):
    g = [list(r) for r in T4_HDR] + [t4_vals(t4)]
    if litsum:
        g[0] += [""] * 5
        g[1] += ["行政诉讼合计", "", "", "", ""]
        g[2] += ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
        g[3] += [fmt(t4["litigation_direct"][r] + t4["litigation_after_review"][r]) for r in RES]
    if total_col:
        g[0].append(total_label); g[1].append(""); g[2].append("")
        g[3].append(fmt(sum(t4[k]["total"] for k in CASES)))
    return g


def t2_grid_z(tpl, t2, bottom=None, subtotals=False, after_coercion=None):
    """bottom: label of a row at the bottom holding the sum of the 处理决定 counts (2021: 许可+处罚+强制; 2019: the
    four 处理决定数量). subtotals (2019): a 小计 row after each of the (五) and (六) groups.
    after_coercion: label of a 合计 row right after 行政强制 (2021)."""
    g = t2_grid(tpl, t2)
    out = []
    for r in g:
        out.append(r)
        if subtotals and r[0] in ("其他对外管理服务事项", "行政强制"):
            codes = ["admin_licensing", "other_admin_services"] if r[0] != "行政强制" else ["admin_penalty", "admin_coercion"]
            out.append(["小计"] + [fmt(sum(t2[c][m] for c in codes)) for m in ["prev_year_items", "change", "decisions"]])
        if after_coercion and r[0] == "行政强制":
            out.append([after_coercion, fmt(t2["admin_penalty"]["decisions"] + t2["admin_coercion"]["decisions"])])
    if bottom:
        codes = (["admin_licensing", "admin_penalty", "admin_coercion"] if tpl != "2019" else
                 ["admin_licensing", "other_admin_services", "admin_penalty", "admin_coercion"])
        s = fmt(sum(t2[c]["decisions"] for c in codes))
        out.append([bottom, s] if tpl != "2019" else [bottom, "", "", s])
    return out


def grid_html(grid, attrs=' border="1" cellspacing="0" cellpadding="0"', th_rows=0):
    """Every grid position a cell of its own (a converter that unmerges spans), first th_rows rows as <th>."""
    out = [f"<table{attrs}>", "<tbody>"]
    for i, r in enumerate(grid):
        tag = "th" if i < th_rows else "td"
        out.append("<tr>" + "".join(f"<{tag}>{H.escape(c, quote=False) if c else '&nbsp;'}</{tag}>" for c in r)
                   + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)
