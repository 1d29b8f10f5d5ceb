from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ShareRelease")



@_attrs_define
class ShareRelease:
    """ 
        Attributes:
            resolve_dispute (bool | Unset): Platform: end a dispute so. Default: False.
     """

    resolve_dispute: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        resolve_dispute = self.resolve_dispute


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if resolve_dispute is not UNSET:
            field_dict["resolve_dispute"] = resolve_dispute

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resolve_dispute = d.pop("resolve_dispute", UNSET)

        share_release = cls(
            resolve_dispute=resolve_dispute,
        )

        return share_release

