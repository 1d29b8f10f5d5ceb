"""What every wallet pay page shares (the merchant's, the checkout's, the gateway's trade's):
this server's public address for the QR codes and the pay form's values (the signed-in
customer and the page rendering are :mod:`.wallet_kit`'s, as for every wallet page).

The pay pages live under ``/wallet/pay/`` so that the customer's cookie (path ``/wallet``)
reaches them; a customer who is not signed in gets the sign-in form, which comes back to the
page (``next``) once the code is right.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from paysetu.customers.pages.wallet_kit import signed_in
from paysetu.customers.usecases.ports import CustomersContext


def public_base(request: Request, context: CustomersContext) -> str:
    """This server's public origin (``PAYSETU_PUBLIC_BASE_URL``; unset: the request's own)."""
    return (context.customers.public_base_url or str(request.base_url)).rstrip("/")


def pay_values(request: Request, context: CustomersContext, *, payee: str, action: str,
               currency: str, amount_minor: int | None, description: str | None = None,
               ) -> dict[str, Any]:
    """The pay form's values: who is paid, how much (None: the customer types it), where the
    form goes, a fresh request key (a double submit pays once), and the sign-in's way back."""
    return {
        "payee": payee, "action": action, "currency": currency, "amount_minor": amount_minor,
        "description": description, "request_key": context.ids.new_id("wpr"),
        "signed_in": signed_in(request, context) is not None,
        "next": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
    }
