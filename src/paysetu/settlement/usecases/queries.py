"""Reading settlements: batches, their items, payouts and payout instructions, merchant-scoped.

A merchant key sees only its own batches; anyone else's, like a missing one, answers 404
``settlement_not_found``. The platform sees every batch.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases.checks import check_cursors, merchant_scope, storable
from paysetu.settlement.rules.bank_text import next_business_day
from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus
from paysetu.settlement.rules.records import PayoutInstruction, SettlementBatch, SettlementItem
from paysetu.settlement.usecases.objects import (
    SETTLEMENT_ITEM_PREFIX,
    settlement_item_object,
    settlement_object,
)
from paysetu.settlement.usecases.ports import SettlementContext, SettlementUnitOfWork


def visible_batch(uow: SettlementUnitOfWork, caller: Principal, batch_id: str) -> SettlementBatch:
    """The batch if ``caller`` may see it; otherwise, exactly as for a missing one, 404."""
    batch = uow.settlements.get_batch(batch_id) if storable(batch_id) else None
    if batch is None or not caller.owns_merchant(batch.merchant_id):
        raise SettlementRejected(SettlementStatus.SETTLEMENT_NOT_FOUND, param="settlement")
    return batch


def get_settlement(uow: SettlementUnitOfWork, caller: Principal, batch_id: str) -> dict[str, Any]:
    return settlement_object(visible_batch(uow, caller, batch_id))


def list_settlements(
    uow: SettlementUnitOfWork, caller: Principal, merchant: str | None, settlement_date: str | None,
    page: PageRequest,
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first; a merchant key sees its own, the platform all or one merchant's."""
    scope = merchant_scope(caller)
    if not storable(merchant) or (merchant is not None and scope not in (None, merchant)):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    check_cursors(page)
    day = None if settlement_date is None else parse_date(settlement_date)
    items, has_more = uow.settlements.list_batches(scope or merchant, day, page)
    return [settlement_object(b) for b in items], has_more


def parse_date(text: str) -> date:
    """A ``YYYY-MM-DD`` date, or ``settlement_date_invalid``."""
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise SettlementRejected(SettlementStatus.SETTLEMENT_DATE_INVALID, param="date")


def _item_cursor(cursor: str | None) -> int:
    if cursor is None:
        return 0
    digits = cursor.removeprefix(SETTLEMENT_ITEM_PREFIX)
    if cursor == digits or not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise RequestRejected(RequestStatus.CURSOR_INVALID, param="starting_after")
    return int(digits)


def list_items(
    uow: SettlementUnitOfWork,
    caller: Principal,
    batch_id: str,
    starting_after: str | None,
    limit: int,
) -> tuple[list[dict[str, Any]], bool]:
    """The batch's lines in ledger order (the window's movements, then the batch's own)."""
    batch = visible_batch(uow, caller, batch_id)
    items, has_more = uow.settlements.items_page(batch.id, _item_cursor(starting_after), limit)
    return [settlement_item_object(i) for i in items], has_more


def stream_items(uow: SettlementUnitOfWork, batch: SettlementBatch) -> Iterator[SettlementItem]:
    """Every line of an already visible batch, streamed (for the report file)."""
    return uow.settlements.stream_items(batch.id)


def payout_instruction(
    ctx: SettlementContext, uow: SettlementUnitOfWork, caller: Principal, batch_id: str
) -> PayoutInstruction:
    """What the payout files of a paid-out batch say; 404 for a batch that paid nothing.

    A live caller is refused while the platform's account in the payout's currency is the
    placeholder (no ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS`` entry): a bank would reject it.
    """
    batch = visible_batch(uow, caller, batch_id)
    payout = uow.settlements.payout_for_batch(batch.id)
    if payout is None or batch.payout_account_id is None:
        raise SettlementRejected(SettlementStatus.BATCH_HAS_NO_PAYOUT, param="settlement")
    if caller.livemode and payout.currency not in ctx.settlement.debtor_accounts:
        raise SettlementRejected(
            SettlementStatus.DEBTOR_ACCOUNT_NOT_CONFIGURED,
            f"No platform account pays out {payout.currency}: set its entry in "
            "PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS (test mode writes a placeholder).",
        )
    account = uow.settlements.get_payout_account(batch.payout_account_id)
    merchant = uow.merchants.get(batch.merchant_id)
    if account is None or merchant is None:
        raise InvariantViolation("a payout's account and merchant exist (foreign keys)")
    return PayoutInstruction(
        payout=payout,
        batch_id=batch.id,
        window_end=batch.window_end,
        debtor=ctx.settlement.debtor_for(payout.currency),
        creditor=account.details,
        merchant_name=merchant.legal_name,
        requested_execution_date=next_business_day(ctx.clock.now().date()),
    )
