"""The request's context as the marketplace's routes see it: MarketplaceContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.marketplace.usecases.ports import MarketplaceContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[MarketplaceContext, Depends(app_context)]
Write = Annotated[WriteRequest[MarketplaceContext], Depends(write_request)]
