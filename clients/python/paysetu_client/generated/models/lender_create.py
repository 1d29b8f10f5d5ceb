from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.lender_create_metadata import LenderCreateMetadata





T = TypeVar("T", bound="LenderCreate")



@_attrs_define
class LenderCreate:
    """ 
        Attributes:
            kind (str): `bank`, `nbfc`, `mfi` or `refinancer`.
            name (str): The institution's name, 1-200 characters.
            apex (bool | Unset): The apex refinancer (MUDRA's role): refinances lenders, never lends. There is only one.
                Default: False.
            metadata (LenderCreateMetadata | Unset):
     """

    kind: str
    name: str
    apex: bool | Unset = False
    metadata: LenderCreateMetadata | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.lender_create_metadata import LenderCreateMetadata # noqa: PLC0415
        kind = self.kind

        name = self.name

        apex = self.apex

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "name": name,
        })
        if apex is not UNSET:
            field_dict["apex"] = apex
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lender_create_metadata import LenderCreateMetadata # noqa: PLC0415
        d = dict(src_dict)
        kind = d.pop("kind")

        name = d.pop("name")

        apex = d.pop("apex", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: LenderCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = LenderCreateMetadata.from_dict(_metadata)




        lender_create = cls(
            kind=kind,
            name=name,
            apex=apex,
            metadata=metadata,
        )

        return lender_create

