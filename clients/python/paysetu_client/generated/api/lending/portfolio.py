from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.lending_portfolio import LendingPortfolio
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    month: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_month: None | str | Unset
    if isinstance(month, Unset):
        json_month = UNSET
    else:
        json_month = month
    params["month"] = json_month


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending/portfolio",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError | None:
    if response.status_code == 200:
        response_200 = LendingPortfolio.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError]:
    """ Portfolio

     Per lender, category and currency: loans, outstanding principal, PAR 30/60/90, NPA
    ratio and provisions as of the last close of business; disbursed and repaid in the
    month.

    Args:
        month (None | str | Unset): YYYY-MM; default: this month.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError]
     """


    kwargs = _get_kwargs(
        month=month,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError | None:
    """ Portfolio

     Per lender, category and currency: loans, outstanding principal, PAR 30/60/90, NPA
    ratio and provisions as of the last close of business; disbursed and repaid in the
    month.

    Args:
        month (None | str | Unset): YYYY-MM; default: this month.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError
     """


    return sync_detailed(
        client=client,
month=month,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError]:
    """ Portfolio

     Per lender, category and currency: loans, outstanding principal, PAR 30/60/90, NPA
    ratio and provisions as of the last close of business; disbursed and repaid in the
    month.

    Args:
        month (None | str | Unset): YYYY-MM; default: this month.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError]
     """


    kwargs = _get_kwargs(
        month=month,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    month: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError | None:
    """ Portfolio

     Per lender, category and currency: loans, outstanding principal, PAR 30/60/90, NPA
    ratio and provisions as of the last close of business; disbursed and repaid in the
    month.

    Args:
        month (None | str | Unset): YYYY-MM; default: this month.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | LendingPortfolio | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
month=month,

    )).parsed
