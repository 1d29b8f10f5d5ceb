"""The request's context as payments's routes and pages see it: PaymentsContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.payments.usecases.ports import PaymentsContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[PaymentsContext, Depends(app_context)]
Write = Annotated[WriteRequest[PaymentsContext], Depends(write_request)]
