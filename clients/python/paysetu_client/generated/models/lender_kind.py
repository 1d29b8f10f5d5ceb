from enum import StrEnum

class LenderKind(StrEnum):
    BANK = "bank"
    MFI = "mfi"
    NBFC = "nbfc"
    REFINANCER = "refinancer"

    def __str__(self) -> str:
        return str(self.value)
