"""redteam_aa PDF engine: lays a report (kprose blocks + span tables) out on A4 pages as a display list, then draws it
with reportlab (needs reportlab 4 and Pillow, e.g. /tmp/aa_venv) the way other producers draw their PDFs.

Options (all off by default):
  border   'stroke' | 'rect' (thin filled rectangles, Word export) | 'dashed' | 'double' | 'shade' (alternate row
           fills, no rules) | 'none' (whitespace-aligned columns, no rules)
  perchar  every character its own text object (BT..ET), prose lines justified by spreading the characters
  tc       prose lines justified with char spacing (Tc) in one text object per line; title letter-spaced
  tounicode  {char: code point} written into the font's ToUnicode CMap (glyph is drawn right, text layer is wrong)
  watermark  (text, copies) rotated grey text drawn OVER the page content on pages that hold a table
  seal     agency text: a red seal image (PNG with alpha) drawn over the sign-off
  running  (header text, True): header line on each page, footer 第 N 页 共 M 页
  twocol   prose in two columns (tables full width, each table on a new page)
  numright numbers in table cells right-aligned against the cell's right edge
  scan     (dpi, ocr_map): every page is an image (rendered with Pillow) plus an invisible text layer (render mode 3)
           whose prose has the OCR substitutions in ocr_map
"""
import io
import math
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader
from PIL import Image, ImageDraw, ImageFont

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
F = "WQY"
pdfmetrics.registerFont(TTFont(F, FONT_PATH, subfontIndex=0))
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
OCRF = "STSong-Light"  # the OCR layer: a non-embedded CID font (UniGB-UCS2-H), as iText-made Chinese PDFs use
pdfmetrics.registerFont(UnicodeCIDFont(OCRF))

_ORIG_CMAP = ttfonts.makeToUnicodeCMap
TOUNI = {}


def _cmap(fontname, subset):
    return _ORIG_CMAP(fontname, [TOUNI.get(v, v) for v in subset])


ttfonts.makeToUnicodeCMap = _cmap

PW, PH = A4
ML, MR, MT, MB = 62, 62, 70, 64
W = PW - ML - MR


def sw(s, size):
    return pdfmetrics.stringWidth(s, F, size)


def wrap(text, width, size):
    """Greedy CJK wrap by character; keeps closing punctuation off the line start."""
    lines, cur, cw = [], "", 0.0
    for ch in text:
        w = sw(ch, size)
        if cur and cw + w > width and ch not in "，。、；：）》”！？":
            lines.append(cur)
            cur, cw = "", 0.0
        cur += ch
        cw += w
    if cur:
        lines.append(cur)
    return lines or [""]


