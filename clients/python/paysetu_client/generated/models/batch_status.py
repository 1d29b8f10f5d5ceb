from enum import StrEnum

class BatchStatus(StrEnum):
    CARRIED_FORWARD = "carried_forward"
    PAID_OUT = "paid_out"

    def __str__(self) -> str:
        return str(self.value)
