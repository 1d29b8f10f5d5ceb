from enum import StrEnum

class ItemType(StrEnum):
    ADJUSTMENT = "adjustment"
    ESCROW_RELEASE = "escrow_release"
    FEE = "fee"
    LOAN_SWEEP = "loan_sweep"
    PAYMENT = "payment"
    PAYOUT = "payout"
    REFUND = "refund"
    RESERVE_HELD = "reserve_held"
    RESERVE_RELEASED = "reserve_released"

    def __str__(self) -> str:
        return str(self.value)
