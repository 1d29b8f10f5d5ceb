"""Every code enum of every operation family, for docs, the HTTP mapping and the meta tests."""

from paysetu.domain.errors import CODE_ENUMS as LEDGER_CODE_ENUMS
from paysetu.domain.errors import ErrorCode
from paysetu.domain.payment_errors import PaymentStatus, RequestStatus, WalletStatus

ALL_CODE_ENUMS: tuple[type[ErrorCode], ...] = (
    *LEDGER_CODE_ENUMS,
    RequestStatus,
    WalletStatus,
    PaymentStatus,
)