class Layout:
    def __init__(self, opt):
        self.o = opt
        self.pages = []
        self.new_page()
        self.table_pages = set()
        self.sign_pos = None

    # ------------------------------------------------------------ flow
    def new_page(self):
        self.ops = []
        self.pages.append(self.ops)
        self.col = 0
        self.top = PH - MT
        self.y = self.top

    def cols(self):
        if self.o.get("twocol"):
            g = 18
            cw = (W - g) / 2
            return [(ML, cw), (ML + cw + g, cw)]
        return [(ML, W)]

    def need(self, h):
        if self.y - h < MB:
            if self.col + 1 < len(self.cols()):
                self.col += 1
                self.y = self.top
            else:
                self.new_page()

    def text(self, x, y, size, s, kind="p", **kw):
        self.ops.append(("t", x, y, size, s, kind, kw))

    def line_out(self, x, width, size, s, justify, kind="p", align="l"):
        if align == "c":
            x = x + (width - sw(s, size)) / 2
        elif align == "r":
            x = x + width - sw(s, size)
        if self.o.get("perchar"):
            gap = 0.0
            if justify and len(s) > 1:
                gap = (width - sw(s, size)) / (len(s) - 1)
            cx = x
            for ch in s:
                self.text(cx, self.y, size, ch, kind)
                cx += sw(ch, size) + gap
        elif self.o.get("tc") and justify and len(s) > 1:
            self.text(x, self.y, size, s, kind, cs=(width - sw(s, size)) / (len(s) - 1))
        else:
            self.text(x, self.y, size, s, kind)

    def para(self, s, size=10.5, indent=True, kind="p", align="l", lead=1.75):
        x0, cw = self.cols()[self.col]
        ind = 2 * size if indent else 0
        first = True
        rest = s
        lines = []
        while rest:
            width = cw - (ind if first else 0)
            ln = wrap(rest, width, size)[0]
            lines.append((ln, first))
            rest = rest[len(ln):]
            first = False
        for i, (ln, fst) in enumerate(lines):
            self.need(size * lead)
            x0, cw = self.cols()[self.col]
            xx = x0 + (ind if fst else 0)
            self.y -= size * lead
            last = i == len(lines) - 1
            self.line_out(xx, cw - (ind if fst else 0), size, ln, justify=(not last and align == "l"), kind=kind,
                          align=align)
            if kind == "sign" and self.sign_pos is None:
                self.sign_pos = (len(self.pages) - 1, xx + cw - sw(ln, size), self.y, sw(ln, size))

    def title(self, s):
        size = 17
        cs = 3.0 if self.o.get("tc") else 0.0
        lines = wrap(s, W - 40, size + cs) if sw(s, size) + cs * len(s) > W - 40 else [s]
        for ln in lines:
            self.y -= size * 1.6
            tw = sw(ln, size) + cs * (len(ln) - 1)
            x = ML + (W - tw) / 2
            if self.o.get("perchar"):
                for ch in ln:
                    self.text(x, self.y, size, ch, "title")
                    x += sw(ch, size) + cs
            else:
                self.text(x, self.y, size, ln, "title", cs=cs)
        self.y -= 10

    # ------------------------------------------------------------ tables
    def table(self, rows, fr, size=7.5, kind="table"):
        from spans import occupancy
        occ, cells, nr, nc = occupancy(rows)
        widths = [W * f / sum(fr) for f in fr]
        xs = [ML]
        for w in widths:
            xs.append(xs[-1] + w)
        lead = size * 1.3
        pad = 3.2
        lines = {}
        for cid, (cell, r0, c0) in enumerate(cells):
            cwid = xs[c0 + cell["cs"]] - xs[c0] - 2 * pad
            lines[cid] = wrap(cell["t"], cwid, size) if cell["t"] else []
        hts = [lead + 2 * pad] * nr
        for cid, (cell, r0, c0) in sorted(enumerate(cells), key=lambda kv: kv[1][0]["rs"]):
            need = len(lines[cid]) * lead + 2 * pad
            have = sum(hts[r0:r0 + cell["rs"]])
            if need > have:
                for r in range(r0, r0 + cell["rs"]):
                    hts[r] += (need - have) / cell["rs"]
        th = sum(hts)
        if self.o.get("twocol") or self.y - th < MB:
            if self.y < self.top or self.col:
                self.new_page()
        assert self.y - th >= MB - 1, ("table too tall", th)
        self.table_pages.add(len(self.pages) - 1)
        ys = [self.y]
        for h in hts:
            ys.append(ys[-1] - h)
        bstyle = self.o.get("border", "stroke")
        segs = set()
        for cid, (cell, r0, c0) in enumerate(cells):
            x0, x1 = xs[c0], xs[c0 + cell["cs"]]
            y0, y1 = ys[r0], ys[r0 + cell["rs"]]
            if bstyle == "shade":
                g = None
                if cell["k"] == "lab" and (r0 < 3 and kind == "t3" or kind == "t4" and r0 < 3):
                    g = (0.78, 0.84, 0.93)
                elif cell["rs"] > 1 and c0 < 2 and kind == "t3":
                    g = (0.90, 0.93, 0.97)
                elif r0 % 2 == 0 and self.o.get("shade_alt", True):
                    g = (0.93, 0.93, 0.93)
                if kind == "t2" and cell["cs"] == 4:
                    g = (0.78, 0.84, 0.93)
                if g:
                    self.ops.append(("r", x0, y1, x1 - x0, y0 - y1, g))
            for s in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1)), ((x0, y0), (x0, y1)), ((x1, y0), (x1, y1))):
                segs.add(tuple(tuple(round(v, 2) for v in p) for p in s))
            # text
            ls = lines[cid]
            if not ls:
                continue
            block = len(ls) * lead
            ty = (y0 + y1) / 2 + block / 2 - lead + (lead - size) / 2 + 1.0
            for i, ln in enumerate(ls):
                lw = sw(ln, size)
                if cell["k"] == "num" and self.o.get("numright"):
                    tx = x1 - pad - lw
                elif cell["k"] == "lab" and len(ls) > 1 and c0 == 2 and kind == "t3":
                    tx = x0 + pad
                else:
                    tx = (x0 + x1) / 2 - lw / 2
                yy = ty - i * lead
                if self.o.get("perchar"):
                    cx = tx
                    for ch in ln:
                        self.text(cx, yy, size, ch, kind)
                        cx += sw(ch, size)
                else:
                    self.text(tx, yy, size, ln, kind)
        if bstyle not in ("shade", "none"):
            for (a, b) in sorted(segs):
                self.ops.append(("l", a, b, bstyle))
        self.y = ys[-1] - 8


