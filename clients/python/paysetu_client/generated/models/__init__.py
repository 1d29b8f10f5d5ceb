""" Contains all the data models used in inputs/outputs """

from .alipay_app_create import AlipayAppCreate
from .alipay_trade_payment import AlipayTradePayment
from .authentication_error import AuthenticationError
from .authentication_error_error import AuthenticationErrorError
from .authentication_error_error_code import AuthenticationErrorErrorCode
from .authentication_error_error_type import AuthenticationErrorErrorType
from .balance_transaction import BalanceTransaction
from .capture_method import CaptureMethod
from .checkout_session_create import CheckoutSessionCreate
from .checkout_session_create_metadata import CheckoutSessionCreateMetadata
from .conflict_error import ConflictError
from .conflict_error_error import ConflictErrorError
from .conflict_error_error_code import ConflictErrorErrorCode
from .conflict_error_error_type import ConflictErrorErrorType
from .create_reconciliation_json_statement_upload import CreateReconciliationJsonStatementUpload
from .customer import Customer
from .customer_create import CustomerCreate
from .customer_create_metadata import CustomerCreateMetadata
from .customer_metadata import CustomerMetadata
from .declined_error import DeclinedError
from .declined_error_error import DeclinedErrorError
from .declined_error_error_code import DeclinedErrorErrorCode
from .declined_error_error_type import DeclinedErrorErrorType
from .delivery_attempt import DeliveryAttempt
from .delivery_status import DeliveryStatus
from .empty_body import EmptyBody
from .escrow_state import EscrowState
from .event import Event
from .event_data import EventData
from .fee_plan import FeePlan
from .fixed_side import FixedSide
from .fx_quote import FxQuote
from .fx_quote_create import FxQuoteCreate
from .fx_rate import FxRate
from .fx_rate_import import FxRateImport
from .fx_rates_load import FxRatesLoad
from .get_app_response_get_app import GetAppResponseGetApp
from .get_application_response_get_application import GetApplicationResponseGetApplication
from .get_checkout_session_response_get_checkout_session import GetCheckoutSessionResponseGetCheckoutSession
from .get_claim_response_get_claim import GetClaimResponseGetClaim
from .get_lender_response_get_lender import GetLenderResponseGetLender
from .get_loan_response_get_loan import GetLoanResponseGetLoan
from .get_loan_schedule_response_get_loan_schedule import GetLoanScheduleResponseGetLoanSchedule
from .get_product_response_get_product import GetProductResponseGetProduct
from .get_reconciliation_response_get_reconciliation import GetReconciliationResponseGetReconciliation
from .get_settlement_response_get_settlement import GetSettlementResponseGetSettlement
from .get_settlement_schedule_response_get_settlement_schedule import GetSettlementScheduleResponseGetSettlementSchedule
from .invalid_request_error import InvalidRequestError
from .invalid_request_error_error import InvalidRequestErrorError
from .invalid_request_error_error_code import InvalidRequestErrorErrorCode
from .invalid_request_error_error_type import InvalidRequestErrorErrorType
from .kyc_tier import KycTier
from .lender_create import LenderCreate
from .lender_create_metadata import LenderCreateMetadata
from .lender_funding import LenderFunding
from .lending_close_day import LendingCloseDay
from .line_category import LineCategory
from .list_applications_response_list_applications import ListApplicationsResponseListApplications
from .list_apps_response_list_apps import ListAppsResponseListApps
from .list_checkout_sessions_response_list_checkout_sessions import ListCheckoutSessionsResponseListCheckoutSessions
from .list_claims_response_list_claims import ListClaimsResponseListClaims
from .list_items_response_list_items import ListItemsResponseListItems
from .list_lenders_response_list_lenders import ListLendersResponseListLenders
from .list_loans_response_list_loans import ListLoansResponseListLoans
from .list_of_balance_transaction import ListOfBalanceTransaction
from .list_of_customer import ListOfCustomer
from .list_of_event import ListOfEvent
from .list_of_fx_rate import ListOfFxRate
from .list_of_merchant import ListOfMerchant
from .list_of_payment import ListOfPayment
from .list_of_refund import ListOfRefund
from .list_of_wallet import ListOfWallet
from .list_of_webhook_delivery import ListOfWebhookDelivery
from .list_of_webhook_endpoint import ListOfWebhookEndpoint
from .list_payout_accounts_response_list_payout_accounts import ListPayoutAccountsResponseListPayoutAccounts
from .list_products_response_list_products import ListProductsResponseListProducts
from .list_reconciliation_lines_response_list_reconciliation_lines import ListReconciliationLinesResponseListReconciliationLines
from .list_reconciliations_response_list_reconciliations import ListReconciliationsResponseListReconciliations
from .list_repayments_response_list_repayments import ListRepaymentsResponseListRepayments
from .list_settlements_response_list_settlements import ListSettlementsResponseListSettlements
from .loan_application_approve import LoanApplicationApprove
from .loan_application_create import LoanApplicationCreate
from .loan_application_create_metadata import LoanApplicationCreateMetadata
from .loan_application_reject import LoanApplicationReject
from .loan_repayment_create import LoanRepaymentCreate
from .loan_write_off import LoanWriteOff
from .merchant import Merchant
from .merchant_balance import MerchantBalance
from .merchant_create import MerchantCreate
from .merchant_create_metadata import MerchantCreateMetadata
from .merchant_metadata import MerchantMetadata
from .not_found_error import NotFoundError
from .not_found_error_error import NotFoundErrorError
from .not_found_error_error_code import NotFoundErrorErrorCode
from .not_found_error_error_type import NotFoundErrorErrorType
from .payment import Payment
from .payment_cancel import PaymentCancel
from .payment_capture import PaymentCapture
from .payment_create import PaymentCreate
from .payment_create_metadata import PaymentCreateMetadata
from .payment_metadata import PaymentMetadata
from .payment_release import PaymentRelease
from .payment_state import PaymentState
from .payout_account_create import PayoutAccountCreate
from .portfolio_history_response_portfolio_history import PortfolioHistoryResponsePortfolioHistory
from .portfolio_response_portfolio import PortfolioResponsePortfolio
from .quote_state import QuoteState
from .refinance_claim_create import RefinanceClaimCreate
from .refund import Refund
from .refund_create import RefundCreate
from .refund_create_metadata import RefundCreateMetadata
from .refund_metadata import RefundMetadata
from .refund_state import RefundState
from .run_settlement_response_run_settlement import RunSettlementResponseRunSettlement
from .schedule_update import ScheduleUpdate
from .schedule_update_payout_minimums import ScheduleUpdatePayoutMinimums
from .settlement_run import SettlementRun
from .wallet import Wallet
from .wallet_create import WalletCreate
from .wallet_movement import WalletMovement
from .wallet_movement_metadata import WalletMovementMetadata
from .wallet_movement_result import WalletMovementResult
from .wallet_movement_result_object import WalletMovementResultObject
from .wallet_transfer import WalletTransfer
from .wallet_transfer_metadata import WalletTransferMetadata
from .webhook_delivery import WebhookDelivery
from .webhook_endpoint import WebhookEndpoint
from .webhook_endpoint_create import WebhookEndpointCreate
from .webhook_endpoint_status import WebhookEndpointStatus
from .webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .webhook_endpoint_with_secret_status import WebhookEndpointWithSecretStatus

