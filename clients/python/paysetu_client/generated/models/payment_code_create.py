from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PaymentCodeCreate")



@_attrs_define
class PaymentCodeCreate:
    """ 
        Attributes:
            pin (str): The payment PIN.
            currency (str | Unset): The wallet's currency (ISO 4217). Default: 'CNY'.
     """

    pin: str
    currency: str | Unset = 'CNY'





    def to_dict(self) -> dict[str, Any]:
        pin = self.pin

        currency = self.currency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "pin": pin,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pin = d.pop("pin")

        currency = d.pop("currency", UNSET)

        payment_code_create = cls(
            pin=pin,
            currency=currency,
        )

        return payment_code_create

