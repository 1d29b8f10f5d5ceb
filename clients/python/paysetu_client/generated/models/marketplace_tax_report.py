from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.tax_report_line import TaxReportLine





T = TypeVar("T", bound="MarketplaceTaxReport")



@_attrs_define
class MarketplaceTaxReport:
    """ 
        Attributes:
            marketplace (str):
            month (str):
            object_ (Literal['marketplace_tax_report']):
            sellers (list[TaxReportLine]):
     """

    marketplace: str
    month: str
    object_: Literal['marketplace_tax_report']
    sellers: list[TaxReportLine]





    def to_dict(self) -> dict[str, Any]:
        from ..models.tax_report_line import TaxReportLine # noqa: PLC0415
        marketplace = self.marketplace

        month = self.month

        object_ = self.object_

        sellers = []
        for sellers_item_data in self.sellers:
            sellers_item = sellers_item_data.to_dict()
            sellers.append(sellers_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "marketplace": marketplace,
            "month": month,
            "object": object_,
            "sellers": sellers,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tax_report_line import TaxReportLine # noqa: PLC0415
        d = dict(src_dict)
        marketplace = d.pop("marketplace")

        month = d.pop("month")

        object_ = cast(Literal['marketplace_tax_report'] , d.pop("object"))
        if object_ != 'marketplace_tax_report':
            raise ValueError(f"object must match const 'marketplace_tax_report', got '{object_}'")

        sellers = []
        _sellers = d.pop("sellers")
        for sellers_item_data in (_sellers):
            sellers_item = TaxReportLine.from_dict(sellers_item_data)



            sellers.append(sellers_item)


        marketplace_tax_report = cls(
            marketplace=marketplace,
            month=month,
            object_=object_,
            sellers=sellers,
        )

        return marketplace_tax_report

