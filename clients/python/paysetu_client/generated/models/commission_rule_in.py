from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CommissionRuleIn")



@_attrs_define
class CommissionRuleIn:
    """ 
        Attributes:
            commission_bps (int):
            commission_fixed_minor (int | Unset):  Default: 0.
     """

    commission_bps: int
    commission_fixed_minor: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        commission_bps = self.commission_bps

        commission_fixed_minor = self.commission_fixed_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commission_bps": commission_bps,
        })
        if commission_fixed_minor is not UNSET:
            field_dict["commission_fixed_minor"] = commission_fixed_minor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commission_bps = d.pop("commission_bps")

        commission_fixed_minor = d.pop("commission_fixed_minor", UNSET)

        commission_rule_in = cls(
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
        )

        return commission_rule_in

