from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.underwriting_reason_effect import UnderwritingReasonEffect






T = TypeVar("T", bound="UnderwritingReason")



@_attrs_define
class UnderwritingReason:
    """ 
        Attributes:
            code (str):
            effect (UnderwritingReasonEffect):
            text (str):
     """

    code: str
    effect: UnderwritingReasonEffect
    text: str





    def to_dict(self) -> dict[str, Any]:
        code = self.code

        effect = self.effect.value

        text = self.text


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "effect": effect,
            "text": text,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        effect = UnderwritingReasonEffect(d.pop("effect"))




        text = d.pop("text")

        underwriting_reason = cls(
            code=code,
            effect=effect,
            text=text,
        )

        return underwriting_reason

