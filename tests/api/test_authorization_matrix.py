"""The authorisation matrix: every operation of the OpenAPI document x every kind of caller.

Two merchants, A and B, each with a customer wallet, a payment, a refund, a webhook endpoint,
events and an FX quote. Every operation is sent aimed at A's objects by each caller:

=============  ============================================================================
caller         expected
=============  ============================================================================
no key         401 everywhere
revoked key    401 everywhere (a merchant A key, revoked)
platform       2xx everywhere
merchant A     2xx on A's objects and on the merchant-scoped lists; 404 on platform-only
merchant B     404 on A's objects and platform-only operations; lists answer 2xx with B's
               objects and none of A's
lender         404 on every merchant object; 2xx on lending's own lists and objects
customer A     401 on every API-key operation; 2xx on its own approvals, mandates, PIN
customer B     401 on every API-key operation; 404 on A's approvals and mandates; its own
               lists without any of A's
=============  ============================================================================

Customer routes (``/v1/customer/...``) answer 401 to every API key: a merchant or the
platform key can never approve a payment. Signing out runs last (it ends the sessions).

A 404 is exactly an error object: never a field of the object it hides. The operations come
from the served OpenAPI document, and :data:`CASES` must name each of them: a new route without
an expectation fails :func:`test_every_operation_has_an_expectation`.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import Enum
from typing import Any

from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.customers.rules.identity import code_digest
from paysetu.customers.usecases import money_requests, transfers
from paysetu.kernel.clock import FixedClock
from paysetu.lending.rules.classification import AssetClass
from tests.api.alipay_setup import app_body, precreate_query, trade_no_of
from tests.api.conftest import Keys
from tests.api.customer_setup import PIN, customer_wallet, signed_in_with_pin
from tests.api.payment_setup import merchant, ok

RATES_CSV = ("base_currency,quote_currency,rate,as_of\nCNY,INR,11.7,2026-04-01\n"
             "INR,USD,0.012,2026-04-01\n")  # the marketplace's sellers are paid in USD
STATEMENT_CSV = "date,end_to_end_id,amount,currency,description\n2026-04-01,E2EMATRIX1,1.00,INR,x\n"
SETTLEMENT_DATE = "2026-04-02"
PAYOUT_ACCOUNT = {"currency": "INR", "holder_name": "Matrix Traders", "country": "IN",
                  "account_number": "001234567890", "bank_code": "HDFC0000123"}
PUBLIC_ROUTES = frozenset({"/healthz", "/metrics", "/openapi.json", "/docs",
                           "/docs/oauth2-redirect", "/redoc", "/gateway.do",
                           "/alipay/return/{trade_no}", "/docs-assets/redoc.standalone.js"})
"""Served outside the OpenAPI document, without a key: operations, not data."""


class Access(Enum):
    """Who may use an operation aimed at merchant A's objects."""

    PLATFORM = frozenset({"platform"})
    OWNED = frozenset({"platform", "merchant_a"})
    LIST = frozenset({"platform", "merchant_a", "merchant_b"})
    ANY_KEY = frozenset({"platform", "merchant_a", "merchant_b", "lender"})
    """Lists every role may read, each its own (lending: a lender's loans, products)."""
    LENDERS = frozenset({"platform", "lender"})
    CUSTOMER = frozenset({"customer_a"})
    """A's customer's own payment or mandate (customer B: 404; API keys: 401)."""
    CUSTOMER_SELF = frozenset({"customer_a", "customer_b"})
    """The signed-in customer's own lists, session and PIN (API keys: 401)."""
    PUBLIC = frozenset({"anyone"})
    """Signing in: no credential needed (throttled instead)."""


CALLERS = ("none", "revoked", "platform", "merchant_a", "merchant_b", "lender", "customer_a",
           "customer_b")
CUSTOMERS = frozenset({"customer_a", "customer_b"})
CUSTOMER_RULES = frozenset({Access.CUSTOMER, Access.CUSTOMER_SELF})
PHONES = {"a": "+919876533301", "b": "+919876533302"}


@dataclass(frozen=True)
class Shop:
    """One merchant's objects, all created with the platform key."""

    merchant: str
    customer: str
    wallet: str
    payment: str
    refund: str
    endpoint: str
    events: tuple[str, ...]
    quote: str
    application: str = ""
    loan: str = ""
    checkout: str = ""
    alipay_app: str = ""
    mandate: str = ""
    """A live mandate of the customer's for the merchant."""
    approval: str = ""
    """A payment of the merchant's waiting for the customer (requires_action)."""
    sellers: tuple[str, ...] = ()
    market_order: str = ""
    share: str = ""
    line: str = ""
    """The shop's credit line at the matrix's bank, drawn (its sales are settled)."""
    line_application: str = ""
    """The shop's application for a line at another lender, waiting."""

    def ids(self) -> set[str]:
        return {self.merchant, self.customer, self.wallet, self.payment, self.refund,
                self.endpoint, self.quote, *self.events, *self.sellers} | {
                    i for i in (self.application, self.loan, self.checkout, self.alipay_app,
                                self.mandate, self.approval, self.market_order, self.share,
                                self.line, self.line_application)
                    if i}


