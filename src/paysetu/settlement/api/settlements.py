"""``/v1/settlements``: run settlement (platform), read batches, items and payout files.

A merchant key reads only its own batches; another merchant's answer 404
``settlement_not_found``, exactly as a missing one. File names are never taken from the
request: ``{kind}`` picks one of three fixed renderers, and the download's name is built from
the stored batch id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import Field

from paysetu.access.rules.principals import Principal
from paysetu.kernel.pagination import PageRequest
from paysetu.settlement.api.deps import Context
from paysetu.settlement.api.models import Settlement, SettlementItem, SettlementRunReport
from paysetu.settlement.rules.errors import SettlementRejected, SettlementStatus
from paysetu.settlement.stores.pain001 import pain001_xml
from paysetu.settlement.stores.payout_csv import payout_csv, report_csv
from paysetu.settlement.usecases import queries as settlement_queries
from paysetu.settlement.usecases import settlement
from paysetu.settlement.usecases.objects import batch_result_object
from paysetu.settlement.usecases.ports import SettlementContext
from paysetu.shell.http.context import Caller, PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import PAGE_SIZE_MAX, list_object, page_request
from paysetu.shell.http.routing import APIRouter
from paysetu.shell.http.schemas import Body

router = APIRouter(tags=["settlements"])

FILE_KINDS = {
    "pain001": ("application/xml", "pain001.xml"),
    "csv": ("text/csv; charset=utf-8", "payout.csv"),
    "report": ("text/csv; charset=utf-8", "report.csv"),
}
"""The files of a batch: media type and name suffix (``<batch id>-<suffix>``)."""


class SettlementRun(Body):
    date: str = Field(description="The settlement date, YYYY-MM-DD: each merchant's window "
                      "ending with business day date - N (its T+N) is settled.")
    merchant: str | None = Field(default=None, description="Only this merchant (mer_...).")


@router.post("/settlements", response_model=SettlementRunReport)
def run_settlement(body: SettlementRun, context: Context, _: PlatformCaller) -> dict[str, Any]:
    """Settle every merchant and currency (or one merchant) for ``date``; platform only.

    Idempotent: a window already settled answers ``exists`` with its batch. Windows not yet
    closed answer ``window_open``; nothing is changed for them.
    """
    day = settlement_queries.parse_date(body.date)
    results = settlement.settle(context, day, body.merchant)
    return {
        "object": "settlement_run",
        "date": day.isoformat(),
        "outcomes": dict(sorted(Counter(r.outcome.value for r in results).items())),
        "results": [batch_result_object(r) for r in results],
    }


@router.get("/settlements", response_model=ListOf[Settlement])
def list_settlements(
    context: Context,
    caller: Caller,
    page: Annotated[PageRequest, Depends(page_request)],
    merchant: Annotated[str | None, Query(description="Platform: one merchant's.")] = None,
    date: Annotated[str | None, Query(description="Only this settlement date.")] = None,
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = settlement_queries.list_settlements(uow, caller, merchant, date, page)
    return list_object("/v1/settlements", data, has_more)


@router.get("/settlements/{settlement_id}", response_model=Settlement)
def get_settlement(settlement_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return settlement_queries.get_settlement(uow, caller, settlement_id)


@router.get("/settlements/{settlement_id}/items", response_model=ListOf[SettlementItem])
def list_items(
    settlement_id: str,
    context: Context,
    caller: Caller,
    limit: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="Page size.")] = 10,
    starting_after: Annotated[str | None, Query(description="An item id (sti_...).")] = None,
) -> dict[str, Any]:
    """The batch's lines in order: the window's movements, then its own entries."""
    with context.uow_factory() as uow:
        data, has_more = settlement_queries.list_items(
            uow, caller, settlement_id, starting_after, limit)
    return list_object(f"/v1/settlements/{settlement_id}/items", data, has_more)


def _report(context: SettlementContext, caller: Principal, settlement_id: str) -> Iterator[bytes]:
    """The report, streamed from a server-side cursor inside its own read transaction."""
    with context.uow_factory() as uow:
        batch = settlement_queries.visible_batch(uow, caller, settlement_id)
        for line in report_csv(batch, settlement_queries.stream_items(uow, batch)):
            yield line.encode("utf-8")


@router.get(
    "/settlements/{settlement_id}/files/{kind}",
    response_class=Response,
    responses={200: {"description": "The file, as an attachment.", "content": {
        "application/xml": {"schema": {"type": "string"}},
        "text/csv": {"schema": {"type": "string"}},
    }}},
)
def get_file(settlement_id: str, kind: str, context: Context, caller: Caller) -> Response:
    """``pain001`` (ISO 20022 pain.001.001.09), ``csv`` (the payout) or ``report`` (every line).

    A batch whose net was carried forward has no payout: its pain001 and csv answer 404
    ``batch_has_no_payout``; its report is always there. With a live key, pain001 and csv
    answer 409 ``debtor_account_not_configured`` until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``
    names the platform's account in the payout's currency (test keys get a placeholder).
    """
    if kind not in FILE_KINDS:
        raise SettlementRejected(SettlementStatus.FILE_FORMAT_INVALID, param="kind")
    media_type, suffix = FILE_KINDS[kind]
    with context.uow_factory() as uow:
        batch = settlement_queries.visible_batch(uow, caller, settlement_id)
        filename = f"{batch.id}-{suffix}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
        if kind == "report":
            return StreamingResponse(_report(context, caller, batch.id), media_type=media_type,
                                     headers=headers)
        instruction = settlement_queries.payout_instruction(context, uow, caller, batch.id)
    content = pain001_xml(instruction) if kind == "pain001" else payout_csv(instruction).encode()
    return Response(content, media_type=media_type, headers=headers)
