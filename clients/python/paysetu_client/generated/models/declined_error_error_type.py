from enum import StrEnum

class DeclinedErrorErrorType(StrEnum):
    DECLINED_ERROR = "declined_error"

    def __str__(self) -> str:
        return str(self.value)
