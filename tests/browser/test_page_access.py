"""Every page route x every kind of visitor: the owner sees it, anyone else gets 404, a
visitor who is not signed in is sent to the login page. Plain HTTP against the live server
(no browser needed to read status codes); a new page route fails
:func:`test_every_page_route_has_an_expectation` until it is listed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from enum import Enum
from pathlib import Path

import httpx
from fastapi.routing import APIRoute

from paysetu.access.rules.web_users import WebRole
from paysetu.app.pages.install import PAGE_ROUTERS
from paysetu.checkout.pages import wallet_top_up
from paysetu.customers.api.deps import CUSTOMER_COOKIE
from paysetu.customers.pages import (
    history_pages,
    home_pages,
    mandates_pages,
    notifications_pages,
)
from paysetu.customers.rules.movements import HistoryFilter
from paysetu.customers.usecases import sign_in, wallet_app
from paysetu.customers.usecases.sms import recent_messages
from paysetu.demo.customers import PHONE
from tests.browser.conftest import PASSWORD, LiveServer
from tests.browser.shop import ok, open_shop, pay
from tests.browser.wallet_kit import meera

RAVI = "+919876577702"

PAYOUT_ACCOUNT = {"currency": "INR", "holder_name": "Chai Point", "country": "IN",
                  "account_number": "001234567890", "bank_code": "HDFC0000123"}
STATEMENT_CSV = "date,end_to_end_id,amount,currency,description\n2026-04-02,E2EPAGES1,1.00,INR,x\n"
CALLERS = ("anonymous", "merchant_a", "merchant_b", "lender", "lender_2", "admin")


class Owner(Enum):
    """Who may open a page (everyone else gets 404; the anonymous visitor the login page)."""

    PUBLIC = "public"
    MERCHANT_A = "merchant_a"
    ANY_MERCHANT = "any merchant"
    LENDER = "lender"
    ANY_LENDER = "any lender"
    ADMIN = "admin"


@dataclass
class World:
    ids: dict[str, str] = field(default_factory=dict)
    clients: dict[str, httpx.Client] = field(default_factory=dict)
    csrf: dict[str, str] = field(default_factory=dict)


Case = tuple[Owner, Callable[[World], str]]
CASES: dict[tuple[str, str], Case] = {
    ("GET", "/"): (Owner.PUBLIC, lambda w: "/"),
    ("GET", "/login"): (Owner.PUBLIC, lambda w: "/login"),
    ("POST", "/login"): (Owner.PUBLIC, lambda w: "/login"),
    ("POST", "/logout"): (Owner.PUBLIC, lambda w: "/logout"),
    ("GET", "/language"): (Owner.PUBLIC, lambda w: "/language?to=hi&next=/wallet"),
    ("GET", "/dashboard"): (Owner.ANY_MERCHANT, lambda w: "/dashboard"),
    ("GET", "/dashboard/payments"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/payments"),
    ("GET", "/dashboard/qr"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/qr"),
    ("GET", "/dashboard/qr.png"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/qr.png"),
    ("GET", "/dashboard/payments/{payment_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/payments/{w.ids['payment']}"),
    ("POST", "/dashboard/payments/{payment_id}/refunds"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/payments/{w.ids['payment']}/refunds"),
    ("GET", "/dashboard/settlements"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/settlements"),
    ("GET", "/dashboard/settlements/{batch_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/settlements/{w.ids['batch']}"),
    ("GET", "/dashboard/settlements/{batch_id}/files/{kind}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/settlements/{w.ids['batch']}/files/report"),
    ("GET", "/dashboard/webhooks"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/webhooks"),
    ("POST", "/dashboard/webhooks"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/webhooks"),
    ("GET", "/dashboard/webhooks/{endpoint_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/webhooks/{w.ids['endpoint']}"),
    ("POST", "/dashboard/webhooks/{endpoint_id}/disable"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/webhooks/{w.ids['endpoint']}/disable"),
    ("GET", "/dashboard/api-keys"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/api-keys"),
    ("POST", "/dashboard/api-keys"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/api-keys"),
    ("POST", "/dashboard/api-keys/{key_id}/revoke"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/api-keys/{w.ids['key']}/revoke"),
    ("GET", "/dashboard/alipay-apps"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/alipay-apps"),
    ("POST", "/dashboard/alipay-apps"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/alipay-apps"),
    ("GET", "/dashboard/loans"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/loans"),
    ("GET", "/dashboard/marketplace"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/marketplace"),
    ("POST", "/dashboard/marketplace/orders/{order_id}/confirm_delivery"): (
        Owner.MERCHANT_A,
        lambda w: f"/dashboard/marketplace/orders/{w.ids['order']}/confirm_delivery"),
    ("POST", "/dashboard/marketplace/shares/{share_id}/release"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/marketplace/shares/{w.ids['share']}/release"),
    ("POST", "/dashboard/marketplace/shares/{share_id}/dispute"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/marketplace/shares/{w.ids['share']}/dispute"),
    ("POST", "/dashboard/marketplace/shares/{share_id}/returns"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/marketplace/shares/{w.ids['share']}/returns"),
    ("GET", "/dashboard/loans/apply"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/loans/apply"),
    ("POST", "/dashboard/loans/apply"): (Owner.ANY_MERCHANT, lambda w: "/dashboard/loans/apply"),
    ("GET", "/dashboard/loans/applications/{application_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/loans/applications/{w.ids['application']}"),
    ("GET", "/dashboard/loans/{loan_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/loans/{w.ids['loan']}"),
    ("POST", "/dashboard/loans/{loan_id}/repayments"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/loans/{w.ids['loan']}/repayments"),
    ("GET", "/dashboard/credit-lines/{line_id}"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/credit-lines/{w.ids['line']}"),
    ("POST", "/dashboard/credit-lines/{line_id}/draws"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/credit-lines/{w.ids['line']}/draws"),
    ("POST", "/dashboard/credit-lines/{line_id}/repayments"): (
        Owner.MERCHANT_A, lambda w: f"/dashboard/credit-lines/{w.ids['line']}/repayments"),
    ("GET", "/lender/credit-lines"): (Owner.ANY_LENDER, lambda w: "/lender/credit-lines"),
    ("GET", "/lender/credit-lines/{line_id}"): (
        Owner.LENDER, lambda w: f"/lender/credit-lines/{w.ids['line']}"),
    ("GET", "/dashboard/credit-lines/apply"): (
        Owner.ANY_MERCHANT, lambda w: "/dashboard/credit-lines/apply"),
    ("POST", "/dashboard/credit-lines/apply"): (
        Owner.ANY_MERCHANT, lambda w: "/dashboard/credit-lines/apply"),
    ("GET", "/lender/credit-line-applications/{application_id}"): (
        Owner.LENDER,
        lambda w: f"/lender/credit-line-applications/{w.ids['line_application']}"),
    ("POST", "/lender/credit-line-applications/{application_id}/approve"): (
        Owner.LENDER,
        lambda w: f"/lender/credit-line-applications/{w.ids['line_application']}/approve"),
    ("POST", "/lender/credit-line-applications/{application_id}/reject"): (
        Owner.LENDER,
        lambda w: f"/lender/credit-line-applications/{w.ids['line_application']}/reject"),
    ("POST", "/lender/credit-lines/{line_id}/write-off"): (
        Owner.LENDER, lambda w: f"/lender/credit-lines/{w.ids['line']}/write-off"),
    ("GET", "/lender"): (Owner.ANY_LENDER, lambda w: "/lender"),
    ("GET", "/lender/portfolio"): (Owner.ANY_LENDER, lambda w: "/lender/portfolio"),
    ("GET", "/lender/refinance"): (Owner.ANY_LENDER, lambda w: "/lender/refinance"),
    ("GET", "/lender/applications/{application_id}"): (
        Owner.LENDER, lambda w: f"/lender/applications/{w.ids['application']}"),
    ("POST", "/lender/applications/{application_id}/approve"): (
        Owner.LENDER, lambda w: f"/lender/applications/{w.ids['application']}/approve"),
    ("POST", "/lender/applications/{application_id}/reject"): (
        Owner.LENDER, lambda w: f"/lender/applications/{w.ids['application']}/reject"),
    ("GET", "/lender/loans/{loan_id}"): (
        Owner.LENDER, lambda w: f"/lender/loans/{w.ids['loan']}"),
    ("POST", "/lender/loans/{loan_id}/disburse"): (
        Owner.LENDER, lambda w: f"/lender/loans/{w.ids['loan']}/disburse"),
    ("GET", "/admin"): (Owner.ADMIN, lambda w: "/admin"),
    ("GET", "/admin/rates"): (Owner.ADMIN, lambda w: "/admin/rates"),
    ("GET", "/admin/reconciliations"): (Owner.ADMIN, lambda w: "/admin/reconciliations"),
    ("GET", "/admin/disputes"): (Owner.ADMIN, lambda w: "/admin/disputes"),
    ("POST", "/admin/disputes/{share_id}/release"): (
        Owner.ADMIN, lambda w: f"/admin/disputes/{w.ids['share']}/release"),
    ("POST", "/admin/disputes/{share_id}/return"): (
        Owner.ADMIN, lambda w: f"/admin/disputes/{w.ids['share']}/return"),
    ("GET", "/admin/reconciliations/{run_id}"): (
        Owner.ADMIN, lambda w: f"/admin/reconciliations/{w.ids['run']}"),
}
OTHER_OWNERS = ("/checkout", "/wallet")
"""Page routes whose expectations live with their own tests: the hosted checkout's, and the
customer's wallet pages (their own sign-in and session, no web-user role opens them:
tests/browser/test_wallet_pages.py, and the customer callers of the API's authorization
matrix for the routes behind them)."""


def _routes() -> set[tuple[str, str]]:
    return {(method, route.path) for router in PAGE_ROUTERS for route in router.routes
            if isinstance(route, APIRoute) and not route.path.startswith(OTHER_OWNERS)
            for method in route.methods or ()}


def test_every_page_route_has_an_expectation() -> None:
    assert sorted(_routes() - CASES.keys()) == [], "page routes without an expectation"
    assert sorted(CASES.keys() - _routes()) == [], "expectations of page routes that are gone"


def _lender(server: LiveServer, email: str, name: str) -> str:
    with server.api() as api:
        lender = str(ok(api.post("/v1/lenders", headers=server.platform_key(),
                                 json={"name": name, "kind": "bank"}))["id"])
        ok(api.post(f"/v1/lenders/{lender}/funding", headers=server.platform_key(),
                    json={"amount_minor": 1_00_00_000_00, "currency": "INR"}))
    server.add_user(email, WebRole.LENDER, lender_id=lender)
    return lender


def _objects(server: LiveServer) -> dict[str, str]:
    """Merchant A's payment, endpoint, key, loan (from lender L), marketplace order and share,
    settlement batch."""
    a = open_shop(server, "Chai Point", "a@chai.example")
    open_shop(server, "Dosa Corner", "b@dosa.example")
    lender = _lender(server, "l@bank.example", "Bharat Small Bank")
    _lender(server, "l2@bank.example", "Deccan Credit")
    server.add_user("ops@paysetu.example", WebRole.ADMIN)
    platform = server.platform_key()
    ids = {"payment": str(pay(server, a, 1_000_00, "Tea")["id"])}
    with server.api() as api:
        ids["endpoint"] = ok(api.post("/v1/webhook_endpoints", headers=a.merchant_key, json={
            "url": "https://chai.example/hooks", "enabled_events": ["*"]}))["id"]
        ids["key"] = a.merchant_key["Authorization"].split("_")[2] + "_" \
            + a.merchant_key["Authorization"].split("_")[3]
        application = ok(api.post("/v1/loan_applications", headers=a.merchant_key, json={
            "lender": lender, "product": "lpr_pmmy_shishu", "amount_minor": 20_000_00,
            "tenure_periods": 6, "purpose": "Stock"}))
        ids["application"] = application["id"]
        ids["loan"] = ok(api.post(f"/v1/loan_applications/{application['id']}/approve",
                                  headers=platform, json={"rate_bps": 1400,
                                                          "reason": "Known to the branch"}))["loan"]
        ids["line_application"] = ok(api.post(  # before the line: one open line per lender
            "/v1/credit_line_applications", headers=a.merchant_key, json={
                "lender": lender, "category": "shishu", "limit_minor": 40_000_00,
                "purpose": "Stock"}))["id"]
        ids["line"] = ok(api.post("/v1/credit_lines", headers=platform, json={
            "merchant": a.merchant_id, "lender": lender, "category": "shishu",
            "limit_minor": 40_000_00, "rate_bps": 1600, "review_due": "2027-03-31"}))["id"]
        ok(api.post("/v1/marketplaces", headers=platform,
                    json={"merchant": a.merchant_id, "commission_bps": 1000}))
        seller = ok(api.post("/v1/sellers", headers=a.merchant_key, json={
            "legal_name": "Asha Books", "country": "IN", "settlement_currency": "INR",
            "pan": "AAPFU0939F", "gstin": "27AAPFU0939F1ZV"}))["id"]
        ok(api.post(f"/v1/sellers/{seller}/kyc", headers=platform,
                    json={"kyc_status": "verified"}))
        order = ok(api.post("/v1/marketplace_orders", headers=platform, json={
            "amount_minor": 100_00, "currency": "INR", "marketplace": a.merchant_id,
            "wallet": a.wallet_id, "operator_reason": "page access: an order of A's",
            "lines": [{"seller": seller, "amount_minor": 100_00}]}))
        ids["order"], ids["share"] = order["id"], order["shares"][0]["id"]
        ok(api.post(f"/v1/merchants/{a.merchant_id}/payout_accounts", headers=platform,
                    json=PAYOUT_ACCOUNT))
        server.clock.advance(timedelta(days=1))
        run = ok(api.post("/v1/settlements", headers=platform, json={"date": "2026-04-02"}))
        ids["run"] = ok(api.post("/v1/reconciliations", headers=platform, json={
            "format": "csv", "content": STATEMENT_CSV}))["id"]
    ids["batch"] = next(r["settlement"] for r in run["results"]
                        if r["merchant"] == a.merchant_id)
    return ids


def _signed_in(server: LiveServer, email: str) -> tuple[httpx.Client, str]:
    client = server.api()
    token = client.get("/login").cookies["paysetu_login_csrf"]
    client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    page = client.get("/login", follow_redirects=True).text
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found is not None, page
    return client, found.group(1)


def _expected(owner: Owner, caller: str) -> int:
    if owner is Owner.PUBLIC:
        return 0  # not checked: public routes answer each visitor differently
    if caller == "anonymous":
        return 303
    allowed = {Owner.MERCHANT_A: {"merchant_a"}, Owner.ANY_MERCHANT: {"merchant_a", "merchant_b"},
               Owner.LENDER: {"lender"}, Owner.ANY_LENDER: {"lender", "lender_2"},
               Owner.ADMIN: {"admin"}}[owner]
    return 200 if caller in allowed else 404


def test_each_visitor_sees_only_their_own_pages(live_server: LiveServer) -> None:
    world = World(ids=_objects(live_server))
    emails = {"merchant_a": "a@chai.example", "merchant_b": "b@dosa.example",
              "lender": "l@bank.example", "lender_2": "l2@bank.example",
              "admin": "ops@paysetu.example"}
    world.clients["anonymous"] = live_server.api()
    for caller, email in emails.items():
        world.clients[caller], world.csrf[caller] = _signed_in(live_server, email)
    problems = []
    for (method, _path), (owner, build) in CASES.items():
        for caller in CALLERS:
            want = _expected(owner, caller)
            if want == 0 or (method == "POST" and want == 200):
                continue  # the owner's own posts are the browser tests' business
            url = build(world)
            client = world.clients[caller]
            got = (client.get(url) if method == "GET" else
                   client.post(url, data={"csrf_token": world.csrf.get(caller, "")}))
            if got.status_code != want or (want == 303 and not got.headers[
                    "location"].startswith("/login?next=")):
                problems.append(f"{caller} {method} {url}: {got.status_code}, wanted {want}")
    for client in world.clients.values():
        client.close()
    assert problems == [], "\n".join(problems)


WALLET_ROUTERS = (home_pages.router, history_pages.router, mandates_pages.router,
                  wallet_top_up.router, notifications_pages.router)
"""The wallet app's pages whose expectations are here (the sign-in, PIN and approvals pages
of wallet_pages are covered by tests/browser/test_wallet_pages.py)."""
WALLET_CALLERS = ("anonymous", "merchant", "ravi", "meera")


class Holder(Enum):
    """Who may open a wallet page: anyone, any signed-in customer (each sees their own), or
    only Meera (the page names one of her objects: anyone else gets 404)."""

    PUBLIC = "public"
    CUSTOMER = "customer"
    MEERA = "meera"


WALLET_CASES: dict[tuple[str, str], tuple[Holder, Callable[[dict[str, str]], str]]] = {
    ("GET", "/wallet/home"): (Holder.CUSTOMER, lambda ids: "/wallet/home"),
    ("GET", "/wallet/manifest.webmanifest"): (
        Holder.PUBLIC, lambda ids: "/wallet/manifest.webmanifest"),
    ("GET", "/wallet/sw.js"): (Holder.PUBLIC, lambda ids: "/wallet/sw.js"),
    ("GET", "/wallet/history"): (Holder.CUSTOMER, lambda ids: "/wallet/history"),
    ("GET", "/wallet/payments/{payment_id}"): (
        Holder.MEERA, lambda ids: f"/wallet/payments/{ids['payment']}"),
    ("GET", "/wallet/statement"): (
        Holder.CUSTOMER, lambda ids: "/wallet/statement?month=2026-04&format=csv"),
    ("GET", "/wallet/mandates"): (Holder.CUSTOMER, lambda ids: "/wallet/mandates"),
    ("POST", "/wallet/mandates/{mandate_id}"): (
        Holder.MEERA, lambda ids: f"/wallet/mandates/{ids['mandate']}"),
    ("GET", "/wallet/top-up"): (Holder.CUSTOMER, lambda ids: "/wallet/top-up"),
    ("POST", "/wallet/top-up"): (Holder.MEERA, lambda ids: "/wallet/top-up"),
    ("GET", "/wallet/notifications"): (Holder.CUSTOMER, lambda ids: "/wallet/notifications"),
    ("POST", "/wallet/notifications/seen"): (
        Holder.CUSTOMER, lambda ids: "/wallet/notifications/seen"),
}


def test_every_wallet_app_route_has_an_expectation() -> None:
    routes = {(method, route.path) for router in WALLET_ROUTERS for route in router.routes
              if isinstance(route, APIRoute) for method in route.methods or ()}
    assert sorted(routes ^ WALLET_CASES.keys()) == []


def _customer_client(server: LiveServer, phone: str) -> tuple[httpx.Client, str]:
    """A browser-like client with the customer's wallet cookie and the form token."""
    sign_in.request_code(server.context, phone, "127.0.0.9")
    code = next(m for m in recent_messages(server.context) if m.phone_e164 == phone).body[:6]
    token, _session = sign_in.verify_code(server.context, phone, code)
    client = server.api()
    client.cookies.set(CUSTOMER_COOKIE, token)
    return client, client.get("/wallet/home").cookies["paysetu_login_csrf"]


