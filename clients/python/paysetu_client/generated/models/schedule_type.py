from enum import StrEnum

class ScheduleType(StrEnum):
    EMI = "emi"
    EQUAL_PRINCIPAL = "equal_principal"
    FLAT = "flat"

    def __str__(self) -> str:
        return str(self.value)
