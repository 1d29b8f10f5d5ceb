"""The lender console's history charts, on the demo's 150 days of close of business."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from paysetu.access.rules.web_users import WebRole
from paysetu.demo.lending import STORY_DAYS, ensure_demo_lending
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import open_shop

Shot = Callable[[Page, str], Path]


def test_the_portfolio_charts_show_the_demo_history(
    live_server: LiveServer, desktop: Page, phone: Page, shot: Shot, tmp_path: Path
) -> None:
    borrowers = [open_shop(live_server, name, email).merchant_id for name, email in (
        ("Jaipur Block Prints", "owner@jaipur.example"),
        ("Kerala Spice Co.", "owner@kerala.example"))]
    story = ensure_demo_lending(live_server.context, tmp_path, borrowers)
    assert story is not None
    live_server.add_user("credit@bharat.example", WebRole.LENDER, lender_id=story.lender_id)

    for page in (desktop, phone):
        sign_in(page, "credit@bharat.example")
        page.goto("/lender/portfolio#history")
        outstanding = page.get_by_test_id("history-outstanding-INR")
        ratios = page.get_by_test_id("history-ratios-INR")
        expect(outstanding.locator("svg rect.cat-kishore")).to_have_count(STORY_DAYS)
        expect(outstanding.locator("svg rect.cat-shishu")).to_have_count(STORY_DAYS)
        expect(outstanding.get_by_role("img")).to_have_attribute("aria-label", re.compile(
            r"^Outstanding principal in INR by category at each close of business, "
            r"\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d; the table below has the figures$"))
        expect(ratios.get_by_role("img")).to_have_attribute("aria-label", re.compile(
            r"^PAR 30 and NPA ratio in INR .* on a scale of 0 to \d+\.00%"))
        expect(ratios.locator("polyline.line-par")).to_be_visible()
        expect(ratios.locator("polyline.line-npa")).to_be_visible()
        # the NPA (1,00,000 of about 2,40,000 outstanding) and the SMA loan put PAR 30 above 0
        caption = ratios.locator("figcaption")
        expect(caption).not_to_contain_text("PAR 30 0.00%")
        expect(caption).not_to_contain_text("NPA 0.00%")
        # the table alternatives: one row per business day
        outstanding.get_by_text("Outstanding by category, as a table").click()
        table = page.get_by_test_id("history-outstanding-table-INR")
        expect(table.locator("tbody tr")).to_have_count(STORY_DAYS)
        expect(table.locator("thead")).to_contain_text("Kishore")
        ratios.get_by_text("PAR 30 and NPA ratio, as a table").click()
        expect(page.get_by_test_id("history-ratios-table-INR").locator("tbody tr")).to_have_count(
            STORY_DAYS)
        # the charts fit the viewport: no sideways scrolling of the page
        viewport = page.viewport_size
        assert viewport is not None
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.get_by_text("Outstanding by category, as a table").click()  # fold the tables again
        page.get_by_text("PAR 30 and NPA ratio, as a table").click()
        outstanding.scroll_into_view_if_needed()
    shot(desktop, "lender-portfolio-history")
    shot(phone, "lender-portfolio-history")