@dataclass(frozen=True)
class World:
    client: TestClient
    headers: dict[str, dict[str, str]]
    a: Shop
    b: Shop
    reconciliation: str
    lender: str = ""
    settlement: str = ""
    """Merchant A's settlement batch (paid out, so it has every file)."""
    npa_loan: str = ""
    """A loan of merchant A's the matrix's lender holds as an NPA (so it can be written off)."""
    refinance_claim: str = ""
    """The matrix's lender's refinance claim over A's loan, paid by the apex."""
    context: AppContext | None = None
    caller: str = ""
    """Who the operation is about to be sent as (set per request)."""

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return ok(self.client.post(path, json=body, headers=self.headers["platform"]))

    def payment(self, **fields: Any) -> str:
        """A fresh payment of merchant A's (for operations that change a payment), an operator
        debit when confirmed."""
        body = {"amount_minor": 10_00, "currency": "INR", "wallet": self.a.wallet,
                "merchant": self.a.merchant, "operator_reason": "matrix", **fields}
        return str(self.post("/v1/payments", body)["id"])

    def awaiting_customer(self) -> str:
        """A fresh payment of merchant A's waiting for A's customer."""
        body = {"amount_minor": 10_00, "currency": "INR", "wallet": self.a.wallet,
                "merchant": self.a.merchant, "confirm": True}
        return str(self.post("/v1/payments", body)["id"])

    def pending_mandate(self) -> str:
        """A fresh mandate of merchant A's on A's customer's wallet, not yet approved."""
        return str(self.post("/v1/mandates", _mandate_body(self.a))["id"])

    def fresh_code(self) -> str:
        """A sign-in code of the caller's own number (A's for API keys), written as the SMS
        port would have sent it."""
        phone = PHONES["b" if self.caller == "customer_b" else "a"]
        return _write_code(_context(self), phone)

    def marketplace_order(self) -> dict[str, Any]:
        """A fresh paid order of marketplace A's across both its sellers."""
        return self.post("/v1/marketplace_orders", _order_body(self.a))

    def checkout_session(self) -> str:
        """A fresh open checkout session of merchant A's."""
        return str(self.post("/v1/checkout_sessions", _checkout_body(self.a.merchant))["id"])

    def alipay_trade(self) -> str:
        """A fresh precreated Alipay trade of merchant A's app (1.00 INR): its trade_no."""
        app = self.client.get(f"/v1/alipay_apps/{self.a.alipay_app}",
                              headers=self.headers["platform"]).json()
        out_trade_no = f"M{next(_TRADE_NUMBERS)}"
        clock = self.client.app.state.context.clock  # type: ignore[attr-defined]
        answer = self.client.get(f"/gateway.do?{precreate_query(app, out_trade_no, clock.now())}")
        return trade_no_of(app, answer.text)

    def new_lender(self) -> str:
        """A fresh lender (a merchant has at most one credit line per lender)."""
        return str(self.post("/v1/lenders", {"name": "Matrix Cooperative", "kind": "bank"})["id"])

    def fresh_line(self) -> str:
        """A fresh, undrawn credit line of merchant A's (at a fresh lender)."""
        return str(self.post("/v1/credit_lines", _line_body(self.new_lender(), self.a))["id"])

    def npa_line(self) -> str:
        """A fresh credit line of merchant A's classified sub-standard directly (the matrix
        checks who may write a line off; close of business's own tests classify lines)."""
        line_id = self.fresh_line()
        assert self.context is not None
        with self.context.uow_factory() as uow:
            line = uow.credit_lines.get(line_id)
            assert line is not None
            uow.credit_lines.save(replace(line, asset_class=AssetClass.SUBSTANDARD,
                                          npa_since=self.context.clock.now().date()))
            uow.commit()
        return line_id

    def line_application(self) -> str:
        """A fresh credit line application of merchant A's (to a fresh lender)."""
        return str(self.post("/v1/credit_line_applications",
                             _line_application_body(self))["id"])

    def loan_application(self) -> str:
        """A fresh loan application of merchant A's to the matrix's lender."""
        return str(self.post("/v1/loan_applications", _application_body(self.lender, self.a))["id"])

    def approved_loan(self) -> str:
        """A fresh approved (not yet disbursed) loan of merchant A's."""
        approved = self.post(f"/v1/loan_applications/{self.loan_application()}/approve",
                             {"rate_bps": 1200, "reason": "matrix"})
        return str(approved["loan"])


Request = tuple[str, dict[str, Any] | None]
"""The URL (with its query) and the JSON body, if any."""
Builder = Callable[[World], Request]


def _line_body(lender: str, shop: Shop) -> dict[str, Any]:
    return {"merchant": shop.merchant, "lender": lender, "category": "shishu",
            "limit_minor": 40_000_00, "rate_bps": 1600, "review_due": "2027-03-31"}


def _application_body(lender: str, shop: Shop) -> dict[str, Any]:
    return {"lender": lender, "product": "lpr_pmmy_shishu", "amount_minor": 20_000_00,
            "tenure_periods": 12, "purpose": "stock", "merchant": shop.merchant}


def _checkout_body(merchant_id: str) -> dict[str, Any]:
    return {"amount_minor": 100_00, "currency": "INR", "merchant": merchant_id,
            "return_url": "https://shop.example/done"}


def _order_body(shop: Shop) -> dict[str, Any]:
    """An order across both sellers paid from the customer's wallet by the operator (the
    platform key, with its reason)."""
    return {**_cart(shop), "wallet": shop.wallet, "operator_reason": "matrix"}


def _cart(shop: Shop) -> dict[str, Any]:
    return {"amount_minor": 30_00, "currency": "INR", "marketplace": shop.merchant,
            "lines": [{"seller": shop.sellers[0], "amount_minor": 20_00, "category": "books"},
                      {"seller": shop.sellers[1], "amount_minor": 10_00}]}


def _checkout_order_body(shop: Shop) -> dict[str, Any]:
    """An order across both sellers to be paid on the hosted checkout (any caller may ask)."""
    return {**_cart(shop), "return_url": "https://shop.example/done"}


def _seller_body(marketplace: str, name: str) -> dict[str, Any]:
    return {"legal_name": name, "country": "US", "settlement_currency": "USD",
            "marketplace": marketplace}


def _fresh_seller_of_b(w: World) -> Request:
    seller = w.post("/v1/sellers", _seller_body(w.b.merchant, "Linked Seller"))["id"]
    return f"/v1/marketplaces/{w.a.merchant}/sellers", {"seller": seller}


def _fresh_merchant(w: World) -> Request:
    fresh = w.post("/v1/merchants", {"legal_name": "New Bazaar", "country": "IN",
                                     "settlement_currency": "INR"})["id"]
    return "/v1/marketplaces", {"merchant": fresh, "commission_bps": 500}


def _customer_without_wallet(w: World) -> Request:
    customer = w.post("/v1/customers", {"name": "Meera", "kyc_tier": "full"})["id"]
    return "/v1/wallets", {"customer": customer, "currency": "INR"}


def _mandate_body(shop: Shop) -> dict[str, Any]:
    return {"wallet": shop.wallet, "amount_max_minor": 1_000_00, "currency": "INR",
            "frequency": "as_presented", "purpose": "Matrix", "valid_until": 2_000_000_000,
            "merchant": shop.merchant}


_CODE = "314159"


