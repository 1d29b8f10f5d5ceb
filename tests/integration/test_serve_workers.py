"""``paysetu serve --workers N``: N processes answer on one socket and all stop on SIGTERM.

Why: one Python process answers on one core at most; the API bench showed the single-process
server at 94% of a core while PostgreSQL waited on it. The bench now serves with one worker
per core (``tests/integration/test_bench_api_quick.py`` drives it end to end); this test pins
the command's own contract: the workers exist, share the socket, and leave nothing behind.
"""

from __future__ import annotations

import json
import signal
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from paysetu.bench.api_server import UrlReader, serve_command

pytestmark = pytest.mark.postgres
WORKERS = 2


def _children(pid: int) -> set[int]:
    """The processes ``pid`` started, from each of its threads' ``children`` list; a thread
    that ends between the listing and the read has none left (seen once in a full run)."""
    tasks = Path(f"/proc/{pid}/task")
    found: set[int] = set()
    for task in tasks.iterdir():
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except FileNotFoundError:
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def test_workers_answer_and_all_stop_on_sigterm(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    environment = {"PATH": "/usr/bin:/bin", "PAYSETU_DATABASE_URL": database_url,
                   "PAYSETU_DATA_DIR": str(tmp_path)}
    with log.open("w", encoding="utf-8") as log_file:
        process = subprocess.Popen(
            serve_command(WORKERS), env=environment, stdout=subprocess.PIPE, stderr=log_file,
            text=True)
    reader = UrlReader(process)
    try:
        url = reader.url(log)
        workers = {pid for pid in _children(process.pid)
                   if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()}
        assert len(workers) == WORKERS, workers
        for _ in range(20):
            with urllib.request.urlopen(f"{url}/healthz", timeout=10) as answer:
                assert answer.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/v1/payments", timeout=10)
        assert refused.value.code == 401
        assert "error" in json.loads(refused.value.read())
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(60)
        reader.close()
    assert code == 0, log.read_text(encoding="utf-8")
    assert not [pid for pid in workers if _alive(pid)]
