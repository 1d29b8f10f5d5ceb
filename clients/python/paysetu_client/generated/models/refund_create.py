from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.refund_create_metadata import RefundCreateMetadata





T = TypeVar("T", bound="RefundCreate")



@_attrs_define
class RefundCreate:
    """ 
        Attributes:
            payment (str): The payment (pay_...) to refund.
            amount_minor (int | None | Unset): Default: everything not yet refunded.
            metadata (RefundCreateMetadata | Unset):
            reason (None | str | Unset): Up to 1,000 characters.
     """

    payment: str
    amount_minor: int | None | Unset = UNSET
    metadata: RefundCreateMetadata | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.refund_create_metadata import RefundCreateMetadata # noqa: PLC0415
        payment = self.payment

        amount_minor: int | None | Unset
        if isinstance(self.amount_minor, Unset):
            amount_minor = UNSET
        else:
            amount_minor = self.amount_minor

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "payment": payment,
        })
        if amount_minor is not UNSET:
            field_dict["amount_minor"] = amount_minor
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.refund_create_metadata import RefundCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        payment = d.pop("payment")

        def _parse_amount_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount_minor = _parse_amount_minor(d.pop("amount_minor", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: RefundCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = RefundCreateMetadata.from_dict(_metadata)




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        refund_create = cls(
            payment=payment,
            amount_minor=amount_minor,
            metadata=metadata,
            reason=reason,
        )

        return refund_create

