"""Refinance claims: a lender's standard loans and credit lines refinanced by the apex.

See :mod:`paysetu.lending.rules.refinance` for the rule and the entries. A member lender (its
own key, or the platform naming it) claims over its eligible loans in a currency (all of them,
or those listed) at an agreed share; the apex refinancer's funding pays the claim in the same
transaction (``apex_funds_insufficient``, 402, when it cannot). Each later repayment of a
refinanced loan's principal passes the share on to the apex (:func:`pass_refinance_share`,
called by every repayment in its own transaction). Credit lines join a claim like loans: the
lender's active standard lines with a drawn balance (all, when no list is given; listed by
their ``cln_`` ids otherwise), refinanced on the drawn balance; each later credit to a line
passes the share of the drawn balance repaid below it (:func:`pass_line_share`; a redraw does
not take back what was passed). ``loans`` on the claim counts loans and lines, ``credit_lines``
the lines among them. A lender sees its own claims, the apex
the claims it paid, the platform all; merchants none (404).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.kernel.invariants import InvariantViolation
from paysetu.kernel.money import is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.lending.rules.allocation import Component, Installment
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import Loan
from paysetu.lending.rules.refinance import (
    SHARE_BPS_MAX,
    RefinanceBooks,
    RefinanceClaim,
    RefinancedLoan,
    claim_entry,
    pass_through_due,
    pass_through_entry,
    refinanced_amount,
)
from paysetu.lending.usecases.lending import get_lender, lender_accounts, require_lender_side
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors, storable


def _purpose_account(
    ctx: LendingContext, uow: LendingUnitOfWork, lender_id: str, currency: str, purpose: str,
    kind: AccountKind,
) -> str:
    existing = uow.lending.purpose_accounts(lender_id, currency).get(purpose)
    if existing is not None:
        return existing
    account_id = f"acct_{lender_id}_{currency}_{purpose}"
    uow.ledger.create_accounts([NewAccount(
        account_id, currency, kind,
        debits_must_not_exceed_credits=kind is AccountKind.LIABILITY,
        credits_must_not_exceed_debits=kind is AccountKind.ASSET,
        owner_type="lender", owner_id=lender_id)], ctx.clock.now())
    uow.lending.add_purpose_accounts(lender_id, currency, {purpose: account_id})
    return account_id


def refinance_books(
    ctx: LendingContext, uow: LendingUnitOfWork, lender_id: str, apex_id: str, currency: str
) -> RefinanceBooks:
    """The four accounts of a lender's refinance by the apex (opened on first use)."""
    return RefinanceBooks(
        lender_accounts(ctx, uow, lender_id, currency).funding,
        _purpose_account(ctx, uow, lender_id, currency, "refinance_payable",
                         AccountKind.LIABILITY),
        lender_accounts(ctx, uow, apex_id, currency).funding,
        _purpose_account(ctx, uow, apex_id, currency, "refinance_receivable",
                         AccountKind.ASSET),
    )


def claim_object(uow: LendingUnitOfWork, claim: RefinanceClaim) -> dict[str, Any]:
    lines, lines_passed = uow.credit_lines.claim_lines(claim.id)
    passed = uow.loans.claim_passed(claim.id) + lines_passed
    return {
        "id": claim.id, "object": "refinance_claim", "lender": claim.lender_id,
        "apex": claim.apex_id, "currency": claim.currency, "share_bps": claim.share_bps,
        "loans": claim.loans, "credit_lines": lines, "principal_minor": claim.principal_minor,
        "amount_minor": claim.amount_minor, "passed_minor": passed,
        "owed_minor": claim.amount_minor - passed, "journal_entry": claim.entry_id,
        "created": timestamp(claim.created_at),
    }


def _claimant(uow: LendingUnitOfWork, caller: Principal, lender_id: str | None) -> str:
    """The lender claiming: a lender key's own, or the one the platform names."""
    require_lender_side(caller)
    chosen = lender_id if caller.role is Role.PLATFORM else (lender_id or caller.owner_id)
    if chosen is None:
        raise LendingRejected(LendingStatus.LENDER_NOT_FOUND, param="lender")
    return get_lender(uow, caller, chosen).id


