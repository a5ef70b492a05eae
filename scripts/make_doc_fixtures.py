"""Generate the Word/PDF fixtures in tests/fixtures/docs/ from a truth-backed text fixture.

    .venv/bin/python scripts/make_doc_fixtures.py [--src tests/fixtures/shapes/tsv_2021_clean.txt]
        [--out tests/fixtures/docs] [--stem report_2021]

Writes STEM.docx (python-docx; tables in the official 2021 template layout with its merged
cells), STEM.pdf and STEM.doc (LibreOffice headless, if `soffice` is on PATH), STEM_scan.pdf
(every page of STEM.pdf rendered to a grey image with pypdfium2 and wrapped with Pillow: no text
layer) and a STEM.json truth file (a copy of the source fixture's truth). Nothing is downloaded.

The prose comes from the source fixture (every line without a tab); each table block is
rebuilt from the truth JSON in the official form, so the cells are exactly the truth's.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt  # noqa: E402


APPLICANTS = ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org",
              "legal_service_org", "other_org", "total"]
# (code, label column 0, label column 1, label column 2) of the 2021 table-3 rows; None = merged.
T3_ROWS = [
    ("new_received", "一、本年新收政府信息公开申请数量", None, None),
    ("carried_over", "二、上年结转政府信息公开申请数量", None, None),
    ("granted", "三、本年度办理结果", "（一）予以公开", None),
    ("partially_granted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("withheld_state_secret", "", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_prohibited_by_law", "", "", "2.其他法律行政法规禁止公开"),
    ("withheld_three_safeties", "", "", "3.危及“三安全一稳定”"),
    ("withheld_third_party", "", "", "4.保护第三方合法权益"),
    ("withheld_internal_affairs", "", "", "5.属于三类内部事务信息"),
    ("withheld_process_info", "", "", "6.属于四类过程性信息"),
    ("withheld_enforcement_file", "", "", "7.属于行政执法案卷"),
    ("withheld_admin_query", "", "", "8.属于行政查询事项"),
    ("unavailable_not_held", "", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_needs_creation", "", "", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "", "", "3.补正后申请内容仍不明确"),
    ("not_processed_petition", "", "（五）不予处理", "1.信访举报投诉类申请"),
    ("not_processed_duplicate", "", "", "2.重复申请"),
    ("not_processed_publication", "", "", "3.要求提供公开出版物"),
    ("not_processed_excessive", "", "", "4.无正当理由大量反复申请"),
    ("not_processed_confirmation", "", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("other_no_correction", "", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid_fee", "", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "", "", "3.其他"),
    ("total_processed", "", "（七）总计", None),
    ("carried_forward", "四、结转下年度继续办理", None, None),
]
T2_BLOCKS = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("rules", "规章"), ("normative_documents", "行政规范性文件")], ["issued", "repealed", "in_force"]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("admin_licensing", "行政许可")], ["decisions"]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("admin_penalty", "行政处罚"), ("admin_coercion", "行政强制")],
     ["decisions"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("admin_fees", "行政事业性收费")], ["fee_amount_wan_yuan"]),
]
T4_RESULTS = ["upheld", "corrected", "other", "pending", "total"]
T4_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _small(table) -> None:
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                for r in p.runs:
                    r.font.size = Pt(7)


def _set(table, r: int, c: int, text: str) -> None:
    table.cell(r, c).text = text


def table3(doc, t3: dict) -> None:
    t = doc.add_table(rows=3 + len(T3_ROWS), cols=10)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(2, 2)).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    t.cell(0, 3).merge(t.cell(0, 9)).text = "申请人情况"
    t.cell(1, 3).merge(t.cell(2, 3)).text = "自然人"
    t.cell(1, 4).merge(t.cell(1, 8)).text = "法人或其他组织"
    t.cell(1, 9).merge(t.cell(2, 9)).text = "总计"
    for i, lab in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        _set(t, 2, 4 + i, lab)
    base = 3
    for i, (code, l0, l1, l2) in enumerate(T3_ROWS):
        r = base + i
        if l1 is None:
            t.cell(r, 0).merge(t.cell(r, 2)).text = l0
        elif l2 is None:
            t.cell(r, 1).merge(t.cell(r, 2)).text = l1
        else:
            _set(t, r, 2, l2)
        for j, a in enumerate(APPLICANTS):
            _set(t, r, 3 + j, _fmt(t3.get(code, {}).get(a)))
    # vertical merges: 三、本年度办理结果 over its rows; each (三)…(六) group over its sub-rows
    first = next(i for i, x in enumerate(T3_ROWS) if x[0] == "granted")
    last = next(i for i, x in enumerate(T3_ROWS) if x[0] == "total_processed")
    t.cell(base + first, 0).merge(t.cell(base + last, 0)).text = "三、本年度办理结果"
    i = 0
    while i < len(T3_ROWS):
        code, l0, l1, l2 = T3_ROWS[i]
        if l1 and l2:
            j = i + 1
            while j < len(T3_ROWS) and T3_ROWS[j][2] == "" and T3_ROWS[j][3]:
                j += 1
            t.cell(base + i, 1).merge(t.cell(base + j - 1, 1)).text = l1
            i = j
        else:
            i += 1
    _small(t)


def table2(doc, t2: dict) -> None:
    rows = sum(2 + len(items) for _, _, items, _ in T2_BLOCKS)
    t = doc.add_table(rows=rows, cols=4)
    t.style = "Table Grid"
    r = 0
    for title, heads, items, metrics in T2_BLOCKS:
        t.cell(r, 0).merge(t.cell(r, 3)).text = title
        _set(t, r + 1, 0, "信息内容")
        if len(heads) == 1:
            t.cell(r + 1, 1).merge(t.cell(r + 1, 3)).text = heads[0]
        else:
            for k, h in enumerate(heads):
                _set(t, r + 1, 1 + k, h)
        for k, (code, label) in enumerate(items):
            rr = r + 2 + k
            _set(t, rr, 0, label)
            vals = [_fmt(t2.get(code, {}).get(m)) for m in metrics]
            if len(vals) == 1:
                t.cell(rr, 1).merge(t.cell(rr, 3)).text = vals[0]
            else:
                for m, v in enumerate(vals):
                    _set(t, rr, 1 + m, v)
        r += 2 + len(items)
    _small(t)


def table4(doc, t4: dict) -> None:
    t = doc.add_table(rows=4, cols=15)
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, 4)).text = "行政复议"
    t.cell(0, 5).merge(t.cell(0, 14)).text = "行政诉讼"
    for k, lab in enumerate(T4_LABELS):
        t.cell(1, k).merge(t.cell(2, k)).text = lab
    t.cell(1, 5).merge(t.cell(1, 9)).text = "未经复议直接起诉"
    t.cell(1, 10).merge(t.cell(1, 14)).text = "复议后起诉"
    for k, lab in enumerate(T4_LABELS * 2):
        _set(t, 2, 5 + k, lab)
    groups = ["admin_review", "litigation_direct", "litigation_after_review"]
    c = 0
    for g in groups:
        for res in T4_RESULTS:
            _set(t, 3, c, _fmt(t4.get(g, {}).get(res)))
            c += 1
    _small(t)


def build_docx(src_txt: Path, truth: dict, out: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(9)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "WenQuanYi Micro Hei")
    heading = re.compile(r"^[#\s*]*([二三四])\s*[、.．]")
    builders = {"二": lambda: table2(doc, truth.get("table2") or {}),
                "三": lambda: table3(doc, truth.get("table3") or {}),
                "四": lambda: table4(doc, truth.get("table4") or {})}
    done: set[str] = set()
    for line in src_txt.read_text(encoding="utf-8").splitlines():
        if "\t" in line or line.lstrip().startswith("|"):
            continue  # the source's own table rows: the tables are rebuilt from the truth
        if line.strip():
            doc.add_paragraph(line.strip("#* "))
        m = heading.match(line)
        if m and m.group(1) not in done and truth.get({"二": "table2", "三": "table3", "四": "table4"}[m.group(1)]):
            done.add(m.group(1))
            builders[m.group(1)]()
    # a page-number footer "- N -" as agencies print it (the PDF reader must keep it out of tables)
    from docx.oxml import OxmlElement
    footer = doc.sections[0].footer.paragraphs[0]
    footer.add_run("- ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(" -")
    doc.save(out)


def soffice_convert(src: Path, fmt: str, outdir: Path, timeout: int = 180) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(outdir), str(src)], check=True, capture_output=True, timeout=timeout)
    return outdir / f"{src.stem}.{fmt.split(':')[0]}"


def image_only_pdf(pdf: Path, out: Path, dpi: int = 110) -> None:
    """Every page rendered to a greyscale bitmap and wrapped as a PDF without any text layer."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in doc]
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=dpi, quality=35)
    out.write_bytes(buf.getvalue())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", type=Path, default=ROOT / "tests/fixtures/shapes/tsv_2021_clean.txt")
    ap.add_argument("--out", type=Path, default=ROOT / "tests/fixtures/docs")
    ap.add_argument("--stem", default="report_2021")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    truth = json.loads(args.src.with_suffix(".json").read_text(encoding="utf-8"))
    docx = args.out / f"{args.stem}.docx"
    build_docx(args.src, truth, docx)
    for suffix in (".json",):
        shutil.copy(args.src.with_suffix(suffix), args.out / f"{args.stem}{suffix}")
    if shutil.which("soffice"):
        pdf = soffice_convert(docx, "pdf", args.out)
        soffice_convert(docx, "doc", args.out)
        image_only_pdf(pdf, args.out / f"{args.stem}_scan.pdf")
    else:
        print("soffice not on PATH: only the DOCX was written", file=sys.stderr)
    for p in sorted(args.out.glob(f"{args.stem}*")):
        print(f"{p.relative_to(ROOT)}\t{p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
