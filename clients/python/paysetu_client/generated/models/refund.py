from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.refund_state import RefundState
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.refund_metadata import RefundMetadata





T = TypeVar("T", bound="Refund")



@_attrs_define
class Refund:
    """ 
        Attributes:
            amount_minor (int):
            created (int):
            currency (str):
            failure_code (None | str):
            id (str):
            journal_entry (None | str):
            merchant (str):
            metadata (RefundMetadata):
            object_ (Literal['refund']):
            payment (str):
            presentment_amount_minor (int | None):
            presentment_currency (None | str):
            reason (None | str):
            status (RefundState):
     """

    amount_minor: int
    created: int
    currency: str
    failure_code: None | str
    id: str
    journal_entry: None | str
    merchant: str
    metadata: RefundMetadata
    object_: Literal['refund']
    payment: str
    presentment_amount_minor: int | None
    presentment_currency: None | str
    reason: None | str
    status: RefundState





    def to_dict(self) -> dict[str, Any]:
        from ..models.refund_metadata import RefundMetadata # noqa: PLC0415
        amount_minor = self.amount_minor

        created = self.created

        currency = self.currency

        failure_code: None | str
        failure_code = self.failure_code

        id = self.id

        journal_entry: None | str
        journal_entry = self.journal_entry

        merchant = self.merchant

        metadata = self.metadata.to_dict()

        object_ = self.object_

        payment = self.payment

        presentment_amount_minor: int | None
        presentment_amount_minor = self.presentment_amount_minor

        presentment_currency: None | str
        presentment_currency = self.presentment_currency

        reason: None | str
        reason = self.reason

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "created": created,
            "currency": currency,
            "failure_code": failure_code,
            "id": id,
            "journal_entry": journal_entry,
            "merchant": merchant,
            "metadata": metadata,
            "object": object_,
            "payment": payment,
            "presentment_amount_minor": presentment_amount_minor,
            "presentment_currency": presentment_currency,
            "reason": reason,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.refund_metadata import RefundMetadata # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_failure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_code = _parse_failure_code(d.pop("failure_code"))


        id = d.pop("id")

        def _parse_journal_entry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        journal_entry = _parse_journal_entry(d.pop("journal_entry"))


        merchant = d.pop("merchant")

        metadata = RefundMetadata.from_dict(d.pop("metadata"))




        object_ = cast(Literal['refund'] , d.pop("object"))
        if object_ != 'refund':
            raise ValueError(f"object must match const 'refund', got '{object_}'")

        payment = d.pop("payment")

        def _parse_presentment_amount_minor(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        presentment_amount_minor = _parse_presentment_amount_minor(d.pop("presentment_amount_minor"))


        def _parse_presentment_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        presentment_currency = _parse_presentment_currency(d.pop("presentment_currency"))


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        status = RefundState(d.pop("status"))




        refund = cls(
            amount_minor=amount_minor,
            created=created,
            currency=currency,
            failure_code=failure_code,
            id=id,
            journal_entry=journal_entry,
            merchant=merchant,
            metadata=metadata,
            object_=object_,
            payment=payment,
            presentment_amount_minor=presentment_amount_minor,
            presentment_currency=presentment_currency,
            reason=reason,
            status=status,
        )

        return refund

