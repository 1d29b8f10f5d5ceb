from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="InstallmentAllocation")



@_attrs_define
class InstallmentAllocation:
    """ What a repayment paid of one installment.

        Attributes:
            fees_minor (int):
            installment (int):
            interest_minor (int):
            penalty_minor (int):
            principal_minor (int):
     """

    fees_minor: int
    installment: int
    interest_minor: int
    penalty_minor: int
    principal_minor: int





    def to_dict(self) -> dict[str, Any]:
        fees_minor = self.fees_minor

        installment = self.installment

        interest_minor = self.interest_minor

        penalty_minor = self.penalty_minor

        principal_minor = self.principal_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "fees_minor": fees_minor,
            "installment": installment,
            "interest_minor": interest_minor,
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

        penalty_minor = d.pop("penalty_minor")

        principal_minor = d.pop("principal_minor")

        installment_allocation = cls(
            fees_minor=fees_minor,
            installment=installment,
            interest_minor=interest_minor,
            penalty_minor=penalty_minor,
            principal_minor=principal_minor,
        )

        return installment_allocation

