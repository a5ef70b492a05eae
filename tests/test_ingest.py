"""Tests for transforms.ingest: a hostile landing folder, encodings, format sniffing, HTML rendering.

All test data is built here (synthetic reports); nothing is keyed on the bundled samples.
"""

from __future__ import annotations

import hashlib
import io
import os
import random
import socket
import tracemalloc
import zipfile
from pathlib import Path

import polars as pl
import pytest

from transforms import ingest
from transforms.ingest import (
    DEFAULT_MAX_BYTES,
    MANIFEST_SCHEMA,
    DecodeError,
    LandingFile,
    decode_bytes,
    detect_format,
    guess_year,
    html_to_text,
    manifest_frame,
    raw_reports_frame,
    report_id_for,
    scan_landing,
)

# --------------------------------------------------------------------------------------------
# test-data builders
# --------------------------------------------------------------------------------------------
REPORT = (
    "示例县人民政府办公室2021年政府信息公开工作年度报告\n"
    "\n"
    "本报告根据《中华人民共和国政府信息公开条例》要求编制，数据统计期限为2021年1月1日至12月31日。\n"
    "一、总体情况\n"
    "2021年，我县主动公开政府信息1200条，依申请公开办理答复及时。\n"
    "二、主动公开政府信息情况\n"
    "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
    "规章\t0\t0\t0\n"
    "规范性文件\t3\t1\t12\n"
    "三、收到和处理政府信息公开申请情况\n"
    "\t\t自然人\t法人或其他组织\t\t\t总计\n"
    "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t6\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "五、存在的主要问题及改进情况\n"
    "六、其他需要报告的事项\n"
    "本机关无其他需要报告的事项。\n"
)
TRAD_REPORT = (
    "示例縣2020年政府信息公開工作年度報告\n"
    "一、總體情況\n"
    "本縣依法主動公開政府信息，辦理申請及時，並做好答復工作。\n"
    "二、主動公開政府信息情況\n"
    "規範性文件\t2\t0\t8\n"
    "六、其他需要報告的事項\n"
    "無。\n"
)
NOT_A_REPORT = "会议纪要\n今天讨论了食堂菜单和停车位安排，没有其他事项。\n"


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document>" + REPORT + "</w:document>")
    return buf.getvalue()


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _by_path(files: list[LandingFile]) -> dict[str, LandingFile]:
    return {f.source_path: f for f in files}


