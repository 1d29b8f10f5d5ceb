"""Settlement's loan sweep (:class:`~paysetu.settlement.usecases.hooks.LoanSweep`) for loans
and credit lines.

Each settlement batch of a merchant asks :meth:`LoanSettlementSweep.claim` how much to sweep
before paying out. The **sweep order** (one for the whole lending book):

1. the merchant's active term loans in the batch's currency, oldest first: each claims its
   product's share (``sweep_bps``) of the batch's net, at most what the loan has due today
   (an unpaid installment makes days past due, so loans come first);
2. then its active credit lines in the currency, oldest first: each claims its own
   ``sweep_bps`` of the net, at most what the line owes (penal charges, drawn balance,
   accrued interest), which keeps the line's credits flowing (the IRAC "no credits" rule);

never more in total than the net. Settlement books ``merchant available -> the
merchant's loan-sweep account`` (it may take less than claimed) in its own transaction and
calls :meth:`LoanSettlementSweep.swept`; each loan's part is then allocated like any
repayment (source ``sweep``) and each line's like a line repayment (movement ``sweep``), paid out
of the loan-sweep account, in the same transaction.
The loan-sweep account (a liability, never negative) is therefore empty between transactions.

Claim takes the loans' row locks, then the lines', before settlement posts on the merchant's
accounts: loans first, then lines, then ledger accounts, as everywhere else in lending.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import cast

from paysetu.kernel.invariants import invariant
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.lending.rules.allocation import amount_due
from paysetu.lending.rules.credit_lines import CreditLine, LineMovementKind
from paysetu.lending.rules.loans import Loan, RepaymentSource
from paysetu.lending.usecases.credit_line_objects import owed
from paysetu.lending.usecases.credit_lines import record_credit
from paysetu.lending.usecases.loan_repayments import record_repayment, regular_plan
from paysetu.lending.usecases.loans import accrue_interest, today
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.settlement.usecases.ports import (
    NO_CLAIM,
    SettlementUnitOfWork,
    SweepClaim,
    SweepRequest,
)


def sweep_account(
    ctx: LendingContext, uow: LendingUnitOfWork, merchant_id: str, currency: str
) -> str:
    """The merchant's loan-sweep account in ``currency``, opened on first use."""
    account_id = f"acct_{merchant_id}_{currency}_loan_sweep"
    uow.ledger.create_accounts(
        [
            NewAccount(
                account_id,
                currency,
                AccountKind.LIABILITY,
                debits_must_not_exceed_credits=True,
                owner_type="merchant",
                owner_id=merchant_id,
                metadata={"purpose": "loan_sweep"},
            )
        ],
        ctx.clock.now(),
    )
    return account_id


def sweep_shares(
    ctx: LendingContext, uow: LendingUnitOfWork, merchant_id: str, currency: str,
    net_minor: int, on: date,
) -> list[tuple[Loan | CreditLine, int]]:
    """Each active loan's, then each active line's claim on a settlement net of ``net_minor``
    in the sweep order (module docstring); loans, then lines, locked."""
    shares: list[tuple[Loan | CreditLine, int]] = []
    claimed = 0
    if net_minor <= 0:
        return shares
    owing: list[tuple[Loan | CreditLine, int, int]] = [
        (loan, loan.sweep_bps, amount_due(uow.loans.installments(loan.id), on).total_minor)
        for loan in uow.loans.active_for_merchant(merchant_id, currency, for_update=True)]
    owing.extend((line, line.sweep_bps, sum(owed(ctx, uow, line)))
                 for line in uow.credit_lines.active_for_merchant(merchant_id, currency,
                                                                 for_update=True))
    for debt, sweep_bps, due in owing:
        share = min(net_minor * sweep_bps // 10_000, net_minor - claimed, due)
        if share > 0:
            shares.append((debt, share))
            claimed += share
    return shares


def _lending(uow: SettlementUnitOfWork) -> LendingUnitOfWork:
    """Settlement hands the hook the transaction it opened from the product's context, whose
    units of work carry every repository, lending's included (settlement cannot name them)."""
    return cast(LendingUnitOfWork, uow)


class LoanSettlementSweep:
    """The lending side of settlement's loan sweep, bound to the application context."""

    def __init__(self, ctx: LendingContext) -> None:
        self._ctx = ctx

    def claim(self, uow: SettlementUnitOfWork, request: SweepRequest) -> SweepClaim:
        shares = sweep_shares(
            self._ctx,
            _lending(uow),
            request.merchant_id,
            request.currency,
            request.net_before_sweep_minor,
            today(self._ctx),
        )
        total = sum(share for _, share in shares)
        if not total:
            return NO_CLAIM
        return SweepClaim(
            total, sweep_account(self._ctx, _lending(uow), request.merchant_id, request.currency)
        )

    def claims(
        self, uow: SettlementUnitOfWork, requests: Sequence[SweepRequest]
    ) -> dict[str, SweepClaim]:
        """A group of batches at once: one query finds the merchants with loans, and only
        their batches are asked (settlement groups hundreds of merchants per transaction)."""
        pairs = sorted({(r.merchant_id, r.currency) for r in requests})
        owing = _lending(uow).loans.merchants_with_active_loans(pairs)
        owing |= _lending(uow).credit_lines.lines_for_merchants(pairs)
        return {
            r.batch_id: self.claim(uow, r) for r in requests if (r.merchant_id, r.currency) in owing
        }

    def swept(
        self,
        settling: SettlementUnitOfWork,
        request: SweepRequest,
        amount_minor: int,
        entry_id: str,
    ) -> None:
        """Allocate what settlement booked to the loans, in the order they claimed."""
        ctx, uow = self._ctx, _lending(settling)
        on = today(ctx)
        account = sweep_account(ctx, uow, request.merchant_id, request.currency)
        remaining = amount_minor
        for debt, share in sweep_shares(
            ctx, uow, request.merchant_id, request.currency, request.net_before_sweep_minor, on
        ):
            take = min(share, remaining)
            if take <= 0:
                break
            if isinstance(debt, CreditLine):
                record_credit(ctx, uow, debt, take, LineMovementKind.SWEEP, on, paid_from=account,
                              meta={"settlement_batch": request.batch_id, "sweep_entry": entry_id})
                remaining -= take
                continue
            loan = debt
            installments = uow.loans.installments(loan.id)
            current = accrue_interest(ctx, uow, loan, installments, on)
            plan = regular_plan(current, installments, take, on, RepaymentSource.SWEEP)
            record_repayment(
                ctx,
                uow,
                current,
                installments,
                plan,
                RepaymentSource.SWEEP,
                on,
                paid_from=account,
                settlement_batch=request.batch_id,
                sweep_entry=entry_id,
            )
            remaining -= take
        invariant(remaining == 0, "a sweep never books more than its loans claimed")
