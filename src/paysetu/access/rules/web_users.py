"""Web users, their sessions and the login throttle: the rules, without I/O or a clock.

A web user is a person who signs in to the dashboard with an email and a password; the role
(merchant, lender, admin) and the scope (one merchant or one lender) decide which pages and
which objects the pages show, as an API key's role and owner do for the API.

A session is a random token held by the browser in an HttpOnly cookie; the database keeps only
its SHA-256 (a token is high-entropy, so a fast hash is right; passwords get argon2id), so a
leaked table cannot be replayed. Each session has its own CSRF token, echoed by every form.

The login throttle counts failures per (email, client address): the first
:data:`FREE_FAILURES` are free, then each further failure locks that pair out for twice as long
as the previous one (from :data:`LOCKOUT_BASE_S` up to :data:`LOCKOUT_MAX_S`). A locked-out
login is refused with a retry-after before the password is even checked, so guessing costs
time without ever making the server sleep.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from paysetu.access.rules.web_errors import WebRejected, WebStatus

FREE_FAILURES = 5
LOCKOUT_BASE_S = 30
LOCKOUT_MAX_S = 15 * 60
SESSION_TTL = timedelta(hours=12)
PASSWORD_LENGTH_MIN = 12
PASSWORD_LENGTH_MAX = 1024
EMAIL_LENGTH_MAX = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class WebRole(StrEnum):
    MERCHANT = "merchant"
    LENDER = "lender"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class WebUser:
    """A person who signs in to the web pages.

    Attributes:
        id: ``usr_`` + ULID.
        email: Lower-cased; unique.
        role: What the pages show: a merchant's dashboard, a lender's console, the admin pages.
        merchant_id: The merchant a merchant user sees (None for other roles).
        lender_id: The lender a lender user sees (None for other roles).
        password_hash: The argon2id hash (PHC string); never shown.
        created_at: When the user was created.
    """

    id: str
    email: str
    role: WebRole
    merchant_id: str | None
    lender_id: str | None
    password_hash: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class WebSession:
    """A signed-in browser.

    Attributes:
        user: Who signed in.
        csrf_token: The token every form of this session must echo.
        expires_at: After this the cookie is worthless and the user signs in again.
    """

    user: WebUser
    csrf_token: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class LoginFailures:
    """Failed logins of one (email, address) pair since its last success."""

    count: int
    last_failed_at: datetime


def normal_email(text: str) -> str:
    """The email as stored (trimmed, lower-cased), or ``email_invalid``."""
    email = text.strip().lower()
    if len(email) > EMAIL_LENGTH_MAX or not _EMAIL.match(email):
        raise WebRejected(WebStatus.EMAIL_INVALID, param="email")
    return email


def check_password_rules(password: str) -> None:
    """A new password is 12 to 1024 characters (long passphrases beat composition rules)."""
    if not PASSWORD_LENGTH_MIN <= len(password) <= PASSWORD_LENGTH_MAX:
        raise WebRejected(WebStatus.PASSWORD_TOO_SHORT, param="password")


def check_scope(role: WebRole, merchant_id: str | None, lender_id: str | None) -> None:
    """Exactly the owner the role needs: a merchant, a lender, or none for an admin."""
    wanted = {
        WebRole.MERCHANT: (True, False), WebRole.LENDER: (False, True),
        WebRole.ADMIN: (False, False),
    }[role]
    if (merchant_id is not None, lender_id is not None) != wanted:
        raise WebRejected(WebStatus.WEB_SCOPE_INVALID, param="role")


def token_digest(token: str) -> bytes:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).digest()


def lockout_s(failures: int) -> int:
    """How long the pair is locked after its ``failures``-th failure (0 while still free)."""
    if failures < FREE_FAILURES:
        return 0
    doublings = min(failures - FREE_FAILURES, 16)  # 30 s * 2**16 is far past the cap
    return min(LOCKOUT_BASE_S << doublings, LOCKOUT_MAX_S)


def retry_after_s(failures: LoginFailures | None, now: datetime) -> int:
    """Seconds until this pair may try again (0: it may try now)."""
    if failures is None:
        return 0
    until = failures.last_failed_at + timedelta(seconds=lockout_s(failures.count))
    return max(0, math.ceil((until - now).total_seconds()))
