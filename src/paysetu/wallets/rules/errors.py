"""Error codes of wallets: customers, wallets, top-ups, transfers and the KYC tiers' limits."""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_D = ErrorCategory.DECLINED


class WalletStatus(ErrorCode):
    """Why a customer or wallet operation was refused; precedence order."""

    NAME_INVALID = ("name_invalid", False, _I, "A name is 1-200 printable characters.")
    KYC_TIER_INVALID = ("kyc_tier_invalid", False, _I, "The KYC tier is `minimum` or `full`.")
    PHONE_INVALID = (
        "phone_invalid",
        False,
        _I,
        "The phone is not a valid mobile number (E.164, or Indian without a country code).",
    )
    PHONE_TAKEN = ("phone_taken", False, _C, "Another customer signs in with this number.")
    CURRENCY_INVALID = (
        "currency_invalid",
        False,
        _I,
        "The currency is not an ISO 4217 code with a minor unit.",
    )
    AMOUNT_MUST_BE_POSITIVE = (
        "amount_must_be_positive",
        False,
        _I,
        "Amounts are positive integers of minor units.",
    )
    AMOUNT_TOO_LARGE = (
        "amount_too_large",
        False,
        _I,
        "The amount does not fit in a signed 64-bit integer.",
    )
    WALLETS_MUST_BE_DIFFERENT = (
        "wallets_must_be_different",
        False,
        _I,
        "A transfer needs two different wallets.",
    )
    CUSTOMER_NOT_FOUND = ("customer_not_found", False, _N, "No such customer.")
    WALLET_NOT_FOUND = ("wallet_not_found", False, _N, "No such wallet.")
    WALLET_EXISTS = (
        "wallet_exists",
        False,
        _C,
        "The customer already has a wallet in this currency.",
    )
    CURRENCY_MISMATCH = (
        "currency_mismatch",
        False,
        _I,
        "The amount's currency is not the wallet's currency.",
    )
    WALLET_BALANCE_LIMIT_EXCEEDED = (
        "wallet_balance_limit_exceeded",
        True,
        _D,
        "The wallet would hold more than its KYC tier allows.",
    )
    WALLET_LOAD_LIMIT_EXCEEDED = (
        "wallet_load_limit_exceeded",
        True,
        _D,
        "Top-ups this month would exceed the KYC tier's load limit.",
    )
    EXCEEDS_AVAILABLE_BALANCE = (
        "exceeds_available_balance",
        True,
        _D,
        "The wallet's available balance does not cover the amount.",
    )


class WalletRejected(PaysetuError):
    """A customer or wallet operation was refused; nothing was written."""
