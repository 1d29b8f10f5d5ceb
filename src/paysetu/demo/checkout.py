"""The demo's hosted checkouts: a few paid sessions of the demo shop, and one open to try.

A new user should be able to open a checkout page right away, so every ``paysetu run`` makes
sure the demo shop (Chai Point, INR) has an open session (24 hours, the longest a session may
live) and prints its URL in the banner. Three sessions paid by buyers in CNY, USD and INR show
what the merchant sees afterwards (payments with their quotes, the receipts). Everything goes
through the same services as the API and the page; a second run adds nothing but a new open
session once the last one has expired or been paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.checkout.rules.sessions import CheckoutSession, CheckoutState
from paysetu.checkout.usecases import checkout, checkout_buyer
from paysetu.checkout.usecases.checkout_buyer import PayCheckout
from paysetu.demo.console import console
from paysetu.demo.shop import DemoShop
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.fx_errors import FxRejected

DEMO_BASE = "http://127.0.0.1"
"""A placeholder base for the service's ``url`` field; the banner builds the real one."""
RETURN_URL = "http://127.0.0.1/demo-shop/thanks"
PAID = (
    # (price in paise, what, buyer's currency, source, card or UPI id)
    (180_00, "Masala chai x 6", "CNY", "card", "4242 4242 4242 4242"),
    (1_250_00, "Assam gift box", "USD", "upi", "li.wei@okicici"),
    (95_00, "Ginger chai", "INR", "card", "5555 5555 5555 4444"),
)
OPEN = (2_499_00, "Darjeeling first flush, 500 g")
OPEN_LIFETIME = timedelta(hours=24)
OPEN_FOR_AT_LEAST = timedelta(hours=1)
"""A run reuses the newest open session only if it stays open this long."""


@dataclass(frozen=True, slots=True)
class DemoCheckout:
    open_session_id: str
    paid: int
    """Sessions paid now (0 when an earlier run already paid the demo's)."""


def _newest(ctx: AppContext, merchant_id: str, state: CheckoutState) -> CheckoutSession | None:
    with ctx.uow_factory() as uow:
        found, _ = uow.checkout_sessions.list_page(merchant_id, state, ctx.clock.now(),
                                                    PageRequest(limit=1))
    return found[0] if found else None


def _create(ctx: AppContext, merchant: Principal, amount_minor: int, description: str,
            lifetime: timedelta | None = None) -> str:
    expires_at = None if lifetime is None else ctx.clock.now() + lifetime
    command = checkout.CreateCheckoutSession(
        amount_minor=amount_minor, currency="INR", return_url=RETURN_URL,
        description=description, metadata={"demo": "checkout"}, expires_at=expires_at)
    with ctx.uow_factory() as uow:
        session = checkout.create_session(ctx, uow, merchant, command, DEMO_BASE)
        uow.commit()
    return str(session["id"])


def _pay(ctx: AppContext, session_id: str, currency: str, source: str, detail: str) -> None:
    with ctx.uow_factory() as uow:
        quote = None
        if currency != "INR":
            quote = checkout_buyer.choose_currency(ctx, uow, session_id, currency).quote
        command = PayCheckout(
            currency, None if quote is None else quote.id, source,
            card_number=detail if source == "card" else None,
            upi_id=detail if source == "upi" else None)
        checkout_buyer.pay_session(ctx, uow, session_id, command, public_base=DEMO_BASE)
        uow.commit()


def ensure_demo_checkout(ctx: AppContext, shop: DemoShop) -> DemoCheckout:
    """Paid sessions once, and an open one whenever none is open (after the FX demo rates)."""
    merchant = Principal("key_demo_checkout", Role.MERCHANT, shop.merchant_id, False)
    paid = 0
    if _newest(ctx, shop.merchant_id, CheckoutState.COMPLETE) is None:
        for amount_minor, description, currency, source, detail in PAID:
            session_id = _create(ctx, merchant, amount_minor, description)
            try:
                _pay(ctx, session_id, currency, source, detail)
            except FxRejected as refusal:  # no rate for the pair: leave it open, say why
                console.print(f"demo checkout: {currency} not paid ({refusal.code})")
                continue
            paid += 1
    current = _newest(ctx, shop.merchant_id, CheckoutState.OPEN)
    if current is not None and current.expires_at - ctx.clock.now() >= OPEN_FOR_AT_LEAST:
        return DemoCheckout(current.id, paid)
    return DemoCheckout(_create(ctx, merchant, *OPEN, lifetime=OPEN_LIFETIME), paid)


def print_demo_checkout(result: DemoCheckout) -> None:
    console.print(f"demo checkout: {result.paid} session(s) paid now; open session "
                  f"{result.open_session_id}", soft_wrap=True)
