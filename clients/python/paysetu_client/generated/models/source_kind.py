from enum import StrEnum

class SourceKind(StrEnum):
    CARD = "card"
    UPI = "upi"
    WALLET = "wallet"

    def __str__(self) -> str:
        return str(self.value)
