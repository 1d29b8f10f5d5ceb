from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.not_found_error_error_code import NotFoundErrorErrorCode
from ..models.not_found_error_error_type import NotFoundErrorErrorType
from typing import cast






T = TypeVar("T", bound="NotFoundErrorError")



@_attrs_define
class NotFoundErrorError:
    """ 
        Attributes:
            code (NotFoundErrorErrorCode):
            message (str):
            param (None | str): The input at fault (`metadata.note`), if one is.
            request_id (str):
            type_ (NotFoundErrorErrorType):
     """

    code: NotFoundErrorErrorCode
    message: str
    param: None | str
    request_id: str
    type_: NotFoundErrorErrorType





    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        message = self.message

        param: None | str
        param = self.param

        request_id = self.request_id

        type_ = self.type_.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "code": code,
            "message": message,
            "param": param,
            "request_id": request_id,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = NotFoundErrorErrorCode(d.pop("code"))




        message = d.pop("message")

        def _parse_param(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        param = _parse_param(d.pop("param"))


        request_id = d.pop("request_id")

        type_ = NotFoundErrorErrorType(d.pop("type"))




        not_found_error_error = cls(
            code=code,
            message=message,
            param=param,
            request_id=request_id,
            type_=type_,
        )

        return not_found_error_error

