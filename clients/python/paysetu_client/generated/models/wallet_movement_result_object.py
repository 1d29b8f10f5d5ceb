from enum import StrEnum

class WalletMovementResultObject(StrEnum):
    WALLET_TOP_UP = "wallet_top_up"
    WALLET_TRANSFER = "wallet_transfer"
    WALLET_WITHDRAWAL = "wallet_withdrawal"

    def __str__(self) -> str:
        return str(self.value)
