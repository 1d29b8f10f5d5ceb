"""Error codes of marketplaces: sellers, orders, shares, returns.

Same conventions as :mod:`paysetu.ledger.rules.errors` (a closed enum in precedence order, each
code transient or not, with a category the HTTP layer maps to a status). Exception tree::

    PaysetuError
     └── MarketplaceRejected   sellers, orders, shares, share returns

A seller that exists but belongs to another marketplace is ``seller_not_found``, exactly like
an unknown id: a marketplace learns nothing about merchants it has not onboarded.
"""

from __future__ import annotations

from paysetu.ledger.rules.errors import ErrorCategory, ErrorCode, PaysetuError

_I = ErrorCategory.INVALID
_N = ErrorCategory.NOT_FOUND
_C = ErrorCategory.CONFLICT
_D = ErrorCategory.DECLINED


class MarketplaceStatus(ErrorCode):
    """Why a marketplace, seller, order or share operation was refused (precedence)."""

    PAN_INVALID = (
        "pan_invalid",
        False,
        _I,
        "A PAN is 5 letters, 4 digits and a letter; an Indian seller needs one.",
    )
    GSTIN_INVALID = (
        "gstin_invalid",
        False,
        _I,
        "A GSTIN is 15 characters with a valid check character and the seller's PAN inside;"
        " an Indian seller needs one.",
    )
    COMMISSION_INVALID = (
        "commission_invalid",
        False,
        _I,
        "commission_bps is 0-10,000, commission_fixed_minor a non-negative integer, a category"
        " 1-64 printable characters, auto_release_s positive.",
    )
    KYC_STATUS_INVALID = (
        "kyc_status_invalid",
        False,
        _I,
        "kyc_status is pending, verified or rejected.",
    )
    ORDER_LINES_INVALID = (
        "order_lines_invalid",
        False,
        _I,
        "An order has 1-100 lines, each with a seller, a positive amount_minor and an optional"
        " category.",
    )
    SPLIT_MISMATCH = (
        "split_mismatch",
        False,
        _I,
        "The lines' amounts do not add up to the order's amount_minor.",
    )
    SHARE_BELOW_DEDUCTIONS = (
        "share_below_deductions",
        False,
        _I,
        "A seller's share is smaller than its commission and the tax withheld from it.",
    )
    MARKETPLACE_NOT_FOUND = (
        "marketplace_not_found",
        False,
        _N,
        "No such marketplace (the merchant has not been made a marketplace).",
    )
    SELLER_NOT_FOUND = (
        "seller_not_found",
        False,
        _N,
        "No such seller in this marketplace.",
    )
    ORDER_NOT_FOUND = ("order_not_found", False, _N, "No such marketplace order.")
    SHARE_NOT_FOUND = ("share_not_found", False, _N, "No such order share.")
    MARKETPLACE_EXISTS = (
        "marketplace_exists",
        False,
        _C,
        "The merchant is already a marketplace, or is a seller (a seller sells, it does not"
        " host others).",
    )
    SELLER_ALREADY_LINKED = (
        "seller_already_linked",
        False,
        _C,
        "The seller already belongs to this marketplace.",
    )
    SELLER_NOT_VERIFIED = (
        "seller_not_verified",
        True,
        _C,
        "The seller's KYC is not verified: it cannot receive funds.",
    )
    ORDER_UNEXPECTED_STATE = (
        "order_unexpected_state",
        False,
        _C,
        "The order's status does not allow this operation (already paid, or not yet paid).",
    )
    SHARE_NOT_HELD = (
        "share_not_held",
        False,
        _C,
        "The share is not held in escrow (not paid yet, released, or refunded).",
    )
    SHARE_DISPUTED = (
        "share_disputed",
        False,
        _C,
        "The share is disputed; its hold is frozen until the platform resolves it.",
    )
    REFUND_EXCEEDS_SHARE = (
        "refund_exceeds_share",
        False,
        _I,
        "Returns of a share would total more than the share.",
    )
    ORDER_PAYMENT_NEEDS_CONSENT = (
        "order_payment_needs_consent",
        False,
        _I,
        "A cross-border wallet order (fx_quote) cannot wait for the customer's approval (the"
        " quote's rate lock would end first): give the customer's live mandate for the"
        " marketplace (mandate), or for the platform an operator_reason, or pay on the hosted"
        " checkout (return_url).",
    )
    PAYMENT_AMOUNT_MISMATCH = (
        "payment_amount_mismatch",
        False,
        _C,
        "The payment is not a succeeded payment to the marketplace of the order's amount.",
    )
    MARKETPLACE_BALANCE_INSUFFICIENT = (
        "marketplace_balance_insufficient",
        True,
        _D,
        "The marketplace's balance cannot cover its part (commission below the platform fee,"
        " or commission already paid out and now returned).",
    )


class MarketplaceRejected(PaysetuError):
    """A marketplace, seller, order or share operation was refused; nothing was written."""
