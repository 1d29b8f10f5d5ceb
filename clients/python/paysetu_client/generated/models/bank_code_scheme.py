from enum import StrEnum

class BankCodeScheme(StrEnum):
    IN_IFSC = "in_ifsc"

    def __str__(self) -> str:
        return str(self.value)
