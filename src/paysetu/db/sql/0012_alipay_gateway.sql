-- Alipay-compatible gateway: apps, trades, refunds, transfers, payment codes, replay guard and
-- the notification outbox. No money lives here: a trade links an app's out_trade_no to a
-- paysetu payment, a refund links out_request_no to a paysetu refund, a transfer names its
-- ledger entry. Every amount and state that matters is read from payments, refunds and the
-- ledger.

CREATE TABLE alipay_apps (
    id text PRIMARY KEY,                          -- Alipay-style numeric app id
    merchant_id text NOT NULL REFERENCES merchants (id),
    public_key_pem text NOT NULL,                 -- the app's RSA public key (verifies requests)
    notify_url text,                              -- default notify_url of the app's trades
    created_at timestamptz NOT NULL
);
CREATE INDEX alipay_apps_merchant ON alipay_apps (merchant_id, id);

CREATE TABLE alipay_trades (
    id text PRIMARY KEY,                          -- trade_no
    app_id text NOT NULL REFERENCES alipay_apps (id),
    out_trade_no text NOT NULL,
    method text NOT NULL,                         -- the method that opened the trade
    request_hash text NOT NULL,                   -- what out_trade_no was first asked for
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,                    -- trans_currency (CNY unless given)
    subject text NOT NULL,
    sign_type text NOT NULL CHECK (sign_type IN ('RSA', 'RSA2')),
    notify_url text,
    payment_id text UNIQUE REFERENCES payments (id),
    closed_at timestamptz,                        -- closed before any payment existed
    return_url text,                              -- page/wap pay: where the browser goes back
    checkout_session_id text UNIQUE REFERENCES checkout_sessions (id),  -- page/wap pay
    created_at timestamptz NOT NULL,
    UNIQUE (app_id, out_trade_no)
);

CREATE TABLE alipay_refunds (
    trade_id text NOT NULL REFERENCES alipay_trades (id),
    out_request_no text NOT NULL,
    refund_id text NOT NULL UNIQUE REFERENCES refunds (id),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (trade_id, out_request_no)
);

CREATE TABLE alipay_transfers (
    id text PRIMARY KEY,                          -- order_id
    app_id text NOT NULL REFERENCES alipay_apps (id),
    out_biz_no text NOT NULL,
    request_hash text NOT NULL,
    wallet_id text NOT NULL REFERENCES wallets (id),
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    entry_id text NOT NULL UNIQUE REFERENCES ledger_entries (id),
    created_at timestamptz NOT NULL,
    UNIQUE (app_id, out_biz_no)
);

-- One-time payment codes a buyer's wallet shows at a till (alipay.trade.pay, scene bar_code).
CREATE TABLE alipay_payment_codes (
    code_hash bytea PRIMARY KEY,                  -- sha256 of the code: the code is a bearer token
    wallet_id text NOT NULL REFERENCES wallets (id),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL
);

-- Signatures of accepted requests, kept while their timestamp is within tolerance.
CREATE TABLE alipay_seen_requests (
    app_id text NOT NULL REFERENCES alipay_apps (id),
    signature_hash bytea NOT NULL,
    forget_after timestamptz NOT NULL,
    PRIMARY KEY (app_id, signature_hash)
);
CREATE INDEX alipay_seen_requests_forget ON alipay_seen_requests (forget_after);

-- The notification outbox, written in the transaction of the change it reports.
CREATE TABLE alipay_notifications (
    id text PRIMARY KEY,                          -- notify_id
    trade_id text NOT NULL REFERENCES alipay_trades (id),
    url text NOT NULL,
    sign_type text NOT NULL CHECK (sign_type IN ('RSA', 'RSA2')),
    params jsonb NOT NULL,                        -- the fields, signed when sent
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts integer NOT NULL DEFAULT 0,
    last_error text,
    next_attempt_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX alipay_notifications_due ON alipay_notifications (next_attempt_at)
    WHERE status = 'pending';
