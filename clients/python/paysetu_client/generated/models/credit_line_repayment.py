from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CreditLineRepayment")



@_attrs_define
class CreditLineRepayment:
    """ 
        Attributes:
            amount_minor (int): From the merchant's available balance, minor units.
     """

    amount_minor: int





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        credit_line_repayment = cls(
            amount_minor=amount_minor,
        )

        return credit_line_repayment

