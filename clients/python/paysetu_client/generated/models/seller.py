from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.kyc_status import KycStatus
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="Seller")



@_attrs_define
class Seller:
    """ A merchant selling through marketplaces; it receives funds only once ``verified``.

        Attributes:
            commission_bps (int | None): This marketplace's commission for the seller, when it has its own.
            commission_fixed_minor (int | None):
            country (str):
            created (int):
            gstin (None | str): Indian sellers: the GSTIN (the PAN inside it).
            id (str):
            kyc_status (KycStatus):
            legal_name (str):
            object_ (Literal['seller']):
            pan (None | str): Indian sellers: the PAN.
            settlement_currency (str):
     """

    commission_bps: int | None
    commission_fixed_minor: int | None
    country: str
    created: int
    gstin: None | str
    id: str
    kyc_status: KycStatus
    legal_name: str
    object_: Literal['seller']
    pan: None | str
    settlement_currency: str





    def to_dict(self) -> dict[str, Any]:
        commission_bps: int | None
        commission_bps = self.commission_bps

        commission_fixed_minor: int | None
        commission_fixed_minor = self.commission_fixed_minor

        country = self.country

        created = self.created

        gstin: None | str
        gstin = self.gstin

        id = self.id

        kyc_status = self.kyc_status.value

        legal_name = self.legal_name

        object_ = self.object_

        pan: None | str
        pan = self.pan

        settlement_currency = self.settlement_currency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commission_bps": commission_bps,
            "commission_fixed_minor": commission_fixed_minor,
            "country": country,
            "created": created,
            "gstin": gstin,
            "id": id,
            "kyc_status": kyc_status,
            "legal_name": legal_name,
            "object": object_,
            "pan": pan,
            "settlement_currency": settlement_currency,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_commission_bps(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        commission_bps = _parse_commission_bps(d.pop("commission_bps"))


        def _parse_commission_fixed_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        commission_fixed_minor = _parse_commission_fixed_minor(d.pop("commission_fixed_minor"))


        country = d.pop("country")

        created = d.pop("created")

        def _parse_gstin(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gstin = _parse_gstin(d.pop("gstin"))


        id = d.pop("id")

        kyc_status = KycStatus(d.pop("kyc_status"))




        legal_name = d.pop("legal_name")

        object_ = cast(Literal['seller'] , d.pop("object"))
        if object_ != 'seller':
            raise ValueError(f"object must match const 'seller', got '{object_}'")

        def _parse_pan(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pan = _parse_pan(d.pop("pan"))


        settlement_currency = d.pop("settlement_currency")

        seller = cls(
            commission_bps=commission_bps,
            commission_fixed_minor=commission_fixed_minor,
            country=country,
            created=created,
            gstin=gstin,
            id=id,
            kyc_status=kyc_status,
            legal_name=legal_name,
            object_=object_,
            pan=pan,
            settlement_currency=settlement_currency,
        )

        return seller

