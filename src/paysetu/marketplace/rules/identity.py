"""Indian tax identity numbers: PAN (Income-tax Act s.139A) and GSTIN (CGST Rules, rule 10).

A GSTIN is two digits of state code, the holder's PAN, an entity number, ``Z`` by default and a
check character computed over the first fourteen (base 36, factors 1 and 2 alternating, each
product's quotient and remainder by 36 summed; the check is ``(36 - sum mod 36) mod 36``).
"""

from __future__ import annotations

import re

_PAN = re.compile(r"[A-Z]{5}[0-9]{4}[A-Z]")
_GSTIN = re.compile(r"[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]")
_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def pan_is_valid(pan: str) -> bool:
    return _PAN.fullmatch(pan) is not None


def gstin_check_character(first_fourteen: str) -> str:
    total = 0
    for position, character in enumerate(first_fourteen):
        product = _BASE36.index(character) * (1 if position % 2 == 0 else 2)
        total += product // 36 + product % 36
    return _BASE36[(36 - total % 36) % 36]


def gstin_is_valid(gstin: str, pan: str) -> bool:
    """Well formed, its check character right, and the PAN inside it the seller's."""
    return (
        _GSTIN.fullmatch(gstin) is not None
        and gstin[2:12] == pan
        and gstin_check_character(gstin[:14]) == gstin[14]
    )
