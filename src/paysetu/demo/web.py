"""The demo's web users: one sign-in per demo merchant, one for a lender, one admin.

So that ``paysetu run`` opens a dashboard with something in it, each demo merchant gets a
merchant user, the first lending institution (a funded "Bharat Small Bank" is opened if the
demo has none) a lender user, and the platform an admin. They all share
:data:`DEMO_PASSWORD`, printed in the banner: these are demo sign-ins on a loopback server,
never a deployment's. Idempotent: an email that exists is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.web_errors import WebRejected, WebStatus
from paysetu.access.rules.web_users import WebRole
from paysetu.access.stores.passwords import Argon2Passwords
from paysetu.access.usecases import web_users
from paysetu.app.context import AppContext
from paysetu.demo.console import console
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.usecases import lending

DEMO_PASSWORD = "paysetu-demo-2026"  # noqa: S105 - demo sign-ins on loopback, printed by design
DEMO_LENDER = "Bharat Small Bank"
DEMO_LENDER_FUNDS_MINOR = 5_00_00_000_00
"""₹5 crore committed to lending by the demo lender."""
PLATFORM = Principal("key_demo_web", Role.PLATFORM, None, False)


@dataclass(frozen=True, slots=True)
class DemoLogin:
    """A sign-in to print: who it is for, the email and the page it opens."""

    label: str
    email: str
    home: str


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "merchant"


def _demo_lender(ctx: AppContext) -> tuple[str, str]:
    """The first lender that lends, or a new funded one: ``(id, name)``."""
    with ctx.uow_factory() as uow:
        found, _ = uow.lending.list_lenders(None, PageRequest(limit=100))
        lenders = [x for x in found if not x.apex]
        if lenders:
            return lenders[-1].id, lenders[-1].name
        lender = lending.create_lender(ctx, uow, DEMO_LENDER, "bank", False, {"demo": "web"})
        lending.fund_lender(ctx, uow, PLATFORM, lender["id"], DEMO_LENDER_FUNDS_MINOR, "INR")
        uow.commit()
    return str(lender["id"]), DEMO_LENDER


def _ensure(ctx: AppContext, email: str, role: WebRole, merchant: str | None = None,
            lender: str | None = None) -> None:
    try:
        web_users.create_user(ctx, Argon2Passwords(), email=email, password=DEMO_PASSWORD,
                              role=role, merchant_id=merchant, lender_id=lender)
    except WebRejected as refusal:
        if refusal.code is not WebStatus.WEB_USER_EXISTS:
            raise


def ensure_demo_web_users(ctx: AppContext, merchant_ids: list[str]) -> list[DemoLogin]:
    """Create the demo's web users (once) and return their sign-ins."""
    logins = []
    for merchant_id in merchant_ids:
        with ctx.uow_factory() as uow:
            merchant = uow.merchants.get(merchant_id)
        name = merchant.legal_name if merchant is not None else merchant_id
        email = f"{_slug(name)}@merchants.example"
        _ensure(ctx, email, WebRole.MERCHANT, merchant=merchant_id)
        logins.append(DemoLogin(f"merchant {name}", email, "/dashboard"))
    lender_id, lender_name = _demo_lender(ctx)
    _ensure(ctx, "credit@lenders.example", WebRole.LENDER, lender=lender_id)
    logins.append(DemoLogin(f"lender {lender_name}", "credit@lenders.example", "/lender"))
    _ensure(ctx, "admin@paysetu.example", WebRole.ADMIN)
    logins.append(DemoLogin("platform admin", "admin@paysetu.example", "/admin"))
    return logins


def web_banner(url: str, logins: list[DemoLogin]) -> list[str]:
    """The banner's lines about the web pages: where to sign in, and as whom."""
    width = max(len(login.email) for login in logins)
    return [
        f"dashboard: {url}/login  (demo password for every sign-in below: {DEMO_PASSWORD})",
        *(f"  {login.email:<{width}}  {login.label} -> {url}{login.home}" for login in logins),
        "",
    ]


def print_demo_logins(logins: list[DemoLogin]) -> None:
    """For ``paysetu demo`` (no server yet): the sign-ins ``paysetu run`` will serve."""
    console.print(f"web sign-ins (password {DEMO_PASSWORD}): "
                  + ", ".join(f"{login.email} ({login.label})" for login in logins),
                  soft_wrap=True, markup=False, highlight=False)
