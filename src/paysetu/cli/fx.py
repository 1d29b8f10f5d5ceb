"""``paysetu fx ...``: load and list manual mid rates, and quote a conversion.

The CLI acts as the platform operator: its quotes are platform quotes (or a merchant's, with
``--merchant``), stored like any quote made through ``POST /v1/fx_quotes``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from paysetu.access.rules.principals import Principal, Role
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import AmountFormatError, CurrencyError, Money
from paysetu.kernel.money_display import format_money
from paysetu.payments.rules.fx_rate_file import parse_rate_file
from paysetu.payments.usecases import fx_quotes, fx_rates

app = typer.Typer(help="FX: manual mid rates and quotes.", no_args_is_help=True)
rates_app = typer.Typer(help="The manual mid-rate table (takes precedence over the ECB's).",
                        no_args_is_help=True)
app.add_typer(rates_app, name="rates")

OPERATOR = Principal("cli", Role.PLATFORM, None, livemode=False)


@rates_app.command("load")
def load(
    file: Annotated[Path, typer.Argument(help="CSV: base_currency,quote_currency,rate,as_of")],
    source: Annotated[str, typer.Option(help="Label stored with each rate.")] = "manual",
) -> None:
    """Load a rate file: every line is checked first; any bad line loads nothing (exit 1)."""
    try:
        text = file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        errors.print(f"[red]error[/red] cannot read {file}: {error}")
        raise SystemExit(1) from None
    with runtime() as rt:
        problems = parse_rate_file(text, rt.context.clock.now().date()).problems
        if problems:
            for problem in problems:
                errors.print(f"[red]{file}:{problem.line}[/red] {problem.message}")
            errors.print(f"{len(problems)} problem(s); nothing was loaded")
            raise SystemExit(1)
        with rt.context.uow_factory() as uow:
            summary = fx_rates.load_rates(rt.context, uow, text, source)
            uow.commit()
    console.print(f"loaded {summary['rates_loaded']} rate(s) for "
                  f"{', '.join(summary['currencies'])} dated {summary['as_of_min']} to "
                  f"{summary['as_of_max']}")


@rates_app.command("list")
def list_rates(
    currency: Annotated[str | None, typer.Option(help="Only pairs with this currency.")] = None,
) -> None:
    """The manual rates, newest first."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        rows, more = fx_rates.list_rates(uow, currency)
    table = Table()
    for column in ("base", "quote", "rate", "as of", "source"):
        table.add_column(column)
    for r in rows:
        table.add_row(r["base_currency"], r["quote_currency"], r["rate"], r["as_of"],
                      r["source"])
    console.print(table)
    if more:
        console.print("(more rows not shown)")


def _minor(text: str | None, currency: str, option: str) -> int | None:
    if text is None:
        return None
    try:
        return Money.parse(text, currency).amount_minor
    except (AmountFormatError, CurrencyError) as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def _print_quote(quote: dict[str, Any]) -> None:
    sell = Money(quote["sell_amount_minor"], quote["sell_currency"])
    buy = Money(quote["buy_amount_minor"], quote["buy_currency"])
    expires = datetime.fromtimestamp(quote["expires_at"], UTC).isoformat(timespec="seconds")
    console.print(f"quote {quote['id']} ({quote['status']}, rate locked until {expires})",
                  soft_wrap=True)
    console.print(f"  buyer pays      {format_money(sell)}")
    console.print(f"  merchant gets   {format_money(buy)} (before its fee)")
    console.print(f"  mid rate        1 {sell.currency} = {quote['mid_rate']} {buy.currency}"
                  f" ({quote['rate_source']}, {quote['rate_as_of']})")
    console.print(f"  spread          {quote['spread_bps']} bps")
    console.print(f"  customer rate   1 {sell.currency} = {quote['customer_rate']} {buy.currency}")


@app.command("quote")
def quote(
    sell: Annotated[str, typer.Option("--sell", help="The buyer's currency, e.g. CNY.")],
    buy: Annotated[str, typer.Option("--buy", help="The merchant's currency, e.g. INR.")],
    buy_amount: Annotated[str | None, typer.Option(help="The price, e.g. 590.00.")] = None,
    sell_amount: Annotated[str | None, typer.Option(help="What the buyer spends.")] = None,
    merchant: Annotated[str | None, typer.Option(help="Quote for this merchant.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API object.")] = False,
) -> None:
    """Quote a conversion at the current mid rate less the spread (the quote is stored)."""
    command = fx_quotes.CreateQuote(
        sell, buy, _minor(sell_amount, sell, "--sell-amount"),
        _minor(buy_amount, buy, "--buy-amount"), merchant)
    with runtime() as rt, rt.context.uow_factory() as uow:
        made = fx_quotes.create_quote(rt.context, uow, OPERATOR, command)
        uow.commit()
    if as_json:
        console.print_json(json.dumps(made))
    else:
        _print_quote(made)
