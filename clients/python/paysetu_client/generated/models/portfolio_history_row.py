from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.loan_category import LoanCategory






T = TypeVar("T", bound="PortfolioHistoryRow")



@_attrs_define
class PortfolioHistoryRow:
    """ 
        Attributes:
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            credit_lines (int): Credit lines in the figures (their drawn balances; ``loans`` counts the term loans).
            currency (str):
            date (str):
            lender (str):
            loans (int):
            npa_minor (int):
            npa_ratio_bps (int):
            outstanding_minor (int):
            par_30_bps (int):
            par_30_minor (int):
            par_60_bps (int):
            par_60_minor (int):
            par_90_bps (int):
            par_90_minor (int):
            provisions_minor (int):
     """

    category: LoanCategory
    credit_lines: int
    currency: str
    date: str
    lender: str
    loans: int
    npa_minor: int
    npa_ratio_bps: int
    outstanding_minor: int
    par_30_bps: int
    par_30_minor: int
    par_60_bps: int
    par_60_minor: int
    par_90_bps: int
    par_90_minor: int
    provisions_minor: int





    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        credit_lines = self.credit_lines

        currency = self.currency

        date = self.date

        lender = self.lender

        loans = self.loans

        npa_minor = self.npa_minor

        npa_ratio_bps = self.npa_ratio_bps

        outstanding_minor = self.outstanding_minor

        par_30_bps = self.par_30_bps

        par_30_minor = self.par_30_minor

        par_60_bps = self.par_60_bps

        par_60_minor = self.par_60_minor

        par_90_bps = self.par_90_bps

        par_90_minor = self.par_90_minor

        provisions_minor = self.provisions_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "category": category,
            "credit_lines": credit_lines,
            "currency": currency,
            "date": date,
            "lender": lender,
            "loans": loans,
            "npa_minor": npa_minor,
            "npa_ratio_bps": npa_ratio_bps,
            "outstanding_minor": outstanding_minor,
            "par_30_bps": par_30_bps,
            "par_30_minor": par_30_minor,
            "par_60_bps": par_60_bps,
            "par_60_minor": par_60_minor,
            "par_90_bps": par_90_bps,
            "par_90_minor": par_90_minor,
            "provisions_minor": provisions_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = LoanCategory(d.pop("category"))




        credit_lines = d.pop("credit_lines")

        currency = d.pop("currency")

        date = d.pop("date")

        lender = d.pop("lender")

        loans = d.pop("loans")

        npa_minor = d.pop("npa_minor")

        npa_ratio_bps = d.pop("npa_ratio_bps")

        outstanding_minor = d.pop("outstanding_minor")

        par_30_bps = d.pop("par_30_bps")

        par_30_minor = d.pop("par_30_minor")

        par_60_bps = d.pop("par_60_bps")

        par_60_minor = d.pop("par_60_minor")

        par_90_bps = d.pop("par_90_bps")

        par_90_minor = d.pop("par_90_minor")

        provisions_minor = d.pop("provisions_minor")

        portfolio_history_row = cls(
            category=category,
            credit_lines=credit_lines,
            currency=currency,
            date=date,
            lender=lender,
            loans=loans,
            npa_minor=npa_minor,
            npa_ratio_bps=npa_ratio_bps,
            outstanding_minor=outstanding_minor,
            par_30_bps=par_30_bps,
            par_30_minor=par_30_minor,
            par_60_bps=par_60_bps,
            par_60_minor=par_60_minor,
            par_90_bps=par_90_bps,
            par_90_minor=par_90_minor,
            provisions_minor=provisions_minor,
        )

        return portfolio_history_row

