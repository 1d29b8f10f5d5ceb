from enum import StrEnum

class EscrowState(StrEnum):
    DISPUTED = "disputed"
    HELD = "held"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
