from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.lump_allocation_kind import LumpAllocationKind






T = TypeVar("T", bound="LumpAllocation")



@_attrs_define
class LumpAllocation:
    """ The part of a prepayment or foreclosure beyond the installments due.

        Attributes:
            fees_minor (int):
            installment (None):
            interest_minor (int):
            kind (LumpAllocationKind):
            penalty_minor (int):
            principal_minor (int):
     """

    fees_minor: int
    installment: None
    interest_minor: int
    kind: LumpAllocationKind
    penalty_minor: int
    principal_minor: int





    def to_dict(self) -> dict[str, Any]:
        fees_minor = self.fees_minor

        installment = self.installment

        interest_minor = self.interest_minor

        kind = self.kind.value

        penalty_minor = self.penalty_minor

        principal_minor = self.principal_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fees_minor": fees_minor,
            "installment": installment,
            "interest_minor": interest_minor,
            "kind": kind,
            "penalty_minor": penalty_minor,
            "principal_minor": principal_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fees_minor = d.pop("fees_minor")

        installment = d.pop("installment")

        interest_minor = d.pop("interest_minor")

        kind = LumpAllocationKind(d.pop("kind"))




        penalty_minor = d.pop("penalty_minor")

        principal_minor = d.pop("principal_minor")

        lump_allocation = cls(
            fees_minor=fees_minor,
            installment=installment,
            interest_minor=interest_minor,
            kind=kind,
            penalty_minor=penalty_minor,
            principal_minor=principal_minor,
        )

        return lump_allocation

