"""The wallet app's top-up page (``/wallet/top-up``): add money from the checkout's simulated
card or UPI source, within the KYC tier's limits (shown before, refused in words with the code).

It lives with the checkout because the simulated sources are the checkout's
(:mod:`paysetu.checkout.rules.sessions`), and the import order lets checkout use customers'
pages kit, not the other way round.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from paysetu.checkout.api.deps import Context
from paysetu.checkout.usecases.wallet_top_up import top_up_from_source
from paysetu.customers.api.deps import Context as CustomersCtx
from paysetu.customers.pages.wallet_kit import FormProblem, page, signed_in
from paysetu.customers.rules.identity import CustomerSession
from paysetu.customers.usecases import wallet_app
from paysetu.kernel.money import AmountFormatError, Money
from paysetu.ledger.rules.errors import PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.auth import Form
from paysetu.shell.pages.page_terms import N_
from paysetu.shell.pages.rendering import redirect

router = APIRouter(include_in_schema=False)


def _form(request: Request, context: CustomersCtx, customer: CustomerSession, chosen: str,
          values: dict[str, object], status_code: int = 200) -> Response:
    tier, cards = wallet_app.wallet_cards(context, customer.customer_id)
    if cards and chosen not in {c.wallet.id for c in cards}:
        chosen = cards[0].wallet.id
    return page(request, context, "top_up.html",
                {"tier": tier.value, "cards": cards, "chosen": chosen, **values},
                status_code=status_code)


@router.get("/wallet/top-up", response_class=HTMLResponse)
def wallet_top_up(request: Request, context: CustomersCtx, wallet: str = "") -> Response:
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    return _form(request, context, customer, wallet, {})


@router.post("/wallet/top-up", response_class=HTMLResponse)
def wallet_add_money(request: Request, context: CustomersCtx, checkout: Context,
                     form: Form) -> Response:
    """Parse the amount in the wallet's currency, then top up (one transaction)."""
    customer = signed_in(request, context)
    if customer is None:
        return redirect("/wallet")
    wallet_id, source = form.text("wallet"), form.text("source")
    shown: dict[str, object] = {"amount": form.text("amount"), "source": source,
                                "upi_id": form.text("upi_id")}
    _tier, cards = wallet_app.wallet_cards(context, customer.customer_id)
    currency = next((c.wallet.currency for c in cards if c.wallet.id == wallet_id), "INR")
    try:
        amount = Money.parse(form.text("amount").replace(",", ""), currency).amount_minor
    except AmountFormatError:
        problem = FormProblem("amount_invalid", "Enter an amount in rupees.")
        return _form(request, context, customer, wallet_id, {**shown, "error": problem},
                     status_code=400)
    try:
        top_up_from_source(checkout, customer.customer_id, wallet_id, amount, source,
                           form.text("card_number") or None, form.text("upi_id") or None)
    except PaysetuError as error:
        return _form(request, context, customer, wallet_id, {**shown, "error": error},
                     status_code=http_status(error))
    return redirect("/wallet/home", flash=N_("Money added to your wallet."))
