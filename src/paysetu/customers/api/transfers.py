"""``/v1/customer``: send money to a number, request money, answer requests.

Customer-session routes like :mod:`.customer`: an API key gets 401, another customer's
transfer or request answers 404 as a missing one. A send takes an ``Idempotency-Key``: the
same key with the same request answers the first transfer (``Idempotent-Replayed: true``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Header
from fastapi.responses import JSONResponse

from paysetu.customers.api.deps import Context, Customer, Pins
from paysetu.customers.api.models import (
    CustomerTransfer,
    CustomerTransferList,
    MoneyRequest,
    MoneyRequestCreate,
    MoneyRequestList,
    Payee,
    PayeeLookup,
    PinBody,
    TransferCreate,
)
from paysetu.customers.usecases import money_requests, transfers
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(prefix="/customer", tags=["customer"])


@router.post("/payees", response_model=Payee)
def customer_look_up_payee(
    body: PayeeLookup, customer: Customer, context: Context
) -> dict[str, Any]:
    """Who a number belongs to, masked (``Meera S***``), to show before the PIN. Counted per
    customer (429 ``payee_lookup_throttled`` past the limit) against number enumeration."""
    return transfers.find_payee(context, customer.customer_id, body.phone)[1]


@router.post("/transfers", response_model=CustomerTransfer)
def customer_send_money(
    body: TransferCreate, customer: Customer, hasher: Pins, context: Context,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key")] = None,
) -> JSONResponse:
    """Send money from the customer's wallet to the number's wallet in the same currency,
    with the PIN: one ledger entry, ``consent: customer``."""
    obj, replayed = transfers.send(
        context, hasher, customer.customer_id, body.phone, body.amount_minor, body.currency,
        body.note, body.pin, idempotency_key)
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    if idempotency_key is not None:
        headers["Idempotency-Key"] = idempotency_key
    return JSONResponse(CustomerTransfer.model_validate(obj).model_dump(mode="json"),
                        headers=headers)


@router.get("/transfers", response_model=CustomerTransferList)
def customer_list_transfers(customer: Customer, context: Context) -> dict[str, Any]:
    """Sent and received, newest first (the last 50)."""
    return {"object": "list", "data": transfers.recent_transfers(context, customer.customer_id)}


@router.get("/transfers/{transfer_id}", response_model=CustomerTransfer)
def customer_get_transfer(
    transfer_id: str, customer: Customer, context: Context
) -> dict[str, Any]:
    return transfers.get_transfer(context, customer.customer_id, transfer_id)


@router.post("/money_requests", response_model=MoneyRequest)
def customer_request_money(
    body: MoneyRequestCreate, customer: Customer, context: Context
) -> dict[str, Any]:
    """Ask the number for an amount; it waits 7 days for the payer's answer."""
    return money_requests.create(context, customer.customer_id, body.phone, body.amount_minor,
                                 body.currency, body.note)


@router.get("/money_requests", response_model=MoneyRequestList)
def customer_list_money_requests(customer: Customer, context: Context) -> dict[str, Any]:
    """Made and received, newest first (the last 50)."""
    return {"object": "list", "data": money_requests.recent(context, customer.customer_id)}


@router.get("/money_requests/{request_id}", response_model=MoneyRequest)
def customer_get_money_request(
    request_id: str, customer: Customer, context: Context
) -> dict[str, Any]:
    return money_requests.get(context, customer.customer_id, request_id)


@router.post("/money_requests/{request_id}/pay", response_model=MoneyRequest)
def customer_pay_money_request(
    request_id: str, body: PinBody, customer: Customer, hasher: Pins, context: Context
) -> dict[str, Any]:
    """The payer pays with the PIN: the money moves and the request is ``paid`` together."""
    return money_requests.pay(context, hasher, customer.customer_id, request_id, body.pin)


@router.post("/money_requests/{request_id}/{action}", response_model=MoneyRequest)
def customer_answer_money_request(
    request_id: str, action: Literal["decline", "cancel"], customer: Customer,
    context: Context, _body: EmptyBody | None = None,
) -> dict[str, Any]:
    """``decline`` (the payer) or ``cancel`` (the requester); no PIN, nothing moves."""
    return money_requests.answer(context, customer.customer_id, request_id, action)
