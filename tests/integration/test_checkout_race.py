"""A checkout session is paid exactly once, however many requests race to pay it.

Why: the hosted page's pay button can be double-clicked, submitted from two tabs, or re-posted
after the back button; each request runs ``pay_session`` in its own transaction. The session's
row lock (and the unique ``payment_id``) must turn every race into one payment, with every
other request answered by that payment's receipt. Threads start together at a barrier; nothing
sleeps and nothing asserts on timing. The ledger audit runs afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest
import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.checkout.rules.errors import CheckoutStatus
from paysetu.checkout.usecases import checkout, checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import CheckoutView, PayCheckout
from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.ledger.usecases.service import LedgerService
from tests.api.checkout_setup import (
    PLATFORM,
    PUBLIC_BASE,
    checkout_context,
    inr_merchant,
    open_session,
)
from tests.api.payment_setup import in_transaction

pytestmark = pytest.mark.postgres

THREADS = 8
T = TypeVar("T")


@pytest.fixture
def context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return checkout_context(engine, clock)


def _race(calls: list[Callable[[], T]]) -> list[T | PaysetuError]:
    """Run every call at once (one thread each, released together); results or refusals."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], T]) -> T | PaysetuError:
        barrier.wait()
        try:
            return call()
        except PaysetuError as refusal:
            return refusal

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _payer(context: AppContext, session_id: str, quote: str,
           card: str) -> Callable[[], CheckoutView]:
    command = PayCheckout("CNY", quote, "card", card_number=card)
    return lambda: in_transaction(context, lambda uow: checkout_buyer.pay_session(
        context, uow, session_id, command, public_base=PUBLIC_BASE))


def _cny_quote(context: AppContext, session_id: str) -> str:
    """Choose CNY for the session: the locked quote's id."""
    quoted = in_transaction(context, lambda uow: checkout_buyer.choose_currency(
        context, uow, session_id, "CNY"))
    assert quoted.quote is not None
    return quoted.quote.id


def _session_payments(engine: sa.Engine, session_id: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text(
            "SELECT count(*) FROM payments WHERE metadata->>'checkout_session' = :id"),
            {"id": session_id}).scalar_one())


def test_racing_pay_requests_make_exactly_one_payment(
    context: AppContext, engine: sa.Engine, ledger: LedgerService
) -> None:
    session = open_session(context, inr_merchant(context))
    quote = _cny_quote(context, session["id"])
    cards = ["4242424242424242", "5555555555554444"] * (THREADS // 2)
    results = _race([_payer(context, session["id"], quote, c) for c in cards])
    views = [r for r in results if isinstance(r, CheckoutView)]
    assert len(views) == THREADS, [r for r in results if not isinstance(r, CheckoutView)]
    assert sum(v.newly_paid for v in views) == 1
    assert len({v.session.payment_id for v in views}) == 1
    assert _session_payments(engine, session["id"]) == 1
    report = ledger.audit()
    assert report.passed, report.findings


def test_pay_racing_the_merchant_expiring_ends_one_way_only(
    context: AppContext, engine: sa.Engine, ledger: LedgerService
) -> None:
    for _ in range(4):
        session = open_session(context, inr_merchant(context))

        def expire(session_id: str = session["id"]) -> object:
            return in_transaction(context, lambda uow: checkout.expire_session(
                context, uow, PLATFORM, session_id, PUBLIC_BASE))

        def pay(session_id: str = session["id"]) -> object:
            command = PayCheckout("INR", None, "upi", upi_id="asha@okbank")
            return in_transaction(context, lambda uow: checkout_buyer.pay_session(
                context, uow, session_id, command, public_base=PUBLIC_BASE))

        expired, paid = _race([expire, pay])
        paid_first = isinstance(paid, CheckoutView)
        if paid_first:
            assert isinstance(expired, PaysetuError)
            assert expired.code is CheckoutStatus.CHECKOUT_SESSION_COMPLETE
        else:
            assert isinstance(paid, PaysetuError)
            assert paid.code is CheckoutStatus.CHECKOUT_SESSION_EXPIRED
        assert _session_payments(engine, session["id"]) == int(paid_first)
    report = ledger.audit()
    assert report.passed, report.findings


def test_many_sessions_of_one_merchant_pay_at_once(
    context: AppContext, engine: sa.Engine, ledger: LedgerService
) -> None:
    """Different sessions share the hot rows (the platform's cash-in and FX accounts, the
    merchant's balance): they queue on them, none deadlocks, each makes its payment."""
    shop = inr_merchant(context)
    payers = []
    for _ in range(THREADS):
        session = open_session(context, shop)
        quote = _cny_quote(context, session["id"])
        payers.append(_payer(context, session["id"], quote, "4242424242424242"))
    results = _race(payers)
    assert [isinstance(r, CheckoutView) and r.newly_paid for r in results] == [True] * THREADS
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM payments")).scalar_one() == (
            THREADS)
    report = ledger.audit()
    assert report.passed, report.findings
