from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WalletCreate")



@_attrs_define
class WalletCreate:
    """ 
        Attributes:
            currency (str): ISO 4217 code.
            customer (str): The customer (cus_...) who owns the wallet.
     """

    currency: str
    customer: str





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        customer = self.customer


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "customer": customer,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        customer = d.pop("customer")

        wallet_create = cls(
            currency=currency,
            customer=customer,
        )

        return wallet_create

