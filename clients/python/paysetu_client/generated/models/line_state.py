from enum import StrEnum

class LineState(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    WRITTEN_OFF = "written_off"

    def __str__(self) -> str:
        return str(self.value)
