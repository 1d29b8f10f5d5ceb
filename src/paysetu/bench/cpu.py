"""CPU seconds spent by the bench's client processes and by the PostgreSQL server, separately.

Client and server share the machine's cores, so a transfer rate alone does not say which side
to make cheaper. Linux accounts every process's user and system time in ``/proc/<pid>/stat``
(in clock ticks); the bench reads it for a worker's own backend (server CPU per transfer), for
every process of the server during a pgbench run, and takes the client's CPU from the worker
process itself. The API bench splits each payment's CPU between its clients, the API server's
process tree and PostgreSQL's (:func:`tree_cpu_s`: a process, its reaped children and its live
descendants, so a backend that closed during a cell still counts). Where ``/proc`` has no
such process (a server on another machine) the figures are None.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path

import sqlalchemy as sa

_TICKS_PER_S = os.sysconf("SC_CLK_TCK")
_PROC = Path("/proc")


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = (_PROC / str(pid) / "stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    return text[text.rindex(")") + 2 :].split()


def process_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of one process so far (None: no such process here)."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS_PER_S  # utime, stime (fields 14, 15)


def parent_pid(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return None if fields is None else int(fields[1])


def children_cpu_s(parent: int) -> float | None:
    """CPU seconds of ``parent``, of its children that have exited (the kernel adds a reaped
    child's time to its parent's cutime and cstime) and of every live child: for the server,
    the postmaster, every backend (pgbench's end with the run) and the background workers."""
    fields = _stat_fields(parent)
    if fields is None:
        return None
    total = sum(int(value) for value in fields[11:15]) / _TICKS_PER_S  # utime..cstime
    for entry in _PROC.iterdir():
        if entry.name.isdigit() and parent_pid(int(entry.name)) == parent:
            total += process_cpu_s(int(entry.name)) or 0.0
    return total


def child_pids(parent: int) -> set[int]:
    """The live child processes of ``parent`` (for the server: its backends and workers)."""
    return {int(entry.name) for entry in _PROC.iterdir()
            if entry.name.isdigit() and parent_pid(int(entry.name)) == parent}


def wait_until_reaped(parent: int, before: set[int], deadline_s: float = 10.0) -> bool:
    """Wait until every child ``parent`` started after ``before`` was listed has been reaped
    (its time is then in the parent's cstime); False when the deadline passed first."""
    give_up = time.monotonic() + deadline_s
    while child_pids(parent) - before:
        if time.monotonic() > give_up:
            return False
        time.sleep(0.01)  # a poll of /proc, not a guess at how long reaping takes
    return True


def backend_pid(engine: sa.Engine) -> int:
    """The server process of the connection the engine's pool hands out next."""
    with engine.connect() as connection:
        return int(connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


def own_cpu_s() -> float:
    """CPU seconds of this process (every thread: meaningful for process workers)."""
    return time.process_time()


def waited_children_cpu_s() -> float:
    """CPU seconds of this process's finished child processes (pgbench, once it has exited)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = list((_PROC / str(pid) / "task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text(encoding="ascii").split()]
        except OSError:
            continue
    return found


def tree_cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of ``pid``, its reaped children and its live descendants."""
    fields = _stat_fields(pid)
    if fields is None:
        return None
    # After "pid (comm) ": state is field 0; utime, stime, cutime, cstime are fields 11-14.
    ticks = sum(int(value) for value in fields[11:15])
    for child in _children(pid):
        ticks += round((tree_cpu_s(child) or 0.0) * _TICKS_PER_S)
    return ticks / _TICKS_PER_S
