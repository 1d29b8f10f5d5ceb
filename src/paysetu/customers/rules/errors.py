"""Why a customer's sign-in, PIN or approval was refused: one closed enum, precedence order.

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


class CustomerRejected(PaysetuError):
    """A customer sign-in, PIN or session was refused; nothing was written."""

    code: CustomerStatus


class CustomerThrottled(CustomerRejected):
    """Refused for a while: ``retry_after_s`` seconds to wait."""

    def __init__(self, code: CustomerStatus, retry_after_s: int, param: str) -> None:
        super().__init__(code, f"{code.summary} Retry in {retry_after_s} seconds.", param)
        self.retry_after_s = retry_after_s
