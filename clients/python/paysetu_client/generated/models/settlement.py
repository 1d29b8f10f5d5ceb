from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_status import BatchStatus
from ..models.carry_reason import CarryReason
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="Settlement")



@_attrs_define
class Settlement:
    """ One merchant's batch in one currency for one window. ``net_minor`` is what the window
    and the carried-in amount make after reserve and loan sweep; it is paid out
    (``payout_minor``) or carried forward (``carried_forward_minor``, ``carry_reason``).

        Attributes:
            adjustments_minor (int):
            carried_forward_minor (int):
            carried_in_minor (int): The previous batch's carried-forward amount.
            carry_reason (CarryReason | None):
            created (int):
            currency (str):
            fees_minor (int):
            gross_minor (int):
            id (str):
            item_count (int):
            loan_sweep_minor (int): Taken to repay the merchant's loans.
            merchant (str):
            net_minor (int):
            object_ (Literal['settlement']):
            payout (None | str):
            payout_account (None | str):
            payout_minor (int):
            refunds_minor (int):
            reserve_held_minor (int):
            reserve_release_at (int | None): When this batch's held reserve falls due (null: nothing held).
            reserve_released_by (None | str): The later settlement that released this batch's reserve.
            reserve_released_minor (int):
            settlement_date (str): The settlement date (ISO 8601).
            status (BatchStatus):
            window_end (int):
            window_start (int):
     """

    adjustments_minor: int
    carried_forward_minor: int
    carried_in_minor: int
    carry_reason: CarryReason | None
    created: int
    currency: str
    fees_minor: int
    gross_minor: int
    id: str
    item_count: int
    loan_sweep_minor: int
    merchant: str
    net_minor: int
    object_: Literal['settlement']
    payout: None | str
    payout_account: None | str
    payout_minor: int
    refunds_minor: int
    reserve_held_minor: int
    reserve_release_at: int | None
    reserve_released_by: None | str
    reserve_released_minor: int
    settlement_date: str
    status: BatchStatus
    window_end: int
    window_start: int





    def to_dict(self) -> dict[str, Any]:
        adjustments_minor = self.adjustments_minor

        carried_forward_minor = self.carried_forward_minor

        carried_in_minor = self.carried_in_minor

        carry_reason: None | str
        if isinstance(self.carry_reason, CarryReason):
            carry_reason = self.carry_reason.value
        else:
            carry_reason = self.carry_reason

        created = self.created

        currency = self.currency

        fees_minor = self.fees_minor

        gross_minor = self.gross_minor

        id = self.id

        item_count = self.item_count

        loan_sweep_minor = self.loan_sweep_minor

        merchant = self.merchant

        net_minor = self.net_minor

        object_ = self.object_

        payout: None | str
        payout = self.payout

        payout_account: None | str
        payout_account = self.payout_account

        payout_minor = self.payout_minor

        refunds_minor = self.refunds_minor

        reserve_held_minor = self.reserve_held_minor

        reserve_release_at: int | None
        reserve_release_at = self.reserve_release_at

        reserve_released_by: None | str
        reserve_released_by = self.reserve_released_by

        reserve_released_minor = self.reserve_released_minor

        settlement_date = self.settlement_date

        status = self.status.value

        window_end = self.window_end

        window_start = self.window_start


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "adjustments_minor": adjustments_minor,
            "carried_forward_minor": carried_forward_minor,
            "carried_in_minor": carried_in_minor,
            "carry_reason": carry_reason,
            "created": created,
            "currency": currency,
            "fees_minor": fees_minor,
            "gross_minor": gross_minor,
            "id": id,
            "item_count": item_count,
            "loan_sweep_minor": loan_sweep_minor,
            "merchant": merchant,
            "net_minor": net_minor,
            "object": object_,
            "payout": payout,
            "payout_account": payout_account,
            "payout_minor": payout_minor,
            "refunds_minor": refunds_minor,
            "reserve_held_minor": reserve_held_minor,
            "reserve_release_at": reserve_release_at,
            "reserve_released_by": reserve_released_by,
            "reserve_released_minor": reserve_released_minor,
            "settlement_date": settlement_date,
            "status": status,
            "window_end": window_end,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjustments_minor = d.pop("adjustments_minor")

        carried_forward_minor = d.pop("carried_forward_minor")

        carried_in_minor = d.pop("carried_in_minor")

        def _parse_carry_reason(data: object) -> CarryReason | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                carry_reason_type_0 = CarryReason(data)



                return carry_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CarryReason | None, data)

        carry_reason = _parse_carry_reason(d.pop("carry_reason"))


        created = d.pop("created")

        currency = d.pop("currency")

        fees_minor = d.pop("fees_minor")

        gross_minor = d.pop("gross_minor")

        id = d.pop("id")

        item_count = d.pop("item_count")

        loan_sweep_minor = d.pop("loan_sweep_minor")

        merchant = d.pop("merchant")

        net_minor = d.pop("net_minor")

        object_ = cast(Literal['settlement'] , d.pop("object"))
        if object_ != 'settlement':
            raise ValueError(f"object must match const 'settlement', got '{object_}'")

        def _parse_payout(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payout = _parse_payout(d.pop("payout"))


        def _parse_payout_account(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payout_account = _parse_payout_account(d.pop("payout_account"))


        payout_minor = d.pop("payout_minor")

        refunds_minor = d.pop("refunds_minor")

        reserve_held_minor = d.pop("reserve_held_minor")

        def _parse_reserve_release_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        reserve_release_at = _parse_reserve_release_at(d.pop("reserve_release_at"))


        def _parse_reserve_released_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reserve_released_by = _parse_reserve_released_by(d.pop("reserve_released_by"))


        reserve_released_minor = d.pop("reserve_released_minor")

        settlement_date = d.pop("settlement_date")

        status = BatchStatus(d.pop("status"))




        window_end = d.pop("window_end")

        window_start = d.pop("window_start")

        settlement = cls(
            adjustments_minor=adjustments_minor,
            carried_forward_minor=carried_forward_minor,
            carried_in_minor=carried_in_minor,
            carry_reason=carry_reason,
            created=created,
            currency=currency,
            fees_minor=fees_minor,
            gross_minor=gross_minor,
            id=id,
            item_count=item_count,
            loan_sweep_minor=loan_sweep_minor,
            merchant=merchant,
            net_minor=net_minor,
            object_=object_,
            payout=payout,
            payout_account=payout_account,
            payout_minor=payout_minor,
            refunds_minor=refunds_minor,
            reserve_held_minor=reserve_held_minor,
            reserve_release_at=reserve_release_at,
            reserve_released_by=reserve_released_by,
            reserve_released_minor=reserve_released_minor,
            settlement_date=settlement_date,
            status=status,
            window_end=window_end,
            window_start=window_start,
        )

        return settlement

