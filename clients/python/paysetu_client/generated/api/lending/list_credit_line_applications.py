from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.list_of_credit_line_application import ListOfCreditLineApplication
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    else:
        json_status = status
    params["status"] = json_status

    params["limit"] = limit

    json_starting_after: None | str | Unset
    if isinstance(starting_after, Unset):
        json_starting_after = UNSET
    else:
        json_starting_after = starting_after
    params["starting_after"] = json_starting_after

    json_ending_before: None | str | Unset
    if isinstance(ending_before, Unset):
        json_ending_before = UNSET
    else:
        json_ending_before = ending_before
    params["ending_before"] = json_ending_before


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/credit_line_applications",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError | None:
    if response.status_code == 200:
        response_200 = ListOfCreditLineApplication.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError]:
    """ List Credit Line Applications

    Args:
        status (None | str | Unset): submitted, approved or rejected.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (None | str | Unset): Cursor: an id from the previous page.
        ending_before (None | str | Unset): Cursor: an id from the next page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
starting_after=starting_after,
ending_before=ending_before,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError | None:
    """ List Credit Line Applications

    Args:
        status (None | str | Unset): submitted, approved or rejected.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (None | str | Unset): Cursor: an id from the previous page.
        ending_before (None | str | Unset): Cursor: an id from the next page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError
     """


    return sync_detailed(
        client=client,
status=status,
limit=limit,
starting_after=starting_after,
ending_before=ending_before,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError]:
    """ List Credit Line Applications

    Args:
        status (None | str | Unset): submitted, approved or rejected.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (None | str | Unset): Cursor: an id from the previous page.
        ending_before (None | str | Unset): Cursor: an id from the next page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError]
     """


    kwargs = _get_kwargs(
        status=status,
limit=limit,
starting_after=starting_after,
ending_before=ending_before,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    status: None | str | Unset = UNSET,
    limit: int | Unset = 10,
    starting_after: None | str | Unset = UNSET,
    ending_before: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError | None:
    """ List Credit Line Applications

    Args:
        status (None | str | Unset): submitted, approved or rejected.
        limit (int | Unset): Page size, 1-100. Default: 10.
        starting_after (None | str | Unset): Cursor: an id from the previous page.
        ending_before (None | str | Unset): Cursor: an id from the next page.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfCreditLineApplication | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
status=status,
limit=limit,
starting_after=starting_after,
ending_before=ending_before,

    )).parsed
