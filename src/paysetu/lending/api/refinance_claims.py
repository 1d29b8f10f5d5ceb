"""``/v1/refinance_claims``: a lender's standard loans refinanced by the apex refinancer.

A lender key claims for itself and sees its own claims; the apex sees the claims it paid; the
platform does everything (naming the lender). Merchants get 404.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends

from paysetu.kernel.pagination import PageRequest
from paysetu.lending.api.deps import Context, Write
from paysetu.lending.api.models import RefinanceClaim
from paysetu.lending.api.schemas import RefinanceClaimCreate
from paysetu.lending.usecases import loan_refinance
from paysetu.shell.http.context import Caller
from paysetu.shell.http.objects import ListOf
from paysetu.shell.http.pagination import list_object, page_request
from paysetu.shell.http.routing import APIRouter

router = APIRouter(tags=["lending"])


@router.post("/refinance_claims", response_model=RefinanceClaim)
def submit_claim(body: RefinanceClaimCreate, write: Write) -> Any:
    """Refinance the lender's eligible loans: the apex pays the share of their outstanding
    principal into the lender's funding account now (402 ``apex_funds_insufficient`` when it
    cannot); the lender passes the share of each principal repayment back."""
    return write.run(200, lambda uow: loan_refinance.submit_claim(
        write.context, uow, write.caller, body.lender, body.currency, body.share_bps,
        body.loans))


@router.get("/refinance_claims/{claim_id}", response_model=RefinanceClaim)
def get_claim(claim_id: str, context: Context, caller: Caller) -> dict[str, Any]:
    with context.uow_factory() as uow:
        return loan_refinance.get_claim(uow, caller, claim_id)


@router.get("/refinance_claims", response_model=ListOf[RefinanceClaim])
def list_claims(
    context: Context, caller: Caller, page: Annotated[PageRequest, Depends(page_request)]
) -> dict[str, Any]:
    with context.uow_factory() as uow:
        data, has_more = loan_refinance.list_claims(uow, caller, page)
    return list_object("/v1/refinance_claims", data, has_more)
