from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.money_request_status import MoneyRequestStatus
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.payee import Payee





T = TypeVar("T", bound="MoneyRequest")



@_attrs_define
class MoneyRequest:
    """ 
        Attributes:
            amount_minor (int):
            created (int):
            currency (str):
            expires_at (int):
            id (str):
            note (None | str):
            object_ (Literal['money_request']):
            payer (str):
            payer_view (Payee):
            requester (str):
            requester_view (Payee):
            status (MoneyRequestStatus):
            transfer (None | str):
     """

    amount_minor: int
    created: int
    currency: str
    expires_at: int
    id: str
    note: None | str
    object_: Literal['money_request']
    payer: str
    payer_view: Payee
    requester: str
    requester_view: Payee
    status: MoneyRequestStatus
    transfer: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.payee import Payee # noqa: PLC0415
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        expires_at = self.expires_at

        id = self.id

        note: None | str
        note = self.note

        object_ = self.object_

        payer = self.payer

        payer_view = self.payer_view.to_dict()

        requester = self.requester

        requester_view = self.requester_view.to_dict()

        status = self.status.value

        transfer: None | str
        transfer = self.transfer


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "expires_at": expires_at,
            "id": id,
            "note": note,
            "object": object_,
            "payer": payer,
            "payer_view": payer_view,
            "requester": requester,
            "requester_view": requester_view,
            "status": status,
            "transfer": transfer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payee import Payee # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        expires_at = d.pop("expires_at")

        id = d.pop("id")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        object_ = cast(Literal['money_request'] , d.pop("object"))
        if object_ != 'money_request':
            raise ValueError(f"object must match const 'money_request', got '{object_}'")

        payer = d.pop("payer")

        payer_view = Payee.from_dict(d.pop("payer_view"))




        requester = d.pop("requester")

        requester_view = Payee.from_dict(d.pop("requester_view"))




        status = MoneyRequestStatus(d.pop("status"))




        def _parse_transfer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        transfer = _parse_transfer(d.pop("transfer"))


        money_request = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            expires_at=expires_at,
            id=id,
            note=note,
            object_=object_,
            payer=payer,
            payer_view=payer_view,
            requester=requester,
            requester_view=requester_view,
            status=status,
            transfer=transfer,
        )

        return money_request

