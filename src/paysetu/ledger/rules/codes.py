"""The ledger's error codes, in precedence order (TigerBeetle's names where they exist).

See :mod:`paysetu.ledger.rules.errors` for the conventions and the exception tree.
"""

from __future__ import annotations

from paysetu.kernel.error_base import ErrorCategory
from paysetu.kernel.error_base import ErrorCode as _Code

_I, _N, _C, _D, _U = (
    ErrorCategory.INVALID,
    ErrorCategory.NOT_FOUND,
    ErrorCategory.CONFLICT,
    ErrorCategory.DECLINED,
    ErrorCategory.UNAVAILABLE,
)


class CreateEntryStatus(_Code):
    """Why a journal entry (or a post/void of a pending one) was refused; precedence order."""

    LINKED_EVENT_FAILED = (
        "linked_event_failed",
        False,
        _I,
        "Another entry of the same linked batch failed; none applied.",
    )
    BATCH_TOO_LARGE = ("batch_too_large", False, _I, "A batch holds more entries than allowed.")
    BATCH_EMPTY = ("batch_empty", False, _I, "A batch holds no entries.")
    ID_INVALID = (
        "id_invalid",
        False,
        _I,
        "The entry id is not `je_` + 1-60 of `[A-Za-z0-9_-]` (`je_expiry_` is reserved).",
    )
    PENDING_ID_MUST_BE_DIFFERENT = (
        "pending_id_must_be_different",
        False,
        _I,
        "A post or void must have its own id, not the pending entry's.",
    )
    POSTINGS_TOO_FEW = ("postings_too_few", False, _I, "An entry needs at least two postings.")
    POSTINGS_TOO_MANY = (
        "postings_too_many",
        False,
        _I,
        "An entry holds more postings than allowed.",
    )
    POSTING_INVALID = (
        "posting_invalid",
        False,
        _I,
        "A posting is not an object of account_id, direction, amount_minor and currency.",
    )
    ACCOUNT_ID_INVALID = (
        "account_id_invalid",
        False,
        _I,
        "A posting names an account id that is not well formed.",
    )
    DIRECTION_INVALID = (
        "direction_invalid",
        False,
        _I,
        "A posting's direction is neither `debit` nor `credit`.",
    )
    AMOUNT_MUST_BE_POSITIVE = (
        "amount_must_be_positive",
        False,
        _I,
        "Every posting amount is a positive integer of minor units.",
    )
    AMOUNT_TOO_LARGE = (
        "amount_too_large",
        False,
        _I,
        "An amount does not fit in a signed 64-bit integer.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "A currency is not an ISO 4217 code with a minor unit.",
    )
    ACCOUNTS_MUST_BE_DIFFERENT = (
        "accounts_must_be_different",
        False,
        _I,
        "The same account is both debited and credited in one entry.",
    )
    POSTINGS_MUST_BALANCE = (
        "postings_must_balance",
        False,
        _I,
        "Debits and credits differ in at least one currency.",
    )
    TIMEOUT_RESERVED_FOR_PENDING_TRANSFER = (
        "timeout_reserved_for_pending_transfer",
        False,
        _I,
        "Only a pending entry may have a timeout.",
    )
    TIMEOUT_MUST_BE_POSITIVE = (
        "timeout_must_be_positive",
        False,
        _I,
        "A timeout is a positive number of seconds.",
    )
    OVERFLOWS_TIMEOUT = (
        "overflows_timeout",
        False,
        _I,
        "A timeout is at most 2,147,483,647 seconds (about 68 years).",
    )
    BALANCING_REQUIRES_TWO_POSTINGS = (
        "balancing_requires_two_postings",
        False,
        _I,
        "A balancing entry has exactly one debit and one credit posting.",
    )
    METADATA_INVALID = (
        "metadata_invalid",
        False,
        _I,
        "Metadata is not a flat JSON object of short string keys and values.",
    )
    EXISTS_WITH_DIFFERENT_KIND = (
        "exists_with_different_kind",
        False,
        _C,
        "The id is taken by an entry of another kind (pending, post, void).",
    )
    EXISTS_WITH_DIFFERENT_FLAGS = (
        "exists_with_different_flags",
        False,
        _C,
        "The id is taken by an entry with other balancing flags.",
    )
    EXISTS_WITH_DIFFERENT_PENDING_ID = (
        "exists_with_different_pending_id",
        False,
        _C,
        "The id is taken by a post or void of another pending entry.",
    )
    EXISTS_WITH_DIFFERENT_TIMEOUT = (
        "exists_with_different_timeout",
        False,
        _C,
        "The id is taken by a pending entry with another timeout.",
    )
    EXISTS_WITH_DIFFERENT_POSTINGS = (
        "exists_with_different_postings",
        False,
        _C,
        "The id is taken by an entry moving money between other accounts.",
    )
    EXISTS_WITH_DIFFERENT_AMOUNT = (
        "exists_with_different_amount",
        False,
        _C,
        "The id is taken by an entry with the same accounts but other amounts.",
    )
    EXISTS_WITH_DIFFERENT_METADATA = (
        "exists_with_different_metadata",
        False,
        _C,
        "The id is taken by an entry with other metadata.",
    )
    EXISTS_WITH_DIFFERENT_REVERSED_ID = (
        "exists_with_different_reversed_id",
        False,
        _C,
        "The id is taken by an entry reversing another entry.",
    )
    DEBIT_ACCOUNT_NOT_FOUND = (
        "debit_account_not_found",
        True,
        _N,
        "A debited account does not exist.",
    )
    CREDIT_ACCOUNT_NOT_FOUND = (
        "credit_account_not_found",
        True,
        _N,
        "A credited account does not exist.",
    )
    CURRENCY_MUST_MATCH_ACCOUNT = (
        "currency_must_match_account",
        False,
        _I,
        "A posting's currency differs from its account's currency.",
    )
    PENDING_TRANSFER_NOT_FOUND = (
        "pending_transfer_not_found",
        True,
        _N,
        "The pending entry to post or void does not exist.",
    )
    PENDING_TRANSFER_NOT_PENDING = (
        "pending_transfer_not_pending",
        False,
        _I,
        "The entry to post or void is not a pending entry.",
    )
    PENDING_TRANSFER_ALREADY_POSTED = (
        "pending_transfer_already_posted",
        False,
        _C,
        "The pending entry was already posted.",
    )
    PENDING_TRANSFER_ALREADY_VOIDED = (
        "pending_transfer_already_voided",
        False,
        _C,
        "The pending entry was already voided.",
    )
    PENDING_TRANSFER_EXPIRED = (
        "pending_transfer_expired",
        False,
        _C,
        "The pending entry timed out and was released.",
    )
    PARTIAL_POST_REQUIRES_TWO_POSTINGS = (
        "partial_post_requires_two_postings",
        False,
        _I,
        "A partial amount can only be posted for a pending entry of one debit and one credit.",
    )
    EXCEEDS_PENDING_TRANSFER_AMOUNT = (
        "exceeds_pending_transfer_amount",
        False,
        _I,
        "A post asks for more than the pending entry reserved.",
    )
    REVERSED_ENTRY_NOT_FOUND = (
        "reversed_entry_not_found",
        True,
        _N,
        "The entry to reverse does not exist.",
    )
    REVERSED_ENTRY_NOT_POSTED = (
        "reversed_entry_not_posted",
        False,
        _I,
        "Only posted money can be reversed; void a pending entry instead.",
    )
    ENTRY_ALREADY_REVERSED = (
        "entry_already_reversed",
        False,
        _C,
        "The entry was already reversed.",
    )
    DEBIT_ACCOUNT_ALREADY_CLOSED = (
        "debit_account_already_closed",
        True,
        _C,
        "A debited account is closed.",
    )
    CREDIT_ACCOUNT_ALREADY_CLOSED = (
        "credit_account_already_closed",
        True,
        _C,
        "A credited account is closed.",
    )
    OVERFLOWS_DEBITS = (
        "overflows_debits",
        False,
        _I,
        "An account's debits would exceed the 64-bit range.",
    )
    OVERFLOWS_CREDITS = (
        "overflows_credits",
        False,
        _I,
        "An account's credits would exceed the 64-bit range.",
    )
    EXCEEDS_CREDITS = (
        "exceeds_credits",
        True,
        _D,
        "A debit would take an account flagged debits_must_not_exceed_credits below zero.",
    )
    EXCEEDS_DEBITS = (
        "exceeds_debits",
        True,
        _D,
        "A credit would take an account flagged credits_must_not_exceed_debits below zero.",
    )