__all__ = (
    "AlipayAppCreate",
    "AlipayTradePayment",
    "AuthenticationError",
    "AuthenticationErrorError",
    "AuthenticationErrorErrorCode",
    "AuthenticationErrorErrorType",
    "BalanceTransaction",
    "CaptureMethod",
    "CheckoutSessionCreate",
    "CheckoutSessionCreateMetadata",
    "ConflictError",
    "ConflictErrorError",
    "ConflictErrorErrorCode",
    "ConflictErrorErrorType",
    "CreateReconciliationJsonStatementUpload",
    "Customer",
    "CustomerCreate",
    "CustomerCreateMetadata",
    "CustomerMetadata",
    "DeclinedError",
    "DeclinedErrorError",
    "DeclinedErrorErrorCode",
    "DeclinedErrorErrorType",
    "DeliveryAttempt",
    "DeliveryStatus",
    "EmptyBody",
    "EscrowState",
    "Event",
    "EventData",
    "FeePlan",
    "FixedSide",
    "FxQuote",
    "FxQuoteCreate",
    "FxRate",
    "FxRateImport",
    "FxRatesLoad",
    "GetApplicationResponseGetApplication",
    "GetAppResponseGetApp",
    "GetCheckoutSessionResponseGetCheckoutSession",
    "GetClaimResponseGetClaim",
    "GetLenderResponseGetLender",
    "GetLoanResponseGetLoan",
    "GetLoanScheduleResponseGetLoanSchedule",
    "GetProductResponseGetProduct",
    "GetReconciliationResponseGetReconciliation",
    "GetSettlementResponseGetSettlement",
    "GetSettlementScheduleResponseGetSettlementSchedule",
    "InvalidRequestError",
    "InvalidRequestErrorError",
    "InvalidRequestErrorErrorCode",
    "InvalidRequestErrorErrorType",
    "KycTier",
    "LenderCreate",
    "LenderCreateMetadata",
    "LenderFunding",
    "LendingCloseDay",
    "LineCategory",
    "ListApplicationsResponseListApplications",
    "ListAppsResponseListApps",
    "ListCheckoutSessionsResponseListCheckoutSessions",
    "ListClaimsResponseListClaims",
    "ListItemsResponseListItems",
    "ListLendersResponseListLenders",
    "ListLoansResponseListLoans",
    "ListOfBalanceTransaction",
    "ListOfCustomer",
    "ListOfEvent",
    "ListOfFxRate",
    "ListOfMerchant",
    "ListOfPayment",
    "ListOfRefund",
    "ListOfWallet",
    "ListOfWebhookDelivery",
    "ListOfWebhookEndpoint",
    "ListPayoutAccountsResponseListPayoutAccounts",
    "ListProductsResponseListProducts",
    "ListReconciliationLinesResponseListReconciliationLines",
    "ListReconciliationsResponseListReconciliations",
    "ListRepaymentsResponseListRepayments",
    "ListSettlementsResponseListSettlements",
    "LoanApplicationApprove",
    "LoanApplicationCreate",
    "LoanApplicationCreateMetadata",
    "LoanApplicationReject",
    "LoanRepaymentCreate",
    "LoanWriteOff",
    "Merchant",
    "MerchantBalance",
    "MerchantCreate",
    "MerchantCreateMetadata",
    "MerchantMetadata",
    "NotFoundError",
    "NotFoundErrorError",
    "NotFoundErrorErrorCode",
    "NotFoundErrorErrorType",
    "Payment",
    "PaymentCancel",
    "PaymentCapture",
    "PaymentCreate",
    "PaymentCreateMetadata",
    "PaymentMetadata",
    "PaymentRelease",
    "PaymentState",
    "PayoutAccountCreate",
    "PortfolioHistoryResponsePortfolioHistory",
    "PortfolioResponsePortfolio",
    "QuoteState",
    "RefinanceClaimCreate",
    "Refund",
    "RefundCreate",
    "RefundCreateMetadata",
    "RefundMetadata",
    "RefundState",
    "RunSettlementResponseRunSettlement",
    "ScheduleUpdate",
    "ScheduleUpdatePayoutMinimums",
    "SettlementRun",
    "Wallet",
    "WalletCreate",
    "WalletMovement",
    "WalletMovementMetadata",
    "WalletMovementResult",
    "WalletMovementResultObject",
    "WalletTransfer",
    "WalletTransferMetadata",
    "WebhookDelivery",
    "WebhookEndpoint",
    "WebhookEndpointCreate",
    "WebhookEndpointStatus",
    "WebhookEndpointWithSecret",
    "WebhookEndpointWithSecretStatus",
)
