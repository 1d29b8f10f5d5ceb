"""Mid rates: the manual table before the reference source, freshness, and loading rate files.

Which rate a quote or a refund uses (``docs/fx.md``):

1. a manual rate of the pair itself (direct or inverted), the newest on or before today;
2. otherwise a cross via EUR, each leg (EUR -> currency) from the manual table if it has one,
   else from the reference source (the ECB rates shipped offline), else chained through the
   currency's newest manual rate against a currency the reference source prices (AED loaded
   against USD); a cross is as old as its oldest leg.

Manual rates take precedence even when older: an operator who loaded a rate meant it. The
chosen rate must be at most ``FxPolicy.rate_max_age_days`` old, else ``rate_stale``; a pair no
source knows is ``rate_unavailable``. Both are transient: loading a rate fixes them.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from paysetu.kernel.money import is_currency
from paysetu.ledger.rules.errors import ErrorCode
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import (
    Rate,
    chained_rate,
    cross_rate,
    inverse_rate,
    is_stale,
    rate_age_days,
)
from paysetu.payments.rules.fx_rate_file import RateFile, parse_rate_file, problems_message
from paysetu.payments.usecases.ports import ManualRate, PaymentsContext, PaymentsUnitOfWork

PIVOT = "EUR"
MANUAL_SOURCE = "manual"
RATES_LISTED_MAX = 1_000
ANCHOR_ROWS_MAX = 50


def _unavailable(code: ErrorCode) -> bool:
    return code is FxStatus.RATE_UNAVAILABLE


def _manual(uow: PaymentsUnitOfWork, base: str, quote: str, at: datetime) -> Rate | None:
    try:
        return uow.fx_rates.mid_rate(base, quote, at)
    except FxRejected as refusal:
        if not _unavailable(refusal.code):
            raise
        return None


def _reference(ctx: PaymentsContext, currency: str, at: datetime) -> Rate | None:
    """EUR -> ``currency`` from the reference source (ECB), if there is one and it knows it."""
    if ctx.rates is None:
        return None
    try:
        return ctx.rates.mid_rate(PIVOT, currency, at)
    except FxRejected as refusal:
        if not _unavailable(refusal.code):
            raise
        return None


def _anchored(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, currency: str, at: datetime
) -> Rate | None:
    """EUR -> ``currency`` through its newest manual rate against a currency that has a EUR
    leg itself (AED loaded against USD: EUR -> USD, manual or ECB, then USD -> AED)."""
    for row in uow.fx_rates.list_rates(currency, ANCHOR_ROWS_MAX):
        anchor = row.quote_currency if row.base_currency == currency else row.base_currency
        if row.as_of > at.date() or anchor == PIVOT:
            continue
        anchor_leg = _manual(uow, PIVOT, anchor, at) or _reference(ctx, anchor, at)
        if anchor_leg is None:
            continue
        per_anchor = row.rate if row.base_currency == anchor else inverse_rate(row.rate)
        return Rate(
            chained_rate(anchor_leg.value, per_anchor),
            min(row.as_of, anchor_leg.as_of),
            f"{anchor_leg.source}+{row.source}",
        )
    return None


def _per_euro(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, currency: str, at: datetime
) -> Rate | None:
    """The EUR -> ``currency`` leg: manual, then the reference source, then anchored."""
    return (
        _manual(uow, PIVOT, currency, at)
        or _reference(ctx, currency, at)
        or _anchored(ctx, uow, currency, at)
    )


def _via_euro(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, base: str, quote: str, at: datetime
) -> Rate | None:
    legs = {c: _per_euro(ctx, uow, c, at) for c in (base, quote) if c != PIVOT}
    if any(leg is None for leg in legs.values()):
        return None
    base_leg, quote_leg = legs.get(base), legs.get(quote)
    sources = sorted(
        {part for leg in legs.values() if leg is not None for part in leg.source.split("+")}
    )
    days = [leg.as_of for leg in legs.values() if leg is not None]
    if base_leg is None and quote_leg is not None:  # EUR -> quote
        value = quote_leg.value
    elif quote_leg is None and base_leg is not None:  # base -> EUR
        value = inverse_rate(base_leg.value)
    elif base_leg is not None and quote_leg is not None:
        value = cross_rate(base_leg.value, quote_leg.value)
    else:  # pragma: no cover - base != quote, so at least one leg exists
        return None
    return Rate(value, min(days), "+".join(sources))


def mid_rate(ctx: PaymentsContext, uow: PaymentsUnitOfWork, base: str, quote: str) -> Rate:
    """The mid rate to use now for ``base`` -> ``quote``, fresh, or a refusal."""
    now = ctx.clock.now()
    rate = _manual(uow, base, quote, now) or _via_euro(ctx, uow, base, quote, now)
    if rate is None:
        raise FxRejected(
            FxStatus.RATE_UNAVAILABLE, f"No rate source knows {base}/{quote}; load a manual rate."
        )
    max_age = ctx.fx.rate_max_age_days
    if is_stale(rate, now, max_age):
        raise FxRejected(
            FxStatus.RATE_STALE,
            f"The newest {base}/{quote} rate ({rate.source}) is from {rate.as_of.isoformat()},"
            f" {rate_age_days(rate, now)} days old; at most {max_age} are allowed.",
        )
    return rate


def load_rates(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, text: str, source: str = MANUAL_SOURCE
) -> dict[str, Any]:
    """Check the whole CSV, then store every row (or nothing): the import's summary object."""
    if not (0 < len(source) <= 64 and source.isprintable()):
        raise FxRejected(
            FxStatus.RATE_FILE_INVALID, "source is 1-64 printable characters.", "source"
        )
    parsed: RateFile = parse_rate_file(text, ctx.clock.now().date())
    if parsed.problems:
        first = parsed.problems[0]
        raise FxRejected(
            FxStatus.RATE_FILE_INVALID, problems_message(parsed.problems), f"csv:{first.line}"
        )
    loaded = uow.fx_rates.upsert(parsed.rows, source, ctx.clock.now())
    return {
        "object": "fx_rate_import",
        "source": source,
        "rates_loaded": loaded,
        "currencies": sorted({c for r in parsed.rows for c in (r.base_currency, r.quote_currency)}),
        "as_of_min": min(r.as_of for r in parsed.rows).isoformat(),
        "as_of_max": max(r.as_of for r in parsed.rows).isoformat(),
    }


def rate_object(rate: ManualRate) -> dict[str, Any]:
    return {
        "object": "fx_rate",
        "base_currency": rate.base_currency,
        "quote_currency": rate.quote_currency,
        "rate": _text(rate.rate),
        "as_of": rate.as_of.isoformat(),
        "source": rate.source,
        "loaded": int(rate.loaded_at.timestamp()),
    }


def _text(value: Decimal) -> str:
    """A rate as plain decimal text (never exponent notation, never a float)."""
    return format(value.normalize(), "f")


def list_rates(
    uow: PaymentsUnitOfWork, currency: str | None, limit: int = RATES_LISTED_MAX
) -> tuple[list[dict[str, Any]], bool]:
    """The manual table, newest first; ``currency`` keeps the pairs that have it."""
    if currency is not None and not is_currency(currency):
        raise FxRejected(FxStatus.CURRENCY_INVALID, param="currency")
    rows = uow.fx_rates.list_rates(currency, limit + 1)
    return [rate_object(r) for r in rows[:limit]], len(rows) > limit
