from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TransferCreate")



@_attrs_define
class TransferCreate:
    """ 
        Attributes:
            amount_minor (int):
            phone (str): The payee's mobile number (as at sign-in).
            pin (str): The payment PIN.
            currency (str | Unset):  Default: 'INR'.
            note (None | str | Unset): Up to 140 characters.
     """

    amount_minor: int
    phone: str
    pin: str
    currency: str | Unset = 'INR'
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        phone = self.phone

        pin = self.pin

        currency = self.currency

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "phone": phone,
            "pin": pin,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        phone = d.pop("phone")

        pin = d.pop("pin")

        currency = d.pop("currency", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        transfer_create = cls(
            amount_minor=amount_minor,
            phone=phone,
            pin=pin,
            currency=currency,
            note=note,
        )

        return transfer_create

