from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.kyc_tier import KycTier
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.customer_metadata import CustomerMetadata





T = TypeVar("T", bound="Customer")



@_attrs_define
class Customer:
    """ 
        Attributes:
            created (int):
            email (None | str):
            id (str):
            kyc_tier (KycTier):
            metadata (CustomerMetadata):
            name (str):
            object_ (Literal['customer']):
            phone (None | str): E.164; the number the customer signs in with.
     """

    created: int
    email: None | str
    id: str
    kyc_tier: KycTier
    metadata: CustomerMetadata
    name: str
    object_: Literal['customer']
    phone: None | str





    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_metadata import CustomerMetadata # noqa: PLC0415
        created = self.created

        email: None | str
        email = self.email

        id = self.id

        kyc_tier = self.kyc_tier.value

        metadata = self.metadata.to_dict()

        name = self.name

        object_ = self.object_

        phone: None | str
        phone = self.phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "created": created,
            "email": email,
            "id": id,
            "kyc_tier": kyc_tier,
            "metadata": metadata,
            "name": name,
            "object": object_,
            "phone": phone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_metadata import CustomerMetadata # noqa: PLC0415
        d = dict(src_dict)
        created = d.pop("created")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))


        id = d.pop("id")

        kyc_tier = KycTier(d.pop("kyc_tier"))




        metadata = CustomerMetadata.from_dict(d.pop("metadata"))




        name = d.pop("name")

        object_ = cast(Literal['customer'] , d.pop("object"))
        if object_ != 'customer':
            raise ValueError(f"object must match const 'customer', got '{object_}'")

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))


        customer = cls(
            created=created,
            email=email,
            id=id,
            kyc_tier=kyc_tier,
            metadata=metadata,
            name=name,
            object_=object_,
            phone=phone,
        )

        return customer

