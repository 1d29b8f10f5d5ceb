from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.merchant_create_metadata import MerchantCreateMetadata





T = TypeVar("T", bound="MerchantCreate")



@_attrs_define
class MerchantCreate:
    """ 
        Attributes:
            country (str): ISO 3166-1 alpha-2, e.g. IN.
            legal_name (str):
            settlement_currency (str): ISO 4217 currency the merchant is paid in.
            fee_bps (int | Unset): Percentage fee in basis points (200 = 2%). Default: 200.
            fee_fixed_minor (int | Unset): Fixed fee per payment, minor units. Default: 0.
            metadata (MerchantCreateMetadata | Unset):
     """

    country: str
    legal_name: str
    settlement_currency: str
    fee_bps: int | Unset = 200
    fee_fixed_minor: int | Unset = 0
    metadata: MerchantCreateMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.merchant_create_metadata import MerchantCreateMetadata # noqa: PLC0415
        country = self.country

        legal_name = self.legal_name

        settlement_currency = self.settlement_currency

        fee_bps = self.fee_bps

        fee_fixed_minor = self.fee_fixed_minor

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "country": country,
            "legal_name": legal_name,
            "settlement_currency": settlement_currency,
        })
        if fee_bps is not UNSET:
            field_dict["fee_bps"] = fee_bps
        if fee_fixed_minor is not UNSET:
            field_dict["fee_fixed_minor"] = fee_fixed_minor
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_create_metadata import MerchantCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        country = d.pop("country")

        legal_name = d.pop("legal_name")

        settlement_currency = d.pop("settlement_currency")

        fee_bps = d.pop("fee_bps", UNSET)

        fee_fixed_minor = d.pop("fee_fixed_minor", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: MerchantCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = MerchantCreateMetadata.from_dict(_metadata)




        merchant_create = cls(
            country=country,
            legal_name=legal_name,
            settlement_currency=settlement_currency,
            fee_bps=fee_bps,
            fee_fixed_minor=fee_fixed_minor,
            metadata=metadata,
        )

        return merchant_create

