"""Lending over HTTP: apply, underwrite, approve, disburse, EMI debit, repay, prepay, foreclose.

Every test ends with the ledger audit (tests/api/conftest.py). Loan balances are read from the
ledger and checked against the schedule: outstanding principal is the unpaid principal of the
installments; interest receivable is interest accrued less interest received.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.lending.usecases import loan_repayments
from tests.api.conftest import Keys
from tests.api.lending_setup import (
    apply,
    disbursed_loan,
    lender,
    merchant_with_history,
)
from tests.api.payment_setup import (
    error_code,
    event_types,
    in_transaction,
    merchant,
    merchant_balance,
    ok,
    pay,
    wallet,
)


def move_to(clock: FixedClock, day: date) -> None:
    """Move the clock to 09:30 UTC of ``day``."""
    target = datetime.combine(day, clock.now().timetz())
    clock.advance(target - clock.now())


def schedule(client: TestClient, headers: dict[str, str], loan_id: str) -> list[dict[str, Any]]:
    body = ok(client.get(f"/v1/loans/{loan_id}/schedule", headers=headers))
    installments: list[dict[str, Any]] = body["installments"]
    return installments


def check_books(client: TestClient, keys: Keys, loan_id: str) -> dict[str, Any]:
    """The loan's ledger balances agree with its schedule; the loan object."""
    loan = ok(client.get(f"/v1/loans/{loan_id}", headers=keys.platform))
    rows = schedule(client, keys.platform, loan_id)
    assert loan["outstanding_principal_minor"] == sum(
        i["principal_minor"] - i["principal_paid_minor"] for i in rows)
    assert loan["interest_receivable_minor"] == loan["interest_accrued_minor"] - sum(
        i["interest_paid_minor"] for i in rows)
    return loan


def counts(engine: sa.Engine) -> tuple[int, ...]:
    with engine.connect() as connection:
        return tuple(connection.execute(sa.text(
            "SELECT (SELECT count(*) FROM loan_applications), (SELECT count(*) FROM loans),"
            " (SELECT count(*) FROM loan_repayments), (SELECT count(*) FROM ledger_entries)"
        )).one())


