"""Builders for the lending integration tests: a funded lender, a disbursed loan, the books.

Service-level (no HTTP): each call is one committed transaction, as a request would be.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import sqlalchemy as sa

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.lending.usecases import lending, loan_applications, loan_close_day, loans
from tests.integration import settlement_builders as build

PLATFORM = build.PLATFORM


def move_to(clock: FixedClock, day: date, at: time = time(21, 0)) -> None:
    """Move the clock to ``at`` (UTC) of ``day``; by default the evening, before day-end."""
    clock.advance(datetime.combine(day, at, clock.now().tzinfo) - clock.now())


def funded_lender(context: AppContext, funds_minor: int = 1_00_00_000_00) -> str:
    bank = build.run(context, lambda uow: lending.create_lender(
        context, uow, "Sahakari Bank", "bank", False, {}))["id"]
    build.run(context, lambda uow: lending.fund_lender(
        context, uow, PLATFORM, bank, funds_minor, "INR"))
    return str(bank)


def disbursed_loan(
    context: AppContext, lender_id: str, merchant_id: str, amount_minor: int, tenure: int,
    product: str = "lpr_pmmy_kishore", rate_bps: int = 1400,
) -> str:
    """Apply (as the platform), approve and disburse today; the loan id."""
    application = build.run(context, lambda uow: loan_applications.apply_for_loan(
        context, uow, PLATFORM, loan_applications.ApplyForLoan(
            lender_id, product, amount_minor, tenure, "Stock for the festive season",
            merchant_id)))
    loan_id = str(build.run(context, lambda uow: loan_applications.approve_application(
        context, uow, PLATFORM, application["id"],
        loan_applications.ApproveApplication(rate_bps, reason="Known to the branch")))["loan"])
    build.run(context, lambda uow: loans.disburse_loan(context, uow, PLATFORM, loan_id))
    return loan_id


def close_day(context: AppContext, day: date) -> dict[str, Any]:
    return build.run(context, lambda uow: loan_close_day.close_day(context, uow, day))


def loan(context: AppContext, loan_id: str) -> dict[str, Any]:
    return build.run(context, lambda uow: loans.get_loan(context, uow, PLATFORM, loan_id))


def balance(engine: sa.Engine, account_id: str) -> int:
    """A posted balance, debit-normal (a credit balance is negative); 0 for no account."""
    with engine.connect() as connection:
        value = connection.execute(sa.text(
            "SELECT debits_posted - credits_posted FROM ledger_accounts WHERE id = :id"),
            {"id": account_id}).scalar_one_or_none()
    return int(value or 0)


def check_books(engine: sa.Engine) -> None:
    """Every loan's stored figures agree with the ledger, loan by loan and per lender:
    principal and interest receivable with the schedule, each credit line's drawn balance with
    its statement, provisions and suspense (loans' and lines') with the lender's accounts."""
    with engine.connect() as connection:
        rows = connection.execute(sa.text(
            "SELECT l.id, l.status, l.principal_account_id, l.interest_account_id,"
            " l.interest_accrued_minor, sum(i.principal_minor - i.principal_paid_minor) AS p,"
            " sum(i.interest_paid_minor) AS paid FROM loans l JOIN loan_installments i"
            " ON i.loan_id = l.id GROUP BY l.id")).all()
        lenders = connection.execute(sa.text(
            "SELECT lender_id, currency, sum(provision_minor) AS provision,"
            " sum(interest_suspense_minor) AS suspense FROM (SELECT lender_id, currency,"
            " provision_minor, interest_suspense_minor FROM loans UNION ALL SELECT lender_id,"
            " currency, provision_minor, interest_suspense_minor FROM credit_lines) x"
            " GROUP BY 1, 2")).all()
        lines = connection.execute(sa.text(
            "SELECT c.id, c.drawn_account_id, coalesce(sum(CASE WHEN m.kind IN ('draw',"
            " 'interest_debit') THEN m.amount_minor ELSE -m.principal_minor END), 0) AS drawn"
            " FROM credit_lines c LEFT JOIN credit_line_movements m ON m.line_id = c.id"
            " GROUP BY c.id")).all()
    for row in rows:
        if row.status == "written_off":
            assert balance(engine, row.principal_account_id) == 0
            assert balance(engine, row.interest_account_id) == 0
            continue
        assert balance(engine, row.principal_account_id) == row.p, row.id
        assert balance(engine, row.interest_account_id) == row.interest_accrued_minor - row.paid
    for line in lines:  # draws and interest debits less what credits repaid of the balance
        assert balance(engine, line.drawn_account_id) == line.drawn, line.id
    for lender in lenders:
        base = f"acct_{lender.lender_id}_{lender.currency.strip()}"
        assert -balance(engine, f"{base}_loan_loss_provision") == lender.provision
        assert -balance(engine, f"{base}_interest_suspense") == lender.suspense
