"""The embedded server's standbys: ``<data_dir>/standbys/<name>``, each on its own port.

``paysetu db standby create`` copies the embedded primary with ``pg_basebackup`` into a data
folder of its own and starts it streaming (:mod:`.replication`); its port is recorded next to
it (``<name>.json``), its socket is ``<name>.socket``. When the embedded primary starts, the
standbys registered here are started too: in synchronous mode a commit waits for one of them.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from paysetu.db.replication import Node, ReplicationError, create_standby

FOLDER = "standbys"
FIRST_PORT = 5433
"""The embedded primary's socket is ``.s.PGSQL.5432``; standbys take the next free ports."""
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
"""A replication slot's name: lower-case letters, digits and underscores."""


@dataclass(frozen=True, slots=True)
class Standby:
    name: str
    node: Node


def _folder(data_dir: Path) -> Path:
    return data_dir.resolve() / FOLDER


def registered(data_dir: Path) -> list[Standby]:
    """The standbys created under ``data_dir``, by name."""
    folder = _folder(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for record in sorted(folder.glob("*.json")):
        port = int(json.loads(record.read_text())["port"])
        found.append(Standby(record.stem, Node.beside(folder / record.stem, port)))
    return found


def create(data_dir: Path, primary: Node, name: str, synchronous: bool) -> Standby:
    """A new streaming standby of ``primary``; then the primary's commits wait for a standby
    (``synchronous``) or not."""
    if not _NAME.match(name):
        raise ReplicationError(f"standby name {name!r}: lower-case letters, digits, underscores")
    existing = registered(data_dir)
    if any(s.name == name for s in existing):
        raise ReplicationError(f"a standby named {name} exists already")
    port = max([FIRST_PORT - 1, *(s.node.port for s in existing)]) + 1
    folder = _folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    standby = Standby(name, Node.beside(folder / name, port))
    create_standby(primary, standby.node, name)
    (folder / f"{name}.json").write_text(json.dumps({"port": port}))
    standby.node.set_synchronous(synchronous)  # holds once it is promoted
    primary.set_synchronous(synchronous)
    return standby


def start_all(data_dir: Path, primary: Node, synchronous: bool) -> None:
    """Start every registered standby that is down (the embedded primary just started), and
    apply the synchronous setting to the primary."""
    standbys = registered(data_dir)
    if not standbys:
        return
    for standby in standbys:
        if not standby.node.is_running():
            standby.node.start()
    primary.set_synchronous(synchronous)


def remove(data_dir: Path, primary: Node | None, name: str, synchronous: bool) -> None:
    """Stop the standby, drop its slot on the primary, delete its folders. The last one
    removed makes commits stop waiting for a standby."""
    standby = next((s for s in registered(data_dir) if s.name == name), None)
    if standby is None:
        raise ReplicationError(f"no standby named {name}")
    if primary is not None:  # first, so that no commit waits for the standby going away
        primary.set_synchronous(synchronous and len(registered(data_dir)) > 1)
    standby.node.stop()
    if primary is not None:
        primary.drop_slot(name)
    shutil.rmtree(standby.node.pgdata, ignore_errors=True)
    shutil.rmtree(standby.node.socket_dir, ignore_errors=True)
    (_folder(data_dir) / f"{name}.json").unlink()


def find(data_dir: Path, name: str) -> Standby:
    standby = next((s for s in registered(data_dir) if s.name == name), None)
    if standby is None:
        raise ReplicationError(f"no standby named {name}")
    return standby
