from enum import StrEnum

class NotFoundErrorErrorCode(StrEnum):
    ACCOUNT_NOT_FOUND = "account_not_found"
    ALIPAY_APP_NOT_FOUND = "alipay_app_not_found"
    ALIPAY_TRADE_NOT_FOUND = "alipay_trade_not_found"
    APPLICATION_NOT_FOUND = "application_not_found"
    BATCH_HAS_NO_PAYOUT = "batch_has_no_payout"
    CHECKOUT_SESSION_NOT_FOUND = "checkout_session_not_found"
    CREDIT_ACCOUNT_NOT_FOUND = "credit_account_not_found"
    CUSTOMER_NOT_FOUND = "customer_not_found"
    DEBIT_ACCOUNT_NOT_FOUND = "debit_account_not_found"
    ENTRY_NOT_FOUND = "entry_not_found"
    LENDER_NOT_FOUND = "lender_not_found"
    LOAN_NOT_FOUND = "loan_not_found"
    MERCHANT_NOT_FOUND = "merchant_not_found"
    PAYMENT_NOT_FOUND = "payment_not_found"
    PAYOUT_ACCOUNT_NOT_FOUND = "payout_account_not_found"
    PENDING_TRANSFER_NOT_FOUND = "pending_transfer_not_found"
    PRODUCT_NOT_FOUND = "product_not_found"
    QUOTE_NOT_FOUND = "quote_not_found"
    RECONCILIATION_NOT_FOUND = "reconciliation_not_found"
    REFINANCE_CLAIM_NOT_FOUND = "refinance_claim_not_found"
    REFUND_NOT_FOUND = "refund_not_found"
    RESOURCE_MISSING = "resource_missing"
    REVERSED_ENTRY_NOT_FOUND = "reversed_entry_not_found"
    SETTLEMENT_NOT_FOUND = "settlement_not_found"
    WALLET_NOT_FOUND = "wallet_not_found"
    WEBHOOK_ENDPOINT_NOT_FOUND = "webhook_endpoint_not_found"

    def __str__(self) -> str:
        return str(self.value)
