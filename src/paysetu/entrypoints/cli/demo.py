"""``paysetu demo``: start everything, load the demo ledger, show balances and the audit."""

from paysetu.adapters.db import migrate
from paysetu.entrypoints.cli.audit import print_report
from paysetu.entrypoints.cli.demo_data import demo_accounts, demo_entries
from paysetu.entrypoints.cli.ledger import _print_accounts
from paysetu.entrypoints.cli.runtime import console, runtime


def demo() -> None:
    """Start the database (embedded unless configured), migrate, load demo data, print balances."""
    with runtime() as rt:
        console.print(f"database: {rt.engine.url.render_as_string(hide_password=True)}")
        console.print(f"schema revision: {migrate.current_revision(rt.engine)}")
        created = [c for _, c in rt.ledger.create_accounts(demo_accounts())]
        applied = rt.ledger.apply(demo_entries())
        console.print(
            f"demo data: {sum(created)} account(s) opened, "
            f"{sum(not a.replayed for a in applied)} entr(y/ies) applied "
            f"({sum(a.replayed for a in applied)} already there)"
        )
        accounts, _ = rt.ledger.list_accounts(limit=100)
        _print_accounts(list(accounts), as_json=False)
        report = rt.ledger.audit()
    print_report(report)
    console.print("[green]audit passed[/green]" if report.passed else "[red]audit failed[/red]")
