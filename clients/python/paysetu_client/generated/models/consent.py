from enum import StrEnum

class Consent(StrEnum):
    BUYER = "buyer"
    CUSTOMER = "customer"
    MANDATE = "mandate"
    OPERATOR = "operator"

    def __str__(self) -> str:
        return str(self.value)
