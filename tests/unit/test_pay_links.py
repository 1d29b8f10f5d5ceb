"""What a scan-to-pay code says and which scanned texts lead to a pay page (pure)."""

from __future__ import annotations

import pytest

from paysetu.customers.rules.pay_links import deep_link, path_of_scan, pay_path, pay_url


def test_the_payloads() -> None:
    assert pay_url("https://pay.example.com/", pay_path("mer_1")) == (
        "https://pay.example.com/wallet/pay/mer_1")
    assert pay_path("mer_1", 12_50, "INR") == "/wallet/pay/mer_1?amount_minor=1250&currency=INR"
    assert deep_link("mer_1") == "paysetu://pay?merchant=mer_1"
    assert deep_link("mer_1", 12_50, "INR") == (
        "paysetu://pay?merchant=mer_1&amount_minor=1250&currency=INR")


@pytest.mark.parametrize(("text", "path"), [
    ("https://pay.example.com/wallet/pay/mer_1", "/wallet/pay/mer_1"),
    ("  https://pay.example.com/wallet/pay/mer_1?amount_minor=5&currency=INR ",
     "/wallet/pay/mer_1?amount_minor=5&currency=INR"),
    ("https://evil.example/wallet/pay/checkout/cs_1", "/wallet/pay/checkout/cs_1"),
    ("/wallet/pay/alipay/2026T1", "/wallet/pay/alipay/2026T1"),
    ("paysetu://pay?merchant=mer_1", "/wallet/pay/mer_1"),
    ("paysetu://pay?merchant=mer_1&amount_minor=1250&currency=INR",
     "/wallet/pay/mer_1?amount_minor=1250&currency=INR"),
    ("paysetu://pay?merchant=mer_1&amount_minor=-5&currency=INR", "/wallet/pay/mer_1"),
    ("https://pay.example.com/dashboard", None),
    ("https://pay.example.com/wallet/pay/", None),
    ("https://pay.example.com/wallet/pay/a/b/c", None),
    ("https://pay.example.com/wallet/pay/%2e%2e", None),
    ("javascript:alert(1)//wallet/pay/x", None),
    ("paysetu://pay?merchant=<script>", None),
    ("upi://pay?pa=shop@bank", None),
    ("281234567890123456", None),
])
def test_only_a_paysetu_pay_page_is_followed(text: str, path: str | None) -> None:
    assert path_of_scan(text) == path
