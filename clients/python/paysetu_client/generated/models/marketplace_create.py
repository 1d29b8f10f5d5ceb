from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.marketplace_create_category_commissions import MarketplaceCreateCategoryCommissions





T = TypeVar("T", bound="MarketplaceCreate")



@_attrs_define
class MarketplaceCreate:
    """ 
        Attributes:
            commission_bps (int): Default commission, basis points of each line.
            merchant (str): The merchant (mer_...) to make a marketplace.
            auto_release_s (int | None | Unset): Default: 7 days.
            category_commissions (MarketplaceCreateCategoryCommissions | Unset):
            commission_fixed_minor (int | Unset):  Default: 0.
            refund_commission (bool | Unset): Returns give commission back. Default: True.
     """

    commission_bps: int
    merchant: str
    auto_release_s: int | None | Unset = UNSET
    category_commissions: MarketplaceCreateCategoryCommissions | Unset = UNSET
    commission_fixed_minor: int | Unset = 0
    refund_commission: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        from ..models.marketplace_create_category_commissions import MarketplaceCreateCategoryCommissions # noqa: PLC0415
        commission_bps = self.commission_bps

        merchant = self.merchant

        auto_release_s: int | None | Unset
        if isinstance(self.auto_release_s, Unset):
            auto_release_s = UNSET
        else:
            auto_release_s = self.auto_release_s

        category_commissions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.category_commissions, Unset):
            category_commissions = self.category_commissions.to_dict()

        commission_fixed_minor = self.commission_fixed_minor

        refund_commission = self.refund_commission


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commission_bps": commission_bps,
            "merchant": merchant,
        })
        if auto_release_s is not UNSET:
            field_dict["auto_release_s"] = auto_release_s
        if category_commissions is not UNSET:
            field_dict["category_commissions"] = category_commissions
        if commission_fixed_minor is not UNSET:
            field_dict["commission_fixed_minor"] = commission_fixed_minor
        if refund_commission is not UNSET:
            field_dict["refund_commission"] = refund_commission

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.marketplace_create_category_commissions import MarketplaceCreateCategoryCommissions # noqa: PLC0415
        d = dict(src_dict)
        commission_bps = d.pop("commission_bps")

        merchant = d.pop("merchant")

        def _parse_auto_release_s(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        auto_release_s = _parse_auto_release_s(d.pop("auto_release_s", UNSET))


        _category_commissions = d.pop("category_commissions", UNSET)
        category_commissions: MarketplaceCreateCategoryCommissions | Unset
        if isinstance(_category_commissions,  Unset):
            category_commissions = UNSET
        else:
            category_commissions = MarketplaceCreateCategoryCommissions.from_dict(_category_commissions)




        commission_fixed_minor = d.pop("commission_fixed_minor", UNSET)

        refund_commission = d.pop("refund_commission", UNSET)

        marketplace_create = cls(
            commission_bps=commission_bps,
            merchant=merchant,
            auto_release_s=auto_release_s,
            category_commissions=category_commissions,
            commission_fixed_minor=commission_fixed_minor,
            refund_commission=refund_commission,
        )

        return marketplace_create

