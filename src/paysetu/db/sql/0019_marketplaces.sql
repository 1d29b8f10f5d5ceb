-- Marketplaces (applied by Alembic revision 0019): a marketplace is a merchant that onboards
-- sellers (each a merchant of its own); an order is one buyer payment to the marketplace split
-- into seller shares held in escrow (the seller's escrow account) until delivery or timeout.
-- The ledger holds every amount; these rows say which order and share an entry belongs to.

CREATE TABLE marketplaces (
    merchant_id text PRIMARY KEY REFERENCES merchants (id),
    commission_bps integer NOT NULL CHECK (commission_bps BETWEEN 0 AND 10000),
    commission_fixed_minor bigint NOT NULL CHECK (commission_fixed_minor >= 0),
    -- {"category": {"commission_bps": n, "commission_fixed_minor": n}}
    category_commissions jsonb NOT NULL DEFAULT '{}'::jsonb
        CHECK (jsonb_typeof(category_commissions) = 'object'),
    refund_commission boolean NOT NULL,
    auto_release_s integer NOT NULL CHECK (auto_release_s > 0),
    created_at timestamptz NOT NULL
);

CREATE TABLE sellers (
    merchant_id text PRIMARY KEY REFERENCES merchants (id),
    pan char(10) CHECK (pan ~ '^[A-Z]{5}[0-9]{4}[A-Z]$'),
    gstin char(15) CHECK (gstin ~ '^[0-9]{2}[A-Z0-9]{13}$'),
    kyc_status text NOT NULL CHECK (kyc_status IN ('pending', 'verified', 'rejected')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- A seller may belong to several marketplaces; per link, an optional commission of its own.
CREATE TABLE marketplace_sellers (
    marketplace_id text NOT NULL REFERENCES marketplaces (merchant_id),
    seller_id text NOT NULL REFERENCES sellers (merchant_id),
    commission_bps integer CHECK (commission_bps BETWEEN 0 AND 10000),
    commission_fixed_minor bigint CHECK (commission_fixed_minor >= 0),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (marketplace_id, seller_id),
    CHECK (marketplace_id <> seller_id),
    CHECK ((commission_bps IS NULL) = (commission_fixed_minor IS NULL))
);
CREATE INDEX marketplace_sellers_seller ON marketplace_sellers (seller_id);

CREATE TABLE marketplace_orders (
    id text PRIMARY KEY,
    marketplace_id text NOT NULL REFERENCES marketplaces (merchant_id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status text NOT NULL CHECK (status IN ('requires_payment', 'paid')),
    payment_id text UNIQUE REFERENCES payments (id),
    checkout_session_id text UNIQUE REFERENCES checkout_sessions (id),
    -- deferred: a wallet-paid order is written before its split entry, which is applied last
    split_entry_id text UNIQUE REFERENCES ledger_entries (id) DEFERRABLE INITIALLY DEFERRED,
    description text,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    paid_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    -- paid: the buyer's payment and the split entry (none when commission takes it all)
    CHECK ((status = 'paid') = (payment_id IS NOT NULL AND paid_at IS NOT NULL))
);
CREATE INDEX marketplace_orders_marketplace ON marketplace_orders (marketplace_id, id);

CREATE TABLE marketplace_shares (
    id text PRIMARY KEY,
    order_id text NOT NULL REFERENCES marketplace_orders (id),
    marketplace_id text NOT NULL REFERENCES marketplaces (merchant_id),
    seller_id text NOT NULL REFERENCES sellers (merchant_id),
    currency char(3) NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    commission_minor bigint NOT NULL CHECK (commission_minor >= 0),
    tcs_minor bigint NOT NULL CHECK (tcs_minor >= 0),
    tds_minor bigint NOT NULL CHECK (tds_minor >= 0),
    net_minor bigint NOT NULL CHECK (net_minor >= 0),
    lines jsonb NOT NULL CHECK (jsonb_typeof(lines) = 'array'),
    status text NOT NULL CHECK (status IN ('pending', 'held', 'disputed', 'released',
                                           'refunded')),
    refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    -- What the share's hold still keeps for the seller (the hold's postings explain it).
    held_minor bigint NOT NULL DEFAULT 0 CHECK (held_minor >= 0),
    release_at timestamptz,
    released_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (order_id, seller_id),
    CHECK (amount_minor = commission_minor + tcs_minor + tds_minor + net_minor),
    CHECK (refunded_minor <= amount_minor),
    CHECK (held_minor <= net_minor)
);
CREATE INDEX marketplace_shares_seller ON marketplace_shares (seller_id, id);
CREATE INDEX marketplace_shares_order ON marketplace_shares (order_id);
CREATE INDEX marketplace_shares_due ON marketplace_shares (release_at) WHERE status = 'held';

-- One row per return of a share: the parts it took back (the entry moves them).
CREATE TABLE marketplace_share_refunds (
    id text PRIMARY KEY,
    share_id text NOT NULL REFERENCES marketplace_shares (id),
    refund_id text NOT NULL UNIQUE REFERENCES refunds (id),
    entry_id text UNIQUE REFERENCES ledger_entries (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    commission_minor bigint NOT NULL CHECK (commission_minor >= 0),
    tcs_minor bigint NOT NULL CHECK (tcs_minor >= 0),
    tds_minor bigint NOT NULL CHECK (tds_minor >= 0),
    from_hold_minor bigint NOT NULL CHECK (from_hold_minor >= 0),
    from_balance_minor bigint NOT NULL CHECK (from_balance_minor >= 0),
    recovered_later_minor bigint NOT NULL CHECK (recovered_later_minor >= 0),
    created_at timestamptz NOT NULL
);
CREATE INDEX marketplace_share_refunds_share ON marketplace_share_refunds (share_id);
