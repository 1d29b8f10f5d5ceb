"""Words the customer's pages show from data (statuses, frequencies), marked for the catalogs.

A template writes ``{{ _(mandate.status) }}``: the extractor cannot see that text, so each such
word is listed here once with :func:`N_`, and ``pybabel extract`` (keyword ``N_``) puts it in the
catalogs like any other page text.
"""

from __future__ import annotations


def N_(text: str) -> str:  # noqa: N802 (gettext's own name for "mark, do not translate yet")
    """``text`` unchanged: only a marker for the message extractor."""
    return text


MANDATE_STATUSES = (N_("pending"), N_("active"), N_("paused"), N_("revoked"), N_("refused"),
                    N_("expired"))
FREQUENCIES = (N_("as presented"), N_("daily"), N_("weekly"), N_("monthly"), N_("yearly"))
KIND_WORDS = {  # the history's kinds (customers.rules.movements.KINDS) in words
    "top_up": N_("Top-up"), "payment": N_("Payment"), "refund": N_("Refund"),
    "transfer": N_("Transfer"), "withdrawal": N_("Withdrawal"), "other": N_("Other"),
}
PAYMENT_STATUSES = (N_("succeeded"), N_("failed"), N_("canceled"), N_("requires_action"),
                    N_("requires_capture"), N_("requires_confirmation"), N_("pending"))
KYC_TIERS = {"minimum": N_("Minimum KYC"), "full": N_("Full KYC")}
ERROR_WORDS = {
    "pin_incorrect": N_("The PIN is wrong."),
    "pin_locked": N_("Three wrong PINs: your PIN is locked for a while. Try again later."),
    "pin_format_invalid": N_("A PIN is 4 or 6 digits."),
    "pin_not_set": N_("Set a payment PIN first."),
    "fresh_sign_in_required": N_("Changing the PIN needs a fresh sign-in code."),
    "phone_invalid": N_("That is not a valid mobile number."),
    "sign_in_throttled": N_("Too many codes asked for. Try again later."),
    "sign_in_code_invalid": N_("The code is wrong, expired or used up. Ask for a new one."),
    "exceeds_available_balance": N_("Your balance does not cover this amount."),
    "wallet_load_limit_exceeded": N_(
        "This top-up would pass your KYC tier's monthly loading limit."),
    "wallet_balance_limit_exceeded": N_(
        "Your wallet would hold more than your KYC tier allows."),
    "amount_must_be_positive": N_("Enter an amount above zero."),
    "amount_too_large": N_("The amount is too large."),
    "amount_invalid": N_("Enter an amount in rupees, such as 500 or 99.50."),
    "payment_source_invalid": N_("Check the card number or UPI id."),
    "source_declined": N_("Your bank declined the payment (test card or UPI id)."),
    "approval_expired": N_("This request expired: nothing was paid."),
    "mandate_not_active": N_("This mandate is not active."),
    "mandate_unexpected_state": N_("This mandate cannot do that now."),
    "payment_not_found": N_("No such payment."),
    "mandate_not_found": N_("No such mandate."),
    "wallet_not_found": N_("No such wallet."),
    "parameter_invalid": N_("Something in the form is not valid."),
    "customer_session_invalid": N_("Your session ended. Sign in again."),
    "payee_lookup_throttled": N_("Too many numbers looked up. Try again later."),
    "note_invalid": N_("A note is 1 to 140 characters."),
    "payee_not_found": N_("No wallet customer has this number."),
    "payee_is_self": N_("This is your own number: send to someone else."),
    "payer_wallet_missing": N_("You have no wallet in this currency."),
    "payee_wallet_missing": N_("They have no wallet in this currency."),
    "transfer_not_found": N_("No such transfer."),
    "money_request_not_found": N_("No such money request."),
    "money_request_expired": N_("This request expired before it was paid."),
    "money_request_not_pending": N_(
        "This request was already paid, declined, canceled or expired."),
    "currency_mismatch": N_("The currency does not match the wallet's."),
    "checkout_session_not_found": N_("No such checkout."),
    "presentment_currency_unsupported": N_("This shop does not take that currency."),
    "checkout_session_complete": N_("This checkout is already paid."),
    "checkout_session_expired": N_("This checkout expired: nothing was paid."),
    "checkout_quote_stale": N_("The exchange rate changed: check the new amount and pay again."),
}
"""Refusals in words, by code (the pages show the code too); any other code shows its
message in English."""
CHECKOUT_SOURCE_MESSAGES = (
    N_("The card number is not valid."), N_("The card was declined (test card)."),
    N_("The UPI id is not valid (name@bank)."), N_("The UPI payment was declined (test id)."),
    N_("The payment source is card or upi."),
)
"""The hosted checkout's refusals of a simulated source (checkout.rules.sessions), which its
page shows next to the field; any other refusal shows its message in English."""
REQUEST_STATUSES = (N_("paid"), N_("declined"), N_("canceled"))
"""A money request's statuses (``pending`` and ``expired`` are the mandates' words too)."""
