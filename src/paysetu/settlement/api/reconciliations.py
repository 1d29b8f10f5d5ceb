"""``/v1/reconciliations``: import a bank statement and read its reconciliation report (platform).

``POST /v1/reconciliations`` takes the statement file either as a JSON envelope
``{"format": "camt053", "content": "<?xml ..."}`` or as the raw file with its content type
(``application/xml`` or ``text/xml``: camt.053; ``text/csv``: CSV; ``?format=`` overrides).
Statements are at most 10 MiB. A bad file is refused as a whole (400, the first problem's code,
``param`` its line or element path, the message counting the others); the same file posted
again answers with the first import's reconciliation and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import Field, ValidationError

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.settlement.api.deps import Context, Write
from paysetu.settlement.api.models import Reconciliation, ReconciliationLine
from paysetu.settlement.rules.reconciliation import LineCategory
from paysetu.settlement.rules.statements import StatementFormat
from paysetu.settlement.stores.statement_files import read_statement, statement_format
from paysetu.settlement.usecases import reconciliation
from paysetu.settlement.usecases.ports import SettlementUnitOfWork
from paysetu.shell.http.context import PlatformCaller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import PAGE_SIZE_MAX, list_object
from paysetu.shell.http.routing import APIRouter, run_sync
from paysetu.shell.http.schemas import Body
from paysetu.shell.http.validation import rejection_from_errors

router = APIRouter(tags=["reconciliations"])

_RAW_TYPES = {
    "application/xml": StatementFormat.CAMT053,
    "text/xml": StatementFormat.CAMT053,
    "text/csv": StatementFormat.CSV,
}


class StatementUpload(Body):
    format: str = Field(description="`camt053` (ISO 20022 XML) or `csv`.")
    content: str = Field(description="The statement file's text (UTF-8).")


@dataclass(frozen=True, slots=True)
class Upload:
    format: StatementFormat
    content: bytes


async def statement_upload(
    request: Request,
    format: Annotated[str | None, Query(description="Overrides the content type's format.")] = None,
) -> Upload:
    """The statement's bytes and format, from a JSON envelope or a raw upload."""
    body = await request.body()
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == "application/json":
        try:
            envelope = StatementUpload.model_validate_json(body)
        except ValidationError as error:
            raise rejection_from_errors(error.errors()) from None
        return Upload(statement_format(format or envelope.format), envelope.content.encode())
    if format is not None:
        return Upload(statement_format(format), body)
    if media_type not in _RAW_TYPES:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "Send JSON {format, content}, or the file as application/xml, text/xml or text/csv.",
            "Content-Type",
        )
    return Upload(_RAW_TYPES[media_type], body)


_UPLOAD_DOCS = {
    "requestBody": {
        "required": True,
        "description": "The statement: a JSON envelope, or the file itself (at most 10 MiB).",
        "content": {
            "application/json": {"schema": StatementUpload.model_json_schema()},
            "application/xml": {"schema": {"type": "string", "description": "camt.053"}},
            "text/csv": {"schema": {"type": "string", "description": "paysetu's CSV"}},
        },
    }
}


@router.post("/reconciliations", response_model=Reconciliation, openapi_extra=_UPLOAD_DOCS)
async def create_reconciliation(
    upload: Annotated[Upload, Depends(statement_upload)], write: Write, _: PlatformCaller
) -> Any:
    """Import a statement, match it against payouts, store the report, mark matches paid."""
    statement = await run_sync(read_statement, upload.content, upload.format)

    def work(uow: SettlementUnitOfWork) -> dict[str, Any]:
        run, _created = reconciliation.reconcile_statement(write.context, uow, statement)
        return reconciliation.reconciliation_object(run)

    return await run_sync(write.run, 200, work)


@router.get("/reconciliations/{reconciliation_id}", response_model=Reconciliation)
def get_reconciliation(
    reconciliation_id: str, context: Context, _: PlatformCaller
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return reconciliation.reconciliation_object(reconciliation.get_run(uow, reconciliation_id))


@router.get("/reconciliations", response_model=ListOf[Reconciliation])
def list_reconciliations(
    context: Context,
    _: PlatformCaller,
    limit: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="Page size, 1-100.")] = 10,
    starting_after: Annotated[str | None, Query(description="Cursor: a rec_ id.")] = None,
) -> dict[str, Any]:
    """Newest first."""
    with context.uow_factory() as uow:
        runs, has_more = uow.reconciliations.list_runs(limit, starting_after)
    data = [reconciliation.reconciliation_object(run) for run in runs]
    return list_object("/v1/reconciliations", data, has_more)


@router.get(
    "/reconciliations/{reconciliation_id}/lines", response_model=ListOf[ReconciliationLine]
)
def list_reconciliation_lines(
    reconciliation_id: str,
    context: Context,
    _: PlatformCaller,
    category: Annotated[LineCategory | None, Query(description="Only this category.")] = None,
    limit: Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="Page size, 1-100.")] = 10,
    starting_after: Annotated[
        int, Query(ge=0, description="Cursor: the position of the previous page's last line.")
    ] = 0,
) -> dict[str, Any]:
    """The report in order: the statement's lines (file order), then the missing payouts."""
    with context.uow_factory() as uow:
        results, has_more = reconciliation.list_lines(
            uow, reconciliation_id, category, starting_after, limit)
    data = [reconciliation.line_object(reconciliation_id, r) for r in results]
    return list_object(f"/v1/reconciliations/{reconciliation_id}/lines", data, has_more)
