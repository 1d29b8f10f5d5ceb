"""A crashed paysetu process must not keep the embedded PostgreSQL alive forever.

The wheel lists the processes using a server in ``pgdata/.handle_pids.json`` and the last one
to exit stops it. A process killed without clean-up stays listed, so the next ``paysetu run``
used to print "still used by another paysetu process" on exit and leave the server running
(seen after a SIGTERM during the demo replay). Starting now forgets the dead handles.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from paysetu.db.embedded import HANDLES_FILE, EmbeddedPostgres, forget_dead_handles

pytestmark = pytest.mark.postgres


def _dead_pid() -> int:
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def test_the_last_live_user_stops_the_server_despite_a_crashed_one() -> None:
    with tempfile.TemporaryDirectory(prefix="paysetu-handles-") as directory:
        pgdata = Path(directory) / "pgdata"
        server = EmbeddedPostgres(pgdata)
        try:
            handles = pgdata / HANDLES_FILE
            mine = json.loads(handles.read_text())
            crashed = _dead_pid()
            handles.write_text(json.dumps([crashed, *mine]))
            forget_dead_handles(pgdata)
            assert json.loads(handles.read_text()) == mine
        finally:
            server.stop()
        assert not server.is_running()
