from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_status import BatchStatus
from ..models.run_outcome import RunOutcome
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="SettlementResult")



@_attrs_define
class SettlementResult:
    """ What a run did for one merchant and currency (``settlement`` null when no batch).

        Attributes:
            carried_forward_minor (int):
            currency (str):
            merchant (str):
            net_minor (int):
            object_ (Literal['settlement_result']):
            outcome (RunOutcome): What a settlement run did for one merchant and currency.
            payout_minor (int):
            settlement (None | str):
            status (BatchStatus | None):
            window_end (int):
     """

    carried_forward_minor: int
    currency: str
    merchant: str
    net_minor: int
    object_: Literal['settlement_result']
    outcome: RunOutcome
    payout_minor: int
    settlement: None | str
    status: BatchStatus | None
    window_end: int





    def to_dict(self) -> dict[str, Any]:
        carried_forward_minor = self.carried_forward_minor

        currency = self.currency

        merchant = self.merchant

        net_minor = self.net_minor

        object_ = self.object_

        outcome = self.outcome.value

        payout_minor = self.payout_minor

        settlement: None | str
        settlement = self.settlement

        status: None | str
        if isinstance(self.status, BatchStatus):
            status = self.status.value
        else:
            status = self.status

        window_end = self.window_end


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "carried_forward_minor": carried_forward_minor,
            "currency": currency,
            "merchant": merchant,
            "net_minor": net_minor,
            "object": object_,
            "outcome": outcome,
            "payout_minor": payout_minor,
            "settlement": settlement,
            "status": status,
            "window_end": window_end,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        carried_forward_minor = d.pop("carried_forward_minor")

        currency = d.pop("currency")

        merchant = d.pop("merchant")

        net_minor = d.pop("net_minor")

        object_ = cast(Literal['settlement_result'] , d.pop("object"))
        if object_ != 'settlement_result':
            raise ValueError(f"object must match const 'settlement_result', got '{object_}'")

        outcome = RunOutcome(d.pop("outcome"))




        payout_minor = d.pop("payout_minor")

        def _parse_settlement(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        settlement = _parse_settlement(d.pop("settlement"))


        def _parse_status(data: object) -> BatchStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = BatchStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BatchStatus | None, data)

        status = _parse_status(d.pop("status"))


        window_end = d.pop("window_end")

        settlement_result = cls(
            carried_forward_minor=carried_forward_minor,
            currency=currency,
            merchant=merchant,
            net_minor=net_minor,
            object_=object_,
            outcome=outcome,
            payout_minor=payout_minor,
            settlement=settlement,
            status=status,
            window_end=window_end,
        )

        return settlement_result

