from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MandateNoticeCreate")



@_attrs_define
class MandateNoticeCreate:
    """ 
        Attributes:
            amount_minor (int): The debit's exact amount.
            debit_after (int): Unix seconds; at least the pre-debit notice time (24 h) from now.
     """

    amount_minor: int
    debit_after: int





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        debit_after = self.debit_after


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "debit_after": debit_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        debit_after = d.pop("debit_after")

        mandate_notice_create = cls(
            amount_minor=amount_minor,
            debit_after=debit_after,
        )

        return mandate_notice_create

