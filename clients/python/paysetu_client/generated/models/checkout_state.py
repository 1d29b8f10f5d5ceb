from enum import StrEnum

class CheckoutState(StrEnum):
    COMPLETE = "complete"
    EXPIRED = "expired"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
