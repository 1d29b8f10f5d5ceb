"""``paysetu check bank`` in its CI size: a few clients for a few seconds, one server SIGKILL
and one PostgreSQL crash.

Why: the bank check is the rerunnable proof that retries, client timeouts, a killed server and
a crashed database neither lose an acknowledged write nor apply one twice, and that the
webhook outbox still delivers every event. The full-size run belongs to ``paysetu check
bank``; this one keeps the proof in every CI run. It starts its own embedded PostgreSQL,
since it crashes it.
"""

from __future__ import annotations

import pytest

from paysetu.check.bank import BankConfig, run

pytestmark = pytest.mark.postgres


def test_no_money_is_lost_or_doubled_through_timeouts_retries_and_crashes() -> None:
    config = BankConfig(clients=3, duration_s=8.0, wallets=6, merchants=2, server_crashes=1,
                        database_crashes=1, seed=7)
    report = run(config)
    assert report.violations == []
    assert report.audit_passed
    assert (report.server_crashes, report.database_crashes) == (1, 1)
    assert report.traffic_s >= config.duration_s  # longer when the crashes ate the window
    assert report.operations["payment applied"] > 0
    assert report.operations["transfer applied"] > 0
    assert report.operations["hold captured"] + report.operations["hold canceled"] > 0
    assert report.operations["charge applied"] == 0  # no mandate: the customer must approve
    # marketplace orders split across sellers, some confirmed delivered (verify.orders)
    assert report.operations["order applied"] + report.operations["order delivered"] > 0
    assert report.traffic.transport_errors > 0  # the short timeouts and crashes cut requests off
    assert report.snapshots > 0
    assert report.events_received > 0


def test_database_crashes_are_refused_on_a_server_the_check_did_not_start(
    database_url: str,
) -> None:
    with pytest.raises(ValueError, match="own embedded server"):
        run(BankConfig(database_crashes=1, database_url=database_url))
