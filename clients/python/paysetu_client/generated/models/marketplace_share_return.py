from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="MarketplaceShareReturn")



@_attrs_define
class MarketplaceShareReturn:
    """ A return of (part of) one share and where its money came from.

        Attributes:
            amount_minor (int):
            commission_minor (int): Commission given back (marketplace policy).
            created (int):
            from_balance_minor (int):
            from_hold_minor (int):
            id (str):
            journal_entry (None | str):
            object_ (Literal['marketplace_share_return']):
            recovered_later_minor (int): What the seller owes, taken from its next releases.
            refund (str): The refund of the buyer's payment (ref_...).
            share (str):
            tcs_minor (int):
            tds_minor (int):
     """

    amount_minor: int
    commission_minor: int
    created: int
    from_balance_minor: int
    from_hold_minor: int
    id: str
    journal_entry: None | str
    object_: Literal['marketplace_share_return']
    recovered_later_minor: int
    refund: str
    share: str
    tcs_minor: int
    tds_minor: int





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        commission_minor = self.commission_minor

        created = self.created

        from_balance_minor = self.from_balance_minor

        from_hold_minor = self.from_hold_minor

        id = self.id

        journal_entry: None | str
        journal_entry = self.journal_entry

        object_ = self.object_

        recovered_later_minor = self.recovered_later_minor

        refund = self.refund

        share = self.share

        tcs_minor = self.tcs_minor

        tds_minor = self.tds_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "commission_minor": commission_minor,
            "created": created,
            "from_balance_minor": from_balance_minor,
            "from_hold_minor": from_hold_minor,
            "id": id,
            "journal_entry": journal_entry,
            "object": object_,
            "recovered_later_minor": recovered_later_minor,
            "refund": refund,
            "share": share,
            "tcs_minor": tcs_minor,
            "tds_minor": tds_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        commission_minor = d.pop("commission_minor")

        created = d.pop("created")

        from_balance_minor = d.pop("from_balance_minor")

        from_hold_minor = d.pop("from_hold_minor")

        id = d.pop("id")

        def _parse_journal_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        journal_entry = _parse_journal_entry(d.pop("journal_entry"))


        object_ = cast(Literal['marketplace_share_return'] , d.pop("object"))
        if object_ != 'marketplace_share_return':
            raise ValueError(f"object must match const 'marketplace_share_return', got '{object_}'")

        recovered_later_minor = d.pop("recovered_later_minor")

        refund = d.pop("refund")

        share = d.pop("share")

        tcs_minor = d.pop("tcs_minor")

        tds_minor = d.pop("tds_minor")

        marketplace_share_return = cls(
            amount_minor=amount_minor,
            commission_minor=commission_minor,
            created=created,
            from_balance_minor=from_balance_minor,
            from_hold_minor=from_hold_minor,
            id=id,
            journal_entry=journal_entry,
            object_=object_,
            recovered_later_minor=recovered_later_minor,
            refund=refund,
            share=share,
            tcs_minor=tcs_minor,
            tds_minor=tds_minor,
        )

        return marketplace_share_return

