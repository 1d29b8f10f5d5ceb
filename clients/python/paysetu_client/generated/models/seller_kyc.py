from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="SellerKyc")



@_attrs_define
class SellerKyc:
    """ 
        Attributes:
            kyc_status (str): pending, verified or rejected (platform keys).
     """

    kyc_status: str





    def to_dict(self) -> dict[str, Any]:
        kyc_status = self.kyc_status


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kyc_status": kyc_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kyc_status = d.pop("kyc_status")

        seller_kyc = cls(
            kyc_status=kyc_status,
        )

        return seller_kyc