def _write_code(context: AppContext, phone: str) -> str:
    """Store a known sign-in code for ``phone`` (what request_code would have texted)."""
    salt = context.secrets.salt()
    now = context.clock.now()
    with context.uow_factory() as uow:
        uow.customer_auth.replace_code(phone, salt, code_digest(salt, _CODE), now,
                                       now + timedelta(minutes=5))
        uow.commit()
    return _CODE


_PHONE_NUMBERS = itertools.count(10)


def _context(w: World) -> AppContext:
    assert w.context is not None
    return w.context


def _escrowed(w: World) -> str:
    return w.payment(confirm=True, escrow=True)


CASES: dict[tuple[str, str], tuple[Access, Builder]] = {
    ("POST", "/v1/customers"): (Access.PLATFORM, lambda w: ("/v1/customers", {"name": "Ravi"})),
    ("GET", "/v1/customers"): (Access.PLATFORM, lambda w: ("/v1/customers", None)),
    ("GET", "/v1/customers/{customer_id}"): (
        Access.PLATFORM, lambda w: (f"/v1/customers/{w.a.customer}", None)),
    ("POST", "/v1/wallets"): (Access.PLATFORM, _customer_without_wallet),
    ("GET", "/v1/wallets"): (Access.PLATFORM, lambda w: ("/v1/wallets", None)),
    ("GET", "/v1/wallets/{wallet_id}"): (
        Access.PLATFORM, lambda w: (f"/v1/wallets/{w.a.wallet}", None)),
    ("POST", "/v1/wallets/{wallet_id}/top_ups"): (Access.PLATFORM, lambda w: (
        f"/v1/wallets/{w.a.wallet}/top_ups", {"amount_minor": 1, "currency": "INR"})),
    ("POST", "/v1/wallets/{wallet_id}/transfers"): (Access.PLATFORM, lambda w: (
        f"/v1/wallets/{w.a.wallet}/transfers",
        {"amount_minor": 1, "currency": "INR", "destination": w.b.wallet})),
    ("POST", "/v1/wallets/{wallet_id}/withdrawals"): (Access.PLATFORM, lambda w: (
        f"/v1/wallets/{w.a.wallet}/withdrawals", {"amount_minor": 1, "currency": "INR"})),
    ("POST", "/v1/merchants"): (Access.PLATFORM, lambda w: (
        "/v1/merchants", {"legal_name": "Dosa Hut", "country": "IN",
                          "settlement_currency": "INR"})),
    ("GET", "/v1/merchants"): (Access.LIST, lambda w: ("/v1/merchants", None)),
    ("GET", "/v1/merchants/{merchant_id}"): (
        Access.OWNED, lambda w: (f"/v1/merchants/{w.a.merchant}", None)),
    ("POST", "/v1/webhook_endpoints"): (Access.OWNED, lambda w: (
        "/v1/webhook_endpoints", {"url": "https://a.example/hooks", "enabled_events": ["*"],
                                  "merchant": w.a.merchant})),
    ("GET", "/v1/webhook_endpoints"): (Access.LIST, lambda w: ("/v1/webhook_endpoints", None)),
    ("GET", "/v1/webhook_endpoints/{endpoint_id}"): (
        Access.OWNED, lambda w: (f"/v1/webhook_endpoints/{w.a.endpoint}", None)),
    ("DELETE", "/v1/webhook_endpoints/{endpoint_id}"): (
        Access.OWNED, lambda w: (f"/v1/webhook_endpoints/{w.a.endpoint}", None)),
    ("GET", "/v1/webhook_endpoints/{endpoint_id}/deliveries"): (
        Access.OWNED, lambda w: (f"/v1/webhook_endpoints/{w.a.endpoint}/deliveries", None)),
    ("GET", "/v1/events"): (Access.LIST, lambda w: ("/v1/events", None)),
    ("GET", "/v1/events/{event_id}"): (
        Access.OWNED, lambda w: (f"/v1/events/{w.a.events[0]}", None)),
    ("POST", "/v1/payments"): (Access.OWNED, lambda w: ("/v1/payments", {
        "amount_minor": 1_00, "currency": "INR", "wallet": w.a.wallet,
        "merchant": w.a.merchant, "confirm": True})),
    ("GET", "/v1/payments"): (Access.LIST, lambda w: ("/v1/payments", None)),
    ("GET", "/v1/payments/{payment_id}"): (
        Access.OWNED, lambda w: (f"/v1/payments/{w.a.payment}", None)),
    ("POST", "/v1/payments/{payment_id}/confirm"): (
        Access.OWNED, lambda w: (f"/v1/payments/{w.payment()}/confirm", None)),
    ("POST", "/v1/payments/{payment_id}/capture"): (Access.OWNED, lambda w: (
        f"/v1/payments/{w.payment(confirm=True, capture_method='manual')}/capture", None)),
    ("POST", "/v1/payments/{payment_id}/cancel"): (
        Access.OWNED, lambda w: (f"/v1/payments/{w.payment()}/cancel", None)),
    ("POST", "/v1/payments/{payment_id}/release"): (
        Access.PLATFORM, lambda w: (f"/v1/payments/{_escrowed(w)}/release", None)),
    ("POST", "/v1/payments/{payment_id}/dispute"): (
        Access.PLATFORM, lambda w: (f"/v1/payments/{_escrowed(w)}/dispute", None)),
    ("POST", "/v1/mandates"): (Access.OWNED, lambda w: ("/v1/mandates", _mandate_body(w.a))),
    ("GET", "/v1/mandates"): (Access.LIST, lambda w: ("/v1/mandates", None)),
    ("GET", "/v1/mandates/{mandate_id}"): (
        Access.OWNED, lambda w: (f"/v1/mandates/{w.a.mandate}", None)),
    ("POST", "/v1/mandates/{mandate_id}/notices"): (Access.OWNED, lambda w: (
        f"/v1/mandates/{w.a.mandate}/notices", {"amount_minor": 1_00, "debit_after": 0})),
    ("POST", "/v1/mandates/{mandate_id}/cancel"): (
        Access.OWNED, lambda w: (f"/v1/mandates/{w.pending_mandate()}/cancel", None)),
    ("POST", "/v1/refunds"): (
        Access.OWNED, lambda w: ("/v1/refunds", {"payment": w.a.payment, "amount_minor": 1})),
    ("GET", "/v1/refunds"): (Access.LIST, lambda w: ("/v1/refunds", None)),
    ("GET", "/v1/refunds/{refund_id}"): (
        Access.OWNED, lambda w: (f"/v1/refunds/{w.a.refund}", None)),
    ("GET", "/v1/balance_transactions"): (
        Access.LIST, lambda w: ("/v1/balance_transactions", None)),
    ("POST", "/v1/fx_quotes"): (Access.OWNED, lambda w: ("/v1/fx_quotes", {
        "sell_currency": "CNY", "buy_currency": "INR", "buy_amount_minor": 100_00,
        "merchant": w.a.merchant})),
    ("GET", "/v1/fx_quotes/{quote_id}"): (
        Access.OWNED, lambda w: (f"/v1/fx_quotes/{w.a.quote}", None)),
    ("POST", "/v1/fx_rates"): (
        Access.PLATFORM, lambda w: ("/v1/fx_rates", {"csv": RATES_CSV})),
    ("GET", "/v1/fx_rates"): (Access.PLATFORM, lambda w: ("/v1/fx_rates", None)),
    ("POST", "/v1/reconciliations"): (Access.PLATFORM, lambda w: (
        "/v1/reconciliations", {"format": "csv", "content": STATEMENT_CSV})),
    ("GET", "/v1/reconciliations"): (Access.PLATFORM, lambda w: ("/v1/reconciliations", None)),
    ("GET", "/v1/reconciliations/{reconciliation_id}"): (
        Access.PLATFORM, lambda w: (f"/v1/reconciliations/{w.reconciliation}", None)),
    ("GET", "/v1/reconciliations/{reconciliation_id}/lines"): (
        Access.PLATFORM, lambda w: (f"/v1/reconciliations/{w.reconciliation}/lines", None)),
    ("POST", "/v1/settlements"): (
        Access.PLATFORM, lambda w: ("/v1/settlements", {"date": SETTLEMENT_DATE})),
    ("GET", "/v1/settlements"): (Access.LIST, lambda w: ("/v1/settlements", None)),
    ("GET", "/v1/settlements/{settlement_id}"): (
        Access.OWNED, lambda w: (f"/v1/settlements/{w.settlement}", None)),
    ("GET", "/v1/settlements/{settlement_id}/items"): (
        Access.OWNED, lambda w: (f"/v1/settlements/{w.settlement}/items", None)),
    ("GET", "/v1/settlements/{settlement_id}/files/{kind}"): (
        Access.OWNED, lambda w: (f"/v1/settlements/{w.settlement}/files/pain001", None)),
    ("POST", "/v1/merchants/{merchant_id}/payout_accounts"): (Access.OWNED, lambda w: (
        f"/v1/merchants/{w.a.merchant}/payout_accounts", PAYOUT_ACCOUNT)),
    ("GET", "/v1/merchants/{merchant_id}/payout_accounts"): (
        Access.OWNED, lambda w: (f"/v1/merchants/{w.a.merchant}/payout_accounts", None)),
    ("GET", "/v1/merchants/{merchant_id}/settlement_schedule"): (
        Access.OWNED, lambda w: (f"/v1/merchants/{w.a.merchant}/settlement_schedule", None)),
    ("POST", "/v1/merchants/{merchant_id}/settlement_schedule"): (Access.PLATFORM, lambda w: (
        f"/v1/merchants/{w.a.merchant}/settlement_schedule", {"delay_days": 1})),
}