# ---------------------------------------------------------------- seal image
def seal_png(text, px=260):
    im = Image.new("RGBA", (px, px), (255, 255, 255, 0))
    d = ImageDraw.Draw(im)
    red = (214, 24, 30, 215)
    c = px / 2
    d.ellipse([6, 6, px - 6, px - 6], outline=red, width=9)
    # five-pointed star
    pts = []
    for i in range(10):
        r = px * 0.16 if i % 2 == 0 else px * 0.064
        a = -math.pi / 2 + i * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=red)
    fsz = int(px * 0.12)
    font = ImageFont.truetype(FONT_PATH, fsz, index=0)
    n = len(text)
    span = math.radians(250)
    for i, ch in enumerate(text):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n
        r = c - 8 - fsz * 0.9
        g = Image.new("RGBA", (fsz + 8, fsz + 8), (255, 255, 255, 0))
        ImageDraw.Draw(g).text((4, 0), ch, font=font, fill=red)
        g = g.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        im.alpha_composite(g, (int(c + r * math.cos(a) - (fsz + 8) / 2), int(c + r * math.sin(a) - (fsz + 8) / 2)))
    buf = io.BytesIO()
    im.save(buf, "PNG", optimize=False)
    return buf.getvalue()


# ---------------------------------------------------------------- drawing
def draw_line(c, op):
    _, (x0, y0), (x1, y1), st = op
    if st == "rect":
        t = 0.5
        if y0 == y1:
            c.rect(min(x0, x1) - t / 2, y0 - t / 2, abs(x1 - x0) + t, t, stroke=0, fill=1)
        else:
            c.rect(x0 - t / 2, min(y0, y1) - t / 2, t, abs(y1 - y0) + t, stroke=0, fill=1)
        return
    if st == "double":
        c.setLineWidth(0.35)
        d = 0.9
        if y0 == y1:
            c.line(x0, y0 + d, x1, y1 + d)
            c.line(x0, y0 - d, x1, y1 - d)
        else:
            c.line(x0 + d, y0, x1 + d, y1)
            c.line(x0 - d, y0, x1 - d, y1)
        return
    c.setLineWidth(0.6)
    if st == "dashed":
        c.setDash(2.2, 1.6)
    c.line(x0, y0, x1, y1)
    if st == "dashed":
        c.setDash()


def draw_text(c, op, mode=0, ocr=None):
    _, x, y, size, s, kind, kw = op
    if ocr and kind == "p":
        for a, b in ocr:
            s = s.replace(a, b)
    t = c.beginText(x, y)
    t.setFont(OCRF if mode == 3 else F, size)
    if mode:
        t.setTextRenderMode(mode)
    if kw.get("cs"):
        t.setCharSpace(kw["cs"])
    t.textOut(s)
    c.drawText(t)


def draw_wm(c, lay, pi, watermark):
    """Diagonal grey semi-transparent text; on top of the content unless wm_under (Word's header watermark)."""
    if not (watermark and (pi in lay.table_pages or lay.o.get("wm_all"))):
        return
    wt, copies = watermark
    c.saveState()
    c.setFillColorRGB(0.6, 0.6, 0.6)
    c.setFillAlpha(0.28)
    for k in range(copies):
        c.saveState()
        cy = PH * (k + 1) / (copies + 1)
        c.translate(PW / 2, cy)
        c.rotate(35)
        c.setFont(F, 54 if copies < 3 else 40)
        c.drawCentredString(0, 0, wt)
        c.restoreState()
    c.restoreState()


