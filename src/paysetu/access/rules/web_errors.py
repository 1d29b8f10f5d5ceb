"""Why a web user, a login or a web form was refused: one closed enum, precedence order.

The web pages render these next to the field their ``param`` names; ``docs/errors.md`` lists
them with the API's codes. Exception tree::

    PaysetuError
     └── WebRejected          a web user, login or form refused; nothing was written

A refused CSRF token is ``invalid_request`` like any bad form, but the pages answer it with 403
(the request is not the signed-in user's own), not the API's 400.
"""

from paysetu.kernel.error_base import ErrorCategory, ErrorCode
from paysetu.ledger.rules.errors import PaysetuError

_I = ErrorCategory.INVALID
_C = ErrorCategory.CONFLICT
_A = ErrorCategory.UNAUTHENTICATED
_R = ErrorCategory.RATE_LIMITED


class WebStatus(ErrorCode):
    """Why a web user, login or web form was refused; precedence order."""

    CSRF_TOKEN_INVALID = (
        "csrf_token_invalid",
        False,
        _I,
        "The form's CSRF token is missing or not this session's; reload the page and retry.",
    )
    LOGIN_THROTTLED = (
        "login_throttled",
        True,
        _R,
        "Too many failed logins for this email from this address; retry after the time given.",
    )
    LOGIN_FAILED = ("login_failed", False, _A, "The email or the password is wrong.")
    EMAIL_INVALID = ("email_invalid", False, _I, "An email is name@domain, at most 254 characters.")
    PASSWORD_TOO_SHORT = (
        "password_too_short",
        False,
        _I,
        "A password has at least 12 characters (and at most 1024).",
    )
    WEB_ROLE_INVALID = ("web_role_invalid", False, _I, "A web role is merchant, lender or admin.")
    WEB_SCOPE_INVALID = (
        "web_scope_invalid",
        False,
        _I,
        "A merchant user names one merchant, a lender user one lender, an admin neither.",
    )
    WEB_USER_EXISTS = ("web_user_exists", False, _C, "A web user with this email already exists.")


class WebRejected(PaysetuError):
    """A web user, login or web form was refused; nothing was written."""

    code: WebStatus
