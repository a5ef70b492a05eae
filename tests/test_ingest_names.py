"""Odd file names, an excluded warehouse inside the input, UTF-32 without a BOM (issue 8, items 2
and 6): real files in tmp, read through the landing manifest and the raw layer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from expectations.validate import validate
from transforms.ingest import decode_bytes, display_name, real_path, scan_landing
from transforms.landing import build_manifest, raw_reports_for

SAMPLE = (Path(__file__).parent / "fixtures" / "shapes" / "tsv_2021_clean.txt").read_text(encoding="utf-8")

ODD_NAMES = [
    b"back\\slash.txt",
    b"new\nline.txt",
    "报告".encode("gbk") + b".txt",      # GBK bytes: not UTF-8
    b"tab\there.txt",
    "rtl\u202ename.txt".encode(),        # a bidi override inside the name
    b"%41.txt",                           # looks like an escape
    b"A.txt",
    "100%完成.txt".encode(),
]


def _write_raw(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
        fh.write(data)


@pytest.fixture()
def odd(tmp_path: Path) -> Path:
    inp = tmp_path / "in"
    inp.mkdir()
    for i, name in enumerate(ODD_NAMES):
        # distinct content (a different agency code) so no file is a duplicate of another
        _write_raw(inp, name, SAMPLE.replace("0816-2213056", f"0816-22130{i:02d}").encode("utf-8"))
    return inp


def test_display_names_are_printable_injective_and_invertible(tmp_path: Path) -> None:
    shown = [display_name(n) for n in ODD_NAMES]
    assert len(set(shown)) == len(shown)
    for name, disp in zip(ODD_NAMES, shown):
        assert disp.isprintable() and "\\" not in disp and "\n" not in disp
        assert os.fsencode(real_path(tmp_path, disp).name) == name
    assert display_name(b"A.txt") == "A.txt" and display_name(b"%41.txt") == "%2541.txt"
    assert display_name("100%完成 报告.txt".encode()) == "100%完成 报告.txt"  # plain names are unchanged


def test_odd_names_pass_the_manifest_contract_and_are_read_again(odd: Path) -> None:
    manifest = build_manifest(odd, 20 * 1024 * 1024)
    assert manifest.height == len(ODD_NAMES)
    assert set(manifest["status"]) == {"accepted"}, manifest.select("source_path", "check_name", "message").rows()
    assert validate("landing_manifest", manifest).passed
    raw, findings = raw_reports_for(odd, manifest, 2021, 20 * 1024 * 1024)
    assert raw.height == len(ODD_NAMES) and findings.height == 0, findings.rows()
    assert validate("raw_reports", raw).passed
    assert set(raw["source_path"]) == set(manifest["source_path"])


def test_a_file_whose_display_name_is_another_files_name_is_never_confused(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    _write_raw(inp, b"%41.txt", SAMPLE.encode())
    _write_raw(inp, b"A.txt", SAMPLE.replace("2021年1月1日", "2021年1月2日").encode())
    manifest = build_manifest(inp, 20 * 1024 * 1024)
    raw, _ = raw_reports_for(inp, manifest, 2021, 20 * 1024 * 1024)
    by_path = dict(zip(raw["source_path"], raw["raw_text"]))
    assert "1月2日" in by_path["A.txt"] and "1月2日" not in by_path["%2541.txt"]


def test_warehouse_inside_the_input_is_excluded(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    (inp / "warehouse" / "marts").mkdir(parents=True)
    (inp / "r.txt").write_text(SAMPLE, encoding="utf-8")
    (inp / "warehouse" / "marts" / "copy.txt").write_text(SAMPLE + "\n", encoding="utf-8")
    (inp / "warehouse" / "notes.txt").write_text("x", encoding="utf-8")
    assert {f.source_path for f in scan_landing(inp)} == {"r.txt", "warehouse/marts/copy.txt", "warehouse/notes.txt"}
    assert [f.source_path for f in scan_landing(inp, exclude=[inp / "warehouse"])] == ["r.txt"]
    manifest = build_manifest(inp, 1024 * 1024, exclude=[inp / "warehouse"])
    assert manifest["source_path"].to_list() == ["r.txt"]


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom_is_decoded_not_binary(codec: str) -> None:
    text, enc = decode_bytes(SAMPLE.encode(codec))
    assert (text, enc) == (SAMPLE, codec)


def test_utf32_report_file_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "u32.txt").write_bytes(SAMPLE.encode("utf-32-le"))
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.encoding == "utf-32-le" and row.report_year == 2021


def test_bidi_controls_are_stripped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    text = SAMPLE.replace("\t66\t14\t", "\t\u202e66\u202c\t\u200f14\t")
    (tmp_path / "in" / "r.txt").write_text(text, encoding="utf-8")
    (row,) = scan_landing(tmp_path / "in")
    assert row.status == "accepted" and row.check_name == "bidi_controls_removed"
    assert "removed 3 bidirectional" in row.message
    assert row.text == SAMPLE


def test_input_inside_the_excluded_warehouse_is_still_scanned(tmp_path: Path) -> None:
    """The default layout: the sample corpus is warehouse/landing, and the CLI excludes the warehouse."""
    inp = tmp_path / "warehouse" / "landing"
    inp.mkdir(parents=True)
    (inp / "r.txt").write_text(SAMPLE, encoding="utf-8")
    assert [f.source_path for f in scan_landing(inp, exclude=[tmp_path / "warehouse"])] == ["r.txt"]
