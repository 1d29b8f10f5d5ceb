from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.loan_category import LoanCategory






T = TypeVar("T", bound="PortfolioRow")



@_attrs_define
class PortfolioRow:
    """ One lender's loans of one category and currency; ratios of the outstanding principal
    in basis points (half-up).

        Attributes:
            category (LoanCategory): PMMY categories (domain.md section 6); amounts come from the product table.
            credit_lines (int): Active credit lines.
            currency (str):
            disbursed_loans (int): In the month.
            disbursed_minor (int):
            lender (str):
            lines_drawing_power_minor (int):
            lines_drawn_minor (int):
            lines_limit_minor (int):
            lines_npa_minor (int): Drawn balance of NPA lines.
            lines_out_of_order (int): Lines out of order for more than 30 days.
            lines_utilisation_bps (int): Drawn over limit, half-up.
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
            repaid_minor (int):
            repaid_principal_minor (int):
     """

    category: LoanCategory
    credit_lines: int
    currency: str
    disbursed_loans: int
    disbursed_minor: int
    lender: str
    lines_drawing_power_minor: int
    lines_drawn_minor: int
    lines_limit_minor: int
    lines_npa_minor: int
    lines_out_of_order: int
    lines_utilisation_bps: int
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
    repaid_minor: int
    repaid_principal_minor: int





    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        credit_lines = self.credit_lines

        currency = self.currency

        disbursed_loans = self.disbursed_loans

        disbursed_minor = self.disbursed_minor

        lender = self.lender

        lines_drawing_power_minor = self.lines_drawing_power_minor

        lines_drawn_minor = self.lines_drawn_minor

        lines_limit_minor = self.lines_limit_minor

        lines_npa_minor = self.lines_npa_minor

        lines_out_of_order = self.lines_out_of_order

        lines_utilisation_bps = self.lines_utilisation_bps

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

        repaid_minor = self.repaid_minor

        repaid_principal_minor = self.repaid_principal_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "category": category,
            "credit_lines": credit_lines,
            "currency": currency,
            "disbursed_loans": disbursed_loans,
            "disbursed_minor": disbursed_minor,
            "lender": lender,
            "lines_drawing_power_minor": lines_drawing_power_minor,
            "lines_drawn_minor": lines_drawn_minor,
            "lines_limit_minor": lines_limit_minor,
            "lines_npa_minor": lines_npa_minor,
            "lines_out_of_order": lines_out_of_order,
            "lines_utilisation_bps": lines_utilisation_bps,
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
            "repaid_minor": repaid_minor,
            "repaid_principal_minor": repaid_principal_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = LoanCategory(d.pop("category"))




        credit_lines = d.pop("credit_lines")

        currency = d.pop("currency")

        disbursed_loans = d.pop("disbursed_loans")

        disbursed_minor = d.pop("disbursed_minor")

        lender = d.pop("lender")

        lines_drawing_power_minor = d.pop("lines_drawing_power_minor")

        lines_drawn_minor = d.pop("lines_drawn_minor")

        lines_limit_minor = d.pop("lines_limit_minor")

        lines_npa_minor = d.pop("lines_npa_minor")

        lines_out_of_order = d.pop("lines_out_of_order")

        lines_utilisation_bps = d.pop("lines_utilisation_bps")

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

        repaid_minor = d.pop("repaid_minor")

        repaid_principal_minor = d.pop("repaid_principal_minor")

        portfolio_row = cls(
            category=category,
            credit_lines=credit_lines,
            currency=currency,
            disbursed_loans=disbursed_loans,
            disbursed_minor=disbursed_minor,
            lender=lender,
            lines_drawing_power_minor=lines_drawing_power_minor,
            lines_drawn_minor=lines_drawn_minor,
            lines_limit_minor=lines_limit_minor,
            lines_npa_minor=lines_npa_minor,
            lines_out_of_order=lines_out_of_order,
            lines_utilisation_bps=lines_utilisation_bps,
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
            repaid_minor=repaid_minor,
            repaid_principal_minor=repaid_principal_minor,
        )

        return portfolio_row