def render(lay, meta_title, seal=None, watermark=None, running=None, scan=None):
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(meta_title)
    c.setAuthor("")
    c.setCreator("Microsoft® Word 2016")
    c.setProducer("Microsoft® Word 2016")
    n = len(lay.pages)
    for pi, ops in enumerate(lay.pages):
        extra = []
        if running:
            extra.append(("t", PW / 2 - sw(running, 9) / 2, PH - 40, 9, running, "hdr", {}))
            extra.append(("l", (ML, PH - 45), (PW - MR, PH - 45), "stroke"))
            foot = f"第 {pi + 1} 页 共 {n} 页"
            extra.append(("t", PW / 2 - sw(foot, 9) / 2, 34, 9, foot, "ftr", {}))
        allops = ops + extra
        if scan:
            dpi, ocr = scan
            c.drawImage(ImageReader(raster(allops, dpi, seal if seal and lay.sign_pos[0] == pi else None, lay)),
                        0, 0, PW, PH)
            tx = [op for op in allops if op[0] == "t"]
            if lay.o.get("ocr_blocks"):
                # the OCR engine split each table into column blocks: its text comes column by column, top to bottom,
                # with baselines jittered by up to 0.6 pt (content order differs from reading order; positions are right)
                tabs = sorted((op for op in tx if op[5] in ("t2", "t3", "t4")), key=lambda op: (op[5], round(op[1] / 4), -op[2]))
                rest = [op for op in tx if op[5] not in ("t2", "t3", "t4")]
                tx = rest + tabs
                tx = [op[:2] + (op[2] + ((i * 7919) % 13 - 6) / 10.0,) + op[3:] for i, op in enumerate(tx)]
            for op in tx:
                draw_text(c, op, mode=3, ocr=ocr)
            c.showPage()
            continue
        if lay.o.get("wm_under"):
            draw_wm(c, lay, pi, watermark)
        for op in allops:
            if op[0] == "r":
                c.setFillColorRGB(*op[5])
                c.rect(op[1], op[2], op[3], op[4], stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
        for op in allops:
            if op[0] == "t":
                draw_text(c, op)
            elif op[0] == "l":
                draw_line(c, op)
        if seal and lay.sign_pos and lay.sign_pos[0] == pi:
            _, x, y, w = lay.sign_pos
            s = 118
            c.drawImage(ImageReader(io.BytesIO(seal_png("" if lay.o.get("seal_vector") else seal))), x + w / 2 - s / 2, y - s / 2 + 4, s, s, mask="auto")
        if seal and lay.o.get("seal_vector") and lay.sign_pos and lay.sign_pos[0] == pi:
            _, x, y, w = lay.sign_pos
            cx, cy, r = x + w / 2, y + 4, 50
            c.saveState()
            c.setFillColorRGB(0.84, 0.1, 0.12)
            c.setFont(F, 12)
            n = len(seal)
            for i, ch in enumerate(seal):
                a = math.pi / 2 + math.radians(125) - math.radians(250) * (i + 0.5) / n
                c.saveState()
                c.translate(cx + r * math.cos(a), cy + r * math.sin(a))
                c.rotate(math.degrees(a) - 90)
                c.drawCentredString(0, -4, ch)
                c.restoreState()
            c.restoreState()
        if not lay.o.get("wm_under"):
            draw_wm(c, lay, pi, watermark)
        c.showPage()
    c.save()
    return buf.getvalue()


def raster(ops, dpi, seal, lay):
    k = dpi / 72.0
    im = Image.new("L", (int(PW * k), int(PH * k)), 255)
    d = ImageDraw.Draw(im)
    fonts = {}
    for op in ops:
        if op[0] == "t":
            _, x, y, size, s, kind, kw = op
            px = max(6, int(round(size * k)))
            f = fonts.get(px) or fonts.setdefault(px, ImageFont.truetype(FONT_PATH, px, index=0))
            cs = kw.get("cs", 0) * k
            X, Y = x * k, (PH - y) * k - px * 0.88
            if cs:
                for ch in s:
                    d.text((X, Y), ch, font=f, fill=0)
                    X += f.getlength(ch) + cs
            else:
                d.text((X, Y), s, font=f, fill=0)
        elif op[0] == "l":
            _, (x0, y0), (x1, y1), st = op
            d.line([(x0 * k, (PH - y0) * k), (x1 * k, (PH - y1) * k)], fill=40, width=1)
    if seal:
        _, x, y, w = lay.sign_pos
        s = int(118 * k)
        sim = Image.open(io.BytesIO(seal_png(seal))).convert("RGBA").resize((s, s))
        gray = Image.new("L", sim.size, 120)
        im.paste(gray, (int((x + w / 2) * k - s / 2), int((PH - y - 4) * k - s / 2)), sim.split()[3])
    # slight skew-free 'scan': threshold to 1 bit then back to gray keeps the PNG small
    return im.point(lambda v: 0 if v < 205 else 255)


def build(blocks, tables, opt, meta_title, heading=None):
    """blocks: kprose blocks; tables: {'t2': (rows, fractions, kind), ...}."""
    import kprose as P
    lay = Layout(opt)
    for blk in blocks:
        k = blk[0]
        if k == "title":
            lay.title(blk[1])
            lay.top = lay.y
        elif k in tables:
            rows, fr, size = tables[k]
            lay.table(rows, fr, size=size, kind=k)
        elif k == "h":
            lay.y -= 4
            lay.para(heading(blk[1]) if heading else P.heading(blk[1]), size=11.5, indent=True, kind="h")
        elif k == "h3":
            lay.para(blk[1], size=10.5, kind="h3")
        elif k == "sign":
            lay.para(blk[1], size=10.5, indent=False, kind="sign", align="r")
        else:
            lay.para(blk[1])
    return render(lay, meta_title, seal=opt.get("seal"), watermark=opt.get("watermark"),
                  running=opt.get("running"), scan=opt.get("scan"))
