from enum import StrEnum

class CarryReason(StrEnum):
    BELOW_MINIMUM = "below_minimum"
    INSUFFICIENT_BALANCE = "insufficient_balance"
    NEGATIVE_NET = "negative_net"
    NO_PAYOUT_ACCOUNT = "no_payout_account"
    ZERO_NET = "zero_net"

    def __str__(self) -> str:
        return str(self.value)
