"""``paysetu keys ...``: API keys; the secret is printed once and stored only as a salted hash."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.cli.runtime import console, errors, runtime

app = typer.Typer(help="API keys for the HTTP API.", no_args_is_help=True)


@app.command("create")
def create(
    role: Annotated[Role, typer.Option(help="platform, merchant or lender.")],
    owner: Annotated[str | None, typer.Option(help="The merchant (mer_...) or lender id.")] = None,
    live: Annotated[bool, typer.Option(help="A live-mode key (sk_live_...).")] = False,
) -> None:
    """Create a key and print it once."""
    if role is not Role.PLATFORM and not owner:
        raise typer.BadParameter("--owner is required for merchant and lender keys")
    with runtime() as rt:
        issued = access.create_key(rt.context, role, owner, live)
    errors.print(f"created {issued.record.id} ({role.value}); the secret is shown only now:")
    console.print(issued.secret, soft_wrap=True)


@app.command("list")
def list_keys(
    owner: Annotated[str | None, typer.Option(help="Only this owner's keys.")] = None,
) -> None:
    """Keys with their role, owner and last four characters (never the secret)."""
    with runtime() as rt:
        records = access.list_keys(rt.context, owner)
    table = Table()
    for column in ("id", "role", "owner", "mode", "ends with", "created", "revoked"):
        table.add_column(column)
    for r in records:
        table.add_row(r.id, r.role.value, r.owner_id or "", "live" if r.livemode else "test",
                      r.hint, r.created_at.isoformat(timespec="seconds"),
                      r.revoked_at.isoformat(timespec="seconds") if r.revoked_at else "")
    console.print(table)


@app.command("revoke")
def revoke(key_id: str) -> None:
    """Revoke a key: requests with it get 401 api_key_revoked from now on."""
    with runtime() as rt:
        done = access.revoke_key(rt.context, key_id)
    console.print("revoked" if done else "no such active key")
    if not done:
        raise SystemExit(1)
