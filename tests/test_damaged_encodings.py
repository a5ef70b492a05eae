"""Text whose encoding a crawler, an editor or a database damaged (red-team AN is the family of real-shaped files,
in tests/test_table_shapes.py; this module damages generated reports each way and requires the clean file's cells).

Each damage has one exact reversal, tried only on a text without the report's markers and kept only when the
repaired text has them (a note says which): GBK or UTF-8 read one byte per character and saved again, every
character an HTML reference, a JSON string's escapes, percent-encoding; a file in two encodings is decoded line by
line; NUL bytes padded into the text are removed. A text damaged beyond repair is `undecodable`, never numbers.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_decoy_tables import N, _cells, _truths  # noqa: E402

from transforms.ingest import ReaderError, read_document  # noqa: E402
from transforms.ingest.decode import DecodeError  # noqa: E402
from transforms.pipeline import run_layers  # noqa: E402
from transforms.synth import build_model  # noqa: E402
from transforms.synth.shapes import render_tsv  # noqa: E402


def _cp1252_view(data: bytes) -> str:
    """What a tool shows reading bytes as cp1252 (latin-1 where cp1252 has no character)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


DAMAGES = {
    "gbk_as_cp1252": lambda t: _cp1252_view(t.encode("gb18030")).encode("utf-8"),
    "utf8_twice": lambda t: t.encode("utf-8").decode("latin-1").encode("utf-8"),
    "entities": lambda t: "".join(f"&#{ord(c)};" if ord(c) > 0x7F else c for c in t).encode("ascii"),
    "json_escapes": lambda t: ('{"content": "' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                               .replace("\t", "\\t").encode("ascii", "backslashreplace").decode("ascii") + '"}').encode(),
    "percent": lambda t: quote(t, safe=" \n\t：:，,。()（）-").encode("ascii"),
    "two_encodings": lambda t: ("标题：年度报告\n来源：门户网站\n".encode("utf-8") + t.encode("gb18030")),
    "nul_padding": lambda t: t.encode("utf-8").replace(b"\n", b"\x00" * 6 + b"\n"),
}


@pytest.fixture(scope="module")
def readings(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("encodings")
    for i, truth in enumerate(_truths()[:N]):
        rng = random.Random(f"encoding:{i}")
        text, ext = render_tsv(build_model(truth, rng), rng)
        (root / f"e{i:02d}_plain{ext}").write_text(text, encoding="utf-8")
        for kind, damage in DAMAGES.items():
            (root / f"e{i:02d}_{kind}{ext}").write_bytes(damage(text))
    layers = run_layers(root)
    return {"cells": _cells(layers), "manifest": layers["landing_manifest"]}


@pytest.mark.parametrize("kind", list(DAMAGES))
def test_a_damaged_encoding_reads_as_the_clean_file(readings, kind: str) -> None:
    cells = readings["cells"]
    for i in range(N):
        plain = cells[f"e{i:02d}_plain"]
        assert sum(v is not None for v in plain.values()) > 100
        assert cells.get(f"e{i:02d}_{kind}") == plain, (i, kind)
    notes = dict(zip(readings["manifest"]["source_path"], readings["manifest"]["check_name"]))
    if kind in ("gbk_as_cp1252", "utf8_twice", "entities", "json_escapes", "percent"):
        assert all(notes[p] == "encoding_repaired" for p in notes if f"_{kind}." in p)


def test_a_text_damaged_beyond_repair_is_undecodable_not_numbers() -> None:
    text = render_tsv(build_model(_truths()[0], random.Random(1)), random.Random(1))[0]
    lossy = "".join("锟斤拷" if "\u4e00" <= c <= "\u9fff" else c for c in text)
    from transforms.ingest import scan_landing  # (the landing's verdict is what rejects it)

    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.txt").write_text(lossy, encoding="utf-8")
        row = scan_landing(Path(tmp))[0]
    assert (row.status, row.check_name) == ("rejected", "undecodable")
    # a text that is fine needs no repair, and nothing is tried on a text without any sign of one
    assert read_document(text.encode("utf-8"), ".txt")[0].notes == []
    with pytest.raises((ReaderError, DecodeError)):
        read_document(b"\x00\x01\x02\x03" * 100, ".txt")
