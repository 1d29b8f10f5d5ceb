"""Pure rules of customer consent: phone numbers, codes, PINs, payees, mandate decisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from paysetu.customers.rules.errors import CustomerRejected
from paysetu.customers.rules.identity import check_pin_format, code_from, wait_s
from paysetu.kernel.phones import e164, masked
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.rules.mandates import (
    Mandate,
    MandateFrequency,
    MandateNotice,
    MandatePolicy,
    MandateState,
    effective_state,
    mandate_debit,
    masked_payee,
)

NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
MANDATE = Mandate("man_1", "mer_1", "cus_1", "wal_1", "INR", 20_000_00,
                  MandateFrequency.MONTHLY, "Rent", NOW + timedelta(days=365),
                  MandateState.ACTIVE, None, NOW, NOW)
POLICY = MandatePolicy()


def _notice(amount: int, sent: datetime) -> MandateNotice:
    return MandateNotice("mdn_1", "man_1", amount, sent, sent, None)


def _debit(mandate: Mandate, amount: int, notice: MandateNotice | None, now: datetime) -> bool:
    return mandate_debit(mandate, merchant_id="mer_1", wallet_id="wal_1", amount_minor=amount,
                         currency="INR", notice=notice, policy=POLICY, now=now)


@pytest.mark.parametrize(("text", "expected"), [
    ("9876543210", "+919876543210"), ("+91 98765 43210", "+919876543210"),
    ("+14155552671", "+14155552671"), ("12345", None), ("", None), ("+91" + "9" * 40, None),
    ("+912212345678", None),  # a Mumbai landline: no SMS
])
def test_phone_numbers_are_mobile_e164_indian_by_default(text: str, expected: str | None) -> None:
    assert e164(text) == expected


def test_masks_and_codes() -> None:
    assert masked("+919876543210") == "+91********10"
    assert code_from(bytes(16)) == "000000"
    assert code_from(b"\xff" * 16) == str(2**64 - 1)[-6:].zfill(6)
    assert masked_payee("Chai Point Foods") == "Chai P*** F***"
    assert wait_s(NOW + timedelta(milliseconds=10), NOW) == 1
    assert wait_s(NOW, NOW) == 0


@pytest.mark.parametrize("pin", ["123", "12345", "1234567", "12a4", "١٢٣٤"])
def test_a_pin_is_4_or_6_ascii_digits(pin: str) -> None:
    with pytest.raises(CustomerRejected):
        check_pin_format(pin)


def test_a_mandate_debit_needs_a_notice_24_hours_old_for_the_amount() -> None:
    now = NOW + timedelta(days=2)
    assert _debit(MANDATE, 100_00, _notice(100_00, now - timedelta(hours=24)), now)
    for notice in (None, _notice(99_00, now - timedelta(days=1)),
                   _notice(100_00, now - timedelta(hours=23))):
        with pytest.raises(PaymentRejected) as refused:
            _debit(MANDATE, 100_00, notice, now)
        assert refused.value.code is PaymentStatus.MANDATE_NOTICE_MISSING


def test_above_15000_rupees_the_customer_approves_and_limits_are_refused_in_order() -> None:
    now = NOW + timedelta(days=2)
    assert not _debit(MANDATE, 15_000_01, _notice(15_000_01, NOW), now)
    assert _debit(MANDATE, 15_000_00, _notice(15_000_00, NOW), now)
    cases = [
        (replace(MANDATE, status=MandateState.PAUSED), 1, PaymentStatus.MANDATE_NOT_ACTIVE),
        (replace(MANDATE, valid_until=now), 1, PaymentStatus.MANDATE_NOT_ACTIVE),
        (MANDATE, 20_000_01, PaymentStatus.MANDATE_AMOUNT_EXCEEDED),
        (replace(MANDATE, last_debit_at=now - timedelta(days=27)), 1,
         PaymentStatus.MANDATE_FREQUENCY_EXCEEDED),
        (replace(MANDATE, wallet_id="wal_2"), 1, PaymentStatus.MANDATE_WALLET_MISMATCH),
    ]
    for mandate, amount, code in cases:
        with pytest.raises(PaymentRejected) as refused:
            _debit(mandate, amount, _notice(amount, NOW), now)
        assert refused.value.code is code
    assert effective_state(replace(MANDATE, valid_until=now), now) is MandateState.EXPIRED
