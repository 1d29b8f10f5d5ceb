from enum import StrEnum

class OrderState(StrEnum):
    PAID = "paid"
    REQUIRES_PAYMENT = "requires_payment"

    def __str__(self) -> str:
        return str(self.value)
