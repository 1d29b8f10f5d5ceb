from enum import StrEnum

class RepaymentSource(StrEnum):
    EMI_DEBIT = "emi_debit"
    FORECLOSURE = "foreclosure"
    MANUAL = "manual"
    PREPAYMENT = "prepayment"
    SWEEP = "sweep"

    def __str__(self) -> str:
        return str(self.value)
