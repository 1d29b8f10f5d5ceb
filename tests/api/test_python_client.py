"""The generated Python client (``clients/python``, ``paysetu-client``) against a running server.

A merchant's integration as it would be written: the platform key makes a customer, a wallet
and a merchant and tops the wallet up; the merchant's key takes a payment and refunds part of
it; the lists page through ``auto_paging_iter``. Every call goes over HTTP to uvicorn on a
loopback port, through the typed models of the generated client.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from paysetu_client import Paysetu, PaysetuError
from paysetu_client.generated.api.customers import create_customer
from paysetu_client.generated.api.merchants import create_merchant
from paysetu_client.generated.api.payments import create_payment, get_payment, list_payments
from paysetu_client.generated.api.refunds import create_refund, list_refunds
from paysetu_client.generated.api.wallets import create_wallet, get_wallet, top_up
from paysetu_client.generated.models import (
    CustomerCreate,
    MerchantCreate,
    Payment,
    PaymentCreate,
    RefundCreate,
    WalletCreate,
    WalletMovement,
)

from paysetu.access.rules.principals import Role
from paysetu.access.usecases import api_keys
from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.app.ports import AppUnitOfWork
from paysetu.payments.usecases import approvals
from tests.api.payment_setup import in_transaction
from tests.serving import serving


@pytest.fixture
def base_url(app_context: AppContext) -> Iterator[str]:
    with serving(create_app(app_context)) as url:
        yield url


def _key(context: AppContext, role: Role, owner: str | None = None) -> str:
    return api_keys.create_key(context, role, owner, livemode=False).secret


def approve(context: AppContext, customer_id: str, payment_id: str) -> None:
    """The customer's approval, through the use case behind ``/v1/customer/approvals``."""
    def work(uow: AppUnitOfWork) -> dict[str, Any]:
        return approvals.approve_payment(context, uow, customer_id, payment_id)

    in_transaction(context, work)


def test_customer_top_up_payment_refund_and_lists(app_context: AppContext, base_url: str) -> None:
    with Paysetu(_key(app_context, Role.PLATFORM), base_url) as platform:
        customer = platform.call(create_customer, body=CustomerCreate(
            name="Asha Verma", kyc_tier="full"))
        wallet = platform.call(create_wallet, body=WalletCreate(
            customer=customer.id, currency="INR"))
        platform.call(top_up, wallet_id=wallet.id, body=WalletMovement(
            amount_minor=5_000_00, currency="INR"))
        shop = platform.call(create_merchant, body=MerchantCreate(
            legal_name="Chai Point", country="IN", settlement_currency="INR", fee_bps=200))

    with Paysetu(_key(app_context, Role.MERCHANT, shop.id), base_url) as merchant:
        asked = [merchant.call(create_payment, body=PaymentCreate(
            amount_minor=amount, currency="INR", wallet=wallet.id, confirm=True))
            for amount in (900_00, 250_00, 100_00)]
        assert all(isinstance(p, Payment) for p in asked)
        # A merchant's charge waits for the customer, who approves it (with the PIN, past
        # which tests/api/test_customer_consent.py goes; here the use case behind it).
        assert [p.status for p in asked] == ["requires_action"] * 3
        for payment in asked:
            approve(app_context, customer.id, payment.id)
        payments = [merchant.call(get_payment, payment_id=p.id) for p in asked]
        assert [p.status for p in payments] == ["succeeded"] * 3
        refund = merchant.call(create_refund, body=RefundCreate(
            payment=payments[0].id, amount_minor=400_00, reason="one cup spilt"))
        assert (refund.status, refund.amount_minor, refund.reason) == (
            "succeeded", 400_00, "one cup spilt")
        again = merchant.call(get_payment, payment_id=payments[0].id)
        assert again.amount_refunded_minor == 400_00

        listed = list(merchant.auto_paging_iter(list_payments, limit=1))
        assert [p.id for p in listed] == [p.id for p in reversed(payments)]
        assert [r.id for r in merchant.auto_paging_iter(list_refunds)] == [refund.id]

        with pytest.raises(PaysetuError) as refused:
            merchant.call(create_refund, body=RefundCreate(
                payment=payments[1].id, amount_minor=250_01))
        assert (refused.value.status, refused.value.code, refused.value.param) == (
            400, "refund_exceeds_captured", "amount_minor")
        assert refused.value.message == f"₹250.00 of payment {payments[1].id} is left to refund."

    with Paysetu(_key(app_context, Role.PLATFORM), base_url) as platform:
        balance = platform.call(get_wallet, wallet_id=wallet.id)
    assert balance.balance_minor == 5_000_00 - 900_00 - 250_00 - 100_00 + 400_00


def test_a_retried_write_with_the_same_key_is_applied_once(
    app_context: AppContext, base_url: str
) -> None:
    with Paysetu(_key(app_context, Role.PLATFORM), base_url) as platform:
        customer = platform.call(create_customer, body=CustomerCreate(name="Ravi Kumar"))
        wallet = platform.call(create_wallet, body=WalletCreate(
            customer=customer.id, currency="INR"))
        movement = WalletMovement(amount_minor=1_000_00, currency="INR")
        first = platform.call(top_up, wallet_id=wallet.id, body=movement, idempotency_key="k-1")
        second = platform.call(top_up, wallet_id=wallet.id, body=movement, idempotency_key="k-1")
        assert first.journal_entry == second.journal_entry
        platform.call(top_up, wallet_id=wallet.id, body=movement)  # a fresh key: applied
        assert platform.call(get_wallet, wallet_id=wallet.id).balance_minor == 2_000_00
