"""Optional OCR for pages without a text layer: rapidocr (`pip install -e '.[ocr]'`; its models
ship inside the wheel, nothing is downloaded). When it is not importable, `available()` is False
and the PDF reader reports `ocr_needed` instead.

Each page has a time budget (PAGE_BUDGET_S): rapidocr cannot be interrupted, so a page that goes
over it ends OCR for the rest of that document (reported in the finding). The report's own CPU
budget (the engine's) is paused while a page is recognised, and a page too large for its image to
stay under MAX_PIXELS at RENDER_DPI is rendered smaller.

Recognised boxes become lines by their vertical centre; boxes on one line are joined with a tab
when a gap wider than a character separates them (table cells), else directly. When the page image
shows the vertical rulings of a table across a line that holds numbers, the numbers are placed by
the cells the rulings draw, as the text-PDF reader places them: one tab-separated slot per cell
right of the row's label, an empty slot for a blank cell, and a count the recogniser glued onto the
end of the label in the cell before it (`（二）部分公开（区分3`) split off into its own cell. A line
whose boxes do not fit the cells one to a cell keeps the plain joining.
"""

from __future__ import annotations

import os
import re

PAGE_BUDGET_S = float(os.environ.get("GONGKAI_OCR_PAGE_BUDGET_S", "60"))
# A document's OCR stops (the pages left keep an ocr_needed note) once its pages took this long, well
# before the engine's cap on a report's paused time (GONGKAI_OCR_DOC_BUDGET_S, 600 s) ends the report.
DOC_BUDGET_S = float(os.environ.get("GONGKAI_OCR_DOC_STOP_S", "400"))
RENDER_DPI = 200
# A page image larger than this is rendered smaller (an A4 page at 200 dpi is 3.9 million pixels).
MAX_PIXELS = 16_000_000

_engine = None
_checked = False
_available = False


def available() -> bool:
    global _checked, _available
    if not _checked:
        _checked = True
        try:
            import rapidocr  # noqa: F401
            _available = True
        except Exception:  # noqa: BLE001 - missing or broken optional extra
            _available = False
    return _available


def _get_engine():
    global _engine
    if _engine is None:
        from rapidocr import RapidOCR
        _engine = RapidOCR()
    return _engine


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_GLUED_COUNT = re.compile(r"(.*[^\d\s.,，、．])(\d{1,7})")
RULING_DARK = 128      # a pixel darker than this is ink
RULING_COVER = 0.9     # a pixel column this dark over the line's band (and beyond it) is a vertical ruling


def _rulings(image, top: float, bottom: float) -> list[float]:
    """x centres of the vertical rulings crossing a text line: pixel columns dark over the whole band from
    a third of the line's height above its boxes to a third below (a glyph's stroke ends inside that)."""
    height = bottom - top
    y0 = max(int(top - height / 3), 0)
    y1 = min(int(bottom + height / 3) + 1, image.shape[0])
    if y1 - y0 < 3:
        return []
    cover = (image[y0:y1] < RULING_DARK).mean(axis=0)
    xs = (cover >= RULING_COVER).nonzero()[0]
    out: list[list[int]] = []
    for x in xs.tolist():
        if out and x - out[-1][-1] <= 2:
            out[-1].append(x)
        else:
            out.append([x])
    return [(run[0] + run[-1]) / 2 for run in out if len(run) <= max(height / 4, 3)]


def _split_glued(line: list[tuple], rulings: list[float]) -> list[tuple]:
    """A box that runs across a ruling and ends in a count (`…区分3`) is two boxes: its text, and the count
    in the cell right of the ruling, when the part right of the ruling is about as wide as those digits."""
    out = []
    for top, bottom, x0, x1, text in line:
        height = max(bottom - top, 1)
        m = _GLUED_COUNT.fullmatch(text)
        inside = [r for r in rulings if x0 + height / 2 < r < x1 - height / 5]
        if m and len(inside) == 1 and x1 - inside[0] <= len(m.group(2)) * height * 0.9 + height / 2:
            r = inside[0]
            out += [(top, bottom, x0, r, m.group(1)), (top, bottom, r, x1, m.group(2))]
        else:
            out.append((top, bottom, x0, x1, text))
    return out


