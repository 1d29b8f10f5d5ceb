from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MandateCreate")



@_attrs_define
class MandateCreate:
    """ 
        Attributes:
            amount_max_minor (int): The most one debit may take.
            currency (str): The wallet's currency.
            frequency (str): `as_presented` (on demand), `daily`, `weekly`, `monthly` or `yearly`: at most one debit per
                period.
            purpose (str): What the customer is told it is for (1-200 characters).
            valid_until (int): Unix seconds: no debit after this.
            wallet (str): The customer's wallet (wal_...) to debit.
            merchant (None | str | Unset): Platform key: the merchant.
     """

    amount_max_minor: int
    currency: str
    frequency: str
    purpose: str
    valid_until: int
    wallet: str
    merchant: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount_max_minor = self.amount_max_minor

        currency = self.currency

        frequency = self.frequency

        purpose = self.purpose

        valid_until = self.valid_until

        wallet = self.wallet

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_max_minor": amount_max_minor,
            "currency": currency,
            "frequency": frequency,
            "purpose": purpose,
            "valid_until": valid_until,
            "wallet": wallet,
        })
        if merchant is not UNSET:
            field_dict["merchant"] = merchant

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_max_minor = d.pop("amount_max_minor")

        currency = d.pop("currency")

        frequency = d.pop("frequency")

        purpose = d.pop("purpose")

        valid_until = d.pop("valid_until")

        wallet = d.pop("wallet")

        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        mandate_create = cls(
            amount_max_minor=amount_max_minor,
            currency=currency,
            frequency=frequency,
            purpose=purpose,
            valid_until=valid_until,
            wallet=wallet,
            merchant=merchant,
        )

        return mandate_create

