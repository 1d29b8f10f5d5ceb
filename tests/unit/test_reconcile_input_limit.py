"""``paysetu reconcile`` stops reading a statement at the size limit (issue 15, item 5).

``stat`` says 0 bytes for a pipe or a device, so checking the size first and then reading to
the end let a 200 MB pipe cost 526 MB and ``/dev/zero`` every byte of memory. The limit is
lowered here so the pipe stays small; the writer offers three times the limit and the reader
must refuse after the limit, never having held more than it.
"""

from __future__ import annotations

import os
import threading
import tracemalloc
from pathlib import Path

import pytest

from paysetu.cli import reconcile
from paysetu.settlement.rules.reconciliation_errors import (
    ReconciliationRejected,
    ReconciliationStatus,
)

LIMIT = 256 * 1024


def _write_into(fifo: Path, total: int, written: list[int]) -> None:
    chunk = b"x" * 16384
    try:
        with fifo.open("wb") as pipe:
            while written[0] < total:
                written[0] += pipe.write(chunk)
    except BrokenPipeError:
        return  # the reader stopped at the limit and closed its end


def test_a_pipe_longer_than_the_limit_is_refused_after_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(reconcile, "STATEMENT_BYTES_MAX", LIMIT)
    fifo = tmp_path / "statement.csv"
    os.mkfifo(fifo)
    written = [0]
    writer = threading.Thread(target=_write_into, args=(fifo, 3 * LIMIT, written), daemon=True)
    writer.start()
    tracemalloc.start()
    try:
        with pytest.raises(ReconciliationRejected) as refused:
            reconcile.load_statement(fifo, "csv")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    writer.join(timeout=30)
    assert not writer.is_alive()
    assert (refused.value.code, refused.value.param) == (
        ReconciliationStatus.STATEMENT_TOO_LARGE, "file")
    assert peak < 2 * LIMIT, "read no further than the limit"
    assert written[0] < 3 * LIMIT, "the writer was cut off"


def test_a_device_is_read_only_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reconcile, "STATEMENT_BYTES_MAX", LIMIT)
    assert reconcile.read_at_most(Path("/dev/zero"), LIMIT) is None
    with pytest.raises(ReconciliationRejected) as refused:
        reconcile.load_statement(Path("/dev/zero"), "csv")
    assert refused.value.code is ReconciliationStatus.STATEMENT_TOO_LARGE


def test_a_statement_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    path.write_bytes(b"a" * 100)
    assert reconcile.read_at_most(path, 100) == b"a" * 100
    assert reconcile.read_at_most(path, 99) is None
