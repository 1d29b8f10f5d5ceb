from enum import StrEnum

class ClosedReason(StrEnum):
    FORECLOSED = "foreclosed"
    REPAID = "repaid"

    def __str__(self) -> str:
        return str(self.value)
