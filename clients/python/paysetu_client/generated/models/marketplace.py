from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.marketplace_category_commissions import MarketplaceCategoryCommissions





T = TypeVar("T", bound="Marketplace")



@_attrs_define
class Marketplace:
    """ A merchant that onboards sellers (the id is the merchant's).

        Attributes:
            auto_release_s (int): Wait before a paid share is released unasked.
            category_commissions (MarketplaceCategoryCommissions): A category's own commission (first in precedence, then
                the seller's).
            commission_bps (int):
            commission_fixed_minor (int):
            created (int):
            id (str):
            object_ (Literal['marketplace']):
            refund_commission (bool): Whether returns give the commission back.
     """

    auto_release_s: int
    category_commissions: MarketplaceCategoryCommissions
    commission_bps: int
    commission_fixed_minor: int
    created: int
    id: str
    object_: Literal['marketplace']
    refund_commission: bool





    def to_dict(self) -> dict[str, Any]:
        from ..models.marketplace_category_commissions import MarketplaceCategoryCommissions # noqa: PLC0415
        auto_release_s = self.auto_release_s

        category_commissions = self.category_commissions.to_dict()

        commission_bps = self.commission_bps

        commission_fixed_minor = self.commission_fixed_minor

        created = self.created

        id = self.id

        object_ = self.object_

        refund_commission = self.refund_commission


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "auto_release_s": auto_release_s,
            "category_commissions": category_commissions,
            "commission_bps": commission_bps,
            "commission_fixed_minor": commission_fixed_minor,
            "created": created,
            "id": id,
            "object": object_,
            "refund_commission": refund_commission,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.marketplace_category_commissions import MarketplaceCategoryCommissions # noqa: PLC0415
        d = dict(src_dict)
        auto_release_s = d.pop("auto_release_s")

        category_commissions = MarketplaceCategoryCommissions.from_dict(d.pop("category_commissions"))




        commission_bps = d.pop("commission_bps")

        commission_fixed_minor = d.pop("commission_fixed_minor")

        created = d.pop("created")

        id = d.pop("id")

        object_ = cast(Literal['marketplace'] , d.pop("object"))
        if object_ != 'marketplace':
            raise ValueError(f"object must match const 'marketplace', got '{object_}'")

        refund_commission = d.pop("refund_commission")

        marketplace = cls(
            auto_release_s=auto_release_s,
            category_commissions=category_commissions,
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
            created=created,
            id=id,
            object_=object_,
            refund_commission=refund_commission,
        )

        return marketplace

