"""Hosted checkout sessions: the record, its states, and the rules a buyer's input must meet.

A merchant prices an order (amount and currency) and gets a session whose id is a capability:
``cs_<ULID>_<random>``, so whoever holds the checkout URL may pay it and nobody can guess one.
The buyer picks a presentment currency; when it is not the price currency the session holds
the FX quote the buyer is shown. Paying books through the normal payment path (see
``checkout/usecases/checkout_buyer.py``); the session only records which payment paid it.

States::

    open --paid once--> complete
    open --expires_at passed, or the merchant expires it--> expired

``expired`` by time is computed when read (nothing needs to write it), as for FX quotes.

Pure: no clock (callers pass ``now``), no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus

PRESENTMENT_CURRENCIES = (
    "CNY", "INR", "USD", "EUR", "GBP", "JPY", "HKD", "SGD", "AUD", "CAD", "CHF", "NZD", "AED",
)
"""Currencies a buyer may choose to pay in (besides the session's own currency)."""
EXPIRY_DEFAULT = timedelta(minutes=30)
EXPIRY_MIN = timedelta(minutes=30)
EXPIRY_MAX = timedelta(hours=24)
URL_LENGTH_MAX = 2048
CLIENT_REFERENCE_LENGTH_MAX = 200
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
RETURN_PARAMETER = "checkout_session"
"""The query parameter that carries the session id back to the merchant's return_url."""


class CheckoutState(StrEnum):
    OPEN = "open"
    COMPLETE = "complete"
    EXPIRED = "expired"


class SourceKind(StrEnum):
    """A simulated funding source: the buyer's card or UPI account is charged, then paid out
    of a guest wallet in the presentment currency (no real network is called)."""

    CARD = "card"
    UPI = "upi"
    WALLET = "wallet"
    """Not simulated: the buyer's own paysetu wallet (signed in, PIN checked)."""


DECLINED_CARD = "4000000000000002"
"""The test card number that is declined (Stripe's "generic decline" test card)."""
DECLINED_UPI_USER = "declined"
"""A UPI id whose user part is this (``declined@okbank``) is declined."""
_UPI_ID = re.compile(r"^[A-Za-z0-9._-]{2,64}@[A-Za-z][A-Za-z0-9]{1,63}$")


@dataclass(frozen=True, slots=True)
class CheckoutSession:
    """A stored checkout session.

    Attributes:
        amount_minor: The merchant's price, in ``currency``'s minor units.
        presentment_currency: What the buyer chose to pay in (None until chosen).
        presentment_amount_minor: What the buyer pays in it: the price itself, or the current
            quote's sell amount.
        fx_quote_id: The current quote when the presentment currency is not ``currency``.
        payment_id: The payment that paid the session (set exactly when ``complete``).
        source_kind: ``card`` or ``upi`` once paid; ``source_hint`` a safe display of it
            (``•••• 4242``, a UPI id), never the full card number.
    """

    id: str
    merchant_id: str
    amount_minor: int
    currency: str
    description: str | None
    return_url: str
    cancel_url: str | None
    client_reference: str | None
    metadata: Mapping[str, str]
    status: CheckoutState
    presentment_currency: str | None
    presentment_amount_minor: int | None
    fx_quote_id: str | None
    payment_id: str | None
    source_kind: SourceKind | None
    source_hint: str | None
    expires_at: datetime
    completed_at: datetime | None
    created_at: datetime
    updated_at: datetime

    def state_at(self, now: datetime) -> CheckoutState:
        """Complete once paid; expired when expired or past ``expires_at``; else open."""
        if self.status is CheckoutState.OPEN and now >= self.expires_at:
            return CheckoutState.EXPIRED
        return self.status


def check_url(url: str, param: str) -> str:
    """``url`` if it is an absolute https URL (http only on loopback), else refused."""
    bad = CheckoutRejected(CheckoutStatus.RETURN_URL_INVALID, param=param)
    if not 0 < len(url) <= URL_LENGTH_MAX or not url.isprintable() or " " in url:
        raise bad
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - parsing the port refuses a malformed one
    except ValueError:
        raise bad from None
    if not host or parts.username is not None or parts.password is not None:
        raise bad
    if parts.scheme == "https" or (parts.scheme == "http" and host in LOOPBACK_HOSTS):
        return url
    raise bad


def check_expiry(expires_at: datetime | None, now: datetime) -> datetime:
    """The session's deadline: 30 minutes by default, 30 minutes to 24 hours if given."""
    if expires_at is None:
        return now + EXPIRY_DEFAULT
    if not now + EXPIRY_MIN <= expires_at <= now + EXPIRY_MAX:
        raise CheckoutRejected(CheckoutStatus.EXPIRES_AT_INVALID, param="expires_at")
    return expires_at


def check_client_reference(reference: str | None) -> None:
    if reference is not None and not (
        0 < len(reference) <= CLIENT_REFERENCE_LENGTH_MAX and reference.isprintable()
    ):
        raise CheckoutRejected(CheckoutStatus.CLIENT_REFERENCE_INVALID, param="client_reference")


def check_presentment(currency: str, session: CheckoutSession) -> None:
    if currency != session.currency and currency not in PRESENTMENT_CURRENCIES:
        raise CheckoutRejected(
            CheckoutStatus.PRESENTMENT_CURRENCY_UNSUPPORTED, param="presentment_currency")


def return_url_for(session: CheckoutSession) -> str:
    """The merchant's return_url with ``checkout_session=<id>`` added to its query."""
    parts = urlsplit(session.return_url)
    query = [*parse_qsl(parts.query, keep_blank_values=True), (RETURN_PARAMETER, session.id)]
    return urlunsplit(parts._replace(query=urlencode(query)))


def _luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


@dataclass(frozen=True, slots=True)
class SimulatedSource:
    """A checked funding source: its kind and what may be shown and stored of it."""

    kind: SourceKind
    hint: str


def check_source(kind: str, card_number: str | None, upi_id: str | None) -> SimulatedSource:
    """The buyer's simulated card or UPI source, checked, with its test declines applied."""
    if kind == SourceKind.CARD:
        digits = re.sub(r"[ -]", "", card_number or "")
        if not (digits.isascii() and digits.isdigit() and 12 <= len(digits) <= 19
                and _luhn_valid(digits)):
            raise CheckoutRejected(CheckoutStatus.PAYMENT_SOURCE_INVALID,
                                   "The card number is not valid.", "card_number")
        if digits == DECLINED_CARD:
            raise CheckoutRejected(CheckoutStatus.SOURCE_DECLINED,
                                   "The card was declined (test card).", "card_number")
        return SimulatedSource(SourceKind.CARD, f"•••• {digits[-4:]}")
    if kind == SourceKind.UPI:
        vpa = (upi_id or "").strip()
        if not _UPI_ID.match(vpa):
            raise CheckoutRejected(CheckoutStatus.PAYMENT_SOURCE_INVALID,
                                   "The UPI id is not valid (name@bank).", "upi_id")
        if vpa.split("@", 1)[0].lower() == DECLINED_UPI_USER:
            raise CheckoutRejected(CheckoutStatus.SOURCE_DECLINED,
                                   "The UPI payment was declined (test id).", "upi_id")
        return SimulatedSource(SourceKind.UPI, vpa.lower())
    raise CheckoutRejected(CheckoutStatus.PAYMENT_SOURCE_INVALID,
                           "The payment source is card or upi.", "source")


@dataclass(frozen=True, slots=True)
class CartLine:
    """One line of a cart the hosted page lists (a marketplace order's, from several sellers).

    Attributes:
        seller: The seller's legal name, as the buyer sees it.
        amount_minor: In the session's currency.
    """

    seller: str
    description: str | None
    amount_minor: int
