"""ISO 3166-1 alpha-2 country codes, from babel's CLDR territory data (no hand-written list)."""

from functools import cache

from babel import Locale

_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})
"""CLDR territories that are groupings or placeholders, not ISO 3166-1 countries."""


@cache
def _codes() -> frozenset[str]:
    territories = Locale("en").territories
    return frozenset(
        code
        for code in territories
        if isinstance(code, str) and len(code) == 2 and code.isalpha()
        and code not in _NOT_COUNTRIES
    )


def is_country(code: str) -> bool:
    return code in _codes()