class CreateAccountStatus(_Code):
    """Why an account was not created; precedence order."""

    ID_INVALID = (
        "id_invalid",
        False,
        _I,
        "The account id is not `acct_` followed by 1-60 letters, digits, `_` or `-`.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    FLAGS_ARE_MUTUALLY_EXCLUSIVE = (
        "flags_are_mutually_exclusive",
        False,
        _I,
        "debits_must_not_exceed_credits and credits_must_not_exceed_debits cannot both be set.",
    )
    OWNER_INVALID = (
        "owner_invalid",
        False,
        _I,
        "An owner needs both a type and an id of 1-64 printable characters.",
    )
    METADATA_INVALID = (
        "metadata_invalid",
        False,
        _I,
        "Metadata is not a flat JSON object of short string keys and values.",
    )
    EXISTS_WITH_DIFFERENT_CURRENCY = (
        "exists_with_different_currency",
        False,
        _C,
        "The id is taken by an account in another currency.",
    )
    EXISTS_WITH_DIFFERENT_KIND = (
        "exists_with_different_kind",
        False,
        _C,
        "The id is taken by an account of another kind.",
    )
    EXISTS_WITH_DIFFERENT_FLAGS = (
        "exists_with_different_flags",
        False,
        _C,
        "The id is taken by an account with other flags.",
    )
    EXISTS_WITH_DIFFERENT_OWNER = (
        "exists_with_different_owner",
        False,
        _C,
        "The id is taken by an account of another owner.",
    )
    EXISTS_WITH_DIFFERENT_METADATA = (
        "exists_with_different_metadata",
        False,
        _C,
        "The id is taken by an account with other metadata.",
    )


