"""Web users: create one, sign in (throttled), find the session behind a cookie, sign out.

Signing in is three steps, and the slow one holds no database connection:

1. claim: one short transaction locks the (email, address) pair, refuses a locked-out pair
   with the seconds to wait, and otherwise counts this attempt as a failure before the
   password is checked; parallel attempts of one pair therefore count one by one (30 at once
   get exactly :data:`~paysetu.access.rules.web_users.FREE_FAILURES` checks, not 24);
2. check: the password is verified against the user's hash, or against a decoy hash when the
   email is unknown, so both answers cost the same and their timing tells nothing, with no
   connection held (a flood of sign-ins cannot take the pool from API requests);
3. on success, a second short transaction clears the pair's count, stores a rehash when the
   hash's parameters are outdated (computed before the transaction), and a new session (its
   token only as a digest).

The web app runs a sign-in only in one of a few in-process slots per client address
(:mod:`paysetu.app.pages.sign_in_gate`), so a flood of them cannot take the request threads.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from paysetu.access.rules.web_errors import WebRejected, WebStatus
from paysetu.access.rules.web_users import (
    EMAIL_LENGTH_MAX,
    SESSION_TTL,
    WebRole,
    WebSession,
    WebUser,
    check_password_rules,
    check_scope,
    normal_email,
    retry_after_s,
    token_digest,
)
from paysetu.access.usecases.ports import AccessContext


class PasswordHasher(Protocol):
    """A password KDF (argon2id in production, :mod:`paysetu.access.stores.passwords`)."""

    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...
    def needs_rehash(self, password_hash: str) -> bool: ...


class LoginThrottled(WebRejected):
    """Too many failed logins for this (email, address): ``retry_after_s`` seconds to wait."""

    def __init__(self, retry_after_s: int) -> None:
        super().__init__(
            WebStatus.LOGIN_THROTTLED,
            f"Too many failed logins: try again in {retry_after_s} seconds.", "email")
        self.retry_after_s = retry_after_s


def create_user(
    ctx: AccessContext, passwords: PasswordHasher, *, email: str, password: str, role: WebRole,
    merchant_id: str | None = None, lender_id: str | None = None,
) -> WebUser:
    """A new web user; ``web_user_exists`` if the email is taken."""
    address = normal_email(email)
    check_password_rules(password)
    check_scope(role, merchant_id, lender_id)
    user = WebUser(ctx.ids.new_id("usr"), address, role, merchant_id, lender_id,
                   passwords.hash(password), ctx.clock.now())
    with ctx.uow_factory() as uow:
        if merchant_id is not None and not uow.web_users.merchant_exists(merchant_id):
            raise WebRejected(WebStatus.WEB_SCOPE_INVALID, f"No merchant {merchant_id}.",
                              "merchant_id")
        if lender_id is not None and not uow.web_users.lender_exists(lender_id):
            raise WebRejected(WebStatus.WEB_SCOPE_INVALID, f"No lender {lender_id}.",
                              "lender_id")
        if not uow.web_users.insert(user):
            raise WebRejected(WebStatus.WEB_USER_EXISTS, param="email")
        uow.commit()
    return user


def list_users(ctx: AccessContext) -> list[WebUser]:
    with ctx.uow_factory() as uow:
        return uow.web_users.list_users()


_NO_USER_HASH: dict[int, str] = {}
"""A hash verified when the email is unknown, so both answers cost the same (per hasher)."""


def _decoy_hash(passwords: PasswordHasher) -> str:
    return _NO_USER_HASH.setdefault(id(passwords), passwords.hash("no such user, no password"))


def _claim_attempt(ctx: AccessContext, address: str, client: str) -> WebUser | None:
    """Count the attempt (or refuse a locked-out pair); the user, if the email is known."""
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        wait = retry_after_s(uow.web_users.lock_failures(address, client), now)
        if wait:
            raise LoginThrottled(wait)
        uow.web_users.record_failure(address, client, now)
        user = uow.web_users.by_email(address)
        uow.commit()
    return user


def log_in(
    ctx: AccessContext, passwords: PasswordHasher, *, email: str, password: str,
    client_address: str,
) -> tuple[str, WebSession]:
    """A new session's token (for the cookie) and the session; or a refusal."""
    address = email.strip().lower()[:EMAIL_LENGTH_MAX] or "-"
    client = client_address[:64] or "-"
    user = _claim_attempt(ctx, address, client)
    hashed = user.password_hash if user is not None else _decoy_hash(passwords)
    if not passwords.verify(hashed, password) or user is None:
        raise WebRejected(WebStatus.LOGIN_FAILED, param="password")  # counted when claimed
    rehashed = passwords.hash(password) if passwords.needs_rehash(user.password_hash) else None
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        uow.web_users.clear_failures(address, client)
        if rehashed is not None:
            uow.web_users.set_password_hash(user.id, rehashed)
        token, session = _new_session(ctx, user, now)
        uow.web_users.delete_expired_sessions(user.id, now)
        uow.web_users.insert_session(token_digest(token), user.id, session.csrf_token, now,
                                     session.expires_at)
        uow.commit()
    return token, session


def _new_session(ctx: AccessContext, user: WebUser, now: datetime) -> tuple[str, WebSession]:
    return ctx.secrets.token(32), WebSession(user, ctx.secrets.token(32), now + SESSION_TTL)


def current_session(ctx: AccessContext, token: str | None) -> WebSession | None:
    """The unexpired session behind a cookie's token, if any."""
    if not token:
        return None
    with ctx.reader() as uow:
        return uow.web_users.session(token_digest(token), ctx.clock.now())


def log_out(ctx: AccessContext, token: str) -> None:
    """Forget the session: its cookie is worthless from now on."""
    with ctx.uow_factory() as uow:
        uow.web_users.delete_session(token_digest(token))
        uow.commit()
