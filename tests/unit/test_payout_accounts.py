"""Payout accounts are checked at onboarding: IBAN and BIC with schwifty, Indian IFSC by format."""

from __future__ import annotations

import pytest

from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus
from paysetu.settlement.rules.payout_accounts import (
    BankCodeScheme,
    PayoutScheme,
    check_payout_account,
)


def test_an_iban_and_bic_are_normalised_and_kept() -> None:
    details = check_payout_account("  Berliner Kaffee GmbH ", "EUR",
                                   iban="de89 3704 0044 0532 0130 00", bic="cobadeff xxx")
    assert details.scheme is PayoutScheme.IBAN
    assert (details.iban, details.bic, details.country) == (
        "DE89370400440532013000", "COBADEFFXXX", "DE")
    assert details.holder_name == "Berliner Kaffee GmbH"
    assert details.account_number is None


def test_an_indian_account_with_an_ifsc_is_accepted() -> None:
    details = check_payout_account("Chai Point Pvt Ltd", "INR", account_number="00123456789012",
                                   bank_code="hdfc0000123", country="in")
    assert details.scheme is PayoutScheme.LOCAL
    assert details.bank_code_scheme is BankCodeScheme.IN_IFSC
    assert (details.bank_code, details.account_number, details.country) == (
        "HDFC0000123", "00123456789012", "IN")


@pytest.mark.parametrize(
    ("fields", "code", "param"),
    [
        ({"iban": "DE89370400440532013001", "bic": "COBADEFFXXX"},
         SettlementStatus.IBAN_INVALID, "iban"),  # check digits
        ({"iban": "DE8937040044053201300", "bic": "COBADEFFXXX"},
         SettlementStatus.IBAN_INVALID, "iban"),  # one character short for Germany
        ({"iban": "XX89370400440532013000", "bic": "COBADEFFXXX"},
         SettlementStatus.IBAN_INVALID, "iban"),  # no such country
        ({"iban": "DE89-3704-0044", "bic": "COBADEFFXXX"}, SettlementStatus.IBAN_INVALID, "iban"),
        ({"iban": "DE89370400440532013000", "bic": "COBADEF"},
         SettlementStatus.BIC_INVALID, "bic"),
        ({"iban": "DE89370400440532013000", "bic": "COBAXXFF"},
         SettlementStatus.BIC_INVALID, "bic"),  # XX is no country
        ({"iban": "DE89370400440532013000"}, SettlementStatus.BIC_INVALID, "bic"),
        ({"bic": "COBADEFFXXX"}, SettlementStatus.IBAN_INVALID, "iban"),
        ({"iban": "DE89370400440532013000", "bic": "ABNANL2A"},
         SettlementStatus.BIC_COUNTRY_MISMATCH, "bic"),
        ({"iban": "DE89370400440532013000", "bic": "COBADEFFXXX",
          "account_number": "123456789", "bank_code": "HDFC0000123"},
         SettlementStatus.PAYOUT_ACCOUNT_SCHEME_INVALID, "iban"),
        ({}, SettlementStatus.PAYOUT_ACCOUNT_SCHEME_INVALID, None),
    ],
)
def test_bad_international_details_are_refused_with_their_code(
    fields: dict[str, str], code: SettlementStatus, param: str | None
) -> None:
    with pytest.raises(SettlementRejected) as refused:
        check_payout_account("Berliner Kaffee GmbH", "EUR", **fields)
    assert (refused.value.code, refused.value.param) == (code, param)


@pytest.mark.parametrize(
    ("bank_code", "account_number", "code"),
    [
        ("HDFC1000123", "123456789", SettlementStatus.BANK_CODE_INVALID),  # 5th is not 0
        ("HDF00000123", "123456789", SettlementStatus.BANK_CODE_INVALID),  # 3 letters
        ("HDFC000012", "123456789", SettlementStatus.BANK_CODE_INVALID),  # 10 characters
        ("HDFC00001234", "123456789", SettlementStatus.BANK_CODE_INVALID),  # 12 characters
        ("HDFC0000-23", "123456789", SettlementStatus.BANK_CODE_INVALID),
        ("HDFC0000123", "12345678", SettlementStatus.ACCOUNT_NUMBER_INVALID),  # 8 digits
        ("HDFC0000123", "1234567890123456789", SettlementStatus.ACCOUNT_NUMBER_INVALID),
        ("HDFC0000123", "12345678A", SettlementStatus.ACCOUNT_NUMBER_INVALID),
    ],
)
def test_bad_indian_details_are_refused_with_their_code(
    bank_code: str, account_number: str, code: SettlementStatus
) -> None:
    with pytest.raises(SettlementRejected) as refused:
        check_payout_account("Chai Point", "INR", account_number=account_number,
                             bank_code=bank_code, country="IN")
    assert refused.value.code is code


@pytest.mark.parametrize(("currency", "country"), [("INR", "US"), ("USD", "IN"), ("INR", None)])
def test_local_accounts_outside_indian_rupees_are_not_supported(
    currency: str, country: str | None
) -> None:
    with pytest.raises(SettlementRejected) as refused:
        check_payout_account("Chai Point", currency, account_number="123456789",
                             bank_code="HDFC0000123", country=country)
    assert refused.value.code is SettlementStatus.BANK_CODE_SCHEME_UNSUPPORTED


@pytest.mark.parametrize(
    ("holder", "currency", "code"),
    [
        ("", "EUR", SettlementStatus.HOLDER_NAME_INVALID),
        ("x" * 141, "EUR", SettlementStatus.HOLDER_NAME_INVALID),
        ("Tab\tname", "EUR", SettlementStatus.HOLDER_NAME_INVALID),
        ("Berliner Kaffee", "EURO", SettlementStatus.CURRENCY_INVALID),
        ("Berliner Kaffee", "XAU", SettlementStatus.CURRENCY_INVALID),
    ],
)
def test_holder_and_currency_are_checked_first(
    holder: str, currency: str, code: SettlementStatus
) -> None:
    with pytest.raises(SettlementRejected) as refused:
        check_payout_account(holder, currency, iban="DE89370400440532013001", bic="X")
    assert refused.value.code is code