def test_a_loan_from_application_to_foreclosure(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
    engine: sa.Engine,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant_with_history(client, keys, clock)
    shop_key = keys.merchant(app_context, shop)
    application = ok(apply(client, shop_key, bank.id, "lpr_pmmy_kishore", 2_00_000_00, 24))
    assert application["status"] == "submitted"
    advice = application["underwriting"]
    assert advice["decision"] == "approve"
    assert advice["policy_version"] == "uw-2026.1"
    assert advice["features"]["months_active"] == 8
    assert advice["suggested_limit_minor"] >= 2_00_000_00
    assert advice["reasons"][0]["code"] == "volume"

    listed = ok(client.get("/v1/loan_applications", headers=bank.headers))["data"]
    assert [a["id"] for a in listed] == [application["id"]]
    approved = ok(client.post(f"/v1/loan_applications/{application['id']}/approve",
                              json={"rate_bps": 1400, "reason": "Known to the branch"},
                              headers=bank.headers))
    loan_id = approved["loan"]
    assert approved["status"] == "approved"
    projected = ok(client.get(f"/v1/loans/{loan_id}/schedule", headers=shop_key))
    assert projected["projected"] is True

    before = merchant_balance(client, keys, shop)["available_minor"]
    loan = ok(client.post(f"/v1/loans/{loan_id}/disburse", headers=bank.headers))
    assert (loan["status"], loan["processing_fee_minor"]) == ("active", 0)
    assert merchant_balance(client, keys, shop)["available_minor"] == before + 2_00_000_00
    funding = ok(client.get(f"/v1/lenders/{bank.id}", headers=bank.headers))["balances"]
    assert funding == [{"currency": "INR", "funding_available_minor": 98_00_000_00}]
    rows = schedule(client, shop_key, loan_id)
    assert len(rows) == 24
    assert sum(i["principal_minor"] for i in rows) == 2_00_000_00
    assert rows[0]["due_date"] == "2026-05-01"
    check_books(client, keys, loan_id)

    # First due date: the worker's EMI auto-debit takes the installment.
    move_to(clock, date(2026, 5, 1))
    looked = in_transaction(app_context, lambda uow: loan_repayments.collect_due_installments(
        app_context, uow, date(2026, 5, 1)))
    assert looked == 1
    rows = schedule(client, shop_key, loan_id)
    assert rows[0]["status"] == "paid"
    (emi,) = ok(client.get(f"/v1/loans/{loan_id}/repayments", headers=shop_key))["data"]
    assert emi["source"] == "emi_debit"
    assert emi["amount_minor"] == rows[0]["total_minor"]
    loan = check_books(client, keys, loan_id)
    assert loan["interest_receivable_minor"] == 0
    assert loan["outstanding_principal_minor"] == 2_00_000_00 - rows[0]["principal_minor"]

    # Second due date: the merchant pays by hand; more than is due is refused whole.
    move_to(clock, date(2026, 6, 1))
    due = ok(client.get(f"/v1/loans/{loan_id}", headers=shop_key))["amount_due_minor"]
    assert due == rows[1]["total_minor"]
    written = counts(engine)
    refused = client.post(f"/v1/loans/{loan_id}/repayments",
                          json={"type": "manual", "amount_minor": due + 1}, headers=shop_key)
    assert error_code(refused, 400) == "overpayment_refused"
    assert counts(engine) == written
    manual = ok(client.post(f"/v1/loans/{loan_id}/repayments",
                            json={"type": "manual", "amount_minor": due}, headers=shop_key))
    assert (manual["source"], manual["amount_minor"], manual["returned_minor"]) == (
        "manual", due, 0)
    nothing = client.post(f"/v1/loans/{loan_id}/repayments",
                          json={"type": "manual", "amount_minor": 1_00}, headers=shop_key)
    assert error_code(nothing, 409) == "nothing_due"

    # A prepayment mid-period lowers the principal and re-amortises the rest.
    move_to(clock, date(2026, 6, 16))
    old_next = schedule(client, shop_key, loan_id)[3]["total_minor"]
    prepaid = ok(client.post(f"/v1/loans/{loan_id}/repayments",
                             json={"type": "prepayment", "amount_minor": 50_000_00},
                             headers=shop_key))
    assert (prepaid["principal_minor"], prepaid["fees_minor"]) == (50_000_00, 0)
    rows = schedule(client, shop_key, loan_id)
    assert rows[3]["total_minor"] < old_next
    assert len(rows) == 24
    loan = check_books(client, keys, loan_id)
    assert loan["outstanding_principal_minor"] == sum(
        i["principal_minor"] - i["principal_paid_minor"] for i in rows)

    # Foreclosure: everything, interest to the day, no fee on Kishore; then the loan is closed.
    move_to(clock, date(2026, 7, 20))
    loan = ok(client.get(f"/v1/loans/{loan_id}", headers=shop_key))
    payoff = loan["payoff_amount_minor"]
    closed = ok(client.post(f"/v1/loans/{loan_id}/repayments",
                            json={"type": "foreclosure"}, headers=shop_key))
    assert closed["amount_minor"] == payoff
    loan = check_books(client, keys, loan_id)
    assert (loan["status"], loan["closed_reason"], loan["closed_on"]) == (
        "closed", "foreclosed", "2026-07-20")
    assert (loan["outstanding_principal_minor"], loan["interest_receivable_minor"]) == (0, 0)
    assert all(i["status"] == "paid" for i in schedule(client, shop_key, loan_id))

    written = counts(engine)
    late = client.post(f"/v1/loans/{loan_id}/repayments",
                       json={"type": "manual", "amount_minor": 1_00}, headers=shop_key)
    assert error_code(late, 409) == "loan_closed"
    assert counts(engine) == written
    assert {"loan_application.submitted", "loan_application.approved", "loan.disbursed",
            "loan_repayment.succeeded", "loan.closed"} <= set(event_types(app_context, shop))


def test_bad_applications_are_refused_with_clear_codes_and_nothing_written(
    client: TestClient, keys: Keys, app_context: AppContext, engine: sa.Engine,
) -> None:
    bank = lender(client, keys, app_context)
    shop, other = merchant(client, keys), merchant(client, keys)
    shop_key = keys.merchant(app_context, shop)
    apex = ok(client.post("/v1/lenders", json={"name": "Apex Refinance", "kind": "refinancer",
                                                "apex": True}, headers=keys.platform))
    written = counts(engine)
    cases = [
        (apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 60_000_00, 12), 400,
         "amount_outside_band"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_kishore", 50_000_00, 12), 400,
         "amount_outside_band"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_tarun_plus", 15_00_000_00, 36), 402,
         "tarun_plus_requires_repaid_tarun"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 40_000_00, 48), 400,
         "tenure_out_of_range"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 40_000_00, 0), 400,
         "tenure_invalid"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 40_000_00, 12, merchant=other), 404,
         "merchant_not_found"),
        (apply(client, shop_key, apex["id"], "lpr_pmmy_shishu", 40_000_00, 12), 400,
         "apex_lender_cannot_lend"),
        (apply(client, shop_key, "lnd_nobody", "lpr_pmmy_shishu", 40_000_00, 12), 404,
         "lender_not_found"),
        (apply(client, shop_key, bank.id, "lpr_nothing", 40_000_00, 12), 404,
         "product_not_found"),
        (apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 40_000_00, 12, purpose=""), 400,
         "purpose_invalid"),
        (apply(client, bank.headers, bank.id, "lpr_pmmy_shishu", 40_000_00, 12), 404,
         "resource_missing"),
        (client.post("/v1/lenders", json={"name": "Second Apex", "kind": "refinancer",
                                          "apex": True}, headers=keys.platform), 409,
         "apex_lender_exists"),
    ]
    assert [error_code(response, status) for response, status, _ in cases] == [
        code for _, _, code in cases]
    assert counts(engine) == written

    application = ok(apply(client, shop_key, bank.id, "lpr_pmmy_shishu", 40_000_00, 12))
    assert application["underwriting"]["decision"] == "decline"
    url = f"/v1/loan_applications/{application['id']}"
    written = counts(engine)
    refusals = [
        (client.post(f"{url}/approve", json={"rate_bps": 3000}, headers=bank.headers), 400,
         "rate_out_of_range"),
        (client.post(f"{url}/approve", json={"rate_bps": 1200, "tenure_periods": 24},
                     headers=bank.headers), 400, "reason_invalid"),
        (client.post(f"{url}/approve", json={"rate_bps": 1200, "amount_minor": 60_000_00,
                                             "reason": "more stock"}, headers=bank.headers),
         400, "amount_outside_band"),
        (client.post(f"{url}/approve", json={"rate_bps": 1200}, headers=shop_key), 404,
         "resource_missing"),
        (client.post(f"{url}/approve", json={"rate_bps": 1200}, headers=bank.headers), 400,
         "reason_invalid"),
        (client.post(f"{url}/reject", json={"reason": ""}, headers=bank.headers), 400,
         "reason_invalid"),
    ]
    assert [error_code(response, status) for response, status, _ in refusals] == [
        code for _, _, code in refusals]
    assert counts(engine) == written
    rejected = ok(client.post(f"{url}/reject", json={"reason": "Thin history"},
                              headers=bank.headers))
    assert (rejected["status"], rejected["decision_reason"]) == ("rejected", "Thin history")
    again = client.post(f"{url}/approve", json={"rate_bps": 1200}, headers=bank.headers)
    assert error_code(again, 409) == "application_already_decided"


