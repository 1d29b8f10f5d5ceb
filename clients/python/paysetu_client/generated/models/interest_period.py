from enum import StrEnum

class InterestPeriod(StrEnum):
    DAILY = "daily"
    REPAYMENT_PERIOD = "repayment_period"

    def __str__(self) -> str:
        return str(self.value)
