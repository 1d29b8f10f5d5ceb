from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.wallet_movement_result_object import WalletMovementResultObject
from typing import cast






T = TypeVar("T", bound="WalletMovementResult")



@_attrs_define
class WalletMovementResult:
    """ The result of a top-up, transfer or withdrawal.

        Attributes:
            amount_minor (int):
            balance_minor (int):
            counterparty (None | str):
            currency (str):
            journal_entry (str):
            object_ (WalletMovementResultObject):
            wallet (str):
     """

    amount_minor: int
    balance_minor: int
    counterparty: None | str
    currency: str
    journal_entry: str
    object_: WalletMovementResultObject
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        balance_minor = self.balance_minor

        counterparty: None | str
        counterparty = self.counterparty

        currency = self.currency

        journal_entry = self.journal_entry

        object_ = self.object_.value

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "balance_minor": balance_minor,
            "counterparty": counterparty,
            "currency": currency,
            "journal_entry": journal_entry,
            "object": object_,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        balance_minor = d.pop("balance_minor")

        def _parse_counterparty(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        counterparty = _parse_counterparty(d.pop("counterparty"))


        currency = d.pop("currency")

        journal_entry = d.pop("journal_entry")

        object_ = WalletMovementResultObject(d.pop("object"))




        wallet = d.pop("wallet")

        wallet_movement_result = cls(
            amount_minor=amount_minor,
            balance_minor=balance_minor,
            counterparty=counterparty,
            currency=currency,
            journal_entry=journal_entry,
            object_=object_,
            wallet=wallet,
        )

        return wallet_movement_result

