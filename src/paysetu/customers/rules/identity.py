"""A customer's proofs of identity: the one-time sign-in code, the session, the payment PIN.

Pure values and decisions; the use cases draw the random parts from the secrets port.

- Code: 6 digits, valid ``code_ttl_s`` (5 minutes), at most ``code_tries_max`` (5) checks,
  one active per number (a new one replaces it). Stored as HMAC-SHA256 under a per-code salt.
- Requests for codes are counted in fixed windows per number and per client address.
- Session: a 32-byte random token, stored as its SHA-256, valid ``session_ttl_s``.
- PIN: 4 or 6 digits, argon2id; ``pin_tries_max`` (3) wrong ones lock it ``pin_lock_s``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus

CODE_DIGITS = 6
SESSION_TOKEN_PREFIX = "cst_"  # noqa: S105 - a prefix, not a secret
PIN_LENGTHS = (4, 6)


@dataclass(frozen=True, slots=True)
class CustomerPolicy:
    """Deployment choices for customer sign-in and PINs (settings ``PAYSETU_CUSTOMER_*``).

    Attributes:
        code_ttl_s: How long a sign-in code works.
        code_tries_max: Checks of one code before it is used up.
        code_window_s: The window the request limits count in.
        codes_per_phone_max: Codes one number may be sent per window.
        codes_per_address_max: Codes one client address may ask for per window.
        session_ttl_s: How long a customer session lasts.
        remember_ttl_s: How long it lasts when the customer asked to stay signed in on this
            phone (the wallet's cookie then has this Max-Age; else it ends with the browser).
        pin_tries_max: Wrong PINs in a row before the PIN locks.
        pin_lock_s: How long a locked PIN stays locked.
        public_base_url: This server's public origin (``PAYSETU_PUBLIC_BASE_URL``), the
            address in the scan-to-pay QR codes; None: the request's own.
        lookup_window_s: The window payee look-ups (and sends) are counted in.
        lookups_max: Payee numbers one customer may look up per window (against enumeration).
        request_ttl_s: How long a money request waits for its payer (7 days).
    """

    code_ttl_s: int = 5 * 60
    code_tries_max: int = 5
    code_window_s: int = 60 * 60
    codes_per_phone_max: int = 5
    codes_per_address_max: int = 20
    session_ttl_s: int = 30 * 60
    remember_ttl_s: int = 7 * 24 * 3600
    pin_tries_max: int = 3
    pin_lock_s: int = 30 * 60
    public_base_url: str | None = None
    lookup_window_s: int = 60 * 60
    lookups_max: int = 30
    request_ttl_s: int = 7 * 24 * 60 * 60


@dataclass(frozen=True, slots=True)
class StoredCode:
    """The active code of a number, after this check was counted (``tries`` includes it)."""

    salt: bytes
    code_digest: bytes
    tries: int
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class CustomerSession:
    customer_id: str
    expires_at: datetime


def code_from(random_bytes: bytes) -> str:
    """Six decimal digits from random bytes (at least 8: the modulo bias is then < 1e-13)."""
    return str(int.from_bytes(random_bytes[:8], "big") % 10**CODE_DIGITS).zfill(CODE_DIGITS)


def code_digest(salt: bytes, code: str) -> bytes:
    return hmac.new(salt, code.encode(), hashlib.sha256).digest()


def code_matches(stored: StoredCode, code: str, now: datetime) -> bool:
    """The code is right, unexpired and within its tries (constant-time comparison)."""
    right = hmac.compare_digest(stored.code_digest, code_digest(stored.salt, code))
    return right and stored.expires_at > now


def token_digest(token: str) -> bytes:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).digest()


def check_pin_format(pin: str) -> None:
    if not (len(pin) in PIN_LENGTHS and pin.isascii() and pin.isdigit()):
        raise CustomerRejected(CustomerStatus.PIN_FORMAT_INVALID, param="pin")


def wait_s(until: datetime | None, now: datetime) -> int:
    """Whole seconds left until ``until`` (at least 1 while it is in the future)."""
    if until is None or until <= now:
        return 0
    return max(1, int((until - now).total_seconds() + 0.999))
