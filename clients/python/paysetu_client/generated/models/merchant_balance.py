from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MerchantBalance")



@_attrs_define
class MerchantBalance:
    """ 
        Attributes:
            available_minor (int):
            currency (str):
            escrow_minor (int): Held in escrow for the buyer.
            pending_minor (int): Captured, not yet settled.
     """

    available_minor: int
    currency: str
    escrow_minor: int
    pending_minor: int





    def to_dict(self) -> dict[str, Any]:
        available_minor = self.available_minor

        currency = self.currency

        escrow_minor = self.escrow_minor

        pending_minor = self.pending_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "available_minor": available_minor,
            "currency": currency,
            "escrow_minor": escrow_minor,
            "pending_minor": pending_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available_minor = d.pop("available_minor")

        currency = d.pop("currency")

        escrow_minor = d.pop("escrow_minor")

        pending_minor = d.pop("pending_minor")

        merchant_balance = cls(
            available_minor=available_minor,
            currency=currency,
            escrow_minor=escrow_minor,
            pending_minor=pending_minor,
        )

        return merchant_balance

