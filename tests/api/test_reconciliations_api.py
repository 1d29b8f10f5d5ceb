"""``/v1/reconciliations`` over HTTP: upload as JSON or raw file, read the run and its lines,
refusals with the line or element at fault, the size cap, and the platform-only rule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.kernel.money import Money
from paysetu.settlement.rules.statements import STATEMENT_BYTES_MAX, Direction
from paysetu.settlement.stores.camt053_writer import BookedTransfer, write_camt053
from tests.api.conftest import Keys
from tests.api.payment_setup import error_code, ok
from tests.integration.payout_rows import payout, row_counts, statuses

CSV_HEADER = "date,end_to_end_id,amount,currency,description\n"


def merchant_id(client: TestClient, keys: Keys) -> str:
    body = {"legal_name": "Chai Point", "country": "IN", "settlement_currency": "INR"}
    return str(ok(client.post("/v1/merchants", json=body, headers=keys.platform))["id"])


def statement(*amounts: tuple[str, str]) -> bytes:
    transfers = [BookedTransfer(e2e, Money.parse(major, "INR"), Direction.DEBIT, date(2026, 4, 1))
                 for e2e, major in amounts]
    return write_camt053("STMT-API", datetime(2026, 4, 1, 20, tzinfo=UTC), "NOSTRO", transfers)


def lines(client: TestClient, keys: Keys, run_id: str, query: str = "") -> dict[str, Any]:
    return ok(client.get(f"/v1/reconciliations/{run_id}/lines{query}", headers=keys.platform))


def test_raw_camt053_upload_reconciles_and_reports(
    client: TestClient, keys: Keys, engine: sa.Engine
) -> None:
    shop = merchant_id(client, keys)
    paid = payout(engine, shop, Money(125000, "INR"), "E2EAPI1")
    payout(engine, shop, Money(80000, "INR"), "E2EAPI2")
    content = statement(("E2EAPI1", "1250.00"), ("E2EAPI2", "801.00"), ("E2ENONE", "5.00"))
    headers = {**keys.platform, "Content-Type": "application/xml"}
    run = ok(client.post("/v1/reconciliations", content=content, headers=headers))
    assert run["object"] == "reconciliation"
    assert run["counts"] == {"matched": 1, "missing": 0, "unexpected": 1,
                             "amount_mismatch": 1, "currency_mismatch": 0, "returned": 0}
    assert (run["status"], run["unmatched"], run["line_count"]) == ("needs_attention", 2, 3)
    assert statuses(engine)[paid] == "paid"
    assert ok(client.get(f"/v1/reconciliations/{run['id']}", headers=keys.platform)) == run
    first = lines(client, keys, run["id"], "?limit=2")
    assert [line["category"] for line in first["data"]] == ["matched", "amount_mismatch"]
    assert first["has_more"] is True
    rest = lines(client, keys, run["id"], "?starting_after=2")
    assert [(line["position"], line["end_to_end_id"]) for line in rest["data"]] == [
        (3, "E2ENONE")]
    mismatched = lines(client, keys, run["id"], "?category=amount_mismatch")["data"]
    assert [(m["difference_minor"], m["payout"]["status"]) for m in mismatched] == [(100, "sent")]
    listed = ok(client.get("/v1/reconciliations", headers=keys.platform))
    assert [r["id"] for r in listed["data"]] == [run["id"]]


def test_json_upload_of_the_same_file_returns_the_first_run(
    client: TestClient, keys: Keys, engine: sa.Engine
) -> None:
    shop = merchant_id(client, keys)
    payout(engine, shop, Money(1000, "INR"), "E2EJSON")
    body = {"format": "csv", "content": CSV_HEADER + "2026-04-01,E2EJSON,10.00,INR,ok\n"}
    first = ok(client.post("/v1/reconciliations", json=body, headers=keys.platform))
    again = ok(client.post("/v1/reconciliations", json=body, headers=keys.platform))
    assert again == first
    assert first["status"] == "balanced"
    assert row_counts(engine) == (1, 1)


def test_a_bad_statement_is_refused_with_its_place_and_changes_nothing(
    client: TestClient, keys: Keys, engine: sa.Engine
) -> None:
    content = CSV_HEADER + "2026-04-01,E1,10.00,INR,ok\nnot a line\n2026-04-01,E2,1,QQQ,\n"
    body = {"format": "csv", "content": content}
    response = client.post("/v1/reconciliations", json=body, headers=keys.platform)
    assert error_code(response, 400) == "csv_line_malformed"
    error = response.json()["error"]
    assert error["param"] == "line 3"
    assert "and 1 more problem" in error["message"]
    xxe = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
           b"<Document>&x;</Document>")
    response = client.post("/v1/reconciliations", content=xxe,
                           headers={**keys.platform, "Content-Type": "text/xml"})
    assert error_code(response, 400) == "xml_forbidden"
    assert row_counts(engine) == (0, 0)


def test_upload_refusals(client: TestClient, keys: Keys) -> None:
    post, platform = client.post, keys.platform
    xml = {**platform, "Content-Type": "text/plain"}
    responses = [
        (post("/v1/reconciliations", json={"format": "mt940", "content": "x"}, headers=platform),
         "statement_format_unknown"),
        (post("/v1/reconciliations", json={"format": "csv"}, headers=platform),
         "parameter_missing"),
        (post("/v1/reconciliations", json={"format": "csv", "content": "x", "extra": 1},
              headers=platform), "parameter_unknown"),
        (post("/v1/reconciliations", content=b"x", headers=xml), "parameter_invalid"),
        (post("/v1/reconciliations?format=csv", content=b"", headers=platform), "statement_empty"),
    ]
    for response, code in responses:
        assert error_code(response, 400) == code
    too_large = b"x" * (STATEMENT_BYTES_MAX + 64 * 1024 + 1)
    response = post("/v1/reconciliations", content=too_large,
                    headers={**platform, "Content-Type": "text/csv"})
    assert error_code(response, 400) == "body_too_large"
    just_over = b"x" * (STATEMENT_BYTES_MAX + 1)
    response = post("/v1/reconciliations?format=csv", content=just_over, headers=platform)
    assert error_code(response, 400) == "statement_too_large"


def test_reconciliations_are_platform_only(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant_id(client, keys)
    merchant = keys.merchant(app_context, shop)
    body = {"format": "csv", "content": CSV_HEADER}
    run = ok(client.post("/v1/reconciliations", json=body, headers=keys.platform))
    assert error_code(client.post("/v1/reconciliations", json=body, headers=merchant), 404) == (
        "resource_missing")
    for path in (f"/v1/reconciliations/{run['id']}", f"/v1/reconciliations/{run['id']}/lines",
                 "/v1/reconciliations"):
        assert error_code(client.get(path, headers=merchant), 404) == "resource_missing"
    assert error_code(client.get("/v1/reconciliations/rec_missing", headers=keys.platform),
                      404) == "reconciliation_not_found"
    assert error_code(client.get("/v1/reconciliations", headers={}), 401) == "api_key_missing"
