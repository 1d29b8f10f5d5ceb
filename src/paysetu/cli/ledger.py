"""``paysetu ledger ...``: accounts, entries, history, expiry, from the command line.

Amounts on the command line are decimal text in the currency's major unit ("12.50"), parsed
exactly; files and JSON output use integer minor units like the API.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from paysetu.cli.ledger_json import account_json, parse_entry
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.money import AmountFormatError, CurrencyError, Money
from paysetu.kernel.money_display import format_money
from paysetu.ledger.rules.entries import (
    Account,
    AccountKind,
    Balance,
    Direction,
    EntryRequest,
    NewAccount,
    NewEntry,
    PendingResolution,
    Posting,
)
from paysetu.ledger.rules.errors import BatchRejected, CreateEntryStatus, EntryRejected

app = typer.Typer(
    help="The double-entry ledger: accounts, journal entries, history.", no_args_is_help=True
)
accounts_app = typer.Typer(
    help="Open, list, show, close and reopen accounts.", no_args_is_help=True
)
app.add_typer(accounts_app, name="accounts")

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def _metadata(pairs: list[str]) -> dict[str, str]:
    result: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise typer.BadParameter(f"metadata {pair!r} is not key=value")
        result[key] = value
    return result


def _amount(text: str, currency: str) -> int:
    try:
        return Money.parse(text, currency).amount_minor
    except (AmountFormatError, CurrencyError) as error:
        raise typer.BadParameter(str(error)) from None


def _print_accounts(accounts: list[Account], as_json: bool) -> None:
    if as_json:
        console.print_json(json.dumps([account_json(a) for a in accounts]))
        return
    table = Table()
    table.add_column("account", no_wrap=True)
    table.add_column("kind")
    table.add_column("balance", justify="right", no_wrap=True)
    table.add_column("pending dr / cr", justify="right")
    table.add_column("owner")
    for a in accounts:
        flag = (
            " (no overdraft)"
            if a.debits_must_not_exceed_credits
            else (" (capped)" if a.credits_must_not_exceed_debits else "")
        )
        pending = (
            f"{format_money(Money(a.balance.debits_pending, a.currency))} / "
            f"{format_money(Money(a.balance.credits_pending, a.currency))}"
            if a.balance.debits_pending or a.balance.credits_pending
            else ""
        )
        table.add_row(
            a.id + (" [closed]" if a.closed else ""),
            a.kind.value + flag,
            format_money(Money(normal_balance(a.kind, a.balance), a.currency)),
            pending,
            f"{a.owner_type}:{a.owner_id}" if a.owner_type else "",
        )
    console.print(table)


@accounts_app.command("create")
def create_account(
    currency: Annotated[str, typer.Option(help="ISO 4217 code, e.g. INR.")],
    kind: Annotated[AccountKind, typer.Option(help="Accounting element.")],
    account_id: Annotated[
        str | None, typer.Option("--id", help="acct_... (default: generated).")
    ] = None,
    debits_must_not_exceed_credits: Annotated[
        bool, typer.Option(help="Refuse overdrafts.")
    ] = False,
    credits_must_not_exceed_debits: Annotated[
        bool, typer.Option(help="Cap credits at debits.")
    ] = False,
    owner_type: Annotated[
        str | None, typer.Option(help="customer, merchant, lender, platform...")
    ] = None,
    owner_id: Annotated[str | None, typer.Option(help="The owner's id.")] = None,
    metadata: Annotated[list[str] | None, typer.Option(help="key=value, repeatable.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Open an account (idempotent by --id)."""
    with runtime() as rt:
        new = NewAccount(
            account_id or rt.ledger.new_account_id(),
            currency,
            kind,
            debits_must_not_exceed_credits,
            credits_must_not_exceed_debits,
            owner_type,
            owner_id,
            _metadata(metadata or []),
        )
        [(account, created)] = rt.ledger.create_accounts([new])
    if not as_json:
        console.print("created" if created else "already existed, unchanged")
    _print_accounts([account], as_json)