def test_approving_against_the_policys_decline_needs_a_stated_reason_which_is_kept(
    client: TestClient, keys: Keys, app_context: AppContext,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    application = ok(apply(client, keys.merchant(app_context, shop), bank.id,
                           "lpr_pmmy_shishu", 40_000_00, 12))
    assert application["underwriting"]["decision"] == "decline"
    url = f"/v1/loan_applications/{application['id']}"
    silent = client.post(f"{url}/approve", json={"rate_bps": 1200}, headers=bank.headers)
    assert error_code(silent, 400) == "reason_invalid"
    assert silent.json()["error"]["param"] == "reason"
    approved = ok(client.post(f"{url}/approve", json={
        "rate_bps": 1200, "reason": "Known to the branch for ten years"}, headers=bank.headers))
    assert (approved["status"], approved["decision_reason"]) == (
        "approved", "Known to the branch for ten years")


def test_tarun_plus_after_a_tarun_loan_is_repaid_with_the_foreclosure_fee(
    client: TestClient, keys: Keys, app_context: AppContext, clock: FixedClock,
    engine: sa.Engine,
) -> None:
    bank = lender(client, keys, app_context)
    shop = merchant(client, keys)
    shop_key = keys.merchant(app_context, shop)
    tarun = disbursed_loan(client, keys, bank.id, shop, "lpr_pmmy_tarun", 6_00_000_00, 36)
    assert tarun["processing_fee_minor"] == 3_000_00  # 0.5%, withheld from the disbursal
    assert merchant_balance(client, keys, shop)["available_minor"] == 5_97_000_00
    first = schedule(client, shop_key, tarun["id"])[0]
    move_to(clock, date(2026, 4, 11))
    payoff = ok(client.get(f"/v1/loans/{tarun['id']}", headers=shop_key))["payoff_amount_minor"]
    written = counts(engine)
    short = client.post(f"/v1/loans/{tarun['id']}/repayments", json={"type": "foreclosure"},
                        headers=shop_key)
    assert error_code(short, 402) == "exceeds_available_balance"
    assert counts(engine) == written
    pay(client, keys.platform, wallet(client, keys, 20_000_00), 20_000_00, shop)
    closed = ok(client.post(f"/v1/loans/{tarun['id']}/repayments",
                            json={"type": "foreclosure"}, headers=shop_key))
    assert closed["amount_minor"] == payoff
    assert (closed["principal_minor"], closed["fees_minor"]) == (6_00_000_00, 6_000_00)  # 1%
    assert closed["interest_minor"] == first["interest_minor"] * 10 // 30  # 10 of 30 days
    plus = ok(apply(client, shop_key, bank.id, "lpr_pmmy_tarun_plus", 15_00_000_00, 36))
    assert plus["status"] == "submitted"
