from enum import StrEnum

class PaymentState(StrEnum):
    CANCELED = "canceled"
    FAILED = "failed"
    REQUIRES_ACTION = "requires_action"
    REQUIRES_CAPTURE = "requires_capture"
    REQUIRES_CONFIRMATION = "requires_confirmation"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
