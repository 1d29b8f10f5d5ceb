"""Marketplaces, sellers, their links, orders, shares and share returns in PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from paysetu.db.pagination import fetch_page
from paysetu.kernel.pagination import PageRequest
from paysetu.marketplace.rules.records import (
    Marketplace,
    Order,
    Seller,
    SellerLink,
    Share,
    ShareRefund,
)
from paysetu.marketplace.stores.rows import (
    link_of,
    marketplace_of,
    order_of,
    seller_of,
    share_doc,
    share_of,
    share_params,
)
from paysetu.marketplace.usecases.ports import ShareTotals, StagedOrder, TaxReportRow

_SELLER_SELECT = (
    "SELECT s.*, m.legal_name, m.country, m.settlement_currency FROM sellers s"
    " JOIN merchants m ON m.id = s.merchant_id"
)


class MarketplaceStore:
    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
        self._staged: dict[str, StagedOrder] = {}
        """Orders being created in this unit of work (one store per unit of work)."""

    def stage(self, payment_id: str, staged: StagedOrder) -> None:
        self._staged[payment_id] = staged

    def staged(self, payment_id: str) -> StagedOrder | None:
        return self._staged.get(payment_id)

    def _run(self, sql: str, params: dict[str, Any] | list[dict[str, Any]]) -> Any:
        return self._connection.execute(sa.text(sql), params)

    def insert_marketplace(self, marketplace: Marketplace) -> None:
        categories = {
            k: {"commission_bps": v.bps, "commission_fixed_minor": v.fixed_minor}
            for k, v in marketplace.category_commissions.items()
        }
        self._run(
            "INSERT INTO marketplaces (merchant_id, commission_bps, commission_fixed_minor,"
            " category_commissions, refund_commission, auto_release_s, created_at) VALUES"
            " (:id, :bps, :fixed, CAST(:categories AS jsonb), :refund, :release, :at)",
            {
                "id": marketplace.merchant_id,
                "bps": marketplace.commission.bps,
                "fixed": marketplace.commission.fixed_minor,
                "categories": json.dumps(categories),
                "refund": marketplace.refund_commission,
                "release": marketplace.auto_release_s,
                "at": marketplace.created_at,
            },
        )

    def get_marketplace(self, merchant_id: str) -> Marketplace | None:
        row = self._run(
            "SELECT * FROM marketplaces WHERE merchant_id = :id", {"id": merchant_id}
        ).one_or_none()
        return None if row is None else marketplace_of(row)

    def insert_seller(self, seller: Seller) -> None:
        self._run(
            "INSERT INTO sellers (merchant_id, pan, gstin, kyc_status, created_at, updated_at)"
            " VALUES (:id, :pan, :gstin, :kyc, :at, :at)",
            {
                "id": seller.merchant_id,
                "pan": seller.pan,
                "gstin": seller.gstin,
                "kyc": seller.kyc_status.value,
                "at": seller.created_at,
            },
        )

    def get_seller(self, merchant_id: str) -> Seller | None:
        row = self._run(
            f"{_SELLER_SELECT} WHERE s.merchant_id = :id", {"id": merchant_id}
        ).one_or_none()
        return None if row is None else seller_of(row)

    def save_seller_kyc(self, seller: Seller) -> None:
        self._run(
            "UPDATE sellers SET kyc_status = :kyc, updated_at = :at WHERE merchant_id = :id",
            {"id": seller.merchant_id, "kyc": seller.kyc_status.value, "at": seller.updated_at},
        )

    def insert_link(self, link: SellerLink) -> None:
        self._run(
            "INSERT INTO marketplace_sellers (marketplace_id, seller_id, commission_bps,"
            " commission_fixed_minor, created_at) VALUES (:m, :s, :bps, :fixed, :at)",
            {
                "m": link.marketplace_id,
                "s": link.seller_id,
                "bps": None if link.commission is None else link.commission.bps,
                "fixed": None if link.commission is None else link.commission.fixed_minor,
                "at": link.created_at,
            },
        )

    _LINK_SELECT = (
        "SELECT l.marketplace_id, l.seller_id, l.commission_bps AS link_bps,"
        " l.commission_fixed_minor AS link_fixed_minor, l.created_at AS linked_at"
        " FROM marketplace_sellers l"
    )

    def get_link(self, marketplace_id: str, seller_id: str) -> SellerLink | None:
        row = self._run(
            f"{self._LINK_SELECT} WHERE marketplace_id = :m AND seller_id = :s",
            {"m": marketplace_id, "s": seller_id},
        ).one_or_none()
        return None if row is None else link_of(row)

    def linked_sellers(
        self, marketplace_id: str, seller_ids: Sequence[str]
    ) -> dict[str, tuple[Seller, SellerLink]]:
        rows = self._run(
            "SELECT s.*, m.legal_name, m.country, m.settlement_currency, l.marketplace_id,"
            " l.seller_id, l.commission_bps AS link_bps, l.commission_fixed_minor AS"
            " link_fixed_minor, l.created_at AS linked_at FROM marketplace_sellers l"
            " JOIN sellers s ON s.merchant_id = l.seller_id"
            " JOIN merchants m ON m.id = s.merchant_id"
            " WHERE l.marketplace_id = :m AND l.seller_id = ANY(CAST(:ids AS text[]))",
            {"m": marketplace_id, "ids": list(seller_ids)})
        return {r.seller_id: (seller_of(r), link_of(r)) for r in rows}

    def hold_accounts(
        self, seller_ids: Sequence[str], currency: str, ledger_ids: Sequence[str] = ()
    ) -> tuple[dict[str, str], set[str]]:
        rows = self._run(
            "SELECT merchant_id, account_id FROM merchant_accounts WHERE purpose = 'escrow'"
            " AND currency = :c AND merchant_id = ANY(CAST(:ids AS text[]))"
            " UNION ALL SELECT NULL, id FROM ledger_accounts"
            " WHERE id = ANY(CAST(:ledger AS text[]))",
            {"c": currency, "ids": list(seller_ids), "ledger": list(ledger_ids)}).all()
        return ({r.merchant_id: r.account_id for r in rows if r.merchant_id is not None},
                {r.account_id for r in rows if r.merchant_id is None})

    def owed_recoveries(self, accounts: Sequence[str]) -> dict[str, int]:
        """What each of these recovery accounts is owed (debit balance > 0), one query."""
        rows = self._run(
            "SELECT id, debits_posted - credits_posted AS owed FROM ledger_accounts"
            " WHERE id = ANY(CAST(:ids AS text[])) AND debits_posted > credits_posted",
            {"ids": list(accounts)})
        return {r.id: int(r.owed) for r in rows}

    def list_sellers(
        self, marketplace_id: str, page: PageRequest
    ) -> tuple[list[tuple[Seller, SellerLink]], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM (SELECT s.*, m.legal_name, m.country, m.settlement_currency,"
            " l.marketplace_id, l.seller_id, l.commission_bps AS link_bps,"
            " l.commission_fixed_minor AS link_fixed_minor, l.created_at AS linked_at"
            " FROM marketplace_sellers l JOIN sellers s ON s.merchant_id = l.seller_id"
            " JOIN merchants m ON m.id = s.merchant_id) AS x",
            "marketplace_id = :m",
            {"m": marketplace_id},
            page,
            id_column="seller_id",
        )
        return [(seller_of(r), link_of(r)) for r in rows], has_more

    def insert_order(self, order: Order, shares: Sequence[Share]) -> None:
        """The order and all its shares in one statement (one round trip, however many)."""
        self._run(
            "WITH o AS (INSERT INTO marketplace_orders (id, marketplace_id, amount_minor,"
            " currency, status, payment_id, checkout_session_id, split_entry_id, description,"
            " metadata, paid_at, created_at, updated_at) VALUES (:id, :m, :amount, :currency,"
            " :status, :payment, :session, :entry, :description, CAST(:metadata AS jsonb),"
            " :paid_at, :created, :updated) RETURNING id)"
            " INSERT INTO marketplace_shares (id, order_id, marketplace_id, seller_id, currency,"
            " amount_minor, commission_minor, tcs_minor, tds_minor, net_minor, lines, status,"
            " refunded_minor, held_minor, release_at, released_at, created_at, updated_at,"
            " payout_currency, payout_net_minor, fx_rate)"
            " SELECT r.id, o.id, r.marketplace_id, r.seller_id, r.currency, r.amount_minor,"
            " r.commission_minor, r.tcs_minor, r.tds_minor, r.net_minor, r.lines, r.status,"
            " r.refunded_minor, r.held_minor, r.release_at, r.released_at, r.created_at,"
            " r.updated_at, r.payout_currency, r.payout_net_minor, r.fx_rate"
            " FROM o, jsonb_to_recordset(CAST(:shares AS jsonb)) AS r(id text,"
            " marketplace_id text, seller_id text, currency text, amount_minor bigint,"
            " commission_minor bigint, tcs_minor bigint, tds_minor bigint, net_minor bigint,"
            " lines jsonb, status text, refunded_minor bigint, held_minor bigint,"
            " release_at timestamptz, released_at timestamptz, created_at timestamptz,"
            " updated_at timestamptz, payout_currency text, payout_net_minor bigint,"
            " fx_rate numeric)",
            {**self._order_params(order), "shares": json.dumps([share_doc(x) for x in shares])},
        )

    @staticmethod
    def _order_params(order: Order) -> dict[str, Any]:
        return {
            "id": order.id,
            "m": order.marketplace_id,
            "amount": order.amount_minor,
            "currency": order.currency,
            "status": order.status.value,
            "payment": order.payment_id,
            "session": order.checkout_session_id,
            "entry": order.split_entry_id,
            "description": order.description,
            "metadata": json.dumps(dict(order.metadata)),
            "paid_at": order.paid_at,
            "created": order.created_at,
            "updated": order.updated_at,
        }

    def get_order(self, order_id: str, *, for_update: bool = False) -> Order | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._run(
            f"SELECT * FROM marketplace_orders WHERE id = :id{lock}", {"id": order_id}
        ).one_or_none()
        return None if row is None else order_of(row)

    def order_for_session(self, session_id: str, *, lock: bool) -> Order | None:
        suffix = " FOR NO KEY UPDATE" if lock else ""
        row = self._run(
            f"SELECT * FROM marketplace_orders WHERE checkout_session_id = :s{suffix}",
            {"s": session_id},
        ).one_or_none()
        return None if row is None else order_of(row)

    def save_order(self, order: Order) -> None:
        self._run(
            "UPDATE marketplace_orders SET status = :status, payment_id = :payment,"
            " checkout_session_id = :session, split_entry_id = :entry, paid_at = :paid_at,"
            " updated_at = :updated WHERE id = :id",
            self._order_params(order),
        )

    def save_paid(self, order: Order, shares: Sequence[Share]) -> None:
        """An order just paid and its shares held: two statements, however many shares."""
        self.save_order(order)
        self._run(
            "UPDATE marketplace_shares SET status = :status, refunded_minor = :refunded_minor,"
            " held_minor = :held_minor, release_at = :release_at, released_at = :released_at,"
            " payout_net_minor = :payout_net_minor, fx_rate = :fx_rate,"
            " updated_at = :updated_at WHERE id = :id",
            [share_params(s) for s in shares],
        )

    def list_orders(
        self, marketplace_id: str | None, page: PageRequest
    ) -> tuple[list[Order], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM marketplace_orders",
            "CAST(:m AS text) IS NULL OR marketplace_id = :m",
            {"m": marketplace_id},
            page,
        )
        return [order_of(r) for r in rows], has_more

    def shares_of(self, order_id: str, *, for_update: bool = False) -> list[Share]:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        rows = self._run(
            f"SELECT * FROM marketplace_shares WHERE order_id = :o ORDER BY id{lock}",
            {"o": order_id},
        )
        return [share_of(r) for r in rows]

    def get_share(self, share_id: str, *, for_update: bool = False) -> Share | None:
        lock = " FOR NO KEY UPDATE" if for_update else ""
        row = self._run(
            f"SELECT * FROM marketplace_shares WHERE id = :id{lock}", {"id": share_id}
        ).one_or_none()
        return None if row is None else share_of(row)

    def save_share(self, share: Share) -> None:
        self._run(
            "UPDATE marketplace_shares SET status = :status, refunded_minor = :refunded_minor,"
            " held_minor = :held_minor, release_at = :release_at, released_at = :released_at,"
            " updated_at = :updated_at WHERE id = :id",
            share_params(share),
        )

    def list_shares(
        self, marketplace_id: str | None, seller_id: str | None, page: PageRequest
    ) -> tuple[list[Share], bool]:
        rows, has_more = fetch_page(
            self._connection,
            "SELECT * FROM marketplace_shares",
            "(CAST(:m AS text) IS NULL OR marketplace_id = :m)"
            " AND (CAST(:s AS text) IS NULL OR seller_id = :s)",
            {"m": marketplace_id, "s": seller_id},
            page,
        )
        return [share_of(r) for r in rows], has_more

    def disputed_shares(self, marketplace_id: str | None, limit: int) -> list[Share]:
        rows = self._run(
            "SELECT * FROM marketplace_shares WHERE status = 'disputed'"
            " AND (CAST(:m AS text) IS NULL OR marketplace_id = :m)"
            " ORDER BY updated_at, id LIMIT :limit",
            {"m": marketplace_id, "limit": limit},
        )
        return [share_of(r) for r in rows]

    def due_shares(self, now: datetime, limit: int) -> list[Share]:
        rows = self._run(
            "SELECT * FROM marketplace_shares WHERE status = 'held' AND release_at <= :now"
            " ORDER BY release_at, id LIMIT :limit FOR NO KEY UPDATE SKIP LOCKED",
            {"now": now, "limit": limit},
        )
        return [share_of(r) for r in rows]

    def share_totals(self, marketplace_id: str | None, seller_id: str | None) -> list[ShareTotals]:
        """Commission and tax per order currency; what holds keep per payout currency."""
        rows = self._run(
            "WITH s AS (SELECT * FROM marketplace_shares WHERE status <> 'pending'"
            " AND (CAST(:m AS text) IS NULL OR marketplace_id = :m)"
            " AND (CAST(:s AS text) IS NULL OR seller_id = :s)),"
            " a AS (SELECT currency, count(*) AS shares, sum(commission_minor) AS commission,"
            " sum(tcs_minor) AS tcs, sum(tds_minor) AS tds FROM s GROUP BY currency),"
            " h AS (SELECT payout_currency AS currency,"
            " count(*) FILTER (WHERE status IN ('held', 'disputed')) AS held_count,"
            " coalesce(sum(held_minor) FILTER (WHERE status = 'held'), 0) AS held,"
            " coalesce(sum(held_minor) FILTER (WHERE status = 'disputed'), 0) AS disputed"
            " FROM s GROUP BY payout_currency)"
            " SELECT currency, coalesce(a.shares, 0) AS shares,"
            " coalesce(h.held_count, 0) AS held_count, coalesce(h.held, 0) AS held,"
            " coalesce(h.disputed, 0) AS disputed, coalesce(a.commission, 0) AS commission,"
            " coalesce(a.tcs, 0) AS tcs, coalesce(a.tds, 0) AS tds"
            " FROM a FULL JOIN h USING (currency) ORDER BY 1",
            {"m": marketplace_id, "s": seller_id})
        return [ShareTotals(r.currency.strip(), int(r.shares), int(r.held_count), int(r.held),
                            int(r.disputed), int(r.commission), int(r.tcs), int(r.tds))
                for r in rows]

    def insert_share_refund(self, refund: ShareRefund) -> None:
        self._run(
            "INSERT INTO marketplace_share_refunds (id, share_id, refund_id, entry_id,"
            " amount_minor, commission_minor, tcs_minor, tds_minor, from_hold_minor,"
            " from_balance_minor, recovered_later_minor, created_at) VALUES (:id, :share,"
            " :refund, :entry, :amount, :commission, :tcs, :tds, :hold, :balance, :later, :at)",
            {
                "id": refund.id,
                "share": refund.share_id,
                "refund": refund.refund_id,
                "entry": refund.entry_id,
                "amount": refund.amount_minor,
                "commission": refund.commission_minor,
                "tcs": refund.tcs_minor,
                "tds": refund.tds_minor,
                "hold": refund.from_hold_minor,
                "balance": refund.from_balance_minor,
                "later": refund.recovered_later_minor,
                "at": refund.created_at,
            },
        )

    def share_refunds(self, share_id: str) -> list[ShareRefund]:
        rows = self._run(
            "SELECT * FROM marketplace_share_refunds WHERE share_id = :s ORDER BY id",
            {"s": share_id},
        )
        return [
            ShareRefund(
                r.id,
                r.share_id,
                r.refund_id,
                r.entry_id,
                r.amount_minor,
                r.commission_minor,
                r.tcs_minor,
                r.tds_minor,
                r.from_hold_minor,
                r.from_balance_minor,
                r.recovered_later_minor,
                r.created_at,
            )
            for r in rows
        ]

    def tax_report(
        self, marketplace_id: str, month_start: datetime, month_end: datetime
    ) -> list[TaxReportRow]:
        rows = self._run(
            "WITH sold AS (SELECT s.seller_id, s.currency, sum(s.amount_minor) AS gross,"
            "   sum(s.tcs_minor) AS tcs, sum(s.tds_minor) AS tds"
            "   FROM marketplace_shares s JOIN marketplace_orders o ON o.id = s.order_id"
            "   WHERE s.marketplace_id = :m AND o.paid_at >= :start AND o.paid_at < :end"
            "   GROUP BY 1, 2),"
            " returned AS (SELECT s.seller_id, s.currency, sum(r.amount_minor) AS amount,"
            "   sum(r.tcs_minor) AS tcs, sum(r.tds_minor) AS tds"
            "   FROM marketplace_share_refunds r JOIN marketplace_shares s ON s.id = r.share_id"
            "   WHERE s.marketplace_id = :m AND r.created_at >= :start AND r.created_at < :end"
            "   GROUP BY 1, 2)"
            " SELECT k.seller_id, k.currency, m.legal_name, se.pan, se.gstin,"
            "   coalesce(sold.gross, 0) AS gross, coalesce(returned.amount, 0) AS returned,"
            "   coalesce(sold.tcs, 0) - coalesce(returned.tcs, 0) AS tcs,"
            "   coalesce(sold.tds, 0) - coalesce(returned.tds, 0) AS tds"
            " FROM (SELECT seller_id, currency FROM sold UNION"
            "       SELECT seller_id, currency FROM returned) k"
            " JOIN merchants m ON m.id = k.seller_id"
            " JOIN sellers se ON se.merchant_id = k.seller_id"
            " LEFT JOIN sold USING (seller_id, currency)"
            " LEFT JOIN returned USING (seller_id, currency)"
            " ORDER BY m.legal_name, k.seller_id, k.currency",
            {"m": marketplace_id, "start": month_start, "end": month_end},
        )
        return [TaxReportRow(r.seller_id, r.legal_name, r.pan, r.gstin, r.currency.strip(),
                             int(r.gross), int(r.returned), int(r.tcs), int(r.tds))
                for r in rows]
