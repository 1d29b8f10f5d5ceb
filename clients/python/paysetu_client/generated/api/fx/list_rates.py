from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.list_of_fx_rate import ListOfFxRate
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    currency: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_currency: None | str | Unset
    if isinstance(currency, Unset):
        json_currency = UNSET
    else:
        json_currency = currency
    params["currency"] = json_currency


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/fx_rates",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError | None:
    if response.status_code == 200:
        response_200 = ListOfFxRate.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError]:
    """ List Rates

     The manual rate table, newest first (at most 1,000 rows).

    Args:
        currency (None | str | Unset): Only pairs with this currency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError]
     """


    kwargs = _get_kwargs(
        currency=currency,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    currency: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError | None:
    """ List Rates

     The manual rate table, newest first (at most 1,000 rows).

    Args:
        currency (None | str | Unset): Only pairs with this currency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError
     """


    return sync_detailed(
        client=client,
currency=currency,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError]:
    """ List Rates

     The manual rate table, newest first (at most 1,000 rows).

    Args:
        currency (None | str | Unset): Only pairs with this currency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError]
     """


    kwargs = _get_kwargs(
        currency=currency,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    currency: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError | None:
    """ List Rates

     The manual rate table, newest first (at most 1,000 rows).

    Args:
        currency (None | str | Unset): Only pairs with this currency.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | ListOfFxRate | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
currency=currency,

    )).parsed
