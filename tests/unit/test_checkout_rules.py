"""The checkout's pure rules: return URLs, deadlines, simulated sources, session states."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from paysetu.checkout.rules.errors import CheckoutRejected, CheckoutStatus
from paysetu.checkout.rules.sessions import (
    CheckoutSession,
    CheckoutState,
    SourceKind,
    check_expiry,
    check_source,
    check_url,
    return_url_for,
)

NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


def _session(return_url: str = "https://shop.example/done",
             status: CheckoutState = CheckoutState.OPEN) -> CheckoutSession:
    return CheckoutSession(
        id="cs_01ARZ3NDEKTSV4RRFFQ69G5FAV_secret", merchant_id="mer_1", amount_minor=100,
        currency="INR", description=None, return_url=return_url, cancel_url=None,
        client_reference=None, metadata={}, status=status, presentment_currency=None,
        presentment_amount_minor=None, fx_quote_id=None, payment_id=None, source_kind=None,
        source_hint=None, expires_at=NOW + timedelta(minutes=30), completed_at=None,
        created_at=NOW, updated_at=NOW)


@pytest.mark.parametrize("url", [
    "https://shop.example/done", "https://shop.example:8443/a?b=c#d",
    "http://127.0.0.1:5000/done", "http://localhost/done", "http://[::1]:8000/",
])
def test_https_and_loopback_http_urls_are_accepted(url: str) -> None:
    assert check_url(url, "return_url") == url


@pytest.mark.parametrize("url", [
    "", "http://shop.example/done", "ftp://shop.example/", "javascript:alert(1)", "/done",
    "https://", "https://u:p@shop.example/", "https://shop.example/a b",
    "https://shop.example:99999/", "https://shop.example/\n", "https://s.example/" + "a" * 2048,
])
def test_other_urls_are_refused(url: str) -> None:
    with pytest.raises(CheckoutRejected) as refused:
        check_url(url, "cancel_url")
    assert (refused.value.code, refused.value.param) == (
        CheckoutStatus.RETURN_URL_INVALID, "cancel_url")


def test_return_url_keeps_its_query_and_fragment_and_gains_the_session() -> None:
    session = _session("https://shop.example/done?order=A%2017&x=#top")
    assert return_url_for(session) == (
        "https://shop.example/done?order=A+17&x=&checkout_session=" + session.id + "#top")


def test_deadline_defaults_to_thirty_minutes_and_stays_within_a_day() -> None:
    assert check_expiry(None, NOW) == NOW + timedelta(minutes=30)
    for ok in (timedelta(minutes=30), timedelta(hours=24)):
        assert check_expiry(NOW + ok, NOW) == NOW + ok
    for bad in (timedelta(minutes=29), timedelta(hours=24, seconds=1), -timedelta(hours=1)):
        with pytest.raises(CheckoutRejected) as refused:
            check_expiry(NOW + bad, NOW)
        assert refused.value.code is CheckoutStatus.EXPIRES_AT_INVALID


def test_an_open_session_reads_as_expired_from_its_deadline() -> None:
    session = _session()
    assert session.state_at(NOW + timedelta(minutes=29, seconds=59)) is CheckoutState.OPEN
    assert session.state_at(NOW + timedelta(minutes=30)) is CheckoutState.EXPIRED
    paid = _session(status=CheckoutState.COMPLETE)
    assert paid.state_at(NOW + timedelta(days=1)) is CheckoutState.COMPLETE


@pytest.mark.parametrize(("number", "hint"), [
    ("4242 4242 4242 4242", "•••• 4242"), ("5555-5555-5555-4444", "•••• 4444"),
    ("378282246310005", "•••• 0005"),
])
def test_luhn_valid_cards_are_accepted_and_only_their_last_four_kept(
    number: str, hint: str
) -> None:
    source = check_source("card", number, None)
    assert (source.kind, source.hint) == (SourceKind.CARD, hint)


@pytest.mark.parametrize("number", [
    None, "", "4242 4242 4242 4241", "42424242", "4242x42424242424", "٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢",
    "4" * 20,
])
def test_invalid_card_numbers_are_refused(number: str | None) -> None:
    with pytest.raises(CheckoutRejected) as refused:
        check_source("card", number, None)
    assert (refused.value.code, refused.value.param) == (
        CheckoutStatus.PAYMENT_SOURCE_INVALID, "card_number")


def test_test_declines_are_declined() -> None:
    for kind, card, upi in (("card", "4000 0000 0000 0002", None),
                            ("upi", None, "Declined@okbank")):
        with pytest.raises(CheckoutRejected) as refused:
            check_source(kind, card, upi)
        assert refused.value.code is CheckoutStatus.SOURCE_DECLINED


def test_upi_ids_are_name_at_handle() -> None:
    assert check_source("upi", None, " Asha.K@OKBank ").hint == "asha.k@okbank"
    for bad in (None, "asha", "@okbank", "asha@", "asha@ok bank", "a@1bank"):
        with pytest.raises(CheckoutRejected) as refused:
            check_source("upi", None, bad)
        assert refused.value.param == "upi_id"
