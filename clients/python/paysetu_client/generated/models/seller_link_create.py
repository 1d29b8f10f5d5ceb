from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SellerLinkCreate")



@_attrs_define
class SellerLinkCreate:
    """ 
        Attributes:
            seller (str): An existing seller (mer_...) to add (platform keys).
            commission_bps (int | None | Unset):
            commission_fixed_minor (int | None | Unset):
     """

    seller: str
    commission_bps: int | None | Unset = UNSET
    commission_fixed_minor: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        seller = self.seller

        commission_bps: int | None | Unset
        if isinstance(self.commission_bps, Unset):
            commission_bps = UNSET
        else:
            commission_bps = self.commission_bps

        commission_fixed_minor: int | None | Unset
        if isinstance(self.commission_fixed_minor, Unset):
            commission_fixed_minor = UNSET
        else:
            commission_fixed_minor = self.commission_fixed_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "seller": seller,
        })
        if commission_bps is not UNSET:
            field_dict["commission_bps"] = commission_bps
        if commission_fixed_minor is not UNSET:
            field_dict["commission_fixed_minor"] = commission_fixed_minor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seller = d.pop("seller")

        def _parse_commission_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        commission_bps = _parse_commission_bps(d.pop("commission_bps", UNSET))


        def _parse_commission_fixed_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        commission_fixed_minor = _parse_commission_fixed_minor(d.pop("commission_fixed_minor", UNSET))


        seller_link_create = cls(
            seller=seller,
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
        )

        return seller_link_create

