"""The log redaction's shortcut changes nothing: ``redact`` equals the four substitutions.

Why: :func:`paysetu.app.logs.redact` skips its substitutions when a text holds none of the
words its patterns need. If a pattern ever matched without one of those words, a secret would
reach the logs; this test builds texts from secrets, their near misses and noise, in any case,
and compares the shortcut with applying every pattern.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from paysetu.app.logs import _SECRET_PATTERNS, REDACTED, redact

_PIECES = (
    "Authorization", "AUTHORIZATION: ", "authorization=", '"authorization": "', "Bearer ",
    "bEaReR\t", "basic ", "BASIC  ", "sk_live_", "sk_test_", "SK_LIVE_", "sk_lives_",
    "key_01JQ0000000000000000000000_", "whsec_", "WHSEC_", "wh_sec_", "s3cr3t", "Zm9v+/=",
    "abc-DEF_123", " ", ",", "}", "'", '"', ":", "=", "\n", "é", "_",
)

_texts = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=12,
).map("".join)


def _every_pattern(text: str) -> str:
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


@settings(max_examples=2000, deadline=None)
@given(_texts)
def test_redact_equals_applying_every_pattern(text: str) -> None:
    assert redact(text) == _every_pattern(text)


def test_a_text_without_a_trigger_word_comes_back_as_it_is() -> None:
    text = "POST /v1/payments 200 pay_01JQ0000000000000000000000 sk_lives_x wh_sec_y"
    assert redact(text) is text


def test_each_kind_of_secret_is_still_redacted() -> None:
    text = ("Authorization: opaque1, bearer opaque2 sk_test_key_01JQ0000000000000000000000_"
            "opaque3 whsec_opaque4")
    redacted = redact(text)
    for secret in ("opaque1", "opaque2", "opaque3", "opaque4"):
        assert secret not in redacted
    assert redacted.count(REDACTED) == 4
