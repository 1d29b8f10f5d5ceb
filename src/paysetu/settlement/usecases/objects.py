"""The public JSON form of settlement objects (API responses, events, the CLI's JSON output)."""

from __future__ import annotations

from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.settlement.rules.payout_accounts import PayoutAccount
from paysetu.settlement.rules.records import (
    BatchResult,
    Payout,
    SettlementBatch,
    SettlementItem,
)
from paysetu.settlement.rules.settlement import SettlementSchedule

SETTLEMENT_ITEM_PREFIX = "sti_"


def settlement_object(batch: SettlementBatch) -> dict[str, Any]:
    """A batch: its window, the sums that make its net, and what was paid or carried."""
    plan, totals = batch.plan, batch.totals
    return {
        "id": batch.id,
        "object": "settlement",
        "merchant": batch.merchant_id,
        "currency": batch.currency,
        "settlement_date": batch.settlement_date.isoformat(),
        "window_start": timestamp(batch.window_start),
        "window_end": timestamp(batch.window_end),
        "status": batch.status.value,
        "carry_reason": None if batch.carry_reason is None else batch.carry_reason.value,
        "item_count": totals.item_count,
        "gross_minor": totals.gross_minor,
        "refunds_minor": totals.refunds_minor,
        "fees_minor": totals.fees_minor,
        "adjustments_minor": totals.adjustments_minor,
        "carried_in_minor": batch.carried_in_minor,
        "reserve_held_minor": plan.reserve_held_minor,
        "reserve_released_minor": plan.reserve_released_minor,
        "loan_sweep_minor": plan.loan_sweep_minor,
        "net_minor": plan.net_minor,
        "payout_minor": plan.payout_minor,
        "carried_forward_minor": plan.carried_forward_minor,
        "reserve_release_at": None if batch.reserve_release_at is None
        else timestamp(batch.reserve_release_at),
        "reserve_released_by": batch.reserve_released_by,
        "payout": batch.payout_id,
        "payout_account": batch.payout_account_id,
        "created": timestamp(batch.created_at),
    }


def settlement_item_object(item: SettlementItem) -> dict[str, Any]:
    return {
        "id": f"{SETTLEMENT_ITEM_PREFIX}{item.posting_id}",
        "object": "settlement_item",
        "settlement": item.batch_id,
        "type": item.type.value,
        "source": item.source_id,
        "gross_minor": item.gross_minor,
        "fee_minor": item.fee_minor,
        "net_minor": item.net_minor,
        "journal_entry": item.entry_id,
        "occurred": timestamp(item.occurred_at),
    }


def payout_object(payout: Payout) -> dict[str, Any]:
    return {
        "id": payout.id,
        "object": "payout",
        "settlement": payout.batch_id,
        "merchant": payout.merchant_id,
        "amount_minor": payout.amount_minor,
        "currency": payout.currency,
        "end_to_end_id": payout.end_to_end_id,
        "status": payout.status.value,
        "created": timestamp(payout.created_at),
    }


def _masked(text: str | None) -> str | None:
    """The last four characters only: account numbers are not echoed back whole."""
    return None if text is None else "•" * max(len(text) - 4, 0) + text[-4:]


def payout_account_object(account: PayoutAccount) -> dict[str, Any]:
    d = account.details
    return {
        "id": account.id,
        "object": "payout_account",
        "merchant": account.merchant_id,
        "currency": d.currency,
        "scheme": d.scheme.value,
        "holder_name": d.holder_name,
        "country": d.country,
        "iban": _masked(d.iban),
        "bic": d.bic,
        "account_number": _masked(d.account_number),
        "bank_code": d.bank_code,
        "bank_code_scheme": None if d.bank_code_scheme is None else d.bank_code_scheme.value,
        "active": account.active,
        "created": timestamp(account.created_at),
    }


def schedule_object(merchant_id: str, schedule: SettlementSchedule, custom: bool) -> dict[str, Any]:
    return {
        "object": "settlement_schedule",
        "merchant": merchant_id,
        "time_zone": schedule.time_zone,
        "cutoff_local": schedule.cutoff_local.strftime("%H:%M"),
        "delay_days": schedule.delay_days,
        "reserve_bps": schedule.reserve_bps,
        "reserve_release_days": schedule.reserve_release_days,
        "payout_minimums": dict(schedule.payout_minimums),
        "default": not custom,
    }


def batch_result_object(result: BatchResult) -> dict[str, Any]:
    return {
        "object": "settlement_result",
        "merchant": result.merchant_id,
        "currency": result.currency,
        "outcome": result.outcome.value,
        "window_end": timestamp(result.window_end),
        "settlement": result.batch_id,
        "status": None if result.status is None else result.status.value,
        "net_minor": result.net_minor,
        "payout_minor": result.payout_minor,
        "carried_forward_minor": result.carried_forward_minor,
    }
