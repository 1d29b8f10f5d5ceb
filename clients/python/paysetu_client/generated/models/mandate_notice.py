from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import Literal, cast






T = TypeVar("T", bound="MandateNotice")



@_attrs_define
class MandateNotice:
    """ 
        Attributes:
            amount_minor (int):
            created (int):
            currency (str):
            debit_after (int): The debit may happen from then on.
            id (str):
            mandate (str):
            object_ (Literal['mandate_notice']):
     """

    amount_minor: int
    created: int
    currency: str
    debit_after: int
    id: str
    mandate: str
    object_: Literal['mandate_notice']





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        debit_after = self.debit_after

        id = self.id

        mandate = self.mandate

        object_ = self.object_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "debit_after": debit_after,
            "id": id,
            "mandate": mandate,
            "object": object_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        debit_after = d.pop("debit_after")

        id = d.pop("id")

        mandate = d.pop("mandate")

        object_ = cast(Literal['mandate_notice'] , d.pop("object"))
        if object_ != 'mandate_notice':
            raise ValueError(f"object must match const 'mandate_notice', got '{object_}'")

        mandate_notice = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            debit_after=debit_after,
            id=id,
            mandate=mandate,
            object_=object_,
        )

        return mandate_notice

