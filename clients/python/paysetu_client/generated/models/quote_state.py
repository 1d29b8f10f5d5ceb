from enum import StrEnum

class QuoteState(StrEnum):
    EXPIRED = "expired"
    OPEN = "open"
    USED = "used"

    def __str__(self) -> str:
        return str(self.value)
