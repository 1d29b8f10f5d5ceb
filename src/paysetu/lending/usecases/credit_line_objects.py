"""Credit lines and their statement lines as the API, CLI and pages show them.

Balances come from the ledger (the drawn and interest receivable accounts), penal charges due
from the line; ``utilisation_bps`` is drawn over limit, half-up; ``suspended_reason`` says why
draws are suspended (an NPA, or a review date passed), None while the line takes draws.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from paysetu.kernel.timestamps import timestamp
from paysetu.lending.rules.classification import is_npa
from paysetu.lending.rules.credit_lines import (
    POLICY,
    CreditLine,
    LineMovement,
    LineState,
    available_to_draw,
    drawing_power,
)
from paysetu.lending.usecases.loans import posted_balance, today
from paysetu.lending.usecases.objects import day
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork


def suspended_reason(line: CreditLine, on: date) -> str | None:
    """Why draws are suspended: ``npa`` or ``review_expired`` (None: open for draws)."""
    if line.status is not LineState.ACTIVE:
        return None
    if is_npa(line.asset_class):
        return "npa"
    return "review_expired" if on > line.review_due else None


def owed(ctx: LendingContext, uow: LendingUnitOfWork, line: CreditLine) -> tuple[int, int, int]:
    """``(penal charges, drawn balance, accrued interest)`` the line owes now."""
    return (line.penal_charges_minor, posted_balance(ctx, uow, line.drawn_account_id),
            posted_balance(ctx, uow, line.interest_account_id))


def line_object(ctx: LendingContext, uow: LendingUnitOfWork, line: CreditLine) -> dict[str, Any]:
    penal, drawn, accrued = owed(ctx, uow, line)
    return {
        "id": line.id, "object": "credit_line", "merchant": line.merchant_id,
        "lender": line.lender_id, "category": line.category.value, "currency": line.currency,
        "status": line.status.value, "limit_minor": line.limit_minor,
        "rate_bps": line.rate_bps, "penal_rate_bps": line.penal_rate_bps,
        "sweep_bps": line.sweep_bps,
        "day_count": "actual_365", "review_due": line.review_due.isoformat(),
        "renewals": line.renewals, "drawing_power_minor": line.drawing_power_minor,
        "drawing_power": drawing_power(POLICY, line.limit_minor, line.dp_net_settled_minor,
                                       line.dp_as_of).document(),
        "drawn_minor": drawn,
        "available_minor": available_to_draw(drawn, line.drawing_power_minor),
        "utilisation_bps": (drawn * 10_000 + line.limit_minor // 2) // line.limit_minor,
        "interest_accrued_minor": accrued, "penal_charges_minor": penal,
        "outstanding_minor": penal + drawn + accrued,
        "suspended_reason": suspended_reason(line, today(ctx)),
        "sanctioned_on": line.sanctioned_on.isoformat(), "closed_on": day(line.closed_on),
        "last_credit_on": day(line.last_credit_on),
        "write_off_reason": line.write_off_reason,
        "classification": {
            "as_of": day(line.classified_on), "asset_class": line.asset_class.value,
            "out_of_order_days": line.out_of_order_days, "npa_since": day(line.npa_since),
            "provision_minor": line.provision_minor,
            "interest_suspense_minor": line.interest_suspense_minor,
        },
        "ledger_accounts": {"drawn": line.drawn_account_id,
                            "interest": line.interest_account_id,
                            "lender_funding": line.funding_account_id},
        "metadata": dict(line.metadata), "created": timestamp(line.created_at),
    }


def movement_object(movement: LineMovement, currency: str) -> dict[str, Any]:
    return {
        "id": movement.id, "object": "credit_line_movement", "credit_line": movement.line_id,
        "kind": movement.kind.value, "currency": currency,
        "amount_minor": movement.amount_minor, "payee": movement.payee_merchant_id,
        "principal_minor": movement.principal_minor,
        "interest_minor": movement.interest_minor, "penalty_minor": movement.penalty_minor,
        "ledger_entry": movement.entry_id, "date": movement.on.isoformat(),
        "created": timestamp(movement.created_at),
    }
