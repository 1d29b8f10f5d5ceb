"""A merchant's balance transactions: its ledger postings as a Stripe-style list.

Read straight from the ledger (see ``payments/stores/balance_store.py``); the ids are the postings'
sequence numbers with a ``btx_`` prefix, which is also the cursor.
"""

from __future__ import annotations

from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases.checks import merchant_scope, storable
from paysetu.payments.usecases.objects import BALANCE_TRANSACTION_PREFIX, balance_transaction_object
from paysetu.payments.usecases.ports import PaymentsUnitOfWork


def _sequence(cursor: str | None, param: str) -> int | None:
    if cursor is None:
        return None
    digits = cursor.removeprefix(BALANCE_TRANSACTION_PREFIX)
    if cursor == digits or not digits.isdigit() or not digits.isascii() or len(digits) > 18:
        raise RequestRejected(RequestStatus.CURSOR_INVALID, param=param)
    return int(digits)


def list_balance_transactions(
    uow: PaymentsUnitOfWork, caller: Principal, merchant: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first; a merchant key sees its own, the platform all or one merchant's."""
    scope = merchant_scope(caller)
    if not storable(merchant) or (merchant is not None and scope not in (None, merchant)):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    items, has_more = uow.balance_transactions.list_page(
        scope or merchant, page.limit, _sequence(page.starting_after, "starting_after"),
        _sequence(page.ending_before, "ending_before"),
    )
    return [balance_transaction_object(t) for t in items], has_more
