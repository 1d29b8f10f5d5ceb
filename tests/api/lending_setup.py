"""Builders for the lending API tests: lenders with keys, merchants with history, loans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys as access
from paysetu.app.context import AppContext
from paysetu.kernel.clock import FixedClock
from paysetu.lending.rules.schedule import add_months
from tests.api.conftest import Keys
from tests.api.payment_setup import merchant, ok, pay, wallet


@dataclass(frozen=True)
class LenderSetup:
    id: str
    headers: dict[str, str]


def lender(
    client: TestClient, keys: Keys, context: AppContext, funds_minor: int = 1_00_00_000_00,
    name: str = "Bharat Small Bank",
) -> LenderSetup:
    """A bank lender with its own API key and ``funds_minor`` committed to lending."""
    created = ok(client.post("/v1/lenders", json={"name": name, "kind": "bank"},
                             headers=keys.platform))
    if funds_minor:
        ok(client.post(f"/v1/lenders/{created['id']}/funding",
                       json={"amount_minor": funds_minor, "currency": "INR"},
                       headers=keys.platform))
    issued = access.create_key(context, Role.LENDER, created["id"], livemode=False)
    return LenderSetup(created["id"], {"Authorization": f"Bearer {issued.secret}"})


def merchant_with_history(
    client: TestClient, keys: Keys, clock: FixedClock, months: int = 8,
    monthly_minor: int = 1_00_000_00,
) -> str:
    """A merchant with ``months`` months of captured volume before the clock's month."""
    shop = merchant(client, keys, fee_bps=0)
    payer = wallet(client, keys)
    now = clock.now()
    for back in range(months, 0, -1):
        then = now.replace(day=15)
        then = then.replace(year=add_months(then.date(), -back).year,
                            month=add_months(then.date(), -back).month)
        clock.advance(then - now)
        ok(client.post(f"/v1/wallets/{payer}/top_ups",
                       json={"amount_minor": monthly_minor, "currency": "INR"},
                       headers=keys.platform))
        pay(client, keys.platform, payer, monthly_minor, shop)
        clock.advance(now - then)
    return shop


def apply(
    client: TestClient, headers: dict[str, str], lender_id: str, product: str,
    amount_minor: int, tenure: int, **fields: Any,
) -> Any:
    body = {"lender": lender_id, "product": product, "amount_minor": amount_minor,
            "tenure_periods": tenure, "purpose": "Working capital for stock", **fields}
    return client.post("/v1/loan_applications", json=body, headers=headers)


def disbursed_loan(
    client: TestClient, keys: Keys, lender_id: str, shop: str, product: str,
    amount_minor: int, tenure: int, rate_bps: int = 1400,
) -> dict[str, Any]:
    """Apply (as the platform for ``shop``), approve and disburse; the loan object."""
    application = ok(apply(client, keys.platform, lender_id, product, amount_minor, tenure,
                           merchant=shop))
    approved = ok(client.post(f"/v1/loan_applications/{application['id']}/approve",
                              json={"rate_bps": rate_bps, "reason": "Known to the branch"},
                              headers=keys.platform))
    return ok(client.post(f"/v1/loans/{approved['loan']}/disburse", headers=keys.platform))


def copy_product(engine: sa.Engine, source: str, new_id: str, **changes: Any) -> None:
    """Add a product to the table: ``source``'s row with ``changes`` (configuration, as an
    operator would insert it)."""
    with engine.begin() as connection:
        columns = [r[0] for r in connection.execute(sa.text(
            "SELECT column_name FROM information_schema.columns WHERE table_name ="
            " 'loan_products' ORDER BY ordinal_position"))]
        chosen = [f":{c}" if c in changes or c == "id" else c for c in columns]
        connection.execute(
            sa.text(f"INSERT INTO loan_products ({', '.join(columns)})"
                    f" SELECT {', '.join(chosen)} FROM loan_products WHERE id = :source"),
            {"source": source, "id": new_id, **changes},
        )
