"""A tour of every wallet app page, as Meera, in English and Hindi at 360 px (and English at
1280 px): each page fits the phone's width (no horizontal scroll), every control is a 44 px tap
target with a label, and a screenshot of each is saved (to a temporary directory, or to
``PAYSETU_SCREENSHOT_DIR`` when set: that is how ``docs/img/wallet/`` was made). Also: the web
app manifest and its icons are served by paysetu, and the service worker caches the app shell
only (no page, balance or API answer)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import LiveServer
from tests.browser.wallet_kit import NARROW, WIDE, fits_width, meera, sign_in, wallet_page

SMALL_CONTROLS = """() => [...document.querySelectorAll(
    'a, button, select, input:not([type=checkbox]):not([type=radio]):not([type=hidden])')]
  .filter(e => e.offsetParent !== null && !e.closest('.skip-link'))
  .filter(e => e.getBoundingClientRect().height < 43.5)
  .map(e => e.outerHTML.slice(0, 80))"""
UNLABELLED = """() => [...document.querySelectorAll('input:not([type=hidden]), select')]
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
  .map(e => e.outerHTML.slice(0, 80))"""
SHELL_CACHE = """async () => {
  await navigator.serviceWorker.ready;
  const names = await caches.keys();
  const urls = [];
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      urls.push(new URL(request.url).pathname);
    }
  }
  return urls.sort();
}"""


def _shots_dir(tmp_path: Path) -> Path:
    chosen = os.environ.get("PAYSETU_SCREENSHOT_DIR")
    folder = Path(chosen) if chosen else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _visit(page: Page, folder: Path, name: str) -> None:
    expect(page.locator("main")).to_be_visible()
    assert fits_width(page), f"{name}: wider than the window"
    assert page.evaluate(SMALL_CONTROLS) == [], name
    assert page.evaluate(UNLABELLED) == [], name
    assert page.evaluate("document.fonts.ready.then(() => true)")  # Devanagari web font in
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


@pytest.mark.parametrize(("language", "viewport"),
                         [("en", NARROW), ("hi", NARROW), ("en", WIDE)],
                         ids=["en-360", "hi-360", "en-1280"])
def test_every_wallet_page_fits_and_is_saved(
    browser: Browser, live_server: LiveServer, tmp_path: Path, language: str,
    viewport: dict[str, int],
) -> None:
    meera(live_server, tmp_path)
    folder = _shots_dir(tmp_path)
    size = viewport["width"]
    with wallet_page(browser, live_server, language, viewport) as page:
        page.goto("/wallet")
        _visit(page, folder, f"sign-in-{language}-{size}")
        sign_in(page, live_server, language)
        _visit(page, folder, f"home-{language}-{size}")
        for path, name in (("/wallet/top-up", "top-up"), ("/wallet/history", "history"),
                           ("/wallet/mandates", "mandates"), ("/wallet/approvals", "approvals"),
                           ("/wallet/pin", "pin")):
            page.goto(path)
            _visit(page, folder, f"{name}-{language}-{size}")
        page.goto("/wallet/history")
        page.get_by_test_id("movement").filter(has_text="₹260.00").get_by_role("link").click()
        expect(page.get_by_test_id("refund")).to_be_visible()
        _visit(page, folder, f"receipt-{language}-{size}")
        if language == "en" and size == NARROW["width"]:
            manifest = page.request.get("/wallet/manifest.webmanifest").json()
            assert manifest["start_url"] == "/wallet/home"
            for icon in manifest["icons"]:
                assert page.request.get(icon["src"]).headers["content-type"] == "image/png"
            cached = page.evaluate(SHELL_CACHE)
            assert "/static/wallet.css" in cached
            assert [p for p in cached if not p.startswith("/static/")] == [
                "/wallet/manifest.webmanifest"]
    assert (folder / f"receipt-{language}-{size}.png").stat().st_size > 0
