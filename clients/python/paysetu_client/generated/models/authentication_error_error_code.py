from enum import StrEnum

class AuthenticationErrorErrorCode(StrEnum):
    API_KEY_INVALID = "api_key_invalid"
    API_KEY_MISSING = "api_key_missing"
    API_KEY_REVOKED = "api_key_revoked"
    LOGIN_FAILED = "login_failed"

    def __str__(self) -> str:
        return str(self.value)
