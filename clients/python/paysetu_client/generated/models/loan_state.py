from enum import StrEnum

class LoanState(StrEnum):
    ACTIVE = "active"
    APPROVED = "approved"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
