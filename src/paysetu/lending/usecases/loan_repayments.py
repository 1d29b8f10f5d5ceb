"""Repayments: manual, prepayment, foreclosure, the EMI auto-debit and the settlement sweep.

Every repayment comes out of the merchant's available balance as one journal entry (see
:mod:`paysetu.lending.rules.loans`), after interest has been accrued to the day, and is allocated
by the loan's order (:mod:`paysetu.lending.rules.allocation`):

* ``manual``: pays what is due. More than is due is refused (``overpayment_refused``) or, by
  the product's policy, only what is due is taken and the rest stays with the merchant
  (``returned_minor``). With nothing due: ``nothing_due``; paying ahead is a prepayment;
* ``prepayment``: pays what is due, then principal with the product's prepayment fee (the
  amount includes the fee); the periods still to come are re-amortised on what is left. A
  prepayment that would repay all the principal is a foreclosure (``prepayment_exceeds_principal``);
* ``foreclosure``: pays everything due, the principal still to come, the interest accrued in the
  current period and the foreclosure fee; later interest is waived and the loan closes;
* ``emi_debit`` (:func:`collect_due_installments`, run by the worker): on and after each due
  date, takes what is due, or as much of it as the balance holds, once a day per loan;
* ``sweep`` (:mod:`paysetu.lending.usecases.loan_sweep`, settlement's loan-sweep hook): the
  product's share of each settlement's net amount, towards what is due.

A loan whose installments are all paid closes (``repaid``, or ``foreclosed``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.kernel.money_display import shown
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.lending.rules.allocation import (
    AllocationOrder,
    Installment,
    InstallmentPayment,
    allocate,
    amount_due,
    apply_payments,
    foreclosed,
    future_principal,
    payoff,
    reamortized,
    split_prepayment,
    sum_parts,
)
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import (
    ClosedReason,
    Loan,
    LoanRepayment,
    LoanState,
    OverpaymentPolicy,
    RepaymentParts,
    RepaymentSource,
    loan_metadata,
    repayment_entry,
)
from paysetu.lending.usecases.lending import check_amount, require_borrower_side, visible_loan
from paysetu.lending.usecases.loan_refinance import pass_refinance_share
from paysetu.lending.usecases.loans import accrue_interest, loan_books, loan_object, today
from paysetu.lending.usecases.objects import repayment_object
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors

REPAYMENT_TYPES = (RepaymentSource.MANUAL, RepaymentSource.PREPAYMENT,
                   RepaymentSource.FORECLOSURE)
"""What a client may ask for; EMI debits and sweeps are the platform's own."""
COLLECTION_BATCH_MAX = 100


@dataclass(frozen=True, slots=True)
class Plan:
    """What a repayment will do: the schedule after it, its parts and allocation."""

    installments: tuple[Installment, ...]
    parts: RepaymentParts
    allocation: list[dict[str, Any]]
    returned_minor: int = 0
    closes: ClosedReason | None = None


def _allocation(payments: Sequence[InstallmentPayment]) -> list[dict[str, Any]]:
    return [{"installment": p.number, "penalty_minor": p.parts.penalty_minor,
             "fees_minor": p.parts.fees_minor, "interest_minor": p.parts.interest_minor,
             "principal_minor": p.parts.principal_minor} for p in payments]


def _closing(installments: Sequence[Installment]) -> ClosedReason | None:
    return ClosedReason.REPAID if all(i.fully_paid for i in installments) else None


def regular_plan(
    loan: Loan, installments: Sequence[Installment], amount_minor: int, on: date,
    source: RepaymentSource,
) -> Plan:
    result = allocate(installments, amount_minor, AllocationOrder(loan.allocation_order), on)
    if not result.payments:
        raise LendingRejected(LendingStatus.NOTHING_DUE, param="amount_minor")
    refuse = (source is RepaymentSource.MANUAL
              and loan.overpayment_policy is OverpaymentPolicy.REFUSE)
    if result.leftover_minor and refuse:
        raise LendingRejected(
            LendingStatus.OVERPAYMENT_REFUSED,
            f"{shown(result.totals.total_minor, loan.currency)} is due;"
            f" {shown(amount_minor, loan.currency)} is more.", "amount_minor")
    after = apply_payments(installments, result.payments)
    return Plan(after, result.totals, _allocation(result.payments), result.leftover_minor,
                _closing(after))


