"""Which network addresses a webhook or notification may be sent to (pure rules).

A merchant chooses the URL, the platform makes the request: without these rules a merchant
could make the platform call its own database (``127.0.0.1:5432``), a cloud metadata service
(``169.254.169.254``) or any host of the private network, and read the delivery log (status,
error, duration) as a port scanner. So only globally routable unicast addresses are targets:
loopback, private, link-local, shared (CGN), multicast, reserved, unspecified and documentation
ranges are refused, whatever spelling the URL uses:

- IPv6 forms that carry an IPv4 address (``::ffff:169.254.169.254``, 6to4 ``2002::/16``, NAT64
  ``64:ff9b::/96``) are judged by that IPv4 address;
- the legacy IPv4 spellings that ``inet_aton`` (and so the system resolver) accepts, decimal
  ``2130706433``, hex ``0x7f000001``, octal ``0177.0.0.1`` and short ``127.1``, are parsed here,
  so a URL's literal host is judged without asking any resolver.

An operator may allow networks explicitly (``PAYSETU_WEBHOOK_ALLOWED_NETWORKS``): ``paysetu
run``'s demo and the tests deliver to loopback receivers. Names are resolved by the callers
(registration and the connection itself), which judge each address with :func:`address_problem`.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

Address = IPv4Address | IPv6Address
Network = IPv4Network | IPv6Network

LOOPBACK_NETWORKS: tuple[Network, ...] = (
    IPv4Network("127.0.0.0/8"), IPv6Network("::1/128"))
"""What ``paysetu run`` and the tests allow: receivers on this machine."""

_NAT64 = IPv6Network("64:ff9b::/96")
_SHARED = IPv4Network("100.64.0.0/10")


def _legacy_part(text: str) -> int | None:
    if not text:
        return None
    lowered = text.lower()
    if lowered.startswith("0x"):
        digits, base = lowered[2:] or "0", 16
    elif len(text) > 1 and text.startswith("0"):
        digits, base = text[1:], 8
    else:
        digits, base = text, 10
    allowed = "0123456789abcdef"[:base]
    if not digits.isascii() or any(c not in allowed for c in digits):
        return None
    return int(digits, base)


def _legacy_ipv4(host: str) -> IPv4Address | None:
    """``host`` read as ``inet_aton`` reads it (1 to 4 parts, each decimal, 0x hex or 0 octal)."""
    parts = host.split(".")
    if host.endswith(".") or not 1 <= len(parts) <= 4:
        return None
    values = [_legacy_part(p) for p in parts]
    if any(v is None for v in values):
        return None
    numbers = [v for v in values if v is not None]
    last_bits = 8 * (5 - len(numbers))
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 2**last_bits:
        return None
    value = 0
    for number in numbers[:-1]:
        value = value << 8 | number
    return IPv4Address(value << last_bits | numbers[-1])


def host_address(host: str) -> Address | None:
    """The address a URL's host names literally (any spelling), or None for a name."""
    literal = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return ipaddress.ip_address(literal.split("%", 1)[0])
    except ValueError:
        return _legacy_ipv4(literal)


def _embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _kind(address: Address) -> str | None:
    """Why ``address`` is not a public unicast address, or None when it is."""
    checks = (
        (address.is_unspecified, "unspecified"), (address.is_loopback, "loopback"),
        (address.is_link_local, "link-local"), (address.is_multicast, "multicast"),
        (address.is_reserved, "reserved"), (address.is_private, "private"),
    )
    for failed, kind in checks:
        if failed:
            return kind
    if isinstance(address, IPv4Address) and address in _SHARED:
        return "shared (carrier-grade NAT)"
    return None if address.is_global else "not globally routable"


def _allowed(address: Address, allowed: Sequence[Network]) -> bool:
    return any(address.version == n.version and address in n for n in allowed)


def address_problem(address: Address | str, allowed: Sequence[Network] = ()) -> str | None:
    """Why nothing may be sent to ``address``, or None when it is a permitted target."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0]) if isinstance(address, str) \
            else address
    except ValueError:
        return f"{address!r} is not an IP address."
    inner = _embedded_ipv4(ip) if isinstance(ip, IPv6Address) else None
    candidates = (ip,) if inner is None else (ip, inner)
    if any(_allowed(c, allowed) for c in candidates):
        return None
    for candidate in (inner, ip):
        kind = None if candidate is None else _kind(candidate)
        if kind is not None:
            return (f"{ip} is a {kind} address; only public addresses receive webhooks and"
                    " notifications.")
    return None
