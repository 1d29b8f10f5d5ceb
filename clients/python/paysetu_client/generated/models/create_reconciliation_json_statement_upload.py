from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="CreateReconciliationJsonStatementUpload")



@_attrs_define
class CreateReconciliationJsonStatementUpload:
    """ 
        Attributes:
            content (str): The statement file's text (UTF-8).
            format_ (str): `camt053` (ISO 20022 XML) or `csv`.
     """

    content: str
    format_: str





    def to_dict(self) -> dict[str, Any]:
        content = self.content

        format_ = self.format_


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "content": content,
            "format": format_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        format_ = d.pop("format")

        create_reconciliation_json_statement_upload = cls(
            content=content,
            format_=format_,
        )

        return create_reconciliation_json_statement_upload

