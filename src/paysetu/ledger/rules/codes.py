"""The ledger's error codes, in precedence order (TigerBeetle's names where they exist).

See :mod:`paysetu.ledger.rules.errors` for the conventions and the exception tree, and
:mod:`paysetu.ledger.rules.entry_codes` for the entry codes (TigerBeetle's transfer codes).
"""

from __future__ import annotations

from paysetu.kernel.error_base import ErrorCategory
from paysetu.kernel.error_base import ErrorCode as _Code
from paysetu.ledger.rules.entry_codes import CreateEntryStatus

_I, _N, _C, _D, _U = (
    ErrorCategory.INVALID,
    ErrorCategory.NOT_FOUND,
    ErrorCategory.CONFLICT,
    ErrorCategory.DECLINED,
    ErrorCategory.UNAVAILABLE,
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
    ACCOUNT_CLOSED_BY_PENDING_ENTRY = (
        "account_closed_by_pending_entry",
        False,
        _C,
        "A pending closing entry holds the account closed; void that entry to reopen it.",
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
