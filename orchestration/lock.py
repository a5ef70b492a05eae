"""One `gongkai run` per warehouse at a time: an advisory lock on WAREHOUSE/.lock holding the owner's PID.

The lock is an `fcntl.flock` on the file, so the kernel releases it when its holder exits, however it
exits (a crash or SIGKILL included); a stale PID left in the file is never mistaken for a live holder.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

LOCK_NAME = ".lock"


class WarehouseBusy(RuntimeError):
    """Another process held the warehouse lock for longer than we were willing to wait."""

    def __init__(self, warehouse: Path, holder: str, waited: float):
        self.warehouse, self.holder, self.waited = warehouse, holder, waited
        who = f"PID {holder}" if holder else "another process"
        super().__init__(f"warehouse {warehouse} is in use by another gongkai run ({who}); "
                         f"waited {waited:.0f} s. Try again when it has finished, or raise --lock-wait")


class WarehouseLock:
    """Exclusive lock on a warehouse; `acquire(wait)` polls for up to `wait` seconds."""

    def __init__(self, warehouse: Path):
        self.warehouse = Path(warehouse)
        self.path = self.warehouse / LOCK_NAME
        self._fh = None

    def holder(self) -> str:
        """The PID written by the current (or last) holder, '' if none is readable."""
        try:
            return self.path.read_text(encoding="ascii", errors="replace").strip().split()[0]
        except (OSError, IndexError):
            return ""

    def acquire(self, wait: float = 30.0, on_wait=None) -> "WarehouseLock":
        """Take the lock, waiting up to `wait` seconds; `on_wait(pid)` is called once if we have to wait."""
        fh = open(self.path, "a+")
        deadline = time.monotonic() + max(0.0, wait)
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = self.holder()
                    fh.close()
                    raise WarehouseBusy(self.warehouse, holder, wait) from None
                if not told and on_wait is not None:
                    on_wait(self.holder())
                    told = True
                time.sleep(0.2)
        fh.seek(0)
        fh.truncate()
        fh.write(f"{os.getpid()}\n")
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.seek(0)
                self._fh.truncate()
                fcntl.flock(self._fh, fcntl.LOCK_UN)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()
