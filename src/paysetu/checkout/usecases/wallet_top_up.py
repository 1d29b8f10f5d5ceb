"""A customer tops up their own wallet from the checkout's simulated card or UPI source.

The source is checked by the checkout's rules (:func:`paysetu.checkout.rules.sessions.
check_source`: the same test cards and UPI ids, the same declines); the money then moves
through the wallets' top-up (:func:`paysetu.wallets.usecases.wallets.top_up`), which enforces
the KYC tier's balance and monthly load limits under the wallet's row lock. One transaction:
a refusal writes nothing.
"""

from __future__ import annotations

from typing import Any

from paysetu.checkout.rules.sessions import check_source
from paysetu.checkout.usecases.ports import CheckoutContext
from paysetu.wallets.rules.errors import WalletRejected, WalletStatus
from paysetu.wallets.usecases import wallets


def top_up_from_source(
    ctx: CheckoutContext, customer_id: str, wallet_id: str, amount_minor: int, source: str,
    card_number: str | None, upi_id: str | None,
) -> dict[str, Any]:
    """Credit the customer's own wallet (another's is ``wallet_not_found``)."""
    with ctx.uow_factory() as uow:
        wallet = uow.wallets.get(wallet_id)
        if wallet is None or wallet.customer_id != customer_id:
            raise WalletRejected(WalletStatus.WALLET_NOT_FOUND, param="wallet")
        wallets.check_amount(amount_minor, wallet.currency, wallet)
        checked = check_source(source, card_number, upi_id)
        obj = wallets.top_up(ctx, uow, wallet.id, amount_minor, wallet.currency, {
            "source": checked.kind.value, "source_hint": checked.hint, "by": "customer"})
        uow.commit()
    return obj
