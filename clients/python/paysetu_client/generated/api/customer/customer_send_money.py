from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.conflict_error import ConflictError
from ...models.customer_transfer import CustomerTransfer
from ...models.declined_error import DeclinedError
from ...models.invalid_request_error import InvalidRequestError
from ...models.not_found_error import NotFoundError
from ...models.transfer_create import TransferCreate
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: TransferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/customer/transfers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError | None:
    if response.status_code == 200:
        response_200 = CustomerTransfer.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = InvalidRequestError.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = AuthenticationError.from_dict(response.json())



        return response_401

    if response.status_code == 402:
        response_402 = DeclinedError.from_dict(response.json())



        return response_402

    if response.status_code == 404:
        response_404 = NotFoundError.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = ConflictError.from_dict(response.json())



        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TransferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError]:
    """ Customer Send Money

     Send money from the customer's wallet to the number's wallet in the same currency,
    with the PIN: one ledger entry, ``consent: customer``.

    Args:
        idempotency_key (None | str | Unset):
        body (TransferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: TransferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError | None:
    """ Customer Send Money

     Send money from the customer's wallet to the number's wallet in the same currency,
    with the PIN: one ledger entry, ``consent: customer``.

    Args:
        idempotency_key (None | str | Unset):
        body (TransferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TransferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> Response[AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError]:
    """ Customer Send Money

     Send money from the customer's wallet to the number's wallet in the same currency,
    with the PIN: one ledger entry, ``consent: customer``.

    Args:
        idempotency_key (None | str | Unset):
        body (TransferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TransferCreate,
    idempotency_key: None | str | Unset = UNSET,

) -> AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError | None:
    """ Customer Send Money

     Send money from the customer's wallet to the number's wallet in the same currency,
    with the PIN: one ledger entry, ``consent: customer``.

    Args:
        idempotency_key (None | str | Unset):
        body (TransferCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | ConflictError | CustomerTransfer | DeclinedError | InvalidRequestError | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
