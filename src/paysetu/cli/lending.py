"""``paysetu lending ...``: lenders, products, applications, loans and repayments.

The CLI acts as the platform (it may do what any lender or merchant may). Amounts are decimal
text in the currency's major unit ("200000.00"), parsed exactly; JSON output uses integer minor
units like the API.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from paysetu.access.rules.principals import Principal, Role
from paysetu.app.context import AppContext
from paysetu.app.ports import AppUnitOfWork
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import AmountFormatError, CurrencyError, Money
from paysetu.lending.usecases import (
    lending,
    loan_applications,
    loan_close_day,
    loan_portfolio,
    loan_portfolio_history,
    loan_refinance,
    loan_repayments,
    loan_write_off,
    loans,
)

app = typer.Typer(help="Micro-credit: lenders, applications, loans, repayments.",
                  no_args_is_help=True)
lenders_app = typer.Typer(help="Member lenders and the apex refinancer.", no_args_is_help=True)
app.add_typer(lenders_app, name="lenders")

PLATFORM = Principal("cli", Role.PLATFORM, None, livemode=False)
Currency = Annotated[str, typer.Option(help="ISO 4217 code.")]


def _minor(text: str, currency: str) -> int:
    try:
        return Money.parse(text, currency).amount_minor
    except (AmountFormatError, CurrencyError) as error:
        raise typer.BadParameter(str(error)) from None


def _write(work: Callable[[AppContext, AppUnitOfWork], Any]) -> Any:
    """Run one use case in its own transaction, committed."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        result = work(rt.context, uow)
        uow.commit()
    return result


def _print(obj: Any) -> None:
    console.print_json(json.dumps(obj))


@lenders_app.command("create")
def create_lender(
    name: Annotated[str, typer.Option(help="The institution's name.")],
    kind: Annotated[str, typer.Option(help="bank, nbfc, mfi or refinancer.")],
    apex: Annotated[bool, typer.Option(help="The apex refinancer (only one).")] = False,
) -> None:
    """Onboard a lender; then `paysetu keys create --role lender --owner <id>`."""
    _print(_write(lambda ctx, uow: lending.create_lender(ctx, uow, name, kind, apex, {})))


@lenders_app.command("fund")
def fund_lender(
    lender_id: str,
    amount: Annotated[str, typer.Option(help="Major units, e.g. 5000000.00.")],
    currency: Currency = "INR",
) -> None:
    """Record money the lender commits to lending (its funding account)."""
    minor = _minor(amount, currency)
    _print(_write(lambda ctx, uow: lending.fund_lender(ctx, uow, PLATFORM, lender_id, minor,
                                                        currency)))


@app.command("products")
def products() -> None:
    """The loan product table."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        rows = lending.list_products(uow)
    table = Table()
    for column in ("id", "category", "amount band (minor)", "rate bps", "tenure", "schedule"):
        table.add_column(column)
    for p in rows:
        table.add_row(p["id"], p["category"], f"{p['amount_min_minor']}-{p['amount_max_minor']}",
                      f"{p['rate_min_bps']}-{p['rate_max_bps']}",
                      f"{p['tenure_min_periods']}-{p['tenure_max_periods']} {p['frequency']}",
                      f"{p['schedule_type']}/{p['interest_period']}/{p['day_count']}")
    console.print(table)


@app.command("apply")
def apply(
    merchant: Annotated[str, typer.Option(help="The borrowing merchant (mer_...).")],
    lender: Annotated[str, typer.Option(help="The member lender (lnd_...).")],
    product: Annotated[str, typer.Option(help="The product, e.g. lpr_pmmy_kishore.")],
    amount: Annotated[str, typer.Option(help="Major units.")],
    tenure: Annotated[int, typer.Option(help="Number of installments.")],
    purpose: Annotated[str, typer.Option(help="What the money is for.")],
    currency: Currency = "INR",
) -> None:
    """Apply for a loan for a merchant; prints the underwriting advice with its reasons."""
    command = loan_applications.ApplyForLoan(lender, product, _minor(amount, currency), tenure,
                                             purpose, merchant)
    _print(_write(lambda ctx, uow: loan_applications.apply_for_loan(ctx, uow, PLATFORM,
                                                                    command)))


@app.command("approve")
def approve(
    application_id: str,
    rate_bps: Annotated[int, typer.Option(help="Annual rate in basis points.")],
    reason: Annotated[str | None, typer.Option(
        help="Needed when terms change or the advice is to decline.")] = None,
    tenure: Annotated[int | None, typer.Option(help="A changed tenure.")] = None,
) -> None:
    """Approve an application at a rate; creates the loan (not yet disbursed)."""
    terms = loan_applications.ApproveApplication(rate_bps, None, tenure, reason)
    _print(_write(lambda ctx, uow: loan_applications.approve_application(
        ctx, uow, PLATFORM, application_id, terms)))


@app.command("reject")
def reject(
    application_id: str, reason: Annotated[str, typer.Option(help="Why.")]
) -> None:
    _print(_write(lambda ctx, uow: loan_applications.reject_application(
        ctx, uow, PLATFORM, application_id, reason)))


@app.command("disburse")
def disburse(loan_id: str) -> None:
    """Pay an approved loan into the merchant's available balance."""
    _print(_write(lambda ctx, uow: loans.disburse_loan(ctx, uow, PLATFORM, loan_id)))


