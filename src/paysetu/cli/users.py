"""``paysetu users ...``: the people who sign in to the web pages (dashboard, console, admin).

The password is asked for twice at the prompt (hidden), or read from standard input when that
is not a terminal (``printf '%s' "$PASSWORD" | paysetu users create ...``), so it never appears
in the shell history or the process list.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from paysetu.access.rules.web_users import WebRole
from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.access.usecases import web_users
from paysetu.cli.runtime import console, errors, runtime

app = typer.Typer(help="Web users: sign-ins for the dashboard and the consoles.",
                  no_args_is_help=True)


def _password() -> str:
    if sys.stdin.isatty():
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    return sys.stdin.readline().rstrip("\r\n")


@app.command("create")
def create(
    email: Annotated[str, typer.Option(help="The sign-in email (unique).")],
    role: Annotated[WebRole, typer.Option(help="merchant, lender or admin.")],
    merchant: Annotated[str | None, typer.Option(help="The merchant (mer_...) of a merchant user.")]
    = None,
    lender: Annotated[str | None, typer.Option(help="The lender (lnd_...) of a lender user.")]
    = None,
) -> None:
    """Create a web user; the password is prompted for (or read from standard input)."""
    password = _password()
    with runtime() as rt:
        user = web_users.create_user(rt.context, Argon2Passwords(), email=email,
                                     password=password, role=role, merchant_id=merchant,
                                     lender_id=lender)
    errors.print(f"created {user.id} {user.email} ({user.role.value})")


@app.command("list")
def list_users() -> None:
    """Web users with their role and scope (never a password hash)."""
    with runtime() as rt:
        users = web_users.list_users(rt.context)
    table = Table()
    for column in ("id", "email", "role", "merchant", "lender", "created"):
        table.add_column(column, overflow="fold")
    for user in users:
        table.add_row(user.id, user.email, user.role.value, user.merchant_id or "",
                      user.lender_id or "", user.created_at.isoformat(timespec="seconds"))
    console.print(table)
