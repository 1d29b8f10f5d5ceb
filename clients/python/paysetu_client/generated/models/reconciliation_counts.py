from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ReconciliationCounts")



@_attrs_define
class ReconciliationCounts:
    """ Lines of the report per category (every category present).

        Attributes:
            amount_mismatch (int):
            currency_mismatch (int):
            matched (int):
            missing (int):
            returned (int): Payouts the bank sent back (a return reason such as AC04).
            unexpected (int):
     """

    amount_mismatch: int
    currency_mismatch: int
    matched: int
    missing: int
    returned: int
    unexpected: int





    def to_dict(self) -> dict[str, Any]:
        amount_mismatch = self.amount_mismatch

        currency_mismatch = self.currency_mismatch

        matched = self.matched

        missing = self.missing

        returned = self.returned

        unexpected = self.unexpected


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_mismatch": amount_mismatch,
            "currency_mismatch": currency_mismatch,
            "matched": matched,
            "missing": missing,
            "returned": returned,
            "unexpected": unexpected,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_mismatch = d.pop("amount_mismatch")

        currency_mismatch = d.pop("currency_mismatch")

        matched = d.pop("matched")

        missing = d.pop("missing")

        returned = d.pop("returned")

        unexpected = d.pop("unexpected")

        reconciliation_counts = cls(
            amount_mismatch=amount_mismatch,
            currency_mismatch=currency_mismatch,
            matched=matched,
            missing=missing,
            returned=returned,
            unexpected=unexpected,
        )

        return reconciliation_counts

