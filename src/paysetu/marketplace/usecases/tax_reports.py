"""The monthly report of tax withheld per seller (GST TCS for the GSTR-8 return, TDS 194-O).

A month is a calendar month in UTC: sales count in the month their order was paid, returns in
the month they were made (so a return in May reduces May's figures, as GSTR-8 nets returns in
the period they occur).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.marketplace.usecases.objects import tax_report_object
from paysetu.marketplace.usecases.ports import MarketplaceUnitOfWork
from paysetu.marketplace.usecases.sellers import own_marketplace

_MONTH = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])")


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """``"2026-04"`` -> the first instants of April and May 2026 (UTC)."""
    matched = _MONTH.fullmatch(month)
    if matched is None or not 1970 <= int(matched[1]) <= 9998:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, "month is YYYY-MM.", "month")
    year, number = int(matched[1]), int(matched[2])
    start = datetime(year, number, 1, tzinfo=UTC)
    end = datetime(year + number // 12, number % 12 + 1, 1, tzinfo=UTC)
    return start, end


def tax_report(
    uow: MarketplaceUnitOfWork, caller: Principal, marketplace_id: str | None, month: str
) -> dict[str, Any]:
    marketplace = own_marketplace(uow, caller, marketplace_id)
    start, end = month_bounds(month)
    rows = uow.marketplace.tax_report(marketplace.merchant_id, start, end)
    return tax_report_object(marketplace.merchant_id, month, rows)
