"""The payment PIN: set after the first sign-in, changed only with a fresh one-time code,
checked before every debit the customer approves.

A check is claimed first, in a transaction of its own that commits (one UPDATE counts it and,
at the last allowed wrong try, locks the PIN), so parallel guesses count one by one: of any
number sent at once exactly ``pin_tries_max`` are checked. The argon2id verification then
runs with no transaction open. The caller clears the count in the transaction that does what
the PIN was for (:func:`clear_failures`), so a right PIN and its debit commit together.
"""

from __future__ import annotations

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus, CustomerThrottled
from paysetu.customers.rules.identity import check_pin_format, wait_s
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork, PinHasher
from paysetu.customers.usecases.sign_in import consume_fresh_code


def has_pin(ctx: CustomersContext, customer_id: str) -> bool:
    with ctx.reader() as uow:
        return uow.customer_auth.has_pin(customer_id)


def set_pin(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, pin: str, code: str | None
) -> None:
    """Set the PIN; replacing one needs ``code``, a fresh one-time code of the customer."""
    check_pin_format(pin)
    if has_pin(ctx, customer_id):
        if not code:
            raise CustomerRejected(CustomerStatus.FRESH_SIGN_IN_REQUIRED, param="code")
        consume_fresh_code(ctx, customer_id, code)
    pin_hash = hasher.hash(pin)
    with ctx.uow_factory() as uow:
        uow.customer_auth.set_pin(customer_id, pin_hash, ctx.clock.now())
        uow.commit()


def verify_pin(ctx: CustomersContext, hasher: PinHasher, customer_id: str, pin: str) -> None:
    """Refuse unless ``pin`` is the customer's PIN (the try is counted either way)."""
    check_pin_format(pin)
    policy = ctx.customers
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        pin_hash = uow.customer_auth.claim_pin_try(
            customer_id, now, policy.pin_tries_max, policy.pin_lock_s)
        locked_until = None if pin_hash else uow.customer_auth.pin_locked_until(customer_id, now)
        has = pin_hash is not None or uow.customer_auth.has_pin(customer_id)
        uow.commit()
    if pin_hash is None:
        if locked_until is not None:
            raise CustomerThrottled(CustomerStatus.PIN_LOCKED, wait_s(locked_until, now), "pin")
        if not has:
            raise CustomerRejected(CustomerStatus.PIN_NOT_SET, param="pin")
        raise CustomerThrottled(CustomerStatus.PIN_LOCKED, 1, "pin")  # unlocked meanwhile
    if not hasher.verify(pin_hash, pin):
        raise CustomerRejected(CustomerStatus.PIN_INCORRECT, param="pin")


def clear_failures(ctx: CustomersContext, uow: CustomersUnitOfWork, customer_id: str) -> None:
    """After a right PIN, in the transaction of what it was for."""
    uow.customer_auth.clear_pin_failures(customer_id, ctx.clock.now())
