"""The page catalogs are complete: every text the customer's pages mark for translation is in
``messages.pot`` and has a Hindi translation with the same placeholders (so a Hindi page never
falls back to English, and a ``%(amount)s`` is never lost in translation), and every refusal of
the customer's own capability and of the hosted checkout has its words on the pages."""

from __future__ import annotations

import re
from configparser import ConfigParser
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from paysetu.checkout.rules.errors import CheckoutStatus
from paysetu.customers.rules.errors import CustomerStatus
from paysetu.shell.pages.i18n import LANGUAGES, LOCALES_DIR
from paysetu.shell.pages.page_terms import ERROR_WORDS

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _extracted() -> set[str]:
    config = ConfigParser()
    config.read(LOCALES_DIR / "babel.cfg")
    method_map = [(section.split(":", 1)[1].strip(), section.split(":", 1)[0].strip())
                  for section in config.sections()]
    found: set[str] = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT, method_map, keywords=KEYWORDS):
        found.update([message] if isinstance(message, str) else message[:1])
    return found


def _catalog_ids(path: Path) -> dict[str, str]:
    with path.open("rb") as source:
        catalog = read_po(source)
    return {message.id: message.string for message in catalog
            if isinstance(message.id, str) and message.id and isinstance(message.string, str)
            and not message.fuzzy}


def test_the_template_lists_exactly_what_the_pages_mark() -> None:
    extracted = _extracted()
    template = set(_catalog_ids(LOCALES_DIR / "messages.pot"))
    assert "Sign in to your wallet" in extracted
    assert extracted - template == set(), "run pybabel extract (docs/wallet-app.md, Languages)"
    assert template - extracted == set(), "the template holds texts no page marks any more"


def test_every_language_translates_every_text_with_its_placeholders() -> None:
    template = _catalog_ids(LOCALES_DIR / "messages.pot")
    for language in set(LANGUAGES) - {"en"}:
        translated = _catalog_ids(LOCALES_DIR / language / "LC_MESSAGES" / "messages.po")
        missing = sorted(text for text in template if not translated.get(text))
        assert missing == [], f"{language}: untranslated {missing}"
        for text in template:
            assert sorted(PLACEHOLDER.findall(translated[text])) == sorted(
                PLACEHOLDER.findall(text)), (language, text)


MERCHANT_ONLY = {CheckoutStatus.RETURN_URL_INVALID, CheckoutStatus.CLIENT_REFERENCE_INVALID,
                 CheckoutStatus.EXPIRES_AT_INVALID, CheckoutStatus.CHECKOUT_STATUS_INVALID}
"""Refusals of the merchant's API call that creates or lists sessions: never on a buyer's page."""


def test_every_customer_and_checkout_refusal_has_words_on_the_pages() -> None:
    codes = {str(code) for enum in (CustomerStatus, CheckoutStatus) for code in enum
             if code not in MERCHANT_ONLY}
    assert sorted(codes - set(ERROR_WORDS)) == []
