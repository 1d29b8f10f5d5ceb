from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CommissionRule")



@_attrs_define
class CommissionRule:
    """ 
        Attributes:
            commission_bps (int): Percentage of each line, basis points.
            commission_fixed_minor (int): Fixed amount per line, minor units.
     """

    commission_bps: int
    commission_fixed_minor: int





    def to_dict(self) -> dict[str, Any]:
        commission_bps = self.commission_bps

        commission_fixed_minor = self.commission_fixed_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commission_bps": commission_bps,
            "commission_fixed_minor": commission_fixed_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commission_bps = d.pop("commission_bps")

        commission_fixed_minor = d.pop("commission_fixed_minor")

        commission_rule = cls(
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
        )

        return commission_rule

