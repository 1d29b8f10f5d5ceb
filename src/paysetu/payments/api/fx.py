"""``/v1/fx_quotes`` and ``/v1/fx_rates``: quotes for cross-border payments, the manual rates.

Quotes: a merchant key quotes for itself and sees only its own quotes (another merchant's
answer 404 ``quote_not_found``); the platform key may quote for any merchant or for itself.
The rate table is the platform's: loading and listing it are platform-only (404 otherwise).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from paysetu.payments.api.deps import Context, Write
from paysetu.payments.api.models import FxQuote, FxRate, FxRateImport
from paysetu.payments.usecases import fx_quotes, fx_rates
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import FxQuoteCreate, FxRatesLoad

router = APIRouter(tags=["fx"])


@router.post("/fx_quotes", response_model=FxQuote)
def create_quote(body: FxQuoteCreate, write: Write) -> Any:
    """Lock a rate for ``FxPolicy.quote_ttl_s`` (15 minutes by default).

    Give exactly one of ``sell_amount_minor`` and ``buy_amount_minor``; the answer has both,
    the mid rate, the spread and the customer rate. The buyer's amount is rounded up to its
    minor unit; the merchant gets exactly the buy amount. A pair without a fresh rate answers
    503 ``rate_unavailable`` or ``rate_stale``.
    """
    command = fx_quotes.CreateQuote(body.sell_currency, body.buy_currency,
                                    body.sell_amount_minor, body.buy_amount_minor, body.merchant)
    return write.run(200, lambda uow: fx_quotes.create_quote(
        write.context, uow, write.caller, command))


@router.get("/fx_quotes/{quote_id}", response_model=FxQuote)
def get_quote(quote_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return fx_quotes.get_quote(context, uow, caller, quote_id)


@router.post("/fx_rates", response_model=FxRateImport)
def load_rates(body: FxRatesLoad, write: Write, _: PlatformCaller) -> Any:
    """Load manual mid rates from CSV text; any bad line refuses the whole file (400
    ``rate_file_invalid``, the message names every bad line). Manual rates take precedence
    over the ECB reference rates."""
    return write.run(200, lambda uow: fx_rates.load_rates(
        write.context, uow, body.csv, body.source))


@router.get("/fx_rates", response_model=ListOf[FxRate])
def list_rates(
    context: Context,
    _: PlatformCaller,
    currency: Annotated[str | None, Query(description="Only pairs with this currency.")] = None,
) -> dict[str, Any]:
    """The manual rate table, newest first (at most 1,000 rows)."""
    with context.uow_factory() as uow:
        data, has_more = fx_rates.list_rates(uow, currency)
    return {"object": "list", "url": "/v1/fx_rates", "data": data, "has_more": has_more}
