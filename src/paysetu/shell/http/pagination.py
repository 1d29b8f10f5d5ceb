"""Stripe's list parameters (``limit``, ``starting_after``, ``ending_before``) and list shape."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from paysetu.access.rules.request_errors import RequestRejected, RequestStatus
from paysetu.kernel.pagination import PageRequest

PAGE_SIZE_MAX = 100


def page_request(
    limit: Annotated[int, Query(description="Page size, 1-100.")] = 10,
    starting_after: Annotated[
        str | None, Query(description="Cursor: an id from the previous page.")
    ] = None,
    ending_before: Annotated[
        str | None, Query(description="Cursor: an id from the next page.")
    ] = None,
) -> PageRequest:
    if not 1 <= limit <= PAGE_SIZE_MAX:
        raise RequestRejected(RequestStatus.PARAMETER_INVALID, "limit is 1-100.", "limit")
    if starting_after is not None and ending_before is not None:
        raise RequestRejected(
            RequestStatus.PARAMETER_INVALID,
            "Give starting_after or ending_before, not both.",
            "ending_before",
        )
    return PageRequest(limit, starting_after, ending_before)


def list_object(url: str, data: list[dict[str, Any]], has_more: bool) -> dict[str, Any]:
    return {"object": "list", "url": url, "data": data, "has_more": has_more}
