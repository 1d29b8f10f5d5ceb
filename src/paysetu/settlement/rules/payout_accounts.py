"""Merchant payout accounts: where a settlement's payout is sent, checked when it is registered.

Two schemes, so that a bad account is refused at onboarding instead of bouncing at payout:

* ``iban``: an IBAN (structure, length per country and ISO 7064 check digits, and the national
  BBAN checksum where the country has one) and a BIC (ISO 9362) of the same country, both
  checked with ``schwifty``;
* ``local``: an account number and a bank code in the country's own scheme. India is
  supported: an IFSC (``^[A-Z]{4}0[A-Z0-9]{6}$``: bank, a reserved zero, branch) and an account
  number of 9-18 digits, paid in INR. Other countries without IBANs are refused with
  ``bank_code_scheme_unsupported`` until their scheme is added here.

Input is normalised first (upper case, spaces removed), so ``"de89 3704 0044 0532 0130 00"`` is
the IBAN ``DE89370400440532013000``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

from paysetu.kernel.money import is_currency
from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus

IFSC_PATTERN = re.compile(r"^[A-Z]{4}0[A-Z0-9]{6}$")
INDIAN_ACCOUNT_NUMBER = re.compile(r"^[0-9]{9,18}$")
HOLDER_NAME_LENGTH_MAX = 140


class PayoutScheme(StrEnum):
    IBAN = "iban"
    LOCAL = "local"


class BankCodeScheme(StrEnum):
    IN_IFSC = "in_ifsc"


@dataclass(frozen=True, slots=True)
class PayoutAccountDetails:
    """Checked, normalised bank details (what a new payout account stores).

    Attributes:
        scheme: ``iban`` (iban and bic set) or ``local`` (account_number and bank_code set).
        country: ISO 3166 alpha-2 of the account (from the IBAN, or given for local accounts).
        bank_code_scheme: For local accounts, which bank-code scheme (``in_ifsc``).
    """

    scheme: PayoutScheme
    holder_name: str
    currency: str
    country: str
    iban: str | None = None
    bic: str | None = None
    account_number: str | None = None
    bank_code: str | None = None
    bank_code_scheme: BankCodeScheme | None = None


@dataclass(frozen=True, slots=True)
class PayoutAccount:
    """A registered payout account; ``active`` is the one a merchant's currency is paid to."""

    id: str
    merchant_id: str
    details: PayoutAccountDetails
    active: bool
    created_at: datetime


def _compact(text: str | None) -> str | None:
    return None if text is None else "".join(text.split()).upper()


def _refuse(
    status: SettlementStatus, param: str | None, message: str | None = None
) -> SettlementRejected:
    return SettlementRejected(status, message, param)


def _iban_details(
    holder: str, currency: str, iban_text: str, bic_text: str
) -> PayoutAccountDetails:
    try:
        iban = IBAN(iban_text, validate_bban=True)
    except SchwiftyException as error:
        raise _refuse(SettlementStatus.IBAN_INVALID, "iban", f"IBAN refused: {error}.") from None
    try:
        bic = BIC(bic_text)
    except SchwiftyException as error:
        raise _refuse(SettlementStatus.BIC_INVALID, "bic", f"BIC refused: {error}.") from None
    if bic.country_code != iban.country_code:
        raise _refuse(
            SettlementStatus.BIC_COUNTRY_MISMATCH, "bic",
            f"The BIC is in {bic.country_code}, the IBAN in {iban.country_code}.",
        )
    return PayoutAccountDetails(
        PayoutScheme.IBAN, holder, currency, iban.country_code, iban=iban.compact, bic=bic.compact
    )


def _local_details(
    holder: str, currency: str, country: str | None, number: str, bank_code: str
) -> PayoutAccountDetails:
    if country != "IN" or currency != "INR":
        raise _refuse(
            SettlementStatus.BANK_CODE_SCHEME_UNSUPPORTED, "country",
            "Local account numbers are supported for INR accounts in India (IFSC); give an IBAN"
            " and BIC elsewhere.",
        )
    if not IFSC_PATTERN.match(bank_code):
        raise _refuse(SettlementStatus.BANK_CODE_INVALID, "bank_code")
    if not INDIAN_ACCOUNT_NUMBER.match(number):
        raise _refuse(SettlementStatus.ACCOUNT_NUMBER_INVALID, "account_number")
    return PayoutAccountDetails(
        PayoutScheme.LOCAL, holder, currency, country, account_number=number,
        bank_code=bank_code, bank_code_scheme=BankCodeScheme.IN_IFSC,
    )


def check_payout_account(
    holder_name: str,
    currency: str,
    *,
    iban: str | None = None,
    bic: str | None = None,
    account_number: str | None = None,
    bank_code: str | None = None,
    country: str | None = None,
) -> PayoutAccountDetails:
    """The normalised details, or :class:`SettlementRejected` with the first rule broken."""
    if not is_currency(currency):
        raise _refuse(SettlementStatus.CURRENCY_INVALID, "currency")
    holder = holder_name.strip()
    if not (0 < len(holder) <= HOLDER_NAME_LENGTH_MAX and holder.isprintable()):
        raise _refuse(SettlementStatus.HOLDER_NAME_INVALID, "holder_name")
    iban_c, bic_c = _compact(iban), _compact(bic)
    number_c, code_c = _compact(account_number), _compact(bank_code)
    international = iban_c is not None or bic_c is not None
    local = number_c is not None or code_c is not None
    if international == local:
        raise _refuse(SettlementStatus.PAYOUT_ACCOUNT_SCHEME_INVALID, "iban" if local else None)
    if international:
        if not iban_c:
            raise _refuse(SettlementStatus.IBAN_INVALID, "iban", "An IBAN is required.")
        if not bic_c:
            raise _refuse(SettlementStatus.BIC_INVALID, "bic", "A BIC is required with an IBAN.")
        return _iban_details(holder, currency, iban_c, bic_c)
    if not code_c:
        raise _refuse(SettlementStatus.BANK_CODE_INVALID, "bank_code", "A bank code is required.")
    if not number_c:
        raise _refuse(SettlementStatus.ACCOUNT_NUMBER_INVALID, "account_number")
    return _local_details(holder, currency, _compact(country), number_c, code_c)
