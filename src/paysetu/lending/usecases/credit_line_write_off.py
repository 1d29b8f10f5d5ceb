"""Write-off of a credit line: the lender recognises an NPA line as lost, as for term loans.

Only an active line that the last close of business classified non-performing (sub-standard
or doubtful) can be written off (``credit_line_not_npa`` otherwise; ``credit_line_closed`` for
a closed or written-off line); the lender states why (``reason_invalid`` without one). One
entry (:func:`~paysetu.lending.rules.provisions.line_write_off_entry`) takes the drawn balance
and the interest accrued off the books: the drawn principal against the line's provision (the
shortfall is provision expense), the unrecovered interest (debited and accrued) against its
interest suspense. Penal charges due are not on the books (income when received) and lapse.
The line becomes ``written_off`` with class ``loss``, a ``write_off`` statement line keeps its
statement equal to its (now zero) drawn balance, and the ``credit_line.closed`` event carries
it (as ``loan.closed`` carries a written-off loan). Close of business, draws, repayments and
the sweep leave it alone.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.lending.rules.classification import AssetClass, is_npa
from paysetu.lending.rules.credit_lines import LineMovement, LineMovementKind, LineState
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.provisions import WriteOff, line_write_off_entry
from paysetu.lending.usecases.credit_line_objects import line_object
from paysetu.lending.usecases.credit_lines import visible_line
from paysetu.lending.usecases.lending import (
    check_text,
    close_day_accounts,
    lender_accounts,
    require_lender_side,
)
from paysetu.lending.usecases.loans import posted_balance, today
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork


def write_off_line(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str, reason: str
) -> dict[str, Any]:
    """Write an NPA line off (module docstring); the line object."""
    require_lender_side(caller)
    check_text(reason, LendingStatus.REASON_INVALID, "reason")
    line = visible_line(uow, caller, line_id, for_update=True)
    if line.status is not LineState.ACTIVE:
        raise LendingRejected(LendingStatus.CREDIT_LINE_CLOSED, param="credit_line")
    if not is_npa(line.asset_class):
        raise LendingRejected(
            LendingStatus.CREDIT_LINE_NOT_NPA,
            f"The line is {line.asset_class.value} as of the last close of business.",
            "credit_line")
    on = today(ctx)
    drawn = posted_balance(ctx, uow, line.drawn_account_id)
    accrued = posted_balance(ctx, uow, line.interest_account_id)
    debited = min(drawn, uow.credit_lines.uncovered_minor(line.id))
    amounts = WriteOff(drawn, accrued, line.interest_suspense_minor, line.provision_minor)
    income = lender_accounts(ctx, uow, line.lender_id, line.currency).interest_income
    books = close_day_accounts(ctx, uow, line.lender_id, line.currency)
    entry_id = ctx.ids.new_id("je")
    meta = {"kind": "credit_line_write_off", "credit_line": line.id,
            "merchant": line.merchant_id, "lender": line.lender_id, "reason": reason}
    entry = line_write_off_entry(entry_id, line.drawn_account_id, line.interest_account_id,
                                 income, books, amounts, debited, line.currency, meta)
    if entry is not None:
        uow.ledger.apply([entry], ctx.clock.now())
    if drawn + accrued:
        uow.credit_lines.insert_movement(LineMovement(
            ctx.ids.new_id("clm"), line.id, LineMovementKind.WRITE_OFF, drawn + accrued, None,
            drawn, accrued, 0, entry_id, on, ctx.clock.now()))
    line = replace(line, status=LineState.WRITTEN_OFF, closed_on=on,
                   asset_class=AssetClass.LOSS, provision_minor=0, interest_suspense_minor=0,
                   penal_charges_minor=0, rate_balance_days=0, interest_accrued_minor=0,
                   out_of_order_days=0, write_off_reason=reason, updated_at=ctx.clock.now())
    uow.credit_lines.save(line)
    obj = line_object(ctx, uow, line)
    emit(ctx, uow, line.merchant_id, "credit_line.closed", obj)
    return obj
