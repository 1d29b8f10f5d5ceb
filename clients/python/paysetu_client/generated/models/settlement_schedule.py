from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.settlement_schedule_payout_minimums import SettlementSchedulePayoutMinimums





T = TypeVar("T", bound="SettlementSchedule")



@_attrs_define
class SettlementSchedule:
    """ 
        Attributes:
            cutoff_local (str): Daily cutoff, HH:MM local time.
            default (bool): True: the merchant has no schedule of its own.
            delay_days (int): The N of T+N.
            merchant (str):
            object_ (Literal['settlement_schedule']):
            payout_minimums (SettlementSchedulePayoutMinimums):
            reserve_bps (int): Rolling reserve, basis points of gross.
            reserve_release_days (int):
            time_zone (str):
     """

    cutoff_local: str
    default: bool
    delay_days: int
    merchant: str
    object_: Literal['settlement_schedule']
    payout_minimums: SettlementSchedulePayoutMinimums
    reserve_bps: int
    reserve_release_days: int
    time_zone: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.settlement_schedule_payout_minimums import SettlementSchedulePayoutMinimums # noqa: PLC0415
        cutoff_local = self.cutoff_local

        default = self.default

        delay_days = self.delay_days

        merchant = self.merchant

        object_ = self.object_

        payout_minimums = self.payout_minimums.to_dict()

        reserve_bps = self.reserve_bps

        reserve_release_days = self.reserve_release_days

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "cutoff_local": cutoff_local,
            "default": default,
            "delay_days": delay_days,
            "merchant": merchant,
            "object": object_,
            "payout_minimums": payout_minimums,
            "reserve_bps": reserve_bps,
            "reserve_release_days": reserve_release_days,
            "time_zone": time_zone,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.settlement_schedule_payout_minimums import SettlementSchedulePayoutMinimums # noqa: PLC0415
        d = dict(src_dict)
        cutoff_local = d.pop("cutoff_local")

        default = d.pop("default")

        delay_days = d.pop("delay_days")

        merchant = d.pop("merchant")

        object_ = cast(Literal['settlement_schedule'] , d.pop("object"))
        if object_ != 'settlement_schedule':
            raise ValueError(f"object must match const 'settlement_schedule', got '{object_}'")

        payout_minimums = SettlementSchedulePayoutMinimums.from_dict(d.pop("payout_minimums"))




        reserve_bps = d.pop("reserve_bps")

        reserve_release_days = d.pop("reserve_release_days")

        time_zone = d.pop("time_zone")

        settlement_schedule = cls(
            cutoff_local=cutoff_local,
            default=default,
            delay_days=delay_days,
            merchant=merchant,
            object_=object_,
            payout_minimums=payout_minimums,
            reserve_bps=reserve_bps,
            reserve_release_days=reserve_release_days,
            time_zone=time_zone,
        )

        return settlement_schedule

