from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.marketplace_order_status import MarketplaceOrderStatus
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.marketplace_order_metadata import MarketplaceOrderMetadata
  from ..models.marketplace_share import MarketplaceShare
  from ..models.next_action import NextAction





T = TypeVar("T", bound="MarketplaceOrder")



@_attrs_define
class MarketplaceOrder:
    """ 
        Attributes:
            amount_minor (int):
            checkout_session (None | str):
            checkout_url (None | str): Where to send the buyer (on creation).
            commission_minor (int):
            created (int):
            currency (str):
            description (None | str):
            id (str):
            journal_entry (None | str): The one entry that split the payment.
            marketplace (str):
            metadata (MarketplaceOrderMetadata):
            next_action (NextAction | None): While `requires_action`: where and until when the customer approves.
            object_ (Literal['marketplace_order']):
            paid_at (int | None):
            payment (None | str): The buyer's payment to the marketplace.
            shares (list[MarketplaceShare]):
            status (MarketplaceOrderStatus): `requires_action`: a wallet order's payment waits for its customer's approval
                (`next_action`); `canceled`: the customer refused or the approval expired, nothing was split.
     """

    amount_minor: int
    checkout_session: None | str
    checkout_url: None | str
    commission_minor: int
    created: int
    currency: str
    description: None | str
    id: str
    journal_entry: None | str
    marketplace: str
    metadata: MarketplaceOrderMetadata
    next_action: NextAction | None
    object_: Literal['marketplace_order']
    paid_at: int | None
    payment: None | str
    shares: list[MarketplaceShare]
    status: MarketplaceOrderStatus





    def to_dict(self) -> dict[str, Any]:
        from ..models.marketplace_order_metadata import MarketplaceOrderMetadata # noqa: PLC0415
        from ..models.marketplace_share import MarketplaceShare # noqa: PLC0415
        from ..models.next_action import NextAction # noqa: PLC0415
        amount_minor = self.amount_minor

        checkout_session: None | str
        checkout_session = self.checkout_session

        checkout_url: None | str
        checkout_url = self.checkout_url

        commission_minor = self.commission_minor

        created = self.created

        currency = self.currency

        description: None | str
        description = self.description

        id = self.id

        journal_entry: None | str
        journal_entry = self.journal_entry

        marketplace = self.marketplace

        metadata = self.metadata.to_dict()

        next_action: dict[str, Any] | None
        if isinstance(self.next_action, NextAction):
            next_action = self.next_action.to_dict()
        else:
            next_action = self.next_action

        object_ = self.object_

        paid_at: int | None
        paid_at = self.paid_at

        payment: None | str
        payment = self.payment

        shares = []
        for shares_item_data in self.shares:
            shares_item = shares_item_data.to_dict()
            shares.append(shares_item)



        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "checkout_session": checkout_session,
            "checkout_url": checkout_url,
            "commission_minor": commission_minor,
            "created": created,
            "currency": currency,
            "description": description,
            "id": id,
            "journal_entry": journal_entry,
            "marketplace": marketplace,
            "metadata": metadata,
            "next_action": next_action,
            "object": object_,
            "paid_at": paid_at,
            "payment": payment,
            "shares": shares,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.marketplace_order_metadata import MarketplaceOrderMetadata # noqa: PLC0415
        from ..models.marketplace_share import MarketplaceShare # noqa: PLC0415
        from ..models.next_action import NextAction # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        def _parse_checkout_session(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        checkout_session = _parse_checkout_session(d.pop("checkout_session"))


        def _parse_checkout_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        checkout_url = _parse_checkout_url(d.pop("checkout_url"))


        commission_minor = d.pop("commission_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        id = d.pop("id")

        def _parse_journal_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        journal_entry = _parse_journal_entry(d.pop("journal_entry"))


        marketplace = d.pop("marketplace")

        metadata = MarketplaceOrderMetadata.from_dict(d.pop("metadata"))




        def _parse_next_action(data: object) -> NextAction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                next_action_type_0 = NextAction.from_dict(data)



                return next_action_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(NextAction | None, data)

        next_action = _parse_next_action(d.pop("next_action"))


        object_ = cast(Literal['marketplace_order'] , d.pop("object"))
        if object_ != 'marketplace_order':
            raise ValueError(f"object must match const 'marketplace_order', got '{object_}'")

        def _parse_paid_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        paid_at = _parse_paid_at(d.pop("paid_at"))


        def _parse_payment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment = _parse_payment(d.pop("payment"))


        shares = []
        _shares = d.pop("shares")
        for shares_item_data in (_shares):
            shares_item = MarketplaceShare.from_dict(shares_item_data)



            shares.append(shares_item)


        status = MarketplaceOrderStatus(d.pop("status"))




        marketplace_order = cls(
            amount_minor=amount_minor,
            checkout_session=checkout_session,
            checkout_url=checkout_url,
            commission_minor=commission_minor,
            created=created,
            currency=currency,
            description=description,
            id=id,
            journal_entry=journal_entry,
            marketplace=marketplace,
            metadata=metadata,
            next_action=next_action,
            object_=object_,
            paid_at=paid_at,
            payment=payment,
            shares=shares,
            status=status,
        )

        return marketplace_order

