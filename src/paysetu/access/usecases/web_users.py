"""Web users: create one, sign in (throttled), find the session behind a cookie, sign out.

Signing in checks the throttle first (a locked-out pair is refused with the seconds to wait,
before any password is hashed), then the password; an unknown email costs one argon2 hash too,
so the answer's timing does not tell which emails exist. A failure is counted and committed
before ``login_failed`` is raised; a success clears the pair's count, rehashes a password whose
parameters are outdated, and stores a new session (its token only as a digest).
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


def log_in(
    ctx: AccessContext, passwords: PasswordHasher, *, email: str, password: str,
    client_address: str,
) -> tuple[str, WebSession]:
    """A new session's token (for the cookie) and the session; or a refusal."""
    address = email.strip().lower()[:EMAIL_LENGTH_MAX] or "-"
    client = client_address[:64] or "-"
    now = ctx.clock.now()
    with ctx.uow_factory() as uow:
        wait = retry_after_s(uow.web_users.failures(address, client), now)
        if wait:
            raise LoginThrottled(wait)
        user = uow.web_users.by_email(address)
        hashed = user.password_hash if user is not None else _decoy_hash(passwords)
        if not passwords.verify(hashed, password) or user is None:
            uow.web_users.record_failure(address, client, now)
            uow.commit()
            raise WebRejected(WebStatus.LOGIN_FAILED, param="password")
        uow.web_users.clear_failures(address, client)
        if passwords.needs_rehash(user.password_hash):
            uow.web_users.set_password_hash(user.id, passwords.hash(password))
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
