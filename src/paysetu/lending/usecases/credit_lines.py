"""Credit lines: sanction, draw, repay, renew, close, and the line as the API shows it.

Rules: :mod:`paysetu.lending.rules.credit_lines`. Every operation is one database transaction:
the line's row is locked first, then the ledger's accounts; a refusal writes nothing.

* **sanction** (the lender, or the platform naming it): a limit inside the band of a PMMY
  category's product in the currency (``amount_outside_band``; Tarun Plus only after a repaid
  Tarun), a rate inside the product's range, the product's penal rate (disclosed on the line),
  a review date within a year; one open line per merchant, lender and currency
  (``credit_line_exists``). The drawing power is computed at once from the settled sales and
  stored with its explanation. Accounts per line: ``acct_<cln>_drawn`` (asset, the lender's:
  the drawn balance, never a credit balance) and ``acct_<cln>_interest`` (interest accrued,
  not yet debited).
* **draw** (the merchant, or the platform): into the merchant's available balance or straight
  into a supplier merchant's (``payee``); refused when the line is closed
  (``credit_line_closed``), suspended because it is an NPA or its review date has passed
  (``credit_line_suspended``), or when the drawn balance would exceed the drawing power
  (``draw_exceeds_drawing_power``). Entry: Dr drawn, Cr lender funding, Dr lender settlement,
  Cr payee available (the term-loan disbursal's, with no fee).
* **repay** (the merchant, or the platform; the sweep of settlements too): penal charges, then
  the drawn balance, then accrued interest; more than that is ``repayment_exceeds_outstanding``.
  Entry: the term-loan repayment's. A credit counts for the out-of-order rules (last credit,
  interest debits covered).
* **renew** (the lender): a new review date (and optionally limit and rate), renewals + 1;
  this lifts a suspension for an expired review.
* **close** (either side): only with nothing owed (``credit_line_not_repaid``); close of
  business also closes a line whose review date passed with nothing owed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.events.usecases.events import emit
from paysetu.kernel.money import is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import AccountKind, NewAccount
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.lending.rules.classification import AssetClass
from paysetu.lending.rules.credit_lines import (
    POLICY,
    CreditLine,
    LineMovement,
    LineMovementKind,
    LineState,
    allocate_repayment,
    available_to_draw,
    dp_window,
    drawing_power,
    limit_in_band,
)
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import (
    LoanBooks,
    LoanCategory,
    LoanProduct,
    RepaymentParts,
    disbursal_entry,
    repayment_entry,
)
from paysetu.lending.usecases.credit_line_objects import (
    line_object,
    movement_object,
    owed,
    suspended_reason,
)
from paysetu.lending.usecases.lending import (
    check_amount,
    check_metadata,
    get_lender,
    lender_accounts,
    loan_scope,
    require_borrower_side,
    require_lender_side,
)
from paysetu.lending.usecases.loan_refinance import pass_line_share
from paysetu.lending.usecases.loans import posted_balance, today
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors, storable
from paysetu.payments.usecases.merchants import merchant_accounts

REVIEW_DAYS_MAX = 366


def visible_line(
    uow: LendingUnitOfWork, caller: Principal, line_id: str, *, for_update: bool = False
) -> CreditLine:
    line = uow.credit_lines.get(line_id, for_update=for_update) if storable(line_id) else None
    scope = loan_scope(caller)
    if line is None or scope.merchant_id not in (None, line.merchant_id) or (
            scope.lender_id not in (None, line.lender_id)):
        raise LendingRejected(LendingStatus.CREDIT_LINE_NOT_FOUND, param="credit_line")
    return line


def line_product(uow: LendingUnitOfWork, category: str, currency: str) -> LoanProduct:
    """The active product of a PMMY category in the currency (``product_not_found``)."""
    for product in uow.lending.list_products():
        if product.category.value == category and product.currency == currency and product.active:
            return product
    raise LendingRejected(LendingStatus.PRODUCT_NOT_FOUND, param="category")


def _check_review(review_due: date, after: date) -> None:
    if not after < review_due <= after + timedelta(days=REVIEW_DAYS_MAX):
        raise LendingRejected(LendingStatus.REVIEW_DATE_INVALID, param="review_due")


def _check_terms(uow: LendingUnitOfWork, product: LoanProduct, merchant_id: str,
                 limit_minor: int, rate_bps: int) -> None:
    check_amount(limit_minor, "limit_minor")
    if not limit_in_band(limit_minor, (product.amount_min_minor, product.amount_max_minor)):
        raise LendingRejected(LendingStatus.AMOUNT_OUTSIDE_BAND, param="limit_minor")
    if not product.rate_min_bps <= rate_bps <= product.rate_max_bps:
        raise LendingRejected(LendingStatus.RATE_OUT_OF_RANGE, param="rate_bps")
    needed = product.requires_repaid_category
    if needed is not None and not uow.loans.has_repaid(merchant_id, needed):
        raise LendingRejected(LendingStatus.TARUN_PLUS_REQUIRES_REPAID_TARUN, param="category")


def line_drawing_power(uow: LendingUnitOfWork, merchant_id: str, currency: str,
                       limit_minor: int, on: date) -> tuple[int, int]:
    """The drawing power on ``on`` and the net settled sales it comes from."""
    first, last = dp_window(POLICY, on)
    net = uow.credit_lines.net_settled(merchant_id, currency, first, last)
    return drawing_power(POLICY, limit_minor, net, on).amount_minor, net


def _open_accounts(ctx: LendingContext, uow: LendingUnitOfWork, line_id: str, lender_id: str,
                   currency: str) -> tuple[str, str]:
    drawn, interest = f"acct_{line_id}_drawn", f"acct_{line_id}_interest"
    uow.ledger.create_accounts(
        [NewAccount(account, currency, AccountKind.ASSET, credits_must_not_exceed_debits=True,
                    owner_type="lender", owner_id=lender_id,
                    metadata={"credit_line": line_id, "purpose": purpose})
         for account, purpose in ((drawn, "drawn"), (interest, "interest_receivable"))],
        ctx.clock.now())
    return drawn, interest


def sanction_line(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, merchant_id: str,
    lender_id: str, category: str, currency: str, limit_minor: int, rate_bps: int,
    review_due: date, metadata: Mapping[str, str],
) -> dict[str, Any]:
    """A new line (module docstring); the lender's key sanctions only for itself."""
    require_lender_side(caller)
    if caller.role is Role.LENDER:
        lender_id = caller.owner_id or ""
    if not is_currency(currency):
        raise LendingRejected(LendingStatus.CURRENCY_INVALID, param="currency")
    if category not in {c.value for c in LoanCategory}:
        raise LendingRejected(LendingStatus.PRODUCT_NOT_FOUND, param="category")
    check_metadata(metadata)
    on = today(ctx)
    _check_review(review_due, on)
    lender = get_lender(uow, caller, lender_id)
    if lender.apex:
        raise LendingRejected(LendingStatus.APEX_LENDER_CANNOT_LEND, param="lender")
    if not storable(merchant_id) or uow.merchants.get(merchant_id) is None:
        raise LendingRejected(LendingStatus.PAYEE_NOT_FOUND, param="merchant")
    product = line_product(uow, category, currency)
    _check_terms(uow, product, merchant_id, limit_minor, rate_bps)
    line_id = ctx.ids.new_id("cln")
    funding = lender_accounts(ctx, uow, lender.id, currency).funding
    drawn, interest = _open_accounts(ctx, uow, line_id, lender.id, currency)
    power, net = line_drawing_power(uow, merchant_id, currency, limit_minor, on)
    now = ctx.clock.now()
    line = CreditLine(
        id=line_id, merchant_id=merchant_id, lender_id=lender.id, category=product.category,
        currency=currency, limit_minor=limit_minor, rate_bps=rate_bps,
        penal_rate_bps=product.penalty_rate_bps, sweep_bps=product.sweep_bps,
        review_due=review_due, status=LineState.ACTIVE,
        drawn_account_id=drawn, interest_account_id=interest, funding_account_id=funding,
        drawing_power_minor=power, dp_net_settled_minor=net, dp_as_of=on, sanctioned_on=on,
        closed_on=None,
        renewals=0, rate_balance_days=0, interest_accrued_minor=0,
        interest_accrued_through=on - timedelta(days=1), penal_charges_minor=0,
        over_since=None, debit_since=None, last_credit_on=None, classified_on=None,
        out_of_order_days=0, asset_class=AssetClass.STANDARD, npa_since=None,
        provision_minor=0, interest_suspense_minor=0, metadata=dict(metadata),
        created_at=now, updated_at=now)
    if not uow.credit_lines.insert(line):
        raise LendingRejected(LendingStatus.CREDIT_LINE_EXISTS, param="merchant")
    obj = line_object(ctx, uow, line)
    emit(ctx, uow, merchant_id, "credit_line.sanctioned", obj)
    return obj




