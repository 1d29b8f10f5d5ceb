"""Lenders and loan products, their ledger accounts, and who may see which loan.

Scoping is one rule for every lending object: the platform sees everything; a merchant key sees
its own applications and loans; a lender key sees the applications addressed to it and its own
loans. Anything else is answered exactly as a missing object (404), never with its data.
Acting is narrower than seeing: lenders (and the platform) decide and disburse, borrowers (and
the platform) repay; the other side gets 404 ``resource_missing`` as for an unknown route.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import AccountKind, NewAccount, metadata_is_valid
from paysetu.ledger.rules.errors import CreateEntryStatus, EntryRejected
from paysetu.lending.rules.errors import LendingRejected, LendingStatus
from paysetu.lending.rules.loans import (
    Lender,
    LenderAccounts,
    LenderKind,
    Loan,
    LoanApplication,
    LoanFilter,
)
from paysetu.lending.rules.provisions import CloseDayAccounts
from paysetu.lending.usecases.objects import lender_object, product_object
from paysetu.lending.usecases.ports import LendingContext, LendingUnitOfWork
from paysetu.payments.usecases.checks import check_cursors, storable
from paysetu.wallets.rules.wallets import transfer_entry

NAME_LENGTH_MAX = 200
TEXT_LENGTH_MAX = 500


def loan_scope(caller: Principal) -> LoanFilter:
    """The applications and loans ``caller`` may see."""
    if caller.role is Role.PLATFORM:
        return LoanFilter()
    if caller.role is Role.MERCHANT and caller.owner_id:
        return LoanFilter(merchant_id=caller.owner_id)
    if caller.role is Role.LENDER and caller.owner_id:
        return LoanFilter(lender_id=caller.owner_id)
    raise RequestRejected(RequestStatus.RESOURCE_MISSING)


def _sees(caller: Principal, merchant_id: str, lender_id: str) -> bool:
    scope = loan_scope(caller)
    return scope.merchant_id in (None, merchant_id) and scope.lender_id in (None, lender_id)


def require_lender_side(caller: Principal) -> None:
    """Deciding and disbursing belong to lenders and the platform."""
    if caller.role not in (Role.LENDER, Role.PLATFORM):
        raise RequestRejected(RequestStatus.RESOURCE_MISSING)


def require_borrower_side(caller: Principal) -> None:
    """Applying and repaying belong to merchants and the platform."""
    if caller.role not in (Role.MERCHANT, Role.PLATFORM):
        raise RequestRejected(RequestStatus.RESOURCE_MISSING)


def visible_application(
    uow: LendingUnitOfWork, caller: Principal, application_id: str, *, for_update: bool = False
) -> LoanApplication:
    application = (uow.lending.get_application(application_id, for_update=for_update)
                   if storable(application_id) else None)
    if application is None or not _sees(caller, application.merchant_id, application.lender_id):
        raise LendingRejected(LendingStatus.APPLICATION_NOT_FOUND, param="application")
    return application


def visible_loan(
    uow: LendingUnitOfWork, caller: Principal, loan_id: str, *, for_update: bool = False
) -> Loan:
    loan = uow.loans.get(loan_id, for_update=for_update) if storable(loan_id) else None
    if loan is None or not _sees(caller, loan.merchant_id, loan.lender_id):
        raise LendingRejected(LendingStatus.LOAN_NOT_FOUND, param="loan")
    return loan


def check_text(text: str, status: LendingStatus, param: str) -> None:
    if not (0 < len(text) <= TEXT_LENGTH_MAX and text.isprintable()):
        raise LendingRejected(status, param=param)


def check_amount(amount_minor: int, param: str = "amount_minor") -> None:
    if amount_minor <= 0:
        raise LendingRejected(LendingStatus.AMOUNT_MUST_BE_POSITIVE, param=param)
    if amount_minor > AMOUNT_MINOR_MAX:
        raise LendingRejected(LendingStatus.AMOUNT_TOO_LARGE, param=param)


def check_metadata(metadata: Mapping[str, str]) -> None:
    if not metadata_is_valid(metadata):
        raise LendingRejected(LendingStatus.METADATA_INVALID, param="metadata")


def lender_accounts(
    ctx: LendingContext, uow: LendingUnitOfWork, lender_id: str, currency: str
) -> LenderAccounts:
    """The lender's accounts in ``currency``, opened on first use."""
    existing = uow.lending.lender_accounts(lender_id, currency)
    if existing is not None:
        return existing
    base = f"acct_{lender_id}_{currency}"
    accounts = LenderAccounts(*(f"{base}_{purpose}" for purpose in (
        "funding", "capital", "interest_income", "fee_income", "penalty_income", "settlement")))
    lender_owned = [
        (accounts.funding, AccountKind.ASSET), (accounts.capital, AccountKind.EQUITY),
        (accounts.interest_income, AccountKind.INCOME), (accounts.fee_income, AccountKind.INCOME),
        (accounts.penalty_income, AccountKind.INCOME),
    ]
    uow.ledger.create_accounts(
        [
            *(NewAccount(account_id, currency, kind,
                         credits_must_not_exceed_debits=account_id == accounts.funding,
                         owner_type="lender", owner_id=lender_id)
              for account_id, kind in lender_owned),
            NewAccount(accounts.settlement, currency, AccountKind.ASSET, owner_type="platform",
                       owner_id="paysetu", metadata={"lender": lender_id}),
        ],
        ctx.clock.now(),
    )
    uow.lending.add_lender_accounts(lender_id, currency, accounts)
    return accounts


