from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.close_day_amounts import CloseDayAmounts
  from ..models.close_day_classes import CloseDayClasses
  from ..models.close_day_lines import CloseDayLines
  from ..models.lending_close_day_summary_class_changes import LendingCloseDaySummaryClassChanges





T = TypeVar("T", bound="LendingCloseDaySummary")



@_attrs_define
class LendingCloseDaySummary:
    """ 
        Attributes:
            amounts (list[CloseDayAmounts]):
            class_changes (LendingCloseDaySummaryClassChanges): Loans that changed class, by ``from->to``.
            classes (CloseDayClasses): Active loans per asset class after the day (written-off loans are not counted).
            date (str):
            journal_entries (int):
            loans (int): Active loans classified.
            object_ (Literal['lending_close_day']):
            replayed (bool): True: the day was closed before; its summary again.
            credit_lines (CloseDayLines | None | Unset): Credit lines (absent from days closed before they existed).
     """

    amounts: list[CloseDayAmounts]
    class_changes: LendingCloseDaySummaryClassChanges
    classes: CloseDayClasses
    date: str
    journal_entries: int
    loans: int
    object_: Literal['lending_close_day']
    replayed: bool
    credit_lines: CloseDayLines | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.close_day_amounts import CloseDayAmounts # noqa: PLC0415
        from ..models.close_day_classes import CloseDayClasses # noqa: PLC0415
        from ..models.close_day_lines import CloseDayLines # noqa: PLC0415
        from ..models.lending_close_day_summary_class_changes import LendingCloseDaySummaryClassChanges # noqa: PLC0415
        amounts = []
        for amounts_item_data in self.amounts:
            amounts_item = amounts_item_data.to_dict()
            amounts.append(amounts_item)



        class_changes = self.class_changes.to_dict()

        classes = self.classes.to_dict()

        date = self.date

        journal_entries = self.journal_entries

        loans = self.loans

        object_ = self.object_

        replayed = self.replayed

        credit_lines: dict[str, Any] | None | Unset
        if isinstance(self.credit_lines, Unset):
            credit_lines = UNSET
        elif isinstance(self.credit_lines, CloseDayLines):
            credit_lines = self.credit_lines.to_dict()
        else:
            credit_lines = self.credit_lines


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amounts": amounts,
            "class_changes": class_changes,
            "classes": classes,
            "date": date,
            "journal_entries": journal_entries,
            "loans": loans,
            "object": object_,
            "replayed": replayed,
        })
        if credit_lines is not UNSET:
            field_dict["credit_lines"] = credit_lines

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.close_day_amounts import CloseDayAmounts # noqa: PLC0415
        from ..models.close_day_classes import CloseDayClasses # noqa: PLC0415
        from ..models.close_day_lines import CloseDayLines # noqa: PLC0415
        from ..models.lending_close_day_summary_class_changes import LendingCloseDaySummaryClassChanges # noqa: PLC0415
        d = dict(src_dict)
        amounts = []
        _amounts = d.pop("amounts")
        for amounts_item_data in (_amounts):
            amounts_item = CloseDayAmounts.from_dict(amounts_item_data)



            amounts.append(amounts_item)


        class_changes = LendingCloseDaySummaryClassChanges.from_dict(d.pop("class_changes"))




        classes = CloseDayClasses.from_dict(d.pop("classes"))




        date = d.pop("date")

        journal_entries = d.pop("journal_entries")

        loans = d.pop("loans")

        object_ = cast(Literal['lending_close_day'] , d.pop("object"))
        if object_ != 'lending_close_day':
            raise ValueError(f"object must match const 'lending_close_day', got '{object_}'")

        replayed = d.pop("replayed")

        def _parse_credit_lines(data: object) -> CloseDayLines | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                credit_lines_type_0 = CloseDayLines.from_dict(data)



                return credit_lines_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CloseDayLines | None | Unset, data)

        credit_lines = _parse_credit_lines(d.pop("credit_lines", UNSET))


        lending_close_day_summary = cls(
            amounts=amounts,
            class_changes=class_changes,
            classes=classes,
            date=date,
            journal_entries=journal_entries,
            loans=loans,
            object_=object_,
            replayed=replayed,
            credit_lines=credit_lines,
        )

        return lending_close_day_summary

