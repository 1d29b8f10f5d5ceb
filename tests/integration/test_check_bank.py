"""``paysetu check bank`` in its CI size: a few clients, a few seconds, one server crash.

Why: the bank check is the rerunnable proof that retries, client timeouts and a SIGKILLed
server neither lose an acknowledged write nor apply one twice. The full-size run belongs to
``paysetu check bank``; this one keeps the proof in every CI run.
"""

from __future__ import annotations

import pytest

from paysetu.check.bank import BankConfig, run

pytestmark = pytest.mark.postgres


def test_no_money_is_lost_or_doubled_through_timeouts_retries_and_a_crash(
    database_url: str,
) -> None:
    config = BankConfig(clients=3, duration_s=6.0, wallets=6, merchants=2, crashes=1, seed=7,
                        database_url=database_url)
    report = run(config)
    assert report.violations == []
    assert report.audit_passed
    assert report.crashes == 1
    assert report.operations["payment applied"] > 0
    assert report.operations["transfer applied"] > 0
    assert report.transport_errors > 0  # the short timeouts and the crash did cut requests off
    assert report.snapshots > 0
