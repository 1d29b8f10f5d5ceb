from enum import StrEnum

class DeclinedErrorErrorCode(StrEnum):
    APEX_FUNDS_INSUFFICIENT = "apex_funds_insufficient"
    DRAW_EXCEEDS_DRAWING_POWER = "draw_exceeds_drawing_power"
    EXCEEDS_AVAILABLE_BALANCE = "exceeds_available_balance"
    EXCEEDS_CREDITS = "exceeds_credits"
    EXCEEDS_DEBITS = "exceeds_debits"
    LENDER_FUNDS_INSUFFICIENT = "lender_funds_insufficient"
    MARKETPLACE_BALANCE_INSUFFICIENT = "marketplace_balance_insufficient"
    MERCHANT_BALANCE_INSUFFICIENT = "merchant_balance_insufficient"
    SOURCE_DECLINED = "source_declined"
    TARUN_PLUS_REQUIRES_REPAID_TARUN = "tarun_plus_requires_repaid_tarun"
    WALLET_BALANCE_LIMIT_EXCEEDED = "wallet_balance_limit_exceeded"
    WALLET_LOAD_LIMIT_EXCEEDED = "wallet_load_limit_exceeded"

    def __str__(self) -> str:
        return str(self.value)
