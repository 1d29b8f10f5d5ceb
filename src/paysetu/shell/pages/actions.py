"""What the pages share around the services: writes with retry, 404 pages, field errors.

* :func:`write` runs one use case in its own transaction, retried on a transient database
  conflict exactly as the API's writes are (:func:`paysetu.access.usecases.idempotency.execute`
  without a key); a refusal propagates as the service raised it.
* :func:`visible_or_404` turns a "not found" refusal (someone else's object, or none) into the
  404 page: a page never tells another merchant's object from a missing one.
* :class:`FieldError` is what a form template needs to show a refusal next to its field.
* :func:`act_then_return` is a page button's whole action: the write, then back to the page
  with a message, or the page again with the refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi.responses import Response

from paysetu.access.rules.principals import Principal
from paysetu.access.usecases.idempotency import ApiResponse, RequestFingerprint, execute
from paysetu.access.usecases.ports import AccessContext, AccessUnitOfWork
from paysetu.ledger.rules.errors import ErrorCategory, PaysetuError
from paysetu.shell.http.error_mapping import http_status
from paysetu.shell.pages.auth import page_not_found
from paysetu.shell.pages.rendering import redirect


def write(
    context: AccessContext, caller: Principal, what: str, work: Callable[[Any], Any]
) -> Any:
    """``work(uow)`` committed once (``uow`` comes from ``context``, typed by the caller);
    ``what`` names the action (``"POST /dashboard/..."``)."""
    method, _, path = what.partition(" ")

    def as_response(uow: AccessUnitOfWork) -> ApiResponse:
        return ApiResponse(200, work(uow))

    def refusal(error: PaysetuError) -> ApiResponse:  # only used with a key: never here
        raise error

    response, _ = execute(context, caller, None, RequestFingerprint(method, path, ""),
                          as_response, refusal)
    return response.body


@contextmanager
def visible_or_404() -> Iterator[None]:
    """Inside: a ``not_found`` refusal becomes the 404 page."""
    try:
        yield
    except PaysetuError as error:
        if error.code.category is ErrorCategory.NOT_FOUND:
            raise page_not_found() from error
        raise


@dataclass(frozen=True, slots=True)
class FieldError:
    """A refusal as a form shows it: next to the field ``param`` names, or above the form.

    Attributes:
        code: The refusal's code (``refund_exceeds_captured``).
        message: The sentence shown.
        param: The form field at fault (the API's ``param``, mapped to the form's name).
        status: The HTTP status the page answers with (the API's for this code).
    """

    code: str
    message: str
    param: str | None
    status: int

    @classmethod
    def of(cls, error: PaysetuError, fields: dict[str, str] | None = None) -> FieldError:
        """``error`` with its ``param`` renamed through ``fields`` (API name -> form name)."""
        param = error.param if fields is None else fields.get(error.param or "", error.param)
        return cls(str(error.code), error.message, param, http_status(error))


def act_then_return(
    context: AccessContext, caller: Principal, what: str, work: Callable[[Any], Any], *,
    page: str, done: str, refused: Callable[[FieldError], Response],
) -> Response:
    """``work`` committed by :func:`write` (someone else's object: the 404 page), then a
    redirect to ``page`` flashing ``done``; a refusal is ``refused(its FieldError)``, the page
    drawn again with it."""
    try:
        with visible_or_404():
            write(context, caller, what, work)
    except PaysetuError as refusal:
        return refused(FieldError.of(refusal))
    return redirect(page, flash=done)
