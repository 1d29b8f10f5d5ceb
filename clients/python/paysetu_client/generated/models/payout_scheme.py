from enum import StrEnum

class PayoutScheme(StrEnum):
    IBAN = "iban"
    LOCAL = "local"

    def __str__(self) -> str:
        return str(self.value)
