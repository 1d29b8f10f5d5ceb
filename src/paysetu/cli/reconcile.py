"""``paysetu reconcile STATEMENT``: import a bank statement and report what does not match.

Exit status, as diff(1): 0 every line matched a payout and no payout is missing; 1 the
statement was imported and something is unmatched (the report lists it); 2 the statement was
refused (every problem is printed with its line or element path; nothing was imported).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from paysetu.app.context import AppContext
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import Money
from paysetu.kernel.money_display import format_money
from paysetu.settlement.rules.reconciliation import LineCategory, LineResult, ReconciliationRun
from paysetu.settlement.rules.reconciliation_errors import (
    ReconciliationRejected,
    ReconciliationStatus,
    StatementRejected,
)
from paysetu.settlement.rules.statements import STATEMENT_BYTES_MAX, Statement, refuse
from paysetu.settlement.stores.statement_files import (
    format_of_file,
    read_statement,
    statement_format,
)
from paysetu.settlement.usecases import reconciliation

EXIT_UNMATCHED = 1
EXIT_REFUSED = 2
DETAILS_SHOWN_MAX = 50

_STYLE = {
    LineCategory.MATCHED: "green",
    LineCategory.MISSING: "red",
    LineCategory.UNEXPECTED: "yellow",
    LineCategory.AMOUNT_MISMATCH: "red",
    LineCategory.CURRENCY_MISMATCH: "red",
    LineCategory.RETURNED: "cyan",
}


def read_at_most(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None once it passes ``limit``: reading stops there, so a pipe or a
    device (``/dev/zero``, whose size ``stat`` reports as 0) costs ``limit`` bytes at most."""
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    return None if len(data) > limit else data


def load_statement(path: Path, format_name: str | None) -> Statement:
    """Read and check the file (size first); raises ``ReconciliationRejected``."""
    fmt = statement_format(format_name, "--format") if format_name else format_of_file(path.name)
    data = read_at_most(path, STATEMENT_BYTES_MAX)
    if data is None:
        raise refuse(
            ReconciliationStatus.STATEMENT_TOO_LARGE, "file",
            f"{path.name} has more than {STATEMENT_BYTES_MAX} bytes.",
        )
    return read_statement(data, fmt)


def import_statement(ctx: AppContext, statement: Statement) -> tuple[ReconciliationRun, bool]:
    """One transaction: the run, its report and the payouts it paid."""
    with ctx.uow_factory() as uow:
        run, created = reconciliation.reconcile_statement(ctx, uow, statement)
        uow.commit()
    return run, created


def unmatched_details(ctx: AppContext, run: ReconciliationRun) -> list[LineResult]:
    """The first :data:`DETAILS_SHOWN_MAX` results that are not ``matched``, in report order."""
    found: list[LineResult] = []
    with ctx.uow_factory() as uow:
        for category in LineCategory:
            if category is LineCategory.MATCHED or not run.counts[category]:
                continue
            page, _ = reconciliation.list_lines(uow, run.id, category, 0, DETAILS_SHOWN_MAX)
            found += page
    return sorted(found, key=lambda r: r.position)[:DETAILS_SHOWN_MAX]


def _money(amount: Money | None) -> str:
    return "" if amount is None else format_money(amount)


def _where(result: LineResult) -> str:
    """The line's place, camt.053 paths without their common prefix."""
    if result.line is None:
        return ""
    return result.line.location.removeprefix("/Document/BkToCstmrStmt/")


def _details_table(run: ReconciliationRun, details: list[LineResult]) -> Table:
    shown = f"; first {len(details)} shown" if run.unmatched > len(details) else ""
    table = Table(title=f"Not matched ({run.unmatched}{shown})")
    for column in ("#", "category", "end-to-end id", "bank", "payout", "payout id"):
        table.add_column(column, justify="right" if column in ("#", "bank", "payout") else "left",
                         no_wrap=True)
    table.add_column("why", min_width=24)
    table.add_column("where", overflow="fold")
    for result in details:
        line, payout = result.line, result.payout
        end_to_end_id = line.end_to_end_id if line else payout.end_to_end_id if payout else None
        table.add_row(
            str(result.position), f"[{_STYLE[result.category]}]{result.category.value}[/]",
            end_to_end_id or "", _money(line.amount if line else None),
            _money(payout.amount if payout else None), payout.id if payout else "",
            result.reason, _where(result),
        )
    return table


def print_report(run: ReconciliationRun, details: list[LineResult], created: bool) -> None:
    """The category counts, then a row per unmatched line or missing payout."""
    imported = "imported" if created else "already imported; nothing changed"
    day = run.statement_date.isoformat() if run.statement_date else "-"
    console.print(
        f"reconciliation {run.id} ({imported}): {run.format.value} statement "
        f"{run.statement_id or '-'}, up to {day}, {run.line_count} line(s)", soft_wrap=True)
    counts = Table(title="By category")
    counts.add_column("category")
    counts.add_column("count", justify="right")
    for category in LineCategory:
        counts.add_row(f"[{_STYLE[category]}]{category.value}[/]", str(run.counts[category]))
    console.print(counts)
    if details:
        console.print(_details_table(run, details))
    if run.unmatched:
        console.print(f"[red]{run.unmatched} not matched[/red]: see the table above, or "
                      f"GET /v1/reconciliations/{run.id}/lines", soft_wrap=True)
    else:
        console.print("[green]every line matched a payout; no payout is missing[/green]")


def print_refusal(error: ReconciliationRejected) -> None:
    problems = error.problems if isinstance(error, StatementRejected) else ()
    errors.print(f"[red]statement refused[/red] {error.code.value}: {error.message}",
                 soft_wrap=True)
    for problem in problems:
        errors.print(f"  {problem}", soft_wrap=True, markup=False, highlight=False)
    errors.print("nothing was imported")


def reconcile(
    statement: Annotated[Path, typer.Argument(
        exists=True, dir_okay=False, readable=True,
        help="The bank statement: camt.053 XML or paysetu's CSV.")],
    format_name: Annotated[str | None, typer.Option(
        "--format", help="camt053 or csv (default: from the file name, .xml or .csv).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Match a bank statement against payouts; exit 1 if anything is unmatched, 2 if refused."""
    try:
        parsed = load_statement(statement, format_name)
    except ReconciliationRejected as error:
        print_refusal(error)
        raise typer.Exit(EXIT_REFUSED) from None
    with runtime() as rt:
        run, created = import_statement(rt.context, parsed)
        details = unmatched_details(rt.context, run)
    if as_json:
        body = reconciliation.reconciliation_object(run)
        body["imported_now"] = created
        body["unmatched_lines"] = [reconciliation.line_object(run.id, r) for r in details]
        typer.echo(json.dumps(body, indent=2))
    else:
        print_report(run, details, created)
    if run.unmatched:
        raise typer.Exit(EXIT_UNMATCHED)
