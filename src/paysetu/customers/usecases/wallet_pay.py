"""The customer pays a merchant from their own wallet: signed in, PIN checked (consent
``customer``).

One use case behind every place a customer pays by themselves: the wallet's pay page (a
merchant's static QR code, where the customer types the amount, or a dynamic one with the
amount fixed), ``POST /v1/customer/payments``, the hosted checkout's "Pay with paysetu wallet"
and the Alipay-compatible gateway's precreated trades. Each runs the same two steps:

1. :func:`check_pin`: the PIN is checked in a transaction of its own (counted first, so parallel
   guesses count one by one; three wrong ones lock it: ``pin_locked``, with ``Retry-After``);
2. in the caller's one transaction: :func:`approved` clears the PIN's failures, then the
   payment is made with ``customer_approved`` (:func:`charge_merchant` here; the checkout and
   the gateway pay their session or trade with the wallet from :func:`paying_wallet`). A right
   PIN and its debit commit together; any refusal rolls both back.

What the customer learns is their own: a wallet without funds answers
``exceeds_available_balance`` (402) about their own wallet; another customer's wallet is
``wallet_not_found``; a merchant that does not exist is ``merchant_not_found``.

Idempotency: the pay page carries a one-time request key (the API takes ``request_key``); the
payment records it (``metadata.customer_request``) and a second submit with the same key, even
in parallel (a transaction lock on customer and key), answers the first payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.customers.usecases import pins
from paysetu.customers.usecases.ports import CustomersContext, CustomersUnitOfWork, PinHasher
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import masked_payee
from paysetu.payments.usecases import payments
from paysetu.payments.usecases.checks import check_amount, check_text, storable
from paysetu.payments.usecases.objects import payment_object
from paysetu.wallets.rules.wallets import Wallet

WALLET_PAY_KEY_ID = "key_wallet_pay"
"""The ``api_key_id`` of the principal the customer's payment is made as (no key presented)."""
REQUEST_METADATA = "customer_request"
REQUEST_KEY_LENGTH_MAX = 64
WALLETS_LISTED_MAX = 100


@dataclass(frozen=True, slots=True)
class PayOrder:
    """What the customer pays: ``amount_minor`` of ``currency`` to ``merchant_id``.

    Attributes:
        request_key: One per pay page (or API call): a repeat answers the first payment.
        description: Shown to both sides (a note the customer typed, or the trade's subject).
    """

    merchant_id: str
    amount_minor: int
    currency: str
    request_key: str
    description: str | None = None


def acting_merchant(merchant_id: str) -> Principal:
    """The merchant the customer pays, as the caller of the payment services (no key)."""
    return Principal(WALLET_PAY_KEY_ID, Role.MERCHANT, merchant_id, livemode=False)


def payee(uow: CustomersUnitOfWork, merchant_id: str) -> dict[str, str]:
    """The merchant as the pay page shows it before the PIN (masked legal name); 404
    ``merchant_not_found`` for none."""
    merchant = uow.merchants.get(merchant_id) if storable(merchant_id) and len(
        merchant_id) <= REQUEST_KEY_LENGTH_MAX else None
    if merchant is None:
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    return {"id": merchant.id, "name": masked_payee(merchant.legal_name),
            "currency": merchant.settlement_currency}


def paying_wallet(uow: CustomersUnitOfWork, customer_id: str, currency: str) -> Wallet:
    """The customer's own wallet in ``currency``; ``wallet_not_found`` when they have none."""
    wallets, _ = uow.wallets.list_page(customer_id, PageRequest(limit=WALLETS_LISTED_MAX))
    for wallet in wallets:
        if wallet.currency == currency:
            return wallet
    raise PaymentRejected(PaymentStatus.WALLET_NOT_FOUND, f"You have no {currency} wallet.",
                          "wallet")


def check_pin(ctx: CustomersContext, hasher: PinHasher, customer_id: str, pin: str) -> None:
    """Step 1: the customer's PIN, counted in its own transaction (see :mod:`.pins`)."""
    pins.verify_pin(ctx, hasher, customer_id, pin)


def approved(ctx: CustomersContext, uow: CustomersUnitOfWork, customer_id: str) -> None:
    """Step 2's start, in the paying transaction: the right PIN clears its failures."""
    pins.clear_failures(ctx, uow, customer_id)


def _check_order(order: PayOrder) -> None:
    check_amount(order.amount_minor)
    check_text(order.description, "description")
    key = order.request_key
    if not (0 < len(key) <= REQUEST_KEY_LENGTH_MAX and key.isascii() and key.isprintable()):
        raise RequestRejected(RequestStatus.PARAMETER_INVALID,
                              "request_key is 1 to 64 printable ASCII characters.", "request_key")


def charge_merchant(
    ctx: CustomersContext, uow: CustomersUnitOfWork, customer_id: str, order: PayOrder
) -> dict[str, Any]:
    """Pay ``order`` from the customer's wallet in its currency, once per request key (the
    caller checked the PIN and commits)."""
    _check_order(order)
    approved(ctx, uow, customer_id)
    earlier = uow.payments.by_customer_request(customer_id, order.request_key)
    if earlier is not None:
        return payment_object(earlier)
    payee(uow, order.merchant_id)
    wallet = paying_wallet(uow, customer_id, order.currency)
    return payments.create_payment(ctx, uow, acting_merchant(order.merchant_id),
                                   payments.CreatePayment(
        amount_minor=order.amount_minor, currency=order.currency, wallet=wallet.id,
        merchant=order.merchant_id, description=order.description,
        metadata={REQUEST_METADATA: order.request_key}, confirm=True, customer_approved=True))


def pay_merchant(
    ctx: CustomersContext, hasher: PinHasher, customer_id: str, pin: str, order: PayOrder
) -> dict[str, Any]:
    """The whole journey of the pay page and the API: refusals that need no PIN first (so a
    typo in the amount costs no PIN try), then the PIN, then the payment."""
    _check_order(order)
    with ctx.reader() as uow:
        payee(uow, order.merchant_id)
        paying_wallet(uow, customer_id, order.currency)
    check_pin(ctx, hasher, customer_id, pin)
    with ctx.uow_factory() as uow:
        obj = charge_merchant(ctx, uow, customer_id, order)
        uow.commit()
    return obj


def customer_receipt(uow: CustomersUnitOfWork, customer_id: str, payment_id: str) -> dict[str, Any]:
    """A payment of the customer's, as their receipt shows it (another's: 404)."""
    payment = uow.payments.get(payment_id) if storable(payment_id) and len(
        payment_id) <= REQUEST_KEY_LENGTH_MAX else None
    if payment is None or payment.customer_id != customer_id:
        raise PaymentRejected(PaymentStatus.PAYMENT_NOT_FOUND, param="payment")
    merchant = uow.merchants.get(payment.merchant_id)
    obj = payment_object(payment)
    return {**obj, "payee": "?" if merchant is None else masked_payee(merchant.legal_name)}
