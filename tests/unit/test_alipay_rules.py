"""The gateway's wire rules (pure): amounts, sign content, response text, states, retries."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from alipay import AliPay

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    NOTIFY_ATTEMPTS_MAX,
    biz_content,
    check_timestamp,
    common_params,
    format_amount,
    notification_sign_content,
    notify_delay_s,
    parse_amount,
    parse_timestamp,
    payment_code_from,
    request_sign_content,
    response_body,
    response_key,
    response_text,
    trade_status,
)

COMMON = {"app_id": "2026000000000001", "method": "alipay.trade.query", "sign": "c2lnbg==",
          "sign_type": "RSA2", "timestamp": "2026-11-25 12:00:00", "version": "1.0",
          "charset": "utf-8", "biz_content": '{"out_trade_no":"T-1"}'}


@pytest.mark.parametrize(("text", "currency", "minor"), [
    ("88.88", "CNY", 8888), ("88.8", "CNY", 8880), ("88", "CNY", 8800), ("500", "JPY", 500),
    ("10.005", "KWD", 10005), ("0.01", "INR", 1),
])
def test_amounts_are_parsed_exactly_in_the_currencys_minor_unit(
    text: str, currency: str, minor: int
) -> None:
    assert parse_amount(text, currency, "total_amount") == minor
    assert parse_amount(format_amount(minor, currency), currency, "total_amount") == minor


@pytest.mark.parametrize(("text", "currency"), [
    ("88.888", "CNY"), ("1.5", "JPY"), ("10.0005", "KWD"), ("0", "CNY"), ("0.00", "CNY"),
    ("-1.00", "CNY"), ("abc", "CNY"), ("1e3", "CNY"), (" 1.00", "CNY"), ("١٢", "CNY"),
    ("", "CNY"), (None, "CNY"),
])
def test_bad_amounts_are_invalid_parameters(text: str | None, currency: str) -> None:
    with pytest.raises(AlipayRefused) as refused:
        parse_amount(text, currency, "total_amount")
    assert refused.value.error is AlipayError.INVALID_PARAMETER


def test_format_amount_uses_major_units() -> None:
    assert [format_amount(m, c) for m, c in [(8888, "CNY"), (500, "JPY"), (5, "KWD")]] == [
        "88.88", "500", "0.005"]


def test_request_sign_content_covers_every_parameter_but_sign_sorted() -> None:
    content = request_sign_content(COMMON)
    assert content.startswith("app_id=2026000000000001&biz_content={\"out_trade_no\":\"T-1\"}")
    assert "sign_type=RSA2" in content
    assert "sign=" not in content.replace("sign_type=", "")


def test_notification_sign_content_drops_sign_and_sign_type_but_keeps_empty_fields() -> None:
    form = {"trade_status": "TRADE_SUCCESS", "sign": "x", "sign_type": "RSA2", "buyer_id": ""}
    assert notification_sign_content(form) == "buyer_id=&trade_status=TRADE_SUCCESS"


def test_response_text_has_no_brace_inside_strings_and_the_sdk_finds_it() -> None:
    fields = {"code": "40004", "sub_msg": "bad {out_trade_no} 你好", "list": [{"a": "}"}]}
    text = response_text(fields)
    assert json.loads(text) == fields
    assert text.isascii()
    body = response_body("alipay_trade_query_response", text, "c2ln")
    found = AliPay._get_string_to_be_signed(object(), body, "alipay_trade_query_response")
    assert found == text
    assert json.loads(body)["sign"] == "c2ln"


@pytest.mark.parametrize(("missing", "error"), [
    ("app_id", AlipayError.MISSING_APP_ID), ("method", AlipayError.MISSING_METHOD),
    ("sign", AlipayError.MISSING_SIGNATURE), ("sign_type", AlipayError.MISSING_SIGNATURE_TYPE),
    ("timestamp", AlipayError.MISSING_TIMESTAMP), ("version", AlipayError.MISSING_VERSION),
])
def test_missing_common_parameters_are_40001(missing: str, error: AlipayError) -> None:
    with pytest.raises(AlipayRefused) as refused:
        common_params({k: v for k, v in COMMON.items() if k != missing})
    assert refused.value.error is error
    assert error.code == "40001"


@pytest.mark.parametrize(("name", "value", "error"), [
    ("sign_type", "MD5", AlipayError.INVALID_SIGNATURE_TYPE),
    ("format", "XML", AlipayError.INVALID_FORMAT),
    ("charset", "gbk", AlipayError.INVALID_CHARSET),
    ("version", "2.0", AlipayError.INVALID_VERSION),
])
def test_invalid_common_parameters_are_40002(name: str, value: str, error: AlipayError) -> None:
    with pytest.raises(AlipayRefused) as refused:
        common_params({**COMMON, name: value})
    assert refused.value.error is error
    assert error.code == "40002"


def test_timestamps_are_read_in_the_configured_zone_within_the_tolerance() -> None:
    shanghai = timezone(timedelta(hours=8))
    sent = parse_timestamp("2026-11-25 20:00:00", shanghai)
    assert sent == datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    check_timestamp(sent, sent + timedelta(seconds=1800), 1800)
    check_timestamp(sent, sent - timedelta(seconds=1800), 1800)
    for now in (sent + timedelta(seconds=1801), sent - timedelta(seconds=1801)):
        with pytest.raises(AlipayRefused) as refused:
            check_timestamp(sent, now, 1800)
        assert refused.value.error is AlipayError.INVALID_TIMESTAMP
    with pytest.raises(AlipayRefused):
        parse_timestamp("2026-11-25T20:00:00+08:00", shanghai)


def test_trade_status_comes_from_the_payment() -> None:
    def status(closed: bool, payment: str | None, captured: int, refunded: int) -> str:
        return trade_status(closed=closed, payment_status=payment, captured_minor=captured,
                            refunded_minor=refunded).value

    assert status(False, None, 0, 0) == "WAIT_BUYER_PAY"
    assert status(False, "requires_confirmation", 0, 0) == "WAIT_BUYER_PAY"
    assert status(True, None, 0, 0) == "TRADE_CLOSED"
    assert status(False, "canceled", 0, 0) == "TRADE_CLOSED"
    assert status(False, "succeeded", 100, 99) == "TRADE_SUCCESS"
    assert status(False, "succeeded", 100, 100) == "TRADE_CLOSED"


def test_notifications_follow_alipays_rhythm_then_stop() -> None:
    delays = [notify_delay_s(attempts) for attempts in range(1, NOTIFY_ATTEMPTS_MAX + 1)]
    assert delays == [240, 600, 600, 3600, 7200, 21600, 54000, None]
    assert sum(d for d in delays if d) == 24 * 3600 + 24 * 60


def test_payment_codes_have_alipays_shape() -> None:
    for raw in (b"\x00" * 16, b"\xff" * 16, bytes(range(16))):
        code = payment_code_from(raw)
        assert len(code) == 18
        assert code.startswith("28")
        assert code.isdigit()


def test_every_alipay_error_has_its_row_in_the_docs() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "alipay.md").read_text("utf-8")
    for error in AlipayError:
        assert f"| {error.code} | {error.msg} | `{error.sub_code}` |" in page, error


def test_biz_content_is_a_json_object_and_responses_are_keyed_by_method() -> None:
    assert biz_content("") == {}
    assert biz_content('{"a":"\\u4f60"}') == {"a": "你"}
    for text in ("[1]", "{", '"x"'):
        with pytest.raises(AlipayRefused) as refused:
            biz_content(text)
        assert refused.value.error is AlipayError.INVALID_BIZ_CONTENT
    assert response_key("alipay.trade.query") == "alipay_trade_query_response"
    assert response_key(None) == response_key("no{brace}") == "error_response"