def _prepayment(
    loan: Loan, installments: Sequence[Installment], amount_minor: int, on: date
) -> Plan:
    result = allocate(installments, amount_minor, AllocationOrder(loan.allocation_order), on)
    after = apply_payments(installments, result.payments)
    principal, fee = split_prepayment(result.leftover_minor, loan.prepayment_fee_bps)
    if principal >= future_principal(after, on):
        raise LendingRejected(LendingStatus.PREPAYMENT_EXCEEDS_PRINCIPAL, param="amount_minor")
    allocation = _allocation(result.payments)
    if principal:
        after = reamortized(after, loan.terms(), on, future_principal(after, on) - principal)
        allocation.append({"installment": None, "kind": "prepayment", "penalty_minor": 0,
                           "fees_minor": fee, "interest_minor": 0, "principal_minor": principal})
    parts = sum_parts([result.totals, RepaymentParts(fees_minor=fee, principal_minor=principal)])
    return Plan(after, parts, allocation)


def _foreclosure(loan: Loan, installments: Sequence[Installment], on: date) -> Plan:
    quote = payoff(installments, on, loan.foreclosure_fee_bps, loan.interest_accrued_minor)
    after = foreclosed(installments, on, quote.interest_minor)
    dues = allocate(installments, quote.dues.total_minor,
                    AllocationOrder(loan.allocation_order), on)
    allocation = _allocation(dues.payments)
    allocation.append({"installment": None, "kind": "foreclosure", "penalty_minor": 0,
                       "fees_minor": quote.fee_minor, "interest_minor": quote.interest_minor,
                       "principal_minor": quote.principal_minor})
    parts = sum_parts([quote.dues, RepaymentParts(fees_minor=quote.fee_minor,
                                                  interest_minor=quote.interest_minor,
                                                  principal_minor=quote.principal_minor)])
    return Plan(after, parts, allocation, closes=ClosedReason.FORECLOSED)


def record_repayment(
    ctx: LendingContext,
    uow: LendingUnitOfWork,
    loan: Loan,
    before: Sequence[Installment],
    plan: Plan,
    source: RepaymentSource,
    on: date,
    paid_from: str | None = None,
    **extra_metadata: str,
) -> LoanRepayment:
    """Post the entry, write the schedule, the repayment and (when it closes) the loan.

    The money comes from the merchant's available balance, or from ``paid_from`` (the
    settlement sweep's account).
    """
    repayment_id, entry_id = ctx.ids.new_id("lrp"), ctx.ids.new_id("je")
    meta = loan_metadata(
        "loan_repayment", loan, repayment=repayment_id, source=source.value, **extra_metadata
    )
    books = loan_books(ctx, uow, loan)
    if paid_from is not None:
        books = replace(books, merchant_available=paid_from)
    try:
        uow.ledger.apply(
            [repayment_entry(entry_id, books, plan.parts, loan.currency, meta)], ctx.clock.now()
        )
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_CREDITS:
            raise LendingRejected(
                LendingStatus.EXCEEDS_AVAILABLE_BALANCE, param="amount_minor"
            ) from None
        raise
    old = {i.number: i for i in before}
    uow.loans.save_installments(
        loan.id, [i for i in plan.installments if old.get(i.number) != i], on
    )
    pass_refinance_share(ctx, uow, loan, plan.installments)
    parts = plan.parts
    repayment = LoanRepayment(
        id=repayment_id,
        loan_id=loan.id,
        merchant_id=loan.merchant_id,
        source=source,
        currency=loan.currency,
        amount_minor=parts.total_minor,
        principal_minor=parts.principal_minor,
        interest_minor=parts.interest_minor,
        fees_minor=parts.fees_minor,
        penalty_minor=parts.penalty_minor,
        returned_minor=plan.returned_minor,
        allocation=tuple(plan.allocation),
        entry_id=entry_id,
        paid_on=on,
        created_at=ctx.clock.now(),
    )
    uow.loans.insert_repayment(repayment)
    emit(ctx, uow, loan.merchant_id, "loan_repayment.succeeded", repayment_object(repayment))
    if plan.closes is not None:
        loan = replace(
            loan,
            status=LoanState.CLOSED,
            closed_reason=plan.closes,
            closed_on=on,
            updated_at=ctx.clock.now(),
        )
        uow.loans.save(loan)
        emit(ctx, uow, loan.merchant_id, "loan.closed", loan_object(ctx, uow, loan))
    return repayment


