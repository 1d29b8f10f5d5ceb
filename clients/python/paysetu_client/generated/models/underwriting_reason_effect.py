from enum import StrEnum

class UnderwritingReasonEffect(StrEnum):
    DECLINE = "decline"
    INFO = "info"
    POSITIVE = "positive"
    REFER = "refer"

    def __str__(self) -> str:
        return str(self.value)
