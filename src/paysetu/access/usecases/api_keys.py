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
from paysetu.access.usecases.api_key_cache import ApiKeyCache, forget_everywhere
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


def _parsed(presented: str | None) -> tuple[bool, str, str]:
    if not presented:
        raise RequestRejected(RequestStatus.API_KEY_MISSING)
    parsed = parse_key(presented)
    if parsed is None:
        raise RequestRejected(RequestStatus.API_KEY_INVALID)
    return parsed


def _principal(record: ApiKeyRecord | None, livemode: bool, secret: str) -> Principal:
    if record is None or record.livemode != livemode or not secret_matches(record, secret):
        raise RequestRejected(RequestStatus.API_KEY_INVALID)
    if record.revoked_at is not None:
        raise RequestRejected(RequestStatus.API_KEY_REVOKED)
    return Principal(record.id, record.role, record.owner_id, record.livemode)


def authenticate_cached(presented: str | None, cache: ApiKeyCache) -> Principal | None:
    """The principal behind a presented key from ``cache`` alone (no I/O), or
    :class:`RequestRejected` (401); None when the key's record is not kept: then
    :func:`authenticate` reads it."""
    livemode, key_id, secret = _parsed(presented)
    record = cache.get(key_id)
    return None if record is None else _principal(record, livemode, secret)


def authenticate(ctx: AccessContext, presented: str | None, cache: ApiKeyCache) -> Principal:
    """The principal behind a presented key, or :class:`RequestRejected` (401).

    A live key's record is kept in ``cache`` for a moment (:mod:`.api_key_cache`: revocation
    here drops it at once, elsewhere within ``TTL_S``); the secret is checked against the
    record's salted hash either way."""
    livemode, key_id, secret = _parsed(presented)
    record = cache.get(key_id)
    if record is None:
        drops = cache.drops
        with ctx.reader() as uow:
            record = uow.api_keys.get(key_id)
        if record is not None and record.livemode == livemode and secret_matches(record, secret):
            cache.keep(record, drops)
    return _principal(record, livemode, secret)


def list_keys(ctx: AccessContext, owner_id: str | None) -> list[ApiKeyRecord]:
    with ctx.uow_factory() as uow:
        return uow.api_keys.list_page(owner_id)


def revoke_key(ctx: AccessContext, key_id: str) -> bool:
    """Revoke ``key_id``: refused from the commit on in this process, and by other processes
    once their kept record expires (:data:`.api_key_cache.TTL_S`)."""
    with ctx.uow_factory() as uow:
        revoked = uow.api_keys.revoke(key_id, ctx.clock.now())
        uow.commit()
    forget_everywhere(key_id)
    return revoked
