"""``POST /v1/customer/payments``: the signed-in customer pays a merchant from their wallet.

What the wallet app does after scanning a merchant's QR code (``docs/wallet-app.md``): the
payment is made with the customer's own consent (``consent: customer``), the PIN checked, so
it succeeds at once (or answers 402 about the customer's own wallet). ``request_key`` makes it
idempotent: a repeat answers the first payment.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from paysetu.customers.api.deps import Context, Customer, Pins
from paysetu.customers.usecases import wallet_pay
from paysetu.payments.api.models import Payment
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body

router = APIRouter(prefix="/customer", tags=["customer"])


class CustomerPaymentCreate(Body):
    merchant: str = Field(description="The merchant paid (the `merchant` of its QR code).")
    amount_minor: int = Field(description="In minor units of `currency`.")
    currency: str = Field(description="ISO 4217; paid from the customer's wallet in it.")
    pin: str = Field(description="The payment PIN.")
    request_key: str = Field(description="One per payment the customer means (1 to 64"
                             " characters): a repeat answers the first payment.")
    description: str | None = None


@router.post("/payments", response_model=Payment)
def customer_pay_merchant(
    body: CustomerPaymentCreate, customer: Customer, hasher: Pins, context: Context
) -> dict[str, Any]:
    """Pay a merchant now from the customer's own wallet in ``currency`` (PIN checked)."""
    return wallet_pay.pay_merchant(context, hasher, customer.customer_id, body.pin,
                                   wallet_pay.PayOrder(
        merchant_id=body.merchant, amount_minor=body.amount_minor, currency=body.currency,
        request_key=body.request_key, description=body.description))