def _books(ctx: LendingContext, uow: LendingUnitOfWork, line: CreditLine,
           merchant_id: str) -> LoanBooks:
    return LoanBooks(line.drawn_account_id, line.interest_account_id,
                     lender_accounts(ctx, uow, line.lender_id, line.currency),
                     merchant_accounts(ctx, uow, merchant_id, line.currency).available)


def _movement(ctx: LendingContext, line: CreditLine, kind: LineMovementKind, amount: int,
              entry_id: str, on: date, payee: str | None = None,
              parts: RepaymentParts | None = None) -> LineMovement:
    parts = parts or RepaymentParts()
    return LineMovement(ctx.ids.new_id("clm"), line.id, kind, amount, payee,
                        parts.principal_minor, parts.interest_minor, parts.penalty_minor,
                        entry_id, on, ctx.clock.now())


def draw(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str,
    amount_minor: int, payee: str | None,
) -> dict[str, Any]:
    """Draw into the merchant's balance or a supplier's (module docstring)."""
    require_borrower_side(caller)
    check_amount(amount_minor)
    line = visible_line(uow, caller, line_id, for_update=True)
    on = today(ctx)
    if line.status is not LineState.ACTIVE:
        raise LendingRejected(LendingStatus.CREDIT_LINE_CLOSED, param="credit_line")
    reason = suspended_reason(line, on)
    if reason is not None:
        raise LendingRejected(LendingStatus.CREDIT_LINE_SUSPENDED,
                              f"Draws are suspended ({reason}).", "credit_line")
    payee_id = payee or line.merchant_id
    if not storable(payee_id) or uow.merchants.get(payee_id) is None:
        raise LendingRejected(LendingStatus.PAYEE_NOT_FOUND, param="payee")
    drawn = posted_balance(ctx, uow, line.drawn_account_id)
    if amount_minor > available_to_draw(drawn, line.drawing_power_minor):
        raise LendingRejected(
            LendingStatus.DRAW_EXCEEDS_DRAWING_POWER,
            f"At most {available_to_draw(drawn, line.drawing_power_minor)} can be drawn.",
            "amount_minor")
    entry_id = ctx.ids.new_id("je")
    meta = {"kind": "credit_line_draw", "credit_line": line.id, "merchant": line.merchant_id,
            "lender": line.lender_id, "payee": payee_id}
    try:
        uow.ledger.apply([disbursal_entry(entry_id, _books(ctx, uow, line, payee_id),
                                          amount_minor, 0, line.currency, meta)],
                         ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_DEBITS:
            raise LendingRejected(LendingStatus.LENDER_FUNDS_INSUFFICIENT,
                                  param="credit_line") from None
        raise
    movement = _movement(ctx, line, LineMovementKind.DRAW, amount_minor, entry_id, on, payee_id)
    uow.credit_lines.insert_movement(movement)
    uow.credit_lines.save(replace(line, updated_at=ctx.clock.now()))
    obj = movement_object(movement, line.currency)
    emit(ctx, uow, line.merchant_id, "credit_line.drawn", obj)
    return obj




def record_credit(
    ctx: LendingContext, uow: LendingUnitOfWork, line: CreditLine, amount_minor: int,
    kind: LineMovementKind, on: date, paid_from: str | None = None,
    meta: Mapping[str, str] | None = None,
) -> LineMovement:
    """A repayment (or sweep) of ``amount_minor``, allocated; refused above what is owed."""
    parts = allocate_repayment(amount_minor, *owed(ctx, uow, line))
    if parts is None:
        raise LendingRejected(LendingStatus.REPAYMENT_EXCEEDS_OUTSTANDING, param="amount_minor")
    books = _books(ctx, uow, line, line.merchant_id)
    if paid_from is not None:
        books = replace(books, merchant_available=paid_from)
    entry_id = ctx.ids.new_id("je")
    entry_meta = {"kind": f"credit_line_{kind.value}", "credit_line": line.id,
                  "merchant": line.merchant_id, "lender": line.lender_id, **(meta or {})}
    try:
        uow.ledger.apply([repayment_entry(entry_id, books, parts, line.currency, entry_meta)],
                         ctx.clock.now())
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.EXCEEDS_CREDITS:
            raise LendingRejected(LendingStatus.EXCEEDS_AVAILABLE_BALANCE,
                                  param="amount_minor") from None
        raise
    uow.credit_lines.cover_interest(line.id, amount_minor)
    pass_line_share(ctx, uow, line.id, line.lender_id, line.currency,
                    posted_balance(ctx, uow, line.drawn_account_id))
    uow.credit_lines.save(replace(
        line, penal_charges_minor=line.penal_charges_minor - parts.penalty_minor,
        last_credit_on=on, updated_at=ctx.clock.now()))
    movement = _movement(ctx, line, kind, amount_minor, entry_id, on, parts=parts)
    uow.credit_lines.insert_movement(movement)
    emit(ctx, uow, line.merchant_id, "credit_line.repaid", movement_object(movement,
                                                                           line.currency))
    return movement


def repay(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str,
    amount_minor: int,
) -> dict[str, Any]:
    """The merchant repays from its available balance, any time."""
    require_borrower_side(caller)
    check_amount(amount_minor)
    line = visible_line(uow, caller, line_id, for_update=True)
    if line.status is not LineState.ACTIVE:
        raise LendingRejected(LendingStatus.CREDIT_LINE_CLOSED, param="credit_line")
    movement = record_credit(ctx, uow, line, amount_minor, LineMovementKind.REPAYMENT,
                             today(ctx))
    return movement_object(movement, line.currency)


def renew(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str,
    review_due: date, limit_minor: int | None, rate_bps: int | None,
) -> dict[str, Any]:
    """The annual review done: a new review date, optionally a new limit and rate."""
    require_lender_side(caller)
    line = visible_line(uow, caller, line_id, for_update=True)
    if line.status is not LineState.ACTIVE:
        raise LendingRejected(LendingStatus.CREDIT_LINE_CLOSED, param="credit_line")
    on = today(ctx)
    _check_review(review_due, max(on, line.review_due))
    limit = line.limit_minor if limit_minor is None else limit_minor
    rate = line.rate_bps if rate_bps is None else rate_bps
    _check_terms(uow, line_product(uow, line.category.value, line.currency), line.merchant_id,
                 limit, rate)
    power, net = line_drawing_power(uow, line.merchant_id, line.currency, limit, on)
    line = replace(line, review_due=review_due, limit_minor=limit, rate_bps=rate,
                   renewals=line.renewals + 1, drawing_power_minor=power,
                   dp_net_settled_minor=net, dp_as_of=on, updated_at=ctx.clock.now())
    uow.credit_lines.save(line)
    obj = line_object(ctx, uow, line)
    emit(ctx, uow, line.merchant_id, "credit_line.renewed", obj)
    return obj


def close_line(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str
) -> dict[str, Any]:
    """Close a line with nothing owed (either side)."""
    line = visible_line(uow, caller, line_id, for_update=True)
    if line.status is not LineState.ACTIVE:
        raise LendingRejected(LendingStatus.CREDIT_LINE_CLOSED, param="credit_line")
    if any(owed(ctx, uow, line)):
        raise LendingRejected(LendingStatus.CREDIT_LINE_NOT_REPAID, param="credit_line")
    line = replace(line, status=LineState.CLOSED, closed_on=today(ctx),
                   updated_at=ctx.clock.now())
    uow.credit_lines.save(line)
    obj = line_object(ctx, uow, line)
    emit(ctx, uow, line.merchant_id, "credit_line.closed", obj)
    return obj






def get_line(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, line_id: str
) -> dict[str, Any]:
    return line_object(ctx, uow, visible_line(uow, caller, line_id))


def list_lines(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    lines, has_more = uow.credit_lines.list_page(loan_scope(caller), page)
    return [line_object(ctx, uow, line) for line in lines], has_more


def statement(
    uow: LendingUnitOfWork, caller: Principal, line_id: str, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    line = visible_line(uow, caller, line_id)
    movements, has_more = uow.credit_lines.list_movements(line.id, page)
    return [movement_object(m, line.currency) for m in movements], has_more
