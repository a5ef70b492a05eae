"""Test-wide set-up: the tests import their own helpers (scoring) from this folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
