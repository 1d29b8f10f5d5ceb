"""Checkout sessions, the merchant's side: create, read, list, expire.

A merchant key creates sessions for itself and sees only its own (another merchant's answer 404
``checkout_session_not_found``, exactly as a missing one); the platform key names the merchant.
The buyer's side (choosing a currency, paying) is
:mod:`paysetu.checkout.usecases.checkout_buyer`; it needs no key because the session id is
itself the capability.

``public_base`` is where the hosted page is served (``https://pay.example``); the session's
``url`` is ``{public_base}/checkout/{id}``. Callers pass it (the HTTP route: the request's base
URL; the Alipay gateway: its own), so the service never guesses the deployment's address.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.rules.sessions import (
    CheckoutSession,
    CheckoutState,
    check_client_reference,
    check_expiry,
    check_url,
)
from paysetu.checkout.usecases.ports import CheckoutContext, CheckoutUnitOfWork
from paysetu.events.usecases.events import emit
from paysetu.kernel.money import is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases.checks import (
    check_amount,
    check_cursors,
    check_metadata,
    check_text,
    merchant_scope,
    storable,
)
from paysetu.payments.usecases.merchants import get_merchant

SESSION_PREFIX = "cs"
SECRET_BYTES = 24
"""Random bytes appended to the session's ULID: the id is the buyer's only credential."""


@dataclass(frozen=True, slots=True)
class CreateCheckoutSession:
    """A merchant's priced order, to be paid on the hosted checkout page.

    Attributes:
        amount_minor: The price, in ``currency``'s minor units; the merchant is credited it.
        return_url: Where the buyer goes after paying (``checkout_session=<id>`` is added).
        cancel_url: Where "Back to the merchant" leads before paying (default: none shown).
        client_reference: The merchant's own order number, shown back on the session.
        expires_at: Default 30 minutes from now; 30 minutes to 24 hours.
        merchant: Required with the platform key; a merchant key's sessions are its own.
    """

    amount_minor: int
    currency: str
    return_url: str
    cancel_url: str | None = None
    description: str | None = None
    metadata: Mapping[str, str] | None = None
    client_reference: str | None = None
    expires_at: datetime | None = None
    merchant: str | None = None


def checkout_url(public_base: str, session_id: str) -> str:
    """The hosted page of a session."""
    return f"{public_base.rstrip('/')}/checkout/{session_id}"


def _validated(command: CreateCheckoutSession, now: datetime) -> datetime:
    """The request's own rules, in precedence order; the session's deadline."""
    if not is_currency(command.currency):
        raise PaymentRejected(PaymentStatus.CURRENCY_INVALID, param="currency")
    check_amount(command.amount_minor)
    check_metadata(command.metadata or {})
    check_text(command.description, "description")
    check_url(command.return_url, "return_url")
    if command.cancel_url is not None:
        check_url(command.cancel_url, "cancel_url")
    check_client_reference(command.client_reference)
    return check_expiry(command.expires_at, now)


def _session_merchant(uow: CheckoutUnitOfWork, caller: Principal, merchant_id: str | None) -> str:
    if not storable(merchant_id):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    if merchant_id is None and caller.role is Role.PLATFORM:
        raise RequestRejected(RequestStatus.PARAMETER_MISSING,
                              "merchant is required with a platform key.", "merchant")
    scope = merchant_scope(caller)
    return get_merchant(uow, caller, merchant_id or scope or "").id


def create_session(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    caller: Principal,
    command: CreateCheckoutSession,
    public_base: str,
) -> dict[str, Any]:
    """Store an open session; its ``url`` is the page to send the buyer to."""
    now = ctx.clock.now()
    expires_at = _validated(command, now)
    merchant_id = _session_merchant(uow, caller, command.merchant)
    session_id = f"{ctx.ids.new_id(SESSION_PREFIX)}_{ctx.secrets.token(SECRET_BYTES)}"
    session = CheckoutSession(
        id=session_id,
        merchant_id=merchant_id,
        amount_minor=command.amount_minor,
        currency=command.currency,
        description=command.description,
        return_url=command.return_url,
        cancel_url=command.cancel_url,
        client_reference=command.client_reference,
        metadata=dict(command.metadata or {}),
        status=CheckoutState.OPEN,
        presentment_currency=None,
        presentment_amount_minor=None,
        fx_quote_id=None,
        payment_id=None,
        source_kind=None,
        source_hint=None,
        expires_at=expires_at,
        completed_at=None,
        created_at=now,
        updated_at=now,
    )
    uow.checkout_sessions.insert(session)
    return session_object(session, now, public_base)


def visible_session(
    uow: CheckoutUnitOfWork, caller: Principal, session_id: str, *, for_update: bool = False
) -> CheckoutSession:
    """The session if ``caller`` may see it; otherwise, exactly as for a missing one, 404."""
    merchant_scope(caller)
    session = (
        uow.checkout_sessions.get(session_id, for_update=for_update)
        if storable(session_id)
        else None
    )
    if session is None or not caller.owns_merchant(session.merchant_id):
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_SESSION_NOT_FOUND, param="session")
    return session


def get_session(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    caller: Principal,
    session_id: str,
    public_base: str,
) -> dict[str, Any]:
    return session_object(visible_session(uow, caller, session_id), ctx.clock.now(), public_base)


def list_sessions(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    caller: Principal,
    status: str | None,
    page: PageRequest,
    public_base: str,
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first, only the caller's merchant's (the platform sees all)."""
    scope = merchant_scope(caller)
    check_cursors(page)
    if status is not None and status not in {s.value for s in CheckoutState}:
        raise CheckoutRejected(CheckoutStatus.CHECKOUT_STATUS_INVALID, param="status")
    now = ctx.clock.now()
    state = None if status is None else CheckoutState(status)
    items, has_more = uow.checkout_sessions.list_page(scope, state, now, page)
    return [session_object(s, now, public_base) for s in items], has_more


