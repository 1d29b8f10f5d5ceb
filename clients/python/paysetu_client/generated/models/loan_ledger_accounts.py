from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LoanLedgerAccounts")



@_attrs_define
class LoanLedgerAccounts:
    """ 
        Attributes:
            interest (str):
            lender_funding (str):
            principal (str):
     """

    interest: str
    lender_funding: str
    principal: str





    def to_dict(self) -> dict[str, Any]:
        interest = self.interest

        lender_funding = self.lender_funding

        principal = self.principal


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "interest": interest,
            "lender_funding": lender_funding,
            "principal": principal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        interest = d.pop("interest")

        lender_funding = d.pop("lender_funding")

        principal = d.pop("principal")

        loan_ledger_accounts = cls(
            interest=interest,
            lender_funding=lender_funding,
            principal=principal,
        )

        return loan_ledger_accounts

