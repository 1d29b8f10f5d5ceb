"""``paysetu check failover`` in its CI size: one loss of the primary in a few seconds of the
bank check's traffic, with synchronous replication.

Why: the promise is that losing the database machine loses no acknowledged payment. The
check kills the primary (every process of it, SIGKILL), promotes the standby with
``pg_promote()``, rejoins the old primary with ``pg_rewind``, and the API server and the
worker, on a multi-host URL, find the new primary by themselves (503 with Retry-After in
between). The long run belongs to ``paysetu check failover``; this one keeps the proof in CI.
"""

from __future__ import annotations

import pytest

from paysetu.check.failover import FailoverConfig, run

pytestmark = pytest.mark.postgres


def test_no_acknowledged_operation_is_lost_when_the_primary_is_lost() -> None:
    config = FailoverConfig(clients=3, duration_s=10.0, failovers=1, wallets=6, merchants=2,
                            synchronous=True, seed=7)
    report = run(config)
    assert report.violations == []
    assert report.bank.lost == []
    assert report.bank.audit_passed
    assert report.bank.database_crashes == len(report.failovers) == 1
    assert report.acknowledged > 0
    assert report.bank.operations["payment applied"] > 0
    assert report.bank.operations["transfer applied"] > 0
    # The API answered 503 while no primary could be reached, and the clients retried.
    assert report.bank.traffic.retried_answers[503] > 0
    assert report.bank.events_received > 0
    [failover] = report.failovers
    assert failover.promoted_s <= failover.rejoined_s
    # Clients got answers to requests sent after the kill: the API followed the new primary.
    [unavailable] = report.unavailable_s
    assert unavailable > 0
