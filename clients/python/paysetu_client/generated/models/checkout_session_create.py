from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.checkout_session_create_metadata import CheckoutSessionCreateMetadata





T = TypeVar("T", bound="CheckoutSessionCreate")



@_attrs_define
class CheckoutSessionCreate:
    """ 
        Attributes:
            amount_minor (int): The price, an integer of the currency's minor unit.
            currency (str): ISO 4217 code of the price; the merchant is credited it.
            return_url (str): Where the buyer returns after paying (`checkout_session=<id>` is added to its query): https,
                or http on 127.0.0.1/localhost.
            cancel_url (None | str | Unset): Where the buyer may go back to before paying.
            client_reference (None | str | Unset): The merchant's own order reference, 1-200 characters.
            description (None | str | Unset): What is bought, shown on the page; up to 1,000 characters.
            expires_at (int | None | Unset): Unix seconds, 30 minutes to 24 hours from now (default: 30 minutes).
            merchant (None | str | Unset): Platform keys: the merchant (mer_...) being paid.
            metadata (CheckoutSessionCreateMetadata | Unset):
     """

    amount_minor: int
    currency: str
    return_url: str
    cancel_url: None | str | Unset = UNSET
    client_reference: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    merchant: None | str | Unset = UNSET
    metadata: CheckoutSessionCreateMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.checkout_session_create_metadata import CheckoutSessionCreateMetadata # noqa: PLC0415
        amount_minor = self.amount_minor

        currency = self.currency

        return_url = self.return_url

        cancel_url: None | str | Unset
        if isinstance(self.cancel_url, Unset):
            cancel_url = UNSET
        else:
            cancel_url = self.cancel_url

        client_reference: None | str | Unset
        if isinstance(self.client_reference, Unset):
            client_reference = UNSET
        else:
            client_reference = self.client_reference

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "return_url": return_url,
        })
        if cancel_url is not UNSET:
            field_dict["cancel_url"] = cancel_url
        if client_reference is not UNSET:
            field_dict["client_reference"] = client_reference
        if description is not UNSET:
            field_dict["description"] = description
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkout_session_create_metadata import CheckoutSessionCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        return_url = d.pop("return_url")

        def _parse_cancel_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancel_url = _parse_cancel_url(d.pop("cancel_url", UNSET))


        def _parse_client_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_reference = _parse_client_reference(d.pop("client_reference", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: CheckoutSessionCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = CheckoutSessionCreateMetadata.from_dict(_metadata)




        checkout_session_create = cls(
            amount_minor=amount_minor,
            currency=currency,
            return_url=return_url,
            cancel_url=cancel_url,
            client_reference=client_reference,
            description=description,
            expires_at=expires_at,
            merchant=merchant,
            metadata=metadata,
        )

        return checkout_session_create

