"""``/v1/alipay_apps`` and the buyer's side of the Alipay gateway.

Apps are merchant-scoped (a merchant key registers and sees its own; others answer 404
``alipay_app_not_found``). Payment codes and paying a trade from a wallet are the wallet
operator's (platform key) operations: a buyer's wallet app calls them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends
from pydantic import Field

from paysetu.alipay.api.deps import Context, Write
from paysetu.alipay.api.models import AlipayApp
from paysetu.alipay.usecases import alipay_apps, alipay_buyers
from paysetu.kernel.pagination import PageRequest
from paysetu.payments.api.models import Payment
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body

router = APIRouter(tags=["alipay"])


class AlipayAppCreate(Body):
    public_key: str = Field(description="The app's RSA public key (PEM, or Alipay's base64).")
    notify_url: str | None = Field(
        default=None, description="Where notifications go when a request names no notify_url.")
    timezone: str | None = Field(
        default=None, description="The IANA zone the app's server writes its zone-less"
        " timestamp in (default: the deployment's, Asia/Shanghai unless configured).")
    merchant: str | None = Field(
        default=None, description="Platform keys only: the merchant the app belongs to.")


class AlipayTradePayment(Body):
    wallet: str = Field(description="The buyer's wallet (wal_...) that pays the trade.")
    operator_reason: str = Field(
        description="Why the wallet operator debits the buyer's wallet (1-500 characters):"
        " recorded on the payment, its events and its ledger entries.")


@router.post("/alipay_apps", response_model=AlipayApp)
def register_app(body: AlipayAppCreate, write: Write) -> Any:
    """Register an app: the answer has its ``id`` (the SDK's ``appid``) and the platform's
    public key (the SDK's ``alipay_public_key_string``)."""
    return write.run(200, lambda uow: alipay_apps.register_app(
        write.context, uow, write.caller, merchant=body.merchant, public_key=body.public_key,
        notify_url=body.notify_url, timezone=body.timezone))


@router.get("/alipay_apps", response_model=ListOf[AlipayApp])
def list_apps(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)],
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        items, has_more = alipay_apps.list_apps(context, uow, caller, page)
    return list_object("/v1/alipay_apps", items, has_more)


@router.get("/alipay_apps/{app_id}", response_model=AlipayApp)
def get_app(app_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return alipay_apps.get_app(context, uow, caller, app_id)


@router.post("/alipay_trades/{trade_no}/pay", response_model=Payment)
def pay_trade(trade_no: str, body: AlipayTradePayment, write: Write, _: PlatformCaller) -> Any:
    """Pay an Alipay trade (a scanned QR code's ``trade_no``) from the buyer's wallet."""
    return write.run(200, lambda uow: alipay_buyers.pay_trade(
        write.context, uow, trade_no, body.wallet, body.operator_reason))
