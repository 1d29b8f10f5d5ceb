"""Send money to another customer by mobile number, with the PIN; look a payee up first.

The order of a send: a replay of the same Idempotency-Key answers the first result; the payee
look-up is counted (one upsert in its own committed transaction, the sign-in codes' counter,
under the key ``lookup:<customer>``) so numbers cannot be enumerated; then the payee, both
wallets and the PIN are checked (nothing written on a refusal but the counted try); then, in
one transaction, the PIN's failures are cleared, the wallets' transfer applies one balanced
entry (the payee's KYC balance limit checked under the entry's locks) and the transfer row is
inserted. A parallel duplicate with the same key waits on the row's unique index and then
answers the first transfer.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus, CustomerThrottled
from paysetu.customers.rules.identity import wait_s
from paysetu.customers.rules.transfers import CustomerTransfer, check_note, masked_name
from paysetu.customers.usecases import pins
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork, PinHasher
from paysetu.events.usecases.events import emit
from paysetu.kernel.phones import e164, masked
from paysetu.kernel.timestamps import timestamp
from paysetu.wallets.usecases import wallets

RECENT_MAX = 50


def _count_lookup(ctx: CustomersContext, customer_id: str) -> None:
    """Count one payee look-up of the customer; past the limit, ``payee_lookup_throttled``."""
    policy = ctx.customers
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        count, started = uow.customer_auth.count_request(
            f"lookup:{customer_id}", now, policy.lookup_window_s)
        uow.commit()
    if count > policy.lookups_max:
        ends = started + timedelta(seconds=policy.lookup_window_s)
        raise CustomerThrottled(CustomerStatus.PAYEE_LOOKUP_THROTTLED, wait_s(ends, now), "phone")


def _payee(uow: CustomersUnitOfWork, customer_id: str, phone: str) -> str:
    phone_e164 = e164(phone)
    if phone_e164 is None:
        raise CustomerRejected(CustomerStatus.PHONE_INVALID, param="phone")
    payee = uow.customer_auth.customer_by_phone(phone_e164)
    if payee is None:
        raise CustomerRejected(CustomerStatus.PAYEE_NOT_FOUND, param="phone")
    if payee == customer_id:
        raise CustomerRejected(CustomerStatus.PAYEE_IS_SELF, param="phone")
    return payee


def payee_object(uow: CustomersUnitOfWork, payee_id: str) -> dict[str, Any]:
    customer = wallets.get_customer(uow, payee_id)
    return {"object": "payee", "name": masked_name(customer.name),
            "phone": masked(customer.phone_e164 or "")}


def find_payee(
    ctx: CustomersContext, customer_id: str, phone: str, *, counted: bool = True
) -> tuple[str, dict[str, Any]]:
    """The payee's customer id and the masked view of them (counted against enumeration)."""
    if counted:
        _count_lookup(ctx, customer_id)
    with ctx.reader() as uow:
        payee_id = _payee(uow, customer_id, phone)
        return payee_id, payee_object(uow, payee_id)


def wallets_for(
    uow: CustomersUnitOfWork, payer_id: str, payee_id: str, currency: str
) -> tuple[str, str]:
    payer_wallet = uow.customer_transfers.wallet_for(payer_id, currency)
    if payer_wallet is None:
        raise CustomerRejected(CustomerStatus.PAYER_WALLET_MISSING, param="currency")
    payee_wallet = uow.customer_transfers.wallet_for(payee_id, currency)
    if payee_wallet is None:
        raise CustomerRejected(CustomerStatus.PAYEE_WALLET_MISSING, param="currency")
    return payer_wallet, payee_wallet


def transfer_object(uow: CustomersUnitOfWork, transfer: CustomerTransfer) -> dict[str, Any]:
    return {
        "id": transfer.id, "object": "customer_transfer",
        "payer": transfer.payer_customer_id, "payee": transfer.payee_customer_id,
        "payee_view": payee_object(uow, transfer.payee_customer_id),
        "payer_wallet": transfer.payer_wallet_id, "payee_wallet": transfer.payee_wallet_id,
        "amount_minor": transfer.amount_minor, "currency": transfer.currency,
        "note": transfer.note, "money_request": transfer.money_request_id,
        "journal_entry": transfer.entry_id, "consent": "customer",
        "created": timestamp(transfer.created_at),
    }


