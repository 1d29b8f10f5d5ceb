"""The double-entry ledger's vocabulary and its stateless rules.

An :class:`Account` holds one currency and four balances (TigerBeetle's debits/credits,
pending/posted). A journal entry is a set of :class:`Posting` s that balance per currency;
it is either applied at once (single phase), or reserved as *pending* and later posted (in full
or in part), voided, or expired, exactly once.

This module decides everything that can be decided from the request alone (shape, amounts,
currencies, balance per currency) and refuses at construction with the first failing
:class:`~paysetu.ledger.rules.errors.CreateEntryStatus` in precedence order. Rules that need the
stored state (accounts exist, are open, have funds; ids are fresh) are applied by the database
adapter under row locks, with the codes of the same enum.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from paysetu.kernel.money import AMOUNT_MINOR_MAX, is_currency
from paysetu.ledger.rules.errors import (
    AccountRejected,
    CreateAccountStatus,
    CreateEntryStatus,
    EntryRejected,
)
from paysetu.ledger.rules.postings import ACCOUNT_ID_PATTERN, Direction, Posting, posting_failure

__all__ = [
    "ACCOUNT_ID_PATTERN",
    "ENTRIES_PER_BATCH_MAX",
    "ENTRY_ID_PATTERN",
    "METADATA_KEYS_MAX",
    "METADATA_KEY_LENGTH_MAX",
    "METADATA_VALUE_LENGTH_MAX",
    "OWNER_FIELD_LENGTH_MAX",
    "POSTINGS_PER_ENTRY_MAX",
    "TIMEOUT_S_MAX",
    "Account",
    "AccountKind",
    "Balance",
    "Direction",
    "EntryKind",
    "EntryRequest",
    "JournalEntry",
    "NewAccount",
    "NewEntry",
    "PendingResolution",
    "Posting",
    "metadata_is_valid",
    "movement",
    "reversal_of",
]

ENTRY_ID_PATTERN = re.compile(r"^je_(?!expiry_)[A-Za-z0-9_-]{1,60}$")
"""Client-chosen entry ids. ``je_expiry_...`` is reserved for the expiries the ledger records
itself, so no client can take an expiry's id and keep a reservation alive forever."""
TIMEOUT_S_MAX = 2**31 - 1
CODE_MAX = 2**16 - 1
"""An entry's ``code`` is TigerBeetle's u16 ``Transfer.code``: 1 to 65535 (0 is reserved)."""
POSTINGS_PER_ENTRY_MAX = 64
ENTRIES_PER_BATCH_MAX = 8190
"""TigerBeetle's batch size: the most entries one linked batch may hold."""
METADATA_KEYS_MAX = 50
METADATA_KEY_LENGTH_MAX = 40
METADATA_VALUE_LENGTH_MAX = 500
OWNER_FIELD_LENGTH_MAX = 64


class AccountKind(StrEnum):
    """The five elements of accounting; debit-normal: asset, expense; the rest credit-normal."""

    ASSET = "asset"
    LIABILITY = "liability"
    EQUITY = "equity"
    INCOME = "income"
    EXPENSE = "expense"


class EntryKind(StrEnum):
    SINGLE_PHASE = "single_phase"
    PENDING = "pending"
    POST_PENDING = "post_pending"
    VOID_PENDING = "void_pending"
    EXPIRE_PENDING = "expire_pending"


def metadata_is_valid(metadata: object) -> bool:
    """Flat object of at most 50 string keys (<= 40 chars) and string values (<= 500 chars)."""
    if not isinstance(metadata, Mapping) or len(metadata) > METADATA_KEYS_MAX:
        return False
    return all(
        isinstance(key, str)
        and 0 < len(key) <= METADATA_KEY_LENGTH_MAX
        and isinstance(value, str)
        and len(value) <= METADATA_VALUE_LENGTH_MAX
        and "\x00" not in key + value  # PostgreSQL text and jsonb cannot hold NUL
        for key, value in metadata.items()
    )


