"""Error codes of settlement: schedules, payout accounts, settlement runs, batches and files.

Same conventions as :mod:`paysetu.ledger.rules.errors` (a closed enum in precedence order, each code
transient or not, with a category the HTTP layer maps to a status). Exception tree::

    PaysetuError
     └── SettlementRejected   schedules, payout accounts, settlement runs, batches, files

Per-merchant outcomes of a settlement run (a window not yet closed, a net carried forward) are
not errors: the run reports them as values, one per merchant and currency.
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND


class SettlementStatus(ErrorCode):
    """Why a settlement, schedule, payout account or payout file request was refused."""

    SETTLEMENT_DATE_INVALID = (
        "settlement_date_invalid",
        False,
        _I,
        "The settlement date is a calendar date, YYYY-MM-DD.",
    )
    TIME_ZONE_INVALID = (
        "time_zone_invalid",
        False,
        _I,
        "The time zone is not an IANA time zone name (e.g. Asia/Kolkata).",
    )
    CUTOFF_INVALID = ("cutoff_invalid", False, _I, "The daily cutoff is a local time, HH:MM.")
    DELAY_DAYS_INVALID = (
        "delay_days_invalid",
        False,
        _I,
        "delay_days (the N of T+N) is an integer from 0 to 30.",
    )
    RESERVE_INVALID = (
        "reserve_invalid",
        False,
        _I,
        "reserve_bps is 0-10,000 and reserve_release_days 0-365 (at least 1 with a reserve).",
    )
    PAYOUT_MINIMUM_INVALID = (
        "payout_minimum_invalid",
        False,
        _I,
        "Payout minimums map ISO 4217 codes to non-negative integers of minor units.",
    )
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    HOLDER_NAME_INVALID = (
        "holder_name_invalid",
        False,
        _I,
        "The account holder's name is 1-140 printable characters.",
    )
    PAYOUT_ACCOUNT_SCHEME_INVALID = (
        "payout_account_scheme_invalid",
        False,
        _I,
        "Give either iban and bic, or account_number and bank_code, not both.",
    )
    IBAN_INVALID = (
        "iban_invalid",
        False,
        _I,
        "The IBAN is malformed, has a wrong check digit, or a wrong length for its country.",
    )
    BIC_INVALID = (
        "bic_invalid",
        False,
        _I,
        "The BIC is not an 8 or 11 character ISO 9362 business identifier code.",
    )
    BIC_COUNTRY_MISMATCH = (
        "bic_country_mismatch",
        False,
        _I,
        "The BIC belongs to another country than the IBAN.",
    )
    BANK_CODE_SCHEME_UNSUPPORTED = (
        "bank_code_scheme_unsupported",
        False,
        _I,
        "Local account numbers are supported for India (IFSC); elsewhere give an IBAN.",
    )
    BANK_CODE_INVALID = (
        "bank_code_invalid",
        False,
        _I,
        "The bank code is not a valid IFSC (4 letters, 0, 6 letters or digits).",
    )
    ACCOUNT_NUMBER_INVALID = (
        "account_number_invalid",
        False,
        _I,
        "The account number is 9-18 digits (India).",
    )
    FILE_FORMAT_INVALID = (
        "file_format_invalid",
        False,
        _I,
        "The file is one of pain001, csv or report.",
    )
    SETTLEMENT_NOT_FOUND = ("settlement_not_found", False, _N, "No such settlement batch.")
    PAYOUT_ACCOUNT_NOT_FOUND = ("payout_account_not_found", False, _N, "No such payout account.")
    BATCH_HAS_NO_PAYOUT = (
        "batch_has_no_payout",
        False,
        _N,
        "The batch's net was carried forward: it has no payout instruction (its report exists).",
    )

    DEBTOR_ACCOUNT_NOT_CONFIGURED = (
        "debtor_account_not_configured",
        False,
        ErrorCategory.CONFLICT,
        "A live payout file needs the platform's bank account in the payout's currency:"
        " set PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS (test mode writes a placeholder).",
    )


class SettlementRejected(PaysetuError):
    """A settlement, schedule, payout-account or file request was refused; nothing was written."""
