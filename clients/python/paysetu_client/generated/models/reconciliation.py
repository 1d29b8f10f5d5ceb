from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.reconciliation_status import ReconciliationStatus
from ..models.statement_format import StatementFormat
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.reconciliation_counts import ReconciliationCounts





T = TypeVar("T", bound="Reconciliation")



@_attrs_define
class Reconciliation:
    """ 
        Attributes:
            counts (ReconciliationCounts): Lines of the report per category (every category present).
            created (int):
            currencies (list[str]):
            format_ (StatementFormat):
            id (str):
            line_count (int):
            lines_url (str):
            object_ (Literal['reconciliation']):
            statement_date (None | str): The last day covered (ISO 8601).
            statement_id (None | str): The bank's id of the statement, if any.
            statement_sha256 (str):
            status (ReconciliationStatus):
            unmatched (int):
     """

    counts: ReconciliationCounts
    created: int
    currencies: list[str]
    format_: StatementFormat
    id: str
    line_count: int
    lines_url: str
    object_: Literal['reconciliation']
    statement_date: None | str
    statement_id: None | str
    statement_sha256: str
    status: ReconciliationStatus
    unmatched: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.reconciliation_counts import ReconciliationCounts # noqa: PLC0415
        counts = self.counts.to_dict()

        created = self.created

        currencies = self.currencies



        format_ = self.format_.value

        id = self.id

        line_count = self.line_count

        lines_url = self.lines_url

        object_ = self.object_

        statement_date: None | str
        statement_date = self.statement_date

        statement_id: None | str
        statement_id = self.statement_id

        statement_sha256 = self.statement_sha256

        status = self.status.value

        unmatched = self.unmatched


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "counts": counts,
            "created": created,
            "currencies": currencies,
            "format": format_,
            "id": id,
            "line_count": line_count,
            "lines_url": lines_url,
            "object": object_,
            "statement_date": statement_date,
            "statement_id": statement_id,
            "statement_sha256": statement_sha256,
            "status": status,
            "unmatched": unmatched,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reconciliation_counts import ReconciliationCounts # noqa: PLC0415
        d = dict(src_dict)
        counts = ReconciliationCounts.from_dict(d.pop("counts"))




        created = d.pop("created")

        currencies = cast(list[str], d.pop("currencies"))


        format_ = StatementFormat(d.pop("format"))




        id = d.pop("id")

        line_count = d.pop("line_count")

        lines_url = d.pop("lines_url")

        object_ = cast(Literal['reconciliation'] , d.pop("object"))
        if object_ != 'reconciliation':
            raise ValueError(f"object must match const 'reconciliation', got '{object_}'")

        def _parse_statement_date(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        statement_date = _parse_statement_date(d.pop("statement_date"))


        def _parse_statement_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        statement_id = _parse_statement_id(d.pop("statement_id"))


        statement_sha256 = d.pop("statement_sha256")

        status = ReconciliationStatus(d.pop("status"))




        unmatched = d.pop("unmatched")

        reconciliation = cls(
            counts=counts,
            created=created,
            currencies=currencies,
            format_=format_,
            id=id,
            line_count=line_count,
            lines_url=lines_url,
            object_=object_,
            statement_date=statement_date,
            statement_id=statement_id,
            statement_sha256=statement_sha256,
            status=status,
            unmatched=unmatched,
        )

        return reconciliation

