"""Applications for a credit line: a merchant applies, the lender sanctions or declines.

As for loan applications (:mod:`.loan_applications`, whose history and underwriting this
reuses): a merchant applies for itself (the platform for any merchant) to one member lender for
a limit in a PMMY category (the category's band in the currency, ``amount_outside_band``; Tarun
Plus only after a repaid Tarun; ``credit_line_exists`` when it already has an open line there).
The advice (:func:`~paysetu.lending.rules.credit_line_applications.line_advice`: the
underwriting policy's decision, reasons and features, and the drawing power the line would have
today, explained) is stored with the application and shown to the lender, who decides:

* **approve** at a rate within the category's range and a review date within a year, at the
  requested limit or another (changing it needs a reason), and approving against an advice to
  decline needs a reason (``reason_invalid``): the line is sanctioned as
  :func:`~.credit_lines.sanction_line` sanctions it (its checks and refusals), in the same
  transaction;
* **reject** with a reason given to the merchant.

A decided application is ``application_already_decided``; another's is 404
``credit_line_application_not_found``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.events.usecases.events import emit
from paysetu.kernel.money import currency_exponent, is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.lending.rules.credit_line_applications import (
    LINE_TENURE_MONTHS,
    CreditLineApplication,
    line_advice,
)
from paysetu.lending.rules.credit_lines import POLICY, drawing_power, limit_in_band
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import ApplicationState, LoanCategory
from paysetu.lending.rules.schedule import Frequency
from paysetu.lending.rules.underwriting import LoanRequest, Outcome, decide
from paysetu.lending.usecases import credit_lines
from paysetu.lending.usecases.lending import (
    check_amount,
    check_text,
    loan_scope,
    require_borrower_side,
    require_lender_side,
)
from paysetu.lending.usecases.loan_applications import applicant_and_lender, merchant_history
from paysetu.lending.usecases.loans import today
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors, storable


@dataclass(frozen=True, slots=True)
class ApplyForLine:
    """A merchant's request. ``merchant``: required with the platform key only."""

    lender: str
    category: str
    currency: str
    limit_minor: int
    purpose: str
    merchant: str | None = None


@dataclass(frozen=True, slots=True)
class SanctionTerms:
    """The lender's terms: a rate, a review date, optionally another limit (with a reason)."""

    rate_bps: int
    review_due: date
    limit_minor: int | None = None
    reason: str | None = None


def application_object(application: CreditLineApplication) -> dict[str, Any]:
    return {
        "id": application.id, "object": "credit_line_application",
        "merchant": application.merchant_id, "lender": application.lender_id,
        "category": application.category.value, "currency": application.currency,
        "limit_minor": application.limit_minor, "purpose": application.purpose,
        "status": application.status.value, "advice": dict(application.advice),
        "decision_reason": application.decision_reason,
        "decided": None if application.decided_at is None else timestamp(application.decided_at),
        "credit_line": application.credit_line_id,
        "created": timestamp(application.created_at),
    }


def visible_application(uow: LendingUnitOfWork, caller: Principal, application_id: str, *,
                        for_update: bool = False) -> CreditLineApplication:
    application = (uow.credit_lines.get_application(application_id, for_update=for_update)
                   if storable(application_id) else None)
    scope = loan_scope(caller)
    if application is None or scope.merchant_id not in (None, application.merchant_id) or (
            scope.lender_id not in (None, application.lender_id)):
        raise LendingRejected(LendingStatus.CREDIT_LINE_APPLICATION_NOT_FOUND,
                              param="application")
    return application


