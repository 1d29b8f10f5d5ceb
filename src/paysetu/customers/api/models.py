"""The customers' API objects (see :mod:`paysetu.shell.http.objects`) and request bodies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from paysetu.customers.rules.notifications import NotificationKind
from paysetu.payments.rules.payments import PaymentState
from paysetu.shell.http.objects import ApiObject, Timestamp
from paysetu.shell.http.schemas import Body


class SignInCodeCreate(Body):
    phone: str = Field(description="Mobile number (E.164; without a country code, Indian).")


class SessionCreate(Body):
    phone: str
    code: str = Field(description="The 6-digit code sent by SMS.")


class PinSet(Body):
    pin: str = Field(description="4 or 6 digits.")
    code: str | None = Field(
        default=None, description="Changing an existing PIN: a fresh sign-in code."
    )


class PinBody(Body):
    pin: str = Field(description="The payment PIN.")


class SignInCode(ApiObject):
    object: Literal["sign_in_code"]
    phone: str = Field(description="The number, masked.", examples=["+91*******10"])
    expires_at: Timestamp


class CustomerSessionObject(ApiObject):
    object: Literal["customer_session"]
    token: str | None = Field(description="Only when created: `Authorization: Bearer <token>`.")
    customer: str
    has_pin: bool
    expires_at: Timestamp


class PaymentApproval(ApiObject):
    id: str
    object: Literal["payment_approval"]
    payee: str = Field(description="The merchant's legal name, masked.")
    amount_minor: int
    currency: str
    presentment_amount_minor: int | None
    presentment_currency: str | None
    wallet: str
    description: str | None
    mandate: str | None
    status: PaymentState
    expires_at: Timestamp | None
    created: Timestamp


class CustomerNotification(ApiObject):
    id: str = Field(description="The event it tells about (``evt_...``).")
    object: Literal["customer_notification"]
    kind: NotificationKind
    amount_minor: int = Field(description="What leaves or reaches the customer's wallet, in "
                              "its currency (a noticed debit: the noticed amount).")
    currency: str
    payee: str = Field(description="The other party, masked: the merchant's legal name, or "
                       "the customer who sent the money or asks for it.")
    subject: str = Field(description="The payment (debit, approval, refund), mandate "
                         "(notice), transfer or money request it is about.")
    unread: bool
    due_at: Timestamp | None = Field(description="A noticed debit: not before this time.")
    url: str = Field(description="The wallet app's page for it.")
    created: Timestamp


class CustomerNotificationList(ApiObject):
    object: Literal["list"]
    unread: int
    data: list[CustomerNotification]


class PaymentApprovalList(ApiObject):
    object: Literal["list"]
    data: list[PaymentApproval]


class PayeeLookup(Body):
    phone: str = Field(description="The payee's mobile number (as at sign-in).")


class TransferCreate(Body):
    phone: str = Field(description="The payee's mobile number (as at sign-in).")
    amount_minor: int
    currency: str = "INR"
    note: str | None = Field(default=None, description="Up to 140 characters.")
    pin: str = Field(description="The payment PIN.")


class MoneyRequestCreate(Body):
    phone: str = Field(description="The mobile number asked to pay.")
    amount_minor: int
    currency: str = "INR"
    note: str | None = Field(default=None, description="Up to 140 characters.")


class Payee(ApiObject):
    object: Literal["payee"]
    name: str = Field(description="The customer's name, masked.", examples=["Meera S***"])
    phone: str = Field(description="The number, masked.", examples=["+91*******01"])


class CustomerTransfer(ApiObject):
    id: str
    object: Literal["customer_transfer"]
    payer: str
    payee: str
    payee_view: Payee
    payer_wallet: str
    payee_wallet: str
    amount_minor: int
    currency: str
    note: str | None
    money_request: str | None
    journal_entry: str
    consent: Literal["customer"]
    created: Timestamp


class CustomerTransferList(ApiObject):
    object: Literal["list"]
    data: list[CustomerTransfer]


class MoneyRequest(ApiObject):
    id: str
    object: Literal["money_request"]
    requester: str
    payer: str
    requester_view: Payee
    payer_view: Payee
    amount_minor: int
    currency: str
    note: str | None
    status: Literal["pending", "paid", "declined", "canceled", "expired"]
    transfer: str | None
    expires_at: Timestamp
    created: Timestamp


class MoneyRequestList(ApiObject):
    object: Literal["list"]
    data: list[MoneyRequest]
