"""Why a customer's sign-in, PIN, approval or transfer was refused: one closed enum, in order.

Exception tree::

    PaysetuError
     └── CustomerRejected     a sign-in, a PIN or a customer session refused; nothing written

A refusal that counts an attempt (a wrong code, a wrong PIN) is counted in a transaction of
its own before the check, so the count survives the refusal (see ``usecases/sign_in.py``).
"""

from paysetu.kernel.error_base import ErrorCategory, ErrorCode
from paysetu.ledger.rules.errors import PaysetuError

_I = ErrorCategory.INVALID
_C = ErrorCategory.CONFLICT
_A = ErrorCategory.UNAUTHENTICATED
_R = ErrorCategory.RATE_LIMITED
_N = ErrorCategory.NOT_FOUND


class CustomerStatus(ErrorCode):
    """Why a customer sign-in, PIN or session was refused; precedence order."""

    CUSTOMER_SESSION_INVALID = (
        "customer_session_invalid",
        False,
        _A,
        "No customer session, or it expired or was signed out: sign in again.",
    )
    SIGN_IN_THROTTLED = (
        "sign_in_throttled",
        True,
        _R,
        "Too many codes asked for this number or from this address; retry after the time given.",
    )
    PHONE_INVALID = (
        "phone_invalid",
        False,
        _I,
        "The phone is not a valid mobile number (E.164, or Indian without a country code).",
    )
    SIGN_IN_CODE_INVALID = (
        "sign_in_code_invalid",
        False,
        _A,
        "The code is wrong, expired, used up (5 tries) or replaced by a newer one.",
    )
    PIN_FORMAT_INVALID = ("pin_format_invalid", False, _I, "A PIN is 4 or 6 digits.")
    PIN_LOCKED = (
        "pin_locked",
        True,
        _R,
        "Three wrong PINs: the PIN is locked for a while; retry after the time given.",
    )
    PIN_INCORRECT = ("pin_incorrect", False, _A, "The PIN is wrong.")
    PIN_NOT_SET = ("pin_not_set", False, _C, "Set a payment PIN first.")
    FRESH_SIGN_IN_REQUIRED = (
        "fresh_sign_in_required",
        False,
        _C,
        "Changing the PIN needs a new one-time code: ask for one and give it with the new PIN.",
    )


    PAYEE_LOOKUP_THROTTLED = (
        "payee_lookup_throttled",
        True,
        _R,
        "Too many payee numbers looked up; retry after the time given.",
    )
    NOTE_INVALID = ("note_invalid", False, _I, "A note is 1 to 140 printable characters.")
    PAYEE_NOT_FOUND = ("payee_not_found", False, _N, "No wallet customer has this number.")
    PAYEE_IS_SELF = (
        "payee_is_self", False, _I, "This is your own number: send to someone else.")
    PAYER_WALLET_MISSING = (
        "payer_wallet_missing", True, _C, "You have no wallet in this currency.")
    PAYEE_WALLET_MISSING = (
        "payee_wallet_missing", True, _C, "The payee has no wallet in this currency.")
    TRANSFER_NOT_FOUND = (
        "transfer_not_found", False, _N, "No such transfer of yours.")
    MONEY_REQUEST_NOT_FOUND = (
        "money_request_not_found", False, _N, "No such money request of yours.")
    MONEY_REQUEST_EXPIRED = (
        "money_request_expired", False, _C, "The money request expired before it was paid.")
    MONEY_REQUEST_NOT_PENDING = (
        "money_request_not_pending",
        False,
        _C,
        "The money request was already paid, declined, canceled or expired.",
    )


class CustomerRejected(PaysetuError):
    """A customer sign-in, PIN or session was refused; nothing was written."""

    code: CustomerStatus


class CustomerThrottled(CustomerRejected):
    """Refused for a while: ``retry_after_s`` seconds to wait."""

    def __init__(self, code: CustomerStatus, retry_after_s: int, param: str) -> None:
        super().__init__(code, f"{code.summary} Retry in {retry_after_s} seconds.", param)
        self.retry_after_s = retry_after_s
