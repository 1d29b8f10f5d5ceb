from enum import StrEnum

class LineMovementKind(StrEnum):
    DRAW = "draw"
    INTEREST_DEBIT = "interest_debit"
    REPAYMENT = "repayment"
    SWEEP = "sweep"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
