from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.seller_create_metadata import SellerCreateMetadata





T = TypeVar("T", bound="SellerCreate")



@_attrs_define
class SellerCreate:
    """ 
        Attributes:
            country (str): ISO 3166-1 alpha-2.
            legal_name (str):
            settlement_currency (str):
            commission_bps (int | None | Unset):
            commission_fixed_minor (int | None | Unset):
            gstin (None | str | Unset): Required when country is IN.
            marketplace (None | str | Unset): Platform keys only.
            metadata (SellerCreateMetadata | Unset):
            pan (None | str | Unset): Required when country is IN.
     """

    country: str
    legal_name: str
    settlement_currency: str
    commission_bps: int | None | Unset = UNSET
    commission_fixed_minor: int | None | Unset = UNSET
    gstin: None | str | Unset = UNSET
    marketplace: None | str | Unset = UNSET
    metadata: SellerCreateMetadata | Unset = UNSET
    pan: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.seller_create_metadata import SellerCreateMetadata # noqa: PLC0415
        country = self.country

        legal_name = self.legal_name

        settlement_currency = self.settlement_currency

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

        gstin: None | str | Unset
        if isinstance(self.gstin, Unset):
            gstin = UNSET
        else:
            gstin = self.gstin

        marketplace: None | str | Unset
        if isinstance(self.marketplace, Unset):
            marketplace = UNSET
        else:
            marketplace = self.marketplace

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        pan: None | str | Unset
        if isinstance(self.pan, Unset):
            pan = UNSET
        else:
            pan = self.pan


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "country": country,
            "legal_name": legal_name,
            "settlement_currency": settlement_currency,
        })
        if commission_bps is not UNSET:
            field_dict["commission_bps"] = commission_bps
        if commission_fixed_minor is not UNSET:
            field_dict["commission_fixed_minor"] = commission_fixed_minor
        if gstin is not UNSET:
            field_dict["gstin"] = gstin
        if marketplace is not UNSET:
            field_dict["marketplace"] = marketplace
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if pan is not UNSET:
            field_dict["pan"] = pan

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.seller_create_metadata import SellerCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        country = d.pop("country")

        legal_name = d.pop("legal_name")

        settlement_currency = d.pop("settlement_currency")

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


        def _parse_gstin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gstin = _parse_gstin(d.pop("gstin", UNSET))


        def _parse_marketplace(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marketplace = _parse_marketplace(d.pop("marketplace", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: SellerCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = SellerCreateMetadata.from_dict(_metadata)




        def _parse_pan(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pan = _parse_pan(d.pop("pan", UNSET))


        seller_create = cls(
            country=country,
            legal_name=legal_name,
            settlement_currency=settlement_currency,
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
            gstin=gstin,
            marketplace=marketplace,
            metadata=metadata,
            pan=pan,
        )

        return seller_create