def close_day_accounts(
    ctx: LendingContext, uow: LendingUnitOfWork, lender_id: str, currency: str
) -> CloseDayAccounts:
    """The lender's provision and interest suspense accounts in ``currency``, opened on first
    use (see :mod:`paysetu.lending.rules.provisions`)."""
    existing = uow.lending.purpose_accounts(lender_id, currency)
    base = f"acct_{lender_id}_{currency}"
    accounts = CloseDayAccounts(f"{base}_provision_expense", f"{base}_loan_loss_provision",
                                f"{base}_interest_suspense")
    if existing.get("interest_suspense") is not None:
        return CloseDayAccounts(existing["provision_expense"], existing["loan_loss_provision"],
                                existing["interest_suspense"])
    uow.ledger.create_accounts(
        [
            NewAccount(accounts.provision_expense, currency, AccountKind.EXPENSE,
                       owner_type="lender", owner_id=lender_id),
            NewAccount(accounts.provision, currency, AccountKind.ASSET,
                       debits_must_not_exceed_credits=True, owner_type="lender",
                       owner_id=lender_id, metadata={"contra": "loan_loss_provision"}),
            NewAccount(accounts.interest_suspense, currency, AccountKind.LIABILITY,
                       debits_must_not_exceed_credits=True, owner_type="lender",
                       owner_id=lender_id),
        ],
        ctx.clock.now(),
    )
    uow.lending.add_purpose_accounts(lender_id, currency, accounts.by_purpose())
    return accounts


def _lender_balances(
    uow: LendingUnitOfWork, ctx: LendingContext, lender: Lender
) -> list[dict[str, Any]]:
    """Per currency: what the lender's funding account still holds for lending."""
    balances = []
    for currency in uow.lending.lender_currencies(lender.id):
        accounts = lender_accounts(ctx, uow, lender.id, currency)
        funding = uow.ledger.get_account(accounts.funding, ctx.clock.now()).balance
        balances.append(
            {
                "currency": currency,
                "funding_available_minor": funding.debits_posted - funding.credits_posted,
            }
        )
    return balances


