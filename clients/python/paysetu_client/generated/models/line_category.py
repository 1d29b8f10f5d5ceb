from enum import StrEnum

class LineCategory(StrEnum):
    AMOUNT_MISMATCH = "amount_mismatch"
    CURRENCY_MISMATCH = "currency_mismatch"
    MATCHED = "matched"
    MISSING = "missing"
    RETURNED = "returned"
    UNEXPECTED = "unexpected"

    def __str__(self) -> str:
        return str(self.value)
