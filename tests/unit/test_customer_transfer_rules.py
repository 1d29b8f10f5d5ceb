"""The pure rules of person-to-person money: the masked payee, notes, request expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus
from paysetu.customers.rules.transfers import (
    MoneyRequest,
    RequestState,
    check_note,
    check_pending,
    masked_name,
    request_expires_at,
    request_is_due,
)

NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(("name", "shown"), [
    ("Meera Sharma", "Meera S***"),
    ("Ravi Kumar Verma", "Ravi K*** V***"),
    ("Asha", "Asha"),
    ("  ", "?"),
])
def test_the_payee_is_shown_by_first_name_and_initials(name: str, shown: str) -> None:
    assert masked_name(name) == shown


def test_a_note_is_optional_trimmed_and_bounded() -> None:
    assert check_note(None) is None
    assert check_note("   ") is None
    assert check_note(" Dinner ") == "Dinner"
    assert check_note("x" * 140) == "x" * 140
    for bad in ("x" * 141, "line\nbreak"):
        with pytest.raises(CustomerRejected) as refused:
            check_note(bad)
        assert refused.value.code is CustomerStatus.NOTE_INVALID


def _request(status: RequestState, ttl_s: int = 7 * 24 * 3600) -> MoneyRequest:
    return MoneyRequest("mrq_1", "cus_a", "cus_b", 100, "INR", None, status,
                        request_expires_at(NOW, ttl_s), None, NOW, NOW)


def test_a_pending_request_is_due_exactly_at_its_expiry() -> None:
    request = _request(RequestState.PENDING)
    assert request.expires_at == NOW + timedelta(days=7)
    assert not request_is_due(request, request.expires_at - timedelta(microseconds=1))
    assert request_is_due(request, request.expires_at)
    assert not request_is_due(_request(RequestState.PAID), request.expires_at)


@pytest.mark.parametrize(("status", "code"), [
    (RequestState.PAID, CustomerStatus.MONEY_REQUEST_NOT_PENDING),
    (RequestState.DECLINED, CustomerStatus.MONEY_REQUEST_NOT_PENDING),
    (RequestState.CANCELED, CustomerStatus.MONEY_REQUEST_NOT_PENDING),
    (RequestState.EXPIRED, CustomerStatus.MONEY_REQUEST_EXPIRED),
])
def test_only_a_pending_request_can_be_answered(
    status: RequestState, code: CustomerStatus
) -> None:
    with pytest.raises(CustomerRejected) as refused:
        check_pending(_request(status), NOW)
    assert refused.value.code is code
    check_pending(_request(RequestState.PENDING), NOW)
    with pytest.raises(CustomerRejected) as late:
        check_pending(_request(RequestState.PENDING), NOW + timedelta(days=7))
    assert late.value.code is CustomerStatus.MONEY_REQUEST_EXPIRED
