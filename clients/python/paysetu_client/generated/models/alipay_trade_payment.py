from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AlipayTradePayment")



@_attrs_define
class AlipayTradePayment:
    """ 
        Attributes:
            operator_reason (str): Why the wallet operator debits the buyer's wallet (1-500 characters): recorded on the
                payment, its events and its ledger entries.
            wallet (str): The buyer's wallet (wal_...) that pays the trade.
     """

    operator_reason: str
    wallet: str





    def to_dict(self) -> dict[str, Any]:
        operator_reason = self.operator_reason

        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "operator_reason": operator_reason,
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operator_reason = d.pop("operator_reason")

        wallet = d.pop("wallet")

        alipay_trade_payment = cls(
            operator_reason=operator_reason,
            wallet=wallet,
        )

        return alipay_trade_payment

