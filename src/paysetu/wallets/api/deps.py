"""The request's context as wallets's routes and pages see it: WalletsContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.shell.http.context import WriteRequest, app_context, write_request
from paysetu.wallets.usecases.ports import WalletsContext

Context = Annotated[WalletsContext, Depends(app_context)]
Write = Annotated[WriteRequest[WalletsContext], Depends(write_request)]
