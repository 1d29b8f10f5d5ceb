"""Sign-in with a mobile number and a one-time code; customer sessions.

Asking for a code is one short transaction: it counts the request against the number's and
the client address's windows (one upsert each, under the row's lock, so parallel requests
count one by one), and only when both are within their limits writes the code (replacing any
older one) and queues its text message. A refused request still commits its counts.
Unknown numbers get the same answer, and cost the same, but no message: the answer does not
tell whether a number has a wallet.

Checking a code is two: the first counts the check (one UPDATE that refuses a used-up code),
and commits; the comparison then runs with no transaction open; on success the second
deletes the code (it works once) and stores a new session's token as its SHA-256 only.
Codes, tokens and PINs are never logged: messages name numbers masked.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from paysetu.customers.rules.errors import CustomerRejected, CustomerStatus, CustomerThrottled
from paysetu.customers.rules.identity import (
    SESSION_TOKEN_PREFIX,
    CustomerSession,
    code_digest,
    code_from,
    code_matches,
    token_digest,
    wait_s,
)
from paysetu.customers.usecases.ports import CustomersContext, SmsMessage
from paysetu.kernel.phones import e164, masked
from paysetu.kernel.timestamps import timestamp

ADDRESS_LENGTH_MAX = 64


def _phone(text: str) -> str:
    phone = e164(text)
    if phone is None:
        raise CustomerRejected(CustomerStatus.PHONE_INVALID, param="phone")
    return phone


def request_code(ctx: CustomersContext, phone: str, client_address: str) -> dict[str, Any]:
    """Send a new sign-in code to ``phone`` (if it belongs to a customer), within the limits."""
    number = _phone(phone)
    policy = ctx.customers
    now = ctx.clock.now()
    expires_at = now + timedelta(seconds=policy.code_ttl_s)
    with ctx.uow_factory() as uow:
        auth = uow.customer_auth
        by_phone, phone_window = auth.count_request("phone:" + number, now, policy.code_window_s)
        by_address, address_window = auth.count_request(
            "address:" + (client_address[:ADDRESS_LENGTH_MAX] or "-"), now, policy.code_window_s)
        refused = None
        if by_phone > policy.codes_per_phone_max:
            refused = wait_s(phone_window + timedelta(seconds=policy.code_window_s), now)
        elif by_address > policy.codes_per_address_max:
            refused = wait_s(address_window + timedelta(seconds=policy.code_window_s), now)
        elif auth.customer_by_phone(number) is not None:
            code, salt = code_from(ctx.secrets.salt()), ctx.secrets.salt()
            auth.replace_code(number, salt, code_digest(salt, code), now, expires_at)
            auth.queue_sms(SmsMessage(
                ctx.ids.new_id("sms"), number,
                f"{code} is your paysetu sign-in code. It expires in"
                f" {policy.code_ttl_s // 60} minutes. Never share it.", now))
        uow.commit()
    if refused is not None:
        raise CustomerThrottled(CustomerStatus.SIGN_IN_THROTTLED, refused, "phone")
    return {"object": "sign_in_code", "phone": masked(number), "expires_at": timestamp(expires_at)}


def verify_code(ctx: CustomersContext, phone: str, code: str, *,
                remember: bool = False) -> tuple[str, CustomerSession]:
    """A new session's token and the session, for the right code; else a refusal.
    ``remember``: the longer ``remember_ttl_s`` ("keep me signed in on this phone")."""
    number = _phone(phone)
    with ctx.uow_factory() as uow:
        stored = uow.customer_auth.claim_code_try(number, ctx.customers.code_tries_max)
        uow.commit()
    now = ctx.clock.now()
    if stored is None or not code_matches(stored, code.strip()[:16], now):
        raise CustomerRejected(CustomerStatus.SIGN_IN_CODE_INVALID, param="code")
    with ctx.uow_factory() as uow:
        customer_id = uow.customer_auth.customer_by_phone(number)
        if customer_id is None or not uow.customer_auth.consume_code(number, stored.code_digest):
            raise CustomerRejected(CustomerStatus.SIGN_IN_CODE_INVALID, param="code")
        token = SESSION_TOKEN_PREFIX + ctx.secrets.token(32)
        ttl_s = ctx.customers.remember_ttl_s if remember else ctx.customers.session_ttl_s
        session = CustomerSession(customer_id, now + timedelta(seconds=ttl_s))
        uow.customer_auth.insert_session(token_digest(token), customer_id, now, session.expires_at)
        uow.commit()
    return token, session


def consume_fresh_code(ctx: CustomersContext, customer_id: str, code: str) -> None:
    """Use up a just-sent code of the customer's own number (changing the PIN needs one)."""
    with ctx.reader() as uow:
        number = uow.customer_auth.customer_phone(customer_id)
    if number is None:
        raise CustomerRejected(CustomerStatus.FRESH_SIGN_IN_REQUIRED, param="code")
    with ctx.uow_factory() as uow:
        stored = uow.customer_auth.claim_code_try(number, ctx.customers.code_tries_max)
        uow.commit()
    if stored is None or not code_matches(stored, code.strip()[:16], ctx.clock.now()):
        raise CustomerRejected(CustomerStatus.FRESH_SIGN_IN_REQUIRED, param="code")
    with ctx.uow_factory() as uow:
        if not uow.customer_auth.consume_code(number, stored.code_digest):
            raise CustomerRejected(CustomerStatus.FRESH_SIGN_IN_REQUIRED, param="code")
        uow.commit()


def current_session(ctx: CustomersContext, token: str | None) -> CustomerSession:
    """The unexpired session behind a token; else ``customer_session_invalid``."""
    if token and token.startswith(SESSION_TOKEN_PREFIX) and len(token) <= 128:
        with ctx.reader() as uow:
            session = uow.customer_auth.session(token_digest(token), ctx.clock.now())
        if session is not None:
            return session
    raise CustomerRejected(CustomerStatus.CUSTOMER_SESSION_INVALID)


def sign_out(ctx: CustomersContext, token: str) -> None:
    with ctx.uow_factory() as uow:
        uow.customer_auth.delete_session(token_digest(token))
        uow.commit()
