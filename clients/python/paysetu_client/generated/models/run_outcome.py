from enum import StrEnum

class RunOutcome(StrEnum):
    ALREADY_SETTLED = "already_settled"
    CREATED = "created"
    EXISTS = "exists"
    NOTHING_TO_SETTLE = "nothing_to_settle"
    WINDOW_OPEN = "window_open"

    def __str__(self) -> str:
        return str(self.value)
