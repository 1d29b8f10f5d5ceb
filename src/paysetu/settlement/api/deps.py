"""The request's context as settlement's routes and pages see it: SettlementContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.settlement.usecases.ports import SettlementContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[SettlementContext, Depends(app_context)]
Write = Annotated[WriteRequest[SettlementContext], Depends(write_request)]
