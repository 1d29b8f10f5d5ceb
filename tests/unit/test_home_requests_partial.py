"""The home page's partial of money requests: nothing without ``incoming_requests``, else each
request and the link to answer them."""

from __future__ import annotations

from typing import Any

from paysetu.shell.pages.i18n import translations
from paysetu.shell.pages.rendering import TEMPLATES

PARTIAL = "wallet/_home_requests.html"


def _render(**values: Any) -> str:
    catalog = translations("hi")
    return TEMPLATES.env.get_template(PARTIAL).render(
        _=catalog.gettext, gettext=catalog.gettext, ngettext=catalog.ngettext, **values)


def test_the_partial_is_empty_without_requests() -> None:
    assert _render().strip() == ""
    assert _render(incoming_requests=[]).strip() == ""


def test_the_partial_lists_each_request_and_links_to_the_answers() -> None:
    html = _render(incoming_requests=[{"requester_view": {"name": "Arjun M***"},
                                       "amount_minor": 320_00, "currency": "INR"}])
    assert "Arjun M*** आपसे ₹320.00 माँग रहे हैं" in html
    assert 'href="/wallet/requests"' in html
