"""The rows a payment's create and confirm read (merchant, wallet, mandate), asked for at once.

Each is a read the use case cannot do without, and each used to be a round trip of its own.
Asked for ahead (``read_ahead`` on the stores, :mod:`paysetu.db.deferred`), they travel to the
server together when the first of them is needed: one round trip instead of three. A create
with ``confirm`` then hands what it read to the confirm (:class:`PayerRows`), which reads none
of it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from paysetu.access.rules.principals import Principal, Role
from paysetu.kernel.invariants import InvariantViolation
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import Mandate
from paysetu.payments.rules.payments import Merchant, Payment
from paysetu.payments.usecases.checks import storable
from paysetu.payments.usecases.merchants import get_merchant
from paysetu.payments.usecases.ports import PaymentsContext, PaymentsUnitOfWork
from paysetu.wallets.rules.wallets import Wallet


@dataclass(frozen=True, slots=True)
class PayerRows:
    """What a create with ``confirm`` has just read in this transaction: the merchant, the
    wallet, and the mandate (locked when it is the payment's consent)."""

    merchant: Merchant
    wallet: Wallet
    mandate: Mandate | None
    at: datetime
    """When they were asked for (the pre-debit notice, if any, was looked up at this time)."""


def read_ahead(uow: PaymentsUnitOfWork, merchant_id: str, wallet_id: str,
               mandate_id: str | None, *, lock_mandate: bool) -> None:
    """Ask for the rows a create reads; the first of them read sends all."""
    uow.merchants.read_ahead(merchant_id)
    if storable(wallet_id):
        uow.wallets.read_ahead(wallet_id)
    if mandate_id is not None and storable(mandate_id):
        uow.mandates.read_ahead(mandate_id, for_update=lock_mandate)


def read_for_create(
    ctx: PaymentsContext, uow: PaymentsUnitOfWork, caller: Principal, merchant_id: str,
    wallet_id: str, mandate_id: str | None, *, debit_minor: int | None,
) -> PayerRows:
    """The merchant (404 unless the caller's), the wallet and the mandate (the merchant's) a
    create names, in one round trip. ``debit_minor``: the amount a confirm will debit under
    the mandate; the mandate is then locked at this read, and its pre-debit notice for that
    amount read (and locked) with it."""
    at = ctx.clock.now()
    lock_mandate = debit_minor is not None
    read_ahead(uow, merchant_id, wallet_id, mandate_id, lock_mandate=lock_mandate)
    notice_s = ctx.policy.mandates.pre_debit_notice_s
    if debit_minor is not None and mandate_id is not None and storable(mandate_id) and notice_s:
        uow.mandates.read_ahead_notice(mandate_id, debit_minor,
                                       at - timedelta(seconds=notice_s), at)
    merchant = get_merchant(uow, caller, merchant_id)
    wallet = uow.wallets.get(wallet_id) if storable(wallet_id) else None
    if wallet is None:
        raise PaymentRejected(PaymentStatus.WALLET_NOT_FOUND, param="wallet")
    mandate = None
    if mandate_id is not None:
        mandate = uow.mandates.get(mandate_id, for_update=lock_mandate) if storable(
            mandate_id) else None
        if mandate is None or mandate.merchant_id != merchant.id:
            raise PaymentRejected(PaymentStatus.MANDATE_NOT_FOUND, param="mandate")
    return PayerRows(merchant, wallet, mandate, at)


def read_ahead_payer(uow: PaymentsUnitOfWork, payment: Payment) -> None:
    """Ask for the payment's merchant and wallet together (a debit reads both)."""
    uow.merchants.read_ahead(payment.merchant_id)
    uow.wallets.read_ahead(payment.wallet_id)


def read_ahead_capture(uow: PaymentsUnitOfWork, caller: Principal, payment_id: str) -> None:
    """A capture reads its payment (locked), then the payment's merchant; a merchant key sees
    only its own merchant's payments, so for one both are asked for at once."""
    if storable(payment_id):
        uow.payments.read_ahead(payment_id, for_update=True)
    if caller.role is Role.MERCHANT and caller.owner_id:
        uow.merchants.read_ahead(caller.owner_id)


def payer_of(uow: PaymentsUnitOfWork, payment: Payment, read: PayerRows | None
             ) -> tuple[Merchant, Wallet]:
    """The payment's merchant and wallet: ``read`` when the caller read them in this
    transaction (a create with ``confirm``), otherwise both in one round trip."""
    if read is not None:
        return read.merchant, read.wallet
    read_ahead_payer(uow, payment)
    merchant, wallet = uow.merchants.get(payment.merchant_id), uow.wallets.get(payment.wallet_id)
    if merchant is None or wallet is None:
        raise InvariantViolation("a payment's merchant and wallet exist (foreign keys)")
    return merchant, wallet
