"""The default SMS gateway: one console line per message (``paysetu run`` shows the demo's
sign-in codes this way). The message is what the customer would read; nothing else logs it."""

from __future__ import annotations

from collections.abc import Callable

from paysetu.customers.usecases.ports import SmsMessage


class ConsoleSms:
    def __init__(self, write: Callable[[str], None]) -> None:
        self._write = write

    def deliver(self, message: SmsMessage) -> None:
        self._write(f"SMS to {message.phone_e164}: {message.body}")
