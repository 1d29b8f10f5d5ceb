from enum import StrEnum

class MarketplaceOrderStatus(StrEnum):
    CANCELED = "canceled"
    PAID = "paid"
    REQUIRES_ACTION = "requires_action"
    REQUIRES_PAYMENT = "requires_payment"

    def __str__(self) -> str:
        return str(self.value)