def _assert_rejected(row: LandingFile, check: str, *words: str) -> None:
    assert row.status == "rejected", row
    assert row.check_name == check, row
    assert row.text is None
    for w in words:
        assert w.lower() in (row.message or "").lower(), (w, row.message)


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """An input folder with one of every kind of bad file next to good ones; returns (inp, outside)."""
    inp = tmp_path / "landing"
    outside = tmp_path / "outside"
    inp.mkdir()
    _write(inp / "seed.txt", REPORT)
    _write(inp / "copy_of_seed.txt", REPORT)  # sorts before seed.txt -> seed.txt is the duplicate
    _write(inp / "empty.txt", b"")
    _write(inp / "blank.txt", "  \n\t\n")
    random.seed(7)
    _write(inp / "random.bin", bytes(random.randrange(256) for _ in range(3000)))
    _write(inp / "picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    _write(inp / "garbage.txt", bytes([0x80, 0xFF, 0xFE, 0x81]) * 200)
    _write(inp / "notes.txt", NOT_A_REPORT)
    _write(inp / "big.txt", REPORT * 200)
    _write(inp / "scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    _write(inp / "report.docx", _docx_bytes())
    _write(inp / "fake.pdf", REPORT.replace("2021", "2019"))
    _write(inp / "sub" / "deeper" / "nested.md", "# " + REPORT.replace("2021", "2018"))
    _write(inp / "sub" / "page.html", (
        "<html><body><nav>首页</nav><h1>示例局2022年政府信息公开工作年度报告</h1>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr>"
        "</table></body></html>"))
    _write(inp / ".hidden_report.txt", REPORT.replace("2021", "2017"))
    _write(inp / "gb.txt", REPORT.replace("2021", "2016").encode("gb18030"))
    _write(inp / "u16.txt", REPORT.replace("2021", "2015").encode("utf-16"))
    _write(inp / "bom.txt", b"\xef\xbb\xbf" + REPORT.replace("2021", "2014").encode("utf-8"))
    _write(inp / "crlf.txt", REPORT.replace("2021", "2013").replace("\n", "\r\n"))
    _write(inp / "noyear.txt", REPORT.replace("2021年", "本"))
    _write(outside / "secret.txt", REPORT.replace("2021", "2012"))
    os.symlink(outside / "secret.txt", inp / "link_out.txt")
    os.symlink(inp / "gb.txt", inp / "a_link_in.txt")  # sorts first, still not the one ingested
    os.symlink(outside, inp / "dir_out")
    os.symlink(inp / "sub", inp / "sub_alias")
    os.symlink(inp / "missing.txt", inp / "broken.txt")
    os.symlink("loop_b", inp / "loop_a")
    os.symlink("loop_a", inp / "loop_b")
    return inp, outside


# --------------------------------------------------------------------------------------------
# the hostile folder
# --------------------------------------------------------------------------------------------
def test_hostile_folder_one_row_per_path_with_exact_verdicts(hostile: tuple[Path, Path]) -> None:
    inp, _ = hostile
    files = scan_landing(inp, max_bytes=8 * 1024)
    rows = _by_path(files)
    paths = [f.source_path for f in files]
    assert paths == sorted(paths)
    assert len(paths) == len(set(paths))

    _assert_rejected(rows["empty.txt"], "empty_file", "empty")
    _assert_rejected(rows["blank.txt"], "empty_file", "whitespace")
    _assert_rejected(rows["random.bin"], "binary_file", "binary")
    _assert_rejected(rows["picture.txt"], "binary_file", "PNG")
    _assert_rejected(rows["garbage.txt"], "undecodable", "decoded")
    _assert_rejected(rows["notes.txt"], "not_a_report", "markers")
    _assert_rejected(rows["big.txt"], "oversize", "limit", str(8 * 1024))
    _assert_rejected(rows["seed.txt"], "duplicate", "copy_of_seed.txt")
    _assert_rejected(rows["scan.pdf"], "corrupt_document", "PDF", "cannot be opened")
    _assert_rejected(rows["report.docx"], "corrupt_document", "DOCX")
    _assert_rejected(rows["link_out.txt"], "symlink_outside_input", "outside")
    _assert_rejected(rows["dir_out"], "symlink_outside_input", "outside")
    _assert_rejected(rows["a_link_in.txt"], "duplicate", "gb.txt", "symlink")
    _assert_rejected(rows["sub_alias"], "duplicate", "folder", "sub")
    _assert_rejected(rows["broken.txt"], "unreadable", "broken symlink")
    _assert_rejected(rows["loop_a"], "unreadable", "loop")
    _assert_rejected(rows["loop_b"], "unreadable", "loop")
    _assert_rejected(rows["noyear.txt"], "no_report_year", "year")

    assert rows["scan.pdf"].source_format == "pdf"
    assert rows["report.docx"].source_format == "docx"
    assert rows["big.txt"].sha256 == hashlib.sha256((REPORT * 200).encode()).hexdigest()
    assert rows["big.txt"].size_bytes == len((REPORT * 200).encode())
    assert rows["a_link_in.txt"].sha256 == rows["gb.txt"].sha256  # copied from the target row
    assert rows["link_out.txt"].sha256 is None  # never read

    accepted = {p: r for p, r in rows.items() if r.status == "accepted"}
    assert set(accepted) == {
        "copy_of_seed.txt", "fake.pdf", "sub/deeper/nested.md", "sub/page.html",
        ".hidden_report.txt", "gb.txt", "u16.txt", "bom.txt", "crlf.txt",
    }
    years = {p: r.report_year for p, r in accepted.items()}
    assert years == {
        "copy_of_seed.txt": 2021, "fake.pdf": 2019, "sub/deeper/nested.md": 2018,
        "sub/page.html": 2022, ".hidden_report.txt": 2017, "gb.txt": 2016, "u16.txt": 2015,
        "bom.txt": 2014, "crlf.txt": 2013,
    }
    assert rows["sub/deeper/nested.md"].source_format == "md"
    assert rows["sub/page.html"].source_format == "html"
    assert "首页" not in rows["sub/page.html"].text
    assert "规章\t0" in rows["sub/page.html"].text
    fake = rows["fake.pdf"]
    assert fake.source_format == "txt" and fake.check_name == "extension_mismatch"
    assert ".pdf" in fake.message and "plain text" in fake.message
    # the outside folder was never listed: no path below dir_out/ or link targets outside
    assert not any(p.startswith("dir_out/") or p.startswith("sub_alias/") for p in paths)

    encodings = {p: rows[p].encoding for p in ("gb.txt", "u16.txt", "bom.txt", "crlf.txt")}
    assert encodings == {"gb.txt": "gb18030", "u16.txt": "utf-16-le", "bom.txt": "utf-8-sig",
                         "crlf.txt": "utf-8"}
    for p in ("gb.txt", "u16.txt", "bom.txt", "crlf.txt"):
        assert "\r" not in rows[p].text
        assert rows[p].text.replace(str(rows[p].report_year), "2021") == REPORT


def test_every_rejection_has_check_name_and_english_message(hostile: tuple[Path, Path]) -> None:
    inp, _ = hostile
    for f in scan_landing(inp, max_bytes=8 * 1024):
        if f.status == "rejected":
            assert f.check_name in ingest.CHECK_NAMES
            assert f.message and f.message.isascii() or "政府信息公开" in (f.message or "")


def test_scan_is_deterministic(hostile: tuple[Path, Path]) -> None:
    inp, _ = hostile
    assert scan_landing(inp, max_bytes=8 * 1024) == scan_landing(inp, max_bytes=8 * 1024)


def test_manifest_frame_has_contract_columns_and_dtypes(hostile: tuple[Path, Path]) -> None:
    inp, _ = hostile
    files = scan_landing(inp, max_bytes=8 * 1024)
    df = manifest_frame(files)
    assert df.schema == pl.Schema(MANIFEST_SCHEMA)
    assert df.height == len(files)
    assert "text" not in df.columns
    assert df.filter(pl.col("status") == "rejected")["check_name"].null_count() == 0
    assert df.filter(pl.col("status") == "accepted")["report_year"].null_count() == 0
    assert manifest_frame([]).schema == pl.Schema(MANIFEST_SCHEMA)


def test_raw_reports_frame_ids_match_raw_bytes(hostile: tuple[Path, Path]) -> None:
    inp, _ = hostile
    files = scan_landing(inp, max_bytes=8 * 1024)
    raw = raw_reports_frame(files)
    assert raw.height == sum(f.status == "accepted" for f in files)
    gb = raw.filter(pl.col("source_path") == "gb.txt").row(0, named=True)
    assert gb["report_id"] == report_id_for((inp / "gb.txt").read_bytes())
    assert raw["report_id"].n_unique() == raw.height
    assert raw.schema["report_year"] == pl.Int32


# --------------------------------------------------------------------------------------------
# encodings
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (REPORT.encode("gb18030"), "gb18030"),
        (REPORT.encode("gbk"), "gb18030"),
        (REPORT.encode("utf-16"), "utf-16-le"),  # BOM + LE on this platform
        (b"\xfe\xff" + REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-16-le"), "utf-16-le"),  # BOM-less, found by NUL parity
        (REPORT.encode("utf-16-be"), "utf-16-be"),
        (REPORT.encode("utf-32"), "utf-32-le"),
        (b"\xef\xbb\xbf" + REPORT.encode("utf-8"), "utf-8-sig"),
        (REPORT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
        (REPORT.replace("\n", "\r\n").encode("gb18030"), "gb18030"),
        (REPORT.replace("\n", "\r\n").encode("utf-16"), "utf-16-le"),
    ],
    ids=["gb18030", "gbk", "utf16-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "utf32",
         "utf8-bom", "crlf-utf8", "crlf-gb18030", "crlf-utf16"],
)
def test_encoded_copies_decode_to_the_utf8_original(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data)
    assert enc == encoding
    assert text == REPORT


def test_big5_traditional_report_decodes() -> None:
    text, enc = decode_bytes(TRAD_REPORT.encode("cp950"))
    assert (text, enc) == (TRAD_REPORT, "big5")


def test_cjk_only_utf16_without_bom_or_ascii_decodes() -> None:
    body = "政府信息公开工作年度报告主动公开依申请公开行政复议" * 5
    assert decode_bytes(body.encode("utf-16-le")) == (body, "utf-16-le")


def test_stray_nul_bytes_in_utf8_are_stripped_not_utf16(tmp_path: Path) -> None:
    data = REPORT.encode("utf-8")
    data = data[:30] + b"\x00" + data[30:90] + b"\x00\x00" + data[90:] + b"\x00" * 3
    text, enc = decode_bytes(data)
    assert (text, enc) == (REPORT, "utf-8")
    _write(tmp_path / "in" / "r.txt", data)
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.check_name == "nul_bytes_removed"
    assert "NUL" in row.message and row.text == REPORT


def test_truncated_report_is_accepted_with_note(tmp_path: Path) -> None:
    data = REPORT.encode("utf-8")
    cut = data[: len(data) // 2]
    while (cut[-1] & 0xC0) != 0x80:  # end inside a multibyte character on purpose
        cut = cut[:-1]
    _write(tmp_path / "in" / "cut.txt", cut)
    _write(tmp_path / "in" / "cut_clean.txt", REPORT[: len(REPORT) // 3])
    rows = _by_path(scan_landing(tmp_path / "in"))
    assert rows["cut.txt"].status == "accepted"
    assert rows["cut.txt"].check_name == "incomplete_trailing_bytes"
    assert "truncated" in rows["cut.txt"].message
    assert REPORT.startswith(rows["cut.txt"].text)
    assert rows["cut_clean.txt"].status == "accepted" and rows["cut_clean.txt"].check_name is None


def test_decode_errors_distinguish_binary_from_undecodable() -> None:
    random.seed(3)
    with pytest.raises(DecodeError) as binary:
        decode_bytes(bytes(random.randrange(256) for _ in range(4000)))
    assert binary.value.check_name == "binary_file"
    with pytest.raises(DecodeError) as bad:
        decode_bytes(bytes([0x80, 0xFF]) * 300)
    assert bad.value.check_name == "undecodable"
    assert "UTF-8" in str(bad.value) and "GB18030" in str(bad.value)
    # GB2312-range mojibake decodes under GB18030 but is rejected by the common-character check
    mojibake = bytearray()
    for _ in range(800):
        mojibake += bytes([random.randrange(0xD8, 0xF7), random.randrange(0xA1, 0xFE)])
    with pytest.raises(DecodeError) as moj:
        decode_bytes(bytes(mojibake))
    assert moj.value.check_name == "undecodable" and "mojibake" in str(moj.value)


def test_utf16_bom_with_garbage_is_not_silently_accepted() -> None:
    with pytest.raises(DecodeError) as err:
        decode_bytes(b"\xff\xfe" + b"\x00\xd8" * 10)  # lone surrogates
    assert "byte-order mark" in str(err.value)


def test_no_replacement_characters_ever() -> None:
    for data in (REPORT.encode("gb18030"), REPORT.encode("utf-16-be"), TRAD_REPORT.encode("cp950")):
        assert "\ufffd" not in decode_bytes(data)[0]


# --------------------------------------------------------------------------------------------
# formats
# --------------------------------------------------------------------------------------------
def test_detect_format_by_content_and_extension() -> None:
    assert detect_format(Path("a.pdf"), b"%PDF-1.7\n...") == "pdf"
    assert detect_format(Path("a.txt"), b"%PDF-1.4\n") == "pdf"
    assert detect_format(Path("a.docx"), _docx_bytes()) == "docx"
    assert detect_format(Path("a.bin"), _docx_bytes()) == "docx"
    assert detect_format(Path("a.pdf"), REPORT.encode()) == "txt"
    assert detect_format(Path("a.txt"), b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    assert detect_format(Path("a.txt"), "<p class=MsoNormal>报告</p>".encode("gb18030")) == "html"
    assert detect_format(Path("a.txt"), "<html><body>报告".encode("utf-16")) == "html"
    assert detect_format(Path("a.md"), b"# title\n\ntext") == "md"
    assert detect_format(Path("a.md"), b'<div align="center">title</div>\n\n| a | b |') == "md"
    assert detect_format(Path("a.md"), b"<html><body><p>x</p></body></html>") == "html"
    assert detect_format(Path("noext"), b"<table><tr><td>1</td></tr></table>") == "html"
    assert detect_format(Path("a.htm"), b"<b>x</b>") == "html"
    assert detect_format(Path("a.png"), b"\x89PNG\r\n\x1a\n\x00\x00") == "unknown"
    # Chinese book-title brackets in a plain report are not markup
    assert detect_format(Path("a.txt"), "依据<中华人民共和国政府信息公开条例>".encode()) == "txt"


def test_txt_that_is_html_is_rendered(tmp_path: Path) -> None:
    html = "<html><body><script>alert(1)</script><p>示例局2020年政府信息公开工作年度报告</p></body></html>"
    _write(tmp_path / "in" / "x.txt", html)
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.source_format == "html"
    assert row.check_name == "extension_mismatch" and "HTML" in row.message
    assert row.text == "示例局2020年政府信息公开工作年度报告\n"


def test_other_documents_are_unsupported_and_images_binary(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    _write(inp / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _write(inp / "bundle.zip", _zip_with({"a.txt": REPORT}))
    _write(inp / "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)))
    _write(inp / "styled.rtf", "{\\rtf1\\ansi " + REPORT)
    rows = _by_path(scan_landing(inp))
    _assert_rejected(rows["old.doc"], "unsupported_format", "OLE2")  # no WordDocument stream: not Word
    _assert_rejected(rows["bundle.zip"], "unsupported_format", "ZIP")
    _assert_rejected(rows["photo.jpg"], "binary_file", "JPEG")
    # RTF goes through LibreOffice like .doc (tests/test_word_shapes.py): this one is cut off (no closing brace)
    assert rows["styled.rtf"].status == "rejected"
    assert rows["styled.rtf"].check_name in ("conversion_failed", "converter_missing"), rows["styled.rtf"]


def _zip_with(members: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# filesystem edge cases
# --------------------------------------------------------------------------------------------
def test_unreadable_file_is_rejected_and_scan_goes_on(tmp_path: Path, monkeypatch) -> None:
    inp = tmp_path / "in"
    _write(inp / "locked.txt", REPORT)
    _write(inp / "ok.txt", REPORT.replace("2021", "2020"))
    real_open = open

    def fake_open(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ingest.discover, "open", fake_open, raising=False)
    rows = _by_path(scan_landing(inp))
    _assert_rejected(rows["locked.txt"], "unreadable", "permission denied")
    assert rows["ok.txt"].status == "accepted"


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    locked = _write(inp / "locked.txt", REPORT)
    locked.chmod(0)
    try:
        (row,) = scan_landing(inp)
    finally:
        locked.chmod(0o644)
    _assert_rejected(row, "unreadable", "permission")


def test_unlistable_directory_is_reported(tmp_path: Path, monkeypatch) -> None:
    inp = tmp_path / "in"
    _write(inp / "locked" / "r.txt", REPORT)
    _write(inp / "ok.txt", REPORT)
    real_scandir = os.scandir

    def fake_scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(ingest.discover.os, "scandir", fake_scandir)
    rows = _by_path(scan_landing(inp))
    _assert_rejected(rows["locked"], "unreadable", "permission denied")
    assert rows["ok.txt"].status == "accepted"


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    os.mkfifo(inp / "pipe.txt")
    (row,) = scan_landing(inp)  # would block forever if the FIFO were opened
    _assert_rejected(row, "special_file", "FIFO")


def test_oversize_file_is_never_held_in_memory(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    big = _write(inp / "huge.txt", b"x" * (8 * 1024 * 1024))
    tracemalloc.start()
    try:
        (row,) = scan_landing(inp, max_bytes=64 * 1024)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    _assert_rejected(row, "oversize", "over the 65536-byte limit")
    assert peak < 4 * 1024 * 1024
    assert row.sha256 == hashlib.sha256(big.read_bytes()).hexdigest()


def test_file_exactly_at_limit_is_accepted(tmp_path: Path) -> None:
    data = REPORT.encode()
    _write(tmp_path / "in" / "r.txt", data)
    assert scan_landing(tmp_path / "in", max_bytes=len(data))[0].status == "accepted"
    assert scan_landing(tmp_path / "in", max_bytes=len(data) - 1)[0].check_name == "oversize"


def test_non_utf8_file_name_is_representable(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    name = "报告".encode("gbk") + b".txt"
    with open(os.path.join(os.fsencode(inp), name), "wb") as fh:
        fh.write(REPORT.encode())
    files = scan_landing(inp)
    assert files[0].status == "accepted"
    assert files[0].source_path == "%B1%A8%B8%E6.txt"  # printable escape of the GBK bytes
    manifest_frame(files)  # polars accepts the path (no lone surrogates)


def test_missing_input_dir_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        scan_landing(tmp_path / "nope")
    with pytest.raises(NotADirectoryError):
        scan_landing(_write(tmp_path / "file.txt", "x"))


def test_empty_input_dir(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    assert scan_landing(tmp_path / "in") == []


def test_default_max_bytes() -> None:
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


# --------------------------------------------------------------------------------------------
# year detection
# --------------------------------------------------------------------------------------------
def test_year_of_callback_receives_nfkc_text_and_wins(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "r.txt", REPORT.replace("2021", "２０２１"))  # full-width digits
    seen: list[str] = []

    def year_of(text: str) -> int | None:
        seen.append(text)
        return 2030

    (row,) = scan_landing(tmp_path / "in", year_of=year_of)
    assert row.report_year == 2030
    assert "2021年政府信息公开" in seen[0]


def test_year_out_of_contract_range_is_rejected(tmp_path: Path) -> None:
    _write(tmp_path / "in" / "r.txt", REPORT)
    (row,) = scan_landing(tmp_path / "in", year_of=lambda _t: 1999)
    _assert_rejected(row, "no_report_year", "1999", "outside")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("某县2019年政府信息公开工作年度报告", 2019),
        ("某县 2019 年度 政府 信息公开 工作报告", 2019),
        ("某縣２０２０年政府信息公開工作年度報告", 2020),
        ("某县二〇一八年政府信息公开工作年度报告", 2018),
        ("某局2021年政务公开工作年度报告", 2021),
        ("2020年1月1日起施行。没有年份的标题", None),
    ],
)
def test_guess_year(text: str, year: int | None) -> None:
    assert guess_year(text) == year


def test_report_id_for_is_stable_sha_prefix() -> None:
    data = REPORT.encode()
    assert report_id_for(data) == hashlib.sha256(data).hexdigest()[:16]
    assert len(report_id_for(b"")) == 16


# --------------------------------------------------------------------------------------------
# HTML rendering
# --------------------------------------------------------------------------------------------
def test_html_rowspan_colspan_fill_first_slot_only() -> None:
    html = """<table>
      <tr><td rowspan="2">项目</td><td colspan="2">申请人情况</td><td rowspan=2>总计</td></tr>
      <tr><td>自然人</td><td>法人</td></tr>
      <tr><td rowspan=2>办理结果</td><td>予以公开</td><td>3</td><td>3</td></tr>
      <tr><td>不予公开</td><td colspan=2>0</td></tr>
    </table>"""
    assert html_to_text(html).splitlines() == [
        "项目\t申请人情况\t\t总计",
        "\t自然人\t法人\t",
        "办理结果\t予以公开\t3\t3",
        "\t不予公开\t0\t",
    ]


def test_html_nbsp_cells_are_empty_and_nbsp_is_space() -> None:
    html = ("<p>第一&nbsp;段</p>"
            "<table><tr><td>&nbsp;</td><td>&nbsp;&nbsp;1&nbsp;</td><td>a&#160;b</td></tr></table>")
    assert html_to_text(html) == "第一 段\n\t1\ta b\n"


def test_html_script_style_nav_and_chrome_removed() -> None:
    html = """<html><head><title>站点标题</title><style>.x{}</style>
      <script>document.write('信息公开')</script></head><body>
      <header>网站头部</header><div class="main-nav">首页 | 政务公开</div>
      <div id="breadcrumb">当前位置：首页 &gt; 年报</div><ul class="menu"><li>菜单</li></ul>
      <div class="bdsharebuttonbox">分享到微信</div><div style="display:none">隐藏</div>
      <noscript>请启用脚本</noscript><iframe src="https://example.com/ad"></iframe>
      <form action="/search"><input name="q"><button>搜索</button></form>
      <article><header><h1>示例县2020年政府信息公开工作年度报告</h1></header><p>正文</p></article>
      <footer>版权所有 示例县人民政府</footer></body></html>"""
    assert html_to_text(html) == "示例县2020年政府信息公开工作年度报告\n正文\n"


def test_html_links_are_text_only_and_nothing_is_fetched(monkeypatch) -> None:
    def no_network(*_a, **_k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    html = ('<p>详见<a href="http://www.gov.cn/zhengce/">国务院网站</a>'
            '<img src="https://example.com/logo.png" alt="logo"></p>'
            '<link rel="stylesheet" href="https://example.com/x.css">'
            '<script src="https://example.com/x.js"></script>')
    assert html_to_text(html) == "详见国务院网站\n"


def test_html_block_elements_make_lines_and_cjk_source_wraps_join() -> None:
    html = "<div>政府信息\n  公开工作</div><h2>一、总体情况</h2><ul><li>甲</li><li>乙</li></ul>第一行<br/>第二行"
    assert html_to_text(html).splitlines() == ["政府信息公开工作", "一、总体情况", "甲", "乙", "第一行", "第二行"]


def test_html_word_pasted_table() -> None:
    html = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
    <!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
    <p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;
    mso-bidi-font-size:11.0pt;font-family:宋体'>示例县2021年政府信息公开工作年度报告
    <span lang=EN-US><o:p></o:p></span></span></b></p>
    <p class=MsoListParagraph><![if !supportLists]><span lang=EN-US>1.<span
    style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>主动公开</p>
    <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
     style='border-collapse:collapse;mso-yfti-tbllook:1184'>
     <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
      <td width=142 rowspan=2 valign=top style='width:106.5pt'><p class=MsoNormal>
       <span style='font-family:宋体;mso-ascii-font-family:Calibri'>信息内容</span>
       <span lang=EN-US><o:p></o:p></span></p></td>
      <td width=142 colspan=2 valign=top><p class=MsoNormal><span>本年</span>
       <span lang=EN-US><o:p></o:p></span></p></td>
     </tr>
     <tr><td><p class=MsoNormal>制发件数<o:p></o:p></p></td><td><p class=MsoNormal>废止件数<o:p></o:p></p></td></tr>
     <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
      <td><p class=MsoNormal>规章<o:p></o:p></p></td>
      <td><p class=MsoNormal align=right><span lang=EN-US>0<o:p></o:p></span></p></td>
      <td><p class=MsoNormal><span lang=EN-US>1<o:p>&nbsp;</o:p></span></p></td>
     </tr>
    </table>
    <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
    </html>"""
    assert html_to_text(html).splitlines() == [
        "示例县2021年政府信息公开工作年度报告",
        "1. 主动公开",
        "信息内容\t本年\t",
        "\t制发件数\t废止件数",
        "规章\t0\t1",
    ]


def test_html_nested_layout_table_keeps_inner_rows() -> None:
    html = """<table width=100%><tr><td>
      <p>示例县2021年政府信息公开工作年度报告</p><p>一、总体情况</p>
      <table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>3</td></tr></table>
      <p>二、其他</p></td></tr></table>"""
    assert html_to_text(html).splitlines() == [
        "示例县2021年政府信息公开工作年度报告", "一、总体情况", "规章\t0", "规范性文件\t3", "二、其他",
    ]


def test_html_nested_table_in_data_cell_is_flattened_as_lines() -> None:
    html = "<table><tr><td>甲</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>"
    assert html_to_text(html).splitlines() == ["甲", "x\ty"]


def test_html_page_wrapping_form_is_kept() -> None:
    body = "示例县2021年政府信息公开工作年度报告。" + "本机关依法主动公开政府信息。" * 20
    html = f'<form id="form1" method="post"><input type="hidden" name="__VIEWSTATE"><p>{body}</p></form>'
    assert html_to_text(html) == body + "\n"


def test_html_malformed_unclosed_cells_rows_and_tables() -> None:
    html = "<p>前言<table><tr><td>a<td>b<tr><td>1<td>2</table><p>后记<table><tr><td>x<td>y"
    assert html_to_text(html).splitlines() == ["前言", "a\tb", "1\t2", "后记", "x\ty"]


def test_html_hostile_spans_are_bounded() -> None:
    html = '<table><tr><td colspan="99999" rowspan="99999">a</td><td colspan="x">b</td></tr></table>'
    lines = html_to_text(html).splitlines()
    assert lines[0].startswith("a\t") and lines[0].endswith("\tb")
    assert lines[0] == "a\t\tb"  # the colspan is capped by the table's real width (2 cells)


def test_html_weird_markup_never_raises() -> None:
    for html in ("<![weird[ x ]]>报告", "<<<>>>", "</table></td>", "<table>", "<![CDATA[数据]]>", ""):
        assert isinstance(html_to_text(html), str)


def test_html_caption_pre_and_foster_text() -> None:
    html = ("<table><caption>表一</caption>说明文字<tr><td>a</td><td>b</td></tr></table>"
            "<pre>\n列1\t列2\n1\t2\n</pre>")
    assert html_to_text(html).splitlines() == ["说明文字", "表一", "a\tb", "列1\t列2", "1\t2"]


def test_hidden_folders_are_scanned_not_skipped(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    _write(inp / ".cache" / "r.txt", REPORT)
    _write(inp / ".DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 64 + b"\x10\x0b" * 40)
    rows = _by_path(scan_landing(inp))
    assert rows[".cache/r.txt"].status == "accepted"
    assert rows[".DS_Store"].status == "rejected"
    assert rows[".DS_Store"].check_name == "binary_file"


def test_crlf_html_file_is_rendered_without_carriage_returns(tmp_path: Path) -> None:
    html = "<html>\r\n<body>\r\n<p>示例局2019年政府信息公开\r\n工作年度报告</p>\r\n</body></html>\r\n"
    _write(tmp_path / "in" / "r.htm", html.encode("gb18030"))
    (row,) = scan_landing(tmp_path / "in")
    assert (row.status, row.source_format, row.encoding) == ("accepted", "html", "gb18030")
    assert row.text == "示例局2019年政府信息公开工作年度报告\n"
