from enum import StrEnum

class ReconciliationStatus(StrEnum):
    BALANCED = "balanced"
    NEEDS_ATTENTION = "needs_attention"

    def __str__(self) -> str:
        return str(self.value)
