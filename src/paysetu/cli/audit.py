"""``paysetu audit``: prove the ledger balances; exit 1 with a report when it does not."""

from rich.table import Table

from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import Money
from paysetu.kernel.money_display import format_money
from paysetu.ledger.rules.audit import AuditReport
from paysetu.lending.usecases.lending_books import book_findings


def print_report(report: AuditReport) -> None:
    table = Table(title="Totals per currency (every debit has its credit)")
    for column in (
        "currency",
        "accounts",
        "debits posted",
        "credits posted",
        "debits pending",
        "credits pending",
    ):
        table.add_column(column, justify="right" if column != "currency" else "left")
    for t in report.totals:
        table.add_row(
            t.currency,
            str(t.accounts),
            *(
                format_money(Money(v, t.currency))
                for v in (t.debits_posted, t.credits_posted, t.debits_pending, t.credits_pending)
            ),
        )
    console.print(table)
    console.print(
        f"{report.accounts_checked} accounts, {report.entries_checked} journal entries checked"
    )
    for finding in report.findings:
        errors.print(f"[red]FAIL[/red] {finding.rule} {finding.subject}: {finding.detail}")


def audit() -> None:
    """Every currency nets to zero; every stored balance equals the sum of its postings; the
    lending books (provisions, suspense, credit lines' drawn balances) agree with the ledger."""
    with runtime() as rt:
        report = rt.ledger.audit()
        with rt.context.uow_factory() as uow:
            lending = book_findings(uow)
    print_report(report)
    for finding in lending:
        errors.print(f"[red]FAIL[/red] lending_books {finding}")
    if not report.passed or lending:
        errors.print(f"[red]audit failed[/red]: {len(report.findings) + len(lending)} finding(s)")
        raise SystemExit(1)
    console.print("[green]audit passed[/green]")