def apply_for_line(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, command: ApplyForLine
) -> dict[str, Any]:
    """Submit an application with its advice (module docstring)."""
    require_borrower_side(caller)
    check_amount(command.limit_minor, "limit_minor")
    check_text(command.purpose, LendingStatus.PURPOSE_INVALID, "purpose")
    if not is_currency(command.currency):
        raise LendingRejected(LendingStatus.CURRENCY_INVALID, param="currency")
    if command.category not in {c.value for c in LoanCategory}:
        raise LendingRejected(LendingStatus.PRODUCT_NOT_FOUND, param="category")
    merchant, lender = applicant_and_lender(uow, caller, command.merchant, command.lender)
    product = credit_lines.line_product(uow, command.category, command.currency)
    if not limit_in_band(command.limit_minor, (product.amount_min_minor,
                                               product.amount_max_minor)):
        raise LendingRejected(LendingStatus.AMOUNT_OUTSIDE_BAND, param="limit_minor")
    needed = product.requires_repaid_category
    if needed is not None and not uow.loans.has_repaid(merchant.id, needed):
        raise LendingRejected(LendingStatus.TARUN_PLUS_REQUIRES_REPAID_TARUN, param="category")
    if any(line.lender_id == lender.id
           for line in uow.credit_lines.active_for_merchant(merchant.id, command.currency)):
        raise LendingRejected(LendingStatus.CREDIT_LINE_EXISTS, param="lender")
    on = today(ctx)
    decision = decide(merchant_history(uow, merchant.id, command.currency, on),
                      LoanRequest(command.limit_minor, LINE_TENURE_MONTHS, Frequency.MONTHLY,
                                  product.rate_max_bps, product.amount_max_minor),
                      currency_exponent(command.currency))
    _, net = credit_lines.line_drawing_power(uow, merchant.id, command.currency,
                                             command.limit_minor, on)
    now = ctx.clock.now()
    application = CreditLineApplication(
        id=ctx.ids.new_id("cla"), merchant_id=merchant.id, lender_id=lender.id,
        category=product.category, currency=command.currency, limit_minor=command.limit_minor,
        purpose=command.purpose, status=ApplicationState.SUBMITTED,
        advice=line_advice(decision, drawing_power(POLICY, command.limit_minor, net, on)),
        decision_reason=None, decided_at=None, credit_line_id=None, created_at=now,
        updated_at=now)
    uow.credit_lines.insert_application(application)
    obj = application_object(application)
    emit(ctx, uow, merchant.id, "credit_line_application.submitted", obj)
    return obj


def _undecided(uow: LendingUnitOfWork, caller: Principal,
               application_id: str) -> CreditLineApplication:
    application = visible_application(uow, caller, application_id, for_update=True)
    if application.status is not ApplicationState.SUBMITTED:
        raise LendingRejected(LendingStatus.APPLICATION_ALREADY_DECIDED, param="application")
    return application


def approve(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, application_id: str,
    terms: SanctionTerms,
) -> dict[str, Any]:
    """Sanction the line (module docstring); the application, approved, with its line."""
    require_lender_side(caller)
    if terms.reason is not None:
        check_text(terms.reason, LendingStatus.REASON_INVALID, "reason")
    application = _undecided(uow, caller, application_id)
    limit = application.limit_minor if terms.limit_minor is None else terms.limit_minor
    if limit != application.limit_minor and terms.reason is None:
        raise LendingRejected(LendingStatus.REASON_INVALID,
                              "Changing the limit needs a reason.", "reason")
    if application.advice.get("decision") == Outcome.DECLINE and terms.reason is None:
        raise LendingRejected(LendingStatus.REASON_INVALID,
                              "Approving against the policy's advice to decline needs a reason.",
                              "reason")
    line = credit_lines.sanction_line(
        ctx, uow, caller, application.merchant_id, application.lender_id,
        application.category.value, application.currency, limit, terms.rate_bps,
        terms.review_due, {"application": application.id})
    now = ctx.clock.now()
    application = replace(application, status=ApplicationState.APPROVED,
                          credit_line_id=line["id"], decision_reason=terms.reason,
                          decided_at=now, updated_at=now)
    uow.credit_lines.save_application(application)
    obj = application_object(application)
    emit(ctx, uow, application.merchant_id, "credit_line_application.approved", obj)
    return obj


def reject(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, application_id: str,
    reason: str,
) -> dict[str, Any]:
    """Decline with a reason given to the merchant."""
    require_lender_side(caller)
    check_text(reason, LendingStatus.REASON_INVALID, "reason")
    application = _undecided(uow, caller, application_id)
    now = ctx.clock.now()
    application = replace(application, status=ApplicationState.REJECTED, decision_reason=reason,
                          decided_at=now, updated_at=now)
    uow.credit_lines.save_application(application)
    obj = application_object(application)
    emit(ctx, uow, application.merchant_id, "credit_line_application.rejected", obj)
    return obj


def get_application(uow: LendingUnitOfWork, caller: Principal,
                    application_id: str) -> dict[str, Any]:
    return application_object(visible_application(uow, caller, application_id))


def list_applications(
    uow: LendingUnitOfWork, caller: Principal, status: str | None, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    if status is not None and status not in {s.value for s in ApplicationState}:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "status is one of " + ", ".join(s.value for s in ApplicationState) + ".", "status")
    scope = replace(loan_scope(caller), status=status)
    items, has_more = uow.credit_lines.list_applications(scope, page)
    return [application_object(a) for a in items], has_more
