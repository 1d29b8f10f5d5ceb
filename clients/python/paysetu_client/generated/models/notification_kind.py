from enum import StrEnum

class NotificationKind(StrEnum):
    APPROVAL = "approval"
    DEBIT = "debit"
    MONEY_RECEIVED = "money_received"
    MONEY_REQUEST = "money_request"
    PRE_DEBIT_NOTICE = "pre_debit_notice"
    REFUND = "refund"

    def __str__(self) -> str:
        return str(self.value)
