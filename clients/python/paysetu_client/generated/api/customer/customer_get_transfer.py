from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.customer_transfer import CustomerTransfer
from ...models.invalid_request_error import InvalidRequestError
from ...models.not_found_error import NotFoundError
from typing import cast



def _get_kwargs(
    transfer_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/customer/transfers/{transfer_id}".format(transfer_id=quote(str(transfer_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError | None:
    if response.status_code == 200:
        response_200 = CustomerTransfer.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    transfer_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError]:
    """ Customer Get Transfer

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError]
     """


    kwargs = _get_kwargs(
        transfer_id=transfer_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    transfer_id: str,
    *,
    client: AuthenticatedClient,

) -> AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError | None:
    """ Customer Get Transfer

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError
     """


    return sync_detailed(
        transfer_id=transfer_id,
client=client,

    ).parsed

async def asyncio_detailed(
    transfer_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError]:
    """ Customer Get Transfer

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError]
     """


    kwargs = _get_kwargs(
        transfer_id=transfer_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    transfer_id: str,
    *,
    client: AuthenticatedClient,

) -> AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError | None:
    """ Customer Get Transfer

    Args:
        transfer_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | CustomerTransfer | InvalidRequestError | NotFoundError
     """


    return (await asyncio_detailed(
        transfer_id=transfer_id,
client=client,

    )).parsed
