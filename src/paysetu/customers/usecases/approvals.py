"""The customer answers: approve a payment or a mandate with the PIN, refuse, pause, revoke.

The customer is the one signed in (``customer_id`` from the session); the payments side
(:mod:`paysetu.payments.usecases.approvals`, :mod:`paysetu.payments.usecases.mandates`)
reports another customer's payment or mandate as missing. An approval checks the PIN first
(counted in its own transaction, :mod:`.pins`), then clears the PIN's failures and debits
(or activates the mandate) in one transaction: nothing partial is written.
"""

from __future__ import annotations

from typing import Any

from paysetu.customers.usecases import pins
from paysetu.customers.usecases.ports import CustomersContext, PinHasher
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.usecases import approvals, mandates, payments


def pending(ctx: CustomersContext, customer_id: str) -> list[dict[str, Any]]:
    with ctx.reader() as uow:
        return approvals.pending_approvals(uow, customer_id)


def _expire_if_due(ctx: CustomersContext, payment_id: str) -> None:
    """Record a lapsed approval (canceled, expired) before answering it, in its own
    transaction, so the refusal ``approval_expired`` does not roll the expiry back."""
    with ctx.uow_factory() as uow:
        if payments.expire_if_due(ctx, uow, payment_id):
            uow.commit()


def approve_payment(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, payment_id: str, pin: str
) -> dict[str, Any]:
    _expire_if_due(ctx, payment_id)
    with ctx.reader() as uow:
        approvals.customer_payment(uow, customer_id, payment_id)  # 404 before the PIN
    pins.verify_pin(ctx, hasher, customer_id, pin)
    with ctx.uow_factory() as uow:
        pins.clear_failures(ctx, uow, customer_id)
        obj = approvals.approve_payment(ctx, uow, customer_id, payment_id)
        uow.commit()
    return obj


def refuse_payment(ctx: CustomersContext, customer_id: str, payment_id: str) -> dict[str, Any]:
    _expire_if_due(ctx, payment_id)
    with ctx.uow_factory() as uow:
        obj = approvals.refuse_payment(ctx, uow, customer_id, payment_id)
        uow.commit()
    return obj


def list_mandates(
    ctx: CustomersContext, customer_id: str, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    with ctx.reader() as uow:
        return mandates.customer_mandates(ctx, uow, customer_id, page)


def act_on_mandate(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, mandate_id: str,
    action: str, pin: str | None,
) -> dict[str, Any]:
    """``approve`` and ``resume`` need the PIN; refuse, pause and revoke only the session:
    stopping money is never harder than letting it go."""
    with ctx.reader() as uow:
        mandates.customer_mandate(uow, customer_id, mandate_id)  # 404 before the PIN
    needs_pin = action in ("approve", "resume")
    if needs_pin:
        pins.verify_pin(ctx, hasher, customer_id, pin or "")
    with ctx.uow_factory() as uow:
        if needs_pin:
            pins.clear_failures(ctx, uow, customer_id)
        obj = mandates.act_on_mandate(ctx, uow, customer_id, mandate_id, action)
        uow.commit()
    return obj

