from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.schedule_update_payout_minimums import ScheduleUpdatePayoutMinimums





T = TypeVar("T", bound="ScheduleUpdate")



@_attrs_define
class ScheduleUpdate:
    """ 
        Attributes:
            cutoff_local (str | Unset): Daily cutoff, HH:MM local time. Default: '00:00'.
            delay_days (int | Unset): T+N: settle business day D-N on day D. Default: 1.
            payout_minimums (ScheduleUpdatePayoutMinimums | Unset): Per currency, minor units: {"INR": 50000}.
            reserve_bps (int | Unset): Rolling reserve, basis points of gross. Default: 0.
            reserve_release_days (int | Unset): Days after a window's end when its reserve is released. Default: 0.
            time_zone (str | Unset): IANA time zone of the cutoff. Default: 'UTC'.
     """

    cutoff_local: str | Unset = '00:00'
    delay_days: int | Unset = 1
    payout_minimums: ScheduleUpdatePayoutMinimums | Unset = UNSET
    reserve_bps: int | Unset = 0
    reserve_release_days: int | Unset = 0
    time_zone: str | Unset = 'UTC'





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_update_payout_minimums import ScheduleUpdatePayoutMinimums # noqa: PLC0415
        cutoff_local = self.cutoff_local

        delay_days = self.delay_days

        payout_minimums: dict[str, Any] | Unset = UNSET
        if not isinstance(self.payout_minimums, Unset):
            payout_minimums = self.payout_minimums.to_dict()

        reserve_bps = self.reserve_bps

        reserve_release_days = self.reserve_release_days

        time_zone = self.time_zone


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cutoff_local is not UNSET:
            field_dict["cutoff_local"] = cutoff_local
        if delay_days is not UNSET:
            field_dict["delay_days"] = delay_days
        if payout_minimums is not UNSET:
            field_dict["payout_minimums"] = payout_minimums
        if reserve_bps is not UNSET:
            field_dict["reserve_bps"] = reserve_bps
        if reserve_release_days is not UNSET:
            field_dict["reserve_release_days"] = reserve_release_days
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_update_payout_minimums import ScheduleUpdatePayoutMinimums # noqa: PLC0415
        d = dict(src_dict)
        cutoff_local = d.pop("cutoff_local", UNSET)

        delay_days = d.pop("delay_days", UNSET)

        _payout_minimums = d.pop("payout_minimums", UNSET)
        payout_minimums: ScheduleUpdatePayoutMinimums | Unset
        if isinstance(_payout_minimums,  Unset):
            payout_minimums = UNSET
        else:
            payout_minimums = ScheduleUpdatePayoutMinimums.from_dict(_payout_minimums)




        reserve_bps = d.pop("reserve_bps", UNSET)

        reserve_release_days = d.pop("reserve_release_days", UNSET)

        time_zone = d.pop("time_zone", UNSET)

        schedule_update = cls(
            cutoff_local=cutoff_local,
            delay_days=delay_days,
            payout_minimums=payout_minimums,
            reserve_bps=reserve_bps,
            reserve_release_days=reserve_release_days,
            time_zone=time_zone,
        )

        return schedule_update

