"""What a scan-to-pay QR code says, and what a scanned text means (pure).

Every payload is an https URL of this server, so any phone camera opens it in the browser
(``docs/wallet-app.md``, "Scan to pay"):

- a merchant's static code: ``{base}/wallet/pay/{merchant}``; the customer types the amount;
- a fixed amount for a merchant: ``{base}/wallet/pay/{merchant}?amount_minor=1250&currency=INR``;
- a checkout session: ``{base}/wallet/pay/checkout/{cs_...}``; an Alipay-style precreated
  trade: ``{base}/wallet/pay/alipay/{trade_no}`` (their amount is the session's or trade's).

The deep-link form, for an app that registers the ``paysetu`` scheme:
``paysetu://pay?merchant={merchant}[&amount_minor=1250&currency=INR]``;
:func:`path_of_scan` turns it (and any of the URLs) into the pay page's path on this server.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlencode, urlsplit

PAY_PATH = "/wallet/pay/"
DEEP_LINK_SCHEME = "paysetu"
ID_LENGTH_MAX = 64


def pay_path(merchant_id: str, amount_minor: int | None = None,
             currency: str | None = None) -> str:
    """The merchant's pay page (with the amount fixed when given)."""
    path = PAY_PATH + quote(merchant_id, safe="")
    if amount_minor is not None and currency is not None:
        path += "?" + urlencode({"amount_minor": amount_minor, "currency": currency})
    return path


def pay_url(base_url: str, path: str) -> str:
    """``path`` (from :func:`pay_path` or the checkout's, the gateway's) on ``base_url``."""
    return base_url.rstrip("/") + path


def deep_link(merchant_id: str, amount_minor: int | None = None,
              currency: str | None = None) -> str:
    """The ``paysetu://pay?...`` form of a merchant's code."""
    query: dict[str, str | int] = {"merchant": merchant_id}
    if amount_minor is not None and currency is not None:
        query |= {"amount_minor": amount_minor, "currency": currency}
    return f"{DEEP_LINK_SCHEME}://pay?{urlencode(query)}"


def _safe_id(text: str) -> bool:
    return 0 < len(text) <= ID_LENGTH_MAX and all(c.isascii() and (c.isalnum() or c in "_-")
                                                  for c in text)


def path_of_scan(text: str) -> str | None:
    """The pay page a scanned or pasted text leads to on this server, or None when it is not
    a paysetu pay code (another site's URL is never followed: only its path is kept, and only
    a pay page's)."""
    parts = urlsplit(text.strip())
    if parts.scheme == DEEP_LINK_SCHEME and parts.netloc == "pay":
        query = parse_qs(parts.query)
        merchant = (query.get("merchant") or [""])[0]
        if not _safe_id(merchant):
            return None
        amount = (query.get("amount_minor") or [""])[0]
        currency = (query.get("currency") or [""])[0]
        if amount.isascii() and amount.isdigit() and len(amount) <= 15 and _safe_id(currency):
            return pay_path(merchant, int(amount), currency)
        return pay_path(merchant)
    if parts.scheme not in ("http", "https", ""):
        return None
    if not parts.path.startswith(PAY_PATH):
        return None
    segments = parts.path[len(PAY_PATH):].split("/")
    if not (1 <= len(segments) <= 2 and all(_safe_id(s) for s in segments)):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")
