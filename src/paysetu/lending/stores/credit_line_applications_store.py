"""Credit line applications in SQL (part of :class:`~.credit_lines_store.CreditLineStore`)."""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.lending.rules.credit_line_applications import CreditLineApplication
from paysetu.lending.rules.loans import ApplicationState, LoanCategory, LoanFilter
from paysetu.lending.stores.lending_store import SCOPE_SQL, scope_params

_COLUMNS = tuple(f.name for f in fields(CreditLineApplication))


def _application(row: sa.Row[Any]) -> CreditLineApplication:
    values = {name: getattr(row, name) for name in _COLUMNS}
    values["category"] = LoanCategory(values["category"])
    values["status"] = ApplicationState(values["status"])
    values["currency"] = values["currency"].strip()
    return CreditLineApplication(**values)


def _params(application: CreditLineApplication) -> dict[str, Any]:
    params = {name: getattr(application, name) for name in _COLUMNS}
    params["category"] = application.category.value
    params["status"] = application.status.value
    params["advice"] = json.dumps(dict(application.advice))
    return params


class CreditLineApplicationQueries:
    """Applications: insert, get (optionally locked), save the decision, list a page."""

    _connection: sa.Connection

    def insert_application(self, application: CreditLineApplication) -> None:
        values = ", ".join("CAST(:advice AS jsonb)" if c == "advice" else f":{c}"
                           for c in _COLUMNS)
        self._connection.execute(
            sa.text(f"INSERT INTO credit_line_applications ({', '.join(_COLUMNS)})"
                    f" VALUES ({values})"), _params(application))

    def get_application(self, application_id: str, *,
                        for_update: bool = False) -> CreditLineApplication | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._connection.execute(
            sa.text(f"SELECT * FROM credit_line_applications WHERE id = :id{lock}"),
            {"id": application_id}).one_or_none()
        return None if row is None else _application(row)

    def save_application(self, application: CreditLineApplication) -> None:
        """The decision: status, reason, time and the sanctioned line."""
        self._connection.execute(
            sa.text("UPDATE credit_line_applications SET status = :status,"
                    " decision_reason = :decision_reason, decided_at = :decided_at,"
                    " credit_line_id = :credit_line_id, updated_at = :updated_at"
                    " WHERE id = :id"), _params(application))

    def list_applications(
        self, scope: LoanFilter, page: PageRequest
    ) -> tuple[list[CreditLineApplication], bool]:
        rows, has_more = fetch_page(self._connection, "SELECT * FROM credit_line_applications",
                                    SCOPE_SQL, scope_params(scope), page)
        return [_application(r) for r in rows], has_more
