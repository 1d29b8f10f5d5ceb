from enum import StrEnum

class LineAdviceDecision(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    REFER = "refer"

    def __str__(self) -> str:
        return str(self.value)
