from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.loan_installment import LoanInstallment





T = TypeVar("T", bound="LoanSchedule")



@_attrs_define
class LoanSchedule:
    """ 
        Attributes:
            currency (str):
            installments (list[LoanInstallment]):
            loan (str):
            object_ (Literal['loan_schedule']):
            projected (bool): Before disbursal: the schedule as if the loan were disbursed today.
            total_interest_minor (int):
            total_minor (int):
            total_principal_minor (int):
     """

    currency: str
    installments: list[LoanInstallment]
    loan: str
    object_: Literal['loan_schedule']
    projected: bool
    total_interest_minor: int
    total_minor: int
    total_principal_minor: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.loan_installment import LoanInstallment # noqa: PLC0415
        currency = self.currency

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)



        loan = self.loan

        object_ = self.object_

        projected = self.projected

        total_interest_minor = self.total_interest_minor

        total_minor = self.total_minor

        total_principal_minor = self.total_principal_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "currency": currency,
            "installments": installments,
            "loan": loan,
            "object": object_,
            "projected": projected,
            "total_interest_minor": total_interest_minor,
            "total_minor": total_minor,
            "total_principal_minor": total_principal_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loan_installment import LoanInstallment # noqa: PLC0415
        d = dict(src_dict)
        currency = d.pop("currency")

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in (_installments):
            installments_item = LoanInstallment.from_dict(installments_item_data)



            installments.append(installments_item)


        loan = d.pop("loan")

        object_ = cast(Literal['loan_schedule'] , d.pop("object"))
        if object_ != 'loan_schedule':
            raise ValueError(f"object must match const 'loan_schedule', got '{object_}'")

        projected = d.pop("projected")

        total_interest_minor = d.pop("total_interest_minor")

        total_minor = d.pop("total_minor")

        total_principal_minor = d.pop("total_principal_minor")

        loan_schedule = cls(
            currency=currency,
            installments=installments,
            loan=loan,
            object_=object_,
            projected=projected,
            total_interest_minor=total_interest_minor,
            total_minor=total_minor,
            total_principal_minor=total_principal_minor,
        )

        return loan_schedule

