"""The ``paysetu`` command: a Typer app with one sub-app per area."""

from __future__ import annotations

import typer

from paysetu.cli import (
    alipay,
    audit,
    bench,
    check,
    db,
    demo,
    fx,
    keys,
    ledger,
    lending,
    lending_lines,
    run,
    serve,
    users,
    worker,
)
from paysetu.cli.reconcile import reconcile
from paysetu.cli.runtime import errors
from paysetu.cli.settle import payouts, settle
from paysetu.ledger.rules.errors import PaysetuError

app = typer.Typer(
    help="paysetu: payments, cross-border checkout and micro-credit on one double-entry ledger.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(ledger.app, name="ledger")
app.add_typer(db.app, name="db")
app.add_typer(bench.app, name="bench")
app.add_typer(keys.app, name="keys")
app.add_typer(alipay.app, name="alipay")
app.add_typer(lending.app, name="lending")
lending.app.add_typer(lending_lines.app, name="lines")
app.add_typer(fx.app, name="fx")
app.add_typer(users.app, name="users")
app.add_typer(check.app, name="check")
app.command("run")(run.run)
app.command("serve")(serve.serve)
app.command("audit")(audit.audit)
app.command("demo")(demo.demo)
app.command("worker")(worker.worker)
app.command("reconcile")(reconcile)
app.command("settle")(settle)
app.add_typer(payouts, name="payouts")


def main() -> None:
    """Console-script entry: expected rejections print their code and exit 1, no traceback."""
    try:
        app()
    except PaysetuError as error:
        where = f" ({error.param})" if error.param else ""
        errors.print(f"[red]error[/red] {error.code}{where}: {error.message}")
        raise SystemExit(1) from None


if __name__ == "__main__":  # ``python -m paysetu.cli.app ...`` runs the command, not nothing
    main()
