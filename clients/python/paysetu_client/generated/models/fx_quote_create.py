from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FxQuoteCreate")



@_attrs_define
class FxQuoteCreate:
    """ 
        Attributes:
            buy_currency (str): The merchant's currency (ISO 4217), e.g. INR.
            sell_currency (str): The buyer's currency (ISO 4217), e.g. CNY.
            buy_amount_minor (int | None | Unset): The merchant's price; give this or sell_amount_minor.
            merchant (None | str | Unset): Platform keys: the merchant (mer_...) the quote is for (a merchant key's quotes
                are its own).
            sell_amount_minor (int | None | Unset): What the buyer spends; give this or buy_amount_minor.
     """

    buy_currency: str
    sell_currency: str
    buy_amount_minor: int | None | Unset = UNSET
    merchant: None | str | Unset = UNSET
    sell_amount_minor: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        buy_currency = self.buy_currency

        sell_currency = self.sell_currency

        buy_amount_minor: int | None | Unset
        if isinstance(self.buy_amount_minor, Unset):
            buy_amount_minor = UNSET
        else:
            buy_amount_minor = self.buy_amount_minor

        merchant: None | str | Unset
        if isinstance(self.merchant, Unset):
            merchant = UNSET
        else:
            merchant = self.merchant

        sell_amount_minor: int | None | Unset
        if isinstance(self.sell_amount_minor, Unset):
            sell_amount_minor = UNSET
        else:
            sell_amount_minor = self.sell_amount_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "buy_currency": buy_currency,
            "sell_currency": sell_currency,
        })
        if buy_amount_minor is not UNSET:
            field_dict["buy_amount_minor"] = buy_amount_minor
        if merchant is not UNSET:
            field_dict["merchant"] = merchant
        if sell_amount_minor is not UNSET:
            field_dict["sell_amount_minor"] = sell_amount_minor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buy_currency = d.pop("buy_currency")

        sell_currency = d.pop("sell_currency")

        def _parse_buy_amount_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buy_amount_minor = _parse_buy_amount_minor(d.pop("buy_amount_minor", UNSET))


        def _parse_merchant(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant = _parse_merchant(d.pop("merchant", UNSET))


        def _parse_sell_amount_minor(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sell_amount_minor = _parse_sell_amount_minor(d.pop("sell_amount_minor", UNSET))


        fx_quote_create = cls(
            buy_currency=buy_currency,
            sell_currency=sell_currency,
            buy_amount_minor=buy_amount_minor,
            merchant=merchant,
            sell_amount_minor=sell_amount_minor,
        )

        return fx_quote_create

