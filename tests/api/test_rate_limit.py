"""Per-key rate limiting: 429 with ``Retry-After`` past the burst, per key, refilled in time.

Why: one runaway client must not starve the others. The limiter's clock is injected, so the
refill is driven by the test, never waited for.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.config import Settings
from paysetu.shell.http import rate_limit
from paysetu.shell.http.rate_limit import RateLimited, RateLimiter
from tests.api.conftest import Keys


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_its_burst_then_refills_at_its_rate() -> None:
    ticks = Ticks()
    limiter = RateLimiter(rate_per_s=2, burst=3, clock=ticks)
    for _ in range(3):
        limiter.take("key_a")
    with pytest.raises(RateLimited) as refused:
        limiter.take("key_a")
    assert refused.value.retry_after_s == 1  # half a second to the next token, rounded up
    limiter.take("key_b")  # another key has its own bucket
    ticks.now += 0.5
    limiter.take("key_a")
    with pytest.raises(RateLimited):
        limiter.take("key_a")
    ticks.now += 60  # a long pause refills to the burst, never beyond
    for _ in range(3):
        limiter.take("key_a")
    with pytest.raises(RateLimited):
        limiter.take("key_a")


def test_a_slow_rate_says_how_long_to_wait() -> None:
    limiter = RateLimiter(rate_per_s=0.1, burst=1, clock=Ticks())
    limiter.take("key_a")
    with pytest.raises(RateLimited) as refused:
        limiter.take("key_a")
    assert refused.value.retry_after_s == 10


def test_the_setting_zero_turns_the_limit_off() -> None:
    assert rate_limit.from_settings(Settings(rate_limit_per_s=0)) is None
    limiter = rate_limit.from_settings(Settings(rate_limit_per_s=5, rate_limit_burst=7))
    assert limiter is not None


def test_the_api_answers_429_with_retry_after_per_key(app_context: AppContext,
                                                      keys: Keys) -> None:
    ticks = Ticks()
    app = create_app(app_context, RateLimiter(rate_per_s=1, burst=2, clock=ticks))
    with TestClient(app) as client:
        created = client.post("/v1/merchants", headers=keys.platform, json={
            "legal_name": "Chai Point", "country": "IN", "settlement_currency": "INR"})
        assert created.status_code == 200
        merchant = keys.merchant(app_context, created.json()["id"])
        assert client.get("/v1/payments", headers=merchant).status_code == 200
        assert client.get("/v1/payments", headers=merchant).status_code == 200
        limited = client.get("/v1/payments", headers=merchant)
        assert limited.status_code == 429
        assert limited.headers["Retry-After"] == "1"
        assert limited.json()["error"]["code"] == "rate_limited"
        assert limited.json()["error"]["type"] == "invalid_request_error"  # as Stripe
        # the platform key used one token of its own bucket, not the merchant's
        assert client.get("/v1/merchants", headers=keys.platform).status_code == 200
        # no key at all: refused by authentication, never counted
        assert client.get("/v1/payments").status_code == 401
        ticks.now += 1
        assert client.get("/v1/payments", headers=merchant).status_code == 200


def test_a_route_that_asks_for_the_caller_twice_takes_one_token(app_context: AppContext,
                                                                keys: Keys) -> None:
    """``POST /v1/merchants`` needs the caller for its write plumbing and for its platform-only
    check: one authentication per request (FastAPI resolves the scheme once), so one token."""
    ticks = Ticks()
    app = create_app(app_context, RateLimiter(rate_per_s=1, burst=3, clock=ticks))
    with TestClient(app) as client:
        answers = [client.post("/v1/merchants", headers=keys.platform, json={
            "legal_name": f"Shop {n}", "country": "IN", "settlement_currency": "INR"})
            for n in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]


def test_workers_share_the_limit_of_a_key() -> None:
    """Each ``paysetu serve`` worker keeps its own buckets: each gets its share of the rate."""
    settings = Settings(rate_limit_per_s=100, rate_limit_burst=200)
    alone = rate_limit.from_settings(settings)
    shared = rate_limit.from_settings(settings, workers=4)
    assert alone is not None
    assert shared is not None
    assert (alone.rate_per_s, alone.burst) == (100, 200)
    assert (shared.rate_per_s, shared.burst) == (25, 50)
    tiny = rate_limit.from_settings(Settings(rate_limit_per_s=1, rate_limit_burst=1), workers=3)
    assert tiny is not None
    assert tiny.burst == 1
