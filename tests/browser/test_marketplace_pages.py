"""Marketplace pages in a real browser: the hosted checkout lists a cart from several sellers
and pays it; the marketplace's dashboard shows sellers, orders, holds, commission and the tax
report, and acts on holds (dispute, mark delivered, return, resolve a dispute by a return,
confirm an order's delivery; a refusal shown with its code); a seller's page shows only its
own shares and holds; the platform's admin ends disputes from its queue, either way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from paysetu.access.rules.web_users import WebRole
from tests.browser.conftest import LiveServer, sign_in
from tests.browser.shop import ok, open_shop

Shot = Callable[[Page, str], Path]
SELLERS = (
    ("Asha Books", "AAPFU0939F", "27AAPFU0939F1ZV"),
    ("Bharat Crafts", "AAGCB7383J", "29AAGCB7383J1Z4"),
)


def _market(server: LiveServer) -> tuple[dict[str, str], list[str], str, str]:
    """A marketplace with two verified Indian sellers; its key, the sellers, a buyer wallet,
    the marketplace's merchant id."""
    shop = open_shop(server, "Bazaar India", "owner@bazaar.example")
    platform = server.platform_key()
    with server.api() as api:
        ok(api.post("/v1/marketplaces", headers=platform, json={
            "merchant": shop.merchant_id, "commission_bps": 1000}))
        sellers = []
        for name, pan, gstin in SELLERS:
            seller = ok(api.post("/v1/sellers", headers=shop.merchant_key, json={
                "legal_name": name, "country": "IN", "settlement_currency": "INR", "pan": pan,
                "gstin": gstin}))["id"]
            ok(api.post(f"/v1/sellers/{seller}/kyc", headers=platform,
                        json={"kyc_status": "verified"}))
            sellers.append(seller)
    return shop.merchant_key, sellers, shop.wallet_id, shop.merchant_id


def _order(server: LiveServer, key: dict[str, str], sellers: list[str], **pay: Any) -> Any:
    lines = [{"seller": sellers[0], "amount_minor": 600_00, "description": "Ramayana box set"},
             {"seller": sellers[1], "amount_minor": 400_00, "description": "Brass diya"}]
    with server.api() as api:
        return ok(api.post("/v1/marketplace_orders", headers=key, json={
            "amount_minor": 1_000_00, "currency": "INR", "lines": lines,
            "description": "Diwali cart", **pay}))