@dataclass(frozen=True, slots=True)
class Balance:
    """TigerBeetle's four balance fields, in the account's minor units.

    Attributes:
        debits_pending: Debits reserved by pending entries not yet posted, voided or expired.
        debits_posted: Debits applied.
        credits_pending: Credits reserved by pending entries.
        credits_posted: Credits applied.
    """

    debits_pending: int = 0
    debits_posted: int = 0
    credits_pending: int = 0
    credits_posted: int = 0

    @property
    def credit_balance_posted(self) -> int:
        """Posted credits minus posted debits: a credit-normal account's balance."""
        return self.credits_posted - self.debits_posted

    @property
    def available_to_debit(self) -> int:
        """What a ``debits_must_not_exceed_credits`` account can still give."""
        return self.credits_posted - self.debits_posted - self.debits_pending

    @property
    def available_to_credit(self) -> int:
        """What a ``credits_must_not_exceed_debits`` account can still take."""
        return self.debits_posted - self.credits_posted - self.credits_pending


_ACCOUNT_PARAMS = {
    CreateAccountStatus.ID_INVALID: "id",
    CreateAccountStatus.CURRENCY_INVALID: "currency",
    CreateAccountStatus.FLAGS_ARE_MUTUALLY_EXCLUSIVE: "credits_must_not_exceed_debits",
    CreateAccountStatus.OWNER_INVALID: "owner",
    CreateAccountStatus.METADATA_INVALID: "metadata",
}
"""The request field at fault for each refusal :class:`NewAccount` makes by itself."""


@dataclass(frozen=True, slots=True)
class NewAccount:
    """A request to open an account; refused at construction with a :class:`CreateAccountStatus`.

    Attributes:
        id: ``acct_`` plus 1-60 of ``[A-Za-z0-9_-]``, chosen by the client (idempotent).
        currency: ISO 4217 code; every posting to the account uses it.
        kind: Accounting element.
        debits_must_not_exceed_credits: Refuse debits beyond credits (a wallet cannot go negative).
        credits_must_not_exceed_debits: Refuse credits beyond debits (an asset with a cap).
        owner_type: Who the account belongs to (``customer``, ``merchant``, ``lender``...).
        owner_id: The owner's public id.
        metadata: Flat string map for the client's own references.
    """

    id: str
    currency: str
    kind: AccountKind
    debits_must_not_exceed_credits: bool = False
    credits_must_not_exceed_debits: bool = False
    owner_type: str | None = None
    owner_id: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        status = self._first_failure()
        if status is not None:
            raise AccountRejected(status, param=_ACCOUNT_PARAMS[status])

    def _first_failure(self) -> CreateAccountStatus | None:
        if not ACCOUNT_ID_PATTERN.match(self.id):
            return CreateAccountStatus.ID_INVALID
        if not is_currency(self.currency):
            return CreateAccountStatus.CURRENCY_INVALID
        if self.debits_must_not_exceed_credits and self.credits_must_not_exceed_debits:
            return CreateAccountStatus.FLAGS_ARE_MUTUALLY_EXCLUSIVE
        if (self.owner_type is None) != (self.owner_id is None) or not all(
            0 < len(text) <= OWNER_FIELD_LENGTH_MAX and text.isprintable()
            for text in (self.owner_type, self.owner_id)
            if text is not None
        ):
            return CreateAccountStatus.OWNER_INVALID
        if not metadata_is_valid(self.metadata):
            return CreateAccountStatus.METADATA_INVALID
        return None


