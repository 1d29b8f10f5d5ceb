"""``/v1/balance_transactions``: every movement of a merchant's available and escrow balances.

Each item is one ledger posting (credits positive), with the fee taken in the same entry and
the payment or refund it belongs to; the list is newest first with Stripe's cursors.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.deps import Context
from paysetu.payments.api.models import BalanceTransaction
from paysetu.payments.usecases import balance
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["balance_transactions"])


@router.get("/balance_transactions", response_model=ListOf[BalanceTransaction])
def list_balance_transactions(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    merchant: Annotated[str | None, Query(description="Platform: one merchant's.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = balance.list_balance_transactions(uow, caller, merchant, page)
    return list_object("/v1/balance_transactions", data, has_more)
