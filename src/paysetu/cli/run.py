"""``paysetu run``: the whole product on one machine, for trying it out.

Binds the port first (a busy one is reported before anything starts), starts the embedded
PostgreSQL (or uses ``PAYSETU_DATABASE_URL``), migrates, loads the demo ledger and the demo
shop (both idempotent), issues a demo platform key and a demo merchant key, serves the API and
prints where to open it with ready-to-paste ``curl`` commands. Ctrl-C stops the server, then the
embedded PostgreSQL. Unless ``PAYSETU_WEBHOOK_ALLOWED_NETWORKS`` says otherwise, webhooks and
notifications may go to receivers on this machine (``127.0.0.0/8,::1/128``), which ``serve``
and ``worker`` refuse.
"""

from __future__ import annotations

from paysetu.app.http.app import create_app
from paysetu.app.logs import configure_logging
from paysetu.bootstrap import Runtime
from paysetu.checkout.usecases.checkout import checkout_url
from paysetu.cli.demo import load_ledger_demo, print_database
from paysetu.cli.demo_reconciliation import reconcile_demo
from paysetu.cli.runtime import console, runtime
from paysetu.cli.serve import base_url, listen, serve_until_stopped
from paysetu.config import Settings
from paysetu.demo.checkout import ensure_demo_checkout, print_demo_checkout
from paysetu.demo.customers import ensure_demo_customer, print_demo_customer, texts_relayed
from paysetu.demo.friends import ensure_demo_friend, print_demo_friend
from paysetu.demo.fx import load_fx_demo
from paysetu.demo.history import ensure_demo_history, print_demo_history
from paysetu.demo.lending import ensure_demo_lending, print_demo_lending
from paysetu.demo.shop import (
    DemoKeys,
    DemoShop,
    ensure_demo_shop,
    issue_demo_keys,
    print_demo_shop,
)
from paysetu.demo.web import ensure_demo_web_users, web_banner
from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.shell.http import rate_limit


def banner(url: str, keys: DemoKeys, shop: DemoShop, *, embedded: bool,
           checkout_session: str) -> list[str]:
    """What to open and what to paste, once the server accepts connections."""
    platform = f'-H "Authorization: Bearer {keys.platform}"'
    return [
        "",
        f"paysetu is running at {url}",
        f"  API docs:  {url}/docs",
        f"  metrics:   {url}/metrics",
        f"  checkout:  {checkout_url(url, checkout_session)}  (a buyer's page, open 24 h)",
        "",
        "demo API keys (test mode; secrets are shown only now, a new pair on each run):",
        f"  platform key:  {keys.platform}",
        f"  merchant key:  {keys.merchant}  (Chai Point, {shop.merchant_id})",
        "",
        "try it:",
        f"  curl -s {url}/v1/customers {platform}",
        f"  curl -s {url}/v1/wallets/{shop.wallet_id}/top_ups {platform}"
        ' -H "Idempotency-Key: demo-top-up-1" -H "Content-Type: application/json"'
        ' -d \'{"amount_minor": 10000, "currency": "INR"}\'',
        f'  curl -s {url}/v1/merchants/{shop.merchant_id} -H "Authorization: Bearer '
        f'{keys.merchant}"',
        "",
        "Ctrl-C stops the server" + (" and the embedded PostgreSQL." if embedded else "."),
    ]


def _print_lines(lines: list[str]) -> None:
    for line in lines:
        console.print(line, soft_wrap=True, markup=False, highlight=False)
    console.file.flush()


def _release_database(rt: Runtime) -> None:
    if rt.embedded is None:
        return
    rt.embedded.stop()
    console.print("embedded PostgreSQL " + (
        "still used by another paysetu process" if rt.embedded.is_running() else "stopped"))


def run() -> None:
    """Start everything (database, migrations, demo data, demo API keys, the API) until Ctrl-C."""
    settings = Settings()
    if not settings.webhook_allowed_networks:  # the demo's receivers run on this machine
        settings = settings.model_copy(update={"webhook_allowed_networks": LOOPBACK_NETWORKS})
    configure_logging(settings.log_level)
    sock = listen(settings.host, settings.port)
    with runtime(settings) as rt:
        print_database(rt)
        load_ledger_demo(rt)
        shop, created = ensure_demo_shop(rt.context, settings.data_dir)
        print_demo_shop(rt.context, shop, created)
        load_fx_demo(rt)
        checkouts = ensure_demo_checkout(rt.context, shop)
        print_demo_checkout(checkouts)
        history, replayed = ensure_demo_history(rt.context, settings.data_dir)
        print_demo_history(rt.context, history, replayed)
        print_demo_lending(rt.context, ensure_demo_lending(rt.context, settings.data_dir,
                                                           history.merchant_ids[:2]))
        reconcile_demo(rt, None)  # keep after the history: books its last week's payouts
        logins = ensure_demo_web_users(rt.context, [shop.merchant_id, *history.merchant_ids])
        meera = ensure_demo_customer(rt.context, settings.data_dir, shop)
        ensure_demo_friend(rt.context, settings.data_dir, meera)
        keys = issue_demo_keys(rt.context, shop)
        lines = banner(base_url(sock), keys, shop, embedded=rt.embedded is not None,
                       checkout_session=checkouts.open_session_id)
        lines[-1:-1] = web_banner(base_url(sock), logins)  # the sign-ins, before "Ctrl-C"
        lines[-1:-1] = print_demo_customer(base_url(sock))
        lines[-1:-1] = print_demo_friend(base_url(sock))
        app = create_app(rt.context, rate_limit.from_settings(settings))
        app.state.show_sms_outbox = True  # the demo shows its texts (a deployment never does)
        with texts_relayed(rt.context):
            serve_until_stopped(app, sock, lambda: _print_lines(lines),
                                settings.trusted_proxies)
        console.print("server stopped")
    _release_database(rt)
