from enum import StrEnum

class InvalidRequestErrorErrorType(StrEnum):
    IDEMPOTENCY_ERROR = "idempotency_error"
    INVALID_REQUEST_ERROR = "invalid_request_error"

    def __str__(self) -> str:
        return str(self.value)
