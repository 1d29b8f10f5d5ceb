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
            wallet (str): The buyer's wallet (wal_...) that pays the trade.
     """

    wallet: str





    def to_dict(self) -> dict[str, Any]:
        wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "wallet": wallet,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        wallet = d.pop("wallet")

        alipay_trade_payment = cls(
            wallet=wallet,
        )

        return alipay_trade_payment

