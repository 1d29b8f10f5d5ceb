from enum import StrEnum

class LoanCategory(StrEnum):
    KISHORE = "kishore"
    SHISHU = "shishu"
    TARUN = "tarun"
    TARUN_PLUS = "tarun_plus"

    def __str__(self) -> str:
        return str(self.value)