@app.command("show")
def show(loan_id: str) -> None:
    """A loan with its balances, what is due today and the payoff amount."""
    _print(_write(lambda ctx, uow: loans.get_loan(ctx, uow, PLATFORM, loan_id)))


@app.command("schedule")
def schedule(loan_id: str) -> None:
    """The loan's installments and what has been paid of each."""
    obj = _write(lambda ctx, uow: loans.get_schedule(ctx, uow, PLATFORM, loan_id))
    table = Table(title=f"{loan_id} ({obj['currency']}, minor units)")
    for column in ("#", "due", "principal", "interest", "penalty", "total", "paid", "status"):
        table.add_column(column, justify="right")
    for i in obj["installments"]:
        paid = sum(i[f"{c}_paid_minor"] for c in ("principal", "interest", "fees", "penalty"))
        table.add_row(str(i["number"]), i["due_date"], str(i["principal_minor"]),
                      str(i["interest_minor"]), str(i["penalty_minor"]), str(i["total_minor"]),
                      str(paid), i["status"])
    console.print(table)


@app.command("repay")
def repay(
    loan_id: str,
    kind: Annotated[str, typer.Option("--type", help="manual, prepayment or foreclosure.")]
    = "manual",
    amount: Annotated[str | None, typer.Option(help="Major units (none for foreclosure).")]
    = None,
    currency: Currency = "INR",
) -> None:
    """Repay from the merchant's available balance."""
    minor = None if amount is None else _minor(amount, currency)
    _print(_write(lambda ctx, uow: loan_repayments.repay_loan(ctx, uow, PLATFORM, loan_id, kind,
                                                              minor)))


@app.command("collect")
def collect(
    on: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default: today).")]
    = None,
) -> None:
    """Run the EMI auto-debit for a day (the worker does this continuously)."""
    day = date.fromisoformat(on) if on else None
    total = 0
    with runtime() as rt:
        when = day or rt.context.clock.now().date()
        while True:
            with rt.context.uow_factory() as uow:
                looked = loan_repayments.collect_due_installments(rt.context, uow, when)
                uow.commit()
            total += looked
            if looked < loan_repayments.COLLECTION_BATCH_MAX:
                break
    console.print(f"{total} loan(s) with something due by {when.isoformat()} collected")


@app.command("close-day")
def close_day(
    on: Annotated[str, typer.Option("--date", help="The business day to close, YYYY-MM-DD.")],
) -> None:
    """Close of business for a day: accrual, penalties, classes, provisions (in order, once
    per day; the last day again replays its summary)."""
    day = loan_close_day.parse_business_date(on)
    with Progress(TextColumn("loans and credit lines, chunks"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=errors,
                  transient=True) as bar:
        task = bar.add_task("close of business", total=None)

        def chunk_done(done: int, chunks: int) -> None:
            bar.update(task, completed=done, total=chunks)

        summary = _write(lambda ctx, uow: loan_close_day.close_day(ctx, uow, day, chunk_done))
    _print(summary)


@app.command("write-off")
def write_off(
    loan_id: str, reason: Annotated[str, typer.Option(help="Why, 1-500 characters.")]
) -> None:
    """Write off a non-performing loan against its provision."""
    _print(_write(lambda ctx, uow: loan_write_off.write_off_loan(ctx, uow, PLATFORM, loan_id,
                                                                 reason)))


@app.command("refinance")
def refinance(
    lender: Annotated[str, typer.Option(help="The claiming member lender (lnd_...).")],
    share_bps: Annotated[int, typer.Option(help="Agreed share of outstanding principal.")],
    loan: Annotated[list[str] | None, typer.Option(help="Only this loan (repeatable).")] = None,
    currency: Currency = "INR",
) -> None:
    """Claim refinance from the apex over the lender's eligible standard loans."""
    _print(_write(lambda ctx, uow: loan_refinance.submit_claim(
        ctx, uow, PLATFORM, lender, currency, share_bps, loan or None)))


@app.command("portfolio")
def portfolio(
    month: Annotated[str | None, typer.Option(help="YYYY-MM (default: this month).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of CSV.")] = False,
) -> None:
    """The portfolio report by lender and category, as CSV on stdout (minor units, bps)."""
    report = _write(lambda ctx, uow: loan_portfolio.portfolio_report(ctx, uow, PLATFORM, month))
    if as_json:
        _print(report)
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=loan_portfolio.ROW_FIELDS,
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(report["data"])


@app.command("portfolio-history")
def portfolio_history(
    start: Annotated[str | None, typer.Option(
        "--from", help="First business day, YYYY-MM-DD (default: a year before --to).")] = None,
    end: Annotated[str | None, typer.Option(
        "--to", help="Last business day, YYYY-MM-DD (default: the last day closed).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of CSV.")] = False,
) -> None:
    """The portfolio at each close of business, by lender and category, as CSV on stdout."""
    history = _write(lambda _ctx, uow: loan_portfolio_history.portfolio_history(
        uow, PLATFORM, start, end))
    if as_json:
        _print(history)
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=loan_portfolio_history.ROW_FIELDS,
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(history["data"])
