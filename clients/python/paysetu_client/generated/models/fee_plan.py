from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FeePlan")



@_attrs_define
class FeePlan:
    """ 
        Attributes:
            fee_bps (int): Percentage fee in basis points (200 = 2%).
            fee_fixed_minor (int):
     """

    fee_bps: int
    fee_fixed_minor: int





    def to_dict(self) -> dict[str, Any]:
        fee_bps = self.fee_bps

        fee_fixed_minor = self.fee_fixed_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fee_bps": fee_bps,
            "fee_fixed_minor": fee_fixed_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fee_bps = d.pop("fee_bps")

        fee_fixed_minor = d.pop("fee_fixed_minor")

        fee_plan = cls(
            fee_bps=fee_bps,
            fee_fixed_minor=fee_fixed_minor,
        )

        return fee_plan

