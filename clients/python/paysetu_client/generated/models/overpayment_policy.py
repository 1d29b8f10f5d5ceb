from enum import StrEnum

class OverpaymentPolicy(StrEnum):
    REFUSE = "refuse"
    RETURN = "return"

    def __str__(self) -> str:
        return str(self.value)
