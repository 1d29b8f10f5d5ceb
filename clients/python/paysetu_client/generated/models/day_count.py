from enum import StrEnum

class DayCount(StrEnum):
    ACTUAL_365 = "actual_365"
    ACTUAL_ACTUAL = "actual_actual"
    THIRTY_360 = "thirty_360"

    def __str__(self) -> str:
        return str(self.value)