@dataclass(frozen=True, slots=True)
class Account:
    """An account as stored, with its balances."""

    id: str
    currency: str
    kind: AccountKind
    debits_must_not_exceed_credits: bool
    credits_must_not_exceed_debits: bool
    closed: bool
    owner_type: str | None
    owner_id: str | None
    metadata: Mapping[str, str]
    balance: Balance
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NewEntry:
    """A request to apply (or, with ``pending``, to reserve) a balanced set of postings.

    Attributes:
        id: ``je_`` plus 1-60 of ``[A-Za-z0-9_-]``; resubmitting it is idempotent.
        postings: At least two; per currency, debits equal credits.
        metadata: Flat string map, queryable by key.
        pending: Reserve the amounts now; post, void or expire later.
        timeout_s: Pending only: seconds after which the reservation expires (None: never).
        balancing_debit: Move at most what the debited account can give (TigerBeetle semantics).
        balancing_credit: Move at most what the credited account can take.
        reverses_id: Set on the entry that reverses a posted one (see :func:`reversal_of`).
        code: Why the money moved, a small integer of the client's chart (TigerBeetle's
            ``Transfer.code``), 1-65535; None when not given. Stored and queryable.
        closing_debit: Pending only: close every account the entry debits when it applies;
            voiding the entry or its expiry reopens them (TigerBeetle's ``closing_debit``).
        closing_credit: The same for the accounts it credits.
    """

    id: str
    postings: tuple[Posting, ...]
    metadata: Mapping[str, str] = field(default_factory=dict)
    pending: bool = False
    timeout_s: int | None = None
    balancing_debit: bool = False
    balancing_credit: bool = False
    reverses_id: str | None = None
    code: int | None = None
    closing_debit: bool = False
    closing_credit: bool = False

    def __post_init__(self) -> None:
        failure = self._first_failure()
        if failure is not None:
            raise EntryRejected(failure[0], param=failure[1])

    @property
    def kind(self) -> EntryKind:
        return EntryKind.PENDING if self.pending else EntryKind.SINGLE_PHASE

    def _first_failure(self) -> tuple[CreateEntryStatus, str | None] | None:
        if not ENTRY_ID_PATTERN.match(self.id):
            return CreateEntryStatus.ID_INVALID, "id"
        if len(self.postings) < 2:
            return CreateEntryStatus.POSTINGS_TOO_FEW, "postings"
        if len(self.postings) > POSTINGS_PER_ENTRY_MAX:
            return CreateEntryStatus.POSTINGS_TOO_MANY, "postings"
        postings_broken = posting_failure(self.postings)
        if postings_broken is not None:
            return postings_broken
        if self.timeout_s is not None and not self.pending:
            return CreateEntryStatus.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "timeout_s"
        if (self.closing_debit or self.closing_credit) and not self.pending:
            closing = "closing_debit" if self.closing_debit else "closing_credit"
            return CreateEntryStatus.CLOSING_TRANSFER_MUST_BE_PENDING, closing
        if self.timeout_s is not None and (type(self.timeout_s) is not int or self.timeout_s <= 0):
            return CreateEntryStatus.TIMEOUT_MUST_BE_POSITIVE, "timeout_s"
        if self.timeout_s is not None and self.timeout_s > TIMEOUT_S_MAX:
            return CreateEntryStatus.OVERFLOWS_TIMEOUT, "timeout_s"
        if (self.balancing_debit or self.balancing_credit) and len(self.postings) != 2:
            return CreateEntryStatus.BALANCING_REQUIRES_TWO_POSTINGS, "postings"
        if not metadata_is_valid(self.metadata):
            return CreateEntryStatus.METADATA_INVALID, "metadata"
        return code_failure(self.code)


def code_failure(code: object) -> tuple[CreateEntryStatus, str] | None:
    """None when ``code`` is absent or 1-65535; else the refusal (0 has its own code)."""
    if code is None:
        return None
    if code == 0 and type(code) is int:
        return CreateEntryStatus.CODE_MUST_NOT_BE_ZERO, "code"
    if type(code) is not int or not 0 < code <= CODE_MAX:
        return CreateEntryStatus.CODE_INVALID, "code"
    return None


