from enum import StrEnum

class Outcome(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    REFER = "refer"

    def __str__(self) -> str:
        return str(self.value)
