"""For merchants receiving paysetu webhooks: check a delivery's signature before trusting it.

Use the raw request body (the bytes as received, before any JSON parsing) and the
``Paysetu-Signature`` header::

    from paysetu.webhooks import SignatureVerificationError, verify_signature

    try:
        event = verify_signature(request_body, request.headers["Paysetu-Signature"], secret)
    except SignatureVerificationError:
        return 400                      # not from paysetu, altered, or replayed later
    if already_processed(event["id"]):  # deliveries are at-least-once: dedupe by event id
        return 200
    handle(event)
    return 200

A delivery is accepted only if one of its ``v1`` signatures is the HMAC-SHA256 of
``f"{t}.{body}"`` under the endpoint's signing secret and ``t`` is within ``tolerance_s``
seconds of now (which defeats replaying an old, validly signed delivery).
"""

from __future__ import annotations

import json
import time
from typing import Any

from paysetu.events.rules.webhooks import (
    SIGNATURE_HEADER,
    compute_signature,
    parse_signature_header,
    signature_header,
    signature_matches,
)

__all__ = [
    "DEFAULT_TOLERANCE_S",
    "SIGNATURE_HEADER",
    "SignatureVerificationError",
    "compute_signature",
    "signature_header",
    "verify_signature",
]

DEFAULT_TOLERANCE_S = 300
"""Stripe's default: a signature older (or newer) than five minutes is refused."""


class SignatureVerificationError(ValueError):
    """The payload is not a genuine, fresh paysetu delivery for this secret.

    Attributes:
        reason: ``header_malformed``, ``signature_mismatch``, ``timestamp_outside_tolerance``
            or ``payload_not_json``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def verify_signature(
    payload: bytes,
    header: str,
    secret: str,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: int | None = None,
) -> dict[str, Any]:
    """The event of a genuine delivery, or :class:`SignatureVerificationError`.

    Args:
        payload: The raw request body.
        header: The ``Paysetu-Signature`` header's value.
        secret: The endpoint's signing secret (``whsec_...``).
        tolerance_s: How far (in seconds, either way) the signed timestamp may be from ``now``.
        now: Unix seconds; the system clock when None.
    """
    # A missing header often arrives as None from a framework; refuse it like a malformed one.
    parsed = parse_signature_header(header) if isinstance(header, str) else None
    if parsed is None:
        raise SignatureVerificationError(
            "header_malformed", f"The {SIGNATURE_HEADER} header is not t=<seconds>,v1=<hex>."
        )
    timestamp, signatures = parsed
    if not signature_matches(secret, timestamp, payload, signatures):
        raise SignatureVerificationError(
            "signature_mismatch", "No signature matches the payload for this secret."
        )
    current = int(time.time()) if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise SignatureVerificationError(
            "timestamp_outside_tolerance",
            f"The signature's timestamp is more than {tolerance_s} s from now.",
        )
    try:
        event = json.loads(payload)
    except ValueError:
        raise SignatureVerificationError("payload_not_json", "The payload is not JSON.") from None
    if not isinstance(event, dict):
        raise SignatureVerificationError("payload_not_json", "The payload is not a JSON object.")
    return event
