"""``/gateway.do``: verify an Alipay OpenAPI request, run its method, sign the answer.

Checks, in order (each refusal is Alipay's code and sub-code, see
:mod:`paysetu.alipay.rules.errors`): the common parameters are present and well formed; the
app exists; the method is one the gateway offers; ``sign`` verifies with the app's public key
over the parameters exactly as received; ``timestamp``, read in the app's zone (the SDK sends
its host's local time without a zone; default ``Asia/Shanghai``, Alipay's own assumption), is
within the tolerance window of the platform clock. The signature of every accepted request
that changes something is remembered with its answer, in the method's own transaction, until
its timestamp leaves the window. The SDK's timestamp has one-second precision and PKCS#1 v1.5
signatures are deterministic, so two identical calls within the same second are one request:
the second (a merchant resending after a lost response) gets the first one's answer again, byte
for byte, and nothing runs twice. A replay after the window fails the timestamp check. Queries
and browser redirects are not remembered (:data:`NOT_REMEMBERED`): they simply run again.

The method then runs in that one database transaction, acting as the app's merchant. A refusal
(the gateway's or a paysetu service's, translated) rolls everything back, the remembered
signature included: nothing is written. Every answer, refusals included, is signed with the
platform key using the request's ``sign_type`` (RSA2 when it has none usable), because the SDK
raises on an unsigned answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from paysetu.alipay.rules.errors import AlipayError, AlipayRefused
from paysetu.alipay.rules.gateway import (
    BROWSER_METHODS,
    SIGN_TYPES,
    Method,
    biz_content,
    check_timestamp,
    common_params,
    parse_timestamp,
    request_sign_content,
    response_body,
    response_key,
    response_text,
)
from paysetu.alipay.usecases import alipay_pages, alipay_refunds, alipay_trades, alipay_transfers
from paysetu.alipay.usecases.alipay_calls import GatewayCall, translated
from paysetu.alipay.usecases.ports import AlipayContext, AlipayPolicy, AlipayUnitOfWork
from paysetu.kernel.ports import TransientConflictError
from paysetu.ledger.rules.errors import PaysetuError

SUCCESS = {"code": "10000", "msg": "Success"}
NOT_REMEMBERED = frozenset({Method.QUERY, Method.REFUND_QUERY, *BROWSER_METHODS})
"""Requests whose replay is harmless, so their signatures are not remembered: queries change
nothing (and clients poll them: identical calls within one second are normal); a browser
method only reopens its trade (idempotent by out_trade_no), and browsers reload pages."""
APP_ID_LENGTH_MAX = 32

METHODS: Mapping[Method, Callable[[GatewayCall], dict[str, Any]]] = {
    Method.PRECREATE: alipay_trades.precreate,
    Method.CREATE: alipay_trades.create,
    Method.PAY: alipay_trades.pay,
    Method.QUERY: alipay_trades.query,
    Method.CLOSE: alipay_refunds.close,
    Method.CANCEL: alipay_refunds.cancel,
    Method.REFUND: alipay_refunds.refund,
    Method.REFUND_QUERY: alipay_refunds.refund_query,
    Method.TRANSFER: alipay_transfers.transfer,
    Method.PAGE_PAY: alipay_pages.page_pay,
    Method.WAP_PAY: alipay_pages.page_pay,
}


@dataclass(frozen=True, slots=True)
class _Verified:
    """A verified call and the digest its answer is remembered under (None: not remembered)."""

    call: GatewayCall
    digest: bytes | None


def _verified(ctx: AlipayContext, policy: AlipayPolicy, uow: AlipayUnitOfWork,
              params: Mapping[str, str], base_url: str) -> _Verified | str:
    """The call, once every check of the module docstring passed (the signature remembered),
    or the remembered answer of the identical request accepted before."""
    common = common_params(params)
    app = None
    if len(common.app_id) <= APP_ID_LENGTH_MAX and common.app_id.isascii():
        app = uow.alipay.get_app(common.app_id)
    if app is None:
        raise AlipayRefused(AlipayError.INVALID_APP_ID)
    if common.method not in {m.value for m in Method}:
        raise AlipayRefused(AlipayError.INVALID_METHOD)
    if not policy.keys.verify(app.public_key_pem, request_sign_content(params), common.sign,
                              common.sign_type):
        raise AlipayRefused(AlipayError.INVALID_SIGNATURE)
    policy = policy.for_app(app)
    sent_at = parse_timestamp(common.timestamp, policy.timezone)
    now = ctx.clock.now()
    check_timestamp(sent_at, now, policy.timestamp_tolerance_s)
    digest = None
    if Method(common.method) not in NOT_REMEMBERED:
        digest = hashlib.sha256(common.sign.encode()).digest()
        forget_after = sent_at + timedelta(seconds=policy.timestamp_tolerance_s)
        if not uow.alipay.remember_request(app.id, digest, forget_after, now):
            earlier = uow.alipay.remembered_response(app.id, digest)
            if earlier is None:  # remembered before answers were (revision 0015)
                raise AlipayRefused(AlipayError.REPLAYED_REQUEST)
            return earlier
    call = GatewayCall(ctx, uow, policy, app, common, biz_content(common.biz_content), base_url)
    return _Verified(call, digest)


def _run(ctx: AlipayContext, policy: AlipayPolicy, params: Mapping[str, str],
         base_url: str) -> dict[str, Any] | str:
    """The answer's fields, or the text of the answer an identical request got before."""
    with ctx.uow_factory() as uow:
        verified = _verified(ctx, policy, uow, params, base_url)
        if isinstance(verified, str):
            return verified
        call = verified.call
        try:
            fields = {**SUCCESS, **METHODS[Method(call.common.method)](call)}
        except PaysetuError as error:
            raise translated(error) from None
        if verified.digest is not None:
            uow.alipay.store_response(call.app.id, verified.digest, response_text(fields))
        uow.commit()
    return fields


def refusal_fields(refusal: AlipayRefused) -> dict[str, str]:
    error = refusal.error
    return {"code": error.code, "msg": error.msg, "sub_code": error.sub_code,
            "sub_msg": refusal.detail}


@dataclass(frozen=True, slots=True)
class GatewayAnswer:
    """What the gateway answers: the signed JSON ``body``, or for a browser method that
    succeeded, the ``redirect`` to the hosted checkout page; ``refusal`` is the refusal's
    fields (``sub_code``, ``sub_msg``, ...) when the call was refused."""

    body: str
    redirect: str | None = None
    refusal: Mapping[str, str] | None = None


def answer(ctx: AlipayContext, policy: AlipayPolicy, params: Mapping[str, str],
           base_url: str) -> GatewayAnswer:
    """The signed response (or the browser's redirect) for one gateway request; URLs it hands
    out start with the configured public origin, else ``base_url`` (the request's)."""
    base_url = policy.public_base_url or base_url
    result: dict[str, Any] | str
    refused: dict[str, str] | None = None
    try:
        result = _run(ctx, policy, params, base_url)
    except AlipayRefused as refusal:
        result = refused = refusal_fields(refusal)
    except TransientConflictError:
        result = refused = refusal_fields(AlipayRefused(AlipayError.SYSTEM_ERROR))
    redirect = None if isinstance(result, str) else result.pop(alipay_pages.REDIRECT, None)
    text = result if isinstance(result, str) else response_text(result)
    sign_type = params.get("sign_type", "")
    signature = policy.keys.sign(text, sign_type if sign_type in SIGN_TYPES else SIGN_TYPES[0])
    return GatewayAnswer(response_body(response_key(params.get("method")), text, signature),
                         redirect, refused)
