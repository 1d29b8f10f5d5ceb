"""FX in PostgreSQL: the manual rate table (also a rate source) and the quotes.

Rates are ``numeric`` without a scale, so a loaded rate comes back exactly as it was written.
A quote row is written once and changes once, when a payment takes it (``status`` 'used',
``payment_id`` set, under the quote's row lock; ``payment_id`` is unique besides).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.kernel.invariants import invariant
from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import FixedSide, Quote, QuoteTerms, Rate, inverse_rate
from paysetu.payments.rules.fx_rate_file import RateRow
from paysetu.payments.usecases.ports import ManualRate


class FxRateStore:
    """The manual rate table; :meth:`mid_rate` makes it a ``RateSource``."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def upsert(self, rows: Sequence[RateRow], source: str, now: datetime) -> int:
        """Insert the rows, replacing a pair's rate for the same day; all in the caller's tx."""
        if not rows:
            return 0
        self._connection.execute(
            sa.text(
                "INSERT INTO fx_rates (base_currency, quote_currency, as_of, rate, source,"
                " loaded_at) VALUES (:base, :quote, :as_of, :rate, :source, :now)"
                " ON CONFLICT (base_currency, quote_currency, as_of) DO UPDATE"
                " SET rate = EXCLUDED.rate, source = EXCLUDED.source,"
                " loaded_at = EXCLUDED.loaded_at"
            ),
            [
                {"base": r.base_currency, "quote": r.quote_currency, "as_of": r.as_of,
                 "rate": r.rate, "source": source, "now": now}
                for r in rows
            ],
        )
        return len(rows)

    def list_rates(self, currency: str | None, limit: int) -> list[ManualRate]:
        """Newest first; with ``currency``, only pairs that have it on either side."""
        rows = self._connection.execute(
            sa.text(
                "SELECT * FROM fx_rates WHERE CAST(:c AS text) IS NULL"
                " OR base_currency = :c OR quote_currency = :c"
                " ORDER BY as_of DESC, base_currency, quote_currency LIMIT :limit"
            ),
            {"c": currency, "limit": limit},
        )
        return [
            ManualRate(r.base_currency, r.quote_currency, r.rate, r.as_of, r.source, r.loaded_at)
            for r in rows
        ]

    def mid_rate(self, base: str, quote: str, at: datetime) -> Rate:
        """The newest manual rate of the pair, direct or inverted, dated on or before ``at``."""
        row = self._connection.execute(
            sa.text(
                "SELECT base_currency, rate, as_of, source FROM fx_rates"
                " WHERE ((base_currency = :b AND quote_currency = :q)"
                "     OR (base_currency = :q AND quote_currency = :b)) AND as_of <= :day"
                " ORDER BY as_of DESC, (base_currency = :b) DESC LIMIT 1"
            ),
            {"b": base, "q": quote, "day": at.date()},
        ).one_or_none()
        if row is None:
            raise FxRejected(FxStatus.RATE_UNAVAILABLE,
                             f"No manual {base}/{quote} rate on or before {at.date()}.")
        value = row.rate if row.base_currency == base else inverse_rate(row.rate)
        return Rate(value, row.as_of, row.source)


def _quote(row: sa.Row[Any]) -> Quote:
    terms = QuoteTerms(
        row.sell_currency, row.buy_currency, row.mid_rate, row.spread_bps, row.customer_rate,
        row.sell_amount_minor, row.buy_amount_minor, FixedSide(row.fixed_side),
    )
    return Quote(row.id, row.merchant_id, terms, row.rate_as_of, row.rate_source,
                 row.payment_id, row.expires_at, row.created_at)


class FxQuoteStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def insert(self, quote: Quote) -> None:
        t = quote.terms
        self._connection.execute(
            sa.text(
                "INSERT INTO fx_quotes (id, merchant_id, sell_currency, buy_currency,"
                " sell_amount_minor, buy_amount_minor, fixed_side, mid_rate, spread_bps,"
                " customer_rate, rate_as_of, rate_source, status, payment_id, expires_at,"
                " created_at) VALUES (:id, :merchant, :sell_currency, :buy_currency, :sell,"
                " :buy, :side, :mid, :spread, :customer, :as_of, :source, 'open', NULL,"
                " :expires_at, :created_at)"
            ),
            {
                "id": quote.id, "merchant": quote.merchant_id, "sell_currency": t.sell_currency,
                "buy_currency": t.buy_currency, "sell": t.sell_amount_minor,
                "buy": t.buy_amount_minor, "side": t.fixed_side.value, "mid": t.mid_rate,
                "spread": t.spread_bps, "customer": t.customer_rate, "as_of": quote.rate_as_of,
                "source": quote.rate_source, "expires_at": quote.expires_at,
                "created_at": quote.created_at,
            },
        )

    def get(self, quote_id: str, *, for_update: bool = False) -> Quote | None:
        """The quote; ``for_update`` locks its row until the transaction ends."""
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM fx_quotes WHERE id = :id{lock}"), {"id": quote_id}
        ).one_or_none()
        return None if row is None else _quote(row)

    def mark_used(self, quote_id: str, payment_id: str) -> None:
        """Give an open quote to its payment (the caller holds the quote's row lock)."""
        result = self._connection.execute(
            sa.text(
                "UPDATE fx_quotes SET status = 'used', payment_id = :payment"
                " WHERE id = :id AND status = 'open'"
            ),
            {"id": quote_id, "payment": payment_id},
        )
        invariant(result.rowcount == 1, f"quote {quote_id} was open under its lock")
