"""redteam_n: pdftotext -layout renderers (space-aligned columns, numbers right-aligned, blanks as spaces)."""
from core import *  # noqa
from render import dwidth, wrap_w
from lhelp import fullwidth, GOUJI

HDR_APPL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def line(items):
    """items: [(x, s, align)] align 'l' (x = left edge) or 'r' (x = right edge) or 'c' (x = centre)."""
    out = ""
    for x, s, a in sorted(((x if a == "l" else (x - dwidth(s) if a == "r" else x - dwidth(s) // 2)), s, a)
                          for x, s, a in items if s):
        gap = x - dwidth(out)
        out += " " * max(gap, 1 if out else 0) + s
    return out.rstrip()


def cell_text(v, code_col, fw=(), comma=()):
    s = fmt(v) if not isinstance(v, str) else v
    if s and code_col in comma:
        s = f"{int(s):,}"
    if s and code_col in fw:
        s = fullwidth(s)
    return s


class T3Layout:
    """2021/2019 table 3: A (三、本年度办理结果, narrow), B (group), C (sub-row); 7 right-aligned number columns."""

    def __init__(self, tpl, t3, blanks=(), fw=(), comma=(), xa=0, wa=4, xb=6, wb=10, xc=18, wc=22, xn=44, wn=10,
                 numline=0, rowgap=False):
        self.__dict__.update(locals())
        self.blanks = set(blanks)

    def rights(self):
        return [self.xn + self.wn * (i + 1) for i in range(7)]

    def header(self):
        R = self.rights(); W = self.wn
        cx = [r - W // 2 for r in R]
        g = wrap_w(GOUJI, self.xn - 2)
        L = [[(0, g[0], "l"), ((cx[0] + cx[6]) // 2, "申请人情况", "c")],
             [(0, g[1] if len(g) > 1 else "", "l"), (cx[0], "自然人", "c"), ((cx[1] + cx[5]) // 2, "法人或其他组织", "c"),
              (cx[6], "总计", "c")]]
        w1 = [wrap_w(h, W - 2) for h in HDR_APPL[1:6]]
        for li in range(max(len(x) for x in w1)):
            L.append([(0, g[li + 2], "l") if len(g) > li + 2 else (0, "", "l")] +
                     [(cx[i + 1], w[li] if li < len(w) else "", "c") for i, w in enumerate(w1)])
        return [line(x) for x in L]

    def body(self):
        """list of lines; also returns row start indices."""
        rows = t3_rows(self.tpl)
        nres = len(rows) - 3
        sizes = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3 if self.tpl == "2021" else 1}
        lines, starts = [], {}
        spanA, spanB = None, []  # (text, first line, last line)
        R = self.rights()
        grp = None
        for code, l0, l1, l2 in rows:
            nums = [(R[i], cell_text(None if f"table3.{code}.{c}" in self.blanks else self.t3[code][c], c,
                                     self.fw.get(code, ()) if isinstance(self.fw, dict) else self.fw,
                                     self.comma.get(code, ()) if isinstance(self.comma, dict) else ()), "r")
                    for i, c in enumerate(COLS)]
            if code in ("new_received", "carried_over", "carried_forward"):
                lab = wrap_w(l0, self.xn - 2); x = 0
            elif l1 and (l2 or sizes.get(l1, 1) > 1):
                grp = [l1, len(lines), None]; spanB.append(grp)
                lab = wrap_w(l2, self.wc); x = self.xc
            elif l1:
                lab = wrap_w(l1, self.xn - self.xb - 2); x = self.xb
            else:
                lab = wrap_w(l2, self.wc); x = self.xc
            if code == "granted":
                spanA = [l0, len(lines), None]
            starts[code] = len(lines)
            h = len(lab)
            nl = min(self.numline, h - 1)
            for li in range(h):
                items = [(x, lab[li], "l")]
                if li == nl:
                    items += nums
                lines.append(items)
            if self.rowgap:
                lines.append([])
            if grp and (l2 or l1) and code != "granted":
                grp[2] = len(lines) - 1
            if code == "total_processed":
                spanA[2] = len(lines) - 1
            if l1 and not l2 and sizes.get(l1, 1) == 1:
                grp = None
            if code == "carried_forward":
                pass
        # place vertical spans, centred
        for text, a, b, x, w in [(spanA[0], spanA[1], spanA[2], self.xa, self.wa)] + \
                [(t, a, b, self.xb, self.wb) for t, a, b in spanB]:
            ws = wrap_w(text, w)
            top = a + max(0, ((b - a + 1) - len(ws)) // 2)
            for i, s in enumerate(ws):
                k = top + i
                while k >= len(lines):
                    lines.append([])
                lines[k].append((x, s, "l"))
        self.starts = starts
        return [line(x) for x in lines]


def t4_layout(t4, x0=0, w=6, gap_group=2, blanks=(), fw=(), tot_line=0):
    R = []
    x = x0
    for g in range(3):
        for i in range(5):
            x += w
            R.append(x)
        x += gap_group
    cx = [r - w // 2 + 1 for r in R]
    top = ["结果", "结果", "其他", "尚未", "总计"]
    bot = ["维持", "纠正", "结果", "审结", ""]
    L = [line([((cx[0] + cx[4]) // 2, "行政复议", "c"), ((cx[5] + cx[14]) // 2, "行政诉讼", "c")]),
         line([((cx[5] + cx[9]) // 2, "未经复议直接起诉", "c"), ((cx[10] + cx[14]) // 2, "复议后起诉", "c")])]
    t_items, b_items = [], []
    for g in range(3):
        for i in range(5):
            k = g * 5 + i
            if i == 4 and tot_line == 1:
                b_items.append((cx[k], "总计", "c"))
            else:
                t_items.append((cx[k], top[i], "c"))
                b_items.append((cx[k], bot[i], "c"))
    L += [line(t_items), line(b_items)]
    vals = []
    for k, case in enumerate(CASES):
        for i, r in enumerate(RES):
            key = f"table4.{case}.{r}"
            s = "" if key in blanks else fmt(t4[case][r])
            if s and key in fw:
                s = fullwidth(s)
            vals.append((R[k * 5 + i], s, "r"))
    L.append(line(vals))
    return L


def t2_layout(tpl, t2, xl=12, rights=(40, 58, 76), blanks=(), fw=(), comma=(), single_right=None, label_centre=True):
    """Table 2 as one table: 第二十条第（X）项 spanning rows, header row per block, numbers right-aligned."""
    L = []
    mid = (xl + rights[-1]) // 2
    for head, hdr, items, metrics in t2_spec(tpl):
        L.append(line([(mid, head, "c")]))
        if len(hdr) == 4:
            L.append(line([(xl, hdr[0], "c")] + [(r - 6, h, "c") for r, h in zip(rights, hdr[1:])]))
        elif len(metrics) == 1:
            L.append(line([(xl, hdr[0], "c"), ((rights[0] + rights[-1]) // 2 - 6, hdr[1], "c")]))
        else:
            L.append(line([(xl, hdr[0], "c")] + [(r - 6, h, "c") for r, h in zip(rights, hdr[1:])]))
        for code, lab in items:
            items_ = [(xl, lab, "c")]
            for i, m in enumerate(metrics):
                key = f"{code}.{m}"
                v = t2[code][m]
                s = "" if (key in blanks or v is None) else fmt(v)
                if s and key in comma:
                    s = f"{int(s):,}"
                if s and key in fw:
                    s = fullwidth(s)
                r = rights[i] if len(metrics) > 1 else (single_right or rights[-1])
                items_.append((r, s, "r"))
            L.append(line(items_))
    return L
