from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.authentication_error import AuthenticationError
from ...models.invalid_request_error import InvalidRequestError
from ...models.not_found_error import NotFoundError
from typing import cast



def _get_kwargs(
    settlement_id: str,
    kind: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/settlements/{settlement_id}/files/{kind}".format(settlement_id=quote(str(settlement_id), safe=""),kind=quote(str(kind), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuthenticationError | InvalidRequestError | NotFoundError | str | None:
    if response.status_code == 200:
        response_200 = response.text
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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuthenticationError | InvalidRequestError | NotFoundError | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    settlement_id: str,
    kind: str,
    *,
    client: AuthenticatedClient,

) -> Response[AuthenticationError | InvalidRequestError | NotFoundError | str]:
    """ Get File

     ``pain001`` (ISO 20022 pain.001.001.09), ``csv`` (the payout) or ``report`` (every line).

    A batch whose net was carried forward has no payout: its pain001 and csv answer 404
    ``batch_has_no_payout``; its report is always there. With a live key, pain001 and csv
    answer 409 ``debtor_account_not_configured`` until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``
    names the platform's account in the payout's currency (test keys get a placeholder).

    Args:
        settlement_id (str):
        kind (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | NotFoundError | str]
     """


    kwargs = _get_kwargs(
        settlement_id=settlement_id,
kind=kind,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    settlement_id: str,
    kind: str,
    *,
    client: AuthenticatedClient,

) -> AuthenticationError | InvalidRequestError | NotFoundError | str | None:
    """ Get File

     ``pain001`` (ISO 20022 pain.001.001.09), ``csv`` (the payout) or ``report`` (every line).

    A batch whose net was carried forward has no payout: its pain001 and csv answer 404
    ``batch_has_no_payout``; its report is always there. With a live key, pain001 and csv
    answer 409 ``debtor_account_not_configured`` until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``
    names the platform's account in the payout's currency (test keys get a placeholder).

    Args:
        settlement_id (str):
        kind (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | NotFoundError | str
     """


    return sync_detailed(
        settlement_id=settlement_id,
kind=kind,
client=client,

    ).parsed

async def asyncio_detailed(
    settlement_id: str,
    kind: str,
    *,
    client: AuthenticatedClient,

) -> Response[AuthenticationError | InvalidRequestError | NotFoundError | str]:
    """ Get File

     ``pain001`` (ISO 20022 pain.001.001.09), ``csv`` (the payout) or ``report`` (every line).

    A batch whose net was carried forward has no payout: its pain001 and csv answer 404
    ``batch_has_no_payout``; its report is always there. With a live key, pain001 and csv
    answer 409 ``debtor_account_not_configured`` until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``
    names the platform's account in the payout's currency (test keys get a placeholder).

    Args:
        settlement_id (str):
        kind (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuthenticationError | InvalidRequestError | NotFoundError | str]
     """


    kwargs = _get_kwargs(
        settlement_id=settlement_id,
kind=kind,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    settlement_id: str,
    kind: str,
    *,
    client: AuthenticatedClient,

) -> AuthenticationError | InvalidRequestError | NotFoundError | str | None:
    """ Get File

     ``pain001`` (ISO 20022 pain.001.001.09), ``csv`` (the payout) or ``report`` (every line).

    A batch whose net was carried forward has no payout: its pain001 and csv answer 404
    ``batch_has_no_payout``; its report is always there. With a live key, pain001 and csv
    answer 409 ``debtor_account_not_configured`` until ``PAYSETU_SETTLEMENT_DEBTOR_ACCOUNTS``
    names the platform's account in the payout's currency (test keys get a placeholder).

    Args:
        settlement_id (str):
        kind (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuthenticationError | InvalidRequestError | NotFoundError | str
     """


    return (await asyncio_detailed(
        settlement_id=settlement_id,
kind=kind,
client=client,

    )).parsed
