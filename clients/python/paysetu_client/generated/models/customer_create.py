from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.customer_create_metadata import CustomerCreateMetadata





T = TypeVar("T", bound="CustomerCreate")



@_attrs_define
class CustomerCreate:
    """ 
        Attributes:
            name (str): The customer's name, 1-200 characters.
            email (None | str | Unset):
            kyc_tier (str | Unset): `minimum` or `full` (RBI PPI tiers). Default: 'minimum'.
            metadata (CustomerCreateMetadata | Unset):
            phone (None | str | Unset): Mobile number the customer signs in to the wallet with (E.164; without a country
                code, Indian).
     """

    name: str
    email: None | str | Unset = UNSET
    kyc_tier: str | Unset = 'minimum'
    metadata: CustomerCreateMetadata | Unset = UNSET
    phone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_create_metadata import CustomerCreateMetadata # noqa: PLC0415
        name = self.name

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        kyc_tier = self.kyc_tier

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if email is not UNSET:
            field_dict["email"] = email
        if kyc_tier is not UNSET:
            field_dict["kyc_tier"] = kyc_tier
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_create_metadata import CustomerCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))


        kyc_tier = d.pop("kyc_tier", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: CustomerCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = CustomerCreateMetadata.from_dict(_metadata)




        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))


        customer_create = cls(
            name=name,
            email=email,
            kyc_tier=kyc_tier,
            metadata=metadata,
            phone=phone,
        )

        return customer_create