CASES.update({
    ("POST", "/v1/lenders"): (
        Access.PLATFORM, lambda w: ("/v1/lenders", {"name": "Matrix NBFC", "kind": "nbfc"})),
    ("GET", "/v1/lenders"): (Access.LENDERS, lambda w: ("/v1/lenders", None)),
    ("GET", "/v1/lenders/{lender_id}"): (
        Access.PLATFORM, lambda w: (f"/v1/lenders/{w.lender}", None)),
    ("POST", "/v1/lenders/{lender_id}/funding"): (Access.PLATFORM, lambda w: (
        f"/v1/lenders/{w.lender}/funding", {"amount_minor": 1, "currency": "INR"})),
    ("GET", "/v1/loan_products"): (Access.ANY_KEY, lambda w: ("/v1/loan_products", None)),
    ("GET", "/v1/loan_products/{product_id}"): (
        Access.ANY_KEY, lambda w: ("/v1/loan_products/lpr_pmmy_shishu", None)),
    ("POST", "/v1/loan_applications"): (
        Access.OWNED, lambda w: ("/v1/loan_applications", _application_body(w.lender, w.a))),
    ("GET", "/v1/loan_applications"): (
        Access.ANY_KEY, lambda w: ("/v1/loan_applications", None)),
    ("GET", "/v1/loan_applications/{application_id}"): (
        Access.OWNED, lambda w: (f"/v1/loan_applications/{w.a.application}", None)),
    ("POST", "/v1/loan_applications/{application_id}/approve"): (Access.PLATFORM, lambda w: (
        f"/v1/loan_applications/{w.loan_application()}/approve",
        {"rate_bps": 1200, "reason": "matrix"})),
    ("POST", "/v1/loan_applications/{application_id}/reject"): (Access.PLATFORM, lambda w: (
        f"/v1/loan_applications/{w.loan_application()}/reject", {"reason": "matrix"})),
    ("GET", "/v1/loans"): (Access.ANY_KEY, lambda w: ("/v1/loans", None)),
    ("GET", "/v1/loans/{loan_id}"): (Access.OWNED, lambda w: (f"/v1/loans/{w.a.loan}", None)),
    ("POST", "/v1/loans/{loan_id}/disburse"): (
        Access.PLATFORM, lambda w: (f"/v1/loans/{w.approved_loan()}/disburse", None)),
    ("GET", "/v1/loans/{loan_id}/schedule"): (
        Access.OWNED, lambda w: (f"/v1/loans/{w.a.loan}/schedule", None)),
    ("POST", "/v1/loans/{loan_id}/repayments"): (Access.OWNED, lambda w: (
        f"/v1/loans/{w.a.loan}/repayments", {"type": "prepayment", "amount_minor": 1_00})),
    ("GET", "/v1/loans/{loan_id}/repayments"): (
        Access.OWNED, lambda w: (f"/v1/loans/{w.a.loan}/repayments", None)),
    ("POST", "/v1/loans/{loan_id}/write_off"): (Access.PLATFORM, lambda w: (
        f"/v1/loans/{w.npa_loan}/write_off", {"reason": "matrix"})),
    ("POST", "/v1/lending/close_days"): (
        Access.PLATFORM, lambda w: ("/v1/lending/close_days", {"date": SETTLEMENT_DATE})),
    ("POST", "/v1/refinance_claims"): (Access.PLATFORM, lambda w: ("/v1/refinance_claims", {
        "lender": w.lender, "share_bps": 100, "loans": [w.b.loan]})),
    ("GET", "/v1/refinance_claims"): (Access.LENDERS, lambda w: ("/v1/refinance_claims", None)),
    ("GET", "/v1/lending/portfolio"): (Access.LENDERS, lambda w: ("/v1/lending/portfolio", None)),
    ("GET", "/v1/lending/portfolio_history"): (
        Access.LENDERS, lambda w: ("/v1/lending/portfolio_history", None)),
    ("GET", "/v1/refinance_claims/{claim_id}"): (
        Access.PLATFORM, lambda w: (f"/v1/refinance_claims/{w.refinance_claim}", None)),
    ("POST", "/v1/credit_lines"): (
        Access.PLATFORM, lambda w: ("/v1/credit_lines", _line_body(w.new_lender(), w.a))),
    ("GET", "/v1/credit_lines"): (Access.ANY_KEY, lambda w: ("/v1/credit_lines", None)),
    ("GET", "/v1/credit_lines/{line_id}"): (
        Access.OWNED, lambda w: (f"/v1/credit_lines/{w.a.line}", None)),
    ("POST", "/v1/credit_lines/{line_id}/draws"): (Access.OWNED, lambda w: (
        f"/v1/credit_lines/{w.a.line}/draws", {"amount_minor": 1_00})),
    ("POST", "/v1/credit_lines/{line_id}/repayments"): (Access.OWNED, lambda w: (
        f"/v1/credit_lines/{w.a.line}/repayments", {"amount_minor": 1_00})),
    ("POST", "/v1/credit_lines/{line_id}/renew"): (Access.PLATFORM, lambda w: (
        f"/v1/credit_lines/{w.a.line}/renew", {"review_due": "2027-06-30"})),
    ("POST", "/v1/credit_lines/{line_id}/close"): (
        Access.OWNED, lambda w: (f"/v1/credit_lines/{w.fresh_line()}/close", None)),
    ("POST", "/v1/credit_lines/{line_id}/write_off"): (Access.PLATFORM, lambda w: (
        f"/v1/credit_lines/{w.npa_line()}/write_off", {"reason": "matrix"})),
    ("POST", "/v1/credit_line_applications"): (Access.OWNED, lambda w: (
        "/v1/credit_line_applications", _line_application_body(w))),
    ("GET", "/v1/credit_line_applications"): (
        Access.ANY_KEY, lambda w: ("/v1/credit_line_applications", None)),
    ("GET", "/v1/credit_line_applications/{application_id}"): (Access.OWNED, lambda w: (
        f"/v1/credit_line_applications/{w.line_application()}", None)),
    ("POST", "/v1/credit_line_applications/{application_id}/approve"): (
        Access.PLATFORM, lambda w: (f"/v1/credit_line_applications/{w.line_application()}"
                                    "/approve", {"rate_bps": 1400, "review_due": "2027-03-31",
                                                 "reason": "matrix"})),
    ("POST", "/v1/credit_line_applications/{application_id}/reject"): (
        Access.PLATFORM, lambda w: (f"/v1/credit_line_applications/{w.line_application()}"
                                    "/reject", {"reason": "matrix"})),
    ("GET", "/v1/credit_lines/{line_id}/statement"): (
        Access.OWNED, lambda w: (f"/v1/credit_lines/{w.a.line}/statement", None)),
})
"""Lending: merchants see their own applications and loans, lenders theirs (the matrix's lender
key owns none of A's), and only lenders (or the platform) decide and disburse."""