def submit_claim(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, lender_id: str | None,
    currency: str, share_bps: int, loan_ids: Sequence[str] | None,
) -> dict[str, Any]:
    """Refinance the lender's eligible loans at ``share_bps``; the apex pays now."""
    if not 0 < share_bps <= SHARE_BPS_MAX:
        raise LendingRejected(LendingStatus.SHARE_INVALID, param="share_bps")
    if not is_currency(currency):
        raise LendingRejected(LendingStatus.CURRENCY_INVALID, param="currency")
    claimant = _claimant(uow, caller, lender_id)
    apex = uow.lending.apex_lender()
    if apex is None:
        raise LendingRejected(LendingStatus.APEX_LENDER_MISSING, param="lender")
    asked = None if loan_ids is None else sorted(set(loan_ids))
    asked_loans = None if asked is None else [x for x in asked if not x.startswith("cln_")]
    asked_lines = None if asked is None else [x for x in asked if x.startswith("cln_")]
    eligible = [(loan_id, p) for loan_id, p in uow.loans.eligible_for_refinance(
        claimant, currency, asked_loans) if refinanced_amount(p, share_bps) > 0]
    lines = [(line_id, p) for line_id, p in uow.credit_lines.eligible_for_refinance(
        claimant, currency, asked_lines) if refinanced_amount(p, share_bps) > 0]
    if asked is not None and sorted(x for x, _ in [*eligible, *lines]) != asked:
        raise LendingRejected(LendingStatus.LOAN_NOT_ELIGIBLE, param="loans")
    if not eligible and not lines:
        raise LendingRejected(LendingStatus.NOTHING_TO_REFINANCE, param="lender")
    claim_id, entry_id = ctx.ids.new_id("rfc"), ctx.ids.new_id("je")
    loans = [RefinancedLoan(loan_id, claim_id, share_bps, p, refinanced_amount(p, share_bps), 0)
             for loan_id, p in eligible]
    refinanced_lines = [RefinancedLoan(line_id, claim_id, share_bps, p,
                                       refinanced_amount(p, share_bps), 0)
                        for line_id, p in lines]
    every = [*loans, *refinanced_lines]
    claim = RefinanceClaim(claim_id, claimant, apex.id, currency, share_bps, len(every),
                           sum(x.principal_minor for x in every),
                           sum(x.refinanced_minor for x in every), entry_id, ctx.clock.now())
    books = refinance_books(ctx, uow, claimant, apex.id, currency)
    meta = {"kind": "refinance_claim", "claim": claim_id, "lender": claimant, "apex": apex.id}
    try:
        uow.ledger.apply([claim_entry(entry_id, books, claim.amount_minor, currency, meta)],
                         ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_DEBITS:
            raise LendingRejected(LendingStatus.APEX_FUNDS_INSUFFICIENT, param="lender") from None
        raise
    uow.loans.insert_claim(claim, loans)
    uow.credit_lines.insert_refinanced(refinanced_lines)
    return claim_object(uow, claim)


def pass_line_share(
    ctx: LendingContext, uow: LendingUnitOfWork, line_id: str, lender_id: str, currency: str,
    drawn_minor: int,
) -> None:
    """After a credit to a line: pass the apex's share of the drawn balance repaid below the
    refinanced one, if any (cumulative, as for loans)."""
    refinanced = uow.credit_lines.refinanced(line_id)
    if refinanced is None:
        return
    due = pass_through_due(refinanced, drawn_minor)
    if due <= 0:
        return
    claim = uow.loans.get_claim(refinanced.claim_id)
    if claim is None:
        raise InvariantViolation("a refinanced line's claim exists (foreign key)")
    books = refinance_books(ctx, uow, lender_id, claim.apex_id, currency)
    meta = {"kind": "refinance_repayment", "claim": claim.id, "credit_line": line_id,
            "lender": lender_id, "apex": claim.apex_id}
    uow.ledger.apply([pass_through_entry(ctx.ids.new_id("je"), books, due, currency, meta)],
                     ctx.clock.now())
    uow.credit_lines.add_passed(line_id, due)


def pass_refinance_share(
    ctx: LendingContext, uow: LendingUnitOfWork, loan: Loan, installments: Sequence[Installment]
) -> None:
    """After a repayment: pass the apex's share of the principal repaid so far, if any."""
    refinanced = uow.loans.refinanced(loan.id)
    if refinanced is None:
        return
    outstanding = sum(i.unpaid(Component.PRINCIPAL) for i in installments)
    due = pass_through_due(refinanced, outstanding)
    if due <= 0:
        return
    claim = uow.loans.get_claim(refinanced.claim_id)
    if claim is None:
        raise InvariantViolation("a refinanced loan's claim exists (foreign key)")
    books = refinance_books(ctx, uow, loan.lender_id, claim.apex_id, loan.currency)
    meta = {"kind": "refinance_repayment", "claim": claim.id, "loan": loan.id,
            "lender": loan.lender_id, "apex": claim.apex_id}
    uow.ledger.apply([pass_through_entry(ctx.ids.new_id("je"), books, due, loan.currency, meta)],
                     ctx.clock.now())
    uow.loans.add_passed(loan.id, due)


def _visible_to(caller: Principal) -> str | None:
    require_lender_side(caller)
    return None if caller.role is Role.PLATFORM else (caller.owner_id or "-")


def get_claim(uow: LendingUnitOfWork, caller: Principal, claim_id: str) -> dict[str, Any]:
    party = _visible_to(caller)
    claim = uow.loans.get_claim(claim_id) if storable(claim_id) else None
    if claim is None or party not in (None, claim.lender_id, claim.apex_id):
        raise LendingRejected(LendingStatus.REFINANCE_CLAIM_NOT_FOUND, param="claim")
    return claim_object(uow, claim)


def list_claims(
    uow: LendingUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    claims, has_more = uow.loans.list_claims(_visible_to(caller), page)
    return [claim_object(uow, c) for c in claims], has_more
