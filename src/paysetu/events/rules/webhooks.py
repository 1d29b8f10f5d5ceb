"""Webhooks: endpoints, deliveries, the signature scheme and the retry schedule (pure rules).

Signature (Stripe's scheme): the sender computes ``HMAC-SHA256(secret, f"{t}.{raw body}")`` and
sends it as ``Paysetu-Signature: t=<unix seconds>,v1=<hex digest>``. Including the timestamp in
the signed text lets a receiver refuse replays of an old delivery; several ``v1=`` entries may
appear (while a secret is being rolled), and one matching is enough. The same functions sign in
the delivery worker and verify in :mod:`paysetu.webhooks`, the receivers' helper.

Retries: a delivery that does not get a 2xx answer is tried again after
``min(RETRY_DELAY_BASE_S * 2**(attempts - 1), RETRY_DELAY_MAX_S)`` seconds, scaled by a factor in
[0.5, 1) drawn from the delivery's id and attempt number ("equal jitter", so endpoints that
failed together do not retry in lockstep), until :data:`ATTEMPTS_MAX` attempts have been made;
then it is ``failed``. The 12 attempts span about 7-15 hours.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from urllib.parse import urlsplit

from paysetu.events.rules.events import Event
from paysetu.events.rules.targets import Network, address_problem, host_address

SIGNATURE_HEADER = "Paysetu-Signature"
"""The HTTP header carrying ``t=...,v1=...``."""

SIGNATURE_SCHEME = "v1"
"""The only scheme: HMAC-SHA256, hex encoded."""

SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix of generated secrets, not a secret
URL_LENGTH_MAX = 2048
DESCRIPTION_LENGTH_MAX = 500
ALL_EVENTS = "*"

RETRY_DELAY_BASE_S = 30
RETRY_DELAY_MAX_S = 6 * 3600
ATTEMPTS_MAX = 12


class DeliveryStatus(StrEnum):
    PENDING = "pending"
    """Queued or waiting for its next attempt."""
    SUCCEEDED = "succeeded"
    """The endpoint answered 2xx."""
    FAILED = "failed"
    """Every attempt failed; no more are made."""
    CANCELED = "canceled"
    """The endpoint was disabled before the delivery succeeded."""


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    """A merchant's URL that receives signed events.

    Attributes:
        secret: The signing secret (``whsec_...``); shown to the merchant only at creation.
        enabled_events: Event types sent to the endpoint; ``("*",)`` means all of them.
        disabled: A disabled endpoint gets no new deliveries, and its pending ones are canceled.
    """

    id: str
    merchant_id: str
    url: str
    secret: str
    enabled_events: tuple[str, ...]
    description: str | None
    disabled: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DeliveryAttempt:
    """One HTTP request of a delivery.

    Attributes:
        status_code: The endpoint's HTTP status; None when no answer came (refused, timeout).
        error: Why the attempt failed, for people; None on a 2xx answer.
    """

    attempted_at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True, slots=True)
class Delivery:
    """One event on its way to one endpoint (a row of the outbox)."""

    id: str
    event_id: str
    event_type: str
    endpoint_id: str
    status: DeliveryStatus
    attempts: tuple[DeliveryAttempt, ...]
    next_attempt_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SendResult:
    """What came back from one HTTP request to an endpoint.

    Attributes:
        status_code: The HTTP status; None when no answer came (refused, timeout, TLS error).
        error: Why it failed, for people (no secrets, no response bodies); None if answered.
    """

    status_code: int | None
    error: str | None
    duration_ms: int


@dataclass(frozen=True, slots=True)
class DeliveryJob:
    """A delivery claimed by a worker: what to send, where, and which attempt this is.

    Attributes:
        attempt: The number of this attempt, from 1; the claim has already counted it.
    """

    delivery_id: str
    attempt: int
    url: str
    secret: str
    event: Event


def compute_signature(secret: str, timestamp: int, payload: bytes) -> str:
    """Hex HMAC-SHA256 of ``f"{timestamp}.{payload}"`` keyed with ``secret``."""
    signed = str(timestamp).encode() + b"." + payload
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, payload: bytes) -> str:
    """The value of the ``Paysetu-Signature`` header for ``payload`` sent at ``timestamp``."""
    return f"t={timestamp},{SIGNATURE_SCHEME}={compute_signature(secret, timestamp, payload)}"


def parse_signature_header(header: str) -> tuple[int, tuple[str, ...]] | None:
    """``(timestamp, v1 signatures)`` of a well-formed header, else None.

    Unknown schemes are ignored (a later scheme can be added without breaking receivers);
    exactly one ``t`` and at least one ``v1`` are required.
    """
    timestamps: list[str] = []
    signatures: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep or not value:
            return None
        if key == "t":
            timestamps.append(value)
        elif key == SIGNATURE_SCHEME:
            signatures.append(value)
    if len(timestamps) != 1 or not timestamps[0].isascii() or not timestamps[0].isdigit():
        return None
    if not signatures:
        return None
    return int(timestamps[0]), tuple(signatures)


def signature_matches(
    secret: str, timestamp: int, payload: bytes, candidates: tuple[str, ...]
) -> bool:
    """Whether any candidate is the signature of ``payload`` (constant-time comparisons)."""
    expected = compute_signature(secret, timestamp, payload).encode()
    matched = False
    for candidate in candidates:
        # Compare every candidate, so the time taken does not tell which one matched.
        matched |= hmac.compare_digest(expected, candidate.encode("ascii", "replace"))
    return matched


def retry_delay_s(attempts: int, random_unit: float) -> float:
    """Seconds to wait after the ``attempts``-th failed attempt; ``random_unit`` in [0, 1)."""
    exponent = min(max(attempts - 1, 0), 30)
    ceiling = min(RETRY_DELAY_BASE_S * 2**exponent, RETRY_DELAY_MAX_S)
    return float(ceiling) * (0.5 + min(max(random_unit, 0.0), 1.0) / 2)


def jitter_unit(delivery_id: str, attempt: int) -> float:
    """A number in [0, 1) spread evenly over deliveries and attempts, but reproducible.

    Derived from a hash rather than a random generator: deliveries that failed together (an
    endpoint that was down) still retry at different times, and a test or a replayed schedule
    sees the same delays every time.
    """
    digest = hashlib.sha256(f"{delivery_id}:{attempt}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def outcome_status(attempt: DeliveryAttempt, attempts: int) -> DeliveryStatus:
    """The delivery's status after its ``attempts``-th attempt ended with ``attempt``."""
    if attempt.succeeded:
        return DeliveryStatus.SUCCEEDED
    return DeliveryStatus.FAILED if attempts >= ATTEMPTS_MAX else DeliveryStatus.PENDING


