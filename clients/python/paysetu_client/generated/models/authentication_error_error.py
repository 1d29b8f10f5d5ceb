from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.authentication_error_error_code import AuthenticationErrorErrorCode
from ..models.authentication_error_error_type import AuthenticationErrorErrorType
from typing import cast






T = TypeVar("T", bound="AuthenticationErrorError")



@_attrs_define
class AuthenticationErrorError:
    """ 
        Attributes:
            code (AuthenticationErrorErrorCode):
            message (str):
            param (None | str): The input at fault (`metadata.note`), if one is.
            request_id (str):
            type_ (AuthenticationErrorErrorType):
     """

    code: AuthenticationErrorErrorCode
    message: str
    param: None | str
    request_id: str
    type_: AuthenticationErrorErrorType





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
        code = AuthenticationErrorErrorCode(d.pop("code"))




        message = d.pop("message")

        def _parse_param(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        param = _parse_param(d.pop("param"))


        request_id = d.pop("request_id")

        type_ = AuthenticationErrorErrorType(d.pop("type"))




        authentication_error_error = cls(
            code=code,
            message=message,
            param=param,
            request_id=request_id,
            type_=type_,
        )

        return authentication_error_error

