"""Stripe-style cursor pagination over tables keyed by time-sortable ids (newest first).

``starting_after=X`` gives the page of objects just older than ``X``; ``ending_before=Y`` the
page just newer than ``Y``; ``has_more`` says whether another page lies in that direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from paysetu.kernel.pagination import PageRequest


def fetch_page(
    connection: sa.Connection,
    select_sql: str,
    where_sql: str,
    params: Mapping[str, Any],
    page: PageRequest,
    id_column: str = "id",
) -> tuple[list[sa.Row[Any]], bool]:
    """Run ``{select_sql} WHERE {where_sql} AND <cursor>`` newest first; rows and has_more."""
    bound = dict(params)
    bound["page_limit"] = page.limit + 1
    if page.ending_before is not None:
        bound["cursor"] = page.ending_before
        sql = (
            f"{select_sql} WHERE ({where_sql}) AND {id_column} > :cursor"
            f" ORDER BY {id_column} ASC LIMIT :page_limit"
        )
        rows = list(connection.execute(sa.text(sql), bound))
        has_more = len(rows) > page.limit
        return list(reversed(rows[: page.limit])), has_more
    cursor_sql = ""
    if page.starting_after is not None:
        bound["cursor"] = page.starting_after
        cursor_sql = f" AND {id_column} < :cursor"
    sql = (
        f"{select_sql} WHERE ({where_sql}){cursor_sql}"
        f" ORDER BY {id_column} DESC LIMIT :page_limit"
    )
    rows = list(connection.execute(sa.text(sql), bound))
    return rows[: page.limit], len(rows) > page.limit
