from enum import StrEnum

class AllocationOrder(StrEnum):
    PENALTIES_FEES_INTEREST_PRINCIPAL = "penalties_fees_interest_principal"
    RBI_INTEREST_FIRST = "rbi_interest_first"

    def __str__(self) -> str:
        return str(self.value)
