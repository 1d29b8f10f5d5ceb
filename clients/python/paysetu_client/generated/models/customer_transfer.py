from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.payee import Payee





T = TypeVar("T", bound="CustomerTransfer")



@_attrs_define
class CustomerTransfer:
    """ 
        Attributes:
            amount_minor (int):
            consent (Literal['customer']):
            created (int):
            currency (str):
            id (str):
            journal_entry (str):
            money_request (None | str):
            note (None | str):
            object_ (Literal['customer_transfer']):
            payee (str):
            payee_view (Payee):
            payee_wallet (str):
            payer (str):
            payer_wallet (str):
     """

    amount_minor: int
    consent: Literal['customer']
    created: int
    currency: str
    id: str
    journal_entry: str
    money_request: None | str
    note: None | str
    object_: Literal['customer_transfer']
    payee: str
    payee_view: Payee
    payee_wallet: str
    payer: str
    payer_wallet: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.payee import Payee # noqa: PLC0415
        amount_minor = self.amount_minor

        consent = self.consent

        created = self.created

        currency = self.currency

        id = self.id

        journal_entry = self.journal_entry

        money_request: None | str
        money_request = self.money_request

        note: None | str
        note = self.note

        object_ = self.object_

        payee = self.payee

        payee_view = self.payee_view.to_dict()

        payee_wallet = self.payee_wallet

        payer = self.payer

        payer_wallet = self.payer_wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "consent": consent,
            "created": created,
            "currency": currency,
            "id": id,
            "journal_entry": journal_entry,
            "money_request": money_request,
            "note": note,
            "object": object_,
            "payee": payee,
            "payee_view": payee_view,
            "payee_wallet": payee_wallet,
            "payer": payer,
            "payer_wallet": payer_wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payee import Payee # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        consent = cast(Literal['customer'] , d.pop("consent"))
        if consent != 'customer':
            raise ValueError(f"consent must match const 'customer', got '{consent}'")

        created = d.pop("created")

        currency = d.pop("currency")

        id = d.pop("id")

        journal_entry = d.pop("journal_entry")

        def _parse_money_request(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        money_request = _parse_money_request(d.pop("money_request"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        object_ = cast(Literal['customer_transfer'] , d.pop("object"))
        if object_ != 'customer_transfer':
            raise ValueError(f"object must match const 'customer_transfer', got '{object_}'")

        payee = d.pop("payee")

        payee_view = Payee.from_dict(d.pop("payee_view"))




        payee_wallet = d.pop("payee_wallet")

        payer = d.pop("payer")

        payer_wallet = d.pop("payer_wallet")

        customer_transfer = cls(
            amount_minor=amount_minor,
            consent=consent,
            created=created,
            currency=currency,
            id=id,
            journal_entry=journal_entry,
            money_request=money_request,
            note=note,
            object_=object_,
            payee=payee,
            payee_view=payee_view,
            payee_wallet=payee_wallet,
            payer=payer,
            payer_wallet=payer_wallet,
        )

        return customer_transfer