def expire_session(
    ctx: CheckoutContext,
    uow: CheckoutUnitOfWork,
    caller: Principal,
    session_id: str,
    public_base: str,
) -> dict[str, Any]:
    """Close an open session to payment; expiring an expired one changes nothing."""
    session = visible_session(uow, caller, session_id, for_update=True)
    now = ctx.clock.now()
    if session.status is CheckoutState.COMPLETE:
        raise CheckoutRejected(
            CheckoutStatus.CHECKOUT_SESSION_COMPLETE,
            f"Checkout session {session.id} was paid by {session.payment_id}; refund the"
            " payment instead.",
            "session",
        )
    if session.status is CheckoutState.OPEN:
        session = replace(session, status=CheckoutState.EXPIRED, updated_at=now)
        uow.checkout_sessions.save(session)
        obj = session_object(session, now, public_base)
        emit(ctx, uow, session.merchant_id, "checkout.session.expired", obj)
        return obj
    return session_object(session, now, public_base)


def session_object(session: CheckoutSession, now: datetime, public_base: str) -> dict[str, Any]:
    """A session as the API shows it; amounts in minor units, times in Unix seconds."""
    return {
        "id": session.id,
        "object": "checkout_session",
        "merchant": session.merchant_id,
        "amount_minor": session.amount_minor,
        "currency": session.currency,
        "description": session.description,
        "status": session.state_at(now).value,
        "url": checkout_url(public_base, session.id),
        "return_url": session.return_url,
        "cancel_url": session.cancel_url,
        "client_reference": session.client_reference,
        "metadata": dict(session.metadata),
        "presentment_currency": session.presentment_currency,
        "presentment_amount_minor": session.presentment_amount_minor,
        "fx_quote": session.fx_quote_id,
        "payment": session.payment_id,
        "payment_source": None
        if session.source_kind is None
        else {"type": session.source_kind.value, "hint": session.source_hint},
        "expires_at": timestamp(session.expires_at),
        "completed_at": None if session.completed_at is None else timestamp(session.completed_at),
        "created": timestamp(session.created_at),
    }