def create_lender(
    ctx: LendingContext,
    uow: LendingUnitOfWork,
    name: str,
    kind: str,
    apex: bool,
    metadata: Mapping[str, str],
) -> dict[str, Any]:
    """A member lending institution, or (``apex``) the one apex refinancer."""
    if not (0 < len(name) <= NAME_LENGTH_MAX and name.isprintable()):
        raise LendingRejected(LendingStatus.NAME_INVALID, param="name")
    if kind not in {k.value for k in LenderKind}:
        raise LendingRejected(LendingStatus.LENDER_KIND_INVALID, param="kind")
    check_metadata(metadata)
    lender = Lender(
        ctx.ids.new_id("lnd"), name, LenderKind(kind), apex, dict(metadata), ctx.clock.now()
    )
    if not uow.lending.insert_lender(lender):
        raise LendingRejected(LendingStatus.APEX_LENDER_EXISTS, param="apex")
    return lender_object(lender, [])


def get_lender(uow: LendingUnitOfWork, caller: Principal, lender_id: str) -> Lender:
    """The lender if the caller may see it (the platform, or the lender itself); else 404."""
    lender = uow.lending.get_lender(lender_id) if storable(lender_id) else None
    visible = caller.role is Role.PLATFORM or (
        caller.role is Role.LENDER and caller.owner_id == lender_id
    )
    if lender is None or not visible:
        raise LendingRejected(LendingStatus.LENDER_NOT_FOUND, param="lender")
    return lender


def lender_view(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, lender_id: str
) -> dict[str, Any]:
    lender = get_lender(uow, caller, lender_id)
    return lender_object(lender, _lender_balances(uow, ctx, lender))


def list_lenders(
    ctx: LendingContext, uow: LendingUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    if caller.role is Role.MERCHANT:
        raise RequestRejected(RequestStatus.RESOURCE_MISSING)
    only = None if caller.role is Role.PLATFORM else (caller.owner_id or "-")
    lenders, has_more = uow.lending.list_lenders(only, page)
    return [lender_object(x, _lender_balances(uow, ctx, x)) for x in lenders], has_more


def fund_lender(
    ctx: LendingContext,
    uow: LendingUnitOfWork,
    caller: Principal,
    lender_id: str,
    amount_minor: int,
    currency: str,
) -> dict[str, Any]:
    """The lender commits ``amount_minor`` to lending on paysetu: Dr funding, Cr capital."""
    if not is_currency(currency):
        raise LendingRejected(LendingStatus.CURRENCY_INVALID, param="currency")
    check_amount(amount_minor)
    lender = get_lender(uow, caller, lender_id)
    accounts = lender_accounts(ctx, uow, lender.id, currency)
    meta = {"kind": "lender_funding", "lender": lender.id}
    try:
        uow.ledger.apply(
            [
                transfer_entry(
                    ctx.ids.new_id("je"),
                    accounts.funding,
                    accounts.capital,
                    amount_minor,
                    currency,
                    meta,
                )
            ],
            ctx.clock.now(),
        )
    except EntryRejected as rejection:
        if rejection.code is CreateEntryStatus.OVERFLOWS_DEBITS:
            raise LendingRejected(LendingStatus.AMOUNT_TOO_LARGE, param="amount_minor") from None
        raise
    return lender_object(lender, _lender_balances(uow, ctx, lender))


def list_products(uow: LendingUnitOfWork) -> list[dict[str, Any]]:
    return [product_object(p) for p in uow.lending.list_products()]


def get_product(uow: LendingUnitOfWork, product_id: str) -> dict[str, Any]:
    product = uow.lending.get_product(product_id) if storable(product_id) else None
    if product is None:
        raise LendingRejected(LendingStatus.PRODUCT_NOT_FOUND, param="product")
    return product_object(product)


def borrower_names(
    uow: LendingUnitOfWork, caller: Principal, objects: Sequence[Mapping[str, Any]]
) -> dict[str, str]:
    """The legal names of the merchants of ``objects`` (applications or loans the API showed
    ``caller``), by merchant id; an object ``caller`` may not see names nobody."""
    names: dict[str, str] = {}
    for obj in objects:
        merchant_id, lender_id = str(obj["merchant"]), str(obj["lender"])
        if merchant_id in names or not _sees(caller, merchant_id, lender_id):
            continue
        merchant = uow.merchants.get(merchant_id)
        if merchant is not None:
            names[merchant_id] = merchant.legal_name
    return names
