"""What payout files may say: the restricted Latin set, identifiers, charge bearer, dates.

Banks clearing SEPA and SWIFT credit transfers accept only the restricted Latin character set
(EPC guidance, SWIFT's ``x`` set): ``a-z A-Z 0-9 / - ? : ( ) . , ' +`` and the space. A name
typed in Devanagari, Chinese or with umlauts would be refused or garbled, so text written into
a payout file is transliterated with ``anyascii`` (maintained, table-driven, deterministic):
``चाय पॉइंट`` becomes ``cay poimt``, ``北京茶馆`` ``BeiJingChaGuan``, ``Müller & Söhne``
``Muller + Sohne`` (``&`` as ``+``, as the EPC conversion table says). paysetu keeps the
original; the payout CSV shows both.

File identifiers (``MsgId``, ``PmtInfId``, ``InstrId``) come from paysetu's public ids, whose
``_`` is outside the set: it becomes ``-`` (ids never contain ``-``, so the mapping is
reversible and at most 35 characters for a prefix and a ULID).

The charge bearer depends on the scheme: a euro transfer to an IBAN is a SEPA credit transfer,
where only ``SLEV`` (following the service level) is allowed; anything else is ``DEBT`` (the
platform pays the charges, so the merchant receives the amount the batch paid out).

The requested execution date is the first business day (Monday to Friday) on or after the day
the file is exported; public holidays are the bank's to roll forward, as banks do for a date
that falls on one.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from anyascii import anyascii

from paysetu.settlement.rules.payout_accounts import PayoutAccountDetails

_OUTSIDE_SET = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]+")
_SPACES = re.compile(r" {2,}")
ID_LENGTH_MAX = 35
SEPA_CURRENCY = "EUR"


def latin_text(text: str, length_max: int = 140) -> str:
    """``text`` in the restricted Latin set, at most ``length_max`` characters.

    Transliterated, ``&`` as ``+``, every other character outside the set as a space, runs of
    spaces collapsed; a name with nothing transliterable left becomes ``NOTPROVIDED``.
    """
    latin = anyascii(text.replace("&", "+"))
    cleaned = _SPACES.sub(" ", _OUTSIDE_SET.sub(" ", latin)).strip()
    return cleaned[:length_max].rstrip() or "NOTPROVIDED"


def file_id(public_id: str) -> str:
    """A paysetu id as a payout file identifier: ``stl_01J...`` becomes ``stl-01J...``."""
    identifier = public_id.replace("_", "-")
    if _OUTSIDE_SET.search(identifier) or len(identifier) > ID_LENGTH_MAX:
        raise ValueError(f"{public_id!r} cannot be a payout file identifier")
    return identifier


def is_sepa(creditor: PayoutAccountDetails) -> bool:
    """A euro payout to an IBAN travels as a SEPA credit transfer."""
    return creditor.currency == SEPA_CURRENCY and creditor.iban is not None


def next_business_day(day: date) -> date:
    """``day`` itself if it is Monday to Friday, else the Monday after."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day
