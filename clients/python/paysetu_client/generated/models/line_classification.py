from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.asset_class import AssetClass
from typing import cast






T = TypeVar("T", bound="LineClassification")



@_attrs_define
class LineClassification:
    """ The line as the last close of business classified it (RBI IRAC, cash credit).

        Attributes:
            as_of (None | str):
            asset_class (AssetClass):
            interest_suspense_minor (int):
            npa_since (None | str):
            out_of_order_days (int): Day-ends the longest current out-of-order condition has held (0: in order).
            provision_minor (int):
     """

    as_of: None | str
    asset_class: AssetClass
    interest_suspense_minor: int
    npa_since: None | str
    out_of_order_days: int
    provision_minor: int





    def to_dict(self) -> dict[str, Any]:
        as_of: None | str
        as_of = self.as_of

        asset_class = self.asset_class.value

        interest_suspense_minor = self.interest_suspense_minor

        npa_since: None | str
        npa_since = self.npa_since

        out_of_order_days = self.out_of_order_days

        provision_minor = self.provision_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "as_of": as_of,
            "asset_class": asset_class,
            "interest_suspense_minor": interest_suspense_minor,
            "npa_since": npa_since,
            "out_of_order_days": out_of_order_days,
            "provision_minor": provision_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_as_of(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        as_of = _parse_as_of(d.pop("as_of"))


        asset_class = AssetClass(d.pop("asset_class"))




        interest_suspense_minor = d.pop("interest_suspense_minor")

        def _parse_npa_since(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        npa_since = _parse_npa_since(d.pop("npa_since"))


        out_of_order_days = d.pop("out_of_order_days")

        provision_minor = d.pop("provision_minor")

        line_classification = cls(
            as_of=as_of,
            asset_class=asset_class,
            interest_suspense_minor=interest_suspense_minor,
            npa_since=npa_since,
            out_of_order_days=out_of_order_days,
            provision_minor=provision_minor,
        )

        return line_classification

