from enum import StrEnum

class CustomerAnswerMoneyRequestAction(StrEnum):
    CANCEL = "cancel"
    DECLINE = "decline"

    def __str__(self) -> str:
        return str(self.value)
