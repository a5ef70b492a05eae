"""Test-wide set-up: the tests import their own helpers (scoring) from this folder, and share one
`gongkai run` of the bundled sample corpus (session scope: it takes a few seconds)."""

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "warehouse" / "landing"
GONGKAI = str(Path(sys.executable).parent / "gongkai")


def gongkai_run(input_dir: Path, warehouse: Path, years: str = "all") -> subprocess.CompletedProcess:
    """Run the CLI exactly as the README says."""
    return subprocess.run([GONGKAI, "run", "--input", str(input_dir), "--warehouse", str(warehouse), "--years", years],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory):
    """(warehouse, stdout) of one run of the sample corpus; tests must not modify its marts."""
    wh = tmp_path_factory.mktemp("wh")
    res = gongkai_run(SAMPLE, wh)
    assert res.returncode == 0, res.stdout + res.stderr
    return wh, res.stdout
