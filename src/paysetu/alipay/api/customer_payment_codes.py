"""``POST /v1/customer/alipay_payment_codes``: the signed-in customer's one-time payment code.

The barcode a customer shows at a till (the merchant's ``alipay.trade.pay`` with ``auth_code``
charges it once, within two minutes). Only the customer issues one, from their own session and
with the PIN: a code spends their money. (The platform key's former
``/v1/wallets/{id}/alipay_payment_codes`` is gone: an operator debits with a recorded reason,
``docs/customers.md``.)
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends
from pydantic import Field

from paysetu.alipay.api.models import AlipayPaymentCode
from paysetu.alipay.usecases import alipay_buyers
from paysetu.alipay.usecases.ports import WalletAlipayContext
from paysetu.customers.api.deps import Customer, Pins
from paysetu.shell.http.context import app_context
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body

router = APIRouter(prefix="/customer", tags=["customer"])
Context = Annotated[WalletAlipayContext, Depends(app_context)]


class PaymentCodeCreate(Body):
    currency: str = Field(default="CNY", description="The wallet's currency (ISO 4217).")
    pin: str = Field(description="The payment PIN.")


@router.post("/alipay_payment_codes", response_model=AlipayPaymentCode)
def customer_payment_code(
    body: PaymentCodeCreate, customer: Customer, hasher: Pins, context: Context
) -> dict[str, Any]:
    """A one-time payment code for the customer's own wallet in ``currency`` (PIN checked)."""
    return alipay_buyers.customer_payment_code(context, hasher, customer.customer_id,
                                               body.currency, body.pin)
