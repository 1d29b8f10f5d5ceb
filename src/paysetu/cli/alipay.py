"""``paysetu alipay ...``: register merchants' Alipay-style apps, show the platform public key.

The platform key pair is generated once, on first use, under ``data_dir``
(``alipay/platform_key.pem``, mode 0600); only its public half is ever printed. Refusals
(``public_key_invalid``, an unknown merchant) end the command with their code, as elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from paysetu.access.rules.principals import Principal, Role
from paysetu.alipay.usecases import alipay_apps
from paysetu.cli.runtime import console, errors, runtime
from paysetu.kernel.pagination import PageRequest

app = typer.Typer(help="The Alipay-compatible gateway: apps and the platform key.",
                  no_args_is_help=True)
OPERATOR = Principal("cli", Role.PLATFORM, None, livemode=False)


@app.command("register")
def register(
    merchant: Annotated[str, typer.Option(help="The merchant (mer_...) the app belongs to.")],
    public_key_file: Annotated[Path, typer.Option(
        exists=True, dir_okay=False, readable=True,
        help="The app's RSA public key (PEM, or the base64 text Alipay's key tool prints).")],
    notify_url: Annotated[str | None, typer.Option(
        help="Where notifications go when a request names no notify_url.")] = None,
    timezone: Annotated[str | None, typer.Option(
        help="The IANA zone the app's server writes timestamps in (default: the"
             " deployment's PAYSETU_ALIPAY_TIMEZONE).")] = None,
) -> None:
    """Register an app; prints its app id and the platform public key for the SDK."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        created = alipay_apps.register_app(
            rt.context, uow, OPERATOR, merchant=merchant,
            public_key=public_key_file.read_text("utf-8"), notify_url=notify_url,
            timezone=timezone)
        uow.commit()
    errors.print(f"registered app {created['id']} for {created['merchant']}")
    console.print(f"app_id: {created['id']}")
    console.print("platform public key (the SDK's alipay_public_key_string):")
    console.print(created["platform_public_key"], soft_wrap=True, highlight=False)


@app.command("platform-key")
def platform_key() -> None:
    """Print the platform's public key (generating the key pair on first use)."""
    with runtime() as rt:
        policy = alipay_apps.gateway_policy(rt.context)
        console.print(policy.keys.public_key_pem(), soft_wrap=True, highlight=False)


@app.command("apps")
def list_apps(
    limit: Annotated[int, typer.Option(min=1, max=100, help="How many, newest first.")] = 20,
) -> None:
    """Registered apps with their merchant and notify URL."""
    with runtime() as rt, rt.context.uow_factory() as uow:
        items, _ = alipay_apps.list_apps(rt.context, uow, OPERATOR, PageRequest(limit=limit))
    table = Table()
    for column in ("app id", "merchant", "notify url", "created"):
        table.add_column(column)
    for item in items:
        table.add_row(item["id"], item["merchant"], item["notify_url"] or "",
                      str(item["created"]))
    console.print(table)
