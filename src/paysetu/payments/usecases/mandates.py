"""Mandates: the merchant requests, notifies and cancels; the customer answers and controls.

The merchant's side takes the API caller (a merchant key sees its own mandates only, 404 for
the rest). The customer's side takes the id of a customer whom the caller has already
authenticated (signed in, and with the PIN for an approval: ``paysetu.customers``); a mandate
of another customer is reported as missing. Every change locks the mandate row first, so a
pause or a revoke and a debit under it happen one after the other (see ``payments.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from paysetu.access.rules.principals import Principal
from paysetu.events.usecases.events import emit
from paysetu.kernel.money import is_currency
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import (
    Mandate,
    MandateFrequency,
    MandateNotice,
    MandateState,
    effective_state,
    masked_payee,
)
from paysetu.payments.usecases.checks import check_amount, check_cursors, merchant_scope, storable
from paysetu.payments.usecases.merchants import get_merchant
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork

PURPOSE_LENGTH_MAX = 200


@dataclass(frozen=True, slots=True)
class CreateMandate:
    """A merchant's request for a mandate on a customer's wallet.

    Attributes:
        amount_max_minor: The most one debit may take.
        frequency: ``as_presented`` (on demand) or at most one debit per day/week/month/year.
        valid_until: The last moment a debit may happen.
        merchant: Required with the platform key; a merchant key requests for itself.
    """

    wallet: str
    amount_max_minor: int
    currency: str
    frequency: str
    purpose: str
    valid_until: datetime
    merchant: str | None = None


def mandate_object(mandate: Mandate, now: datetime, payee: str) -> dict[str, Any]:
    """The API form; ``status`` is the state as of ``now`` (a lapsed one reads ``expired``);
    ``payee`` is the merchant as its customer sees it (masked legal name), for both sides."""
    return {
        "id": mandate.id,
        "object": "mandate",
        "merchant": mandate.merchant_id,
        "payee": payee,
        "customer": mandate.customer_id,
        "wallet": mandate.wallet_id,
        "currency": mandate.currency,
        "amount_max_minor": mandate.amount_max_minor,
        "frequency": mandate.frequency.value,
        "purpose": mandate.purpose,
        "valid_until": timestamp(mandate.valid_until),
        "status": effective_state(mandate, now).value,
        "last_debit_at": None if mandate.last_debit_at is None else timestamp(
            mandate.last_debit_at),
        "created": timestamp(mandate.created_at),
    }


def _payee(uow: PaymentsUnitOfWork, mandate: Mandate) -> str:
    merchant = uow.merchants.get(mandate.merchant_id)
    return "?" if merchant is None else masked_payee(merchant.legal_name)


def create_mandate(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, command: CreateMandate
) -> dict[str, Any]:
    """A ``pending`` mandate the customer will approve with the PIN (or refuse)."""
    check_amount(command.amount_max_minor, "amount_max_minor")
    now = ctx.clock.now()
    if (command.frequency not in {f.value for f in MandateFrequency}
            or not (0 < len(command.purpose) <= PURPOSE_LENGTH_MAX and storable(command.purpose))
            or command.valid_until <= now or not is_currency(command.currency)):
        raise PaymentRejected(PaymentStatus.MANDATE_TERMS_INVALID)
    if not storable(command.merchant):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    merchant = get_merchant(uow, caller, command.merchant or caller.owner_id or "")
    wallet = uow.wallets.get(command.wallet) if storable(command.wallet) else None
    if wallet is None:
        raise PaymentRejected(PaymentStatus.WALLET_NOT_FOUND, param="wallet")
    if wallet.currency != command.currency:
        raise PaymentRejected(PaymentStatus.CURRENCY_MISMATCH, param="currency")
    mandate = Mandate(
        id=ctx.ids.new_id("man"), merchant_id=merchant.id, customer_id=wallet.customer_id,
        wallet_id=wallet.id, currency=command.currency,
        amount_max_minor=command.amount_max_minor,
        frequency=MandateFrequency(command.frequency), purpose=command.purpose,
        valid_until=command.valid_until, status=MandateState.PENDING, last_debit_at=None,
        created_at=now, updated_at=now,
    )
    uow.mandates.insert(mandate)
    obj = mandate_object(mandate, now, masked_payee(merchant.legal_name))
    emit(ctx, uow, merchant.id, "mandate.created", obj)
    return obj


def _visible(
    uow: PaymentsUnitOfWork, caller: Principal, mandate_id: str, *, for_update: bool = False
) -> Mandate:
    mandate = uow.mandates.get(mandate_id, for_update=for_update) if storable(mandate_id) else None
    if mandate is None or not caller.owns_merchant(mandate.merchant_id):
        raise PaymentRejected(PaymentStatus.MANDATE_NOT_FOUND, param="mandate")
    return mandate


def get_mandate(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, mandate_id: str
) -> dict[str, Any]:
    mandate = _visible(uow, caller, mandate_id)
    return mandate_object(mandate, ctx.clock.now(), _payee(uow, mandate))


def list_mandates(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    check_cursors(page)
    items, has_more = uow.mandates.list_page(merchant_scope(caller), None, page)
    now = ctx.clock.now()
    return [mandate_object(m, now, _payee(uow, m)) for m in items], has_more


def send_notice(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, mandate_id: str,
    amount_minor: int, debit_after: datetime,
) -> dict[str, Any]:
    """The pre-debit notification of one upcoming debit (RBI: at least 24 h before it).

    The customer is told the amount and the date and may pause or revoke the mandate before
    it. The notice is used by the first debit of that amount after ``debit_after``."""
    check_amount(amount_minor)
    mandate = _visible(uow, caller, mandate_id, for_update=True)
    now = ctx.clock.now()
    if effective_state(mandate, now) is not MandateState.ACTIVE:
        raise PaymentRejected(PaymentStatus.MANDATE_NOT_ACTIVE, param="mandate")
    if amount_minor > mandate.amount_max_minor:
        raise PaymentRejected(PaymentStatus.MANDATE_AMOUNT_EXCEEDED, param="amount_minor")
    debit_at = max(debit_after, now + timedelta(seconds=ctx.policy.mandates.pre_debit_notice_s))
    notice = MandateNotice(ctx.ids.new_id("mdn"), mandate.id, amount_minor, debit_at, now, None)
    uow.mandates.insert_notice(notice)
    obj = {"id": notice.id, "object": "mandate_notice", "mandate": mandate.id,
           "amount_minor": amount_minor, "currency": mandate.currency,
           "debit_after": timestamp(debit_at), "created": timestamp(now)}
    emit(ctx, uow, mandate.merchant_id, "mandate.notice_sent",
         mandate_object(mandate, now, _payee(uow, mandate)))
    return obj


def cancel_mandate(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, mandate_id: str
) -> dict[str, Any]:
    """The merchant withdraws its mandate (any live state): ``revoked`` at once."""
    mandate = _visible(uow, caller, mandate_id, for_update=True)
    return _move(ctx, uow, mandate, MandateState.REVOKED, "mandate.revoked")


_TRANSITIONS = {
    "approve": ((MandateState.PENDING,), MandateState.ACTIVE, "mandate.approved"),
    "refuse": ((MandateState.PENDING,), MandateState.REFUSED, "mandate.refused"),
    "pause": ((MandateState.ACTIVE,), MandateState.PAUSED, "mandate.paused"),
    "resume": ((MandateState.PAUSED,), MandateState.ACTIVE, "mandate.resumed"),
    "revoke": ((MandateState.PENDING, MandateState.ACTIVE, MandateState.PAUSED),
               MandateState.REVOKED, "mandate.revoked"),
}
CUSTOMER_ACTIONS = frozenset(_TRANSITIONS)


def customer_mandate(
    uow: PaymentsUnitOfWork, customer_id: str, mandate_id: str, *, for_update: bool = False
) -> Mandate:
    """The customer's own mandate; another customer's is reported as missing."""
    mandate = uow.mandates.get(mandate_id, for_update=for_update) if storable(mandate_id) else None
    if mandate is None or mandate.customer_id != customer_id:
        raise PaymentRejected(PaymentStatus.MANDATE_NOT_FOUND, param="mandate")
    return mandate


def act_on_mandate(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, customer_id: str, mandate_id: str,
    action: str,
) -> dict[str, Any]:
    """The customer's ``approve`` (the caller checked the PIN), ``refuse``, ``pause``,
    ``resume`` or ``revoke``; takes effect at once (the row lock orders it with debits)."""
    sources, target, event = _TRANSITIONS[action]
    mandate = customer_mandate(uow, customer_id, mandate_id, for_update=True)
    if effective_state(mandate, ctx.clock.now()) not in sources:
        raise PaymentRejected(
            PaymentStatus.MANDATE_UNEXPECTED_STATE,
            f"A mandate that is {effective_state(mandate, ctx.clock.now()).value} cannot be"
            f" {action}d.", "mandate")
    return _move(ctx, uow, mandate, target, event)


def _move(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, mandate: Mandate, target: MandateState,
    event: str,
) -> dict[str, Any]:
    now = ctx.clock.now()
    if effective_state(mandate, now) in (MandateState.REVOKED, MandateState.REFUSED,
                                         MandateState.EXPIRED):
        raise PaymentRejected(PaymentStatus.MANDATE_UNEXPECTED_STATE, param="mandate")
    moved = replace(mandate, status=target, updated_at=now)
    uow.mandates.save(moved)
    obj = mandate_object(moved, now, _payee(uow, moved))
    emit(ctx, uow, mandate.merchant_id, event, obj)
    return obj


def customer_mandates(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, customer_id: str, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """The customer's mandates, each naming its payee as the customer sees it."""
    check_cursors(page)
    items, has_more = uow.mandates.list_page(None, customer_id, page)
    now = ctx.clock.now()
    return [mandate_object(m, now, _payee(uow, m)) for m in items], has_more
