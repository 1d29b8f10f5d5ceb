from enum import StrEnum

class CustomerActOnMandateAction(StrEnum):
    APPROVE = "approve"
    PAUSE = "pause"
    REFUSE = "refuse"
    RESUME = "resume"
    REVOKE = "revoke"

    def __str__(self) -> str:
        return str(self.value)
