"""The demo's checkouts: paid once per database, and always an open one for the banner."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from paysetu.checkout.rules.sessions import CheckoutState
from paysetu.demo.checkout import PAID, ensure_demo_checkout
from paysetu.demo.shop import ensure_demo_shop
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.usecases.service import LedgerService
from tests.api.checkout_setup import checkout_context


def test_demo_checkouts_are_paid_once_and_one_stays_open(
    engine: sa.Engine, clock: FixedClock, tmp_path: Path, ledger: LedgerService
) -> None:
    context = checkout_context(engine, clock)
    shop, _ = ensure_demo_shop(context, tmp_path)
    first = ensure_demo_checkout(context, shop)
    again = ensure_demo_checkout(context, shop)
    assert (first.paid, again.paid) == (len(PAID), 0)
    assert again.open_session_id == first.open_session_id
    with context.uow_factory() as uow:
        paid, _ = uow.checkout_sessions.list_page(
            shop.merchant_id, CheckoutState.COMPLETE, clock.now(), PageRequest(limit=10))
        payments, _ = uow.payments.list_page(shop.merchant_id, "succeeded", PageRequest(limit=10))
    assert sorted(s.presentment_currency or "" for s in paid) == ["CNY", "INR", "USD"]
    assert {p.metadata["checkout_session"] for p in payments} == {s.id for s in paid}
    assert sum(p.fx_quote_id is not None for p in payments) == 2

    clock.advance(timedelta(hours=23, minutes=30))  # less than an hour left: a new one
    later = ensure_demo_checkout(context, shop)
    assert later.open_session_id != first.open_session_id
    report = ledger.audit()
    assert report.passed, report.findings
