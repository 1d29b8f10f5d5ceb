from enum import StrEnum

class MoneyRequestStatus(StrEnum):
    CANCELED = "canceled"
    DECLINED = "declined"
    EXPIRED = "expired"
    PAID = "paid"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
