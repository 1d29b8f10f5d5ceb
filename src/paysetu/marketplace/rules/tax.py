"""Tax an Indian e-commerce operator withholds from its sellers, at rates dated, not hard-coded.

* **GST TCS**, section 52 of the CGST Act 2017: collected on the net value of taxable supplies
  made through the operator. 1% (0.5% CGST + 0.5% SGST, or 1% IGST) from 1 October 2018
  (Notifications 51/2018 and 52/2018-Central Tax); 0.5% (0.25% + 0.25%, or 0.5% IGST) from
  10 July 2024 (Notification 15/2024-Central Tax, after the 53rd GST Council meeting).
* **Income-tax TDS**, section 194-O of the Income-tax Act 1961: deducted on the gross amount of
  sales through the operator. 1% from 1 October 2020 (Finance Act 2020); 0.1% from
  1 October 2024 (Finance (No. 2) Act 2024).

Both apply when the marketplace and the seller are Indian (the seller resident and
GST-registered; paysetu requires PAN and GSTIN of Indian sellers, so the 5% rate of s.206AA for
a missing PAN never arises). The taxable value is the share's amount: paysetu does not model
the GST breakup of a price, so a marketplace whose prices include GST states the net value in
the lines (documented in docs/marketplace.md). Each amount is ``base * bps / 10,000`` rounded
half-up to the minor unit, per share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True, slots=True)
class DatedRate:
    """``bps`` applies from ``effective_from`` (inclusive) until the next row's date."""

    effective_from: date
    bps: int
    source: str


@dataclass(frozen=True, slots=True)
class TaxSchedule:
    """The rates in force over time, oldest first (a deployment replaces the tables)."""

    gst_tcs: Sequence[DatedRate]
    income_tax_tds: Sequence[DatedRate]

    def tcs_bps(self, on: date) -> int:
        return _rate_on(self.gst_tcs, on)

    def tds_bps(self, on: date) -> int:
        return _rate_on(self.income_tax_tds, on)


INDIA_TAX_SCHEDULE = TaxSchedule(
    gst_tcs=(
        DatedRate(date(2018, 10, 1), 100, "CGST Act s.52; Notification 52/2018-Central Tax"),
        DatedRate(date(2024, 7, 10), 50, "Notification 15/2024-Central Tax"),
    ),
    income_tax_tds=(
        DatedRate(date(2020, 10, 1), 100, "Income-tax Act s.194-O; Finance Act 2020"),
        DatedRate(date(2024, 10, 1), 10, "Finance (No. 2) Act 2024"),
    ),
)


def _rate_on(rates: Sequence[DatedRate], on: date) -> int:
    """The rate of the newest row in force on ``on``; 0 before the first."""
    in_force = [r.bps for r in rates if r.effective_from <= on]
    return in_force[-1] if in_force else 0


def bps_of(amount_minor: int, bps: int) -> int:
    """``amount * bps / 10,000`` rounded half-up (ROUND_HALF_UP) to the minor unit."""
    exact = Decimal(amount_minor) * Decimal(bps) / Decimal(10_000)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
