from enum import StrEnum

class SourceKind(StrEnum):
    CARD = "card"
    UPI = "upi"

    def __str__(self) -> str:
        return str(self.value)
