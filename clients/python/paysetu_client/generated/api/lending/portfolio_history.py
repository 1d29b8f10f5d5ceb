from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.lending_portfolio_history import LendingPortfolioHistory
from ...models.not_found_error import NotFoundError
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: None | str | Unset
    if isinstance(from_, Unset):
        json_from_ = UNSET
    else:
        json_from_ = from_
    params["from"] = json_from_

    json_to: None | str | Unset
    if isinstance(to, Unset):
        json_to = UNSET
    else:
        json_to = to
    params["to"] = json_to


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/lending/portfolio_history",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError | None:
    if response.status_code == 200:
        response_200 = LendingPortfolioHistory.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError]:
    """ Portfolio History

     Per business day, lender, category and currency, as each close of business found the
    book: loans, outstanding principal, PAR 30/60/90, NPA and provisions (at most 366
    days; 400 ``date_range_invalid`` otherwise).

    Args:
        from_ (None | str | Unset): First business day, YYYY-MM-DD; default: 365 days before `to`.
        to (None | str | Unset): Last business day, YYYY-MM-DD; default: the last day closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError | None:
    """ Portfolio History

     Per business day, lender, category and currency, as each close of business found the
    book: loans, outstanding principal, PAR 30/60/90, NPA and provisions (at most 366
    days; 400 ``date_range_invalid`` otherwise).

    Args:
        from_ (None | str | Unset): First business day, YYYY-MM-DD; default: 365 days before `to`.
        to (None | str | Unset): Last business day, YYYY-MM-DD; default: the last day closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError
     """


    return sync_detailed(
        client=client,
from_=from_,
to=to,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,

) -> Response[AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError]:
    """ Portfolio History

     Per business day, lender, category and currency, as each close of business found the
    book: loans, outstanding principal, PAR 30/60/90, NPA and provisions (at most 366
    days; 400 ``date_range_invalid`` otherwise).

    Args:
        from_ (None | str | Unset): First business day, YYYY-MM-DD; default: 365 days before `to`.
        to (None | str | Unset): Last business day, YYYY-MM-DD; default: the last day closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError]
     """


    kwargs = _get_kwargs(
        from_=from_,
to=to,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: None | str | Unset = UNSET,
    to: None | str | Unset = UNSET,

) -> AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError | None:
    """ Portfolio History

     Per business day, lender, category and currency, as each close of business found the
    book: loans, outstanding principal, PAR 30/60/90, NPA and provisions (at most 366
    days; 400 ``date_range_invalid`` otherwise).

    Args:
        from_ (None | str | Unset): First business day, YYYY-MM-DD; default: 365 days before `to`.
        to (None | str | Unset): Last business day, YYYY-MM-DD; default: the last day closed.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | LendingPortfolioHistory | NotFoundError
     """


    return (await asyncio_detailed(
        client=client,
from_=from_,
to=to,

    )).parsed
