from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LenderBalance")



@_attrs_define
class LenderBalance:
    """ 
        Attributes:
            currency (str):
            funding_available_minor (int): What the lender's funding account still holds for lending.
     """

    currency: str
    funding_available_minor: int





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        funding_available_minor = self.funding_available_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "funding_available_minor": funding_available_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        funding_available_minor = d.pop("funding_available_minor")

        lender_balance = cls(
            currency=currency,
            funding_available_minor=funding_available_minor,
        )

        return lender_balance

