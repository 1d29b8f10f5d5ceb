from enum import StrEnum

class LumpAllocationKind(StrEnum):
    FORECLOSURE = "foreclosure"
    PREPAYMENT = "prepayment"

    def __str__(self) -> str:
        return str(self.value)
