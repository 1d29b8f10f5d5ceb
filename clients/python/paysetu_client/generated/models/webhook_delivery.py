from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status import DeliveryStatus
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.delivery_attempt import DeliveryAttempt





T = TypeVar("T", bound="WebhookDelivery")



@_attrs_define
class WebhookDelivery:
    """ 
        Attributes:
            attempt_count (int):
            attempts (list[DeliveryAttempt]):
            created (int):
            endpoint (str):
            event (str):
            event_type (str):
            id (str):
            next_attempt_at (int | None):
            object_ (Literal['webhook_delivery']):
            status (DeliveryStatus):
     """

    attempt_count: int
    attempts: list[DeliveryAttempt]
    created: int
    endpoint: str
    event: str
    event_type: str
    id: str
    next_attempt_at: int | None
    object_: Literal['webhook_delivery']
    status: DeliveryStatus





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_attempt import DeliveryAttempt # noqa: PLC0415
        attempt_count = self.attempt_count

        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)



        created = self.created

        endpoint = self.endpoint

        event = self.event

        event_type = self.event_type

        id = self.id

        next_attempt_at: int | None
        next_attempt_at = self.next_attempt_at

        object_ = self.object_

        status = self.status.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attempt_count": attempt_count,
            "attempts": attempts,
            "created": created,
            "endpoint": endpoint,
            "event": event,
            "event_type": event_type,
            "id": id,
            "next_attempt_at": next_attempt_at,
            "object": object_,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_attempt import DeliveryAttempt # noqa: PLC0415
        d = dict(src_dict)
        attempt_count = d.pop("attempt_count")

        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in (_attempts):
            attempts_item = DeliveryAttempt.from_dict(attempts_item_data)



            attempts.append(attempts_item)


        created = d.pop("created")

        endpoint = d.pop("endpoint")

        event = d.pop("event")

        event_type = d.pop("event_type")

        id = d.pop("id")

        def _parse_next_attempt_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))


        object_ = cast(Literal['webhook_delivery'] , d.pop("object"))
        if object_ != 'webhook_delivery':
            raise ValueError(f"object must match const 'webhook_delivery', got '{object_}'")

        status = DeliveryStatus(d.pop("status"))




        webhook_delivery = cls(
            attempt_count=attempt_count,
            attempts=attempts,
            created=created,
            endpoint=endpoint,
            event=event,
            event_type=event_type,
            id=id,
            next_attempt_at=next_attempt_at,
            object_=object_,
            status=status,
        )

        return webhook_delivery

