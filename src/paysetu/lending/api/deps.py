"""The request's context as lending's routes and pages see it: LendingContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.lending.usecases.ports import LendingContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[LendingContext, Depends(app_context)]
Write = Annotated[WriteRequest[LendingContext], Depends(write_request)]
