"""Optional OCR for pages without a text layer: rapidocr (`pip install -e '.[ocr]'`; its models
ship inside the wheel, nothing is downloaded). When it is not importable, `available()` is False
and the PDF reader reports `ocr_needed` instead.

Each page has a time budget (PAGE_BUDGET_S): rapidocr cannot be interrupted, so a page that goes
over it ends OCR for the rest of that document (reported in the finding). The report's own CPU
budget (the engine's) is paused while a page is recognised, and a page too large for its image to
stay under MAX_PIXELS at RENDER_DPI is rendered smaller.

Recognised boxes become lines by their vertical centre; boxes on one line are joined with a tab
when a gap wider than a character separates them (table cells), else directly.
"""

from __future__ import annotations

import os

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


def boxes_to_text(boxes: list, texts: list[str]) -> str:
    """Group OCR boxes (4 corner points each) into lines; tab between distant boxes."""
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
        height = max(it[1] - it[0] for it in line) or 1
        parts = [line[0][4]]
        for prev, it in zip(line, line[1:]):
            parts.append(("\t" if it[2] - prev[3] > height else "") + it[4])
        out.append("".join(parts))
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
    return boxes_to_text([list(map(list, b)) for b in boxes], list(texts))


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
