"""The merchant dashboard's reads: filtered payments and the daily volume series.

Filters arrive as text from a form; each is checked here and refused with the code and the
``param`` of the field at fault (the page shows the message next to it), exactly as the API
refuses a bad query parameter. The scope is always the caller's own merchant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.invariants import invariant
from paysetu.kernel.money import is_currency
from paysetu.payments.rules.payments import PaymentState
from paysetu.payments.usecases.objects import payment_object
from paysetu.payments.usecases.ports import PaymentsContext, PaymentSearch, PaymentsUnitOfWork

SEARCH_TEXT_LENGTH_MAX = 100
VOLUME_WINDOWS_DAYS = (30, 90)


@dataclass(frozen=True, slots=True)
class PaymentFilters:
    """The filters as typed into the form (empty text: no filter)."""

    status: str = ""
    currency: str = ""
    created_from: str = ""
    created_to: str = ""
    text: str = ""


def _day(text: str, param: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        pass
    raise RequestRejected(RequestStatus.PARAMETER_INVALID, "A date is YYYY-MM-DD.", param)


def search_of(caller: Principal, filters: PaymentFilters) -> PaymentSearch:
    """The checked search of the caller's merchant (refusals name the field)."""
    invariant(caller.role is Role.MERCHANT and caller.owner_id is not None,
              "the dashboard searches one merchant's payments")
    states = {s.value for s in PaymentState}
    if filters.status and filters.status not in states:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "status is one of " + ", ".join(sorted(states)) + ".", "status")
    if filters.currency and not is_currency(filters.currency):
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "currency is an ISO 4217 code such as INR.", "currency")
    text = filters.text
    if len(text) > SEARCH_TEXT_LENGTH_MAX or not text.isprintable():
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              f"Search text is at most {SEARCH_TEXT_LENGTH_MAX} printable "
                              "characters.", "q")
    start, end = _day(filters.created_from, "from"), _day(filters.created_to, "to")
    if start is not None and end is not None and start > end:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "The first day comes before the last.", "to")
    return PaymentSearch(str(caller.owner_id), filters.status or None,
                         filters.currency or None, start, end, text or None)


def search_payments(
    uow: PaymentsUnitOfWork, caller: Principal, filters: PaymentFilters, page: int, per_page: int
) -> tuple[list[dict[str, Any]], bool]:
    """One page (numbered from 1) of the caller's payments that match, newest first."""
    found, has_more = uow.web_dashboard.search_payments(
        search_of(caller, filters), per_page, (max(page, 1) - 1) * per_page)
    return [payment_object(p) for p in found], has_more


@dataclass(frozen=True, slots=True)
class VolumeSeries:
    """One currency's captured volume per UTC day, every day of the window present."""

    currency: str
    days: tuple[tuple[date, int, int], ...]
    """``(day, captured_minor, count)``, oldest first."""

    @property
    def total_minor(self) -> int:
        return sum(captured for _, captured, _ in self.days)


def daily_volume(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, merchant_id: str, days: int
) -> list[VolumeSeries]:
    """The last ``days`` UTC days (today included), one series per currency that had volume."""
    last = ctx.clock.now().date()
    first = last - timedelta(days=days - 1)
    rows = uow.web_dashboard.daily_volume(merchant_id, first)
    window = [first + timedelta(days=n) for n in range(days)]
    series = []
    for currency in sorted({row.currency for row in rows}):
        by_day = {row.day: row for row in rows if row.currency == currency}
        series.append(VolumeSeries(currency, tuple(
            (day, by_day[day].captured_minor if day in by_day else 0,
             by_day[day].count if day in by_day else 0) for day in window)))
    return series