def url_problem(
    url: str, *, https_only: bool, allowed_networks: Sequence[Network] = ()
) -> str | None:
    """Why ``url`` cannot receive webhooks, or None when it can.

    A host written as an address (in any spelling) must be a public one, or in
    ``allowed_networks`` (:mod:`.targets`); a name is resolved and judged by the caller.
    """
    if not url or len(url) > URL_LENGTH_MAX or not url.isprintable() or " " in url:
        return f"A webhook URL is 1-{URL_LENGTH_MAX} printable characters without spaces."
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "The webhook URL cannot be parsed."
    schemes = ("https",) if https_only else ("http", "https")
    if parts.scheme not in schemes:
        return "Live-mode webhook URLs use https." if https_only else "Use an http(s) URL."
    if not parts.hostname:
        return "The webhook URL has no host."
    if parts.username is not None or parts.password is not None:
        return "Put no credentials in a webhook URL; verify the signature instead."
    if port == 0:
        return "The webhook URL's port is not valid."
    if parts.fragment:
        return "A webhook URL has no #fragment."
    address = host_address(parts.hostname)
    if address is not None:
        return address_problem(address, allowed_networks)
    return None


def unknown_event_types(enabled_events: list[str], known: frozenset[str]) -> list[str]:
    """The entries of ``enabled_events`` that are neither known types nor ``*``."""
    return [t for t in enabled_events if t != ALL_EVENTS and t not in known]
