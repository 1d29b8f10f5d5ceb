"""The request's context as alipay's routes and pages see it: AlipayContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.alipay.usecases.ports import AlipayContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[AlipayContext, Depends(app_context)]
Write = Annotated[WriteRequest[AlipayContext], Depends(write_request)]