def move(
    ctx: CustomersContext, uow: CustomersUnitOfWork, payer_id: str, payee_id: str,
    amount_minor: int, currency: str, note: str | None, money_request_id: str | None,
    key: str | None = None, fingerprint: str | None = None,
) -> CustomerTransfer | None:
    """The money moves (one entry) and the transfer is recorded; None when the payer's key
    was taken meanwhile (the caller rolls back and replays). The caller commits."""
    payer_wallet, payee_wallet = wallets_for(uow, payer_id, payee_id, currency)
    transfer_id = ctx.ids.new_id("ctr")
    meta = {"consent": "customer", "customer_transfer": transfer_id}
    moved = wallets.transfer(ctx, uow, payer_wallet, payee_wallet, amount_minor, currency, meta)
    transfer = CustomerTransfer(
        transfer_id, payer_id, payee_id, payer_wallet, payee_wallet, amount_minor, currency,
        note, str(moved["journal_entry"]), money_request_id, key, fingerprint, ctx.clock.now())
    if not uow.customer_transfers.insert_transfer(transfer):
        return None
    emit(ctx, uow, None, "customer_transfer.created", transfer_object(uow, transfer))
    return transfer


def _fingerprint(phone_e164: str, amount_minor: int, currency: str, note: str | None) -> str:
    text = f"{phone_e164}|{amount_minor}|{currency}|{note or ''}"
    return hashlib.sha256(text.encode()).hexdigest()


def _replay(
    ctx: CustomersContext, customer_id: str, key: str, fingerprint: str
) -> dict[str, Any] | None:
    with ctx.reader() as uow:
        earlier = uow.customer_transfers.transfer_by_key(customer_id, key)
        if earlier is None:
            return None
        if earlier.request_fingerprint != fingerprint:
            raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_REUSED, param="Idempotency-Key")
        return transfer_object(uow, earlier)


def send(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, phone: str, amount_minor: int,
    currency: str, note: str | None, pin: str, key: str | None,
) -> tuple[dict[str, Any], bool]:
    """Send money; ``(the transfer, whether it was a replay of the key's first send)``."""
    if key is not None and not (1 <= len(key) <= 255 and key.isprintable()):
        raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_INVALID, param="Idempotency-Key")
    text = check_note(note)
    phone_e164 = e164(phone)
    if phone_e164 is None:
        raise CustomerRejected(CustomerStatus.PHONE_INVALID, param="phone")
    fingerprint = _fingerprint(phone_e164, amount_minor, currency, text)
    if key is not None and (replayed := _replay(ctx, customer_id, key, fingerprint)):
        return replayed, True
    payee_id, _ = find_payee(ctx, customer_id, phone_e164)
    with ctx.reader() as uow:
        payer_wallet, _payee_wallet = wallets_for(uow, customer_id, payee_id, currency)
        wallets.check_amount(amount_minor, currency, wallets.get_wallet(uow, payer_wallet))
    pins.verify_pin(ctx, hasher, customer_id, pin)
    with ctx.uow_factory() as uow:
        pins.clear_failures(ctx, uow, customer_id)
        transfer = move(ctx, uow, customer_id, payee_id, amount_minor, currency, text, None,
                        key, fingerprint)
        if transfer is not None:
            obj = transfer_object(uow, transfer)
            uow.commit()
            return obj, False
    replayed = _replay(ctx, customer_id, key or "", fingerprint)
    if replayed is None:  # pragma: no cover - the key's row exists once the insert conflicted
        raise RequestRejected(RequestStatus.IDEMPOTENCY_KEY_IN_USE, param="Idempotency-Key")
    return replayed, True


def get_transfer(ctx: CustomersContext, customer_id: str, transfer_id: str) -> dict[str, Any]:
    """Sent or received by the customer; another customer's is missing (404)."""
    with ctx.reader() as uow:
        transfer = uow.customer_transfers.get_transfer(transfer_id)
        if transfer is None or customer_id not in (transfer.payer_customer_id,
                                                   transfer.payee_customer_id):
            raise CustomerRejected(CustomerStatus.TRANSFER_NOT_FOUND, param="transfer")
        return transfer_object(uow, transfer)


def recent_transfers(ctx: CustomersContext, customer_id: str) -> list[dict[str, Any]]:
    with ctx.reader() as uow:
        return [transfer_object(uow, t)
                for t in uow.customer_transfers.transfers_of(customer_id, RECENT_MAX)]
