from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.line_category import LineCategory
from ...models.list_of_reconciliation_line import ListOfReconciliationLine
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    reconciliation_id: str,
    *,
    category: LineCategory | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: int | Unset = 0,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_category: None | str | Unset
    if isinstance(category, Unset):
        json_category = UNSET
    elif isinstance(category, LineCategory):
        json_category = category.value
    else:
        json_category = category
    params["category"] = json_category

    params["limit"] = limit

    params["starting_after"] = starting_after


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reconciliations/{reconciliation_id}/lines".format(reconciliation_id=quote(str(reconciliation_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError | None:
    if response.status_code == 200:
        response_200 = ListOfReconciliationLine.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = InvalidRequestError.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = AuthenticationError.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())



        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    reconciliation_id: str,
    *,
    client: AuthenticatedClient,
    category: LineCategory | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: int | Unset = 0,

) -> Response[AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError]:
    """ List Reconciliation Lines

     The report in order: the statement's lines (file order), then the missing payouts.

    Args:
        reconciliation_id (str):
        category (LineCategory | None | Unset): Only this category.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (int | Unset): Cursor: the position of the previous page's last line.
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError]
     """


    kwargs = _get_kwargs(
        reconciliation_id=reconciliation_id,
category=category,
limit=limit,
starting_after=starting_after,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    reconciliation_id: str,
    *,
    client: AuthenticatedClient,
    category: LineCategory | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: int | Unset = 0,

) -> AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError | None:
    """ List Reconciliation Lines

     The report in order: the statement's lines (file order), then the missing payouts.

    Args:
        reconciliation_id (str):
        category (LineCategory | None | Unset): Only this category.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (int | Unset): Cursor: the position of the previous page's last line.
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError
     """


    return sync_detailed(
        reconciliation_id=reconciliation_id,
client=client,
category=category,
limit=limit,
starting_after=starting_after,

    ).parsed

async def asyncio_detailed(
    reconciliation_id: str,
    *,
    client: AuthenticatedClient,
    category: LineCategory | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: int | Unset = 0,

) -> Response[AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError]:
    """ List Reconciliation Lines

     The report in order: the statement's lines (file order), then the missing payouts.

    Args:
        reconciliation_id (str):
        category (LineCategory | None | Unset): Only this category.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (int | Unset): Cursor: the position of the previous page's last line.
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError]
     """


    kwargs = _get_kwargs(
        reconciliation_id=reconciliation_id,
category=category,
limit=limit,
starting_after=starting_after,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    reconciliation_id: str,
    *,
    client: AuthenticatedClient,
    category: LineCategory | None | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: int | Unset = 0,

) -> AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError | None:
    """ List Reconciliation Lines

     The report in order: the statement's lines (file order), then the missing payouts.

    Args:
        reconciliation_id (str):
        category (LineCategory | None | Unset): Only this category.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (int | Unset): Cursor: the position of the previous page's last line.
            Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfReconciliationLine | NotFoundError
     """


    return (await asyncio_detailed(
        reconciliation_id=reconciliation_id,
client=client,
category=category,
limit=limit,
starting_after=starting_after,

    )).parsed
