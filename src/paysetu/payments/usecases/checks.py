"""Checks and lookups every payment, refund and escrow use case shares.

Scoping lives here so that it is one rule everywhere: a merchant key sees only its own
merchant's objects, the platform key sees all, and an object the caller may not see is
reported exactly as a missing one (404), never with its data.

An id or cursor with a NUL character names nothing (PostgreSQL text cannot hold one), so it is
answered as unknown here instead of reaching the database.
"""

from __future__ import annotations

from collections.abc import Mapping

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.money import AMOUNT_MINOR_MAX
from paysetu.kernel.pagination import PageRequest
from paysetu.ledger.rules.entries import metadata_is_valid
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.payments import Payment
from paysetu.payments.usecases.ports import PaymentsUnitOfWork

DESCRIPTION_LENGTH_MAX = 1000


def merchant_scope(caller: Principal) -> str | None:
    """The merchant whose objects ``caller`` sees; None for the platform (all merchants).

    The one scoping rule of payments, refunds, balance transactions, webhooks and events; a
    lender key (or a merchant key without a merchant) sees none of them: 404.
    """
    if caller.role is Role.PLATFORM:
        return None
    if caller.role is Role.MERCHANT and caller.owner_id:
        return caller.owner_id
    raise RequestRejected(RequestStatus.RESOURCE_MISSING)


def storable(text: str | None) -> bool:
    """Whether ``text`` can be stored or looked up at all (no NUL character)."""
    return text is None or "\x00" not in text


def check_cursors(page: PageRequest) -> None:
    for param, cursor in (("starting_after", page.starting_after),
                          ("ending_before", page.ending_before)):
        if not storable(cursor):
            raise RequestRejected(RequestStatus.CURSOR_INVALID, param=param)


def check_amount(amount_minor: int, param: str = "amount_minor") -> None:
    if amount_minor <= 0:
        raise PaymentRejected(PaymentStatus.AMOUNT_MUST_BE_POSITIVE, param=param)
    if amount_minor > AMOUNT_MINOR_MAX:
        raise PaymentRejected(PaymentStatus.AMOUNT_TOO_LARGE, param=param)


def check_text(text: str | None, param: str) -> None:
    if text is not None and not (len(text) <= DESCRIPTION_LENGTH_MAX and storable(text)):
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            f"{param} is at most {DESCRIPTION_LENGTH_MAX} characters.", param,
        )


def check_metadata(metadata: Mapping[str, str]) -> None:
    if not metadata_is_valid(metadata):
        raise PaymentRejected(PaymentStatus.METADATA_INVALID, param="metadata")


def visible_payment(
    uow: PaymentsUnitOfWork, caller: Principal, payment_id: str, *, for_update: bool = False,
    param: str = "payment",
) -> Payment:
    """The payment if ``caller`` may see it; otherwise, exactly as for a missing one, 404."""
    payment = uow.payments.get(payment_id, for_update=for_update) if storable(payment_id) else None
    if payment is None or not caller.owns_merchant(payment.merchant_id):
        raise PaymentRejected(PaymentStatus.PAYMENT_NOT_FOUND, param=param)
    return payment
