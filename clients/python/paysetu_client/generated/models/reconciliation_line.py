from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction import Direction
from ..models.line_category import LineCategory
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.reconciliation_payout import ReconciliationPayout





T = TypeVar("T", bound="ReconciliationLine")



@_attrs_define
class ReconciliationLine:
    """ One row of the report: the statement's side (null for a ``missing`` payout), the
    payout's side (null when the line names none) and the difference.

        Attributes:
            amount_minor (int | None):
            booking_date (None | str):
            category (LineCategory): The outcome of one statement line or one payout, in report order.
            currency (None | str):
            description (None | str):
            difference_minor (int | None): Statement minus payout, when both are in the same currency.
            direction (Direction | None):
            end_to_end_id (None | str):
            location (None | str):
            object_ (Literal['reconciliation_line']):
            payout (None | ReconciliationPayout):
            position (int):
            reason (str): Why, for people (empty for matched).
            reconciliation (str):
     """

    amount_minor: int | None
    booking_date: None | str
    category: LineCategory
    currency: None | str
    description: None | str
    difference_minor: int | None
    direction: Direction | None
    end_to_end_id: None | str
    location: None | str
    object_: Literal['reconciliation_line']
    payout: None | ReconciliationPayout
    position: int
    reason: str
    reconciliation: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.reconciliation_payout import ReconciliationPayout # noqa: PLC0415
        amount_minor: int | None
        amount_minor = self.amount_minor

        booking_date: None | str
        booking_date = self.booking_date

        category = self.category.value

        currency: None | str
        currency = self.currency

        description: None | str
        description = self.description

        difference_minor: int | None
        difference_minor = self.difference_minor

        direction: None | str
        if isinstance(self.direction, Direction):
            direction = self.direction.value
        else:
            direction = self.direction

        end_to_end_id: None | str
        end_to_end_id = self.end_to_end_id

        location: None | str
        location = self.location

        object_ = self.object_

        payout: dict[str, Any] | None
        if isinstance(self.payout, ReconciliationPayout):
            payout = self.payout.to_dict()
        else:
            payout = self.payout

        position = self.position

        reason = self.reason

        reconciliation = self.reconciliation


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "booking_date": booking_date,
            "category": category,
            "currency": currency,
            "description": description,
            "difference_minor": difference_minor,
            "direction": direction,
            "end_to_end_id": end_to_end_id,
            "location": location,
            "object": object_,
            "payout": payout,
            "position": position,
            "reason": reason,
            "reconciliation": reconciliation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_payout import ReconciliationPayout # noqa: PLC0415
        d = dict(src_dict)
        def _parse_amount_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        amount_minor = _parse_amount_minor(d.pop("amount_minor"))


        def _parse_booking_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        booking_date = _parse_booking_date(d.pop("booking_date"))


        category = LineCategory(d.pop("category"))




        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_difference_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        difference_minor = _parse_difference_minor(d.pop("difference_minor"))


        def _parse_direction(data: object) -> Direction | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                direction_type_0 = Direction(data)



                return direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Direction | None, data)

        direction = _parse_direction(d.pop("direction"))


        def _parse_end_to_end_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_to_end_id = _parse_end_to_end_id(d.pop("end_to_end_id"))


        def _parse_location(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        location = _parse_location(d.pop("location"))


        object_ = cast(Literal['reconciliation_line'] , d.pop("object"))
        if object_ != 'reconciliation_line':
            raise ValueError(f"object must match const 'reconciliation_line', got '{object_}'")

        def _parse_payout(data: object) -> None | ReconciliationPayout:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payout_type_0 = ReconciliationPayout.from_dict(data)



                return payout_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReconciliationPayout, data)

        payout = _parse_payout(d.pop("payout"))


        position = d.pop("position")

        reason = d.pop("reason")

        reconciliation = d.pop("reconciliation")

        reconciliation_line = cls(
            amount_minor=amount_minor,
            booking_date=booking_date,
            category=category,
            currency=currency,
            description=description,
            difference_minor=difference_minor,
            direction=direction,
            end_to_end_id=end_to_end_id,
            location=location,
            object_=object_,
            payout=payout,
            position=position,
            reason=reason,
            reconciliation=reconciliation,
        )

        return reconciliation_line

