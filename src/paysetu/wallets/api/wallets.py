"""``/v1/wallets``: customers' wallets and their movements (top-up, transfer, withdrawal)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from paysetu.kernel.pagination import PageRequest
from paysetu.shell.http.context import PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import WalletCreate, WalletMovement, WalletTransfer
from paysetu.wallets.api.deps import Context, Write
from paysetu.wallets.api.models import Wallet, WalletMovementResult
from paysetu.wallets.usecases import wallets
from paysetu.wallets.usecases.objects import wallet_object

router = APIRouter(tags=["wallets"])


@router.post("/wallets", response_model=Wallet)
def create_wallet(body: WalletCreate, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: wallets.create_wallet(
        write.context, uow, body.customer, body.currency))


@router.get("/wallets/{wallet_id}", response_model=Wallet)
def get_wallet(wallet_id: str, context: Context, _: PlatformCaller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return wallet_object(wallets.get_wallet(uow, wallet_id))


@router.get("/wallets", response_model=ListOf[Wallet])
def list_wallets(
    context: Context,
    _: PlatformCaller,
    page: Annotated[PageRequest, Depends(page_request)],
    customer: Annotated[str | None, Query(description="Only this customer's wallets.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        items, has_more = uow.wallets.list_page(customer, page)
    return list_object("/v1/wallets", [wallet_object(w) for w in items], has_more)


@router.post("/wallets/{wallet_id}/top_ups", response_model=WalletMovementResult)
def top_up(wallet_id: str, body: WalletMovement, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: wallets.top_up(
        write.context, uow, wallet_id, body.amount_minor, body.currency, body.metadata))


@router.post("/wallets/{wallet_id}/transfers", response_model=WalletMovementResult)
def transfer(wallet_id: str, body: WalletTransfer, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: wallets.transfer(
        write.context, uow, wallet_id, body.destination, body.amount_minor, body.currency,
        body.metadata))


@router.post("/wallets/{wallet_id}/withdrawals", response_model=WalletMovementResult)
def withdraw(wallet_id: str, body: WalletMovement, write: Write, _: PlatformCaller) -> Any:
    return write.run(200, lambda uow: wallets.withdraw(
        write.context, uow, wallet_id, body.amount_minor, body.currency, body.metadata))
