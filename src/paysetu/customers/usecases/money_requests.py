"""Money requests: ask a number for an amount; the payer pays it with the PIN or declines it.

A request waits ``request_ttl_s`` (7 days). It expires lazily, in a transaction of its own,
before any read or answer sees it (the injected clock decides), and the worker's
``expire_money_requests`` job expires lapsed ones in batches (``SKIP LOCKED``). Paying locks
the request row and moves the money in the same transaction, so a request is paid at most
once and a cancel racing a payment either comes first or finds it paid. Asking is counted
with the payee look-ups (numbers cannot be enumerated by asking either).
"""

from __future__ import annotations

from typing import Any

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus
from paysetu.customers.rules.transfers import (
    MoneyRequest,
    RequestState,
    check_note,
    check_pending,
    request_expires_at,
    request_is_due,
)
from paysetu.customers.usecases import pins, transfers
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork, PinHasher
from paysetu.events.usecases.events import emit
from paysetu.kernel.timestamps import timestamp
from paysetu.wallets.usecases import wallets

RECENT_MAX = 50


def request_object(uow: CustomersUnitOfWork, request: MoneyRequest) -> dict[str, Any]:
    return {
        "id": request.id, "object": "money_request",
        "requester": request.requester_customer_id, "payer": request.payer_customer_id,
        "requester_view": transfers.payee_object(uow, request.requester_customer_id),
        "payer_view": transfers.payee_object(uow, request.payer_customer_id),
        "amount_minor": request.amount_minor, "currency": request.currency,
        "note": request.note, "status": request.status.value,
        "transfer": request.transfer_id, "expires_at": timestamp(request.expires_at),
        "created": timestamp(request.created_at),
    }


def _end(
    ctx: CustomersContext, uow: CustomersUnitOfWork, request: MoneyRequest,
    status: RequestState, transfer_id: str | None = None,
) -> dict[str, Any]:
    uow.customer_transfers.set_request_status(request.id, status, transfer_id, ctx.clock.now())
    ended = uow.customer_transfers.get_request(request.id)
    assert ended is not None
    obj = request_object(uow, ended)
    emit(ctx, uow, None, f"money_request.{status.value}", obj)
    return obj


def create(
    ctx: CustomersContext, customer_id: str, phone: str, amount_minor: int, currency: str,
    note: str | None,
) -> dict[str, Any]:
    """Ask the number's customer for the amount (both need a wallet in the currency)."""
    text = check_note(note)
    payer_id, _ = transfers.find_payee(ctx, customer_id, phone)
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        requester_wallet, _payer_wallet = transfers.wallets_for(
            uow, payer_id, customer_id, currency)
        wallets.check_amount(amount_minor, currency, wallets.get_wallet(uow, requester_wallet))
        request = MoneyRequest(
            ctx.ids.new_id("mrq"), customer_id, payer_id, amount_minor, currency, text,
            RequestState.PENDING, request_expires_at(now, ctx.customers.request_ttl_s), None,
            now, now)
        uow.customer_transfers.insert_request(request)
        obj = request_object(uow, request)
        emit(ctx, uow, None, "money_request.created", obj)
        uow.commit()
    return obj


def _visible(
    uow: CustomersUnitOfWork, customer_id: str, request_id: str, *, for_update: bool = False,
    as_payer: bool | None = None,
) -> MoneyRequest:
    """The customer's request (``as_payer``: only as its payer / its requester); else 404."""
    request = uow.customer_transfers.get_request(request_id, for_update=for_update)
    if request is None:
        raise CustomerRejected(CustomerStatus.MONEY_REQUEST_NOT_FOUND, param="money_request")
    payer, requester = request.payer_customer_id, request.requester_customer_id
    parties = {True: (payer,), False: (requester,), None: (payer, requester)}[as_payer]
    if customer_id not in parties:
        raise CustomerRejected(CustomerStatus.MONEY_REQUEST_NOT_FOUND, param="money_request")
    return request


def expire_if_due(ctx: CustomersContext, request_id: str) -> None:
    """Record a lapsed request as expired, in its own transaction (a refusal that follows
    does not roll the expiry back)."""
    with ctx.uow_factory() as uow:
        request = uow.customer_transfers.get_request(request_id, for_update=True)
        if request is not None and request_is_due(request, ctx.clock.now()):
            _end(ctx, uow, request, RequestState.EXPIRED)
            uow.commit()


def expire_due(ctx: CustomersContext, uow: CustomersUnitOfWork, limit: int) -> int:
    """For the worker: expire up to ``limit`` lapsed requests; the caller commits."""
    due = uow.customer_transfers.due_requests(ctx.clock.now(), limit)
    for request in due:
        _end(ctx, uow, request, RequestState.EXPIRED)
    return len(due)


def get(ctx: CustomersContext, customer_id: str, request_id: str) -> dict[str, Any]:
    with ctx.reader() as uow:
        _visible(uow, customer_id, request_id)
    expire_if_due(ctx, request_id)
    with ctx.reader() as uow:
        return request_object(uow, _visible(uow, customer_id, request_id))


def recent(ctx: CustomersContext, customer_id: str) -> list[dict[str, Any]]:
    """Made and received, newest first (lapsed ones shown expired)."""
    with ctx.reader() as uow:
        listed = uow.customer_transfers.requests_of(customer_id, RECENT_MAX)
    now = ctx.clock.now()
    for request in listed:
        if request_is_due(request, now):
            expire_if_due(ctx, request.id)
    with ctx.reader() as uow:
        return [request_object(uow, r)
                for r in uow.customer_transfers.requests_of(customer_id, RECENT_MAX)]


def incoming_pending(ctx: CustomersContext, customer_id: str) -> list[dict[str, Any]]:
    """The requests waiting for this customer's answer (the home page's list)."""
    return [r for r in recent(ctx, customer_id)
            if r["payer"] == customer_id and r["status"] == RequestState.PENDING]


def pay(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, request_id: str, pin: str
) -> dict[str, Any]:
    """The payer pays with the PIN: the money moves and the request is paid, together."""
    expire_if_due(ctx, request_id)
    with ctx.reader() as uow:
        check_pending(_visible(uow, customer_id, request_id, as_payer=True), ctx.clock.now())
    pins.verify_pin(ctx, hasher, customer_id, pin)
    with ctx.uow_factory() as uow:
        pins.clear_failures(ctx, uow, customer_id)
        request = _visible(uow, customer_id, request_id, for_update=True, as_payer=True)
        check_pending(request, ctx.clock.now())
        transfer = transfers.move(
            ctx, uow, customer_id, request.requester_customer_id, request.amount_minor,
            request.currency, request.note, request.id)
        assert transfer is not None
        obj = _end(ctx, uow, request, RequestState.PAID, transfer.id)
        uow.commit()
    return obj


def answer(
    ctx: CustomersContext, customer_id: str, request_id: str, action: str
) -> dict[str, Any]:
    """``decline`` (the payer) or ``cancel`` (the requester): no PIN, nothing moves."""
    expire_if_due(ctx, request_id)
    as_payer = action == "decline"
    with ctx.uow_factory() as uow:
        request = _visible(uow, customer_id, request_id, for_update=True, as_payer=as_payer)
        check_pending(request, ctx.clock.now())
        status = RequestState.DECLINED if as_payer else RequestState.CANCELED
        obj = _end(ctx, uow, request, status)
        uow.commit()
    return obj
