from enum import StrEnum

class AuthenticationErrorErrorCode(StrEnum):
    API_KEY_INVALID = "api_key_invalid"
    API_KEY_MISSING = "api_key_missing"
    API_KEY_REVOKED = "api_key_revoked"
    CUSTOMER_SESSION_INVALID = "customer_session_invalid"
    LOGIN_FAILED = "login_failed"
    PIN_INCORRECT = "pin_incorrect"
    SIGN_IN_CODE_INVALID = "sign_in_code_invalid"

    def __str__(self) -> str:
        return str(self.value)
