from enum import StrEnum

class CustomerApprovalReason(StrEnum):
    ABOVE_MANDATE_THRESHOLD = "above_mandate_threshold"
    NO_MANDATE = "no_mandate"

    def __str__(self) -> str:
        return str(self.value)
