from enum import StrEnum

class ShareState(StrEnum):
    DISPUTED = "disputed"
    HELD = "held"
    PENDING = "pending"
    REFUNDED = "refunded"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
