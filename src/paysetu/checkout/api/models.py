"""Checkout's objects as the API returns them (see :mod:`paysetu.shell.http.objects`).

Field for field :func:`paysetu.checkout.usecases.checkout.session_object`; the model refuses
any other field.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.checkout.rules.sessions import CheckoutState, SourceKind
from paysetu.shell.http.objects import ApiObject, Timestamp

SESSION_ID = "cs_01KBZ4T7Q0W8X5V3M2N1P6R9S8_Xq3v9LwT0dPzK7mB2nR5sY8uA1cE4fH6"


class PaymentSource(ApiObject):
    """How the buyer paid (simulated): the kind, and what may be shown of it."""

    type: SourceKind
    hint: str = Field(examples=["•••• 4242", "buyer@okbank"])


class CheckoutSession(ApiObject):
    """A merchant's priced order, paid once by the buyer on the hosted page (``url``).

    ``status`` is as of now: an open session past ``expires_at`` reads ``expired``. The buyer's
    choice (``presentment_*``, ``fx_quote``) is null until made; ``payment``,
    ``payment_source`` and ``completed_at`` are set exactly when ``complete``.
    """

    id: str = Field(examples=[SESSION_ID])
    object: Literal["checkout_session"]
    merchant: str
    amount_minor: int = Field(examples=[90000])
    currency: str = Field(examples=["INR"])
    description: str | None
    status: CheckoutState
    url: str = Field(description="The hosted page to send the buyer to.",
                     examples=[f"https://pay.example.com/checkout/{SESSION_ID}"])
    return_url: str
    cancel_url: str | None
    client_reference: str | None = Field(description="The merchant's own order reference.")
    metadata: dict[str, str]
    presentment_currency: str | None = Field(examples=["CNY"])
    presentment_amount_minor: int | None
    fx_quote: str | None
    payment: str | None
    payment_source: PaymentSource | None
    expires_at: Timestamp
    completed_at: Timestamp | None
    created: Timestamp
