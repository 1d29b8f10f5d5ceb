from enum import StrEnum

class PayoutStatus(StrEnum):
    FAILED = "failed"
    PAID = "paid"
    PENDING = "pending"
    RETURNED = "returned"
    SENT = "sent"

    def __str__(self) -> str:
        return str(self.value)
