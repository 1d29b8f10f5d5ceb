"""``paysetu db standby create|list|promote|remove`` on the embedded server, as a user runs it.

Why: a payments company must survive losing the database machine; the first step is a
streaming standby that has every commit (synchronous by default), and that can be promoted.
Each command runs as its own process, like a user's: the embedded primary is started and
stopped by each of them, the standby keeps running between them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from paysetu.db.standbys import registered

pytestmark = pytest.mark.postgres
COMMAND_TIMEOUT_S = 180


@pytest.fixture
def data_dir() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="paysetu-standby-"))
    try:
        yield root / "var"
    finally:
        for standby in registered(root / "var"):
            standby.node.stop()
        shutil.rmtree(root, ignore_errors=True)


def _paysetu(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PAYSETU_DATA_DIR": str(data_dir)}
    environment.pop("PAYSETU_DATABASE_URL", None)
    environment.pop("PAYSETU_DB_SYNCHRONOUS_REPLICATION", None)
    return subprocess.run(
        [sys.executable, "-W", "ignore", "-c", "from paysetu.cli.app import main; main()",
         *args], env=environment, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_S,
        check=False)


def test_a_standby_streams_synchronously_and_can_be_promoted(data_dir: Path) -> None:
    made = _paysetu(data_dir, "db", "standby", "create", "replica_1")
    assert made.returncode == 0, made.stderr
    assert "streams (synchronous)" in made.stdout
    [standby] = registered(data_dir)
    assert (standby.name, standby.node.port) == ("replica_1", 5433)
    node = standby.node
    assert node.in_recovery()
    # The standby has the migrated schema, copied and streamed from the primary.
    with node.connect() as connection:
        connection.execute("SELECT 1")
    assert node.scalar(
        "SELECT count(*) FROM pg_database WHERE datname = 'paysetu'") == 1
    # Promoted, it would take the commits: it must wait for a standby of its own then.
    assert node.scalar("SHOW synchronous_standby_names") == "*"

    listed = _paysetu(data_dir, "db", "standby", "list")
    assert listed.returncode == 0, listed.stderr
    assert "replica_1" in listed.stdout
    assert "5433" in listed.stdout

    promoted = _paysetu(data_dir, "db", "standby", "promote", "replica_1")
    assert promoted.returncode == 0, promoted.stderr
    assert not node.in_recovery()

    removed = _paysetu(data_dir, "db", "standby", "remove", "replica_1")
    assert removed.returncode == 0, removed.stderr
    assert registered(data_dir) == []
    assert not node.pgdata.exists()
    assert not node.is_running()


def test_a_bad_name_is_refused(data_dir: Path) -> None:
    made = _paysetu(data_dir, "db", "standby", "create", "Replica-1")
    assert made.returncode == 1
    assert "lower-case letters" in made.stderr
    assert registered(data_dir) == []