def _cells_line(line: list[tuple], image) -> str | None:
    """A line holding numbers, laid out by the rulings the image draws across it; None to join it plainly."""
    top = min(it[0] for it in line)
    bottom = max(it[1] for it in line)
    rulings = _rulings(image, top, bottom)
    if len(rulings) < 2:
        return None
    line = _split_glued(line, rulings)
    cells: dict[int, list[tuple]] = {}
    for it in line:
        centre = (it[2] + it[3]) / 2
        cells.setdefault(sum(1 for r in rulings if r < centre), []).append(it)
    numeric = {k for k, its in cells.items() if all(_NUMBER.fullmatch(it[4]) for it in its)}
    words = [k for k in cells if k not in numeric]
    last_word = max(words, default=0)
    if any(k <= last_word for k in numeric) and words or not numeric:
        return None
    slots = range(max(last_word, 0) + 1 if words else min(numeric), len(rulings))
    if max(numeric) not in slots or any(len(cells[k]) > 1 for k in numeric):
        return None
    head = [_join([it for k in sorted(words) for it in sorted(cells[k], key=lambda it: it[2])])] if words else []
    return "\t".join(head + [cells[k][0][4] if k in cells else "" for k in slots])


def _join(line: list[tuple]) -> str:
    height = max(it[1] - it[0] for it in line) or 1
    parts = [line[0][4]]
    for prev, it in zip(line, line[1:]):
        parts.append(("\t" if it[2] - prev[3] > height else "") + it[4])
    return "".join(parts)


def boxes_to_text(boxes: list, texts: list[str], image=None) -> str:
    """Group OCR boxes (4 corner points each) into lines; tab between distant boxes. With the page image (a
    2-D array, dark ink on light), a line holding numbers is laid out by the table rulings across it."""
    items = []
    for box, text in zip(boxes, texts):
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        items.append((min(ys), max(ys), min(xs), max(xs), text))
    items.sort(key=lambda it: ((it[0] + it[1]) / 2, it[2]))
    lines: list[list[tuple]] = []
    for it in items:
        centre, height = (it[0] + it[1]) / 2, it[1] - it[0]
        if lines:
            last = lines[-1]
            lc = sum((x[0] + x[1]) / 2 for x in last) / len(last)
            if abs(centre - lc) <= max(height, 1) / 2:
                last.append(it)
                continue
        lines.append([it])
    out = []
    for line in lines:
        line.sort(key=lambda it: it[2])
        laid = None
        if image is not None and any(_NUMBER.fullmatch(it[4]) or _GLUED_COUNT.fullmatch(it[4]) for it in line):
            laid = _cells_line(line, image)
        out.append(_join(line) if laid is None else laid)
    return "\n".join(out)


def ocr_image(image) -> str:
    """Text of a PIL image (empty when nothing is recognised)."""
    import numpy as np

    # No text-angle classifier: it turns boxes it takes for upside down by 180°, and a lone digit
    # box turned over reads 9 as 6 (with full confidence); report pages are upright.
    result = _get_engine()(np.asarray(image.convert("RGB")), use_cls=False)
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    if boxes is None or texts is None:
        return ""
    return boxes_to_text([list(map(list, b)) for b in boxes], list(texts), np.asarray(image.convert("L")))


def render_scale(width_pt: float, height_pt: float) -> float:
    """RENDER_DPI, or less for a page so large that its image would pass MAX_PIXELS."""
    scale = RENDER_DPI / 72
    area = max(width_pt, 1.0) * max(height_pt, 1.0)
    return min(scale, (MAX_PIXELS / area) ** 0.5)


def ocr_pdf_page(page) -> str:
    """Render a pypdfium2 page at RENDER_DPI (at most MAX_PIXELS) and OCR it. The report's CPU budget
    is paused meanwhile: OCR has its own budget per page, and its threads spend CPU seconds faster
    than a page takes."""
    from transforms.engine import budget_paused

    image = page.render(scale=render_scale(*page.get_size()), grayscale=True).to_pil()
    with budget_paused():
        return ocr_image(image)
