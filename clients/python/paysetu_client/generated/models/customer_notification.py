from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.notification_kind import NotificationKind
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="CustomerNotification")



@_attrs_define
class CustomerNotification:
    """ 
        Attributes:
            amount_minor (int): What leaves or reaches the customer's wallet, in its currency (a noticed debit: the noticed
                amount).
            created (int):
            currency (str):
            due_at (int | None): A noticed debit: not before this time.
            id (str): The event it tells about (``evt_...``).
            kind (NotificationKind):
            object_ (Literal['customer_notification']):
            payee (str): The other party, masked: the merchant's legal name, or the customer who sent the money or asks for
                it.
            subject (str): The payment (debit, approval, refund), mandate (notice), transfer or money request it is about.
            unread (bool):
            url (str): The wallet app's page for it.
     """

    amount_minor: int
    created: int
    currency: str
    due_at: int | None
    id: str
    kind: NotificationKind
    object_: Literal['customer_notification']
    payee: str
    subject: str
    unread: bool
    url: str





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        due_at: int | None
        due_at = self.due_at

        id = self.id

        kind = self.kind.value

        object_ = self.object_

        payee = self.payee

        subject = self.subject

        unread = self.unread

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "due_at": due_at,
            "id": id,
            "kind": kind,
            "object": object_,
            "payee": payee,
            "subject": subject,
            "unread": unread,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_due_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_at = _parse_due_at(d.pop("due_at"))


        id = d.pop("id")

        kind = NotificationKind(d.pop("kind"))




        object_ = cast(Literal['customer_notification'] , d.pop("object"))
        if object_ != 'customer_notification':
            raise ValueError(f"object must match const 'customer_notification', got '{object_}'")

        payee = d.pop("payee")

        subject = d.pop("subject")

        unread = d.pop("unread")

        url = d.pop("url")

        customer_notification = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            due_at=due_at,
            id=id,
            kind=kind,
            object_=object_,
            payee=payee,
            subject=subject,
            unread=unread,
            url=url,
        )

        return customer_notification

