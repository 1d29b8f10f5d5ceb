from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lender_kind import LenderKind
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.lender_balance import LenderBalance
  from ..models.lender_metadata import LenderMetadata





T = TypeVar("T", bound="Lender")



@_attrs_define
class Lender:
    """ 
        Attributes:
            apex (bool): The apex refinancer (at most one; it lends to no one).
            balances (list[LenderBalance]):
            created (int):
            id (str):
            kind (LenderKind):
            metadata (LenderMetadata):
            name (str):
            object_ (Literal['lender']):
     """

    apex: bool
    balances: list[LenderBalance]
    created: int
    id: str
    kind: LenderKind
    metadata: LenderMetadata
    name: str
    object_: Literal['lender']





    def to_dict(self) -> dict[str, Any]:
        from ..models.lender_balance import LenderBalance # noqa: PLC0415
        from ..models.lender_metadata import LenderMetadata # noqa: PLC0415
        apex = self.apex

        balances = []
        for balances_item_data in self.balances:
            balances_item = balances_item_data.to_dict()
            balances.append(balances_item)



        created = self.created

        id = self.id

        kind = self.kind.value

        metadata = self.metadata.to_dict()

        name = self.name

        object_ = self.object_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "apex": apex,
            "balances": balances,
            "created": created,
            "id": id,
            "kind": kind,
            "metadata": metadata,
            "name": name,
            "object": object_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lender_balance import LenderBalance # noqa: PLC0415
        from ..models.lender_metadata import LenderMetadata # noqa: PLC0415
        d = dict(src_dict)
        apex = d.pop("apex")

        balances = []
        _balances = d.pop("balances")
        for balances_item_data in (_balances):
            balances_item = LenderBalance.from_dict(balances_item_data)



            balances.append(balances_item)


        created = d.pop("created")

        id = d.pop("id")

        kind = LenderKind(d.pop("kind"))




        metadata = LenderMetadata.from_dict(d.pop("metadata"))




        name = d.pop("name")

        object_ = cast(Literal['lender'] , d.pop("object"))
        if object_ != 'lender':
            raise ValueError(f"object must match const 'lender', got '{object_}'")

        lender = cls(
            apex=apex,
            balances=balances,
            created=created,
            id=id,
            kind=kind,
            metadata=metadata,
            name=name,
            object_=object_,
        )

        return lender

