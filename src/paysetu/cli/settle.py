"""``paysetu settle`` and ``paysetu payouts export``: settlement runs and their payout files.

``settle --date D`` settles every merchant and currency whose window (business day D - N of its
T+N schedule) has closed, one group of merchants per transaction, and prints what happened to
each pair; running it again for the same date changes nothing. ``payouts export`` writes a
batch's pain.001, payout CSV or report into a directory, under a name made from the stored
batch id (never from the command line). An export is live (it is what goes to the bank), so it
is refused until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS`` names the platform's account in the
payout's currency; ``--test-mode`` writes the placeholder account instead.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from paysetu.access.rules.principals import Principal, Role
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import Money
from paysetu.kernel.money_display import format_money
from paysetu.settlement.rules.records import BatchResult, RunOutcome
from paysetu.settlement.stores.pain001 import pain001_xml
from paysetu.settlement.stores.payout_csv import payout_csv, report_csv
from paysetu.settlement.usecases import queries as settlement_queries
from paysetu.settlement.usecases import settlement

OPERATOR = Principal("key_cli", Role.PLATFORM, None, False)
"""Whoever runs the CLI operates the platform (it holds the database credentials)."""
ROWS_SHOWN_MAX = 50

payouts = typer.Typer(help="Payout instructions of settlement batches.", no_args_is_help=True)


class FileFormat(StrEnum):
    PAIN001 = "pain001"
    CSV = "csv"
    REPORT = "report"


def settle(
    date: Annotated[str, typer.Option(help="Settlement date, YYYY-MM-DD.")],
    merchant: Annotated[str | None, typer.Option(help="Only this merchant (mer_...).")] = None,
) -> None:
    """Build the settlement batches of DATE: net per merchant and currency, paid or carried."""
    day = settlement_queries.parse_date(date)
    results: list[BatchResult] = []
    columns = (TextColumn("settling {task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("pairs"), TimeElapsedColumn())
    with runtime() as rt, Progress(*columns, console=errors, transient=True) as progress:
        task = progress.add_task(day.isoformat(), total=settlement.pair_count(rt.context, merchant))
        for group in settlement.settle_groups(rt.context, day, merchant):
            results += group
            progress.advance(task, len(group))
    created = [r for r in results if r.outcome is RunOutcome.CREATED]
    table = Table(title=f"settlement {day.isoformat()}: {len(created)} batch(es) created")
    for column in ("merchant", "currency", "outcome", "batch", "net", "payout", "carried"):
        table.add_column(column, justify="right" if column in ("net", "payout", "carried")
                         else "left")
    for r in sorted(results, key=lambda r: (r.outcome != RunOutcome.CREATED, r.merchant_id))[
            :ROWS_SHOWN_MAX]:
        money = [format_money(Money(v, r.currency))
                 for v in (r.net_minor, r.payout_minor, r.carried_forward_minor)]
        table.add_row(r.merchant_id, r.currency, r.outcome.value, r.batch_id or "", *money)
    console.print(table)
    if len(results) > ROWS_SHOWN_MAX:
        errors.print(f"({len(results) - ROWS_SHOWN_MAX} more rows not shown)")
    counts = Counter(r.outcome.value for r in results)
    console.print(", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items()))
                  or "no merchant accounts")


@payouts.command("export")
def export(
    batch: Annotated[str, typer.Option(help="The settlement batch (stl_...).")],
    format: Annotated[FileFormat, typer.Option(help="pain001, csv or report.")],
    output: Annotated[Path, typer.Option(help="Directory to write the file into.")],
    test_mode: Annotated[bool, typer.Option(
        help="A test file: the placeholder debtor account if none is configured.")] = False,
) -> None:
    """Write one batch's payout file (pain.001.001.09 XML or CSV) or its report into OUTPUT."""
    operator = Principal(OPERATOR.api_key_id, OPERATOR.role, None, livemode=not test_mode)
    output.mkdir(parents=True, exist_ok=True)
    with runtime() as rt, rt.context.uow_factory() as uow:
        found = settlement_queries.visible_batch(uow, OPERATOR, batch)
        if format is FileFormat.REPORT:
            path = output / f"{found.id}-report.csv"
            with path.open("w", encoding="utf-8", newline="") as file:
                file.writelines(report_csv(found, settlement_queries.stream_items(uow, found)))
        else:
            instruction = settlement_queries.payout_instruction(rt.context, uow, operator,
                                                                found.id)
            if format is FileFormat.PAIN001:
                path = output / f"{found.id}-pain001.xml"
                path.write_bytes(pain001_xml(instruction))
            else:
                path = output / f"{found.id}-payout.csv"
                path.write_text(payout_csv(instruction), encoding="utf-8", newline="")
    console.print(str(path))
