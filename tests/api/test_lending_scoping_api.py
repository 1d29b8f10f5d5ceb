"""Lending: who sees what, lender funds, overpayment policies, EMI debits, the settlement sweep."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.ledger.rules.entries import Direction, NewEntry, Posting
from paysetu.lending.usecases import loan_repayments
from paysetu.lending.usecases.loan_sweep import LoanSettlementSweep
from paysetu.settlement.usecases.ports import SweepRequest
from paysetu.wallets.rules.wallets import transfer_entry
from paysetu.wallets.usecases.wallets import platform_account
from tests.api.conftest import Keys
from tests.api.lending_setup import apply, copy_product, disbursed_loan, lender
from tests.api.payment_setup import error_code, in_transaction, merchant, merchant_balance, ok
from tests.api.test_lending_api import check_books, counts, move_to, schedule


def test_lenders_and_merchants_see_only_their_own(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    first, second = lender(client, keys, app_context), lender(client, keys, app_context)
    shop, other = merchant(client, keys), merchant(client, keys)
    shop_key, other_key = keys.merchant(app_context, shop), keys.merchant(app_context, other)
    application = ok(apply(client, shop_key, first.id, "lpr_pmmy_shishu", 30_000_00, 12))
    loan = disbursed_loan(client, keys, first.id, shop, "lpr_pmmy_shishu", 30_000_00, 12)
    app_url, loan_url = f"/v1/loan_applications/{application['id']}", f"/v1/loans/{loan['id']}"

    for headers in (first.headers, shop_key, keys.platform):
        ok(client.get(app_url, headers=headers))
        ok(client.get(loan_url, headers=headers))
        ok(client.get(f"{loan_url}/schedule", headers=headers))
    for headers in (second.headers, other_key):
        assert error_code(client.get(app_url, headers=headers), 404) == "application_not_found"
        assert error_code(client.get(loan_url, headers=headers), 404) == "loan_not_found"
        assert error_code(client.get(f"{loan_url}/schedule", headers=headers), 404) == (
            "loan_not_found")
        assert ok(client.get("/v1/loans", headers=headers))["data"] == []
        assert ok(client.get("/v1/loan_applications", headers=headers))["data"] == []
    approve = client.post(f"{app_url}/approve", json={"rate_bps": 1200}, headers=second.headers)
    assert error_code(approve, 404) == "application_not_found"
    repay = client.post(f"{loan_url}/repayments", json={"type": "prepayment",
                                                       "amount_minor": 100_00},
                        headers=first.headers)
    assert error_code(repay, 404) == "resource_missing"
    assert error_code(client.get(f"/v1/lenders/{first.id}", headers=second.headers), 404) == (
        "lender_not_found")
    assert error_code(client.get("/v1/lenders", headers=shop_key), 404) == "resource_missing"
    assert [x["id"] for x in ok(client.get("/v1/lenders", headers=first.headers))["data"]] == [
        first.id]
    mine = ok(client.get("/v1/loans", headers=first.headers))["data"]
    assert [x["id"] for x in mine] == [loan["id"]]
    products = ok(client.get("/v1/loan_products", headers=shop_key))["data"]
    assert [p["category"] for p in products] == ["shishu", "kishore", "tarun", "tarun_plus"]
    assert products[3]["requires_repaid_category"] == "tarun"


def test_a_lender_cannot_lend_more_than_it_has_funded(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine
) -> None:
    bank = lender(client, keys, app_context, funds_minor=10_000_00)
    shop = merchant(client, keys)
    application = ok(apply(client, keys.platform, bank.id, "lpr_pmmy_shishu", 20_000_00, 12,
                           merchant=shop))
    loan_id = ok(client.post(f"/v1/loan_applications/{application['id']}/approve",
                             json={"rate_bps": 1800, "reason": "Known to the branch"},
                             headers=bank.headers))["loan"]
    written = counts(engine)
    refused = client.post(f"/v1/loans/{loan_id}/disburse", headers=bank.headers)
    assert error_code(refused, 402) == "lender_funds_insufficient"
    assert counts(engine) == written
    assert ok(client.get(f"/v1/loans/{loan_id}", headers=bank.headers))["status"] == "approved"
    ok(client.post(f"/v1/lenders/{bank.id}/funding",
                   json={"amount_minor": 10_000_00, "currency": "INR"}, headers=keys.platform))
    assert ok(client.post(f"/v1/loans/{loan_id}/disburse", headers=bank.headers))["status"] == (
        "active")
    again = client.post(f"/v1/loans/{loan_id}/disburse", headers=bank.headers)
    assert error_code(again, 409) == "loan_not_approved"


def test_overpayment_is_returned_and_the_rbi_order_pays_interest_first(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
    engine: sa.Engine,
) -> None:
    copy_product(engine, "lpr_pmmy_shishu", "lpr_flexible_shishu", overpayment_policy="return",
                 allocation_order="rbi_interest_first", schedule_type="flat",
                 interest_period="repayment_period", frequency="weekly")
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    shop_key = keys.merchant(app_context, shop)
    loan = disbursed_loan(client, keys, bank.id, shop, "lpr_flexible_shishu", 26_000_00, 26,
                          rate_bps=1300)
    rows = schedule(client, shop_key, loan["id"])
    assert rows[0]["due_date"] == "2026-04-08"
    assert {r["interest_minor"] for r in rows} == {26_000_00 * 13 // 100 // 52}  # flat, weekly
    move_to(clock, date(2026, 4, 15))  # two installments due
    due = rows[0]["total_minor"] + rows[1]["total_minor"]
    interest = rows[0]["interest_minor"] + rows[1]["interest_minor"]
    part = ok(client.post(f"/v1/loans/{loan['id']}/repayments",
                          json={"type": "manual", "amount_minor": interest + 1_00},
                          headers=shop_key))
    assert (part["interest_minor"], part["principal_minor"]) == (interest, 1_00)
    rest = ok(client.post(f"/v1/loans/{loan['id']}/repayments",
                          json={"type": "manual", "amount_minor": due + 5_000_00},
                          headers=shop_key))
    assert (rest["amount_minor"], rest["returned_minor"]) == (
        due - interest - 1_00, interest + 1_00 + 5_000_00)
    check_books(client, keys, loan["id"])


def test_emi_debit_takes_what_the_balance_holds_once_a_day(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    loan = disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_shishu", 12_000_00, 12)
    in_transaction(app_context, lambda uow: uow.ledger.apply([transfer_entry(  # a payout
        "je_payout_test", f"acct_{shop}_INR_available",
        platform_account(uow, app_context, "payouts", "INR"), 11_950_00, "INR",
        {"kind": "payout"})], clock.now()))
    available = merchant_balance(client, keys, shop)["available_minor"]
    first = schedule(client, keys.platform, loan["id"])[0]
    assert 0 < available < first["total_minor"]
    move_to(clock, date(2026, 5, 1))

    def collect() -> int:
        return in_transaction(app_context, lambda uow: loan_repayments.collect_due_installments(
            app_context, uow, date(2026, 5, 1)))

    assert collect() == 1
    assert merchant_balance(client, keys, shop)["available_minor"] == 0
    assert collect() == 0  # tried today already
    row = schedule(client, keys.platform, loan["id"])[0]
    assert row["status"] == "due"
    paid = sum(row[f"{c}_paid_minor"] for c in ("principal", "interest", "fees", "penalty"))
    assert paid == available
    check_books(client, keys, loan["id"])


def test_the_settlement_sweep_claims_what_is_due_and_allocates_what_was_booked(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    loan = disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_kishore", 1_00_000_00, 12)
    hook = LoanSettlementSweep(app_context)
    request = SweepRequest("stl_test", shop, "INR", 80_000_00, clock.now())
    assert in_transaction(app_context, lambda uow: hook.claim(uow, request)).amount_minor == 0
    move_to(clock, date(2026, 5, 2))
    due = ok(client.get(f"/v1/loans/{loan['id']}", headers=keys.platform))["amount_due_minor"]
    assert due > 8_000_00
    claim = in_transaction(app_context, lambda uow: hook.claim(uow, request))
    assert claim.amount_minor == 8_000_00  # the product's 10% of the net, below what is due
    assert claim.account_id is not None
    target = claim.account_id

    def settle(uow: object) -> None:  # what settlement books, then reports to the hook
        entry = NewEntry("je_stl_test_loan", (
            Posting(f"acct_{shop}_INR_available", Direction.DEBIT, 6_000_00, "INR"),
            Posting(target, Direction.CREDIT, 6_000_00, "INR")), {"kind": "settlement_loan_sweep"})
        uow.ledger.apply([entry], clock.now())  # type: ignore[attr-defined]
        hook.swept(uow, request, 6_000_00, entry.id)  # type: ignore[arg-type]

    in_transaction(app_context, settle)
    (swept,) = ok(client.get(f"/v1/loans/{loan['id']}/repayments",
                             headers=keys.platform))["data"]
    assert (swept["source"], swept["amount_minor"]) == ("sweep", 6_000_00)
    after = ok(client.get(f"/v1/loans/{loan['id']}", headers=keys.platform))
    assert after["amount_due_minor"] == due - 6_000_00
    check_books(client, keys, loan["id"])


def test_a_repayment_retried_with_its_idempotency_key_is_made_once(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    loan = disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_shishu", 20_000_00, 12)
    headers = {**keys.merchant(app_context, shop), "Idempotency-Key": "prepay-1"}
    body = {"type": "prepayment", "amount_minor": 2_000_00}
    first = client.post(f"/v1/loans/{loan['id']}/repayments", json=body, headers=headers)
    written = counts(engine)
    again = client.post(f"/v1/loans/{loan['id']}/repayments", json=body, headers=headers)
    assert again.json() == ok(first)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert counts(engine) == written
    assert ok(client.get(f"/v1/loans/{loan['id']}", headers=keys.platform))[
        "outstanding_principal_minor"] == 18_000_00
