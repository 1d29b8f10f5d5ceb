"""Public ids: a type prefix plus a ULID (time-sortable, 26 characters, no coordination)."""

from ulid import ULID


class UlidIds:
    """``new_id("je")`` -> ``je_01JDA5...``."""

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{ULID()}"
