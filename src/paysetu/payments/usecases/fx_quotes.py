"""FX quotes: fix a rate and both amounts for a while, for one merchant (or the platform).

A merchant key's quotes are its own (another merchant's answer 404 ``quote_not_found``, exactly
as a missing one). The platform key may quote for a merchant (``merchant``) or for itself (no
merchant: usable by platform-created payments to any merchant). The rate lock lasts
``FxPolicy.quote_ttl_s``; a quote is ``open`` until a payment takes it (``used``) or its lock
ends (``expired``, computed when read: nothing needs to write it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import Quote, quote_terms
from paysetu.payments.usecases.checks import merchant_scope, storable
from paysetu.payments.usecases.fx_rates import mid_rate
from paysetu.payments.usecases.merchants import get_merchant
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork


@dataclass(frozen=True, slots=True)
class CreateQuote:
    """A request for a quote: the buyer sells ``sell_currency``, the merchant gets ``buy_currency``.

    Attributes:
        sell_amount_minor: What the buyer wants to spend; or
        buy_amount_minor: the merchant's price (exactly one of the two).
        merchant: Platform keys only: the merchant the quote is for.
    """

    sell_currency: str
    buy_currency: str
    sell_amount_minor: int | None = None
    buy_amount_minor: int | None = None
    merchant: str | None = None


def _check_amount(amount_minor: int, param: str) -> None:
    if amount_minor <= 0:
        raise FxRejected(FxStatus.AMOUNT_MUST_BE_POSITIVE, param=param)
    if amount_minor > AMOUNT_MINOR_MAX:
        raise FxRejected(FxStatus.AMOUNT_TOO_LARGE, param=param)


def _validated(command: CreateQuote) -> None:
    """The request's own rules, in the precedence order of :class:`FxStatus`."""
    for param in ("sell_currency", "buy_currency"):
        if not is_currency(getattr(command, param)):
            raise FxRejected(FxStatus.CURRENCY_INVALID, param=param)
    if command.sell_currency == command.buy_currency:
        raise FxRejected(FxStatus.CURRENCIES_MUST_BE_DIFFERENT, param="buy_currency")
    given = [(p, getattr(command, p)) for p in ("sell_amount_minor", "buy_amount_minor")
             if getattr(command, p) is not None]
    if len(given) != 1:
        raise FxRejected(FxStatus.ONE_AMOUNT_REQUIRED,
                         param="buy_amount_minor" if given else "sell_amount_minor")
    _check_amount(given[0][1], given[0][0])


def _quote_merchant(uow: PaymentsUnitOfWork, caller: Principal, merchant: str | None) -> str | None:
    """Whose quote it is: the merchant key's own merchant, or the platform's choice."""
    scope = merchant_scope(caller)
    wanted = merchant if merchant is not None else scope
    if wanted is None:
        return None
    if not storable(wanted):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    return get_merchant(uow, caller, wanted).id


def create_quote(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, command: CreateQuote
) -> dict[str, Any]:
    """Quote at the fresh mid rate less the corridor's spread; the quote is stored open."""
    _validated(command)
    merchant_id = _quote_merchant(uow, caller, command.merchant)
    rate = mid_rate(ctx, uow, command.sell_currency, command.buy_currency)
    terms = quote_terms(
        command.sell_currency, command.buy_currency, rate.value,
        ctx.fx.spread_for(command.sell_currency, command.buy_currency),
        sell_amount_minor=command.sell_amount_minor, buy_amount_minor=command.buy_amount_minor,
    )
    now = ctx.clock.now()
    quote = Quote(
        id=ctx.ids.new_id("quo"), merchant_id=merchant_id, terms=terms, rate_as_of=rate.as_of,
        rate_source=rate.source, payment_id=None,
        expires_at=now + timedelta(seconds=ctx.fx.quote_ttl_s), created_at=now,
    )
    uow.fx_quotes.insert(quote)
    return quote_object(quote, now)


def visible_quote(
    uow: PaymentsUnitOfWork, caller: Principal, quote_id: str, *, for_update: bool = False,
    param: str = "quote",
) -> Quote:
    """The quote if ``caller`` may see it; otherwise, exactly as for a missing one, 404."""
    quote = uow.fx_quotes.get(quote_id, for_update=for_update) if storable(quote_id) else None
    visible = quote is not None and (
        caller.role is Role.PLATFORM
        or (quote.merchant_id is not None and caller.owns_merchant(quote.merchant_id))
    )
    if quote is None or not visible:
        raise FxRejected(FxStatus.QUOTE_NOT_FOUND, param=param)
    return quote


def get_quote(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, quote_id: str
) -> dict[str, Any]:
    return quote_object(visible_quote(uow, caller, quote_id), ctx.clock.now())


def _rate_text(value: Decimal) -> str:
    return format(value.normalize(), "f")


def quote_object(quote: Quote, now: datetime) -> dict[str, Any]:
    """A quote as the API shows it; rates are decimal strings, amounts minor units."""
    t = quote.terms
    return {
        "id": quote.id,
        "object": "fx_quote",
        "merchant": quote.merchant_id,
        "sell_currency": t.sell_currency,
        "buy_currency": t.buy_currency,
        "sell_amount_minor": t.sell_amount_minor,
        "buy_amount_minor": t.buy_amount_minor,
        "fixed_side": t.fixed_side.value,
        "mid_rate": _rate_text(t.mid_rate),
        "spread_bps": t.spread_bps,
        "customer_rate": _rate_text(t.customer_rate),
        "rate_as_of": quote.rate_as_of.isoformat(),
        "rate_source": quote.rate_source,
        "status": quote.state_at(now).value,
        "payment": quote.payment_id,
        "expires_at": timestamp(quote.expires_at),
        "created": timestamp(quote.created_at),
    }
