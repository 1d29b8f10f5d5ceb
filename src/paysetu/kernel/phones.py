"""Mobile numbers: parsed and validated with libphonenumber's data (``phonenumbers``), kept
in E.164 (``+919876543210``). A number without a country code is read as Indian by default.
"""

from __future__ import annotations

import phonenumbers

DEFAULT_REGION = "IN"
INPUT_LENGTH_MAX = 32


def e164(text: str, region: str = DEFAULT_REGION) -> str | None:
    """The number in E.164 if ``text`` is a valid mobile (or fixed-or-mobile) number; else None."""
    if not text or len(text) > INPUT_LENGTH_MAX or not text.isprintable():
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    kind = phonenumbers.number_type(number)
    if kind not in (phonenumbers.PhoneNumberType.MOBILE,
                    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def masked(phone_e164: str) -> str:
    """For messages and logs: the country code and the last two digits (``+91******10``)."""
    return phone_e164[:3] + "*" * max(0, len(phone_e164) - 5) + phone_e164[-2:]
