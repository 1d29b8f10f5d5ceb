"""Asynchronous notifications: queued with the change they report, sent by the worker.

Enqueueing writes one outbox row in the transaction of the trade change (nothing is sent from a
request). The worker (:func:`deliver_due`, a maintenance job of ``paysetu worker``) then works
as the webhook delivery does, in three short steps with no transaction open while it waits on
the network: claim a batch (``SKIP LOCKED``, counts the attempt, leases the rows), send each
form-encoded, signed with the platform key at send time (``notify_time`` is the sending time),
and record the outcome. A notification succeeds when the receiver answers ``success``;
otherwise it is retried on Alipay's rhythm (4m, 10m, 10m, 1h, 2h, 6h, 15h) and ``failed`` after
the eighth attempt.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from paysetu.alipay.rules.gateway import (
    TradeStatus,
    format_amount,
    format_time,
    notification_sign_content,
    notify_delay_s,
)
from paysetu.alipay.rules.records import AlipayApp, AlipayNotification, AlipayTrade
from paysetu.alipay.usecases.ports import AlipayContext, AlipayPolicy, AlipayUnitOfWork

BATCH_SIZE = 10
SEND_TIMEOUT_S = 10
BATCHES_MAX = 100
NOTIFY_TYPE = "trade_status_sync"


def enqueue(
    ctx: AlipayContext, uow: AlipayUnitOfWork, app: AlipayApp, trade: AlipayTrade,
    status: TradeStatus, fields: Mapping[str, str],
) -> None:
    """Queue the trade's ``status`` for its notify URL (none: nothing to send)."""
    policy = ctx.alipay
    url = trade.notify_url or app.notify_url
    if policy is None or url is None:
        return
    now = ctx.clock.now()
    notification_id = ctx.ids.new_id("ntf")
    params = {
        "notify_type": NOTIFY_TYPE,
        "notify_id": notification_id,
        "app_id": app.id,
        "charset": "utf-8",
        "version": "1.0",
        "trade_no": trade.id,
        "out_trade_no": trade.out_trade_no,
        "trade_status": status.value,
        "total_amount": format_amount(trade.amount_minor, trade.currency),
        "subject": trade.subject,
        "seller_id": app.merchant_id,
        "gmt_create": format_time(trade.created_at, policy.for_app(app).timezone),
        **fields,
    }
    uow.alipay.insert_notification(AlipayNotification(
        id=notification_id, trade_id=trade.id, url=url, sign_type=trade.sign_type,
        params=params, status="pending", attempts=0, last_error=None, next_attempt_at=now,
        created_at=now))


def signed_form(policy: AlipayPolicy, notification: AlipayNotification,
                notify_time: str) -> dict[str, str]:
    """The form sent: the queued fields, ``notify_time``, ``sign_type`` and ``sign``."""
    form = {**notification.params, "notify_time": notify_time,
            "sign_type": notification.sign_type}
    form["sign"] = policy.keys.sign(notification_sign_content(form), notification.sign_type)
    return form


def _claim(ctx: AlipayContext) -> list[AlipayNotification]:
    with ctx.uow_factory() as uow:
        now = ctx.clock.now()
        lease = now + timedelta(seconds=BATCH_SIZE * (SEND_TIMEOUT_S + 5) + 30)
        claimed = uow.alipay.claim_notifications(now, lease, BATCH_SIZE)
        uow.commit()
    return claimed


def _send(ctx: AlipayContext, policy: AlipayPolicy, notification: AlipayNotification) -> bool:
    """Send one claimed notification and record the outcome; True if it was acknowledged."""
    form = signed_form(policy, notification, format_time(ctx.clock.now(), policy.timezone))
    result = policy.notifier.send(notification.url, form)
    now = ctx.clock.now()
    if result.error is None:
        status, next_attempt_at = "succeeded", now
    else:
        delay = notify_delay_s(notification.attempts)
        status = "failed" if delay is None else "pending"
        next_attempt_at = now + timedelta(seconds=delay or 0)
    with ctx.uow_factory() as uow:
        uow.alipay.record_notification(notification.id, notification.attempts, status,
                                       result.error, next_attempt_at)
        uow.commit()
    return result.error is None


def deliver_due(ctx: AlipayContext) -> int:
    """Send every due notification, batch by batch; how many were acknowledged."""
    policy = ctx.alipay
    if policy is None:
        return 0
    acknowledged = 0
    for _ in range(BATCHES_MAX):
        claimed = _claim(ctx)
        if not claimed:
            break
        acknowledged += sum(_send(ctx, policy, n) for n in claimed)
    return acknowledged
