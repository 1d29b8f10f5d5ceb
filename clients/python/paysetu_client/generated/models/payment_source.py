from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_kind import SourceKind






T = TypeVar("T", bound="PaymentSource")



@_attrs_define
class PaymentSource:
    """ How the buyer paid (simulated): the kind, and what may be shown of it.

        Attributes:
            hint (str):
            type_ (SourceKind): A simulated funding source: the buyer's card or UPI account is charged, then paid out
                of a guest wallet in the presentment currency (no real network is called).
     """

    hint: str
    type_: SourceKind





    def to_dict(self) -> dict[str, Any]:
        hint = self.hint

        type_ = self.type_.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hint": hint,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hint = d.pop("hint")

        type_ = SourceKind(d.pop("type"))




        payment_source = cls(
            hint=hint,
            type_=type_,
        )

        return payment_source

