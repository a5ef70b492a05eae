"""Shared helpers for the end-to-end tests that drive the `gongkai` executable as a user would.

Only processes started by these helpers are ever signalled, and only through their own process
group (each is started with `start_new_session=True`, so the group id is the child's pid).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CORPUS = REPO / "warehouse" / "landing"
GONGKAI = Path(sys.executable).parent / "gongkai"
SAMPLE_YEARS = {"2019": 4, "2020": 3}  # reports per year in the bundled sample corpus


def copy_corpus(dest: Path) -> Path:
    """A private copy of the sample corpus, so a test never touches the repo's warehouse."""
    shutil.copytree(SAMPLE_CORPUS, dest)
    return dest


def free_port() -> int:
    """A loopback port that was free a moment ago (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def child_env() -> dict[str, str]:
    """The test's environment minus anything that would point gongkai/Dagster elsewhere."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DAGSTER_HOME", "GONGKAI_INPUT", "GONGKAI_WAREHOUSE")}
    env["DAGSTER_DISABLE_TELEMETRY"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def group_alive(pgid: int) -> bool:
    """Whether any process of our own child's group still exists."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # cannot happen for our own children; be conservative
        return True
    return True


def stop_group(proc: subprocess.Popen, sig: int = signal.SIGINT, timeout: float = 45.0) -> None:
    """Stop a child started with start_new_session=True: `sig` to its group, then SIGKILL on timeout.

    `dagster dev` shuts its webserver, daemon and code servers down on SIGINT (it ignores TERM
    when backgrounded). Anything left in the group after the leader exits is killed too.
    """
    pgid = proc.pid  # start_new_session=True: the child leads its own group
    if proc.poll() is None:
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    deadline = time.monotonic() + 10
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.2)  # children finishing their own shutdown
    if proc.poll() is None or group_alive(pgid):
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=30)


def tail(path: Path, n: int = 60) -> str:
    """The last lines of a log file, for failure messages."""
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


class GraphQL:
    """A minimal client for the Dagster webserver's /graphql endpoint (stdlib only)."""

    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/graphql"
        self.base = f"http://127.0.0.1:{port}"
        # Never through an HTTP(S)_PROXY from the environment: the server is on loopback.
        self._open = urllib.request.build_opener(urllib.request.ProxyHandler({})).open

    def raw(self, query: str, variables: dict | None = None, timeout: float = 300) -> dict:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        req = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json"})
        with self._open(req, timeout=timeout) as resp:
            return json.load(resp)

    def __call__(self, query: str, variables: dict | None = None, timeout: float = 300) -> dict:
        out = self.raw(query, variables, timeout)
        if out.get("errors"):
            raise AssertionError(f"GraphQL errors: {json.dumps(out['errors'], ensure_ascii=False)[:2000]}")
        return out["data"]

    def answers(self) -> bool:
        try:
            with self._open(self.base + "/server_info", timeout=5) as resp:
                return resp.status == 200
        except (urllib.error.URLError, ConnectionError, OSError):
            return False


def typed(obj: dict, expected: str) -> dict:
    """Assert a GraphQL union resolved to the expected type; show the error otherwise."""
    assert obj["__typename"] == expected, json.dumps(obj, ensure_ascii=False)[:3000]
    return obj


def wait_for(predicate, timeout: float, interval: float, what: str, proc: subprocess.Popen | None = None,
             log: Path | None = None):
    """Poll `predicate` until it returns a truthy value; fail with the child's log on timeout or exit."""

    def why() -> str:
        return f"waiting for {what}\n{tail(log) if log else ''}"

    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"process exited ({proc.returncode}) while {why()}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s {why()}")
        time.sleep(interval)
