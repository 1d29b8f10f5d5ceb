"""API keys: create (the secret is shown once), authenticate, list, revoke."""

from __future__ import annotations

from dataclasses import dataclass

from paysetu.access.rules.principals import (
    ApiKeyRecord,
    Principal,
    Role,
    hash_secret,
    parse_key,
    secret_matches,
)
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.access.usecases.ports import AccessContext


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A new key: ``secret`` is the only time the full key exists outside the caller's hands."""

    record: ApiKeyRecord
    secret: str


def create_key(ctx: AccessContext, role: Role, owner_id: str | None, livemode: bool) -> IssuedKey:
    key_id = ctx.ids.new_id("key")
    secret = ctx.secrets.token(32)
    salt = ctx.secrets.salt()
    record = ApiKeyRecord(
        key_id, role, owner_id if role is not Role.PLATFORM else None, livemode, salt,
        hash_secret(salt, secret), secret[-4:], ctx.clock.now(), None,
    )
    with ctx.uow_factory() as uow:
        uow.api_keys.insert(record)
        uow.commit()
    mode = "live" if livemode else "test"
    return IssuedKey(record, f"sk_{mode}_{key_id}_{secret}")


def authenticate(ctx: AccessContext, presented: str | None) -> Principal:
    """The principal behind a presented key, or :class:`RequestRejected` (401)."""
    if not presented:
        raise RequestRejected(RequestStatus.API_KEY_MISSING)
    parsed = parse_key(presented)
    if parsed is None:
        raise RequestRejected(RequestStatus.API_KEY_INVALID)
    livemode, key_id, secret = parsed
    with ctx.reader() as uow:
        record = uow.api_keys.get(key_id)
    if record is None or record.livemode != livemode or not secret_matches(record, secret):
        raise RequestRejected(RequestStatus.API_KEY_INVALID)
    if record.revoked_at is not None:
        raise RequestRejected(RequestStatus.API_KEY_REVOKED)
    return Principal(record.id, record.role, record.owner_id, record.livemode)


def list_keys(ctx: AccessContext, owner_id: str | None) -> list[ApiKeyRecord]:
    with ctx.uow_factory() as uow:
        return uow.api_keys.list_page(owner_id)


def revoke_key(ctx: AccessContext, key_id: str) -> bool:
    with ctx.uow_factory() as uow:
        revoked = uow.api_keys.revoke(key_id, ctx.clock.now())
        uow.commit()
    return revoked
