"""Person-to-person money: the payee as the payer sees it, notes, money requests and their expiry.

Pure values and decisions. A transfer is always the wallets' one balanced entry between two
customers' wallets in one currency; what is decided here is who may see what and when a
request is still open.

- The payee before the PIN: the first word of the name whole, the others by their initial
  (``Meera Sharma`` -> ``Meera S***``), and the number masked (``+91******01``), as UPI apps do.
- A money request is ``pending`` until the payer pays or declines it, the requester cancels
  it, or ``request_ttl_s`` passes (``expired``); each end state is final.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus

NOTE_LENGTH_MAX = 140


class RequestState(StrEnum):
    PENDING = "pending"
    PAID = "paid"
    DECLINED = "declined"
    CANCELED = "canceled"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class CustomerTransfer:
    id: str
    payer_customer_id: str
    payee_customer_id: str
    payer_wallet_id: str
    payee_wallet_id: str
    amount_minor: int
    currency: str
    note: str | None
    entry_id: str
    money_request_id: str | None
    idempotency_key: str | None
    request_fingerprint: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class MoneyRequest:
    id: str
    requester_customer_id: str
    payer_customer_id: str
    amount_minor: int
    currency: str
    note: str | None
    status: RequestState
    expires_at: datetime
    transfer_id: str | None
    created_at: datetime
    updated_at: datetime


def masked_name(name: str) -> str:
    """The payee's name as shown before the PIN (``Meera Sharma`` -> ``Meera S***``)."""
    first, *rest = name.split() or ["?"]
    return " ".join([first, *(word[0] + "***" for word in rest)])


def check_note(note: str | None) -> str | None:
    """A note is optional; given, 1 to 140 printable characters (surrounding blanks dropped)."""
    if note is None:
        return None
    text = note.strip()
    if not text:
        return None
    if len(text) > NOTE_LENGTH_MAX or not text.isprintable():
        raise CustomerRejected(CustomerStatus.NOTE_INVALID, param="note")
    return text


def request_expires_at(now: datetime, ttl_s: int) -> datetime:
    return now + timedelta(seconds=ttl_s)


def request_is_due(request: MoneyRequest, now: datetime) -> bool:
    """A pending request whose time has come expires (the end states never change)."""
    return request.status is RequestState.PENDING and request.expires_at <= now


def check_pending(request: MoneyRequest, now: datetime) -> None:
    """Refuse to act on a request that is no longer waiting."""
    if request.status is RequestState.EXPIRED or request_is_due(request, now):
        raise CustomerRejected(CustomerStatus.MONEY_REQUEST_EXPIRED, param="money_request")
    if request.status is not RequestState.PENDING:
        raise CustomerRejected(CustomerStatus.MONEY_REQUEST_NOT_PENDING, param="money_request")
