from enum import StrEnum

class MandateFrequency(StrEnum):
    AS_PRESENTED = "as_presented"
    DAILY = "daily"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