class AccountStateStatus(_Code):
    """Why closing or reopening an account was refused."""

    ACCOUNT_NOT_FOUND = ("account_not_found", False, _N, "No account has this id.")
    ACCOUNT_ALREADY_CLOSED = ("account_already_closed", False, _C, "The account is already closed.")
    ACCOUNT_NOT_CLOSED = (
        "account_not_closed",
        False,
        _C,
        "The account is open; only a closed account can be reopened.",
    )
    ACCOUNT_HAS_PENDING_BALANCE = (
        "account_has_pending_balance",
        True,
        _C,
        "The account still has pending amounts; post or void them first.",
    )


class QueryStatus(_Code):
    """Why a read was refused."""

    ACCOUNT_NOT_FOUND = ("account_not_found", False, _N, "No account has this id.")
    ENTRY_NOT_FOUND = ("entry_not_found", False, _N, "No journal entry has this id.")
    CURSOR_INVALID = (
        "cursor_invalid",
        False,
        _I,
        "The pagination cursor was not issued by this query.",
    )
    LIMIT_INVALID = (
        "limit_invalid",
        False,
        _I,
        "A page size is between 1 and the documented maximum.",
    )
    METADATA_KEY_INVALID = (
        "metadata_key_invalid",
        False,
        _I,
        "A metadata filter needs a non-empty key.",
    )


CODE_ENUMS: tuple[type[_Code], ...] = (
    CreateEntryStatus,
    CreateAccountStatus,
    AccountStateStatus,
    QueryStatus,
)
"""Every code enum, for documentation and the meta tests that check the mapping."""
