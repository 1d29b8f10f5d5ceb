"""The language of a page: English or Hindi, from the visitor's choice or the browser's.

The customer's pages (the wallet app, the hosted checkout, the gateway's pay page) are written
once in English inside ``{{ _("...") }}`` / ``{% trans %}`` and translated through gettext
catalogs that Babel manages (``locales/messages.pot`` and ``locales/<lang>/LC_MESSAGES/
messages.po``; how to extract and update them is in ``docs/wallet-app.md``). The ``.po`` files are
the only source: they are compiled in memory on first use, so no generated ``.mo`` file lives in
the repository or can go stale.

The language is, in order: the ``paysetu_lang`` cookie the language switch sets, else the best
match of the browser's ``Accept-Language``, else English. Pages outside
:data:`TRANSLATED_PREFIXES` (the merchant, lender and admin consoles) stay in English, so a Hindi
browser never sees a console half translated.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES: dict[str, str] = {"en": "English", "hi": "हिन्दी"}
"""Each language this site speaks, with its name written in itself (what the switch shows)."""
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "paysetu_lang"
TRANSLATED_PREFIXES = ("/wallet", "/checkout")
"""Paths whose pages are translated; every other page is English whatever the browser asks."""


def is_translated(path: str) -> bool:
    """Whether the page at ``path`` speaks the visitor's language (else it is English)."""
    return any(path == prefix or path.startswith(prefix + "/") for prefix in TRANSLATED_PREFIXES)


def _accepted(header: str) -> list[tuple[float, int, str]]:
    """The ``Accept-Language`` entries as (quality, position, primary language), best first."""
    entries: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if tag and quality > 0:
            entries.append((-quality, position, tag.strip().split("-")[0].lower()))
    return sorted(entries)


def choose_language(cookie: str | None, accept_language: str | None) -> str:
    """The visitor's language: their saved choice, else their browser's best supported one."""
    if cookie in LANGUAGES:
        return cookie
    for _quality, _position, language in _accepted(accept_language or ""):
        if language in LANGUAGES:
            return language
    return DEFAULT_LANGUAGE


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (English is the source text: no catalog)."""
    catalog_path = LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"
    if language == DEFAULT_LANGUAGE or not catalog_path.is_file():
        return gettext.NullTranslations()
    with catalog_path.open("rb") as source:
        catalog = read_po(source, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled)

