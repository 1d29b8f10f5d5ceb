"""The request's context as checkout's routes and pages see it: CheckoutContext, typed."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from paysetu.checkout.usecases.ports import CheckoutContext, WalletCheckoutContext
from paysetu.shell.http.context import WriteRequest, app_context, write_request

Context = Annotated[CheckoutContext, Depends(app_context)]
Write = Annotated[WriteRequest[CheckoutContext], Depends(write_request)]
WalletContext = Annotated[WalletCheckoutContext, Depends(app_context)]
