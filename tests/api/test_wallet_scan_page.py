"""``/wallet/scan`` without a camera: a pasted link or an uploaded photo of the code, decoded
on the server; only a paysetu pay page is followed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from paysetu.app.context import AppContext
from paysetu.app.http.app import create_app
from paysetu.shell.pages.qr import qr_png
from tests.api.conftest import Keys
from tests.api.customer_setup import customer_wallet
from tests.api.payment_setup import merchant


@pytest.fixture
def browser(app_context: AppContext) -> Iterator[TestClient]:
    with TestClient(create_app(app_context), follow_redirects=False) as client:
        yield client


def _token(browser: TestClient) -> str:
    assert browser.get("/wallet/scan").status_code == 200
    return str(browser.cookies["paysetu_login_csrf"])


def test_a_photo_of_the_code_opens_its_pay_page(browser: TestClient, client: TestClient,
                                                keys: Keys) -> None:
    shop = merchant(client, keys)
    token = _token(browser)
    photo = qr_png(f"https://pay.example.com/wallet/pay/{shop}?amount_minor=2500&currency=INR")
    sent = browser.post("/wallet/scan", data={"csrf_token": token},
                        files={"photo": ("code.png", photo, "image/png")})
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/wallet/pay/{shop}?amount_minor=2500&currency=INR"
    page = browser.get(sent.headers["location"])
    assert page.status_code == 200
    assert "₹25.00" in page.text
    assert "Chai P***" in page.text
    assert "Mobile number" in page.text  # not signed in: the sign-in comes first


def test_a_pasted_deep_link_works_and_anything_else_is_refused(
    browser: TestClient, client: TestClient, keys: Keys
) -> None:
    shop = merchant(client, keys)
    token = _token(browser)
    pasted = browser.post("/wallet/scan", data={"csrf_token": token,
                                                "link": f"paysetu://pay?merchant={shop}"})
    assert (pasted.status_code, pasted.headers["location"]) == (303, f"/wallet/pay/{shop}")
    for bad in ({"link": "https://evil.example/login"}, {"link": ""}):
        refused = browser.post("/wallet/scan", data={"csrf_token": token, **bad})
        assert refused.status_code == 400
        assert "not a paysetu payment code" in refused.text
    junk = browser.post("/wallet/scan", data={"csrf_token": token},
                        files={"photo": ("x.png", b"not an image", "image/png")})
    assert junk.status_code == 400
    forged = browser.post("/wallet/scan", data={"csrf_token": "nope", "link": "/wallet/pay/x"})
    assert forged.status_code == 403
    assert browser.get("/wallet/pay/mer_nobody").status_code == 404


def test_the_wallet_sign_in_page_says_when_to_retry(
    browser: TestClient, client: TestClient, keys: Keys, app_context: AppContext
) -> None:
    customer_wallet(client, keys, "+919876577731")
    token = _token(browser)
    form = {"csrf_token": token, "phone": "+919876577731",
            "next": "/wallet/pay/mer_x"}
    for _ in range(app_context.customers.codes_per_phone_max):
        sent = browser.post("/wallet/code", data=form)
        assert sent.status_code == 200
        assert 'name="next" value="/wallet/pay/mer_x"' in sent.text  # back to the pay page
    throttled = browser.post("/wallet/code", data=form)
    assert throttled.status_code == 429
    assert 0 < int(throttled.headers["Retry-After"]) <= app_context.customers.code_window_s
    elsewhere = browser.post("/wallet/code", data={**form, "next": "https://evil.example/"})
    assert 'name="next"' not in elsewhere.text  # only a wallet pay page is a way back