def test_cart_from_two_sellers_on_the_hosted_checkout_and_both_dashboards(
    live_server: LiveServer, desktop: Page, shot: Shot
) -> None:
    key, sellers, wallet, host = _market(live_server)
    made = _order(live_server, key, sellers, return_url=f"{live_server.url}/healthz")
    desktop.goto(made["checkout_url"])
    cart = desktop.get_by_test_id("cart")
    expect(cart).to_contain_text("from 2 sellers")
    expect(cart).to_contain_text("Asha Books")
    expect(cart).to_contain_text("Brass diya")
    expect(cart).to_contain_text("₹400.00")
    shot(desktop, "checkout-cart")
    desktop.get_by_label("Card number").fill("4242 4242 4242 4242")
    desktop.get_by_test_id("pay").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Payment received")
    with live_server.api() as api:
        paid = ok(api.get(f"/v1/marketplace_orders/{made['id']}", headers=key))
    assert paid["status"] == "paid"
    assert [s["status"] for s in paid["shares"]] == ["held", "held"]
    # A second cart paid from the buyer's wallet by the operator (a merchant's wallet order
    # needs the customer's mandate: tests/api/test_marketplace_api.py).
    second = _order(live_server, live_server.platform_key(), sellers, wallet=wallet,
                    marketplace=host, operator_reason="Paid at the counter on the buyer's behalf")

    sign_in(desktop, "owner@bazaar.example")
    desktop.get_by_role("link", name="Marketplace").click()
    expect(desktop.get_by_role("heading", name="Marketplace", level=1)).to_be_visible()
    expect(desktop.get_by_test_id("sellers-table")).to_contain_text("Bharat Crafts")
    expect(desktop.get_by_test_id("orders-table")).to_contain_text(made["id"])
    expect(desktop.get_by_test_id("commission-INR")).to_have_text("₹200.00")
    tax = desktop.get_by_test_id("tax-table")
    expect(tax).to_contain_text("27AAPFU0939F1ZV")
    expect(tax).to_contain_text("₹1,200.00")  # Asha's sales: 600 + 600
    shot(desktop, "marketplace-dashboard")
    # acting on the holds: the second order's Asha share is disputed, then resolved by a
    # return to the buyer; its Bharat share is marked delivered and partly returned after
    asha, bharat = (x["id"] for x in second["shares"])
    desktop.get_by_test_id(f"dispute-{asha}").click()
    expect(desktop.get_by_test_id(f"status-{asha}")).to_have_text("disputed")
    expect(desktop.get_by_test_id(f"release-{asha}")).to_have_count(0)
    desktop.get_by_test_id(f"release-{bharat}").click()
    expect(desktop.get_by_test_id(f"status-{bharat}")).to_have_text("released")
    desktop.get_by_test_id(f"amount-{bharat}").fill("500.00")  # more than the share
    desktop.get_by_test_id(f"return-{bharat}").click()
    expect(desktop.locator("[data-code=refund_exceeds_share]")).to_be_visible()
    desktop.get_by_test_id(f"amount-{bharat}").fill("100.00")
    desktop.get_by_test_id(f"return-{bharat}").click()
    expect(desktop.get_by_test_id(f"share-{bharat}")).to_contain_text("₹100.00")
    desktop.get_by_test_id(f"return-{asha}").click()  # "Resolve: return to buyer", in full
    expect(desktop.get_by_test_id(f"status-{asha}")).to_have_text("refunded")
    desktop.get_by_test_id(f"deliver-{made['id']}").click()  # the checkout order: delivered
    for share in paid["shares"]:
        expect(desktop.get_by_test_id(f"status-{share['id']}")).to_have_text("released")
    with live_server.api() as api:
        after = ok(api.get(f"/v1/marketplace_orders/{second['id']}", headers=key))
    assert [(x["status"], x["refunded_minor"]) for x in after["shares"]] == [
        ("refunded", 600_00), ("released", 100_00)]
    desktop.get_by_role("button", name="Sign out").click()

    live_server.add_user("asha@books.example", WebRole.MERCHANT, merchant_id=sellers[0])
    sign_in(desktop, "asha@books.example")
    desktop.goto("/dashboard/marketplace")
    shares = desktop.get_by_test_id("shares-table")
    expect(shares.get_by_role("row")).to_have_count(3)  # the header and its two shares
    expect(shares).not_to_contain_text("₹400.00")  # Bharat's share is not Asha's
    expect(desktop.get_by_test_id("held-INR")).to_have_text("₹0.00")  # released, returned
    expect(desktop.get_by_test_id("payouts-table")).to_contain_text("No payouts yet.")
    shot(desktop, "marketplace-seller")


def test_the_platform_admin_ends_disputes_in_the_sellers_or_the_buyers_favour(
    live_server: LiveServer, desktop: Page
) -> None:
    key, sellers, wallet, host = _market(live_server)
    order = _order(live_server, live_server.platform_key(), sellers, wallet=wallet,
                   marketplace=host, operator_reason="Paid at the counter on the buyer's behalf")
    asha, bharat = (x["id"] for x in order["shares"])
    with live_server.api() as api:
        for share in (asha, bharat):
            ok(api.post(f"/v1/marketplace_shares/{share}/dispute", headers=key))
        # the marketplace may not end a dispute in its seller's favour: the platform decides
        refused = api.post(f"/v1/marketplace_shares/{asha}/release", headers=key)
        assert refused.json()["error"]["code"] == "share_disputed"
    live_server.add_user("ops@paysetu.example", WebRole.ADMIN)
    sign_in(desktop, "ops@paysetu.example")
    desktop.get_by_role("link", name="Disputes").click()
    queue = desktop.get_by_test_id("disputes-table")
    expect(queue.get_by_test_id(f"dispute-{asha}")).to_contain_text("Asha Books")
    expect(queue.get_by_test_id(f"dispute-{bharat}")).to_contain_text("₹400.00")
    desktop.get_by_test_id(f"release-{asha}").click()
    expect(desktop.get_by_test_id("flash")).to_have_text(
        f"Share {asha}: dispute ended, released to the seller.")
    expect(desktop.get_by_test_id(f"dispute-{asha}")).to_have_count(0)
    desktop.get_by_label("Reason for the return (optional)").fill("Arrived broken")
    desktop.get_by_test_id(f"return-{bharat}").click()
    expect(desktop.get_by_test_id("flash")).to_have_text(
        f"Share {bharat}: dispute ended, returned in full to the buyer.")
    expect(desktop.get_by_test_id("no-disputes")).to_be_visible()
    with live_server.api() as api:
        after = ok(api.get(f"/v1/marketplace_orders/{order['id']}", headers=key))
    assert [(x["status"], x["refunded_minor"]) for x in after["shares"]] == [
        ("released", 0), ("refunded", 400_00)]
