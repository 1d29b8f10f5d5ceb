""" Contains all the data models used in inputs/outputs """

from .alipay_app import AlipayApp
from .alipay_app_create import AlipayAppCreate
from .alipay_payment_code import AlipayPaymentCode
from .alipay_trade_payment import AlipayTradePayment
from .allocation_order import AllocationOrder
from .application_state import ApplicationState
from .asset_class import AssetClass
from .authentication_error import AuthenticationError
from .authentication_error_error import AuthenticationErrorError
from .authentication_error_error_code import AuthenticationErrorErrorCode
from .authentication_error_error_type import AuthenticationErrorErrorType
from .balance_transaction import BalanceTransaction
from .bank_code_scheme import BankCodeScheme
from .batch_status import BatchStatus
from .capture_method import CaptureMethod
from .carry_reason import CarryReason
from .checkout_session import CheckoutSession
from .checkout_session_create import CheckoutSessionCreate
from .checkout_session_create_metadata import CheckoutSessionCreateMetadata
from .checkout_session_metadata import CheckoutSessionMetadata
from .checkout_state import CheckoutState
from .close_day_amounts import CloseDayAmounts
from .close_day_classes import CloseDayClasses
from .close_day_line_amounts import CloseDayLineAmounts
from .close_day_lines import CloseDayLines
from .closed_reason import ClosedReason
from .commission_rule import CommissionRule
from .commission_rule_in import CommissionRuleIn
from .conflict_error import ConflictError
from .conflict_error_error import ConflictErrorError
from .conflict_error_error_code import ConflictErrorErrorCode
from .conflict_error_error_type import ConflictErrorErrorType
from .consent import Consent
from .create_reconciliation_json_statement_upload import CreateReconciliationJsonStatementUpload
from .credit_line import CreditLine
from .credit_line_application import CreditLineApplication
from .credit_line_application_approve import CreditLineApplicationApprove
from .credit_line_application_create import CreditLineApplicationCreate
from .credit_line_create import CreditLineCreate
from .credit_line_create_metadata import CreditLineCreateMetadata
from .credit_line_draw import CreditLineDraw
from .credit_line_metadata import CreditLineMetadata
from .credit_line_movement import CreditLineMovement
from .credit_line_renewal import CreditLineRenewal
from .credit_line_repayment import CreditLineRepayment
from .credit_line_suspended_reason_type_0 import CreditLineSuspendedReasonType0
from .customer import Customer
from .customer_act_on_mandate_action import CustomerActOnMandateAction
from .customer_answer_money_request_action import CustomerAnswerMoneyRequestAction
from .customer_approval import CustomerApproval
from .customer_approval_reason import CustomerApprovalReason
from .customer_create import CustomerCreate
from .customer_create_metadata import CustomerCreateMetadata
from .customer_metadata import CustomerMetadata
from .customer_notification import CustomerNotification
from .customer_notification_list import CustomerNotificationList
from .customer_payment_create import CustomerPaymentCreate
from .customer_session_object import CustomerSessionObject
from .customer_transfer import CustomerTransfer
from .customer_transfer_list import CustomerTransferList
from .day_count import DayCount
from .declined_error import DeclinedError
from .declined_error_error import DeclinedErrorError
from .declined_error_error_code import DeclinedErrorErrorCode
from .declined_error_error_type import DeclinedErrorErrorType
from .delivery_attempt import DeliveryAttempt
from .delivery_status import DeliveryStatus
from .direction import Direction
from .drawing_power_basis import DrawingPowerBasis
from .empty_body import EmptyBody
from .escrow_state import EscrowState
from .event import Event
from .event_data import EventData
from .fee_plan import FeePlan
from .fixed_side import FixedSide
from .frequency import Frequency
from .fx_quote import FxQuote
from .fx_quote_create import FxQuoteCreate
from .fx_rate import FxRate
from .fx_rate_import import FxRateImport
from .fx_rates_load import FxRatesLoad
from .installment_allocation import InstallmentAllocation
from .interest_period import InterestPeriod
from .invalid_request_error import InvalidRequestError
from .invalid_request_error_error import InvalidRequestErrorError
from .invalid_request_error_error_code import InvalidRequestErrorErrorCode
from .invalid_request_error_error_type import InvalidRequestErrorErrorType
from .item_type import ItemType
from .kyc_status import KycStatus
from .kyc_tier import KycTier
from .lender import Lender
from .lender_balance import LenderBalance
from .lender_create import LenderCreate
from .lender_create_metadata import LenderCreateMetadata
from .lender_funding import LenderFunding
from .lender_kind import LenderKind
from .lender_metadata import LenderMetadata
from .lending_close_day import LendingCloseDay
from .lending_close_day_summary import LendingCloseDaySummary
from .lending_close_day_summary_class_changes import LendingCloseDaySummaryClassChanges
from .lending_portfolio import LendingPortfolio
from .lending_portfolio_history import LendingPortfolioHistory
from .line_advice import LineAdvice
from .line_advice_decision import LineAdviceDecision
from .line_category import LineCategory
from .line_classification import LineClassification
from .line_ledger_accounts import LineLedgerAccounts
from .line_movement_kind import LineMovementKind
from .line_state import LineState
from .list_of_alipay_app import ListOfAlipayApp
from .list_of_balance_transaction import ListOfBalanceTransaction
from .list_of_checkout_session import ListOfCheckoutSession
from .list_of_credit_line import ListOfCreditLine
from .list_of_credit_line_application import ListOfCreditLineApplication
from .list_of_credit_line_movement import ListOfCreditLineMovement
from .list_of_customer import ListOfCustomer
from .list_of_event import ListOfEvent
from .list_of_fx_rate import ListOfFxRate
from .list_of_lender import ListOfLender
from .list_of_loan import ListOfLoan
from .list_of_loan_application import ListOfLoanApplication
from .list_of_loan_product import ListOfLoanProduct
from .list_of_loan_repayment import ListOfLoanRepayment
from .list_of_mandate import ListOfMandate
from .list_of_marketplace_order import ListOfMarketplaceOrder
from .list_of_marketplace_share import ListOfMarketplaceShare
from .list_of_merchant import ListOfMerchant
from .list_of_payment import ListOfPayment
from .list_of_payout_account import ListOfPayoutAccount
from .list_of_reconciliation import ListOfReconciliation
from .list_of_reconciliation_line import ListOfReconciliationLine
from .list_of_refinance_claim import ListOfRefinanceClaim
from .list_of_refund import ListOfRefund
from .list_of_seller import ListOfSeller
from .list_of_settlement import ListOfSettlement
from .list_of_settlement_item import ListOfSettlementItem
from .list_of_wallet import ListOfWallet
from .list_of_webhook_delivery import ListOfWebhookDelivery
from .list_of_webhook_endpoint import ListOfWebhookEndpoint
from .loan import Loan
from .loan_application import LoanApplication
from .loan_application_approve import LoanApplicationApprove
from .loan_application_create import LoanApplicationCreate
from .loan_application_create_metadata import LoanApplicationCreateMetadata
from .loan_application_metadata import LoanApplicationMetadata
from .loan_application_reject import LoanApplicationReject
from .loan_category import LoanCategory
from .loan_classification import LoanClassification
from .loan_installment import LoanInstallment
from .loan_installment_status import LoanInstallmentStatus
from .loan_ledger_accounts import LoanLedgerAccounts
from .loan_product import LoanProduct
from .loan_repayment import LoanRepayment
from .loan_repayment_create import LoanRepaymentCreate
from .loan_schedule import LoanSchedule
from .loan_state import LoanState
from .loan_write_off import LoanWriteOff
from .lump_allocation import LumpAllocation
from .lump_allocation_kind import LumpAllocationKind
from .mandate import Mandate
from .mandate_create import MandateCreate
from .mandate_frequency import MandateFrequency
from .mandate_notice import MandateNotice
from .mandate_notice_create import MandateNoticeCreate
from .mandate_state import MandateState
from .marketplace import Marketplace
from .marketplace_category_commissions import MarketplaceCategoryCommissions
from .marketplace_create import MarketplaceCreate
from .marketplace_create_category_commissions import MarketplaceCreateCategoryCommissions
from .marketplace_order import MarketplaceOrder
from .marketplace_order_create import MarketplaceOrderCreate
from .marketplace_order_create_metadata import MarketplaceOrderCreateMetadata
from .marketplace_order_metadata import MarketplaceOrderMetadata
from .marketplace_order_status import MarketplaceOrderStatus
from .marketplace_share import MarketplaceShare
from .marketplace_share_return import MarketplaceShareReturn
from .marketplace_tax_report import MarketplaceTaxReport
from .merchant import Merchant
from .merchant_balance import MerchantBalance
from .merchant_create import MerchantCreate
from .merchant_create_metadata import MerchantCreateMetadata
from .merchant_metadata import MerchantMetadata
from .money_request import MoneyRequest
from .money_request_create import MoneyRequestCreate
from .money_request_list import MoneyRequestList
from .money_request_status import MoneyRequestStatus
from .next_action import NextAction
from .not_found_error import NotFoundError
from .not_found_error_error import NotFoundErrorError
from .not_found_error_error_code import NotFoundErrorErrorCode
from .not_found_error_error_type import NotFoundErrorErrorType
from .notification_kind import NotificationKind
from .order_line_in import OrderLineIn
from .order_line_out import OrderLineOut
from .outcome import Outcome
from .overpayment_policy import OverpaymentPolicy
from .payee import Payee
from .payee_lookup import PayeeLookup
from .payment import Payment
from .payment_approval import PaymentApproval
from .payment_approval_list import PaymentApprovalList
from .payment_cancel import PaymentCancel
from .payment_capture import PaymentCapture
from .payment_code_create import PaymentCodeCreate
from .payment_create import PaymentCreate
from .payment_create_metadata import PaymentCreateMetadata
from .payment_metadata import PaymentMetadata
from .payment_release import PaymentRelease
from .payment_source import PaymentSource
from .payment_state import PaymentState
from .payout_account import PayoutAccount
from .payout_account_create import PayoutAccountCreate
from .payout_scheme import PayoutScheme
from .payout_status import PayoutStatus
from .pin_body import PinBody
from .pin_set import PinSet
from .portfolio_history_row import PortfolioHistoryRow
from .portfolio_row import PortfolioRow
from .quote_state import QuoteState
from .reconciliation import Reconciliation
from .reconciliation_counts import ReconciliationCounts
from .reconciliation_line import ReconciliationLine
from .reconciliation_payout import ReconciliationPayout
from .reconciliation_status import ReconciliationStatus
from .refinance_claim import RefinanceClaim
from .refinance_claim_create import RefinanceClaimCreate
from .refund import Refund
from .refund_create import RefundCreate
from .refund_create_metadata import RefundCreateMetadata
from .refund_metadata import RefundMetadata
from .refund_state import RefundState
from .repayment_source import RepaymentSource
from .run_outcome import RunOutcome
from .schedule_type import ScheduleType
from .schedule_update import ScheduleUpdate
from .schedule_update_payout_minimums import ScheduleUpdatePayoutMinimums
from .seller import Seller
from .seller_create import SellerCreate
from .seller_create_metadata import SellerCreateMetadata
from .seller_kyc import SellerKyc
from .seller_link_create import SellerLinkCreate
from .session_create import SessionCreate
from .settlement import Settlement
from .settlement_item import SettlementItem
from .settlement_result import SettlementResult
from .settlement_run import SettlementRun
from .settlement_run_report import SettlementRunReport
from .settlement_run_report_outcomes import SettlementRunReportOutcomes
from .settlement_schedule import SettlementSchedule
from .settlement_schedule_payout_minimums import SettlementSchedulePayoutMinimums
from .share_release import ShareRelease
from .share_return_create import ShareReturnCreate
from .share_state import ShareState
from .sign_in_code import SignInCode
from .sign_in_code_create import SignInCodeCreate
from .source_kind import SourceKind
from .statement_format import StatementFormat
from .tax_report_line import TaxReportLine
from .transfer_create import TransferCreate
from .underwriting import Underwriting
from .underwriting_features import UnderwritingFeatures
from .underwriting_inputs import UnderwritingInputs
from .underwriting_reason import UnderwritingReason
from .underwriting_reason_effect import UnderwritingReasonEffect
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
    "AlipayApp",
    "AlipayAppCreate",
    "AlipayPaymentCode",
    "AlipayTradePayment",
    "AllocationOrder",
    "ApplicationState",
    "AssetClass",
    "AuthenticationError",
    "AuthenticationErrorError",
    "AuthenticationErrorErrorCode",
    "AuthenticationErrorErrorType",
    "BalanceTransaction",
    "BankCodeScheme",
    "BatchStatus",
    "CaptureMethod",
    "CarryReason",
    "CheckoutSession",
    "CheckoutSessionCreate",
    "CheckoutSessionCreateMetadata",
    "CheckoutSessionMetadata",
    "CheckoutState",
    "CloseDayAmounts",
    "CloseDayClasses",
    "CloseDayLineAmounts",
    "CloseDayLines",
    "ClosedReason",
    "CommissionRule",
    "CommissionRuleIn",
    "ConflictError",
    "ConflictErrorError",
    "ConflictErrorErrorCode",
    "ConflictErrorErrorType",
    "Consent",
    "CreateReconciliationJsonStatementUpload",
    "CreditLine",
    "CreditLineApplication",
    "CreditLineApplicationApprove",
    "CreditLineApplicationCreate",
    "CreditLineCreate",
    "CreditLineCreateMetadata",
    "CreditLineDraw",
    "CreditLineMetadata",
    "CreditLineMovement",
    "CreditLineRenewal",
    "CreditLineRepayment",
    "CreditLineSuspendedReasonType0",
    "Customer",
    "CustomerActOnMandateAction",
    "CustomerAnswerMoneyRequestAction",
    "CustomerApproval",
    "CustomerApprovalReason",
    "CustomerCreate",
    "CustomerCreateMetadata",
    "CustomerMetadata",
    "CustomerNotification",
    "CustomerNotificationList",
    "CustomerPaymentCreate",
    "CustomerSessionObject",
    "CustomerTransfer",
    "CustomerTransferList",
    "DayCount",
    "DeclinedError",
    "DeclinedErrorError",
    "DeclinedErrorErrorCode",
    "DeclinedErrorErrorType",
    "DeliveryAttempt",
    "DeliveryStatus",
    "Direction",
    "DrawingPowerBasis",
    "EmptyBody",
    "EscrowState",
    "Event",
    "EventData",
    "FeePlan",
    "FixedSide",
    "Frequency",
    "FxQuote",
    "FxQuoteCreate",
    "FxRate",
    "FxRateImport",
    "FxRatesLoad",
    "InstallmentAllocation",
    "InterestPeriod",
    "InvalidRequestError",
    "InvalidRequestErrorError",
    "InvalidRequestErrorErrorCode",
    "InvalidRequestErrorErrorType",
    "ItemType",
    "KycStatus",
    "KycTier",
    "Lender",
    "LenderBalance",
    "LenderCreate",
    "LenderCreateMetadata",
    "LenderFunding",
    "LenderKind",
    "LenderMetadata",
    "LendingCloseDay",
    "LendingCloseDaySummary",
    "LendingCloseDaySummaryClassChanges",
    "LendingPortfolio",
    "LendingPortfolioHistory",
    "LineAdvice",
    "LineAdviceDecision",
    "LineCategory",
    "LineClassification",
    "LineLedgerAccounts",
    "LineMovementKind",
    "LineState",
    "ListOfAlipayApp",
    "ListOfBalanceTransaction",
    "ListOfCheckoutSession",
    "ListOfCreditLine",
    "ListOfCreditLineApplication",
    "ListOfCreditLineMovement",
    "ListOfCustomer",
    "ListOfEvent",
    "ListOfFxRate",
    "ListOfLender",
    "ListOfLoan",
    "ListOfLoanApplication",
    "ListOfLoanProduct",
    "ListOfLoanRepayment",
    "ListOfMandate",
    "ListOfMarketplaceOrder",
    "ListOfMarketplaceShare",
    "ListOfMerchant",
    "ListOfPayment",
    "ListOfPayoutAccount",
    "ListOfReconciliation",
    "ListOfReconciliationLine",
    "ListOfRefinanceClaim",
    "ListOfRefund",
    "ListOfSeller",
    "ListOfSettlement",
    "ListOfSettlementItem",
    "ListOfWallet",
    "ListOfWebhookDelivery",
    "ListOfWebhookEndpoint",
    "Loan",
    "LoanApplication",
    "LoanApplicationApprove",
    "LoanApplicationCreate",
    "LoanApplicationCreateMetadata",
    "LoanApplicationMetadata",
    "LoanApplicationReject",
    "LoanCategory",
    "LoanClassification",
    "LoanInstallment",
    "LoanInstallmentStatus",
    "LoanLedgerAccounts",
    "LoanProduct",
    "LoanRepayment",
    "LoanRepaymentCreate",
    "LoanSchedule",
    "LoanState",
    "LoanWriteOff",
    "LumpAllocation",
    "LumpAllocationKind",
    "Mandate",
    "MandateCreate",
    "MandateFrequency",
    "MandateNotice",
    "MandateNoticeCreate",
    "MandateState",
    "Marketplace",
    "MarketplaceCategoryCommissions",
    "MarketplaceCreate",
    "MarketplaceCreateCategoryCommissions",
    "MarketplaceOrder",
    "MarketplaceOrderCreate",
    "MarketplaceOrderCreateMetadata",
    "MarketplaceOrderMetadata",
    "MarketplaceOrderStatus",
    "MarketplaceShare",
    "MarketplaceShareReturn",
    "MarketplaceTaxReport",
    "Merchant",
    "MerchantBalance",
    "MerchantCreate",
    "MerchantCreateMetadata",
    "MerchantMetadata",
    "MoneyRequest",
    "MoneyRequestCreate",
    "MoneyRequestList",
    "MoneyRequestStatus",
    "NextAction",
    "NotFoundError",
    "NotFoundErrorError",
    "NotFoundErrorErrorCode",
    "NotFoundErrorErrorType",
    "NotificationKind",
    "OrderLineIn",
    "OrderLineOut",
    "Outcome",
    "OverpaymentPolicy",
    "Payee",
    "PayeeLookup",
    "Payment",
    "PaymentApproval",
    "PaymentApprovalList",
    "PaymentCancel",
    "PaymentCapture",
    "PaymentCodeCreate",
    "PaymentCreate",
    "PaymentCreateMetadata",
    "PaymentMetadata",
    "PaymentRelease",
    "PaymentSource",
    "PaymentState",
    "PayoutAccount",
    "PayoutAccountCreate",
    "PayoutScheme",
    "PayoutStatus",
    "PinBody",
    "PinSet",
    "PortfolioHistoryRow",
    "PortfolioRow",
    "QuoteState",
    "Reconciliation",
    "ReconciliationCounts",
    "ReconciliationLine",
    "ReconciliationPayout",
    "ReconciliationStatus",
    "RefinanceClaim",
    "RefinanceClaimCreate",
    "Refund",
    "RefundCreate",
    "RefundCreateMetadata",
    "RefundMetadata",
    "RefundState",
    "RepaymentSource",
    "RunOutcome",
    "ScheduleType",
    "ScheduleUpdate",
    "ScheduleUpdatePayoutMinimums",
    "Seller",
    "SellerCreate",
    "SellerCreateMetadata",
    "SellerKyc",
    "SellerLinkCreate",
    "SessionCreate",
    "Settlement",
    "SettlementItem",
    "SettlementResult",
    "SettlementRun",
    "SettlementRunReport",
    "SettlementRunReportOutcomes",
    "SettlementSchedule",
    "SettlementSchedulePayoutMinimums",
    "ShareRelease",
    "ShareReturnCreate",
    "ShareState",
    "SignInCode",
    "SignInCodeCreate",
    "SourceKind",
    "StatementFormat",
    "TaxReportLine",
    "TransferCreate",
    "Underwriting",
    "UnderwritingFeatures",
    "UnderwritingInputs",
    "UnderwritingReason",
    "UnderwritingReasonEffect",
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
