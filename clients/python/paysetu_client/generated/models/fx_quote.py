from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.fixed_side import FixedSide
from ..models.quote_state import QuoteState
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="FxQuote")



@_attrs_define
class FxQuote:
    """ Rates are decimal strings (units of ``buy_currency`` per ``sell_currency``).

        Attributes:
            buy_amount_minor (int):
            buy_currency (str):
            created (int):
            customer_rate (str):
            expires_at (int):
            fixed_side (FixedSide): Which amount the client asked for: the other one is computed.
            id (str):
            merchant (None | str):
            mid_rate (str):
            object_ (Literal['fx_quote']):
            payment (None | str):
            rate_as_of (str): The reference rate's date (ISO 8601).
            rate_source (str):
            sell_amount_minor (int):
            sell_currency (str):
            spread_bps (int):
            status (QuoteState):
     """

    buy_amount_minor: int
    buy_currency: str
    created: int
    customer_rate: str
    expires_at: int
    fixed_side: FixedSide
    id: str
    merchant: None | str
    mid_rate: str
    object_: Literal['fx_quote']
    payment: None | str
    rate_as_of: str
    rate_source: str
    sell_amount_minor: int
    sell_currency: str
    spread_bps: int
    status: QuoteState





    def to_dict(self) -> dict[str, Any]:
        buy_amount_minor = self.buy_amount_minor

        buy_currency = self.buy_currency

        created = self.created

        customer_rate = self.customer_rate

        expires_at = self.expires_at

        fixed_side = self.fixed_side.value

        id = self.id

        merchant: None | str
        merchant = self.merchant

        mid_rate = self.mid_rate

        object_ = self.object_

        payment: None | str
        payment = self.payment

        rate_as_of = self.rate_as_of

        rate_source = self.rate_source

        sell_amount_minor = self.sell_amount_minor

        sell_currency = self.sell_currency

        spread_bps = self.spread_bps

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "buy_amount_minor": buy_amount_minor,
            "buy_currency": buy_currency,
            "created": created,
            "customer_rate": customer_rate,
            "expires_at": expires_at,
            "fixed_side": fixed_side,
            "id": id,
            "merchant": merchant,
            "mid_rate": mid_rate,
            "object": object_,
            "payment": payment,
            "rate_as_of": rate_as_of,
            "rate_source": rate_source,
            "sell_amount_minor": sell_amount_minor,
            "sell_currency": sell_currency,
            "spread_bps": spread_bps,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        buy_amount_minor = d.pop("buy_amount_minor")

        buy_currency = d.pop("buy_currency")

        created = d.pop("created")

        customer_rate = d.pop("customer_rate")

        expires_at = d.pop("expires_at")

        fixed_side = FixedSide(d.pop("fixed_side"))




        id = d.pop("id")

        def _parse_merchant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        merchant = _parse_merchant(d.pop("merchant"))


        mid_rate = d.pop("mid_rate")

        object_ = cast(Literal['fx_quote'] , d.pop("object"))
        if object_ != 'fx_quote':
            raise ValueError(f"object must match const 'fx_quote', got '{object_}'")

        def _parse_payment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment = _parse_payment(d.pop("payment"))


        rate_as_of = d.pop("rate_as_of")

        rate_source = d.pop("rate_source")

        sell_amount_minor = d.pop("sell_amount_minor")

        sell_currency = d.pop("sell_currency")

        spread_bps = d.pop("spread_bps")

        status = QuoteState(d.pop("status"))




        fx_quote = cls(
            buy_amount_minor=buy_amount_minor,
            buy_currency=buy_currency,
            created=created,
            customer_rate=customer_rate,
            expires_at=expires_at,
            fixed_side=fixed_side,
            id=id,
            merchant=merchant,
            mid_rate=mid_rate,
            object_=object_,
            payment=payment,
            rate_as_of=rate_as_of,
            rate_source=rate_source,
            sell_amount_minor=sell_amount_minor,
            sell_currency=sell_currency,
            spread_bps=spread_bps,
            status=status,
        )

        return fx_quote

