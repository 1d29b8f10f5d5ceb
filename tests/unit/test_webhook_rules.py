"""The pure webhook rules: signature scheme, header parsing, retry schedule, URL checks."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from paysetu.events.rules.targets import LOOPBACK_NETWORKS
from paysetu.events.rules.webhooks import (
    ATTEMPTS_MAX,
    RETRY_DELAY_BASE_S,
    RETRY_DELAY_MAX_S,
    compute_signature,
    jitter_unit,
    parse_signature_header,
    retry_delay_s,
    signature_header,
    url_problem,
)
from paysetu.webhooks import SignatureVerificationError, verify_signature

SECRET = "whsec_test"
BODY = b'{"id":"evt_1","object":"event"}'


def test_the_signature_is_stripes_scheme() -> None:
    expected = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert compute_signature(SECRET, 1_700_000_000, BODY) == expected
    assert signature_header(SECRET, 1_700_000_000, BODY) == f"t=1700000000,v1={expected}"


def test_sign_then_verify_round_trips() -> None:
    header = signature_header(SECRET, 1_700_000_000, BODY)
    assert verify_signature(BODY, header, SECRET, now=1_700_000_100) == {
        "id": "evt_1", "object": "event"}
    with pytest.raises(SignatureVerificationError) as refused:
        verify_signature(b"[1]", signature_header(SECRET, 5, b"[1]"), SECRET, now=5)
    assert refused.value.reason == "payload_not_json"


@pytest.mark.parametrize(
    ("header", "parsed"),
    [
        ("t=1,v1=ab", (1, ("ab",))),
        (" t=1 , v1=ab , v1=cd ", (1, ("ab", "cd"))),
        ("t=1,v0=old,v1=ab", (1, ("ab",))),
        ("t=1", None),
        ("v1=ab", None),
        ("t=1,t=2,v1=ab", None),
        ("t=-1,v1=ab", None),
        ("t=١,v1=ab", None),
        ("t=1,v1=", None),
        ("garbage", None),
        ("", None),
    ],
)
def test_signature_headers_are_parsed_strictly(
    header: str, parsed: tuple[int, tuple[str, ...]] | None
) -> None:
    assert parse_signature_header(header) == parsed


def test_retry_delays_grow_exponentially_with_jitter_up_to_the_cap() -> None:
    ceilings = [min(RETRY_DELAY_BASE_S * 2 ** (n - 1), RETRY_DELAY_MAX_S)
                for n in range(1, ATTEMPTS_MAX)]
    for attempts, ceiling in enumerate(ceilings, start=1):
        assert retry_delay_s(attempts, 0.0) == ceiling / 2
        assert ceiling / 2 <= retry_delay_s(attempts, 0.999) < ceiling
    assert retry_delay_s(1000, 0.999) < RETRY_DELAY_MAX_S
    units = [jitter_unit(f"whd_{i}", 1) for i in range(1000)]
    assert all(0 <= u < 1 for u in units)
    assert min(units) < 0.05, "spread over the whole range"
    assert max(units) > 0.95, "spread over the whole range"
    assert jitter_unit("whd_1", 1) == jitter_unit("whd_1", 1) != jitter_unit("whd_1", 2)


@pytest.mark.parametrize(
    ("url", "https_only", "ok"),
    [
        ("https://merchant.example/hooks?v=1", True, True),
        ("http://127.0.0.1:8080/hooks", False, True),
        ("http://merchant.example/hooks", True, False),
        ("https://[::1]:8443/hooks", False, True),
        ("https://[::1/hooks", False, False),
        ("mailto:ops@merchant.example", False, False),
        ("https:///hooks", False, False),
        ("https://merchant.example/\nhooks", False, False),
    ],
)
def test_webhook_urls(url: str, https_only: bool, ok: bool) -> None:
    # Loopback is allowed here explicitly; test_webhook_targets refuses it by default.
    problem = url_problem(url, https_only=https_only, allowed_networks=LOOPBACK_NETWORKS)
    assert (problem is None) is ok
