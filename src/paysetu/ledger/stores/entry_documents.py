"""The JSON document ``ledger_apply`` reads for one entry (short keys: it is parsed per entry).

Keys: id, kind (single_phase|pending|post_pending|void_pending), metadata, postings [{a: account
id, d: debit|credit, m: amount_minor, c: currency}], timeout_s, balancing_debit,
balancing_credit, closing_debit, closing_credit, reverses_id, code; for a post or void:
pending_id, amount, and the debit, credit and currency it names. Only keys with a value are
written, so the SQL can test ``doc ? key``.
"""

from __future__ import annotations

from typing import Any

from paysetu.ledger.rules.entries import EntryRequest, NewEntry


def entry_document(entry: EntryRequest) -> dict[str, Any]:
    """The JSON shape ``ledger_apply`` reads for one entry."""
    if isinstance(entry, NewEntry):
        doc: dict[str, Any] = {
            "id": entry.id,
            "kind": entry.kind.value,
            "postings": [
                {"a": p.account_id, "d": p.direction.value, "m": p.amount_minor, "c": p.currency}
                for p in entry.postings
            ],
            "metadata": dict(entry.metadata),
        }
        if entry.timeout_s is not None:
            doc["timeout_s"] = entry.timeout_s
        if entry.balancing_debit:
            doc["balancing_debit"] = True
        if entry.balancing_credit:
            doc["balancing_credit"] = True
        if entry.reverses_id is not None:
            doc["reverses_id"] = entry.reverses_id
        if entry.code is not None:
            doc["code"] = entry.code
        if entry.closing_debit:
            doc["closing_debit"] = True
        if entry.closing_credit:
            doc["closing_credit"] = True
        return doc
    doc = {
        "id": entry.id,
        "kind": entry.kind.value,
        "pending_id": entry.pending_id,
        "metadata": dict(entry.metadata),
    }
    # A void's amount 0 is TigerBeetle's "not given": the same request as none.
    amount = None if not entry.post and entry.amount_minor == 0 else entry.amount_minor
    for key, named in (
        ("amount", amount),
        ("debit", entry.debit_account_id),
        ("credit", entry.credit_account_id),
        ("currency", entry.currency),
        ("code", entry.code),
    ):
        if named is not None:
            doc[key] = named
    return doc
