from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PaymentCancel")



@_attrs_define
class PaymentCancel:
    """ 
        Attributes:
            cancellation_reason (None | str | Unset): `duplicate`, `fraudulent`, `requested_by_customer` or `abandoned`.
     """

    cancellation_reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        cancellation_reason: None | str | Unset
        if isinstance(self.cancellation_reason, Unset):
            cancellation_reason = UNSET
        else:
            cancellation_reason = self.cancellation_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cancellation_reason is not UNSET:
            field_dict["cancellation_reason"] = cancellation_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_cancellation_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellation_reason", UNSET))


        payment_cancel = cls(
            cancellation_reason=cancellation_reason,
        )

        return payment_cancel

