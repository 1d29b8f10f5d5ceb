"""Dashboard settlements: the merchant's batches, one batch's lines, its payout files.

The files are the API's (:func:`paysetu.settlement.api.settlements.get_file`), asked
for as the signed-in merchant: another merchant's batch, or a file a carried-forward batch does
not have, is the 404 page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request
from fastapi.responses import HTMLResponse, Response

from paysetu.kernel.pagination import PageRequest
from paysetu.settlement.api.deps import Context
from paysetu.settlement.api.settlements import FILE_KINDS, get_file
from paysetu.settlement.usecases import queries as settlement_queries
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.pages.actions import visible_or_404
from paysetu.shell.pages.auth import (
    MerchantSession,
    page_not_found,
    principal_of,
)
from paysetu.shell.pages.rendering import render

router = APIRouter(include_in_schema=False)
PER_PAGE = 25
ITEMS_PER_PAGE = 100


@router.get("/dashboard/settlements", response_class=HTMLResponse)
def settlement_list(
    request: Request, context: Context, session: MerchantSession,
    after: Annotated[str | None, Query()] = None,
) -> Response:
    with visible_or_404(), context.uow_factory() as uow:
        batches, has_more = settlement_queries.list_settlements(
            uow, principal_of(session), None, None,
            PageRequest(limit=PER_PAGE, starting_after=after))
    return render(request, "dashboard/settlements.html",
                  {"batches": batches, "has_more": has_more})


@router.get("/dashboard/settlements/{batch_id}", response_class=HTMLResponse)
def settlement_detail(
    request: Request, batch_id: str, context: Context, session: MerchantSession,
    after: Annotated[str | None, Query()] = None,
) -> Response:
    caller = principal_of(session)
    with visible_or_404(), context.uow_factory() as uow:
        batch = settlement_queries.get_settlement(uow, caller, batch_id)
        items, has_more = settlement_queries.list_items(uow, caller, batch_id, after,
                                                        ITEMS_PER_PAGE)
    files = [kind for kind in FILE_KINDS if kind == "report" or batch["payout"]]
    return render(request, "dashboard/settlement.html",
                  {"batch": batch, "items": items, "has_more": has_more, "files": files})


@router.get("/dashboard/settlements/{batch_id}/files/{kind}")
def settlement_file(
    batch_id: str, kind: str, context: Context, session: MerchantSession
) -> Response:
    if kind not in FILE_KINDS:
        raise page_not_found()
    with visible_or_404():
        return get_file(batch_id, kind, context, principal_of(session))
