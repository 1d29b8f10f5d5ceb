"""Every code enum of every operation family, for docs, the HTTP mapping and the meta tests."""

from paysetu.access.rules.request_errors import RequestStatus
from paysetu.access.rules.web_errors import WebStatus
from paysetu.alipay.rules.app_errors import AlipayAppStatus
from paysetu.checkout.rules.errors import CheckoutStatus
from paysetu.customers.rules.errors import CustomerStatus
from paysetu.ledger.rules.errors import CODE_ENUMS as LEDGER_CODE_ENUMS
from paysetu.ledger.rules.errors import ErrorCode
from paysetu.lending.rules.errors import LendingStatus
from paysetu.marketplace.rules.errors import MarketplaceStatus
from paysetu.payments.rules.errors import PaymentStatus
from paysetu.payments.rules.fx_errors import FxStatus
from paysetu.settlement.rules.errors import SettlementStatus
from paysetu.settlement.rules.reconciliation_errors import ReconciliationStatus
from paysetu.wallets.rules.errors import WalletStatus

ALL_CODE_ENUMS: tuple[type[ErrorCode], ...] = (
    *LEDGER_CODE_ENUMS,
    RequestStatus,
    WalletStatus,
    PaymentStatus,
    FxStatus,
    ReconciliationStatus,
    LendingStatus,
    SettlementStatus,
    CheckoutStatus,
    WebStatus,
    AlipayAppStatus,
    CustomerStatus,
    MarketplaceStatus,
)
