from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="TaxReportLine")



@_attrs_define
class TaxReportLine:
    """ 
        Attributes:
            currency (str):
            gross_minor (int):
            gstin (None | str):
            legal_name (str):
            net_minor (int):
            pan (None | str):
            returned_minor (int):
            seller (str):
            tcs_minor (int):
            tds_minor (int):
     """

    currency: str
    gross_minor: int
    gstin: None | str
    legal_name: str
    net_minor: int
    pan: None | str
    returned_minor: int
    seller: str
    tcs_minor: int
    tds_minor: int





    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        gross_minor = self.gross_minor

        gstin: None | str
        gstin = self.gstin

        legal_name = self.legal_name

        net_minor = self.net_minor

        pan: None | str
        pan = self.pan

        returned_minor = self.returned_minor

        seller = self.seller

        tcs_minor = self.tcs_minor

        tds_minor = self.tds_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "gross_minor": gross_minor,
            "gstin": gstin,
            "legal_name": legal_name,
            "net_minor": net_minor,
            "pan": pan,
            "returned_minor": returned_minor,
            "seller": seller,
            "tcs_minor": tcs_minor,
            "tds_minor": tds_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        gross_minor = d.pop("gross_minor")

        def _parse_gstin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gstin = _parse_gstin(d.pop("gstin"))


        legal_name = d.pop("legal_name")

        net_minor = d.pop("net_minor")

        def _parse_pan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pan = _parse_pan(d.pop("pan"))


        returned_minor = d.pop("returned_minor")

        seller = d.pop("seller")

        tcs_minor = d.pop("tcs_minor")

        tds_minor = d.pop("tds_minor")

        tax_report_line = cls(
            currency=currency,
            gross_minor=gross_minor,
            gstin=gstin,
            legal_name=legal_name,
            net_minor=net_minor,
            pan=pan,
            returned_minor=returned_minor,
            seller=seller,
            tcs_minor=tcs_minor,
            tds_minor=tds_minor,
        )

        return tax_report_line

