from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.fee_plan import FeePlan
  from ..models.merchant_balance import MerchantBalance
  from ..models.merchant_metadata import MerchantMetadata





T = TypeVar("T", bound="Merchant")



@_attrs_define
class Merchant:
    """ 
        Attributes:
            balances (list[MerchantBalance]):
            country (str):
            created (int):
            fee_plan (FeePlan):
            id (str):
            legal_name (str):
            metadata (MerchantMetadata):
            object_ (Literal['merchant']):
            settlement_currency (str):
     """

    balances: list[MerchantBalance]
    country: str
    created: int
    fee_plan: FeePlan
    id: str
    legal_name: str
    metadata: MerchantMetadata
    object_: Literal['merchant']
    settlement_currency: str





    def to_dict(self) -> dict[str, Any]:
        from ..models.fee_plan import FeePlan # noqa: PLC0415
        from ..models.merchant_balance import MerchantBalance # noqa: PLC0415
        from ..models.merchant_metadata import MerchantMetadata # noqa: PLC0415
        balances = []
        for balances_item_data in self.balances:
            balances_item = balances_item_data.to_dict()
            balances.append(balances_item)



        country = self.country

        created = self.created

        fee_plan = self.fee_plan.to_dict()

        id = self.id

        legal_name = self.legal_name

        metadata = self.metadata.to_dict()

        object_ = self.object_

        settlement_currency = self.settlement_currency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "balances": balances,
            "country": country,
            "created": created,
            "fee_plan": fee_plan,
            "id": id,
            "legal_name": legal_name,
            "metadata": metadata,
            "object": object_,
            "settlement_currency": settlement_currency,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_plan import FeePlan # noqa: PLC0415
        from ..models.merchant_balance import MerchantBalance # noqa: PLC0415
        from ..models.merchant_metadata import MerchantMetadata # noqa: PLC0415
        d = dict(src_dict)
        balances = []
        _balances = d.pop("balances")
        for balances_item_data in (_balances):
            balances_item = MerchantBalance.from_dict(balances_item_data)



            balances.append(balances_item)


        country = d.pop("country")

        created = d.pop("created")

        fee_plan = FeePlan.from_dict(d.pop("fee_plan"))




        id = d.pop("id")

        legal_name = d.pop("legal_name")

        metadata = MerchantMetadata.from_dict(d.pop("metadata"))




        object_ = cast(Literal['merchant'] , d.pop("object"))
        if object_ != 'merchant':
            raise ValueError(f"object must match const 'merchant', got '{object_}'")

        settlement_currency = d.pop("settlement_currency")

        merchant = cls(
            balances=balances,
            country=country,
            created=created,
            fee_plan=fee_plan,
            id=id,
            legal_name=legal_name,
            metadata=metadata,
            object_=object_,
            settlement_currency=settlement_currency,
        )

        return merchant

