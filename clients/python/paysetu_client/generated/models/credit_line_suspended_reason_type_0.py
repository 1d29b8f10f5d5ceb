from enum import StrEnum

class CreditLineSuspendedReasonType0(StrEnum):
    NPA = "npa"
    REVIEW_EXPIRED = "review_expired"

    def __str__(self) -> str:
        return str(self.value)
