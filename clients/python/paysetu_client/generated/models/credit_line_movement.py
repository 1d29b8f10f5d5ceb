from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.line_movement_kind import LineMovementKind
from typing import cast
from typing import Literal, cast






T = TypeVar("T", bound="CreditLineMovement")



@_attrs_define
class CreditLineMovement:
    """ A statement line: a draw, repayment, sweep, monthly interest debit or write-off.

        Attributes:
            amount_minor (int):
            created (int):
            credit_line (str):
            currency (str):
            date (str):
            id (str):
            interest_minor (int):
            kind (LineMovementKind):
            ledger_entry (str):
            object_ (Literal['credit_line_movement']):
            payee (None | str): The merchant a draw paid (the borrower or a supplier).
            penalty_minor (int):
            principal_minor (int): Of a credit: the drawn balance repaid.
     """

    amount_minor: int
    created: int
    credit_line: str
    currency: str
    date: str
    id: str
    interest_minor: int
    kind: LineMovementKind
    ledger_entry: str
    object_: Literal['credit_line_movement']
    payee: None | str
    penalty_minor: int
    principal_minor: int





    def to_dict(self) -> dict[str, Any]:
        amount_minor = self.amount_minor

        created = self.created

        credit_line = self.credit_line

        currency = self.currency

        date = self.date

        id = self.id

        interest_minor = self.interest_minor

        kind = self.kind.value

        ledger_entry = self.ledger_entry

        object_ = self.object_

        payee: None | str
        payee = self.payee

        penalty_minor = self.penalty_minor

        principal_minor = self.principal_minor


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "credit_line": credit_line,
            "currency": currency,
            "date": date,
            "id": id,
            "interest_minor": interest_minor,
            "kind": kind,
            "ledger_entry": ledger_entry,
            "object": object_,
            "payee": payee,
            "penalty_minor": penalty_minor,
            "principal_minor": principal_minor,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        credit_line = d.pop("credit_line")

        currency = d.pop("currency")

        date = d.pop("date")

        id = d.pop("id")

        interest_minor = d.pop("interest_minor")

        kind = LineMovementKind(d.pop("kind"))




        ledger_entry = d.pop("ledger_entry")

        object_ = cast(Literal['credit_line_movement'] , d.pop("object"))
        if object_ != 'credit_line_movement':
            raise ValueError(f"object must match const 'credit_line_movement', got '{object_}'")

        def _parse_payee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payee = _parse_payee(d.pop("payee"))


        penalty_minor = d.pop("penalty_minor")

        principal_minor = d.pop("principal_minor")

        credit_line_movement = cls(
            amount_minor=amount_minor,
            created=created,
            credit_line=credit_line,
            currency=currency,
            date=date,
            id=id,
            interest_minor=interest_minor,
            kind=kind,
            ledger_entry=ledger_entry,
            object_=object_,
            payee=payee,
            penalty_minor=penalty_minor,
            principal_minor=principal_minor,
        )

        return credit_line_movement

