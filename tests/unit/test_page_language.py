"""Which language a page speaks: the saved choice, else the browser's best supported one."""

from __future__ import annotations

import pytest

from paysetu.shell.pages.i18n import choose_language, is_translated


@pytest.mark.parametrize(("cookie", "header", "expected"), [
    (None, None, "en"),
    (None, "hi-IN,hi;q=0.9,en;q=0.8", "hi"),
    (None, "en-IN,en;q=0.9,hi;q=0.8", "en"),
    (None, "ta-IN,hi;q=0.7,en;q=0.5", "hi"),
    (None, "en;q=0.4,hi;q=0.6", "hi"),
    (None, "fr-FR,de;q=0.8", "en"),
    (None, "hi;q=0,en", "en"),
    (None, "hi;q=abc,en;q=0.1", "en"),
    ("en", "hi-IN", "en"),
    ("hi", "en-US", "hi"),
    ("xx", "hi", "hi"),
])
def test_language_choice(cookie: str | None, header: str | None, expected: str) -> None:
    assert choose_language(cookie, header) == expected


def test_only_the_customers_pages_are_translated() -> None:
    assert is_translated("/wallet")
    assert is_translated("/wallet/approvals")
    assert is_translated("/checkout/cs_1")
    assert not is_translated("/walletx")
    assert not is_translated("/dashboard")
    assert not is_translated("/login")
    assert not is_translated("/lender/portfolio")