@accounts_app.command("list")
def list_accounts(
    owner_type: Annotated[str | None, typer.Option(help="Only this owner type.")] = None,
    owner_id: Annotated[str | None, typer.Option(help="Only this owner id.")] = None,
    limit: Annotated[int, typer.Option(help="Page size (1-1000).")] = 100,
    starting_after: Annotated[
        str | None, typer.Option(help="Cursor: the last id of the previous page.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List accounts in id order, a page at a time."""
    with runtime() as rt:
        page, has_more = rt.ledger.list_accounts(
            owner_type=owner_type, owner_id=owner_id, limit=limit, starting_after=starting_after
        )
    _print_accounts(list(page), as_json)
    if has_more and not as_json:
        console.print(f"more: --starting-after {page[-1].id}")


@accounts_app.command("show")
def show_account(
    account_id: str,
    at: Annotated[
        datetime | None, typer.Option(help="Balances as they stood at this instant (ISO 8601).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """One account and its balances (now, or at --at)."""
    with runtime() as rt:
        account = rt.ledger.get_account(account_id)
        if at is not None:
            balance = rt.ledger.balance_at(account_id, at)
            console.print(f"at {at.isoformat()}: {balance}")
    _print_accounts([account], as_json)


@accounts_app.command("close")
def close_account(
    account_id: str, reason: Annotated[str, typer.Option(help="Recorded with the event.")] = ""
) -> None:
    """Close an account: it refuses new postings until reopened."""
    with runtime() as rt:
        _print_accounts([rt.ledger.close_account(account_id, reason)], False)


@accounts_app.command("reopen")
def reopen_account(
    account_id: str, reason: Annotated[str, typer.Option(help="Recorded with the event.")] = ""
) -> None:
    """Reopen a closed account."""
    with runtime() as rt:
        _print_accounts([rt.ledger.reopen_account(account_id, reason)], False)


def _entries_from_file(path: Path) -> list[EntryRequest]:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise typer.BadParameter(f"{path}: {error}") from None
    documents = raw if isinstance(raw, list) else [raw]
    entries: list[EntryRequest] = []
    for index, document in enumerate(documents):
        try:
            entries.append(parse_entry(document))
        except EntryRejected as rejection:
            raise EntryRejected(
                rejection.code,
                f"entry {index}: {rejection.message}",
                f"entries[{index}].{rejection.param}",
            ) from None
    return entries


@app.command("post")
def post(
    file: Annotated[
        Path | None, typer.Option(help="JSON file: one entry or a list (a linked batch).")
    ] = None,
    debit: Annotated[str | None, typer.Option("--debit", help="Account to debit.")] = None,
    credit: Annotated[str | None, typer.Option("--credit", help="Account to credit.")] = None,
    amount: Annotated[
        str | None, typer.Option(help="Decimal amount in major units, e.g. 12.50.")
    ] = None,
    currency: Annotated[str | None, typer.Option(help="ISO 4217 code.")] = None,
    entry_id: Annotated[
        str | None, typer.Option("--id", help="je_... (default: generated).")
    ] = None,
    pending: Annotated[bool, typer.Option(help="Reserve instead of posting.")] = False,
    timeout_s: Annotated[
        int | None, typer.Option(help="Pending only: seconds until expiry.")
    ] = None,
    post_pending: Annotated[
        str | None, typer.Option(help="Post this pending entry (optionally --amount).")
    ] = None,
    void_pending: Annotated[str | None, typer.Option(help="Void this pending entry.")] = None,
    metadata: Annotated[list[str] | None, typer.Option(help="key=value, repeatable.")] = None,
) -> None:
    """Post a journal entry from flags, or a linked batch from --file."""
    with runtime() as rt:
        new_id = entry_id or rt.ledger.new_entry_id()
        entries: list[EntryRequest]
        if file is not None:
            entries = _entries_from_file(file)
        elif post_pending or void_pending:
            pending_id = post_pending or void_pending or ""
            minor = None
            if amount is not None:
                minor = _amount(amount, currency or "")
            entries = [
                PendingResolution(
                    new_id, pending_id, bool(post_pending), minor, _metadata(metadata or [])
                )
            ]
        else:
            if not (debit and credit and amount and currency):
                raise typer.BadParameter("give --file, or --debit --credit --amount --currency")
            minor = _amount(amount, currency)
            entries = [
                NewEntry(
                    new_id,
                    (
                        Posting(debit, Direction.DEBIT, minor, currency),
                        Posting(credit, Direction.CREDIT, minor, currency),
                    ),
                    _metadata(metadata or []),
                    pending=pending,
                    timeout_s=timeout_s,
                )
            ]
        try:
            applied = rt.ledger.apply(entries)
        except BatchRejected as rejection:
            for result in rejection.results:
                if result.status is not CreateEntryStatus.LINKED_EVENT_FAILED:
                    errors.print(f"entry {result.index}: {result.status}")
            raise
    for item in applied:
        console.print(f"{item.id} {'already applied (replay)' if item.replayed else 'applied'}")


@app.command("history")
def history(
    account_id: str,
    limit: Annotated[int, typer.Option(help="Page size (1-1000).")] = 100,
    starting_after: Annotated[
        int | None, typer.Option(help="Cursor: the last sequence shown.")
    ] = None,
) -> None:
    """An account's postings, oldest first, a page at a time."""
    with runtime() as rt:
        account = rt.ledger.get_account(account_id)
        page, has_more = rt.ledger.postings(account_id, limit=limit, starting_after=starting_after)
    table = Table(title=f"{account_id} ({account.currency})")
    for column in ("sequence", "entry", "debit", "credit", "pending"):
        table.add_column(column)
    for p in page:
        money = str(Money(p.amount_minor, p.currency))
        is_debit = p.direction is Direction.DEBIT
        table.add_row(
            str(p.sequence),
            p.entry_id,
            money if is_debit else "",
            "" if is_debit else money,
            "pending" if p.pending else "",
        )
    console.print(table)
    if has_more:
        console.print(f"more: --starting-after {page[-1].sequence}")


@app.command("expire")
def expire() -> None:
    """Release every pending entry whose timeout has passed."""
    with runtime() as rt:
        count = rt.ledger.expire()
    console.print(f"expired {count} pending entr{'y' if count == 1 else 'ies'}")


@app.command("entry")
def show_entry(entry_id: str) -> None:
    """One journal entry with its postings."""
    with runtime() as rt:
        entry = rt.ledger.get_entry(entry_id)
    console.print(
        f"{entry.id} {entry.kind.value} at {entry.created_at.isoformat()}"
        + (f" resolves {entry.pending_id}" if entry.pending_id else "")
        + (f" reverses {entry.reverses_id}" if entry.reverses_id else "")
    )
    for p in entry.postings:
        console.print(
            f"  {p.direction.value:6} {p.account_id:40} {Money(p.amount_minor, p.currency)}"
        )
    if entry.metadata:
        console.print(f"  metadata {json.dumps(dict(entry.metadata))}")


@app.command("reverse")
def reverse(
    entry_id: str,
    reversal_id: Annotated[
        str | None, typer.Option("--id", help="je_... (default: generated).")
    ] = None,
) -> None:
    """Undo a posted entry with a new entry that links to it."""
    with runtime() as rt:
        applied = rt.ledger.reverse(entry_id, reversal_id or rt.ledger.new_entry_id(), {})
    console.print(f"{applied.id} reverses {entry_id}")


def normal_balance(kind: AccountKind, balance: Balance) -> int:
    """Posted balance on the account's normal side: debit-normal for assets and expenses."""
    if kind in (AccountKind.ASSET, AccountKind.EXPENSE):
        return balance.debits_posted - balance.credits_posted
    return balance.credits_posted - balance.debits_posted
