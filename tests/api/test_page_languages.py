"""The customer's pages speak English or Hindi: the browser's Accept-Language picks, the switch
overrides it for a year, and the consoles stay English whatever the browser asks."""

from __future__ import annotations

from fastapi.testclient import TestClient

from paysetu.shell.pages.i18n import LANGUAGE_COOKIE

HINDI = {"accept-language": "hi-IN,hi;q=0.9,en;q=0.5"}


def test_a_hindi_browser_gets_the_wallet_in_hindi(client: TestClient) -> None:
    page = client.get("/wallet", headers=HINDI)
    assert page.status_code == 200
    assert page.headers["content-language"] == "hi"
    assert '<html lang="hi-IN">' in page.text
    assert "मुझे कोड भेजें" in page.text
    assert "Send me a code" not in page.text
    english = client.get("/wallet", headers={"accept-language": "en-GB"})
    assert "Send me a code" in english.text
    assert english.headers["content-language"] == "en"


def test_the_switch_overrides_the_browser_and_returns_to_the_page(client: TestClient) -> None:
    switched = client.get("/language", params={"to": "en", "next": "/wallet"},
                          follow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["location"] == "/wallet"
    assert switched.cookies[LANGUAGE_COOKIE] == "en"
    assert "Max-Age=31536000" in switched.headers["set-cookie"]
    page = client.get("/wallet", headers=HINDI)
    assert "Send me a code" in page.text
    client.get("/language", params={"to": "hi", "next": "/wallet"}, follow_redirects=False)
    assert "मुझे कोड भेजें" in client.get("/wallet").text


def test_the_switch_never_redirects_off_site_and_ignores_unknown_languages(
        client: TestClient) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        answer = client.get("/language", params={"to": "hi", "next": target},
                            follow_redirects=False)
        assert answer.headers["location"] == "/wallet"
    unknown = client.get("/language", params={"to": "xx"}, follow_redirects=False)
    assert LANGUAGE_COOKIE not in unknown.cookies


def test_consoles_stay_english_for_a_hindi_browser(client: TestClient) -> None:
    page = client.get("/login", headers=HINDI)
    assert page.headers["content-language"] == "en"
    assert '<html lang="en-IN">' in page.text
    assert "data-testid=\"language-switch\"" not in page.text
