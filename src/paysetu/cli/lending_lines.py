"""``paysetu lending lines ...``: working-capital credit lines from the command line.

Acts as the platform, like the rest of ``paysetu lending``: sanction (naming the lender), draw,
repay, renew, close, write off (an NPA), show, list and the statement. Amounts are decimal
text in major units; JSON output uses integer minor units like the API.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer
from rich.table import Table

from paysetu.cli.lending import PLATFORM, Currency, _minor, _print, _write
from paysetu.cli.runtime import console, runtime
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.usecases import credit_line_write_off, credit_lines

app = typer.Typer(help="Working-capital credit lines (cash credit on the merchant's balance).",
                  no_args_is_help=True)
Day = Annotated[str, typer.Option(help="YYYY-MM-DD.")]


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a YYYY-MM-DD date") from None


@app.command("sanction")
def sanction(
    merchant: Annotated[str, typer.Option(help="The borrowing merchant (mer_...).")],
    lender: Annotated[str, typer.Option(help="The member lender (lnd_...).")],
    category: Annotated[str, typer.Option(help="shishu, kishore, tarun or tarun_plus.")],
    limit: Annotated[str, typer.Option(help="Sanctioned limit, major units.")],
    rate_bps: Annotated[int, typer.Option(help="Annual rate in basis points.")],
    review_due: Day,
    currency: Currency = "INR",
) -> None:
    """Sanction a line; prints it with its drawing power and how it was set."""
    minor, review = _minor(limit, currency), _date(review_due)
    _print(_write(lambda ctx, uow: credit_lines.sanction_line(
        ctx, uow, PLATFORM, merchant, lender, category, currency, minor, rate_bps, review, {})))


@app.command("draw")
def draw(
    line_id: str,
    amount: Annotated[str, typer.Option(help="Major units.")],
    payee: Annotated[str | None, typer.Option(help="A supplier merchant to pay.")] = None,
    currency: Currency = "INR",
) -> None:
    """Draw within the drawing power, into the merchant's balance or a supplier's."""
    minor = _minor(amount, currency)
    _print(_write(lambda ctx, uow: credit_lines.draw(ctx, uow, PLATFORM, line_id, minor, payee)))


@app.command("repay")
def repay(
    line_id: str,
    amount: Annotated[str, typer.Option(help="Major units.")],
    currency: Currency = "INR",
) -> None:
    """Repay from the merchant's balance: penal charges, drawn balance, accrued interest."""
    minor = _minor(amount, currency)
    _print(_write(lambda ctx, uow: credit_lines.repay(ctx, uow, PLATFORM, line_id, minor)))


@app.command("renew")
def renew(line_id: str, review_due: Day) -> None:
    """The annual review done: the next review date."""
    review = _date(review_due)
    _print(_write(lambda ctx, uow: credit_lines.renew(ctx, uow, PLATFORM, line_id, review,
                                                      None, None)))


@app.command("close")
def close(line_id: str) -> None:
    """Close a line with nothing owed."""
    _print(_write(lambda ctx, uow: credit_lines.close_line(ctx, uow, PLATFORM, line_id)))


@app.command("write-off")
def write_off(
    line_id: str, reason: Annotated[str, typer.Option(help="Why, 1-500 characters.")]
) -> None:
    """Write off a non-performing line against its provision and suspense."""
    _print(_write(lambda ctx, uow: credit_line_write_off.write_off_line(ctx, uow, PLATFORM,
                                                                        line_id, reason)))


@app.command("show")
def show(line_id: str) -> None:
    """The line: limit, drawing power, drawn, available, class, out-of-order days."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        _print(credit_lines.get_line(rt.context, uow, PLATFORM, line_id))


@app.command("list")
def list_lines(limit: Annotated[int, typer.Option(min=1, max=100)] = 20) -> None:
    """The newest lines with their utilisation and standing."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        rows, _ = credit_lines.list_lines(rt.context, uow, PLATFORM, PageRequest(limit=limit))
    table = Table()
    for column in ("id", "merchant", "limit", "drawing power", "drawn", "utilisation bps",
                   "class", "out of order days", "status"):
        table.add_column(column)
    for x in rows:
        table.add_row(x["id"], x["merchant"], str(x["limit_minor"]),
                      str(x["drawing_power_minor"]), str(x["drawn_minor"]),
                      str(x["utilisation_bps"]), x["classification"]["asset_class"],
                      str(x["classification"]["out_of_order_days"]), x["status"])
    console.print(table)


@app.command("statement")
def statement(line_id: str, limit: Annotated[int, typer.Option(min=1, max=100)] = 50) -> None:
    """Draws, repayments, sweeps and interest debits, newest first (JSON)."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        rows, has_more = credit_lines.statement(uow, PLATFORM, line_id, PageRequest(limit=limit))
    _print({"object": "list", "data": rows, "has_more": has_more})
