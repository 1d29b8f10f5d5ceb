from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="LineLedgerAccounts")



@_attrs_define
class LineLedgerAccounts:
    """ 
        Attributes:
            drawn (str):
            interest (str):
            lender_funding (str):
     """

    drawn: str
    interest: str
    lender_funding: str





    def to_dict(self) -> dict[str, Any]:
        drawn = self.drawn

        interest = self.interest

        lender_funding = self.lender_funding


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "drawn": drawn,
            "interest": interest,
            "lender_funding": lender_funding,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        drawn = d.pop("drawn")

        interest = d.pop("interest")

        lender_funding = d.pop("lender_funding")

        line_ledger_accounts = cls(
            drawn=drawn,
            interest=interest,
            lender_funding=lender_funding,
        )

        return line_ledger_accounts