def _wallet_expected(holder: Holder, caller: str) -> int:
    if holder is Holder.PUBLIC:
        return 200
    if caller in ("anonymous", "merchant"):
        return 303  # no customer session: to the wallet's sign-in
    return 200 if holder is Holder.CUSTOMER or caller == "meera" else 404


def test_each_customer_sees_only_their_own_wallet_pages(
    live_server: LiveServer, tmp_path: Path
) -> None:
    """Ravi (another customer) gets 404 for Meera's receipt, mandate and wallet; a merchant's
    dashboard session and a visitor are sent to the wallet's sign-in."""
    demo = meera(live_server, tmp_path)
    with live_server.api() as api:
        ok(api.post("/v1/customers", headers=live_server.platform_key(),
                    json={"name": "Ravi", "phone": RAVI}))
    paid = next(m.payment_id for m in wallet_app.history(
        live_server.context, demo.customer_id, HistoryFilter(kind="payment")).movements)
    assert paid is not None
    ids = {"payment": paid, "mandate": demo.mandate_id}
    clients: dict[str, tuple[httpx.Client, str]] = {
        "meera": _customer_client(live_server, PHONE),
        "ravi": _customer_client(live_server, RAVI),
        "merchant": _signed_in(live_server, "owner@chai.example"),
    }
    anonymous = live_server.api()
    clients["anonymous"] = (anonymous, anonymous.get("/wallet").cookies["paysetu_login_csrf"])
    problems = []
    for (method, _path), (holder, build) in WALLET_CASES.items():
        for caller in WALLET_CALLERS:
            want = _wallet_expected(holder, caller)
            if method == "POST" and want == 200:
                continue  # Meera's own posts: tests/browser/test_wallet_app.py
            client, csrf = clients[caller]
            form = {"csrf_token": csrf, "action": "revoke", "wallet": demo.wallet_id,
                    "amount": "10", "source": "upi", "upi_id": "ravi@okbank"}
            got = (client.get(build(ids)) if method == "GET" else
                   client.post(build(ids), data=form))
            if got.status_code != want or (want == 303 and got.headers["location"] != "/wallet"):
                problems.append(f"{caller} {method} {build(ids)}: {got.status_code}, "
                                f"wanted {want}")
    history = clients["meera"][0]
    for cursor in ("%C2%B2", "-1", "9" * 40, "x"):  # not a posting id: the first page
        got = history.get(f"/wallet/history?before={cursor}")
        if got.status_code != 200 or 'data-testid="no-movements"' in got.text:
            problems.append(f"meera GET /wallet/history?before={cursor}: {got.status_code}")
    oldest = history.get("/wallet/history?before=1")  # nothing older than the first posting
    assert oldest.status_code == 200
    assert 'data-testid="no-movements"' in oldest.text
    for client, _csrf in clients.values():
        client.close()
    assert problems == [], "\n".join(problems)