def _repayable(loan: Loan) -> None:
    if loan.status is LoanState.APPROVED:
        raise LendingRejected(LendingStatus.LOAN_NOT_ACTIVE, param="loan")
    if loan.status is not LoanState.ACTIVE:
        raise LendingRejected(LendingStatus.LOAN_CLOSED, param="loan")


def repay_loan(
    ctx: LendingContext,
    uow: LendingUnitOfWork,
    caller: Principal,
    loan_id: str,
    repayment_type: str,
    amount_minor: int | None,
) -> dict[str, Any]:
    """A manual repayment, prepayment or foreclosure from the merchant's available balance."""
    require_borrower_side(caller)
    if repayment_type not in {t.value for t in REPAYMENT_TYPES}:
        raise LendingRejected(LendingStatus.REPAYMENT_TYPE_INVALID, param="type")
    source = RepaymentSource(repayment_type)
    if (amount_minor is None) != (source is RepaymentSource.FORECLOSURE):
        raise LendingRejected(LendingStatus.REPAYMENT_AMOUNT_REQUIRED, param="amount_minor")
    if amount_minor is not None:
        check_amount(amount_minor)
    loan = visible_loan(uow, caller, loan_id, for_update=True)
    _repayable(loan)
    on = today(ctx)
    installments = uow.loans.installments(loan.id)
    loan = accrue_interest(ctx, uow, loan, installments, on)
    if source is RepaymentSource.FORECLOSURE:
        plan = _foreclosure(loan, installments, on)
    elif source is RepaymentSource.PREPAYMENT:
        plan = _prepayment(loan, installments, amount_minor or 0, on)
    else:
        plan = regular_plan(loan, installments, amount_minor or 0, on, source)
    return repayment_object(record_repayment(ctx, uow, loan, installments, plan, source, on))


def _available(ctx: LendingContext, uow: LendingUnitOfWork, loan: Loan) -> int:
    account = loan_books(ctx, uow, loan).merchant_available
    return uow.ledger.get_account(account, ctx.clock.now()).balance.available_to_debit


def _collect(
    ctx: LendingContext,
    uow: LendingUnitOfWork,
    loan: Loan,
    on: date,
    source: RepaymentSource,
    cap_minor: int | None,
) -> int:
    """Take what is due (at most ``cap_minor``, and what the balance holds); the amount taken."""
    installments = uow.loans.installments(loan.id)
    loan = accrue_interest(ctx, uow, loan, installments, on)
    due = amount_due(installments, on).total_minor
    take = min(due, _available(ctx, uow, loan), due if cap_minor is None else cap_minor)
    if take <= 0:
        return 0
    record_repayment(
        ctx, uow, loan, installments, regular_plan(loan, installments, take, on, source), source, on
    )
    return take


def collect_due_installments(
    ctx: LendingContext, uow: LendingUnitOfWork, on: date, limit: int = COLLECTION_BATCH_MAX
) -> int:
    """For the worker: the EMI auto-debit of up to ``limit`` loans with something due by ``on``.

    Each loan is tried once a day (``auto_debit_attempted_on``); a balance short of what is due
    gives what it holds. Returns how many loans were looked at; the caller commits.
    """
    loans = uow.loans.due_for_auto_debit(on, limit)
    for loan in loans:
        try:
            with uow.savepoint():
                _collect(ctx, uow, loan, on, RepaymentSource.EMI_DEBIT, None)
        except LendingRejected:  # the balance moved between reading and debiting: tomorrow
            pass
        current = uow.loans.get(loan.id) or loan
        uow.loans.save(replace(current, auto_debit_attempted_on=on))
    return len(loans)


def list_repayments(
    uow: LendingUnitOfWork, caller: Principal, loan_id: str, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    loan = visible_loan(uow, caller, loan_id)
    items, has_more = uow.loans.list_repayments(loan.id, page)
    return [repayment_object(r) for r in items], has_more
