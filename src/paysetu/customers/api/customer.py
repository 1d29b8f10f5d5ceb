"""``/v1/customer``: the customer's own API (sign-in, PIN, approvals, mandates).

Sign-in answers a session token, sent back as ``Authorization: Bearer cst_...``; an API key
gets 401 here. Everything is the signed-in customer's own: another customer's payment or
mandate answers 404 as a missing one. The app of issue 17 sits on these routes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Depends, Request

from paysetu.customers.api.deps import Context, Customer, Pins, client_address, session_token
from paysetu.customers.api.models import (
    CustomerSessionObject,
    PaymentApproval,
    PaymentApprovalList,
    PinBody,
    PinSet,
    SessionCreate,
    SignInCode,
    SignInCodeCreate,
)
from paysetu.customers.usecases import approvals, pins, sign_in
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.api.models import Mandate
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import EmptyBody

router = APIRouter(prefix="/customer", tags=["customer"])


@router.post("/sign_in_codes", response_model=SignInCode)
def customer_request_code(
    body: SignInCodeCreate, request: Request, context: Context
) -> dict[str, Any]:
    """Text a 6-digit code (5 minutes, 5 tries) to the number, if it has a wallet; the answer
    is the same either way. Throttled per number and per client address (429)."""
    return sign_in.request_code(context, body.phone, client_address(request))


@router.post("/sessions", response_model=CustomerSessionObject)
def customer_create_session(body: SessionCreate, context: Context) -> dict[str, Any]:
    """Exchange the code for a session token (the code works once)."""
    token, session = sign_in.verify_code(context, body.phone, body.code)
    return {"object": "customer_session", "token": token, "customer": session.customer_id,
            "has_pin": pins.has_pin(context, session.customer_id),
            "expires_at": timestamp(session.expires_at)}


@router.get("/session", response_model=CustomerSessionObject)
def customer_get_session(customer: Customer, context: Context) -> dict[str, Any]:
    return {"object": "customer_session", "token": None, "customer": customer.customer_id,
            "has_pin": pins.has_pin(context, customer.customer_id),
            "expires_at": timestamp(customer.expires_at)}


@router.post("/session/delete", response_model=CustomerSessionObject)
def customer_sign_out(
    customer: Customer, request: Request, context: Context, _body: EmptyBody | None = None
) -> dict[str, Any]:
    """Sign out: the token is worthless from now on."""
    sign_in.sign_out(context, session_token(request) or "")
    return {"object": "customer_session", "token": None, "customer": customer.customer_id,
            "has_pin": pins.has_pin(context, customer.customer_id),
            "expires_at": timestamp(customer.expires_at)}


@router.post("/pin", response_model=CustomerSessionObject)
def customer_set_pin(
    body: PinSet, customer: Customer, hasher: Pins, context: Context
) -> dict[str, Any]:
    """Set the payment PIN (4 or 6 digits); changing it needs a fresh sign-in ``code``."""
    pins.set_pin(context, hasher, customer.customer_id, body.pin, body.code)
    return {"object": "customer_session", "token": None, "customer": customer.customer_id,
            "has_pin": True, "expires_at": timestamp(customer.expires_at)}


@router.get("/approvals", response_model=PaymentApprovalList)
def customer_list_approvals(customer: Customer, context: Context) -> dict[str, Any]:
    """Payments waiting for this customer's answer, oldest first."""
    return {"object": "list", "data": approvals.pending(context, customer.customer_id)}


@router.post("/approvals/{payment_id}/approve", response_model=PaymentApproval)
def customer_approve_payment(
    payment_id: str, body: PinBody, customer: Customer, hasher: Pins, context: Context
) -> dict[str, Any]:
    """Approve with the PIN: the wallet is debited now (402 if it cannot cover it; the
    payment then keeps waiting)."""
    return approvals.approve_payment(context, hasher, customer.customer_id, payment_id, body.pin)


@router.post("/approvals/{payment_id}/refuse", response_model=PaymentApproval)
def customer_refuse_payment(
    payment_id: str, customer: Customer, context: Context, _body: EmptyBody | None = None
) -> dict[str, Any]:
    return approvals.refuse_payment(context, customer.customer_id, payment_id)


@router.get("/mandates", response_model=ListOf[Mandate])
def customer_list_mandates(
    customer: Customer, context: Context,
    page: Annotated[PageRequest, Depends(page_request)],
) -> dict[str, Any]:
    data, has_more = approvals.list_mandates(context, customer.customer_id, page)
    return list_object("/v1/customer/mandates", data, has_more)


@router.post("/mandates/{mandate_id}/{action}", response_model=Mandate)
def customer_act_on_mandate(
    mandate_id: str,
    action: Literal["approve", "refuse", "pause", "resume", "revoke"],
    customer: Customer,
    hasher: Pins,
    context: Context,
    body: PinBody | None = None,
) -> dict[str, Any]:
    """``approve`` and ``resume`` need the PIN; ``refuse``, ``pause`` and ``revoke`` do not
    (stopping money is never harder than letting it go). Each takes effect at once."""
    return approvals.act_on_mandate(context, hasher, customer.customer_id, mandate_id, action,
                                    None if body is None else body.pin)
