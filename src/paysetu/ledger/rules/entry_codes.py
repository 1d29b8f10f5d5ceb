"""Why a journal entry was refused: TigerBeetle's ``CreateTransferStatus``, in its precedence.

A code with a TigerBeetle twin has its name and its place; a code TigerBeetle lacks (paysetu's
multi-posting entries, reversals, metadata, JSON documents) sits where its rule is checked.
``docs/concepts.md`` has the table of rules, same or different and why. The other ledger enums
are in :mod:`paysetu.ledger.rules.codes`.
"""

from __future__ import annotations

from paysetu.kernel.error_base import ErrorCategory
from paysetu.kernel.error_base import ErrorCode as _Code

_I, _N, _C, _D = (
    ErrorCategory.INVALID,
    ErrorCategory.NOT_FOUND,
    ErrorCategory.CONFLICT,
    ErrorCategory.DECLINED,
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
    RESERVED_FIELD = (
        "reserved_field",
        False,
        _I,
        "An entry document has a key its kind does not define (a typo, or a post/void field).",
    )
    FLAG_INVALID = (
        "flag_invalid",
        False,
        _I,
        "A flag (`pending`, `balancing_debit`, `balancing_credit`) is not a JSON boolean.",
    )
    ID_INVALID = (
        "id_invalid",
        False,
        _I,
        "The entry id is not `je_` + 1-60 of `[A-Za-z0-9_-]` (`je_expiry_` is reserved).",
    )
    FLAGS_ARE_MUTUALLY_EXCLUSIVE = (
        "flags_are_mutually_exclusive",
        False,
        _I,
        "A post or void names both ids, or carries `pending` or a balancing flag.",
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
    AMOUNT_MUST_NOT_BE_NEGATIVE = (
        "amount_must_not_be_negative",
        False,
        _I,
        "Every amount is an integer of minor units, 0 or more (0: TigerBeetle's zero transfers).",
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
    CLOSING_TRANSFER_MUST_BE_PENDING = (
        "closing_transfer_must_be_pending",
        False,
        _I,
        "A closing entry (`closing_debit`, `closing_credit`) must be pending: a void undoes it.",
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
    CODE_MUST_NOT_BE_ZERO = (
        "code_must_not_be_zero",
        False,
        _I,
        "An entry's code (why money moved) is 1-65535 when given; 0 is reserved.",
    )
    CODE_INVALID = (
        "code_invalid",
        False,
        _I,
        "An entry's code is not an integer from 1 to 65535 (TigerBeetle's u16).",
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
    EXISTS_WITH_DIFFERENT_CODE = (
        "exists_with_different_code",
        False,
        _C,
        "The id is taken by an entry with another code.",
    )
    EXISTS_WITH_DIFFERENT_REVERSED_ID = (
        "exists_with_different_reversed_id",
        False,
        _C,
        "The id is taken by an entry reversing another entry.",
    )
    EXISTS = (
        "exists",
        False,
        _C,
        "The id exists, in a batch whose other entries are new: a chain is replayed whole or not.",
    )
    ID_ALREADY_FAILED = (
        "id_already_failed",
        False,
        _C,
        "The id's first attempt was refused for a reason that depended on the ledger's state "
        "(funds, accounts, a pending entry); it fails again: retry with a new id.",
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
    PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID = (
        "pending_transfer_has_different_debit_account_id",
        False,
        _I,
        "A post or void names a debit account the pending entry does not debit.",
    )
    PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID = (
        "pending_transfer_has_different_credit_account_id",
        False,
        _I,
        "A post or void names a credit account the pending entry does not credit.",
    )
    PENDING_TRANSFER_HAS_DIFFERENT_CURRENCY = (
        "pending_transfer_has_different_currency",
        False,
        _I,
        "A post or void names a currency other than the pending entry's (TigerBeetle's ledger).",
    )
    PENDING_TRANSFER_HAS_DIFFERENT_CODE = (
        "pending_transfer_has_different_code",
        False,
        _I,
        "A post or void names a code other than the pending entry's.",
    )
    PARTIAL_POST_REQUIRES_TWO_POSTINGS = (
        "partial_post_requires_two_postings",
        False,
        _I,
        "An amount can only be named for a pending entry of one debit and one credit.",
    )
    EXCEEDS_PENDING_TRANSFER_AMOUNT = (
        "exceeds_pending_transfer_amount",
        False,
        _I,
        "A post or void names more than the pending entry reserved.",
    )
    PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT = (
        "pending_transfer_has_different_amount",
        False,
        _I,
        "A void names an amount other than the reserved one (post a smaller amount instead).",
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


RECORDED_FAILURES = frozenset(
    {
        CreateEntryStatus.DEBIT_ACCOUNT_NOT_FOUND,
        CreateEntryStatus.CREDIT_ACCOUNT_NOT_FOUND,
        CreateEntryStatus.PENDING_TRANSFER_NOT_FOUND,
        CreateEntryStatus.EXCEEDS_CREDITS,
        CreateEntryStatus.EXCEEDS_DEBITS,
        CreateEntryStatus.DEBIT_ACCOUNT_ALREADY_CLOSED,
        CreateEntryStatus.CREDIT_ACCOUNT_ALREADY_CLOSED,
    }
)
"""TigerBeetle's transient results: refusals that depend on the ledger's state at the time of
the attempt. The id of an entry refused with one of them is recorded, and every later attempt
with that id is refused with ``id_already_failed``, so a retry cannot turn a refusal into a
payment once the state has changed. Other refusals are the same whenever the request is
retried (malformed, conflicting), and a failure that is not a refusal (a deadlock, a lost
connection) records nothing: the id stays free."""
