from enum import StrEnum

class LoanInstallmentStatus(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    PAID = "paid"
    UPCOMING = "upcoming"

    def __str__(self) -> str:
        return str(self.value)
