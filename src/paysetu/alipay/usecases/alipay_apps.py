"""Alipay-style apps: a merchant registers its app's RSA public key and default notify URL.

The app id is generated (16 digits, Alipay's shape: the SDK sends it as ``app_id``). A merchant
key registers and sees only its own merchant's apps (another's answer 404, exactly as a missing
one); the platform key may register for any merchant. Each app object carries the platform's
public key, the one the merchant's SDK verifies responses and notifications with.
"""

from __future__ import annotations

from typing import Any

from paysetu.access.rules.principals import Principal, Role
from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.alipay.rules.app_errors import AlipayAppRejected, AlipayAppStatus
from paysetu.alipay.rules.gateway import app_id_from, zone_named
from paysetu.alipay.rules.records import AlipayApp
from paysetu.alipay.usecases.ports import AlipayContext, AlipayPolicy, AlipayUnitOfWork
from paysetu.events.usecases.targets import target_problem
from paysetu.kernel.pagination import PageRequest
from paysetu.kernel.timestamps import timestamp
from paysetu.payments.rules.errors import PaymentRejected, PaymentStatus
from paysetu.payments.usecases.checks import check_cursors, merchant_scope, storable
from paysetu.payments.usecases.merchants import get_merchant

GATEWAY_PATH = "/gateway.do"


def gateway_policy(ctx: AlipayContext) -> AlipayPolicy:
    """The gateway's wiring, or ``alipay_gateway_disabled`` when the deployment has none."""
    if ctx.alipay is None:
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_GATEWAY_DISABLED)
    return ctx.alipay


def app_object(ctx: AlipayContext, app: AlipayApp) -> dict[str, Any]:
    return {
        "id": app.id,
        "object": "alipay_app",
        "merchant": app.merchant_id,
        "public_key": app.public_key_pem,
        "notify_url": app.notify_url,
        "timezone": app.timezone or str(gateway_policy(ctx).timezone),
        "platform_public_key": gateway_policy(ctx).keys.public_key_pem(),
        "gateway_path": GATEWAY_PATH,
        "created": timestamp(app.created_at),
    }


def register_app(
    ctx: AlipayContext, uow: AlipayUnitOfWork, caller: Principal, *, merchant: str | None,
    public_key: str, notify_url: str | None, timezone: str | None = None,
) -> dict[str, Any]:
    """Register an app for the caller's merchant (the platform names one).

    ``timezone`` is the zone the app's server writes its timestamps in (none: the deployment's
    ``PAYSETU_ALIPAY_TIMEZONE``, default ``Asia/Shanghai``)."""
    policy = gateway_policy(ctx)
    scope = merchant_scope(caller)
    merchant_id = merchant if merchant is not None else scope
    if merchant_id is None:
        raise RequestRejected(RequestStatus.PARAMETER_MISSING,
                              "merchant is required with a platform key.", "merchant")
    if not storable(merchant_id):
        raise PaymentRejected(PaymentStatus.MERCHANT_NOT_FOUND, param="merchant")
    owner = get_merchant(uow, caller, merchant_id)
    pem = policy.keys.normalized_public_key(public_key) if storable(public_key) else None
    if pem is None:
        raise AlipayAppRejected(AlipayAppStatus.PUBLIC_KEY_INVALID, param="public_key")
    if notify_url is not None:
        problem = target_problem(ctx.webhook_targets, notify_url, https_only=caller.livemode)
        if problem is not None:
            raise AlipayAppRejected(AlipayAppStatus.NOTIFY_URL_INVALID, problem, "notify_url")
    if timezone is not None and zone_named(timezone) is None:
        raise AlipayAppRejected(AlipayAppStatus.TIMEZONE_INVALID, param="timezone")
    now = ctx.clock.now()
    app = AlipayApp(app_id_from(ctx.secrets.salt(), now), owner.id, pem, notify_url, now,
                    timezone)
    uow.alipay.insert_app(app)
    return app_object(ctx, app)


def visible_app(uow: AlipayUnitOfWork, caller: Principal, app_id: str) -> AlipayApp:
    app = uow.alipay.get_app(app_id) if storable(app_id) and len(app_id) <= 64 else None
    if app is None or not caller.owns_merchant(app.merchant_id):
        raise AlipayAppRejected(AlipayAppStatus.ALIPAY_APP_NOT_FOUND, param="app")
    return app


def get_app(
    ctx: AlipayContext, uow: AlipayUnitOfWork, caller: Principal, app_id: str
) -> dict[str, Any]:
    return app_object(ctx, visible_app(uow, caller, app_id))


def list_apps(
    ctx: AlipayContext, uow: AlipayUnitOfWork, caller: Principal, page: PageRequest
) -> tuple[list[dict[str, Any]], bool]:
    """Newest first: the merchant's own apps (all of them for the platform)."""
    scope = merchant_scope(caller)
    check_cursors(page)
    items, has_more = uow.alipay.list_apps(scope if caller.role is not Role.PLATFORM else None,
                                           page)
    return [app_object(ctx, a) for a in items], has_more
