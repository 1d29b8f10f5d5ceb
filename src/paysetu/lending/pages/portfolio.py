"""The lender console's portfolio numbers, from the loans as the API shows them.

Outstanding principal by MUDRA category and by asset class, and the two ratios a lender
watches: PAR 30 (the outstanding principal of loans 30 or more days past due, as a share of all
outstanding principal) and the NPA ratio (the share of loans classified non-performing: sub-
standard, doubtful or loss). Ratios are exact ``Decimal`` fractions rounded half-even to 0.01%.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from paysetu.lending.rules.classification import NPA_CLASSES
from paysetu.lending.rules.schedule import add_months

PAR_DAYS = 30
NON_PERFORMING = frozenset(c.value for c in NPA_CLASSES)


@dataclass(frozen=True, slots=True)
class PortfolioSummary:
    """One currency's book (the console shows one summary per currency)."""

    currency: str
    loans: int
    outstanding_minor: int
    by_category: tuple[tuple[str, int], ...]
    by_asset_class: tuple[tuple[str, int], ...]
    par30_minor: int
    npa_minor: int

    @property
    def par30_percent(self) -> str:
        return _percent(self.par30_minor, self.outstanding_minor)

    @property
    def npa_percent(self) -> str:
        return _percent(self.npa_minor, self.outstanding_minor)


def _percent(part: int, whole: int) -> str:
    if whole == 0:
        return "0.00%"
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_EVEN)
    return f"{share}%"


def portfolio_summary(loans: Sequence[dict[str, Any]]) -> list[PortfolioSummary]:
    """A summary per currency of the disbursed loans (active or written off)."""
    books: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for loan in loans:
        if loan["status"] in ("active", "written_off"):
            books[loan["currency"]].append(loan)
    summaries = []
    for currency, book in sorted(books.items()):
        by_category: dict[str, int] = defaultdict(int)
        by_class: dict[str, int] = defaultdict(int)
        par = npa = 0
        for loan in book:
            outstanding = int(loan["outstanding_principal_minor"])
            classification = loan.get("classification") or {}
            asset_class = str(classification.get("asset_class", "standard"))
            by_category[loan["category"]] += outstanding
            by_class[asset_class] += outstanding
            if int(classification.get("days_past_due") or 0) >= PAR_DAYS:
                par += outstanding
            if asset_class in NON_PERFORMING:
                npa += outstanding
        summaries.append(PortfolioSummary(
            currency, len(book), sum(by_category.values()), tuple(sorted(by_category.items())),
            tuple(sorted(by_class.items())), par, npa))
    return summaries


def recent_months(today: date, count: int) -> list[str]:
    """``YYYY-MM`` of this month and the ``count - 1`` before it, newest first."""
    first = today.replace(day=1)
    return [add_months(first, -n).strftime("%Y-%m") for n in range(count)]
