from enum import StrEnum

class KycTier(StrEnum):
    FULL = "full"
    MINIMUM = "minimum"

    def __str__(self) -> str:
        return str(self.value)