@dataclass(frozen=True, slots=True)
class PendingResolution:
    """Post (in full, or ``amount_minor`` of a one-debit/one-credit reservation) or void.

    As in TigerBeetle, a post or void may repeat what it resolves (the accounts, the currency,
    a void's amount) and is refused, not corrected, when it names something else.

    Attributes:
        id: The resolving entry's own id (idempotent like any entry id).
        pending_id: The pending entry being resolved.
        post: True to post, False to void.
        amount_minor: Post: at most the reserved amount (None: all of it; 0: nothing, the
            reservation is released, as TigerBeetle's post of 0). Void: None, 0 (TigerBeetle's
            "not given") or exactly the reserved amount.
        metadata: Flat string map.
        debit_account_id: None, or an account the pending entry debits.
        credit_account_id: None, or an account the pending entry credits.
        currency: None, or the pending entry's currency.
        code: None (the post or void takes the pending entry's code), or that code.
    """

    id: str
    pending_id: str
    post: bool
    amount_minor: int | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    debit_account_id: str | None = None
    credit_account_id: str | None = None
    currency: str | None = None
    code: int | None = None

    def __post_init__(self) -> None:
        failure = self._first_failure()
        if failure is not None:
            raise EntryRejected(failure[0], param=failure[1])

    @property
    def kind(self) -> EntryKind:
        return EntryKind.POST_PENDING if self.post else EntryKind.VOID_PENDING

    def _first_failure(self) -> tuple[CreateEntryStatus, str | None] | None:
        if not ENTRY_ID_PATTERN.match(self.id):
            return CreateEntryStatus.ID_INVALID, "id"
        if not ENTRY_ID_PATTERN.match(self.pending_id):
            return CreateEntryStatus.ID_INVALID, "pending_id"
        if self.pending_id == self.id:
            return CreateEntryStatus.PENDING_ID_MUST_BE_DIFFERENT, "pending_id"
        for name in ("debit_account_id", "credit_account_id"):
            named = getattr(self, name)
            if named is not None and not (
                isinstance(named, str) and ACCOUNT_ID_PATTERN.match(named)
            ):
                return CreateEntryStatus.ACCOUNT_ID_INVALID, name
        if self.amount_minor is not None:
            if type(self.amount_minor) is not int or self.amount_minor < 0:
                return CreateEntryStatus.AMOUNT_MUST_NOT_BE_NEGATIVE, "amount_minor"
            if self.amount_minor > AMOUNT_MINOR_MAX:
                return CreateEntryStatus.AMOUNT_TOO_LARGE, "amount_minor"
        if self.currency is not None and not is_currency(self.currency):
            return CreateEntryStatus.CURRENCY_INVALID, "currency"
        if not metadata_is_valid(self.metadata):
            return CreateEntryStatus.METADATA_INVALID, "metadata"
        return code_failure(self.code)


EntryRequest = NewEntry | PendingResolution


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """An entry as stored. Never updated; corrections are new entries that link back.

    Attributes:
        id: Public id.
        kind: Single phase, pending, or the post/void/expiry of a pending entry.
        postings: What moved (a void or an expiry moves nothing and has none).
        metadata: As submitted.
        created_at: When the ledger applied it.
        pending_id: For a post, void or expiry: the pending entry it resolves.
        reverses_id: For a reversal: the entry it undoes.
        timeout_s: For a pending entry: its timeout.
        expires_at: For a pending entry with a timeout: when it lapses.
        amount_requested: For a balancing entry or a partial post: the amount asked for.
        balancing_debit: Submitted with the balancing_debit flag.
        balancing_credit: Submitted with the balancing_credit flag.
        code: Why the money moved (a post or void carries its pending entry's), or None.
        closing_debit: A pending entry that closed the accounts it debits.
        closing_credit: A pending entry that closed the accounts it credits.
    """

    id: str
    kind: EntryKind
    postings: tuple[Posting, ...]
    metadata: Mapping[str, str]
    created_at: datetime
    pending_id: str | None = None
    reverses_id: str | None = None
    timeout_s: int | None = None
    expires_at: datetime | None = None
    amount_requested: int | None = None
    balancing_debit: bool = False
    balancing_credit: bool = False
    code: int | None = None
    closing_debit: bool = False
    closing_credit: bool = False


def reversal_of(entry: JournalEntry, reversal_id: str, metadata: Mapping[str, str]) -> NewEntry:
    """The entry that undoes a posted ``entry``: the same postings with directions swapped."""
    swapped = tuple(
        Posting(
            p.account_id,
            Direction.CREDIT if p.direction is Direction.DEBIT else Direction.DEBIT,
            p.amount_minor,
            p.currency,
        )
        for p in entry.postings
    )
    return NewEntry(id=reversal_id, postings=swapped, metadata=metadata, reverses_id=entry.id)


def movement(
    entry_id: str, debit: str, credit: str, amount: int, currency: str, meta: Mapping[str, str]
) -> NewEntry:
    """The simplest entry: ``amount`` from ``credit`` to ``debit``, one posting each side."""
    return NewEntry(
        entry_id,
        (
            Posting(debit, Direction.DEBIT, amount, currency),
            Posting(credit, Direction.CREDIT, amount, currency),
        ),
        meta,
    )
