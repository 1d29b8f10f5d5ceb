from enum import StrEnum

class MandateState(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    PAUSED = "paused"
    PENDING = "pending"
    REFUSED = "refused"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
