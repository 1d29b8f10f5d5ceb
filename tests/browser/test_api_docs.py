"""The API's documentation pages work offline: every file they load comes from paysetu itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Request, expect

from tests.browser.conftest import LiveServer, viewport_shot

Shot = Callable[[Page, str], Path]

RENDER_TIMEOUT_MS = 60_000
"""Both pages build the whole reference in the browser from /openapi.json (over 80 operations):
seconds on a busy 2-core machine, more than Playwright's default wait of 5 s."""


@pytest.fixture
def elsewhere(desktop: Page, live_server: LiveServer) -> list[str]:
    """Every request the page makes to another host, refused as an offline machine would."""
    ours = urlsplit(live_server.url).netloc
    seen: list[str] = []

    def record(request: Request) -> None:
        if urlsplit(request.url).netloc not in (ours, ""):
            seen.append(request.url)

    desktop.on("request", record)
    desktop.route(
        lambda url: urlsplit(url).netloc not in (ours, "") and not url.startswith("data:"),
        lambda route: route.abort(),
    )
    return seen


def test_swagger_ui_lists_the_operations_without_the_internet(
    desktop: Page, elsewhere: list[str], shot: Shot
) -> None:
    desktop.goto("/docs")
    expect(desktop.locator(".swagger-ui .info .title")).to_contain_text(
        "paysetu API", timeout=RENDER_TIMEOUT_MS)
    operations = desktop.locator(".opblock-summary-path")
    expect(operations.filter(has_text="/v1/payments").first).to_be_visible(
        timeout=RENDER_TIMEOUT_MS)
    assert operations.count() > 50
    shot(desktop, "api-docs-swagger")
    assert elsewhere == []


def test_redoc_renders_the_reference_without_the_internet(
    desktop: Page, elsewhere: list[str]
) -> None:
    desktop.goto("/redoc")
    expect(desktop.get_by_role("heading", name="paysetu API").first).to_be_visible(
        timeout=RENDER_TIMEOUT_MS)
    expect(desktop.locator("[data-section-id^='tag/payments']").first).to_be_attached(
        timeout=RENDER_TIMEOUT_MS)
    viewport_shot(desktop, "api-docs-redoc")
    assert elsewhere == []
