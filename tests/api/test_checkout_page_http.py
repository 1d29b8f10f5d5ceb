"""The hosted checkout page over plain HTTP (no browser): forms, CSRF, states, headers.

What a browser test cannot see cheaply: the status codes of refusals, that a forged form changes
nothing, that a refused card number is never echoed back, and the caching headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.kernel.clock import FixedClock
from tests.api.checkout_setup import checkout_context, inr_merchant, open_session

CARD = "4242424242424242"


@pytest.fixture
def app_context(engine: sa.Engine, clock: FixedClock) -> AppContext:
    return checkout_context(engine, clock)


@pytest.fixture
def browser(app_context: AppContext) -> Iterator[TestClient]:
    with TestClient(create_app(app_context), follow_redirects=False) as client:
        yield client


def _token(browser: TestClient, session_id: str) -> str:
    page = browser.get(f"/checkout/{session_id}")
    assert page.status_code == 200, page.text
    return str(browser.cookies["paysetu_login_csrf"])


def _payments(engine: sa.Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.text("SELECT count(*) FROM payments")).scalar_one())


def test_the_page_is_never_cached_and_keeps_its_url_to_itself(
    browser: TestClient, app_context: AppContext
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    page = browser.get(f"/checkout/{session['id']}")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "same-origin"
    assert 'data-testid="price">₹2,499.00<' in page.text
    assert browser.get("/checkout/cs_unknown").status_code == 404


def test_a_forged_form_is_refused_and_changes_nothing(
    browser: TestClient, app_context: AppContext, engine: sa.Engine
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    _token(browser, session["id"])
    forged = browser.post(f"/checkout/{session['id']}/pay", data={
        "csrf_token": "not-the-cookie", "presentment_currency": "INR", "source": "card",
        "card_number": CARD})
    assert forged.status_code == 403
    assert _payments(engine) == 0


def test_refusals_render_with_their_status_and_never_echo_the_card(
    browser: TestClient, app_context: AppContext, engine: sa.Engine
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    token = _token(browser, session["id"])
    base = {"csrf_token": token, "presentment_currency": "INR", "source": "card"}
    declined = browser.post(f"/checkout/{session['id']}/pay",
                            data={**base, "card_number": "4000000000000002"})
    assert declined.status_code == 402
    assert 'data-code="source_declined"' in declined.text
    assert "4000000000000002" not in declined.text
    stale = browser.post(f"/checkout/{session['id']}/pay",
                         data={**base, "presentment_currency": "CNY", "card_number": CARD})
    assert stale.status_code == 409
    assert 'data-code="checkout_quote_stale"' in stale.text
    unsupported = browser.post(f"/checkout/{session['id']}/currency",
                               data={"csrf_token": token, "presentment_currency": "KWD"})
    assert unsupported.status_code == 400
    assert 'id="currency-error"' in unsupported.text
    no_rate = browser.post(f"/checkout/{session['id']}/currency",  # AED needs a manual rate
                           data={"csrf_token": token, "presentment_currency": "AED"})
    assert no_rate.status_code == 503
    assert re.search(r'id="currency-error" role="alert" data-code="rate_unavailable"',
                     no_rate.text)
    assert _payments(engine) == 0


def test_pay_redirects_to_the_receipt_and_a_second_pay_lands_there_too(
    browser: TestClient, app_context: AppContext, engine: sa.Engine
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    token = _token(browser, session["id"])
    chosen = browser.post(f"/checkout/{session['id']}/currency",
                          data={"csrf_token": token, "presentment_currency": "CNY"})
    assert (chosen.status_code, chosen.headers["location"]) == (
        303, f"/checkout/{session['id']}")
    page = browser.get(f"/checkout/{session['id']}").text
    match = re.search(r'data-quote="(quo_[^"]+)"', page)
    assert match is not None
    form = {"csrf_token": token, "presentment_currency": "CNY", "fx_quote": match.group(1),
            "source": "card", "card_number": CARD}
    for _ in range(2):
        paid = browser.post(f"/checkout/{session['id']}/pay", data=form)
        assert (paid.status_code, paid.headers["location"]) == (303, f"/checkout/{session['id']}")
    receipt = browser.get(f"/checkout/{session['id']}")
    assert 'data-testid="receipt"' in receipt.text
    assert "This checkout was already paid; here is its receipt." in receipt.text
    assert f"checkout_session={session['id']}" in receipt.text
    assert _payments(engine) == 1


class TickingClock(FixedClock):
    """A clock one second later at every reading: two readings never share a second."""

    def now(self) -> datetime:
        self.advance(timedelta(seconds=1))
        return super().now()


def test_the_receipt_speaks_to_the_buyer_and_agrees_with_the_payment(
    engine: sa.Engine, clock: FixedClock
) -> None:
    ticking = TickingClock(clock.now())
    context = replace(checkout_context(engine, clock), clock=ticking)
    session = open_session(context, inr_merchant(context))
    with TestClient(create_app(context), follow_redirects=False) as client:
        token = _token(client, session["id"])
        assert "minor units" not in client.get(f"/checkout/{session['id']}").text
        paid = client.post(f"/checkout/{session['id']}/pay", data={
            "csrf_token": token, "presentment_currency": "INR", "source": "card",
            "card_number": CARD})
        assert paid.status_code == 303
        receipt = client.get(f"/checkout/{session['id']}").text
    assert 'data-testid="receipt"' in receipt
    assert receipt.count("Payment received") == 1  # the heading, not a flash as well
    assert "minor units" not in receipt
    with engine.connect() as connection:
        completed, created = connection.execute(sa.text(
            "SELECT s.completed_at, p.created_at FROM checkout_sessions s"
            " JOIN payments p ON p.id = s.payment_id WHERE s.id = :id"),
            {"id": session["id"]}).one()
    assert completed == created  # the receipt's "Paid at" is the payment's "Created"


def test_the_hosted_checkout_speaks_hindi_to_a_hindi_browser(
    browser: TestClient, app_context: AppContext
) -> None:
    session = open_session(app_context, inr_merchant(app_context))
    hindi = {"accept-language": "hi-IN,hi;q=0.9"}
    page = browser.get(f"/checkout/{session['id']}", headers=hindi)
    assert page.headers["content-language"] == "hi"
    assert "अपनी मुद्रा में भुगतान करें" in page.text  # "Pay in your currency"
    assert "Pay in your currency" not in page.text
    assert 'data-testid="price">₹2,499.00<' in page.text  # Indian grouping in Hindi too
    token = str(browser.cookies["paysetu_login_csrf"])
    declined = browser.post(f"/checkout/{session['id']}/pay", headers=hindi, data={
        "csrf_token": token, "presentment_currency": "INR", "fx_quote": "",
        "source": "card", "card_number": "4000000000000002"})
    assert "कार्ड अस्वीकार हो गया (टेस्ट कार्ड)।" in declined.text  # the refusal, in Hindi
