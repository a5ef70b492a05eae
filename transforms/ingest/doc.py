"""DOC/WPS/RTF reader: LibreOffice (`soffice --headless --convert-to docx`) in a private temporary
folder and user profile, with a timeout, then the DOCX reader. Without `soffice` on PATH the
file gets a `converter_missing` finding (install: apt-get install -y libreoffice-writer-nogui).

RTF (`{\\rtf`, often saved or renamed as `.doc`; Word, WPS and LibreOffice all open it) takes the
same path; its source_format is `doc` too (a Word document read through LibreOffice).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from transforms.ingest import docx as docx_reader
from transforms.ingest.base import Reading, ReaderError

SOURCE_FORMAT = "doc"
EXTENSIONS = (".doc", ".wps", ".dot", ".wpt", ".rtf")
LABEL = "Word 97-2003 / WPS document (OLE2)"
RTF_LABEL = "RTF document"
TIMEOUT_S = int(os.environ.get("GONGKAI_SOFFICE_TIMEOUT_S", "120"))

_WORD_STREAM = "WordDocument".encode("utf-16-le")


def sniff(head: bytes) -> bool:
    return head.startswith(docx_reader.OLE_MAGIC) and _WORD_STREAM in head


def is_rtf(head: bytes) -> bool:
    """RTF starts with `{\\rtf` (after a BOM or blank lines that some exporters leave)."""
    return head[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(data: bytes) -> Reading:
    exe = soffice()
    if exe is None:
        raise ReaderError("converter_missing", f"a {'RTF' if is_rtf(data) else '.doc/.wps'} file needs "
                          "LibreOffice to be read, and 'soffice' is not on PATH (apt-get install -y "
                          "libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="gongkai-doc-") as tmp:
        src = Path(tmp) / ("input.rtf" if is_rtf(data) else "input.doc")
        src.write_bytes(data)
        out = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless", "--norestore",
               "--nologo", "--convert-to", "docx", "--outdir", str(out), str(src)]
        env = {**os.environ, "HOME": tmp}
        try:
            res = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, env=env,
                                 stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReaderError("conversion_failed",
                              f"LibreOffice did not convert the file within {TIMEOUT_S} s") from None
        except OSError as err:
            raise ReaderError("conversion_failed", f"LibreOffice could not be started: {err}") from None
        converted = out / "input.docx"
        if not converted.exists():
            said = (res.stderr or res.stdout or b"").decode("utf-8", "replace").strip()
            tail = said.splitlines()[-1:] or [""]
            raise ReaderError("conversion_failed",
                              "LibreOffice could not convert the file (encrypted or corrupt?)"
                              + (f": {tail[0][:200]}" if tail[0] else ""))
        reading = docx_reader.read(converted.read_bytes())
    reading.source_format = SOURCE_FORMAT
    return reading
