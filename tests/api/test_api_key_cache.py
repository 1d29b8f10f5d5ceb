"""API key records kept in memory: revocation, the cross-process bound, scoping, wrong secrets.

Why: authenticating from a cache must refuse exactly what reading the row refuses. A key
revoked in this process is refused on its next request; one revoked by another process (the
row changed under the cache) within ``TTL_S``; a cached key never lets a wrong secret, the
other mode, or another owner's objects through. The cache's clock is injected: the lifetime is
driven by the test, never waited for.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from paysetu.access.rules.principals import ApiKeyRecord, Role, parse_key
from paysetu.access.rules.request_errors import RequestRejected
from paysetu.access.usecases import api_keys as access
from paysetu.access.usecases.api_key_cache import TTL_S, ApiKeyCache
from paysetu.app.context import AppContext
from paysetu.shell.http.context import API_KEY_CACHE
from tests.api.conftest import Keys
from tests.api.payment_setup import error_code, merchant, ok


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _refusal(context: AppContext, presented: str, cache: ApiKeyCache) -> str:
    with pytest.raises(RequestRejected) as refused:
        access.authenticate(context, presented, cache)
    return refused.value.code.value


def test_a_key_revoked_here_is_refused_on_its_next_request(
    client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    shop = merchant(client, keys)
    issued = access.create_key(app_context, Role.MERCHANT, shop, livemode=False)
    headers = {"Authorization": f"Bearer {issued.secret}"}
    ok(client.get(f"/v1/merchants/{shop}", headers=headers))
    assert API_KEY_CACHE.get(issued.record.id) is not None  # the next request would not read it
    assert access.revoke_key(app_context, issued.record.id)
    assert error_code(client.get(f"/v1/merchants/{shop}", headers=headers),
                      401) == "api_key_revoked"


def test_a_key_revoked_by_another_process_is_refused_within_the_lifetime(
    app_context: AppContext,
) -> None:
    ticks = Ticks()
    cache = ApiKeyCache(ticks)
    issued = access.create_key(app_context, Role.PLATFORM, None, livemode=False)
    assert access.authenticate(app_context, issued.secret, cache).role is Role.PLATFORM
    with app_context.uow_factory() as uow:  # what another process's revoke_key does here
        assert uow.api_keys.revoke(issued.record.id, datetime(2026, 1, 1, tzinfo=UTC))
        uow.commit()
    ticks.now += TTL_S - 0.001
    assert access.authenticate(app_context, issued.secret, cache).role is Role.PLATFORM
    ticks.now += 0.001
    assert _refusal(app_context, issued.secret, cache) == "api_key_revoked"
    assert len(cache) == 0  # a revoked record is never kept


def test_a_cached_key_still_needs_its_secret_and_its_mode(app_context: AppContext) -> None:
    cache = ApiKeyCache(Ticks())
    issued = access.create_key(app_context, Role.PLATFORM, None, livemode=False)
    access.authenticate(app_context, issued.secret, cache)
    assert cache.get(issued.record.id) is not None
    parsed = parse_key(issued.secret)
    assert parsed is not None
    wrong = f"sk_test_{parsed[1]}_{'A' * len(parsed[2])}"  # the right key id, a wrong secret
    assert access.authenticate_cached(issued.secret, cache) is not None
    with pytest.raises(RequestRejected) as refused:
        access.authenticate_cached(wrong, cache)
    assert refused.value.code.value == "api_key_invalid"
    assert _refusal(app_context, wrong, cache) == "api_key_invalid"
    live = issued.secret.replace("sk_test_", "sk_live_", 1)
    assert _refusal(app_context, live, cache) == "api_key_invalid"
    assert access.authenticate(app_context, issued.secret, cache).api_key_id == issued.record.id


def test_cached_keys_see_only_their_own_merchant(client: TestClient, keys: Keys,
                                                 app_context: AppContext) -> None:
    shop_a, shop_b = merchant(client, keys), merchant(client, keys)
    a = {"Authorization": "Bearer "
         + access.create_key(app_context, Role.MERCHANT, shop_a, livemode=False).secret}
    b = {"Authorization": "Bearer "
         + access.create_key(app_context, Role.MERCHANT, shop_b, livemode=False).secret}
    for _ in range(2):  # the second round authenticates both keys from the cache
        assert ok(client.get(f"/v1/merchants/{shop_a}", headers=a))["id"] == shop_a
        assert ok(client.get(f"/v1/merchants/{shop_b}", headers=b))["id"] == shop_b
        assert error_code(client.get(f"/v1/merchants/{shop_b}", headers=a), 404)
        assert error_code(client.get(f"/v1/merchants/{shop_a}", headers=b), 404)


def _record(key_id: str, revoked: bool = False) -> ApiKeyRecord:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return ApiKeyRecord(key_id, Role.PLATFORM, None, False, b"salt", b"hash", "abcd", at,
                        at if revoked else None)


def test_the_cache_is_bounded_and_keeps_nothing_read_before_a_revocation() -> None:
    cache = ApiKeyCache(Ticks(), size_max=2)
    for key_id in ("key_1", "key_2"):
        cache.keep(_record(key_id), cache.drops)
    assert cache.get("key_1") is not None  # key_1 is now the most recently used
    cache.keep(_record("key_3"), cache.drops)
    assert len(cache) == 2
    assert cache.get("key_2") is None
    assert cache.get("key_1") is not None
    read_at = cache.drops  # a row read, then a revocation here, then the read's answer
    cache.drop("key_9")
    cache.keep(_record("key_4"), read_at)
    assert cache.get("key_4") is None
    cache.keep(_record("key_5", revoked=True), cache.drops)
    assert cache.get("key_5") is None
