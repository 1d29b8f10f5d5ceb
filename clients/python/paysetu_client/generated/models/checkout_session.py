from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.checkout_state import CheckoutState
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.checkout_session_metadata import CheckoutSessionMetadata
  from ..models.payment_source import PaymentSource





T = TypeVar("T", bound="CheckoutSession")



@_attrs_define
class CheckoutSession:
    """ A merchant's priced order, paid once by the buyer on the hosted page (``url``).

    ``status`` is as of now: an open session past ``expires_at`` reads ``expired``. The buyer's
    choice (``presentment_*``, ``fx_quote``) is null until made; ``payment``,
    ``payment_source`` and ``completed_at`` are set exactly when ``complete``.

        Attributes:
            amount_minor (int):
            cancel_url (None | str):
            client_reference (None | str): The merchant's own order reference.
            completed_at (int | None):
            created (int):
            currency (str):
            description (None | str):
            expires_at (int):
            fx_quote (None | str):
            id (str):
            merchant (str):
            metadata (CheckoutSessionMetadata):
            object_ (Literal['checkout_session']):
            payment (None | str):
            payment_source (None | PaymentSource):
            presentment_amount_minor (int | None):
            presentment_currency (None | str):
            return_url (str):
            status (CheckoutState):
            url (str): The hosted page to send the buyer to.
     """

    amount_minor: int
    cancel_url: None | str
    client_reference: None | str
    completed_at: int | None
    created: int
    currency: str
    description: None | str
    expires_at: int
    fx_quote: None | str
    id: str
    merchant: str
    metadata: CheckoutSessionMetadata
    object_: Literal['checkout_session']
    payment: None | str
    payment_source: None | PaymentSource
    presentment_amount_minor: int | None
    presentment_currency: None | str
    return_url: str
    status: CheckoutState
    url: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.checkout_session_metadata import CheckoutSessionMetadata # noqa: PLC0415
        from ..models.payment_source import PaymentSource # noqa: PLC0415
        amount_minor = self.amount_minor

        cancel_url: None | str
        cancel_url = self.cancel_url

        client_reference: None | str
        client_reference = self.client_reference

        completed_at: int | None
        completed_at = self.completed_at

        created = self.created

        currency = self.currency

        description: None | str
        description = self.description

        expires_at = self.expires_at

        fx_quote: None | str
        fx_quote = self.fx_quote

        id = self.id

        merchant = self.merchant

        metadata = self.metadata.to_dict()

        object_ = self.object_

        payment: None | str
        payment = self.payment

        payment_source: dict[str, Any] | None
        if isinstance(self.payment_source, PaymentSource):
            payment_source = self.payment_source.to_dict()
        else:
            payment_source = self.payment_source

        presentment_amount_minor: int | None
        presentment_amount_minor = self.presentment_amount_minor

        presentment_currency: None | str
        presentment_currency = self.presentment_currency

        return_url = self.return_url

        status = self.status.value

        url = self.url


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_minor": amount_minor,
            "cancel_url": cancel_url,
            "client_reference": client_reference,
            "completed_at": completed_at,
            "created": created,
            "currency": currency,
            "description": description,
            "expires_at": expires_at,
            "fx_quote": fx_quote,
            "id": id,
            "merchant": merchant,
            "metadata": metadata,
            "object": object_,
            "payment": payment,
            "payment_source": payment_source,
            "presentment_amount_minor": presentment_amount_minor,
            "presentment_currency": presentment_currency,
            "return_url": return_url,
            "status": status,
            "url": url,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.checkout_session_metadata import CheckoutSessionMetadata # noqa: PLC0415
        from ..models.payment_source import PaymentSource # noqa: PLC0415
        d = dict(src_dict)
        amount_minor = d.pop("amount_minor")

        def _parse_cancel_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancel_url = _parse_cancel_url(d.pop("cancel_url"))


        def _parse_client_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        client_reference = _parse_client_reference(d.pop("client_reference"))


        def _parse_completed_at(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))


        created = d.pop("created")

        currency = d.pop("currency")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        expires_at = d.pop("expires_at")

        def _parse_fx_quote(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fx_quote = _parse_fx_quote(d.pop("fx_quote"))


        id = d.pop("id")

        merchant = d.pop("merchant")

        metadata = CheckoutSessionMetadata.from_dict(d.pop("metadata"))




        object_ = cast(Literal['checkout_session'] , d.pop("object"))
        if object_ != 'checkout_session':
            raise ValueError(f"object must match const 'checkout_session', got '{object_}'")

        def _parse_payment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment = _parse_payment(d.pop("payment"))


        def _parse_payment_source(data: object) -> None | PaymentSource:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_source_type_0 = PaymentSource.from_dict(data)



                return payment_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentSource, data)

        payment_source = _parse_payment_source(d.pop("payment_source"))


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


        return_url = d.pop("return_url")

        status = CheckoutState(d.pop("status"))




        url = d.pop("url")

        checkout_session = cls(
            amount_minor=amount_minor,
            cancel_url=cancel_url,
            client_reference=client_reference,
            completed_at=completed_at,
            created=created,
            currency=currency,
            description=description,
            expires_at=expires_at,
            fx_quote=fx_quote,
            id=id,
            merchant=merchant,
            metadata=metadata,
            object_=object_,
            payment=payment,
            payment_source=payment_source,
            presentment_amount_minor=presentment_amount_minor,
            presentment_currency=presentment_currency,
            return_url=return_url,
            status=status,
            url=url,
        )

        return checkout_session

