from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.marketplace_order_create_metadata import MarketplaceOrderCreateMetadata
  from ..models.order_line_in import OrderLineIn





T = TypeVar("T", bound="MarketplaceOrderCreate")



@_attrs_define
class MarketplaceOrderCreate:
    """ 
        Attributes:
            amount_minor (int): The whole cart; the lines must add up to it.
            currency (str):
            lines (list[OrderLineIn]):
            description (None | str | Unset):
            fx_quote (None | str | Unset): With wallet: cross-border quote.
            mandate (None | str | Unset): With wallet: the customer's live mandate to debit under.
            marketplace (None | str | Unset): Platform keys only.
            metadata (MarketplaceOrderCreateMetadata | Unset):
            operator_reason (None | str | Unset): With wallet, platform keys only: an operator debit's reason.
            return_url (None | str | Unset): Pay on the hosted checkout.
            wallet (None | str | Unset): Pay now from this wallet.
     """

    amount_minor: int
    currency: str
    lines: list[OrderLineIn]
    description: None | str | Unset = UNSET
    fx_quote: None | str | Unset = UNSET
    mandate: None | str | Unset = UNSET
    marketplace: None | str | Unset = UNSET
    metadata: MarketplaceOrderCreateMetadata | Unset = UNSET
    operator_reason: None | str | Unset = UNSET
    return_url: None | str | Unset = UNSET
    wallet: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.marketplace_order_create_metadata import MarketplaceOrderCreateMetadata # noqa: PLC0415
        from ..models.order_line_in import OrderLineIn # noqa: PLC0415
        amount_minor = self.amount_minor

        currency = self.currency

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        fx_quote: None | str | Unset
        if isinstance(self.fx_quote, Unset):
            fx_quote = UNSET
        else:
            fx_quote = self.fx_quote

        mandate: None | str | Unset
        if isinstance(self.mandate, Unset):
            mandate = UNSET
        else:
            mandate = self.mandate

        marketplace: None | str | Unset
        if isinstance(self.marketplace, Unset):
            marketplace = UNSET
        else:
            marketplace = self.marketplace

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        operator_reason: None | str | Unset
        if isinstance(self.operator_reason, Unset):
            operator_reason = UNSET
        else:
            operator_reason = self.operator_reason

        return_url: None | str | Unset
        if isinstance(self.return_url, Unset):
            return_url = UNSET
        else:
            return_url = self.return_url

        wallet: None | str | Unset
        if isinstance(self.wallet, Unset):
            wallet = UNSET
        else:
            wallet = self.wallet


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "currency": currency,
            "lines": lines,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if fx_quote is not UNSET:
            field_dict["fx_quote"] = fx_quote
        if mandate is not UNSET:
            field_dict["mandate"] = mandate
        if marketplace is not UNSET:
            field_dict["marketplace"] = marketplace
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if operator_reason is not UNSET:
            field_dict["operator_reason"] = operator_reason
        if return_url is not UNSET:
            field_dict["return_url"] = return_url
        if wallet is not UNSET:
            field_dict["wallet"] = wallet

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.marketplace_order_create_metadata import MarketplaceOrderCreateMetadata # noqa: PLC0415
        from ..models.order_line_in import OrderLineIn # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        currency = d.pop("currency")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = OrderLineIn.from_dict(lines_item_data)



            lines.append(lines_item)


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_fx_quote(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fx_quote = _parse_fx_quote(d.pop("fx_quote", UNSET))


        def _parse_mandate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        mandate = _parse_mandate(d.pop("mandate", UNSET))


        def _parse_marketplace(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        marketplace = _parse_marketplace(d.pop("marketplace", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: MarketplaceOrderCreateMetadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = MarketplaceOrderCreateMetadata.from_dict(_metadata)




        def _parse_operator_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operator_reason = _parse_operator_reason(d.pop("operator_reason", UNSET))


        def _parse_return_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        return_url = _parse_return_url(d.pop("return_url", UNSET))


        def _parse_wallet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        wallet = _parse_wallet(d.pop("wallet", UNSET))


        marketplace_order_create = cls(
            amount_minor=amount_minor,
            currency=currency,
            lines=lines,
            description=description,
            fx_quote=fx_quote,
            mandate=mandate,
            marketplace=marketplace,
            metadata=metadata,
            operator_reason=operator_reason,
            return_url=return_url,
            wallet=wallet,
        )

        return marketplace_order_create

