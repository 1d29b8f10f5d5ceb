from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.wallet_transfer_metadata import WalletTransferMetadata





T = TypeVar("T", bound="WalletTransfer")



@_attrs_define
class WalletTransfer:
    """ 
        Attributes:
            amount_minor (int): Integer amount in the currency's minor unit.
            currency (str):
            destination (str): The wallet (wal_...) to credit.
            metadata (WalletTransferMetadata | Unset):
     """

    amount_minor: int
    currency: str
    destination: str
    metadata: WalletTransferMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.wallet_transfer_metadata import WalletTransferMetadata # noqa: PLC0415
        amount_minor = self.amount_minor

        currency = self.currency

        destination = self.destination

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "destination": destination,
        })
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wallet_transfer_metadata import WalletTransferMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        destination = d.pop("destination")

        _metadata = d.pop("metadata", UNSET)
        metadata: WalletTransferMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = WalletTransferMetadata.from_dict(_metadata)




        wallet_transfer = cls(
            amount_minor=amount_minor,
            currency=currency,
            destination=destination,
            metadata=metadata,
        )

        return wallet_transfer

