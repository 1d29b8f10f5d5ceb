from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.marketplace_tax_report import MarketplaceTaxReport
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    month: str,
    marketplace: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["month"] = month

    json_marketplace: None | str | Unset
    if isinstance(marketplace, Unset):
        json_marketplace = UNSET
    else:
        json_marketplace = marketplace
    params["marketplace"] = json_marketplace


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/marketplace_tax_reports",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError | None:
    if response.status_code == 200:
        response_200 = MarketplaceTaxReport.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    marketplace: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError]:
    """ Tax Report

     GST TCS and TDS withheld per seller in a month, net of that month's returns.

    Args:
        month (str): YYYY-MM (UTC).
        marketplace (None | str | Unset): Platform keys: whose.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError]
     """


    kwargs = _get_kwargs(
        month=month,
marketplace=marketplace,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    month: str,
    marketplace: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError | None:
    """ Tax Report

     GST TCS and TDS withheld per seller in a month, net of that month's returns.

    Args:
        month (str): YYYY-MM (UTC).
        marketplace (None | str | Unset): Platform keys: whose.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError
     """


    return sync_detailed(
        client=client,
month=month,
marketplace=marketplace,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    month: str,
    marketplace: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError]:
    """ Tax Report

     GST TCS and TDS withheld per seller in a month, net of that month's returns.

    Args:
        month (str): YYYY-MM (UTC).
        marketplace (None | str | Unset): Platform keys: whose.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError]
     """


    kwargs = _get_kwargs(
        month=month,
marketplace=marketplace,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    month: str,
    marketplace: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError | None:
    """ Tax Report

     GST TCS and TDS withheld per seller in a month, net of that month's returns.

    Args:
        month (str): YYYY-MM (UTC).
        marketplace (None | str | Unset): Platform keys: whose.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | MarketplaceTaxReport | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
month=month,
marketplace=marketplace,

    )).parsed
