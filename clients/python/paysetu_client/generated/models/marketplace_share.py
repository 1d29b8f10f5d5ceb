from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.share_state import ShareState
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.order_line_out import OrderLineOut





T = TypeVar("T", bound="MarketplaceShare")



@_attrs_define
class MarketplaceShare:
    """ One seller's part of an order: ``amount = commission + tcs + tds + net``.

        Attributes:
            amount_minor (int):
            commission_minor (int):
            created (int):
            currency (str):
            fx_rate (None | str): Payout-currency units per order-currency unit, the mid rate locked when the order was
                paid; null when the seller is paid in the order's currency.
            held_minor (int): What the seller's hold still keeps for the share, in payout_currency.
            id (str):
            lines (list[OrderLineOut]):
            marketplace (str):
            net_minor (int): What the seller receives when released (order currency).
            object_ (Literal['marketplace_share']):
            order (str):
            payout_currency (str): The seller's own currency: its hold, balance and payouts.
            payout_net_minor (int): The net in payout_currency (converted at fx_rate for a seller abroad; 0 until the order
                is paid).
            refunded_minor (int):
            release_at (int | None): When it is released unless disputed.
            released_at (int | None):
            seller (str):
            status (ShareState): ``pending`` (order unpaid) -> ``held`` -> ``released`` | ``refunded``; ``held`` <->
                ``disputed`` (a dispute freezes the hold; the platform resolves it).
            tcs_minor (int): GST TCS withheld (CGST Act s.52).
            tds_minor (int): Income-tax TDS withheld (s.194-O).
     """

    amount_minor: int
    commission_minor: int
    created: int
    currency: str
    fx_rate: None | str
    held_minor: int
    id: str
    lines: list[OrderLineOut]
    marketplace: str
    net_minor: int
    object_: Literal['marketplace_share']
    order: str
    payout_currency: str
    payout_net_minor: int
    refunded_minor: int
    release_at: int | None
    released_at: int | None
    seller: str
    status: ShareState
    tcs_minor: int
    tds_minor: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.order_line_out import OrderLineOut # noqa: PLC0415
        amount_minor = self.amount_minor

        commission_minor = self.commission_minor

        created = self.created

        currency = self.currency

        fx_rate: None | str
        fx_rate = self.fx_rate

        held_minor = self.held_minor

        id = self.id

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        marketplace = self.marketplace

        net_minor = self.net_minor

        object_ = self.object_

        order = self.order

        payout_currency = self.payout_currency

        payout_net_minor = self.payout_net_minor

        refunded_minor = self.refunded_minor

        release_at: int | None
        release_at = self.release_at

        released_at: int | None
        released_at = self.released_at

        seller = self.seller

        status = self.status.value

        tcs_minor = self.tcs_minor

        tds_minor = self.tds_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "commission_minor": commission_minor,
            "created": created,
            "currency": currency,
            "fx_rate": fx_rate,
            "held_minor": held_minor,
            "id": id,
            "lines": lines,
            "marketplace": marketplace,
            "net_minor": net_minor,
            "object": object_,
            "order": order,
            "payout_currency": payout_currency,
            "payout_net_minor": payout_net_minor,
            "refunded_minor": refunded_minor,
            "release_at": release_at,
            "released_at": released_at,
            "seller": seller,
            "status": status,
            "tcs_minor": tcs_minor,
            "tds_minor": tds_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_line_out import OrderLineOut # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        commission_minor = d.pop("commission_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_fx_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fx_rate = _parse_fx_rate(d.pop("fx_rate"))


        held_minor = d.pop("held_minor")

        id = d.pop("id")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = OrderLineOut.from_dict(lines_item_data)



            lines.append(lines_item)


        marketplace = d.pop("marketplace")

        net_minor = d.pop("net_minor")

        object_ = cast(Literal['marketplace_share'] , d.pop("object"))
        if object_ != 'marketplace_share':
            raise ValueError(f"object must match const 'marketplace_share', got '{object_}'")

        order = d.pop("order")

        payout_currency = d.pop("payout_currency")

        payout_net_minor = d.pop("payout_net_minor")

        refunded_minor = d.pop("refunded_minor")

        def _parse_release_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        release_at = _parse_release_at(d.pop("release_at"))


        def _parse_released_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        released_at = _parse_released_at(d.pop("released_at"))


        seller = d.pop("seller")

        status = ShareState(d.pop("status"))




        tcs_minor = d.pop("tcs_minor")

        tds_minor = d.pop("tds_minor")

        marketplace_share = cls(
            amount_minor=amount_minor,
            commission_minor=commission_minor,
            created=created,
            currency=currency,
            fx_rate=fx_rate,
            held_minor=held_minor,
            id=id,
            lines=lines,
            marketplace=marketplace,
            net_minor=net_minor,
            object_=object_,
            order=order,
            payout_currency=payout_currency,
            payout_net_minor=payout_net_minor,
            refunded_minor=refunded_minor,
            release_at=release_at,
            released_at=released_at,
            seller=seller,
            status=status,
            tcs_minor=tcs_minor,
            tds_minor=tds_minor,
        )

        return marketplace_share

