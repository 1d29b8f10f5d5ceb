from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.loan_installment_status import LoanInstallmentStatus






T = TypeVar("T", bound="LoanInstallment")



@_attrs_define
class LoanInstallment:
    """ 
        Attributes:
            due_date (str):
            fees_minor (int):
            fees_paid_minor (int):
            interest_minor (int):
            interest_paid_minor (int):
            number (int):
            penalty_minor (int):
            penalty_paid_minor (int):
            period_start (str):
            principal_minor (int):
            principal_paid_minor (int):
            status (LoanInstallmentStatus):
            total_minor (int):
     """

    due_date: str
    fees_minor: int
    fees_paid_minor: int
    interest_minor: int
    interest_paid_minor: int
    number: int
    penalty_minor: int
    penalty_paid_minor: int
    period_start: str
    principal_minor: int
    principal_paid_minor: int
    status: LoanInstallmentStatus
    total_minor: int





    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date

        fees_minor = self.fees_minor

        fees_paid_minor = self.fees_paid_minor

        interest_minor = self.interest_minor

        interest_paid_minor = self.interest_paid_minor

        number = self.number

        penalty_minor = self.penalty_minor

        penalty_paid_minor = self.penalty_paid_minor

        period_start = self.period_start

        principal_minor = self.principal_minor

        principal_paid_minor = self.principal_paid_minor

        status = self.status.value

        total_minor = self.total_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "due_date": due_date,
            "fees_minor": fees_minor,
            "fees_paid_minor": fees_paid_minor,
            "interest_minor": interest_minor,
            "interest_paid_minor": interest_paid_minor,
            "number": number,
            "penalty_minor": penalty_minor,
            "penalty_paid_minor": penalty_paid_minor,
            "period_start": period_start,
            "principal_minor": principal_minor,
            "principal_paid_minor": principal_paid_minor,
            "status": status,
            "total_minor": total_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = d.pop("due_date")

        fees_minor = d.pop("fees_minor")

        fees_paid_minor = d.pop("fees_paid_minor")

        interest_minor = d.pop("interest_minor")

        interest_paid_minor = d.pop("interest_paid_minor")

        number = d.pop("number")

        penalty_minor = d.pop("penalty_minor")

        penalty_paid_minor = d.pop("penalty_paid_minor")

        period_start = d.pop("period_start")

        principal_minor = d.pop("principal_minor")

        principal_paid_minor = d.pop("principal_paid_minor")

        status = LoanInstallmentStatus(d.pop("status"))




        total_minor = d.pop("total_minor")

        loan_installment = cls(
            due_date=due_date,
            fees_minor=fees_minor,
            fees_paid_minor=fees_paid_minor,
            interest_minor=interest_minor,
            interest_paid_minor=interest_paid_minor,
            number=number,
            penalty_minor=penalty_minor,
            penalty_paid_minor=penalty_paid_minor,
            period_start=period_start,
            principal_minor=principal_minor,
            principal_paid_minor=principal_paid_minor,
            status=status,
            total_minor=total_minor,
        )

        return loan_installment

