"""Judging a webhook or notification URL when it is registered: its syntax, then its addresses.

The pure rules (:func:`~paysetu.events.rules.webhooks.url_problem`) refuse a bad URL and a host
written as a non-public address in any spelling. A host name is resolved here, with the
context's resolver, and refused when it resolves to nothing or to any address that is not a
permitted target. That is the early, friendly refusal; the connection made at delivery time
judges again the address it actually connects to (:mod:`paysetu.events.stores.guarded_network`),
so a name that resolves differently later (DNS rebinding) still reaches no private address.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from paysetu.events.rules.targets import address_problem, host_address
from paysetu.events.rules.webhooks import url_problem
from paysetu.events.usecases.ports import WebhookTargets

_DEFAULT_PORTS = {"http": 80, "https": 443}


def target_problem(targets: WebhookTargets, url: str, *, https_only: bool) -> str | None:
    """Why ``url`` may not receive webhooks or notifications, or None when it may."""
    problem = url_problem(url, https_only=https_only, allowed_networks=targets.allowed_networks)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    host = parts.hostname or ""
    if targets.resolver is None or host_address(host) is not None:
        return None
    addresses = targets.resolver.resolve(host, parts.port or _DEFAULT_PORTS[parts.scheme])
    if not addresses:
        return f"The host {host[:100]!r} cannot be resolved."
    for address in addresses:
        refused = address_problem(address, targets.allowed_networks)
        if refused is not None:
            return f"The host {host[:100]!r} resolves to {refused}"
    return None
