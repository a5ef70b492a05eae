"""DOC/WPS/RTF reader: LibreOffice (`soffice --headless --convert-to docx`) in a private temporary
folder and user profile, with a timeout, then the DOCX reader. Without `soffice` on PATH the
file gets a `converter_missing` finding (install: apt-get install -y libreoffice-writer-nogui).

RTF (`{\\rtf`, often saved or renamed as `.doc`; Word, WPS and LibreOffice all open it) takes the
same path, as do the word-processor files LibreOffice and WPS save besides: OpenDocument text (`.odt`, a ZIP
whose `mimetype` is opendocument.text; `.fodt`, the same as one XML file) and Word 2003 XML (`.xml`,
`<w:wordDocument>`). Their source_format is `doc` too (a word-processor document read through LibreOffice).
Read as plain text, an XML document would give its markup's numbers (cell widths) as cells.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from transforms.ingest import docx as docx_reader
from transforms.ingest.base import Reading, ReaderError

SOURCE_FORMAT = "doc"
EXTENSIONS = (".doc", ".wps", ".dot", ".wpt", ".rtf", ".odt", ".ott", ".fodt", ".xml")
LABEL = "Word 97-2003 / WPS document (OLE2)"
RTF_LABEL = "RTF document"
ODT_LABEL = "OpenDocument text (.odt)"
FODT_LABEL = "flat OpenDocument text (.fodt, XML)"
WORD_XML_LABEL = "Word 2003 XML document"
TIMEOUT_S = int(os.environ.get("GONGKAI_SOFFICE_TIMEOUT_S", "120"))

_WORD_STREAM = "WordDocument".encode("utf-16-le")


def sniff(head: bytes) -> bool:
    return head.startswith(docx_reader.OLE_MAGIC) and _WORD_STREAM in head


def is_rtf(head: bytes) -> bool:
    """RTF starts with `{\\rtf` (after a BOM or blank lines that some exporters leave)."""
    return head[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


_ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"
_XML_HEAD = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<\?xml[^>]{0,300}\?>")


def other_format(head: bytes) -> tuple[str, str] | None:
    """(label, input suffix for LibreOffice) of the other word-processor files this reader takes: RTF,
    OpenDocument text (zipped or flat) and Word 2003 XML; None for anything else."""
    if is_rtf(head):
        return RTF_LABEL, ".rtf"
    if head.startswith(b"PK\x03\x04") and _ODT_MIMETYPE in head[:120]:
        return ODT_LABEL, ".odt"
    if _XML_HEAD.match(head):
        start = head[:4096]
        if b"<office:document" in start and b"opendocument.text" in head[:65536]:
            return FODT_LABEL, ".fodt"
        if b"<w:wordDocument" in start or b'progid="Word.Document"' in start:
            return WORD_XML_LABEL, ".xml"
    return None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read(data: bytes) -> Reading:
    other = other_format(data[:65536])
    exe = soffice()
    if exe is None:
        raise ReaderError("converter_missing", f"{'an ' + other[0] if other else 'a .doc/.wps file'} needs "
                          "LibreOffice to be read, and 'soffice' is not on PATH (apt-get install -y "
                          "libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory(prefix="gongkai-doc-") as tmp:
        src = Path(tmp) / ("input" + (other[1] if other else ".doc"))
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