CASES.update({
    ("POST", "/v1/checkout_sessions"): (
        Access.OWNED, lambda w: ("/v1/checkout_sessions", _checkout_body(w.a.merchant))),
    ("GET", "/v1/checkout_sessions"): (Access.LIST, lambda w: ("/v1/checkout_sessions", None)),
    ("GET", "/v1/checkout_sessions/{session_id}"): (
        Access.OWNED, lambda w: (f"/v1/checkout_sessions/{w.a.checkout}", None)),
    ("POST", "/v1/checkout_sessions/{session_id}/expire"): (Access.OWNED, lambda w: (
        f"/v1/checkout_sessions/{w.checkout_session()}/expire", None)),
})
"""Checkout sessions: a merchant's own (the hosted page itself needs no key: it is a web page,
outside the OpenAPI document)."""

CASES.update({
    ("POST", "/v1/alipay_apps"): (Access.OWNED, lambda w: ("/v1/alipay_apps",
                                                           app_body(w.a.merchant))),
    ("GET", "/v1/alipay_apps"): (Access.LIST, lambda w: ("/v1/alipay_apps", None)),
    ("GET", "/v1/alipay_apps/{app_id}"): (
        Access.OWNED, lambda w: (f"/v1/alipay_apps/{w.a.alipay_app}", None)),
    ("POST", "/v1/customer/alipay_payment_codes"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/alipay_payment_codes", {"currency": "INR", "pin": PIN})),
    ("POST", "/v1/alipay_trades/{trade_no}/pay"): (Access.PLATFORM, lambda w: (
        f"/v1/alipay_trades/{w.alipay_trade()}/pay",
        {"wallet": w.a.wallet, "operator_reason": "matrix"})),
})
"""Alipay apps are the merchant's own; a payment code is the signed-in customer's own (for
their own wallet, PIN checked); paying a trade by API is the wallet operator's (platform).
The gateway itself (``/gateway.do``) takes no API key: it is signed."""
_TRADE_NUMBERS = itertools.count(1)

_THIRD_PHONES = itertools.count(10)


def _third(w: World) -> tuple[str, str]:
    """A fresh funded customer C (neither A nor B): ``(customer, phone)``."""
    phone = f"+9198765335{next(_THIRD_PHONES):02d}"
    customer = w.post("/v1/customers", {"name": "Chitra Rao", "kyc_tier": "full",
                                        "phone": phone})["id"]
    wallet = w.post("/v1/wallets", {"customer": customer, "currency": "INR"})["id"]
    w.post(f"/v1/wallets/{wallet}/top_ups", {"amount_minor": 100_00, "currency": "INR"})
    return str(customer), phone


def _transfer_of_a(w: World) -> str:
    """A fresh transfer from A's customer to a third customer."""
    context = _context(w)
    third, _ = _third(w)
    with context.uow_factory() as uow:
        moved = transfers.move(context, uow, w.a.customer, third, 1_00, "INR", None, None)
        uow.commit()
    assert moved is not None
    return moved.id


def _request_between(w: World, a_pays: bool) -> str:
    """A fresh money request: a third customer asks A (``a_pays``) or A asks a third one."""
    context = _context(w)
    third, phone = _third(w)
    if a_pays:
        asked = money_requests.create(context, third, PHONES["a"], 1_00, "INR", None)
    else:
        asked = money_requests.create(context, w.a.customer, phone, 1_00, "INR", None)
    return str(asked["id"])


CASES.update({
    ("POST", "/v1/customer/payees"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/payees", {"phone": _third(w)[1]})),
    ("POST", "/v1/customer/transfers"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/transfers", {"phone": _third(w)[1], "amount_minor": 1_00, "pin": PIN})),
    ("GET", "/v1/customer/transfers"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/transfers", None)),
    ("GET", "/v1/customer/transfers/{transfer_id}"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/transfers/{_transfer_of_a(w)}", None)),
    ("POST", "/v1/customer/money_requests"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/money_requests", {"phone": _third(w)[1], "amount_minor": 1_00})),
    ("GET", "/v1/customer/money_requests"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/money_requests", None)),
    ("GET", "/v1/customer/money_requests/{request_id}"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/money_requests/{_request_between(w, a_pays=False)}", None)),
    ("POST", "/v1/customer/money_requests/{request_id}/pay"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/money_requests/{_request_between(w, a_pays=True)}/pay", {"pin": PIN})),
    ("POST", "/v1/customer/money_requests/{request_id}/{action}"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/money_requests/{_request_between(w, a_pays=True)}/decline", None)),
})
"""Person-to-person money: the customer's own transfers and requests (sent or received; a
customer who is neither party: 404), with a third customer as the other party."""

CASES.update({
    ("POST", "/v1/customer/sign_in_codes"): (Access.PUBLIC, lambda w: (
        "/v1/customer/sign_in_codes", {"phone": f"+9198765440{next(_PHONE_NUMBERS):02d}"})),
    ("POST", "/v1/customer/sessions"): (Access.PUBLIC, lambda w: (
        "/v1/customer/sessions", {"phone": PHONES["a"], "code": _write_code(
            _context(w), PHONES["a"])})),
    ("GET", "/v1/customer/session"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/session", None)),
    ("POST", "/v1/customer/pin"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/pin", {"pin": PIN, "code": w.fresh_code()})),
    ("GET", "/v1/customer/approvals"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/approvals", None)),
    ("POST", "/v1/customer/approvals/{payment_id}/approve"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/approvals/{w.awaiting_customer()}/approve", {"pin": PIN})),
    ("POST", "/v1/customer/approvals/{payment_id}/refuse"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/approvals/{w.awaiting_customer()}/refuse", None)),
    ("GET", "/v1/customer/mandates"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/mandates", None)),
    ("POST", "/v1/customer/mandates/{mandate_id}/{action}"): (Access.CUSTOMER, lambda w: (
        f"/v1/customer/mandates/{w.pending_mandate()}/approve", {"pin": PIN})),
    ("POST", "/v1/customer/payments"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/payments", {"merchant": w.a.merchant, "amount_minor": 1_00,
                                  "currency": "INR", "pin": PIN,
                                  "request_key": f"matrix-{next(_PHONE_NUMBERS)}"})),
    ("GET", "/v1/customer/notifications"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/notifications", None)),
    ("POST", "/v1/customer/notifications/seen"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/notifications/seen", None)),
    ("POST", "/v1/customer/session/delete"): (Access.CUSTOMER_SELF, lambda w: (
        "/v1/customer/session/delete", None)),
})
"""The customer's own routes: a customer session only (every API key: 401), and only the
customer's own payments and mandates (another customer: 404). Signing out is last."""

CASES.update({
    ("POST", "/v1/marketplaces"): (Access.PLATFORM, _fresh_merchant),
    ("GET", "/v1/marketplaces/{marketplace_id}"): (
        Access.OWNED, lambda w: (f"/v1/marketplaces/{w.a.merchant}", None)),
    ("POST", "/v1/marketplaces/{marketplace_id}/sellers"): (Access.PLATFORM, _fresh_seller_of_b),
    ("POST", "/v1/sellers"): (
        Access.OWNED, lambda w: ("/v1/sellers", _seller_body(w.a.merchant, "Matrix Seller"))),
    ("GET", "/v1/sellers"): (
        Access.OWNED, lambda w: (f"/v1/sellers?marketplace={w.a.merchant}", None)),
    ("GET", "/v1/sellers/{seller_id}"): (
        Access.OWNED, lambda w: (f"/v1/sellers/{w.a.sellers[0]}", None)),
    ("POST", "/v1/sellers/{seller_id}/kyc"): (Access.PLATFORM, lambda w: (
        f"/v1/sellers/{w.a.sellers[0]}/kyc", {"kyc_status": "verified"})),
    ("POST", "/v1/marketplace_orders"): (
        Access.OWNED, lambda w: ("/v1/marketplace_orders", _checkout_order_body(w.a))),
    ("GET", "/v1/marketplace_orders"): (
        Access.OWNED, lambda w: (f"/v1/marketplace_orders?marketplace={w.a.merchant}", None)),
    ("GET", "/v1/marketplace_orders/{order_id}"): (
        Access.OWNED, lambda w: (f"/v1/marketplace_orders/{w.a.market_order}", None)),
    ("POST", "/v1/marketplace_orders/{order_id}/confirm_delivery"): (Access.OWNED, lambda w: (
        f"/v1/marketplace_orders/{w.marketplace_order()['id']}/confirm_delivery", None)),
    ("GET", "/v1/marketplace_shares"): (Access.LIST, lambda w: ("/v1/marketplace_shares", None)),
    ("GET", "/v1/marketplace_shares/{share_id}"): (
        Access.OWNED, lambda w: (f"/v1/marketplace_shares/{w.a.share}", None)),
    ("POST", "/v1/marketplace_shares/{share_id}/release"): (Access.OWNED, lambda w: (
        f"/v1/marketplace_shares/{w.marketplace_order()['shares'][0]['id']}/release", None)),
    ("POST", "/v1/marketplace_shares/{share_id}/dispute"): (Access.OWNED, lambda w: (
        f"/v1/marketplace_shares/{w.marketplace_order()['shares'][0]['id']}/dispute", None)),
    ("POST", "/v1/marketplace_shares/{share_id}/returns"): (Access.OWNED, lambda w: (
        f"/v1/marketplace_shares/{w.marketplace_order()['shares'][1]['id']}/returns",
        {"amount_minor": 1_00})),
    ("GET", "/v1/marketplace_tax_reports"): (Access.OWNED, lambda w: (
        f"/v1/marketplace_tax_reports?month=2026-04&marketplace={w.a.merchant}", None)),
})
"""Marketplaces: the marketplace's key sees its sellers, orders (across several sellers) and
their shares; another merchant's key gets 404; the platform onboards, verifies and links."""



def expected_status(rule: Access, caller: str) -> int:
    if rule is Access.PUBLIC:
        return 200
    if caller in ("none", "revoked") or (caller in CUSTOMERS) != (rule in CUSTOMER_RULES):
        return 401
    return 200 if caller in rule.value else 404


def _shop(client: TestClient, platform: dict[str, str], keys: Keys, name: str) -> Shop:
    def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        return ok(client.post(path, json=body, headers=platform))

    merchant_id = merchant(client, keys)
    customer, payer = customer_wallet(client, keys, PHONES[name], 10_000_00)
    payment = post("/v1/payments", {"amount_minor": 500_00, "currency": "INR", "wallet": payer,
                                    "merchant": merchant_id, "confirm": True,
                                    "description": name, "operator_reason": "matrix"})["id"]
    refund = post("/v1/refunds", {"payment": payment, "amount_minor": 1_00})["id"]
    endpoint = post("/v1/webhook_endpoints", {"url": f"https://{name}.example/hooks",
                                              "enabled_events": ["*"],
                                              "merchant": merchant_id})["id"]
    quote = post("/v1/fx_quotes", {"sell_currency": "CNY", "buy_currency": "INR",
                                   "buy_amount_minor": 100_00, "merchant": merchant_id})["id"]
    events = ok(client.get("/v1/events", params={"limit": 100}, headers=platform))["data"]
    mine = tuple(e["id"] for e in events if json.dumps(e).find(merchant_id) >= 0)
    assert mine, "the merchant's payment emitted events"
    checkout = post("/v1/checkout_sessions", _checkout_body(merchant_id))["id"]
    alipay_app = post("/v1/alipay_apps", app_body(merchant_id))["id"]
    shop = Shop(merchant_id, customer, payer, payment, refund, endpoint, mine, quote,
                checkout=checkout, alipay_app=alipay_app)
    mandate = post("/v1/mandates", _mandate_body(shop))["id"]
    approval = post("/v1/payments", {"amount_minor": 1_00, "currency": "INR", "wallet": payer,
                                     "merchant": merchant_id, "confirm": True})["id"]
    return _marketplace(post, replace(shop, mandate=mandate, approval=approval))

def _marketplace(post: Callable[[str, dict[str, Any]], dict[str, Any]], shop: Shop) -> Shop:
    """The shop made a marketplace with two verified sellers and one order across both."""
    post("/v1/marketplaces", {"merchant": shop.merchant, "commission_bps": 1000,
                              "category_commissions": {"books": {"commission_bps": 500}}})
    sellers = tuple(post("/v1/sellers", _seller_body(shop.merchant, f"Seller {n}"))["id"]
                    for n in (1, 2))
    for seller in sellers:
        post(f"/v1/sellers/{seller}/kyc", {"kyc_status": "verified"})
    shop = replace(shop, sellers=sellers)
    order = post("/v1/marketplace_orders", _order_body(shop))
    return replace(shop, market_order=order["id"], share=order["shares"][0]["id"])


def _borrow(client: TestClient, platform: dict[str, str], lender: str, shop: Shop) -> Shop:
    """The shop's loan application, approved and disbursed."""
    application = ok(client.post("/v1/loan_applications", json=_application_body(lender, shop),
                                 headers=platform))["id"]
    loan = ok(client.post(f"/v1/loan_applications/{application}/approve",
                          json={"rate_bps": 1200, "reason": "matrix"}, headers=platform))["loan"]
    ok(client.post(f"/v1/loans/{loan}/disburse", headers=platform))
    return replace(shop, application=application, loan=loan)


def _world(client: TestClient, keys: Keys, context: AppContext) -> World:
    ok(client.post("/v1/fx_rates", json={"csv": RATES_CSV}, headers=keys.platform))
    a = _shop(client, keys.platform, keys, "a")
    b = _shop(client, keys.platform, keys, "b")
    bank = ok(client.post("/v1/lenders", json={"name": "Matrix Bank", "kind": "bank"},
                          headers=keys.platform))["id"]
    ok(client.post(f"/v1/lenders/{bank}/funding", json={"amount_minor": 10_00_000_00,
                                                        "currency": "INR"},
                   headers=keys.platform))
    a, b = _borrow(client, keys.platform, bank, a), _borrow(client, keys.platform, bank, b)
    revoked = access.create_key(context, Role.MERCHANT, a.merchant, livemode=False)
    assert access.revoke_key(context, revoked.record.id)
    lender = access.create_key(context, Role.LENDER, "lnd_matrix", livemode=False)
    reconciliation = ok(client.post("/v1/reconciliations",
                                    json={"format": "csv", "content": STATEMENT_CSV},
                                    headers=keys.platform))["id"]
    settlement = _settlement(client, keys, context, a.merchant, b.merchant)
    a = replace(a, line=_drawn_line(client, keys.platform, bank, a),
                line_application=_line_application(client, keys.platform, a))
    b = replace(b, line=_drawn_line(client, keys.platform, bank, b),
                line_application=_line_application(client, keys.platform, b))
    customer_a = signed_in_with_pin(client, context, PHONES["a"])
    customer_b = signed_in_with_pin(client, context, PHONES["b"])
    ok(client.post(f"/v1/customer/mandates/{a.mandate}/approve", json={"pin": PIN},
                   headers=customer_a))
    ok(client.post(f"/v1/customer/mandates/{b.mandate}/approve", json={"pin": PIN},
                   headers=customer_b))
    headers = {
        "customer_a": customer_a,
        "customer_b": customer_b,
        "none": {},
        "revoked": {"Authorization": f"Bearer {revoked.secret}"},
        "platform": keys.platform,
        "merchant_a": keys.merchant(context, a.merchant),
        "merchant_b": keys.merchant(context, b.merchant),
        "lender": {"Authorization": f"Bearer {lender.secret}"},
    }
    return World(client, headers, a, b, reconciliation, lender=bank, settlement=settlement,
                 context=context,
                 npa_loan=_npa_loan(client, keys.platform, context, bank, a),
                 refinance_claim=_refinance(client, keys.platform, bank, a.loan))


def _line_application_body(w: World) -> dict[str, Any]:
    """Merchant A's application for a line at a fresh lender (a merchant has at most one open
    line per lender; another merchant naming A is refused)."""
    return {"lender": w.new_lender(), "category": "shishu", "limit_minor": 40_000_00,
            "purpose": "matrix", "merchant": w.a.merchant}


def _line_application(client: TestClient, platform: dict[str, str], shop: Shop) -> str:
    """The shop's application for a line at a lender of its own, waiting."""
    lender = ok(client.post("/v1/lenders", json={"name": "Matrix Gramin Bank", "kind": "bank"},
                            headers=platform))["id"]
    return str(ok(client.post("/v1/credit_line_applications", headers=platform, json={
        "lender": lender, "category": "shishu", "limit_minor": 40_000_00, "purpose": "stock",
        "merchant": shop.merchant}))["id"])


def _drawn_line(client: TestClient, platform: dict[str, str], lender: str, shop: Shop) -> str:
    """The shop's credit line at ``lender`` (drawing power from its settled sales), drawn 10."""
    line = ok(client.post("/v1/credit_lines", json=_line_body(lender, shop), headers=platform))
    assert line["drawing_power_minor"] >= 20_00, line
    ok(client.post(f"/v1/credit_lines/{line['id']}/draws", json={"amount_minor": 10_00},
                   headers=platform))
    return str(line["id"])


def _refinance(client: TestClient, platform: dict[str, str], lender: str, loan: str) -> str:
    """An apex refinancer, funded, and its refinance of the loan: the claim's id."""
    apex = ok(client.post("/v1/lenders", json={"name": "Matrix Apex", "kind": "refinancer",
                                               "apex": True}, headers=platform))["id"]
    ok(client.post(f"/v1/lenders/{apex}/funding", json={"amount_minor": 1_00_000_00,
                                                        "currency": "INR"}, headers=platform))
    return str(ok(client.post("/v1/refinance_claims", json={
        "lender": lender, "share_bps": 5_000, "loans": [loan]}, headers=platform))["id"])


def _npa_loan(
    client: TestClient, platform: dict[str, str], context: AppContext, lender: str, shop: Shop
) -> str:
    """Another loan of the shop's, classified sub-standard directly (the matrix checks who may
    write a loan off; close of business's own tests classify loans)."""
    loan_id = _borrow(client, platform, lender, shop).loan
    with context.uow_factory() as uow:
        loan = uow.loans.get(loan_id)
        assert loan is not None
        uow.loans.save(replace(loan, asset_class=AssetClass.SUBSTANDARD,
                               npa_since=context.clock.now().date()))
        uow.commit()
    return loan_id


def _settlement(client: TestClient, keys: Keys, context: AppContext, a: str, b: str) -> str:
    """Pay both merchants out (a day later): A's batch id."""
    for merchant_id in (a, b):
        ok(client.post(f"/v1/merchants/{merchant_id}/payout_accounts", json=PAYOUT_ACCOUNT,
                       headers=keys.platform))
    assert isinstance(context.clock, FixedClock)
    context.clock.advance(timedelta(days=1))
    run = ok(client.post("/v1/settlements", json={"date": SETTLEMENT_DATE},
                         headers=keys.platform))
    (batch,) = [r["settlement"] for r in run["results"] if r["merchant"] == a]
    return str(batch)


def _problems(w: World, operation: tuple[str, str], caller: str) -> list[str]:
    rule, build = CASES[operation]
    method = operation[0]
    url, body = build(replace(w, caller=caller))
    response = w.client.request(method, url, json=body, headers=w.headers[caller])
    want = expected_status(rule, caller)
    where = f"{method} {url} as {caller}"
    if response.status_code != want:
        return [f"{where}: expected {want}, got {response.status_code} {response.text[:200]}"]
    if want == 200 and not response.headers["content-type"].startswith("application/json"):
        return []  # a file download (a settlement's pain.001): no list, nothing to leak
    payload = response.json()
    if want != 200:
        return [] if set(payload) == {"error"} else [f"{where}: {want} with data {payload}"]
    lists = rule is Access.LIST or (rule is Access.ANY_KEY and "data" in payload)
    lists = lists or (rule is Access.CUSTOMER_SELF and "data" in payload)
    if caller in ("merchant_b", "customer_b") and lists:
        leaked = sorted(i for i in w.a.ids() if i in response.text)
        if leaked or not payload["data"]:
            return [f"{where}: A's {leaked} listed, or B's own missing: {payload['data']}"]
    return []


def test_every_operation_has_an_expectation(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    operations = {(method.upper(), path) for path, item in paths.items() for method in item}
    assert sorted(operations - CASES.keys()) == [], "operations without an expectation"
    assert sorted(CASES.keys() - operations) == [], "expectations of operations that are gone"
    hidden = {getattr(route, "path", "") for route in client.app.routes  # type: ignore[attr-defined]
              if getattr(route, "include_in_schema", True) is False}
    assert hidden <= PUBLIC_ROUTES, "routes hidden from the OpenAPI document"


def test_each_caller_gets_its_own_objects_or_404_on_every_operation(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    w = _world(client, keys, app_context)
    problems = [problem for operation in CASES for caller in CALLERS
                for problem in _problems(w, operation, caller)]
    assert problems == [], "\n".join(problems)
    assert len(CASES) * len(CALLERS) >= 200
