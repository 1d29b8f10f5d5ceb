"""Notification outbox: Alipay's retry rhythm until ``success``, signed at send time, then given
up after the eighth attempt; the worker cycle runs it as a maintenance job."""

from __future__ import annotations

from datetime import UTC, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alipay import AliPay

from paysetu.alipay.rules.gateway import NOTIFY_ATTEMPTS_MAX, NOTIFY_DELAYS_S, TradeStatus
from paysetu.alipay.rules.records import AlipayApp, AlipayTrade
from paysetu.alipay.stores.notifier import RecordingAlipayNotifier
from paysetu.alipay.stores.rsa_keys import PlatformKeyFile
from paysetu.alipay.usecases import alipay_notifications
from paysetu.alipay.usecases.ports import AlipayPolicy
from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.app.worker import run_maintenance
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.payments.usecases import merchants
from tests.api.alipay_setup import key_pair


@pytest.fixture
def notifier() -> RecordingAlipayNotifier:
    return RecordingAlipayNotifier()


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock, tmp_path: Path,
            notifier: RecordingAlipayNotifier) -> AppContext:
    keys = PlatformKeyFile(tmp_path / "platform_key.pem")
    return AppContext(lambda: PostgresUnitOfWork(engine), clock, UlidIds(), SystemSecrets(),
                      alipay=AlipayPolicy(keys, notifier, UTC))


def _queued_trade(ctx: AppContext) -> AlipayTrade:
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        merchant = merchants.create_merchant(ctx, uow, "Jade Tea House", "IN", "CNY", 0, 0, {})
        app = AlipayApp("2026000000000042", merchant["id"], key_pair("merchant").public_pem,
                        "https://tea.example/notify", now)
        uow.alipay.insert_app(app)
        trade = AlipayTrade("trd_1", app.id, "N-1", "alipay.trade.precreate", "h", 88_88, "CNY",
                            "Tea {special}", "RSA2", None, None, None, now)
        uow.alipay.insert_trade(trade)
        alipay_notifications.enqueue(ctx, uow, app, trade, TradeStatus.TRADE_CLOSED,
                                     {"gmt_close": "2026-04-01 09:30:00"})
        uow.commit()
    return trade


def test_retried_on_alipays_rhythm_until_success(
    context: AppContext, clock: FixedClock, notifier: RecordingAlipayNotifier
) -> None:
    assert context.alipay is not None
    trade = _queued_trade(context)
    notifier.script = ["fail", "", "<html>error</html>"]
    assert alipay_notifications.deliver_due(context) == 0
    for delay in NOTIFY_DELAYS_S[:3]:
        assert alipay_notifications.deliver_due(context) == 0, "not due before its delay"
        clock.advance(timedelta(seconds=delay - 1))
        assert alipay_notifications.deliver_due(context) == 0
        clock.advance(timedelta(seconds=1))
        acknowledged = alipay_notifications.deliver_due(context)
    assert acknowledged == 1
    assert len(notifier.sent) == 4
    clock.advance(timedelta(days=2))
    assert alipay_notifications.deliver_due(context) == 0, "acknowledged: not resent"

    verifier = AliPay(appid="2026000000000042", app_private_key_string=key_pair(
        "merchant").private_pem, alipay_public_key_string=context.alipay.keys.public_key_pem())
    times = []
    for url, form in notifier.sent:
        assert url == "https://tea.example/notify"
        data = dict(form)
        signature = data.pop("sign")
        assert verifier.verify(data, signature)
        times.append(form["notify_time"])
    assert len(set(times)) == 4, "each attempt is signed when sent"
    assert notifier.sent[0][1]["subject"] == "Tea {special}"
    with context.uow_factory() as uow:
        (stored,) = uow.alipay.trade_notifications(trade.id)
    assert (stored.status, stored.attempts) == ("succeeded", 4)


def test_given_up_after_the_eighth_attempt_and_run_by_the_worker(
    context: AppContext, clock: FixedClock, notifier: RecordingAlipayNotifier
) -> None:
    trade = _queued_trade(context)
    notifier.script = ["fail"] * NOTIFY_ATTEMPTS_MAX
    for _ in range(NOTIFY_ATTEMPTS_MAX):
        (job,) = [r for r in run_maintenance(context) if r.name == "deliver_alipay_notifications"]
        assert (job.changed, job.error) == (0, None)
        clock.advance(timedelta(seconds=max(NOTIFY_DELAYS_S)))
    assert len(notifier.sent) == NOTIFY_ATTEMPTS_MAX
    with context.uow_factory() as uow:
        (stored,) = uow.alipay.trade_notifications(trade.id)
    assert (stored.status, stored.attempts) == ("failed", NOTIFY_ATTEMPTS_MAX)
    assert stored.last_error == "HTTP 200, answered 'fail'"
    clock.advance(timedelta(days=7))
    assert alipay_notifications.deliver_due(context) == 0
    assert len(notifier.sent) == NOTIFY_ATTEMPTS_MAX
