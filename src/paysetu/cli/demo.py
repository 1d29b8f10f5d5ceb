"""``paysetu demo``: start the database, load the demo data, show balances and the audit.

The same demo data as ``paysetu run`` (the demo ledger and the demo shop), without serving.
"""

from paysetu.bootstrap import Runtime
from paysetu.cli.audit import print_report
from paysetu.cli.demo_reconciliation import reconcile_demo
from paysetu.cli.ledger import _print_accounts
from paysetu.cli.runtime import console, runtime
from paysetu.db import migrate
from paysetu.demo.checkout import ensure_demo_checkout, print_demo_checkout
from paysetu.demo.data import demo_accounts, demo_entries
from paysetu.demo.fx import load_fx_demo
from paysetu.demo.history import ensure_demo_history, print_demo_history
from paysetu.demo.lending import ensure_demo_lending, print_demo_lending
from paysetu.demo.marketplace import ensure_demo_marketplace, print_demo_marketplace
from paysetu.demo.shop import ensure_demo_shop, print_demo_shop
from paysetu.demo.web import ensure_demo_web_users, print_demo_logins


def print_database(rt: Runtime) -> None:
    console.print(f"database: {rt.engine.url.render_as_string(hide_password=True)}",
                  soft_wrap=True)
    console.print(f"schema revision: {migrate.current_revision(rt.engine)}")


def load_ledger_demo(rt: Runtime) -> None:
    """Open the demo chart of accounts and apply its entries (fixed ids: twice is a no-op)."""
    created = [c for _, c in rt.ledger.create_accounts(demo_accounts())]
    applied = rt.ledger.apply(demo_entries())
    console.print(
        f"demo ledger: {sum(created)} account(s) opened, "
        f"{sum(not a.replayed for a in applied)} entr(y/ies) applied "
        f"({sum(a.replayed for a in applied)} already there)"
    )


def demo() -> None:
    """Start the database (embedded unless configured), migrate, load demo data, print balances."""
    with runtime() as rt:
        print_database(rt)
        load_ledger_demo(rt)
        shop, created = ensure_demo_shop(rt.context, rt.settings.data_dir)
        print_demo_shop(rt.context, shop, created)
        load_fx_demo(rt)
        print_demo_checkout(ensure_demo_checkout(rt.context, shop))
        history, replayed = ensure_demo_history(rt.context, rt.settings.data_dir)
        print_demo_history(rt.context, history, replayed)
        print_demo_lending(rt.context, ensure_demo_lending(rt.context, rt.settings.data_dir,
                                                           history.merchant_ids[:2]))
        print_demo_marketplace(rt.context, *ensure_demo_marketplace(rt.context,
                                                                   rt.settings.data_dir))
        reconcile_demo(rt, None)  # keep last: books the payouts settled above
        print_demo_logins(ensure_demo_web_users(rt.context,
                                                [shop.merchant_id, *history.merchant_ids]))
        accounts, _ = rt.ledger.list_accounts(limit=100)
        _print_accounts(list(accounts), as_json=False)
        report = rt.ledger.audit()
    print_report(report)
    console.print("[green]audit passed[/green]" if report.passed else "[red]audit failed[/red]")
